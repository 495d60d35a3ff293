#include "eavesearch/record_codec.h"

#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>

namespace eavesearch {
namespace {

constexpr char kRecordTag = 'R';
constexpr char kMeetingTag = 'M';
constexpr char kLogTag = 'L';
constexpr char kVersion = 2;

class Writer {
 public:
  explicit Writer(char tag) { out_ = {tag, kVersion}; }
  Writer& str(std::string_view s) {
    std::uint64_t n = s.size();
    do {
      unsigned char byte = n & 0x7f;
      n >>= 7;
      out_.push_back(static_cast<char>(n ? byte | 0x80 : byte));
    } while (n);
    out_.append(s);
    return *this;
  }
  Writer& num(std::int64_t v) { return str(std::to_string(v)); }
  Writer& list(const std::vector<std::string>& items) {
    num(static_cast<std::int64_t>(items.size()));
    for (const auto& item : items) str(item);
    return *this;
  }
  // A vote as a flag ("0"/"1"), then its question, options and results.
  Writer& vote(const std::optional<VoteResult>& v) {
    num(v ? 1 : 0);
    if (!v) return *this;
    str(v->question).list(v->options).num(static_cast<std::int64_t>(v->results.size()));
    for (const auto& [option, votes] : v->results) str(option).num(votes);
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view data, char tag) : data_(data) {
    ok_ = data_.size() >= 2 && data_[0] == tag && data_[1] == kVersion;
    pos_ = 2;
  }
  bool ok() const { return ok_ && pos_ == data_.size(); }  // all read, nothing left
  bool good() const { return ok_; }
  std::string str() { return std::string(view()); }
  std::string_view view() {
    std::uint64_t n = 0;
    for (int shift = 0; ok_; shift += 7) {
      if (pos_ >= data_.size() || shift > 56) {
        ok_ = false;
        return {};
      }
      unsigned char byte = static_cast<unsigned char>(data_[pos_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    if (!ok_ || n > data_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::int64_t num() {
    std::string s = str();
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) ok_ = false;
    return v;
  }
  std::vector<std::string> list() {
    std::int64_t n = num();
    std::vector<std::string> items;
    for (std::int64_t k = 0; ok_ && k < n; ++k) items.push_back(str());
    return items;
  }
  std::optional<VoteResult> vote() {
    if (num() == 0 || !ok_) return std::nullopt;
    VoteResult v;
    v.question = str();
    v.options = list();
    for (std::int64_t n = num(), k = 0; ok_ && k < n; ++k) {
      std::string option = str();
      v.results.emplace_back(std::move(option), static_cast<int>(num()));
    }
    return v;
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  bool ok_ = false;
};

}  // namespace

std::string encode_record(const Record& r) {
  Writer w(kRecordTag);
  w.str(r.id).str(r.meeting).str(r.channel).num(r.time);
  w.num(r.speaker ? 1 : 0).str(r.speaker.value_or(""));
  w.str(r.person).str(r.kind).str(r.item).list(r.owners).str(r.topic).str(r.text).str(r.path);
  w.num(r.line).str(r.anchor).vote(r.vote).str(r.status).list(r.evidence).list(r.supporters);
  return w.take();
}

Result<Record> decode_record(std::string_view data) {
  Reader rd(data, kRecordTag);
  Record r;
  r.id = rd.str();
  r.meeting = rd.str();
  r.channel = rd.str();
  r.time = rd.num();
  bool has_speaker = rd.num() != 0;
  std::string speaker = rd.str();
  if (has_speaker) r.speaker = std::move(speaker);
  r.person = rd.str();
  r.kind = rd.str();
  r.item = rd.str();
  r.owners = rd.list();
  r.topic = rd.str();
  r.text = rd.str();
  r.path = rd.str();
  r.line = static_cast<int>(rd.num());
  r.anchor = rd.str();
  r.vote = rd.vote();
  r.status = rd.str();
  r.evidence = rd.list();
  r.supporters = rd.list();
  if (!rd.ok()) return Error{ErrorCode::kCorrupt, "document data is not a v2 record"};
  return r;
}

std::string encode_log(const std::vector<const Record*>& records) {
  Writer w(kLogTag);
  w.num(static_cast<std::int64_t>(records.size()));
  for (const Record* r : records) w.str(encode_record(*r));
  return w.take();
}

Result<std::optional<Record>> find_in_log(std::string_view data,
                                          const std::function<bool(std::string_view)>& wanted) {
  Reader rd(data, kLogTag);
  for (std::int64_t n = rd.num(), k = 0; rd.good() && k < n; ++k) {
    std::string_view entry = rd.view();
    Reader head(entry, kRecordTag);
    std::string_view id = head.view();
    if (!head.good()) break;
    if (!wanted(id)) continue;
    auto r = decode_record(entry);
    if (!r) return r.error();
    return std::optional<Record>(std::move(*r));
  }
  if (!rd.good()) return Error{ErrorCode::kCorrupt, "document data is not a v2 log"};
  return std::optional<Record>();
}

Result<std::vector<Record>> decode_log(std::string_view data) {
  Reader rd(data, kLogTag);
  std::vector<Record> records;
  for (std::int64_t n = rd.num(), k = 0; rd.good() && k < n; ++k) {
    auto r = decode_record(rd.str());
    if (!r) return r.error();
    records.push_back(std::move(*r));
  }
  if (!rd.ok()) return Error{ErrorCode::kCorrupt, "document data is not a v2 log"};
  return records;
}

std::string encode_meeting(const Meeting& m) {
  Writer w(kMeetingTag);
  w.str(m.id).str(m.name).str(m.channel).str(m.path).str(m.title).num(m.start).num(m.end);
  w.num(m.ended ? 1 : 0).list(m.chairs).num(m.lines);
  w.num(static_cast<std::int64_t>(m.items.size()));
  for (const MinutesItem& item : m.items) {
    w.str(item.type)
        .str(item.text)
        .str(item.nick)
        .num(item.time)
        .num(item.line)
        .list(item.owners)
        .str(item.status);
    w.vote(item.vote);
  }
  w.num(static_cast<std::int64_t>(m.people.size()));
  for (const Attendee& a : m.people) w.str(a.nick).num(a.lines);
  return w.take();
}

Result<Meeting> decode_meeting(std::string_view data) {
  Reader rd(data, kMeetingTag);
  Meeting m;
  m.id = rd.str();
  m.name = rd.str();
  m.channel = rd.str();
  m.path = rd.str();
  m.title = rd.str();
  m.start = rd.num();
  m.end = rd.num();
  m.ended = rd.num() != 0;
  m.chairs = rd.list();
  m.lines = static_cast<int>(rd.num());
  for (std::int64_t n = rd.num(), k = 0; rd.good() && k < n; ++k) {
    MinutesItem item;
    item.type = rd.str();
    item.text = rd.str();
    item.nick = rd.str();
    item.time = rd.num();
    item.line = static_cast<int>(rd.num());
    item.owners = rd.list();
    item.status = rd.str();
    item.vote = rd.vote();
    m.items.push_back(std::move(item));
  }
  for (std::int64_t n = rd.num(), k = 0; rd.good() && k < n; ++k) {
    Attendee a;
    a.nick = rd.str();
    a.lines = static_cast<int>(rd.num());
    m.people.push_back(std::move(a));
  }
  if (!rd.ok()) return Error{ErrorCode::kCorrupt, "document data is not a v2 meeting"};
  return m;
}

}  // namespace eavesearch
