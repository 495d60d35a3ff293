// Test helpers: the shared real corpus (../shared/corpus, or
// $EAVESEARCH_CORPUS), temporary folders, files.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "eavesearch/searcher.h"

namespace eavesearch::testing {

// The corpus folder, or nullopt when it is absent.
std::optional<std::filesystem::path> corpus_dir();

// Skips the test with a visible reason when the corpus is absent, or fails it
// when EAVESEARCH_REQUIRE_CORPUS=1 (as .ci/run sets).
#define EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(var)                                  \
  auto var##_opt = ::eavesearch::testing::corpus_dir();                         \
  if (!var##_opt) {                                                             \
    if (::eavesearch::testing::corpus_required()) {                             \
      FAIL() << "EAVESEARCH_REQUIRE_CORPUS=1 but no corpus at "                 \
             << ::eavesearch::testing::corpus_location();                       \
    }                                                                           \
    GTEST_SKIP() << "no corpus at " << ::eavesearch::testing::corpus_location() \
                 << " (set EAVESEARCH_CORPUS)";                                 \
  }                                                                             \
  const std::filesystem::path var = *var##_opt

bool corpus_required();
std::string corpus_location();

// The committed sample archive (data/sample).
std::filesystem::path sample_dir();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view content);

// A search request with the fields tests vary; the rest default.
inline SearchRequest request(std::string q, int per_page = 20, SortOrder sort = SortOrder::kAuto,
                             int page = 1) {
  SearchRequest r;
  r.q = std::move(q);
  r.per_page = per_page;
  r.sort = sort;
  r.page = page;
  return r;
}

// A parameterised test's name from its case's `what` ("no-break space" ->
// "nobreakspace").
template <typename Case>
std::string case_name(const ::testing::TestParamInfo<Case>& param) {
  std::string name;
  for (const char* p = param.param.what; *p; ++p) {
    if (std::isalnum(static_cast<unsigned char>(*p))) name += *p;
  }
  return name;
}

// A fresh folder removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace eavesearch::testing
