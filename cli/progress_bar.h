// The progress bar of `eavesearch index` on a terminal (stderr): files done,
// rate and ETA, redrawn at most a few times a second and cleared at the end.
#pragma once

#include <chrono>

#include "eavesearch/indexer.h"

namespace eavesearch {

class ProgressBar {
 public:
  // Draws only when stderr is a terminal.
  ProgressBar();
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const IndexProgress& p);
  void clear();  // before printing a warning; redrawn on the next update

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace eavesearch
