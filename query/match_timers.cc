#include "query/match_timers.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <ctime>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace eavesearch {
namespace {

using Clock = std::chrono::steady_clock;  // CLOCK_MONOTONIC, Xapian's clock
using namespace std::chrono_literals;
constexpr Clock::duration kTick = 20ms;  // the thread's wake-ups while timers come and go
constexpr Clock::duration kIdle = 1s;    // then it sleeps until a timer is set

struct ThreadTimer {
  void (*notify)(sigval);
  sigval value;
  Clock::duration interval{};  // zero: once
};

Clock::duration duration_of(const timespec& t) {
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

// The SIGEV_THREAD timers, and the one thread that runs their notifications,
// one at a time (Xapian's stores a flag); a notification must not delete its
// own timer, which would wait for itself.
class TimerThread {
 public:
  ThreadTimer* make(const sigevent& event) {
    std::lock_guard lock(mutex_);
    if (!started_) {
      std::thread([this] { run(); }).detach();  // lives as long as the process
      started_ = true;
    }
    auto* timer = new ThreadTimer{event.sigev_notify_function, event.sigev_value};
    timers_.insert(timer);
    ++created_;
    return timer;
  }

  bool owns(timer_t id) {
    std::lock_guard lock(mutex_);
    return timers_.count(static_cast<ThreadTimer*>(id)) != 0;
  }

  void set(ThreadTimer* timer, Clock::time_point due, Clock::duration interval) {
    std::lock_guard lock(mutex_);
    disarm(timer);
    timer->interval = interval;
    last_set_ = Clock::now();
    if (due == Clock::time_point{}) return;
    queue_.emplace(due, timer);
    if (due < wakes_at_) changed_.notify_all();  // otherwise it wakes in time
  }

  // Once it returns, the timer's notification is not running and never will.
  void remove(ThreadTimer* timer) {
    std::unique_lock lock(mutex_);
    disarm(timer);
    ran_.wait(lock, [&] { return running_ != timer; });
    timers_.erase(timer);
    delete timer;
  }

  std::uint64_t created() {
    std::lock_guard lock(mutex_);
    return created_;
  }

 private:
  void disarm(ThreadTimer* timer) {
    for (auto it = queue_.begin(); it != queue_.end();) {
      it = it->second == timer ? queue_.erase(it) : std::next(it);
    }
  }

  // Waking the thread for every timer set cost the server's query mix 4% of
  // its CPU (most timers are deleted long before they are due): while timers
  // come and go it wakes every kTick instead, and a timer due sooner wakes it.
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      auto now = Clock::now();
      if (queue_.empty() || now < queue_.begin()->first) {
        Clock::time_point first = queue_.empty() ? Clock::time_point::max() : queue_.begin()->first;
        bool idle = queue_.empty() && now - last_set_ > kIdle;
        wakes_at_ = idle ? Clock::time_point::max() : std::min(first, now + kTick);
        if (idle) {
          changed_.wait(lock);
        } else {
          changed_.wait_until(lock, Clock::time_point(wakes_at_));  // a copy
        }
        continue;
      }
      auto first = queue_.begin();
      ThreadTimer* timer = first->second;
      queue_.erase(first);
      if (timer->interval != Clock::duration{}) {
        queue_.emplace(Clock::now() + timer->interval, timer);
      }
      running_ = timer;
      lock.unlock();
      timer->notify(timer->value);
      lock.lock();
      running_ = nullptr;
      ran_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;  // queue_
  std::condition_variable ran_;      // running_
  std::multimap<Clock::time_point, ThreadTimer*> queue_;
  std::set<ThreadTimer*> timers_;
  ThreadTimer* running_ = nullptr;
  Clock::time_point wakes_at_ = Clock::time_point::max();  // when the thread looks next
  Clock::time_point last_set_{};
  bool started_ = false;
  std::uint64_t created_ = 0;
};

// Never destroyed: a timer may be deleted while the process exits.
TimerThread& timer_thread() {
  static auto* thread = new TimerThread;
  return *thread;
}

// A kernel timer's id, as glibc keeps it in a timer_t.
timer_t kernel_timer(int id) { return reinterpret_cast<timer_t>(static_cast<std::intptr_t>(id)); }
int kernel_id(timer_t id) { return static_cast<int>(reinterpret_cast<std::intptr_t>(id)); }

}  // namespace

std::uint64_t thread_timers_created() { return timer_thread().created(); }

}  // namespace eavesearch

extern "C" {

int timer_create(clockid_t clock, sigevent* event, timer_t* id) noexcept {
  if (event != nullptr && event->sigev_notify == SIGEV_THREAD && clock == CLOCK_MONOTONIC) {
    try {
      *id = eavesearch::timer_thread().make(*event);
      return 0;
    } catch (const std::exception&) {  // no memory or no thread: as libc would say
      errno = EAGAIN;
      return -1;
    }
  }
  // The kernel's own kinds. (A SIGEV_THREAD timer on another clock, which
  // nothing here makes, is refused by the kernel with EINVAL.)
  int kernel = 0;
  if (::syscall(SYS_timer_create, clock, event, &kernel) != 0) return -1;
  *id = eavesearch::kernel_timer(kernel);
  return 0;
}

int timer_settime(timer_t id, int flags, const itimerspec* value, itimerspec* old) noexcept {
  auto& timers = eavesearch::timer_thread();
  if (!timers.owns(id)) {
    return static_cast<int>(
        ::syscall(SYS_timer_settime, eavesearch::kernel_id(id), flags, value, old));
  }
  if (value == nullptr || value->it_value.tv_nsec < 0 || value->it_value.tv_nsec >= 1'000'000'000) {
    errno = EINVAL;
    return -1;
  }
  if (old != nullptr) *old = {};  // what was left of it is not kept
  using eavesearch::duration_of;
  eavesearch::Clock::time_point due{};
  if (value->it_value.tv_sec != 0 || value->it_value.tv_nsec != 0) {
    auto at = duration_of(value->it_value);
    due = (flags & TIMER_ABSTIME) != 0 ? eavesearch::Clock::time_point(at)
                                       : eavesearch::Clock::now() + at;
  }
  timers.set(static_cast<eavesearch::ThreadTimer*>(id), due, duration_of(value->it_interval));
  return 0;
}

int timer_delete(timer_t id) noexcept {
  auto& timers = eavesearch::timer_thread();
  if (!timers.owns(id)) {
    return static_cast<int>(::syscall(SYS_timer_delete, eavesearch::kernel_id(id)));
  }
  timers.remove(static_cast<eavesearch::ThreadTimer*>(id));
  return 0;
}

}  // extern "C"
