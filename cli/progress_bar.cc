#include "cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace eavesearch {
namespace {

constexpr int kWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);

}  // namespace

ProgressBar::ProgressBar()
    : enabled_(::isatty(STDERR_FILENO) == 1),
      started_(std::chrono::steady_clock::now()),
      last_(started_ - kRedrawEvery) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::clear() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  last_ = started_;
}

void ProgressBar::update(const IndexProgress& p) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < kRedrawEvery && p.files_done != p.files_total) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - started_).count();
  double done = p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / p.bytes_total
                                  : (p.files_total > 0 ? double(p.files_done) / p.files_total : 1);
  double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / seconds / 1e6 : 0;
  int filled = static_cast<int>(done * kWidth);
  char bar[kWidth + 1];
  for (int k = 0; k < kWidth; ++k) bar[k] = k < filled ? '#' : '.';
  bar[kWidth] = '\0';
  long eta = done > 0 && done < 1 ? static_cast<long>(seconds * (1 - done) / done) : 0;
  std::fprintf(stderr, "\r\033[K[%s] %3d%% %ld/%ld files  %.1f MB/s  ETA %ld:%02ld", bar,
               static_cast<int>(done * 100), p.files_done, p.files_total, rate, eta / 60, eta % 60);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace eavesearch
