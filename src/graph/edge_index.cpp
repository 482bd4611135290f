#include "graph/edge_index.h"

#include <limits>
#include <stdexcept>

namespace diplograph::graph {

namespace {

constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();

}  // namespace

// Each part multiplied by its own odd constant, then mixed down (splitmix64's finaliser), so
// that the low bits, which pick the slot, depend on every bit of the key.
std::size_t EdgeIndex::hash(std::uint32_t source, std::uint32_t target, std::uint32_t type) {
  std::uint64_t h = (std::uint64_t{source} << 32 | target) * 0x9E3779B97F4A7C15ULL;
  h ^= (std::uint64_t{type} + 1) * 0xC2B2AE3D27D4EB4FULL;
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBULL;
  return static_cast<std::size_t>(h ^ (h >> 31));
}

std::optional<std::size_t> EdgeIndex::find(const Key& key) const {
  if (key.source > kMax || key.target > kMax) return std::nullopt;
  const auto source = static_cast<std::uint32_t>(key.source);
  const auto target = static_cast<std::uint32_t>(key.target);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash(source, target, key.type) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.place_plus_one == 0) return std::nullopt;
    if (s.source == source && s.target == target && s.type == key.type)
      return s.place_plus_one - 1;
  }
}

void EdgeIndex::insert(const Key& key, std::size_t place_in_source) {
  if (key.source > kMax || key.target > kMax || place_in_source >= kMax)
    throw std::length_error("graph too large for its edge index");
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.place_plus_one != 0) place(s);
  }
  place(Slot{static_cast<std::uint32_t>(key.source), static_cast<std::uint32_t>(key.target),
             key.type, static_cast<std::uint32_t>(place_in_source + 1)});
  ++size_;
}

void EdgeIndex::place(const Slot& slot) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash(slot.source, slot.target, slot.type) & mask;
  while (slots_[i].place_plus_one != 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

}  // namespace diplograph::graph
