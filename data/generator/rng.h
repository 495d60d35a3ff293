// Deterministic pseudo-random numbers for the archive generator.
//
// Everything here is integer arithmetic on fixed-width types, so the same
// seed gives the same sequence with any compiler, library or CPU. The
// standard <random> distributions are deliberately not used: their output is
// implementation-defined.
#ifndef EAVESEARCH_DATA_GENERATOR_RNG_H_
#define EAVESEARCH_DATA_GENERATOR_RNG_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace eavesearch::gen {

// One step of the splitmix64 finalizer: a good 64-bit mixing function.
constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Combines two values into a new seed (order matters).
constexpr uint64_t combine(uint64_t a, uint64_t b) {
  return mix64(a * 0x9e3779b97f4a7c15ULL + mix64(b + 0x632be59bd9b4e019ULL));
}

// FNV-1a of the bytes of `s`; stable across platforms.
constexpr uint64_t hash_string(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// splitmix64 generator. Cheap to copy; not thread-safe (use one per thread).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }

  // Uniform in [0, n); returns 0 when n == 0. The modulo bias is below 2^-40
  // for the small ranges used here.
  uint64_t uniform(uint64_t n) { return n == 0 ? 0 : next() % n; }

  // Uniform in [lo, hi] (inclusive); returns lo when hi < lo.
  int range(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(uniform(static_cast<uint64_t>(hi - lo) + 1));
  }

  // True with probability num/den.
  bool chance(uint64_t num, uint64_t den) { return uniform(den) < num; }

  // True with probability p percent.
  bool percent(int p) { return chance(static_cast<uint64_t>(p), 100); }

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[uniform(v.size())];
  }

  // Index drawn with probability weights[i] / sum(weights). `weights` must not
  // be empty; if all weights are 0 the choice is uniform.
  size_t weighted(const std::vector<uint32_t>& weights) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    if (total == 0) return uniform(weights.size());
    uint64_t r = uniform(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  uint64_t state_;
};

}  // namespace eavesearch::gen

#endif  // EAVESEARCH_DATA_GENERATOR_RNG_H_
