// IRC nicks of the people who attend meetings.
//
// Team pools mix well-known public OpenStack nicks with made-up plausible
// ones. Pools are ordered from regulars to occasional attendees; the writer
// draws from them with a Zipf-like skew.
#ifndef EAVESEARCH_DATA_GENERATOR_PEOPLE_H_
#define EAVESEARCH_DATA_GENERATOR_PEOPLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "rng.h"

namespace eavesearch::gen {

// A person who may attend a series, with the years they were active.
struct Regular {
  std::string nick;
  int64_t active_from = 0;  // day number
  int64_t active_to = 0;    // day number, inclusive
};

// The pool for `team` (see MeetingSeries::team) over a series' life
// [first_day, last_day]. Unknown teams get made-up nicks plus community
// regulars. Deterministic in (team, series_id, seed).
std::vector<Regular> build_pool(const std::string& team, const std::string& series_id,
                                int64_t first_day, int64_t last_day, uint64_t seed);

// A variant of `nick` as an IRC client produces it after a reconnect or while
// away ("mnaser_", "gmann_afk", "spotz[m]"); `matrix_era` allows "[m]".
std::string nick_variant(const std::string& nick, bool matrix_era, Rng& rng);

// Real-world first names, some non-ASCII ("Radosław", "Sławek"), used in chat.
const std::vector<std::string>& person_names();

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_PEOPLE_H_
