// Private to query/: what SearchResources holds (include/eavesearch/searcher.h).
#pragma once

#include <atomic>
#include <utility>

#include "eavesearch/searcher.h"
#include "query/facet_columns.h"

namespace eavesearch {

// Slots for costly searches: a search takes one for the time of its match,
// or is refused when none is free.
class CostlySlots {
 public:
  explicit CostlySlots(int slots) : free_(slots) {}

  // Holds a slot while alive, if it got one.
  class Ticket {
   public:
    explicit Ticket(CostlySlots* owner) : owner_(owner) {}
    Ticket(Ticket&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)) {}
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket() {
      if (owner_) owner_->free_.fetch_add(1);
    }
    explicit operator bool() const { return owner_ != nullptr; }

   private:
    CostlySlots* owner_;
  };

  Ticket try_take() {
    int n = free_.load();
    while (n > 0) {
      if (free_.compare_exchange_weak(n, n - 1)) return Ticket(this);
    }
    return Ticket(nullptr);
  }

 private:
  std::atomic<int> free_;
};

struct SearchResources::Impl {
  Impl(std::size_t facet_memory_bytes, int costly_at_once, unsigned long costly_postings_)
      : facet_columns(facet_memory_bytes),
        costly(costly_at_once),
        costly_postings(costly_postings_) {}
  FacetColumnCache facet_columns;
  CostlySlots costly;
  unsigned long costly_postings;
};

}  // namespace eavesearch
