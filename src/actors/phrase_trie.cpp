#include "actors/phrase_trie.h"

namespace diplograph::actors {

std::uint32_t PhraseTrie::insert(std::span<const std::uint32_t> words) {
  std::uint32_t node = kRoot;
  for (const std::uint32_t w : words) {
    const auto [it, added] = edges_.try_emplace(key(node, w), static_cast<std::uint32_t>(nodes_.size()));
    if (added) nodes_.emplace_back();
    node = it->second;
  }
  return node;
}

}  // namespace diplograph::actors
