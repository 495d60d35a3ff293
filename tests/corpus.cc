#include "tests/corpus.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace eavesearch::testing {

std::string corpus_location() {
  const char* env = std::getenv("EAVESEARCH_CORPUS");
  return env && *env ? env : EAVESEARCH_DEFAULT_CORPUS;
}

bool corpus_required() {
  const char* env = std::getenv("EAVESEARCH_REQUIRE_CORPUS");
  return env && std::string(env) == "1";
}

std::optional<std::filesystem::path> corpus_dir() {
  std::filesystem::path p = corpus_location();
  if (!std::filesystem::is_directory(p / "real")) return std::nullopt;
  return p;
}

std::filesystem::path sample_dir() { return EAVESEARCH_SAMPLE_DIR; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "eavesearch-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  if (made == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace eavesearch::testing
