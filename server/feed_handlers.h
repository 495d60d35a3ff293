// Private to server/: the Atom feeds of DESIGN.md 5 (/feeds/*.atom), the 50
// newest lines of a search, of its decisions, of action items. Like the
// JSON handlers they parse, call the Searcher and serialise (atom_feed.h);
// they also answer a conditional GET of an unchanged feed with 304
// (conditional_get.h). Bad parameters get the JSON error shape.
#pragma once

#include <httplib.h>

#include "server/handlers.h"

namespace eavesearch {

inline constexpr int kFeedEntries = 50;

void handle_search_feed(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_decisions_feed(const Api& api, const httplib::Request& req, httplib::Response& res);
void handle_actions_feed(const Api& api, const httplib::Request& req, httplib::Response& res);

}  // namespace eavesearch
