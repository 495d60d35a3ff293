// read_text_minutes (MeetBot's .txt minutes), and the comparison `eavesearch
// check` makes of what it read.
#include "eavesearch/check.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  if (auto minutes = read_text_minutes(fuzz::as_text(data, size))) {
    fuzz::expect_linear_minutes(*minutes, size);
    compare_minutes(*minutes, minutes_of(Meeting{}));
  }
  return 0;
}
