// A trie over word-id sequences: longest-match lookup of gazetteer and lexicon phrases.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace diplograph::actors {

class PhraseTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Adds a phrase and returns its node; payload indices attach to that node.
  std::uint32_t insert(std::span<const std::uint32_t> words);
  void attach(std::uint32_t node, std::uint32_t payload) {
    nodes_[node].push_back(payload);
    ends_[node] = true;
  }

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
  const std::vector<std::uint32_t>& payloads(std::uint32_t node) const { return nodes_[node]; }
  // Whether a phrase ends at `node` (it has payloads): asked at every step of a walk, so
  // answered from one bit per node rather than from the node's vector.
  bool ends_phrase(std::uint32_t node) const { return ends_[node]; }

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

  std::vector<std::vector<std::uint32_t>> nodes_{1};
  std::vector<bool> ends_ = std::vector<bool>(1);  // per node: payloads not empty
  std::vector<std::uint32_t> starts_;  // word id -> child of the root, or kNone
  std::vector<Edge> edges_ = std::vector<Edge>(16, Edge{kEmpty, kNone});  // at most half full
  std::size_t mask_ = 15;
  int shift_ = 60;  // 64 - log2(edges_.size())
  std::size_t edge_count_ = 0;
};

}  // namespace diplograph::actors
