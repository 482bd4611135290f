#include "actors/vocabulary.h"

namespace diplograph::actors {

std::uint32_t Vocabulary::intern(std::string_view word) {
  const auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
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
