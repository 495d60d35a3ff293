// parse_pasted_log: MeetBot lines pasted into another document (reST, mail).
#include "eavesearch/parser.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  fuzz::ArchiveFile file = fuzz::archive_file(fuzz::as_text(data, size));
  if (auto log = parse_pasted_log(file.rel_path, file.content)) {
    fuzz::expect_clean_log(*log, size);
  }
  return 0;
}
