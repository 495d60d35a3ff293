#include "indexer/html_text.h"

#include <array>
#include <cstdint>

namespace eavesearch {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The entity at the start of `s` ("&...;"): its length and what it stands for.
bool entity(std::string_view s, std::size_t& length, std::string& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kNamed = {{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&nbsp;", " "},
      {"&#39;", "'"},
  }};
  for (const auto& [name, text] : kNamed) {
    if (s.substr(0, name.size()) == name) {
      length = name.size();
      out.append(text);
      return true;
    }
  }
  if (s.size() < 4 || s[1] != '#') return false;
  bool hex = s[2] == 'x' || s[2] == 'X';
  std::size_t at = hex ? 3 : 2;
  std::uint32_t cp = 0;
  std::size_t digits = 0;
  for (; at < s.size() && digits < 8; ++at, ++digits) {
    char c = s[at];
    int v = c >= '0' && c <= '9'          ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (v < 0) break;
    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
  }
  if (digits == 0 || at >= s.size() || s[at] != ';') return false;
  length = at + 1;
  append_utf8(out, cp);
  return true;
}

}  // namespace

std::string decode_entities(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    std::size_t length = 0;
    if (html[i] == '&' && entity(html.substr(i), length, out)) {
      i += length;
    } else {
      out.push_back(html[i++]);
    }
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  std::string without_tags;
  without_tags.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    without_tags.push_back(html[i]);
  }
  return decode_entities(without_tags);
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace eavesearch
