// parse_meetbot_html (MeetBot's .log.html, both anchor styles) and the
// channel read from its head.
#include "eavesearch/parser.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  fuzz::ArchiveFile file = fuzz::archive_file(fuzz::as_text(data, size));
  if (auto log = parse_meetbot_html(file.rel_path, file.content)) {
    fuzz::expect_clean_log(*log, size);
  }
  meetbot_html_channel(file.content.substr(0, kClassifyHeadBytes));
  return 0;
}
