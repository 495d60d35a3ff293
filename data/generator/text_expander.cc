#include "text_expander.h"

#include <algorithm>
#include <cstdio>

#include "civil_date.h"
#include "people.h"

namespace eavesearch::gen {
namespace {

struct Release {
  int date;  // YYYYMMDD of the release
  const char* name;
};

// Coordinated release dates; a day belongs to the cycle of the next release.
constexpr Release kReleases[] = {
    {20120927, "folsom"},   {20130404, "grizzly"}, {20131017, "havana"},  {20140417, "icehouse"},
    {20141016, "juno"},     {20150430, "kilo"},    {20151015, "liberty"}, {20160407, "mitaka"},
    {20161006, "newton"},   {20170222, "ocata"},   {20170830, "pike"},    {20180228, "queens"},
    {20180830, "rocky"},    {20190410, "stein"},   {20191016, "train"},   {20200513, "ussuri"},
    {20201014, "victoria"}, {20210414, "wallaby"}, {20211006, "xena"},    {20220330, "yoga"},
    {20221005, "zed"},      {20230322, "2023.1"},  {20231004, "2023.2"},  {20240403, "2024.1"},
    {20241002, "2024.2"},   {20250402, "2025.1"},  {20251001, "2025.2"},  {20260401, "2026.1"},
    {20261001, "2026.2"},
};
constexpr int kReleaseCount = sizeof(kReleases) / sizeof(kReleases[0]);

struct Anchor {
  int date;
  int64_t value;
};

// Gerrit change numbers and Launchpad bug numbers seen around each date.
constexpr Anchor kChanges[] = {
    {20120901, 12000},  {20130601, 31000},  {20140101, 64000},  {20150101, 145000},
    {20160101, 262000}, {20170101, 415000}, {20180101, 530000}, {20190101, 627000},
    {20200101, 700000}, {20200514, 724142}, {20210101, 770000}, {20220101, 824000},
    {20230101, 868000}, {20240101, 904000}, {20250630, 952000}, {20300101, 1100000},
};
constexpr Anchor kBugs[] = {
    {20120901, 1040000}, {20140101, 1265000}, {20150101, 1406000}, {20160101, 1530000},
    {20170101, 1652000}, {20180101, 1740000}, {20190101, 1810000}, {20200101, 1858000},
    {20210101, 1910000}, {20220101, 1956000}, {20230101, 2001000}, {20240101, 2048000},
    {20250630, 2110000}, {20300101, 2300000},
};

template <size_t N>
int64_t interpolate(const Anchor (&anchors)[N], int64_t day) {
  if (day <= days_from_yyyymmdd(anchors[0].date)) return anchors[0].value;
  for (size_t i = 1; i < N; ++i) {
    const int64_t d1 = days_from_yyyymmdd(anchors[i].date);
    if (day <= d1) {
      const int64_t d0 = days_from_yyyymmdd(anchors[i - 1].date);
      const int64_t v0 = anchors[i - 1].value;
      return v0 + (anchors[i].value - v0) * (day - d0) / (d1 - d0);
    }
  }
  return anchors[N - 1].value;
}

int yyyymmdd(int64_t day) {
  const CivilDate d = civil_from_days(day);
  return d.year * 10000 + d.month * 100 + d.day;
}

int cycle_index(int64_t day) {
  const int date = yyyymmdd(day);
  for (int i = 0; i < kReleaseCount; ++i) {
    if (date <= kReleases[i].date) return i;
  }
  return kReleaseCount - 1;
}

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

std::string hex(Rng& rng, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < digits; ++i) out += kHex[rng.uniform(16)];
  return out;
}

}  // namespace

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "notes" : out;
}

std::string TextExpander::cycle(int offset) const {
  int i = cycle_index(ctx_.day) + offset;
  if (i < 0) i = 0;
  if (i >= kReleaseCount) i = kReleaseCount - 1;
  return kReleases[i].name;
}

std::string TextExpander::term() {
  std::string t;
  const auto& team = vocab_.team_terms(ctx_.team);
  if (!ctx_.focus.empty() && rng_.percent(55)) {
    t = ctx_.focus;
  } else if (!ctx_.terms.empty() && rng_.percent(75)) {
    t = rng_.pick(ctx_.terms);
  } else if (!team.empty()) {
    t = rng_.pick(team);
  } else {
    t = ctx_.project + (rng_.percent(50) ? " api" : " docs");
  }
  // Terms may hold slots of their own ("the {next_cycle} goals").
  return t.find('{') == std::string::npos ? t : expand(t);
}

std::string TextExpander::other_nick(std::string_view speaker, std::string_view to) {
  for (int attempt = 0; attempt < 6 && !ctx_.nicks.empty(); ++attempt) {
    const std::string& n = rng_.pick(ctx_.nicks);
    if (n != speaker && n != to) return n;
  }
  return ctx_.chair;
}

std::string TextExpander::review_url() {
  const int64_t n = interpolate(kChanges, ctx_.day) - static_cast<int64_t>(rng_.uniform(4000));
  const int date = yyyymmdd(ctx_.day);
  std::string num = std::to_string(n);
  if (date < 20190420) return "https://review.openstack.org/#/c/" + num + "/";
  if (date < 20201122 || rng_.percent(10)) {
    return rng_.percent(80) ? "https://review.opendev.org/#/c/" + num + "/"
                            : "https://review.opendev.org/" + num;
  }
  const auto& repos = vocab_.team_repos(ctx_.team);
  const std::string repo = repos.empty() ? ctx_.project : rng_.pick(repos);
  return "https://review.opendev.org/c/openstack/" + repo + "/+/" + num;
}

int64_t TextExpander::bug_number() {
  return interpolate(kBugs, ctx_.day) - static_cast<int64_t>(rng_.uniform(30000));
}

std::string TextExpander::job() {
  const int date = yyyymmdd(ctx_.day);
  const std::string& p = ctx_.project;
  if (date < 20170901) {
    static const std::vector<std::string> kOld = {
        "gate-tempest-dsvm-full", "gate-tempest-dsvm-neutron-full",
        "gate-grenade-dsvm",      "gate-{p}-python27",
        "gate-{p}-pep8",          "gate-tempest-dsvm-multinode-live-migration",
        "gate-{p}-python34"};
    std::string j = rng_.pick(kOld);
    const size_t at = j.find("{p}");
    if (at != std::string::npos) j.replace(at, 3, p);
    return j;
  }
  static const std::vector<std::string> kNew = {"tempest-full",
                                                "tempest-full-py3",
                                                "grenade",
                                                "tempest-integrated-compute",
                                                "neutron-tempest-plugin-scenario-ovn",
                                                "nova-live-migration",
                                                "nova-next",
                                                "openstack-tox-pep8",
                                                "tempest-multinode-full",
                                                "devstack-platform-centos-9-stream",
                                                "openstack-tox-docs",
                                                "cinder-tempest-plugin-lvm-lio-barbican",
                                                "ironic-base",
                                                "legacy-tempest-dsvm-neutron-full"};
  if (rng_.percent(25)) {
    const char* py = date < 20200101   ? "py36"
                     : date < 20220101 ? "py38"
                     : date < 20240101 ? "py310"
                                       : "py312";
    return std::string("openstack-tox-") + py;
  }
  return rng_.pick(kNew);
}

std::string TextExpander::expand(std::string_view tmpl, std::string_view speaker,
                                 std::string_view to) {
  std::string out;
  out.reserve(tmpl.size() + 48);
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    append_slot(tmpl.substr(open + 1, close - open - 1), speaker, to, &out);
    i = close + 1;
  }
  return out;
}

void TextExpander::append_slot(std::string_view name, std::string_view speaker, std::string_view to,
                               std::string* out) {
  const int date = yyyymmdd(ctx_.day);
  const CivilDate civil = civil_from_days(ctx_.day);
  const bool opendev = date >= 20200415;
  if (name == "nick") {
    *out += other_nick(speaker, to);
  } else if (name == "to") {
    *out += to.empty() ? other_nick(speaker, to) : std::string(to);
  } else if (name == "chair") {
    *out += ctx_.chair;
  } else if (name == "pinglist") {
    const int n = rng_.range(3, 7);
    std::string list;
    for (int k = 0; k < n; ++k) {
      const std::string nick = other_nick(speaker, "");
      if (list.find(nick) != std::string::npos) continue;
      if (!list.empty()) list += rng_.percent(70) ? " " : ", ";
      list += nick;
    }
    *out += list;
  } else if (name == "project") {
    *out += ctx_.project;
  } else if (name == "other_project") {
    const std::string& p = rng_.pick(vocab_.all_repos());
    *out += p == ctx_.project ? "requirements" : p;
  } else if (name == "term" || name == "term2") {
    const auto& team = vocab_.team_terms(ctx_.team);
    std::string value =
        name == "term2" && !team.empty() && rng_.percent(60) ? rng_.pick(team) : term();
    // Avoid "federation and federation".
    for (int retry = 0; retry < 3 && name == "term2" && out->find(value) != std::string::npos;
         ++retry) {
      value = team.empty() ? term() : rng_.pick(team);
    }
    // "the {term}" with "the gate" would read "the the gate".
    const bool after_the = out->size() >= 4 && (out->compare(out->size() - 4, 4, "the ") == 0 ||
                                                out->compare(out->size() - 4, 4, "The ") == 0);
    if (after_the && value.compare(0, 4, "the ") == 0) value.erase(0, 4);
    *out += value;
  } else if (name == "review") {
    *out += review_url();
  } else if (name == "bug") {
    *out += rng_.percent(80) ? "bug " : "bug #";
    *out += std::to_string(bug_number());
  } else if (name == "bug2") {
    *out += std::to_string(bug_number());
  } else if (name == "bug_url") {
    *out += "https://bugs.launchpad.net/" + ctx_.project + "/+bug/" + std::to_string(bug_number());
  } else if (name == "etherpad") {
    *out += opendev ? "https://etherpad.opendev.org/p/" : "https://etherpad.openstack.org/p/";
    switch (rng_.uniform(4)) {
      case 0:
        *out += ctx_.project + "-" + cycle(0) + "-ptg";
        break;
      case 1:
        *out += ctx_.project + "-meeting-agenda";
        break;
      case 2:
        *out += cycle(0) + "-" + ctx_.project + "-priorities";
        break;
      default:
        *out += ctx_.project + "-" + slug(term());
    }
  } else if (name == "spec") {
    *out += "https://specs.openstack.org/openstack/" + ctx_.project + "-specs/specs/" + cycle(0) +
            "/approved/" + slug(term()) + ".html";
  } else if (name == "ml") {
    if (date >= 20230301) {
      static constexpr char kB32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      std::string id;
      for (int k = 0; k < 26; ++k) id += kB32[rng_.uniform(32)];
      *out +=
          "https://lists.openstack.org/archives/list/openstack-discuss@lists.openstack.org/"
          "thread/" +
          id + "/";
    } else {
      const char* list = date < 20181119 ? "openstack-dev" : "openstack-discuss";
      char buf[160];
      std::snprintf(
          buf, sizeof buf, "http://lists.openstack.org/pipermail/%s/%04d-%s/%06d.html", list,
          civil.year, kMonthNames[civil.month - 1],
          static_cast<int>(1000 + (ctx_.day * 7 + static_cast<int64_t>(rng_.uniform(90))) % 30000));
      *out += buf;
    }
  } else if (name == "log_url") {
    if (date < 20190601) {
      const int64_t change =
          interpolate(kChanges, ctx_.day) - static_cast<int64_t>(rng_.uniform(4000));
      const std::string c = std::to_string(change);
      const int patchset = rng_.range(1, 12);
      const std::string job_name = job();
      *out += "http://logs.openstack.org/" + c.substr(c.size() - 2) + "/" + c + "/" +
              std::to_string(patchset) + "/check/" + job_name + "/" + hex(rng_, 7) + "/";
    } else {
      *out += "https://zuul.opendev.org/t/openstack/build/" + hex(rng_, 32);
    }
  } else if (name == "story") {
    *out += "https://storyboard.openstack.org/#!/story/" +
            std::to_string(2000000 + std::max<int64_t>(0, ctx_.day - 17000) * 3 +
                           static_cast<int64_t>(rng_.uniform(500)));
  } else if (name == "doc") {
    const char* section = rng_.percent(50) ? "admin/" : "configuration/";
    *out += "https://docs.openstack.org/" + ctx_.project + "/latest/" + section + slug(term()) +
            ".html";
  } else if (name == "agenda") {
    *out += ctx_.agenda_url.empty() ? "https://wiki.openstack.org/wiki/Meetings/" + ctx_.project
                                    : ctx_.agenda_url;
  } else if (name == "cycle") {
    *out += cycle(0);
  } else if (name == "next_cycle") {
    *out += cycle(1);
  } else if (name == "prev_cycle") {
    *out += cycle(-1);
  } else if (name == "stable") {
    *out += "stable/" + cycle(-1 - static_cast<int>(rng_.uniform(3)));
  } else if (name == "milestone") {
    static const std::vector<std::string> kMilestones = {
        "milestone-1", "milestone-2",    "milestone-3", "m-2",
        "m-3",         "feature freeze", "RC1",         "the final RC"};
    *out += rng_.pick(kMilestones);
  } else if (name == "version") {
    const int major = rng_.range(1, 30);
    const int minor = rng_.range(0, 12);
    const int patch = rng_.range(0, 4);
    *out += std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  } else if (name == "job") {
    *out += job();
  } else if (name == "py") {
    *out += date < 20160101   ? "py27"
            : date < 20200601 ? (rng_.percent(50) ? "py27" : "py35")
            : date < 20230101 ? "py36"
                              : "py38";
  } else if (name == "distro") {
    static constexpr const char* kUbuntu[] = {"ubuntu 12.04", "ubuntu 14.04", "ubuntu 16.04",
                                              "ubuntu 18.04", "ubuntu 20.04", "ubuntu 22.04",
                                              "ubuntu 24.04"};
    static constexpr const char* kCodename[] = {"precise", "trusty", "xenial", "bionic",
                                                "focal",   "jammy",  "noble"};
    const int era = date < 20140417   ? 0
                    : date < 20160421 ? 1
                    : date < 20180426 ? 2
                    : date < 20200423 ? 3
                    : date < 20220421 ? 4
                    : date < 20240425 ? 5
                                      : 6;
    const uint64_t r = rng_.uniform(10);
    *out += r < 5             ? kUbuntu[era]
            : r < 8           ? kCodename[era]
            : date < 20200901 ? "centos 7"
            : date < 20220601 ? "centos 8 stream"
                              : "centos 9 stream";
  } else if (name == "file") {
    static const std::vector<std::string> kFiles = {"api/",       "db/api.py", "conf/",
                                                    "manager.py", "utils.py",  "tests/functional/",
                                                    "objects/",   "privsep/"};
    std::string repo = ctx_.project;
    for (char& c : repo) c = c == '-' || c == '.' ? '_' : c;
    *out += repo + "/" + rng_.pick(kFiles);
  } else if (name == "weekday") {
    static const std::vector<std::string> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday"};
    *out += rng_.pick(kDays);
  } else if (name == "num") {
    *out += std::to_string(rng_.range(2, 15));
  } else if (name == "pct") {
    *out += std::to_string(rng_.range(2, 9) * 5);
  } else if (name == "name") {
    *out += rng_.pick(person_names());
  } else if (name == "time") {
    *out += std::to_string(rng_.range(7, 22)) + "00 UTC";
  } else {
    *out += '{';
    out->append(name);
    *out += '}';
  }
}

}  // namespace eavesearch::gen
