// The place of each edge among its source's out-edges, by (source, target, type id): an
// open-addressed table of 16-byte slots probed from one hash. In a graph of hundreds of
// thousands of edges the table outgrows the cache, and a lookup then costs about one miss where
// a node-based map cost three (bucket, node, key).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace diplograph::graph {

class EdgeIndex {
 public:
  struct Key {
    std::size_t source;
    std::size_t target;
    std::uint32_t type;
  };

  std::optional<std::size_t> find(const Key& key) const;
  // Adds a key that is not in the index yet. Throws std::length_error past 2^32 - 1 vertices
  // or out-edges of one vertex, which the 16-byte slots cannot hold.
  void insert(const Key& key, std::size_t place);
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    std::uint32_t type = 0;
    std::uint32_t place_plus_one = 0;  // 0: an empty slot
  };
  static std::size_t hash(std::uint32_t source, std::uint32_t target, std::uint32_t type);
  void place(const Slot& slot);

  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two, at most half full
  std::size_t size_ = 0;
};

}  // namespace diplograph::graph
