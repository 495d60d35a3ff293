#include "eavesearch/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace eavesearch {
namespace {

constexpr UChar32 kRightSingleQuote = 0x2019;

bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (u_isalnum(c)) return true;
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK || type == U_CONNECTOR_PUNCTUATION;
}

bool is_digit(UChar32 c) { return u_isdigit(c); }

// Decodes the code point at `i` (advancing it); negative for an invalid byte.
UChar32 next_code_point(std::string_view s, std::size_t& i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(pos);
  return c;
}

UChar32 peek_code_point(std::string_view s, std::size_t i) { return next_code_point(s, i); }

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

Xapian::Stem& stemmer() {
  thread_local Xapian::Stem stem("english");
  return stem;
}

// Words as written to their terms, per thread. Stemming was 7% of a full
// build (bench/README.md, "Where a build's time goes"); a log's words repeat,
// so most are found here. Emptied when full: a bound, not an LRU; words
// longer than any term (kMaxWordBytes) are not kept.
class TermCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 14;

  template <typename Make>
  std::string term(std::string_view word, Make make) {
    if (word.size() > kMaxWordBytes) return make();
    if (auto it = terms_.find(word); it != terms_.end()) return it->second;
    if (terms_.size() >= kMaxWords) terms_.clear();
    return terms_.emplace(std::string(word), make()).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> terms_;
};

bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (is_word_char(next_code_point(s, i))) return true;
  }
  return false;
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fold(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString folded =
      nfkc_cf->normalize(icu::UnicodeString::fromUTF8(
                             icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                         status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string index_term(std::string_view word) {
  thread_local TermCache cache;
  return cache.term(word, [&]() -> std::string {
    std::string folded = fold(word);
    if (!has_word_char(folded)) return {};
    for (std::size_t at; (at = folded.find("\xE2\x80\x99")) != std::string::npos;) {
      folded.replace(at, 3, "'");
    }
    return stemmer()(folded);
  });
}

void for_each_token(std::string_view text, const std::function<void(const Token&)>& emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    UChar32 c = next_code_point(text, i);
    if (c < 0 || !is_word_char(c)) continue;
    UChar32 last = c;
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t j = end;
      UChar32 d = next_code_point(text, j);
      if (d >= 0 && is_word_char(d)) {
        last = d;
        end = j;
        continue;
      }
      // A joiner stays inside the word only between the right kinds of character.
      bool joins = false;
      if (j < text.size()) {
        UChar32 after = peek_code_point(text, j);
        if ((d == '\'' || d == kRightSingleQuote) && u_isalpha(last) && after >= 0 &&
            u_isalpha(after)) {
          joins = true;
        } else if ((d == '.' || d == ',') && is_digit(last) && after >= 0 && is_digit(after)) {
          joins = true;
        }
      }
      if (!joins) break;
      end = j;
    }
    i = end;
    std::size_t length = end - start;
    if (length > kMaxWordBytes) continue;
    std::string term = index_term(text.substr(start, length));
    // NFKC can make a word many times longer (U+FDFA is 18 letters).
    if (!term.empty() && term.size() <= kMaxWordBytes) emit(Token{start, length, std::move(term)});
  }
}

std::string percent_encode_invalid_utf8(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    if (next_code_point(text, i) >= 0) {
      out.append(text.substr(start, i - start));
      continue;
    }
    auto byte = static_cast<unsigned char>(text[start]);
    out.append({'%', kHex[byte >> 4], kHex[byte & 0xF]});
    i = start + 1;
  }
  return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  // Back over the continuation bytes (10xxxxxx, three at most) of a
  // character cut in two.
  for (int k = 0; k < 3 && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80; ++k)
    --end;
  return text.substr(0, end);
}

std::string clean_line(std::string_view whole, bool* cut) {
  std::string_view line = utf8_prefix(whole, kMaxLineBytes);
  bool valid = true;
  for (std::size_t i = 0; i < line.size();) {
    if (next_code_point(line, i) < 0) {
      valid = false;
      break;
    }
  }
  std::string decoded;
  if (valid) {
    decoded.assign(line);
  } else {
    icu::UnicodeString u(line.data(), static_cast<int32_t>(line.size()), "windows-1252");
    u.toUTF8String(decoded);
  }
  std::string out;
  out.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(decoded[i]);
    if (c == 0x03) {  // mIRC colour: \x03[fg[,bg]], one or two digits each
      auto digits = [&](std::size_t& k) {
        int n = 0;
        while (n < 2 && k + 1 < decoded.size() && decoded[k + 1] >= '0' && decoded[k + 1] <= '9') {
          ++k;
          ++n;
        }
        return n;
      };
      if (digits(i) > 0 && i + 2 < decoded.size() && decoded[i + 1] == ',' &&
          decoded[i + 2] >= '0' && decoded[i + 2] <= '9') {
        ++i;
        digits(i);
      }
      continue;
    }
    if (c == '\n' || c == '\r') c = ' ';
    if (c < 0x20 && c != '\t') continue;
    if (c == 0x7f) continue;
    out.push_back(static_cast<char>(c));
  }
  // Decoded cp1252 takes up to three bytes a character.
  std::size_t kept = utf8_prefix(out, kMaxLineBytes).size();
  if (cut) *cut = line.size() < whole.size() || kept < out.size();
  out.resize(kept);
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
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
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace eavesearch
