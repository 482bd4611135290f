// Interned normalised words: gazetteer, title and lexicon phrases and document tokens map to
// the same small integers, so matching compares integers and allocates nothing per token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace diplograph::actors {

class Vocabulary {
 public:
  static constexpr std::uint32_t kUnknown = 0;

  // Id of a normalised word, adding it when new.
  std::uint32_t intern(std::string_view word);
  // Id of a normalised word, or kUnknown when no phrase uses it.
  std::uint32_t find(std::string_view word) const {
    const auto it = ids_.find(word);
    return it == ids_.end() ? kUnknown : it->second;
  }
  // Interns every word of a phrase normalised by text::normalize_phrase (space separated).
  std::vector<std::uint32_t> intern_phrase(std::string_view normalized_phrase);
  std::string_view word(std::uint32_t id) const { return words_[id]; }

  // The form a token is matched by: its normalised form, except that the French preposition
  // "à" keeps its accent, since without it it is the verb "a" (has).
  static std::string_view match_form(std::string_view original, std::string_view normalized) {
    return original == "à" || original == "À" ? std::string_view("à") : normalized;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_{std::string()};
};

}  // namespace diplograph::actors
