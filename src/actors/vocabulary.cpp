#include "actors/vocabulary.h"

namespace diplograph::actors {

void Vocabulary::place(std::uint32_t id) {
  const std::string_view word = words_[id];
  const std::uint64_t head = head_of(word);
  std::size_t i = hash(word, head) & mask_;
  while (slots_[i].id != kUnknown) i = (i + 1) & mask_;
  slots_[i] = Slot{head, id, static_cast<std::uint32_t>(word.size())};
}

std::uint32_t Vocabulary::intern(std::string_view word) {
  if (const std::uint32_t known = find(word); known != kUnknown) return known;
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  if (word.size() == 1) {
    one_byte_[static_cast<unsigned char>(word[0])] = id;
    return id;
  }
  if (2 * words_.size() > slots_.size()) {
    slots_.assign(2 * slots_.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (std::uint32_t w = 1; w < id; ++w)
      if (words_[w].size() > 1) place(w);  // one-byte words live in one_byte_
  }
  place(id);
  return id;
}

std::vector<std::uint32_t> Vocabulary::intern_phrase(std::string_view phrase) {
  std::vector<std::uint32_t> ids;
  std::size_t i = 0;
  while (i < phrase.size()) {
    const std::size_t space = phrase.find(' ', i);
    const std::size_t end = space == std::string_view::npos ? phrase.size() : space;
    if (end > i) ids.push_back(intern(phrase.substr(i, end - i)));
    i = end + 1;
  }
  return ids;
}

}  // namespace diplograph::actors
