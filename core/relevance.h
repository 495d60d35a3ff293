// How relevant a hit is: BM25 (k1 = 1, b = 0.5, a length under half the
// average counted as half, Xapian's defaults) with the length normalisation
// done when indexing, so a search never reads a document's length.
//
// BM25 gives a term tf / (K + tf), K = k1 * norm(length). That equals
// tf' / (k1 + tf') for tf' = tf / norm(length): BM25 with b = 0 over a
// normalised count. Each term's wdf holds tf' scaled by kWdfScale, and a
// search weighs with BM25Weight(k1 * kWdfScale, b = 0), which needs no
// document lengths; its scores are BM25's times a constant, so the order
// is BM25's (up to the rounding of tf'), and they are about 8.5 times
// BM25's ((16 + 1) / (1 + 1)). Reading a length per match was most of a
// common word's cost: "review" at 1M lines, 12 -> 3.9 ms.
// For indexer/ and query/.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace eavesearch {

// Terms per line of the real archive (../shared/corpus/real: 12.1). Fixed,
// not the database's own average, which changes as it grows.
inline constexpr double kAverageLength = 12;
inline constexpr double kWdfScale = 16;
inline constexpr double kBm25K1 = 1;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLength = 0.5;

// The wdf of a term occurring tf times in a document of `length` terms.
inline Xapian::termcount normalised_wdf(Xapian::termcount tf, Xapian::termcount length) {
  double norm = kBm25B * std::max(length / kAverageLength, kBm25MinNormLength) + (1 - kBm25B);
  return std::max<Xapian::termcount>(1, std::lround(kWdfScale * tf / norm));
}

// The first schema (kSchemaVersion) whose wdfs are normalised.
inline constexpr long kNormalisedWdfSchema = 8;

// The weight for a database whose wdfs are normalised, or (made by an
// older eavesearch, until its rebuild) are plain counts.
inline Xapian::BM25Weight relevance_weight(bool normalised_wdf) {
  if (!normalised_wdf) {
    return Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, kBm25MinNormLength);
  }
  return Xapian::BM25Weight(kBm25K1 * kWdfScale, 0, 1, 0, 0);
}

}  // namespace eavesearch
