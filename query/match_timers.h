// Private to query/: the timers of Xapian's time limits, made safe.
//
// Xapian 1.4 stops a match at its time limit (Enquire::set_time_limit) with
// a POSIX timer whose SIGEV_THREAD notification stores `true` into a flag on
// the matching thread's stack (matcher/matchtimeout.h). glibc's timer_delete
// does not wait for a notification already on its way: one that comes late
// stores its byte into whatever that stack holds by then. Under the query mix
// at 10M lines, where matches end near their limits, that stray byte crashed
// `eavesearch serve` within seconds (a SearchResponse's vector shifted by a
// byte); with time limits left out it ran on.
//
// match_timers.cc defines timer_create, timer_settime and timer_delete in
// each program that searches, in place of libc's: a SIGEV_THREAD timer is
// kept by one thread of its own, and timer_delete returns only once the
// timer's notification has run or never will. Other timers go to the kernel
// as libc sends them.
#pragma once

#include <cstdint>

namespace eavesearch {

// SIGEV_THREAD timers made so far (for tests: Xapian's matches use them).
std::uint64_t thread_timers_created();

}  // namespace eavesearch
