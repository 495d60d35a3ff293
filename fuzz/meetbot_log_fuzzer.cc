// parse_meetbot_log (a MeetBot .log.txt), the meeting semantics it applies,
// and the action ledger over the log read as a meeting and as its own next.
#include <algorithm>

#include "eavesearch/parser.h"
#include "fuzz/contracts.h"
#include "fuzz/fuzz_input.h"
#include "indexer/action_ledger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eavesearch;
  fuzz::ArchiveFile file = fuzz::archive_file(fuzz::as_text(data, size));
  if (auto log = parse_meetbot_log(file.rel_path, file.content)) {
    fuzz::expect_clean_log(*log, size);
    auto items = std::count_if(log->records.begin(), log->records.end(),
                               [](const Record& r) { return r.item == "action"; });
    std::vector<ActionFate> fates = action_ledger({&log->records, &log->records});
    if (fates.size() != static_cast<std::size_t>(2 * items)) __builtin_trap();
    for (const ActionFate& f : fates) {
      if (f.status == ActionStatus::kOpen && !f.evidence.empty()) __builtin_trap();
      if (f.status != ActionStatus::kOpen && f.evidence.empty()) __builtin_trap();
    }
  }
  return 0;
}
