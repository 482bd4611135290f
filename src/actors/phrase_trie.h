// A trie over word-id sequences: longest-match lookup of gazetteer and lexicon phrases.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace diplograph::actors {

class PhraseTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Adds a phrase and returns its node; payload indices attach to that node.
  std::uint32_t insert(std::span<const std::uint32_t> words);
  void attach(std::uint32_t node, std::uint32_t payload) { nodes_[node].push_back(payload); }

  std::uint32_t child(std::uint32_t node, std::uint32_t word) const {
    const auto it = edges_.find(key(node, word));
    return it == edges_.end() ? kNone : it->second;
  }
  const std::vector<std::uint32_t>& payloads(std::uint32_t node) const { return nodes_[node]; }

 private:
  static std::uint64_t key(std::uint32_t node, std::uint32_t word) {
    return (std::uint64_t{node} << 32) | word;
  }
  std::vector<std::vector<std::uint32_t>> nodes_{1};
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
};

}  // namespace diplograph::actors
