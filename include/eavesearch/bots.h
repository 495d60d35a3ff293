// Who is a bot, and which lines are channel events: lines of either are
// left out of searches, facets, completion and person pages unless asked
// for (DESIGN.md 4). The indexer decides at index time (a bot's line is kind
// "bot"); the query side reads only what it decided.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "eavesearch/result.h"

namespace eavesearch {

// The service bots of OpenStack's channels and of MeetBot deployments, as
// persons (person.h): the meeting bots (openstack until 2021, then
// opendevmeet; Fedora's zodbot), Gerrit's (openstackgerrit, then
// opendevreview), the status bots and the network's services. `index --bots
// FILE` replaces the list. A meeting's own bot is a bot whatever its name:
// the nick that says MeetBot's "Meeting started".
inline constexpr std::array<std::string_view, 10> kDefaultBots = {
    "openstack",     "opendevmeet", "openstackgerrit", "opendevreview", "openstackstatus",
    "opendevstatus", "zodbot",      "meetbot",         "chanserv",      "nickserv"};

// The kinds of channel events: joins, parts, quits, nick changes, modes and
// kicks. A topic change is an event only when a bot makes it (then kind "bot").
bool is_event_kind(std::string_view kind);

// A --bots FILE: one nick per line, blank lines and "#" comments ignored,
// returned as persons. kIo when it cannot be read, kUsage when it names none.
Result<std::vector<std::string>> read_bot_list(const std::string& path);

// The default list, as persons.
std::vector<std::string> default_bots();

}  // namespace eavesearch
