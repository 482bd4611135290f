// Interned normalised words: gazetteer, title and lexicon phrases and document tokens map to
// the same small integers, so matching compares integers and allocates nothing per token.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::actors {

class Vocabulary {
 public:
  static constexpr std::uint32_t kUnknown = 0;

  // Id of a normalised word, adding it when new.
  std::uint32_t intern(std::string_view word);
  // Id of a normalised word, or kUnknown when no phrase uses it. Called once per token: an
  // open-addressed table probed from one hash, with the hash kept beside the id so that most
  // slots are rejected without touching the word.
  std::uint32_t find(std::string_view word) const {
    const std::uint64_t h = hash(word);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kUnknown) return kUnknown;
      if (s.hash == static_cast<std::uint32_t>(h >> 32) && words_[s.id] == word) return s.id;
    }
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
  struct Slot {
    std::uint32_t id = kUnknown;  // kUnknown: empty
    std::uint32_t hash = 0;       // the upper half of the word's hash
  };
  // FNV-1a with a final mix, so that the low bits (the slot) depend on every byte.
  static std::uint64_t hash(std::string_view word) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }
  void place(std::uint32_t id);

  std::vector<Slot> slots_ = std::vector<Slot>(16);  // a power of two, at most half full
  std::size_t mask_ = 15;
  std::vector<std::string> words_{std::string()};
};

}  // namespace diplograph::actors
