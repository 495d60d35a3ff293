// Schedules meetings over a date range and writes them as a MeetBot archive.
#ifndef EAVESEARCH_DATA_GENERATOR_ARCHIVE_H_
#define EAVESEARCH_DATA_GENERATOR_ARCHIVE_H_

#include <cstdint>
#include <string>

namespace eavesearch::gen {

struct ArchiveOptions {
  std::string out_dir;  // archive root; "meetings/" is created below it
  uint64_t seed = 1;
  int64_t meetings = 0;      // exact number of meetings wanted, or 0
  int64_t lines = 0;         // else: stop once about this many lines are written
  int64_t from_day = 0;      // first day (days since 1970-01-01), inclusive
  int64_t to_day = 0;        // last day, inclusive
  bool channel_logs = true;  // also write irclogs/ (FORMATS.md 2)
  // When set, later meetings of a series review its action items (done,
  // carried over, open), and this file gets each item's true status: the
  // action ledger's labelled set. The archive then differs from one without.
  std::string ledger_truth;
};

struct ArchiveStats {
  int64_t meetings = 0;
  int64_t lines = 0;
  int64_t bytes = 0;
  int tiers = 0;  // synthetic sub-team tiers added for capacity
  int64_t channel_files = 0;
  int64_t channel_lines = 0;
  int64_t channel_bytes = 0;
  int64_t quiet_days = 0;  // channel logs of a day without meetings
  int64_t moved = 0;       // meetings whose channel was taken: copied into another one
  int64_t left_out = 0;    // meetings without a channel copy (it would overlap another)
};

// Walks the days from `from_day` to `to_day` and, slot by slot, samples
// meetings (busy series more often) so that the wanted amount is spread over
// the whole range; each meeting is written as soon as it is generated, so
// memory stays bounded. The output depends only on the options. Throws
// std::runtime_error when a file cannot be written.
ArchiveStats generate_archive(const ArchiveOptions& options);

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_ARCHIVE_H_
