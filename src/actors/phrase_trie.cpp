#include "actors/phrase_trie.h"

namespace diplograph::actors {

void PhraseTrie::place(const Edge& edge) {
  std::size_t i = slot_of(edge.key);
  while (edges_[i].key != kEmpty) i = (i + 1) & mask_;
  edges_[i] = edge;
}

void PhraseTrie::add_edge(std::uint32_t node, std::uint32_t word, std::uint32_t added) {
  if (node == kRoot) {
    if (word >= starts_.size()) starts_.resize(word + 1, kNone);
    starts_[word] = added;
    return;
  }
  if (2 * (edge_count_ + 1) > edges_.size()) {
    std::vector<Edge> old(2 * edges_.size(), Edge{kEmpty, kNone});
    old.swap(edges_);
    mask_ = edges_.size() - 1;
    --shift_;
    for (const Edge& e : old)
      if (e.key != kEmpty) place(e);
  }
  place(Edge{key(node, word), added});
  ++edge_count_;
}

std::uint32_t PhraseTrie::insert(std::span<const std::uint32_t> words) {
  std::uint32_t node = kRoot;
  for (const std::uint32_t w : words) {
    std::uint32_t next = child(node, w);
    if (next == kNone) {
      next = static_cast<std::uint32_t>(attached_.size());
      attached_.emplace_back();
      add_edge(node, w, next);
    }
    node = next;
  }
  return node;
}

std::vector<std::uint32_t> PhraseTrie::seal() {
  std::vector<std::uint32_t> old_of_new;
  first_payload_.clear();
  for (const auto& payloads : attached_) {
    first_payload_.push_back(static_cast<std::uint32_t>(old_of_new.size()));
    old_of_new.insert(old_of_new.end(), payloads.begin(), payloads.end());
  }
  first_payload_.push_back(static_cast<std::uint32_t>(old_of_new.size()));
  attached_.clear();
  attached_.shrink_to_fit();
  return old_of_new;
}

}  // namespace diplograph::actors
