// The phrase trie on its own: walks by word id, and the payload numbering of seal().
#include <catch2/catch.hpp>

#include <vector>

#include "actors/phrase_trie.h"

using diplograph::actors::PhraseTrie;

namespace {

std::vector<std::uint32_t> payloads_of(const PhraseTrie& trie, std::uint32_t node) {
  std::vector<std::uint32_t> out;
  for (const auto p : trie.payloads(node)) out.push_back(p);
  return out;
}

std::uint32_t walk(const PhraseTrie& trie, const std::vector<std::uint32_t>& words) {
  std::uint32_t node = PhraseTrie::kRoot;
  for (const auto w : words) {
    node = trie.child(node, w);
    if (node == PhraseTrie::kNone) break;
  }
  return node;
}

}  // namespace

TEST_CASE("seal() numbers payloads node by node, in the order attached", "[actors][trie]") {
  PhraseTrie trie;
  const std::vector<std::uint32_t> united_states{7, 3};
  const std::vector<std::uint32_t> united{7};
  const std::vector<std::uint32_t> united_kingdom{7, 9};
  const auto us = trie.insert(united_states);
  const auto u = trie.insert(united);
  const auto uk = trie.insert(united_kingdom);
  CHECK(trie.insert(united_states) == us);  // the same phrase, the same node
  // Payloads as a loader adds them: interleaved across nodes.
  trie.attach(us, 0);
  trie.attach(uk, 1);
  trie.attach(us, 2);
  trie.attach(u, 3);
  CHECK(trie.attached(us) == std::vector<std::uint32_t>{0, 2});

  const auto old_of_new = trie.seal();
  // Nodes in creation order: "united" (made by the first insert), then "united states", then
  // "united kingdom".
  CHECK(old_of_new == std::vector<std::uint32_t>{3, 0, 2, 1});
  CHECK(payloads_of(trie, walk(trie, united)) == std::vector<std::uint32_t>{0});
  CHECK(payloads_of(trie, walk(trie, united_states)) == std::vector<std::uint32_t>{1, 2});
  CHECK(payloads_of(trie, walk(trie, united_kingdom)) == std::vector<std::uint32_t>{3});
}

TEST_CASE("a node ends a phrase only when a payload is attached to it", "[actors][trie]") {
  PhraseTrie trie;
  const std::vector<std::uint32_t> three_words{4, 5, 6};
  trie.attach(trie.insert(three_words), 0);
  trie.seal();
  const auto first = walk(trie, {4});
  const auto second = walk(trie, {4, 5});
  const auto third = walk(trie, {4, 5, 6});
  REQUIRE(first != PhraseTrie::kNone);
  REQUIRE(second != PhraseTrie::kNone);
  CHECK_FALSE(trie.ends_phrase(PhraseTrie::kRoot));
  CHECK_FALSE(trie.ends_phrase(first));
  CHECK_FALSE(trie.ends_phrase(second));
  CHECK(trie.ends_phrase(third));
  CHECK(payloads_of(trie, second).empty());
  CHECK(walk(trie, {5}) == PhraseTrie::kNone);
  CHECK(walk(trie, {4, 6}) == PhraseTrie::kNone);
  CHECK(walk(trie, {4, 5, 6, 7}) == PhraseTrie::kNone);
}
