#include "archive.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "channel_logs.h"
#include "civil_date.h"
#include "meeting_table.h"
#include "meeting_writer.h"
#include "people.h"
#include "rng.h"

namespace eavesearch::gen {
namespace {

constexpr int kMaxTiers = 200;

struct Slot {
  int seconds;
  size_t series;
};

// Rough lines per meeting of a series of this weight (calibrated on output).
int64_t estimated_lines(int weight) { return 95 + weight * weight * 3 / 2; }

class Planner {
 public:
  Planner(const ArchiveOptions& options) : options_(options) {}

  // Adds synthetic tiers until the schedule can hold the request.
  void build_series() {
    series_ = base_series();
    count(series_, &slots_, &weight_, &capacity_lines_);
    while (tiers_ < kMaxTiers && !big_enough()) {
      ++tiers_;
      std::vector<MeetingSeries> extra = derived_series(tiers_);
      int64_t s = 0, w = 0, l = 0;
      count(extra, &s, &w, &l);
      slots_ += s;
      weight_ += w;
      capacity_lines_ += l;
      for (MeetingSeries& m : extra) series_.push_back(std::move(m));
    }
    for (const MeetingSeries& m : series_) {
      pools_.push_back(build_pool(m.team, m.meeting_id, days_from_yyyymmdd(m.first),
                                  days_from_yyyymmdd(m.last), options_.seed));
    }
  }

  ArchiveStats run() {
    build_series();
    ArchiveStats stats;
    stats.tiers = tiers_;
    if (options_.channel_logs) {
      std::set<std::string> meeting_channels;
      for (const MeetingSeries& m : series_) meeting_channels.insert(m.channel);
      channels_.emplace(options_.seed, std::move(meeting_channels),
                        [this](const std::string& relative, const std::string& text) {
                          write_file(relative, text);
                        });
    }
    if (!options_.ledger_truth.empty()) ledger_.emplace(series_.size());
    walk(&stats);
    if (ledger_) write_truth();
    if (channels_) {
      channels_->finish();
      const ChannelStats& c = channels_->stats();
      stats.channel_files = c.files;
      stats.channel_lines = c.lines;
      stats.channel_bytes = c.bytes;
      stats.quiet_days = c.quiet_days;
      stats.moved = c.moved;
      stats.left_out = c.left_out;
    }
    return stats;
  }

 private:
  void walk(ArchiveStats* out) {
    ArchiveStats& stats = *out;
    int64_t slots_left = slots_;
    int64_t weight_left = weight_;
    const int64_t est_avg = slots_ > 0 ? std::max<int64_t>(1, capacity_lines_ / slots_) : 100;
    Rng pick(combine(options_.seed, 0x5a4d91eULL));
    MeetingLog log;
    std::vector<Slot> day_slots;
    std::set<std::string> written_today;
    for (int64_t day = options_.from_day; day <= options_.to_day; ++day) {
      if (channels_) channels_->flush_before(day);
      day_slots.clear();
      written_today.clear();
      for (size_t i = 0; i < series_.size(); ++i) {
        for (int seconds : meeting_times_on(series_[i], day)) day_slots.push_back({seconds, i});
      }
      std::sort(day_slots.begin(), day_slots.end(), [](const Slot& a, const Slot& b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : a.series < b.series;
      });
      for (const Slot& slot : day_slots) {
        const MeetingSeries& series = series_[slot.series];
        const int64_t w = series.weight;
        const bool take = decide(stats, est_avg, slots_left, weight_left, w, pick);
        --slots_left;
        weight_left -= w;
        if (done(stats)) return;
        if (!take) continue;
        MeetingSpec spec;
        spec.series = &series;
        spec.pool = &pools_[slot.series];
        spec.day = day;
        spec.seed =
            combine(combine(options_.seed, hash_string(series.meeting_id)),
                    static_cast<uint64_t>(day) * 86400 + static_cast<uint64_t>(slot.seconds));
        spec.start_seconds = slot.seconds;
        // About one meeting in sixty is held late and runs past midnight UTC.
        if (spec.seed % 60 == 7)
          spec.start_seconds = 23 * 3600 + static_cast<int>(20 + spec.seed / 60 % 31) * 60;
        LedgerPlan plan;
        if (ledger_) {
          plan.pending = (*ledger_)[slot.series];
          spec.ledger = &plan;
        }
        write_meeting(spec, &log);
        const std::string path = log_relative_path(log);
        if (!written_today.insert(path).second) continue;  // same minute twice: keep the first
        write_file(path, log.text);
        if (ledger_) ledger_->record(slot.series, path, plan);
        if (channels_) channels_->add_meeting(spec, log);
        ++stats.meetings;
        stats.lines += log.lines;
        stats.bytes += static_cast<int64_t>(log.text.size());
      }
    }
  }

  void count(const std::vector<MeetingSeries>& list, int64_t* slots, int64_t* weight,
             int64_t* lines) const {
    for (int64_t day = options_.from_day; day <= options_.to_day; ++day) {
      for (const MeetingSeries& m : list) {
        const size_t n = meeting_times_on(m, day).size();
        *slots += static_cast<int64_t>(n);
        *weight += static_cast<int64_t>(n) * m.weight;
        *lines += static_cast<int64_t>(n) * estimated_lines(m.weight);
      }
    }
  }

  bool big_enough() const {
    if (options_.meetings > 0) return slots_ >= 2 * options_.meetings;
    return capacity_lines_ >= 2 * options_.lines;
  }

  bool done(const ArchiveStats& stats) const {
    if (options_.meetings > 0) return stats.meetings >= options_.meetings;
    return stats.lines >= options_.lines;
  }

  // Adaptive sampling: the chance of taking a slot is what is still needed
  // times its weight over the weight still ahead, so the meetings spread over
  // the whole date range and busy series come up more often.
  bool decide(const ArchiveStats& stats, int64_t est_avg, int64_t slots_left, int64_t weight_left,
              int64_t w, Rng& pick) const {
    int64_t need = 0;
    if (options_.meetings > 0) {
      need = options_.meetings - stats.meetings;
      if (slots_left <= need) return true;
    } else {
      const int64_t avg =
          stats.meetings >= 20 ? std::max<int64_t>(1, stats.lines / stats.meetings) : est_avg;
      need = (options_.lines - stats.lines + avg - 1) / avg;
    }
    if (need <= 0 || weight_left <= 0) return need > 0;
    return static_cast<int64_t>(pick.uniform(static_cast<uint64_t>(weight_left))) < need * w;
  }

  void write_file(const std::string& relative, const std::string& text) {
    const std::filesystem::path path = std::filesystem::path(options_.out_dir) / relative;
    const std::string dir = path.parent_path().string();
    if (made_dirs_.insert(dir).second) std::filesystem::create_directories(dir);
    std::FILE* f = std::fopen(path.string().c_str(), "wb");
    if (f == nullptr) throw std::runtime_error("cannot write " + path.string());
    const size_t n = std::fwrite(text.data(), 1, text.size(), f);
    if (std::fclose(f) != 0 || n != text.size()) {
      throw std::runtime_error("error writing " + path.string());
    }
  }

  // --plant-ledger: each series' pending action items, and every item's true status.
  class Ledger {
   public:
    explicit Ledger(size_t series) : pending_(series) {}
    const std::vector<PlantedAction>& operator[](size_t series) const { return pending_[series]; }

    void record(size_t series, const std::string& log_path, const LedgerPlan& plan) {
      const std::string stem = log_path.substr(0, log_path.size() - std::string(".log.txt").size());
      auto id = [&](int64_t line) { return stem + "#" + std::to_string(line); };
      std::vector<PlantedAction>& pending = pending_[series];
      std::vector<bool> reviewed(pending.size(), false);
      for (const LedgerPlan::Review& r : plan.reviewed) {
        truth_[pending[r.pending].id] = r.status + (r.line > 0 ? "\t" + id(r.line) : "");
        reviewed[r.pending] = true;
      }
      std::vector<PlantedAction> still;
      for (size_t i = 0; i < pending.size(); ++i) {
        if (!reviewed[i]) still.push_back(std::move(pending[i]));
      }
      for (PlantedAction a : plan.assigned) {
        a.id = id(a.line);
        truth_[a.id] = "open";
        still.push_back(std::move(a));
      }
      pending = std::move(still);
    }

    // "<action id>\t<status>[\t<evidence id>]" lines, by id.
    std::string truth() const {
      std::string out =
          "# eavesearch-generate --plant-ledger: action item, true status (done, carried, "
          "open), evidence line\n";
      for (const auto& [id, status] : truth_) out += id + "\t" + status + "\n";
      return out;
    }

   private:
    std::vector<std::vector<PlantedAction>> pending_;
    std::map<std::string, std::string> truth_;
  };

  void write_truth() {
    std::ofstream f(options_.ledger_truth, std::ios::binary);
    f << ledger_->truth();
    if (!f.flush()) throw std::runtime_error("error writing " + options_.ledger_truth);
  }

  const ArchiveOptions& options_;
  std::optional<Ledger> ledger_;
  std::vector<MeetingSeries> series_;
  std::vector<std::vector<Regular>> pools_;
  std::set<std::string> made_dirs_;
  std::optional<ChannelLogs> channels_;
  int64_t slots_ = 0;
  int64_t weight_ = 0;
  int64_t capacity_lines_ = 0;
  int tiers_ = 0;
};

}  // namespace

ArchiveStats generate_archive(const ArchiveOptions& options) {
  Planner planner(options);
  return planner.run();
}

}  // namespace eavesearch::gen
