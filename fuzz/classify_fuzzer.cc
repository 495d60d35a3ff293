// What a file of the archive is: classify (its name and first bytes) and the
// readers of archive names (include/eavesearch/archive_names.h).
#include "eavesearch/archive_names.h"
#include "eavesearch/parser.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  fuzz::ArchiveFile file = fuzz::archive_file(fuzz::as_text(data, size));
  if (is_ignored_name(file.rel_path)) return 0;
  classify(file.rel_path, file.content.substr(0, kClassifyHeadBytes));
  log_stem(file.rel_path);
  parse_log_name(file.rel_path);
  channel_log_name(file.rel_path);
  date_in_name(file.rel_path);
  previous_day_path(std::string(file.rel_path));
  is_primary_form(file.rel_path);
  return 0;
}
