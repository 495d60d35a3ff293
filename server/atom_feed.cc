#include "server/atom_feed.h"

#include "eavesearch/time_util.h"

namespace eavesearch {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at s[i] (1 to 4), 0 when invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(k) >> 6) != 2) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool allowed_in_xml(char32_t cp) {
  return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
}

void element(std::string& out, std::string_view name, std::string_view text) {
  out += "<";
  out += name;
  out += ">";
  out += xml_escaped(text);
  out += "</";
  out += name;
  out += ">";
}

void link(std::string& out, std::string_view rel, std::string_view href, std::string_view type) {
  if (href.empty()) return;
  out += "<link rel=\"";
  out += rel;
  out += "\" href=\"" + xml_escaped(href) + "\"";
  if (!type.empty()) out += " type=\"" + std::string(type) + "\"";
  out += "/>";
}

}  // namespace

std::string xml_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t n = utf8_length(s, i, cp);
    if (n == 0 || !allowed_in_xml(cp)) {
      out += kReplacement;
      i += n == 0 ? 1 : n;
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string atom_date(std::int64_t epoch) { return format_iso(epoch); }

std::string atom_xml(const AtomFeed& feed) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
  element(out, "id", feed.id);
  out += "<title type=\"text\">" + xml_escaped(feed.title) + "</title>";
  element(out, "updated", atom_date(feed.updated));
  link(out, "self", feed.self, "application/atom+xml");
  link(out, "alternate", feed.alternate, "text/html");
  out += "<generator uri=\"https://opendev.org\">eavesearch</generator>\n";
  for (const AtomEntry& e : feed.entries) {
    out += "<entry>";
    element(out, "id", e.id);
    out += "<title type=\"text\">" + xml_escaped(e.title) + "</title>";
    element(out, "updated", atom_date(e.updated));
    element(out, "published", atom_date(e.updated));
    out += "<author>";
    element(out, "name", e.author.empty() ? "unknown" : e.author);
    out += "</author>";
    link(out, "alternate", e.link, "text/html");
    if (!e.category.empty()) out += "<category term=\"" + xml_escaped(e.category) + "\"/>";
    out += "<content type=\"text\">" + xml_escaped(e.content) + "</content>";
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace eavesearch
