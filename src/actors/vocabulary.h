// Interned normalised words: gazetteer, title and lexicon phrases and document tokens map to
// the same small integers, so matching compares integers and allocates nothing per token.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace diplograph::actors {

class Vocabulary {
 public:
  static constexpr std::uint32_t kUnknown = 0;

  // Id of a normalised word, adding it when new.
  std::uint32_t intern(std::string_view word);
  // Id of a normalised word, or kUnknown when no phrase uses it. Called once per token: an
  // open-addressed table probed from one hash. A slot keeps the word's length and first eight
  // bytes beside its id, so that most words (eight bytes or less) are found or rejected in the
  // slot itself, without touching the word's string.
  std::uint32_t find(std::string_view word) const {
    // One-byte words (punctuation, initials) are a fifth of a text's tokens: a table answers.
    if (word.size() == 1) return one_byte_[static_cast<unsigned char>(word[0])];
    const std::uint64_t head = head_of(word);
    for (std::size_t i = hash(word, head) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == kUnknown) return kUnknown;
      if (s.head == head && s.size == word.size() &&
          (word.size() <= 8 || words_[s.id] == word))
        return s.id;
    }
  }
  // Interns every word of a phrase normalised by text::normalize_phrase (space separated).
  std::vector<std::uint32_t> intern_phrase(std::string_view normalized_phrase);
  std::string_view word(std::uint32_t id) const { return words_[id]; }
  std::size_t size() const { return words_.size(); }  // ids run from 0 to size() - 1

  // The form a token is matched by: its normalised form, except that the French preposition
  // "à" keeps its accent, since without it it is the verb "a" (has). Asked for every token, so
  // the original is read only when the normalised form is "a".
  static std::string_view match_form(const text::Document& doc, const text::Token& t) {
    const std::string_view normalized = doc.token_norm(t);
    if (normalized.size() != 1 || normalized[0] != 'a') return normalized;
    const std::string_view original = doc.token_text(t);
    return original == "à" || original == "À" ? std::string_view("à") : normalized;
  }

 private:
  struct Slot {
    std::uint64_t head = 0;       // head_of(word)
    std::uint32_t id = kUnknown;  // kUnknown: empty
    std::uint32_t size = 0;
  };
  // The first eight bytes of a word as one integer, zero-padded: loaded in at most two reads
  // (overlapping ones for lengths 4 to 7) rather than byte by byte.
  static std::uint64_t head_of(std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    if (n >= 8) return load<std::uint64_t>(p);
    if (n >= 4)
      return load<std::uint32_t>(p) | std::uint64_t{load<std::uint32_t>(p + n - 4)} << 8 * (n - 4);
    if (n == 0) return 0;
    return std::uint64_t{byte(p[0])} | std::uint64_t{byte(p[n / 2])} << 8 * (n / 2) |
           std::uint64_t{byte(p[n - 1])} << 8 * (n - 1);
  }
  // Mixes the word eight bytes at a time, so that the slot (the low bits) depends on every byte.
  static std::uint64_t hash(std::string_view word, std::uint64_t head) {
    std::uint64_t h = (head ^ word.size()) * 0x9E3779B97F4A7C15ULL;
    for (std::size_t i = 8; i < word.size(); i += 8)
      h = (h ^ head_of(word.substr(i, 8))) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }
  template <typename T>
  static T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static std::uint64_t byte(char c) { return static_cast<unsigned char>(c); }
  void place(std::uint32_t id);

  std::vector<Slot> slots_ = std::vector<Slot>(16);  // a power of two, at most half full
  std::size_t mask_ = 15;
  std::vector<std::string> words_{std::string()};
  std::array<std::uint32_t, 256> one_byte_{};  // byte -> id of that one-byte word, or kUnknown
};

}  // namespace diplograph::actors
