#include "core/terms.h"

#include <cinttypes>
#include <cstdio>

#include "eavesearch/schema.h"

namespace eavesearch {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term = std::string(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016" PRIx64, fnv1a64(term));
  term.resize(kMaxTermBytes - 17);
  return term + hash;
}

std::string file_term(std::string_view path) {
  char hash[20];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, fnv1a64(path));
  return std::string(fields::kFile.prefix).append(hash);
}

}  // namespace eavesearch
