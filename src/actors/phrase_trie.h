// A trie over word-id sequences: longest-match lookup of gazetteer and lexicon phrases.
#pragma once

#include <cstdint>
#include <ranges>
#include <span>
#include <vector>

namespace diplograph::actors {

class PhraseTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Loading: adds a phrase and returns its node; payload indices attach to that node, and
  // attached() lists them until seal().
  std::uint32_t insert(std::span<const std::uint32_t> words);
  void attach(std::uint32_t node, std::uint32_t payload) { attached_[node].push_back(payload); }
  const std::vector<std::uint32_t>& attached(std::uint32_t node) const { return attached_[node]; }

  // Ends loading: numbers the payloads anew, node by node and in the order attached, so that a
  // node's payloads are one range of indices. Returns the old index of each new one, for the
  // owner to reorder what the payloads index. A lookup then reads two offsets, where a vector
  // per node cost two dependent cache misses.
  std::vector<std::uint32_t> seal();

  // The edges are one open-addressed table keyed by (node, word): a lookup is a multiply and
  // usually one cache line, where a node-based hash map chased pointers. Edges from the root
  // are probed at every token of every document, mostly in vain, so they are a dense array by
  // word id instead: small enough to stay in cache, where the big table missed it.
  std::uint32_t child(std::uint32_t node, std::uint32_t word) const {
    if (node == kRoot) return word < starts_.size() ? starts_[word] : kNone;
    const std::uint64_t k = key(node, word);
    for (std::size_t i = slot_of(k);; i = (i + 1) & mask_) {
      if (edges_[i].key == k) return edges_[i].child;
      if (edges_[i].key == kEmpty) return kNone;
    }
  }
  // After seal(): the payloads of a node.
  auto payloads(std::uint32_t node) const {
    return std::views::iota(first_payload_[node], first_payload_[node + 1]);
  }
  // Whether a phrase ends at `node` (it has payloads).
  bool ends_phrase(std::uint32_t node) const {
    return first_payload_[node] != first_payload_[node + 1];
  }

 private:
  struct Edge {
    std::uint64_t key;
    std::uint32_t child;
  };
  // No edge leaves node kNone, so this key is free to mark an empty slot.
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

  static std::uint64_t key(std::uint32_t node, std::uint32_t word) {
    return (std::uint64_t{node} << 32) | word;
  }
  std::size_t slot_of(std::uint64_t k) const {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void place(const Edge& edge);
  void add_edge(std::uint32_t node, std::uint32_t word, std::uint32_t added);

  std::vector<std::vector<std::uint32_t>> attached_{1};  // per node, until seal()
  std::vector<std::uint32_t> first_payload_;  // per node and one past the last, from seal()
  std::vector<std::uint32_t> starts_;  // word id -> child of the root, or kNone
  std::vector<Edge> edges_ = std::vector<Edge>(16, Edge{kEmpty, kNone});  // at most half full
  std::size_t mask_ = 15;
  int shift_ = 60;  // 64 - log2(edges_.size())
  std::size_t edge_count_ = 0;
};

}  // namespace diplograph::actors
