#include "indexer/index_run.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/sort_key.h"
#include "core/terms.h"
#include "core/xapian_errors.h"
#include "eavesearch/indexer.h"
#include "eavesearch/parser.h"
#include "eavesearch/record_codec.h"
#include "eavesearch/schema.h"
#include "eavesearch/text.h"
#include "indexer/agreement.h"
#include "indexer/bot_lines.h"
#include "indexer/channel_meetings.h"
#include "indexer/document_builder.h"
#include "indexer/file_deps.h"
#include "indexer/file_state.h"

namespace eavesearch {
namespace {

// Warnings about lines (malformed, cut) printed per file; the rest are counted.
constexpr std::size_t kWarningsPerFile = 5;
// Shorter words are not worth correcting.
constexpr std::size_t kMinSpellingWord = 4;

// Where a meeting's channel, learnt from a channel log, is kept for its own log.
std::string meeting_channel_key(const std::string& stem) {
  return boolean_term("meeting-channel:", stem);
}

// "" for a path in irclogs/ or meetings/ at the archive root; else the folders
// above them (an archive nested in the tree).
std::string archive_root_of(const std::string& rel_path) {
  for (std::string_view top : {"irclogs/", "meetings/"}) {
    if (auto at = rel_path.find(top);
        at != std::string::npos && (at == 0 || rel_path[at - 1] == '/')) {
      return rel_path.substr(0, at);
    }
  }
  return {};
}

// The deps line of the bot list: a hash of it.
std::string bots_dep(const std::set<std::string>& bots) {
  std::string all;
  for (const std::string& b : bots) all.append(b).append("\n");
  return std::string(kBotsDep) + std::to_string(content_hash(all)) + "\n";
}

// Thrown before a document is deleted or replaced in a database without a
// termlist (which Xapian cannot do): the shard is rebuilt instead.
struct NeedsRebuild {};

// Thrown by a rebuild that meets a file the shard holds records of but that
// cannot be read: the rebuilt database would lack them.
struct CannotRebuild {};

class IndexRun {
 public:
  // `stored`: the states `db` holds, or with `rebuilding`, those of the
  // shard `db` (empty) replaces: every file is then indexed, but reported
  // against them. `db` has a termlist unless !has_termlist.
  IndexRun(Xapian::WritableDatabase& db, const WarningSink& warn, const RunInputs& inputs,
           bool has_termlist, FileStates stored, bool rebuilding)
      : db_(db),
        warn_(warn),
        unreadable_(inputs.unreadable),
        bots_(inputs.bots),
        bots_dep_(bots_dep(inputs.bots)),
        series_next_(inputs.series_next),
        commit_docs_(inputs.commit_docs),
        fresh_(db.get_doccount() == 0),
        has_termlist_(has_termlist),
        rebuilding_(rebuilding),
        stored_(std::move(stored)) {}

  void visit(const ArchiveFile& file, const std::set<std::string>& stems_with_txt) {
    ++report_.files_seen;
    auto old = stored_.find(file.rel_path);
    std::optional<FileState> before_copy;  // stored_ changes as states are saved
    if (old != stored_.end()) before_copy = old->second;
    const FileState* before = before_copy ? &*before_copy : nullptr;
    std::string deps = current_deps(file, before, stems_with_txt);
    bool same_deps = before && before->deps == deps;
    bool unchanged = same_deps && before->size == file.size && before->mtime_ns == file.mtime_ns;
    if (unchanged && !rebuilding_) {
      ++report_.files_unchanged;
      return;
    }
    auto content = read_archive_file(file.abs_path);
    if (!content) return skip_unreadable(file, content.error().message, before);
    FileState state{file.size, file.mtime_ns, content_hash(*content), 0, deps};
    unchanged = unchanged || (same_deps && before->hash == state.hash);
    if (unchanged && !rebuilding_) {
      ++report_.files_unchanged;
      state.records = before->records;
      return save_state(file.rel_path, state);
    }
    if (unchanged) {
      // Written anew into the rebuilt shard, but neither counted nor warned
      // of as a change.
      IndexReport kept = report_;
      quiet_ = true;
      index_content(file, nullptr, std::move(state), *content, stems_with_txt);
      quiet_ = false;
      report_ = kept;
      ++report_.files_unchanged;
      return;
    }
    index_content(file, before, std::move(state), *content, stems_with_txt);
  }

  // Files indexed before and missing now lose their records, first: the
  // files that depended on them then see it in their deps. A file the walk
  // could not read is not missing: it keeps them.
  void remove_missing(const std::vector<ArchiveFile>& files) {
    std::set<std::string> present;
    for (const ArchiveFile& f : files) present.insert(f.rel_path);
    for (auto it = stored_.begin(); it != stored_.end();) {
      if (present.count(it->first)) {
        ++it;
        continue;
      }
      if (unreadable_.covers(it->first)) {
        if (rebuilding_ && it->second.records > 0) throw CannotRebuild{};
        ++it;
        continue;
      }
      remove_records(it->first, it->second);
      release_channel_claims(it->second);
      db_.set_metadata(file_state_key(it->first), "");  // empty removes the key
      dirty_ = true;
      ++report_.files_removed;
      it = stored_.erase(it);
    }
  }

  IndexReport finish() {
    if (pending_ > 0 || dirty_) commit();
    return report_;
  }

 private:
  // Indexes a new or changed file (`before`: its state as stored) by its kind.
  void index_content(const ArchiveFile& file, const FileState* before, FileState state,
                     const std::string& content, const std::set<std::string>& stems_with_txt) {
    std::string_view head = std::string_view(content).substr(0, kClassifyHeadBytes);
    // Another form of a log whose primary form (.log.txt, .log) is here: that one wins.
    auto superseded = [&] { return stems_with_txt.count(log_stem(file.rel_path)) > 0; };
    switch (classify(file.rel_path, head)) {
      case SourceKind::kMeetbotLog:
        return index_log(file, before, state, logs_.parse(file, content, parse_meetbot_log));
      case SourceKind::kFlattened:
        if (superseded()) return keep_unindexed(file, before, state);
        return index_log(file, before, state, logs_.parse(file, content, parse_flattened_log));
      case SourceKind::kMeetbotHtml:
        if (superseded()) return keep_unindexed(file, before, state);
        return index_log(file, before, state, logs_.parse(file, content, parse_meetbot_html));
      case SourceKind::kPasted:
        return index_log(file, before, state, parse_pasted_log(file.rel_path, content));
      case SourceKind::kMinutes:
        return keep_unindexed(file, before, state);
      case SourceKind::kChannelLog:
        return index_channel(file, before, state, parse_channel_log(file.rel_path, content),
                             stems_with_txt);
      case SourceKind::kChannelHtml:
        if (superseded()) return keep_unindexed(file, before, state);
        return index_channel(file, before, state, parse_channel_html(file.rel_path, content),
                             stems_with_txt);
      case SourceKind::kIgnored:
        return;
      case SourceKind::kUnknown:
        return skip(file, "not a log format eavesearch knows", before);
    }
  }

  void count_skipped(const std::string& message) {
    ++report_.files_skipped;
    warn(message);
  }

  void warn(const std::string& message) {
    if (!quiet_) warn_(message);
  }

  void index_log(const ArchiveFile& file, const FileState* before, FileState state,
                 Result<ParsedLog> parsed) {
    if (!parsed) return skip(file, parsed.error().message, before);
    // The series' next meetings, for its action items' fates. One that cannot
    // be read: what the index holds is kept; a log new to it is indexed
    // without that one, and again once it can be read.
    std::vector<std::shared_ptr<const ParsedLog>> later;
    bool has_items = std::any_of(parsed->records.begin(), parsed->records.end(),
                                 [](const Record& r) { return r.item == "action"; });
    if (auto next = series_next_.find(file.rel_path); has_items && next != series_next_.end()) {
      for (const ArchiveFile& f : next->second) {
        auto log = logs_.ahead(f);
        if (log) {
          if (*log) later.push_back(std::move(*log));
          continue;
        }
        std::string why =
            "its series' later meeting " + f.abs_path + " cannot be read: " + log.error().message;
        if (before) return keep_until_readable(file, why, *before);
        warn(file.abs_path + ": indexed without " + why + "; indexed again once it can be read");
        state.deps = unreadable_next(state.deps, f);
      }
    }
    if (before) remove_records(file.rel_path, *before);
    mark_bot_lines(parsed->records, {&parsed->meeting}, bots_);
    mark_consensus(*parsed);
    set_action_fates(parsed->records, later);
    copy_action_status(parsed->records, parsed->meeting);
    std::vector<const Record*> records;
    for (const Record& r : parsed->records) records.push_back(&r);
    const Meeting& m = parsed->meeting;
    require_unused_ids(records, is_primary_form(file.rel_path), {m.id});
    report_lines(file, parsed->malformed_lines, parsed->cut_lines, parsed->warnings);
    ++(before ? report_.files_changed : report_.files_new);
    std::string channel = db_.get_metadata(meeting_channel_key(m.id));
    if (channel.empty() && m.channel.empty()) channel = sibling_html_channel(file);
    if (!channel.empty()) {
      parsed->meeting.channel = channel;
      for (Record& r : parsed->records) r.channel = channel;
    }
    for (const Record* r : records) write_record(*r);
    write_logs(records, file.rel_path, is_primary_form(file.rel_path));
    replace(boolean_term(fields::kId.prefix, m.id), build_meeting_document(m));
    state.records = static_cast<long>(records.size());
    report_.records_added += state.records;
    pending_ += state.records + 1;
    save_state(file.rel_path, state);
  }

  // The deps (FileState::deps) of `file` as the archive and the database are
  // now. A channel log's meeting and previous-day lines are those it stored.
  std::string current_deps(const ArchiveFile& file, const FileState* before,
                           const std::set<std::string>& primary_stems) {
    std::string out = bots_dep_;
    if (!is_primary_form(file.rel_path)) {
      out.append(kPrimaryDep).append(primary_stems.count(log_stem(file.rel_path)) ? "1" : "0");
      out += '\n';
    } else if (file.rel_path.ends_with(".log.txt")) {
      out.append(kChannelDep)
          .append(db_.get_metadata(meeting_channel_key(log_stem(file.rel_path))));
      out += '\n';
    }
    if (before) out += channel_deps(file, before->deps, primary_stems);
    out += next_deps(series_next_, file.rel_path);
    return out;
  }

  // A channel log reindexed or removed no longer gives its meetings a channel
  // (it gives it again if it still finds them).
  void release_channel_claims(const FileState& before) {
    for_each_dep(before.deps, [&](std::string_view line) {
      if (line.starts_with(kMeetingDep) && line.ends_with("=1")) {
        db_.set_metadata(meeting_channel_key(dep_key(line, kMeetingDep)), "");
      }
    });
  }

  // The channel named by the .log.html MeetBot wrote beside a .log.txt (read
  // together: MeetBot writes both at once); "" when there is none.
  static std::string sibling_html_channel(const ArchiveFile& file) {
    constexpr std::string_view kTxt = ".log.txt";
    if (!file.abs_path.ends_with(kTxt)) return "";
    std::string html = file.abs_path.substr(0, file.abs_path.size() - kTxt.size()) + ".log.html";
    std::ifstream in(html, std::ios::binary);
    std::string head(1024, '\0');  // the <title> is in the first few hundred bytes
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return meetbot_html_channel(head);
  }

  // A meeting found in the channel log whose own log is in meetings/ too is
  // indexed from that log (it has MeetBot's line numbers); the channel's copy
  // of its lines is left out, and the meeting learns its channel.
  void index_channel(const ArchiveFile& file, const FileState* before, FileState state,
                     Result<ParsedChannelLog> parsed, const std::set<std::string>& meeting_logs) {
    if (!parsed) return skip(file, parsed.error().message, before);
    if (before) remove_records(file.rel_path, *before);
    // A meeting that ran past midnight goes on at the top of the next day's
    // log: read it with the day before, whose records that file indexes. A
    // one-file log holds both days.
    std::vector<Record> records;
    if (!parsed->one_file) records = previous_day_records(file, parsed->records);
    std::size_t offset = records.size();
    // Moved, not copied: a one-file log may hold years of lines.
    records.insert(records.end(), std::make_move_iterator(parsed->records.begin()),
                   std::make_move_iterator(parsed->records.end()));
    std::vector<ChannelMeeting> meetings = find_channel_meetings(
        records, parsed->channel,
        parsed->one_file ? MeetingReach::kDayAndNext : MeetingReach::kRecords);
    std::vector<Meeting*> minutes;
    for (ChannelMeeting& cm : meetings) minutes.push_back(&cm.meeting);
    mark_bot_lines(records, minutes, bots_);
    set_action_fates(records, {});  // a meeting held in a channel: no series read after it
    for (ChannelMeeting& cm : meetings) copy_action_status(records, cm.meeting);
    auto stem_of = [&](const ChannelMeeting& cm) {
      return archive_root_of(file.rel_path) + cm.meeting.id;
    };
    for (const ChannelMeeting& cm : meetings) {
      if (!meeting_logs.count(stem_of(cm))) mark_consensus(records, cm.messages);
    }
    std::vector<bool> keep(records.size(), true);
    std::vector<std::string> meeting_ids;  // the meetings this file makes documents of
    for (const ChannelMeeting& cm : meetings) {
      if (meeting_logs.count(stem_of(cm))) {
        for (std::size_t k : cm.messages) keep[k] = false;
      } else if (cm.first >= offset) {  // else the day before's file indexes it
        meeting_ids.push_back(cm.meeting.id);
      }
    }
    std::vector<const Record*> written;
    for (std::size_t k = offset; k < records.size(); ++k) {
      if (keep[k]) written.push_back(&records[k]);
    }
    require_unused_ids(written, is_primary_form(file.rel_path), meeting_ids);
    report_lines(file, parsed->malformed_lines, parsed->cut_lines, parsed->warnings);
    if (before) release_channel_claims(*before);
    ++(before ? report_.files_changed : report_.files_new);
    // Its deps are found afresh.
    std::string deps;
    for_each_dep(state.deps, [&](std::string_view line) {
      if (line.starts_with(kBotsDep) || line.starts_with(kPrimaryDep)) {
        deps.append(line).append("\n");
      }
    });
    if (offset > 0) deps += previous_dep(file);
    for (const ChannelMeeting& cm : meetings) {
      std::string stem = stem_of(cm);
      bool own_log = meeting_logs.count(stem) > 0;
      deps.append(kMeetingDep).append(stem).append(own_log ? "=1\n" : "=0\n");
      // The file an own-logged meeting started in gives it its channel.
      if (own_log && cm.first >= offset)
        db_.set_metadata(meeting_channel_key(stem), parsed->channel);
    }
    for (const ChannelMeeting& cm : meetings) {
      if (meeting_logs.count(stem_of(cm)) || cm.first < offset) continue;
      replace(boolean_term(fields::kId.prefix, cm.meeting.id), build_meeting_document(cm.meeting));
      ++pending_;
    }
    for (const Record* r : written) write_record(*r);
    write_logs(written, file.rel_path, is_primary_form(file.rel_path));
    state.records = static_cast<long>(written.size());
    report_.records_added += state.records;
    pending_ += state.records;
    state.deps = std::move(deps);
    save_state(file.rel_path, state);
  }

  // The records of the channel's log of the day before, when `records` (this
  // day's) begin inside a meeting: an #endmeeting before any #startmeeting.
  std::vector<Record> previous_day_records(const ArchiveFile& file,
                                           const std::vector<Record>& records) {
    if (!begins_inside_meeting(records)) return {};
    std::string rel = previous_day_path(file.rel_path);
    std::string abs = previous_day_path(file.abs_path);
    if (rel.empty() || abs.empty()) return {};
    auto content = read_archive_file(abs);
    if (!content) return {};
    auto day = parse_channel_log(rel, *content);
    return day ? std::move(day->records) : std::vector<Record>{};
  }

  // The record's line document, and its words for "did you mean" (Xapian's
  // spelling data: words as written, folded, not stemmed; taken back when it
  // is removed). A line has no id term to replace it by: its file's lines
  // were removed before (remove_records), and its record goes in its log
  // document (write_logs).
  void write_record(const Record& r) {
    db_.add_document(build_record_document(r));
    for_each_spelling_word(r, [&](const std::string& w) { ++spelling_[w]; });
  }

  // The log documents of records just written (DESIGN.md 9): the records of
  // kLinesPerLogDocument lines of a log (the stem of their ids) each, in order.
  void write_logs(const std::vector<const Record*>& records, const std::string& path,
                  bool unique_id) {
    std::map<std::pair<std::string_view, unsigned>, std::vector<const Record*>> by_document;
    for (const Record* r : records) {
      std::string_view stem = std::string_view(r->id).substr(0, r->id.rfind('#'));
      by_document[{stem, log_document_of_line(id_line(r->id))}].push_back(r);
    }
    for (const auto& [key, lines] : by_document) {
      const auto& [stem, number] = key;
      Xapian::Document doc = build_log_document(stem, number, path, lines);
      if (fresh_ && unique_id) {
        db_.add_document(doc);
      } else {
        replace(boolean_term(fields::kId.prefix, log_document_id(stem, number)), doc);
      }
      ++pending_;
    }
  }

  template <typename F>
  static void for_each_spelling_word(const Record& r, F&& f) {
    for_each_token(r.text, [&](const Token& t) {
      if (t.length >= kMinSpellingWord)
        f(fold(std::string_view(r.text).substr(t.offset, t.length)));
    });
  }

  // The lines of an indexed file that were skipped as malformed or cut to
  // kMaxLineBytes: counted, and the first warnings passed on.
  void report_lines(const ArchiveFile& file, int malformed, int cut,
                    const std::vector<std::string>& warnings) {
    report_.malformed_lines += malformed;
    report_.lines_cut += cut;
    for (std::size_t k = 0; k < warnings.size() && k < kWarningsPerFile; ++k) {
      warn(file.abs_path + ": " + warnings[k]);
    }
    if (warnings.size() > kWarningsPerFile) {
      warn(file.abs_path + ": " + std::to_string(warnings.size() - kWarningsPerFile) +
           " more lines malformed (skipped) or too long (cut)");
    }
  }

  // A file recognised but not indexed as text (minutes, a superseded .log.html).
  void keep_unindexed(const ArchiveFile& file, const FileState* before, const FileState& state) {
    if (before) remove_records(file.rel_path, *before);
    ++(before ? report_.files_changed : report_.files_new);
    ++report_.files_other;
    save_state(file.rel_path, state);
  }

  // A file that could not be read keeps what the index holds of it (its
  // records and state), as it cannot be known to have changed.
  void skip_unreadable(const ArchiveFile& file, const std::string& reason,
                       const FileState* before) {
    ++report_.files_unreadable;
    count_skipped(file.abs_path + ": skipped: cannot read: " + reason +
                  (before ? std::string(kKeptNote) : ""));
    if (rebuilding_ && before && before->records > 0) throw CannotRebuild{};
  }

  // A file that would take something it cannot read: what it gave is kept,
  // with its old state, so that the next run tries again.
  void keep_until_readable(const ArchiveFile& file, const std::string& why,
                           const FileState& before) {
    count_skipped(file.abs_path + ": skipped: " + why + std::string(kKeptNote));
    if (rebuilding_ && before.records > 0) throw CannotRebuild{};
  }

  // A file read but not indexed (not a log, no date): what it gave before goes.
  void skip(const ArchiveFile& file, const std::string& reason, const FileState* before) {
    count_skipped(file.abs_path + ": skipped: " + reason);
    if (before) {
      remove_records(file.rel_path, *before);
      release_channel_claims(*before);
      db_.set_metadata(file_state_key(file.rel_path), "");  // empty removes the key
      stored_.erase(file.rel_path);
      dirty_ = true;
    }
  }

  // Before a file's first write into a database without a termlist: no
  // document it would replace (its meetings', its log documents') may be
  // there, as Xapian cannot replace one; else the shard is rebuilt, nothing
  // of the file written.
  void require_unused_ids(const std::vector<const Record*>& records, bool unique_log_ids,
                          const std::vector<std::string>& meeting_ids) {
    if (has_termlist_) return;
    auto require = [&](const std::string& id_term) {
      if (db_.term_exists(id_term)) throw NeedsRebuild{};
    };
    for (const std::string& id : meeting_ids) require(boolean_term(fields::kId.prefix, id));
    if (fresh_ && unique_log_ids) return;  // write_logs adds them
    std::set<std::string> checked;
    for (const Record* r : records) {
      std::string_view stem = std::string_view(r->id).substr(0, r->id.rfind('#'));
      std::string id_term = boolean_term(
          fields::kId.prefix, log_document_id(stem, log_document_of_line(id_line(r->id))));
      if (checked.insert(id_term).second) require(id_term);
    }
  }

  // The document with the id term `id_term`, added or in place of the one
  // there.
  void replace(const std::string& id_term, const Xapian::Document& doc) {
    if (!has_termlist_ && db_.term_exists(id_term)) throw NeedsRebuild{};
    db_.replace_document(id_term, doc);
  }

  void remove_records(const std::string& path, const FileState& state) {
    std::string term = file_term(path);
    if (db_.term_exists(term)) {
      if (!has_termlist_) throw NeedsRebuild{};
      pending_ += db_.get_termfreq(term);
      // Its records are in its log documents: only those are read.
      const std::string logs = boolean_term(fields::kType.prefix, kTypeLog);
      auto log = db_.postlist_begin(logs);
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
        log.skip_to(*p);
        if (log == db_.postlist_end(logs)) break;
        if (*log != *p) continue;  // a line's or the meeting's document
        auto records = decode_log(db_.get_document(*p).get_data());
        if (!records) continue;
        for (const Record& r : *records) {
          for_each_spelling_word(r, [&](const std::string& w) { --spelling_[w]; });
        }
      }
      db_.delete_document(term);
    }
    report_.records_removed += state.records;
  }

  void save_state(const std::string& path, const FileState& state) {
    db_.set_metadata(file_state_key(path), state.encode(path));
    stored_[path] = state;
    dirty_ = true;
    if (pending_ >= commit_docs_) commit();
  }

  void commit() {
    // The spelling changes of the batch, one call per word.
    for (const auto& [word, n] : spelling_) {
      if (n > 0) db_.add_spelling(word, static_cast<Xapian::termcount>(n));
      if (n < 0) db_.remove_spelling(word, static_cast<Xapian::termcount>(-n));
    }
    spelling_.clear();
    db_.commit();
    report_.committed = true;
    pending_ = 0;
    dirty_ = false;
  }

  Xapian::WritableDatabase& db_;
  const WarningSink& warn_;
  const UnreadablePaths& unreadable_;
  const std::set<std::string>& bots_;
  const std::string bots_dep_;  // every file's records depend on the bot list
  const SeriesNext& series_next_;
  MeetingLogs logs_;
  long commit_docs_;
  bool fresh_;                                      // the database was empty when the run began
  bool has_termlist_;                               // else NeedsRebuild before a delete
  bool rebuilding_;                                 // every file is written: rebuild_shard
  bool quiet_ = false;                              // no warnings: an unchanged file rewritten
  std::unordered_map<std::string, long> spelling_;  // words added (removed) since the last commit
  FileStates stored_;
  IndexReport report_;
  long pending_ = 0;
  bool dirty_ = false;
};

}  // namespace

std::set<std::string> stems_with_log_txt(const std::vector<ArchiveFile>& files,
                                         const std::vector<std::string>& kept) {
  std::set<std::string> stems;
  auto add = [&](const std::string& path) {
    if (path.ends_with(".log.txt") || path.ends_with(".log")) stems.insert(log_stem(path));
  };
  for (const ArchiveFile& f : files) add(f.rel_path);
  for (const std::string& path : kept) add(path);
  return stems;
}

FileStates read_file_states(const Xapian::Database& db) {
  FileStates states;
  std::string prefix(kFileStatePrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    if (auto st = FileState::decode(db.get_metadata(*it))) states.emplace(st->second, st->first);
  }
  return states;
}

Result<ShardRun> index_shard(Xapian::WritableDatabase& db, bool has_termlist,
                             const std::vector<ArchiveFile>& files, const RunInputs& inputs,
                             const WarningSink& warn,
                             const std::function<void(const ArchiveFile&)>& file_done) {
  return with_xapian_errors([&]() -> Result<ShardRun> {
    // Kept for a rebuild, which only a database without a termlist needs.
    FileStates states = read_file_states(db);
    IndexRun run(db, warn, inputs, has_termlist,
                 has_termlist ? std::move(states) : FileStates(states), false);
    try {
      run.remove_missing(files);
      for (const ArchiveFile& file : files) {
        run.visit(file, inputs.primary_stems);
        file_done(file);
      }
    } catch (const NeedsRebuild&) {
      return ShardRun{run.finish(), true, std::move(states)};
    }
    return ShardRun{run.finish(), false, {}};
  });
}

Result<ShardRebuild> rebuild_shard(Xapian::WritableDatabase& fresh, const FileStates& before,
                                   const std::vector<ArchiveFile>& files, const RunInputs& inputs,
                                   const WarningSink& warn,
                                   const std::function<void(const ArchiveFile&)>& file_done) {
  return with_xapian_errors([&]() -> Result<ShardRebuild> {
    IndexRun run(fresh, warn, inputs, true, before, true);
    try {
      run.remove_missing(files);
      for (const ArchiveFile& file : files) {
        run.visit(file, inputs.primary_stems);
        file_done(file);
      }
    } catch (const CannotRebuild&) {
      return ShardRebuild{{}, true};
    }
    return ShardRebuild{run.finish(), false};
  });
}

}  // namespace eavesearch
