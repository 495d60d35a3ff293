// The timers of Xapian's time limits (query/match_timers.h): a deleted
// timer's notification never runs afterwards, which glibc's SIGEV_THREAD
// timers do not promise, and other timers are the kernel's as before.
#include "query/match_timers.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <thread>

namespace eavesearch {
namespace {

using namespace std::chrono_literals;

struct Notified {
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
};

// A notification that takes a while, as a late one of glibc's may.
void slow_notify(sigval value) {
  auto* n = static_cast<Notified*>(value.sival_ptr);
  n->started = true;
  std::this_thread::sleep_for(100ms);
  n->finished = true;
}

timer_t thread_timer(Notified& n) {
  sigevent event{};
  event.sigev_notify = SIGEV_THREAD;
  event.sigev_notify_function = slow_notify;
  event.sigev_value.sival_ptr = &n;
  timer_t id{};
  EXPECT_EQ(timer_create(CLOCK_MONOTONIC, &event, &id), 0);
  return id;
}

void arm(timer_t id, std::chrono::nanoseconds after) {
  itimerspec when{};
  when.it_value.tv_sec = static_cast<time_t>(after.count() / 1'000'000'000);
  when.it_value.tv_nsec = static_cast<long>(after.count() % 1'000'000'000);
  ASSERT_EQ(timer_settime(id, 0, &when, nullptr), 0);
}

TEST(MatchTimersTest, DeletingATimerWaitsForItsNotificationUnderWay) {
  Notified n;
  timer_t id = thread_timer(n);
  arm(id, 1ms);
  for (int i = 0; i < 2000 && !n.started; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(n.started);
  ASSERT_EQ(timer_delete(id), 0);
  // glibc's timer_delete returns here while the notification still sleeps.
  EXPECT_TRUE(n.finished);
}

TEST(MatchTimersTest, ATimerDeletedBeforeItIsDueNeverNotifies) {
  Notified n;
  timer_t id = thread_timer(n);
  arm(id, 50ms);
  ASSERT_EQ(timer_delete(id), 0);
  std::this_thread::sleep_for(150ms);
  EXPECT_FALSE(n.started);
}

TEST(MatchTimersTest, ATimerRearmedLaterNotifiesOnlyThen) {
  Notified n;
  timer_t id = thread_timer(n);
  arm(id, 20ms);
  arm(id, 10s);
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(n.started);
  ASSERT_EQ(timer_delete(id), 0);
}

TEST(MatchTimersTest, XapiansTimeLimitsUseThem) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_term("privsep");
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("privsep"));
  enquire.set_time_limit(5.0);
  std::uint64_t before = thread_timers_created();
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  EXPECT_EQ(thread_timers_created(), before + 1);
}

TEST(MatchTimersTest, OtherTimersAreTheKernelsAsBefore) {
  sigevent event{};
  event.sigev_notify = SIGEV_NONE;
  timer_t id{};
  ASSERT_EQ(timer_create(CLOCK_MONOTONIC, &event, &id), 0);
  itimerspec when{};
  when.it_value.tv_sec = 10;
  ASSERT_EQ(timer_settime(id, 0, &when, nullptr), 0);
  itimerspec left{};
  ASSERT_EQ(timer_gettime(id, &left), 0);  // libc's, on the kernel's timer
  EXPECT_GT(left.it_value.tv_sec, 5);
  EXPECT_EQ(timer_delete(id), 0);
}

}  // namespace
}  // namespace eavesearch
