// Language identification by function words: French and English differ most in their
// commonest words, and counting them takes one pass with no allocation.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace diplograph::ingest {

namespace {

enum class Lang : std::uint8_t { kFr, kEn };

struct FunctionWord {
  std::uint64_t key;  // the word's bytes packed into an integer, see pack()
  Lang lang;
};

constexpr std::size_t kMaxWordBytes = 8;

// Packs a word of up to eight bytes into an integer, lower-casing ASCII, so that a lookup is
// a few integer comparisons.
constexpr std::uint64_t pack(std::string_view word) {
  std::uint64_t key = 0;
  for (char c : word) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    key = (key << 8) | static_cast<unsigned char>(lower);
  }
  return key;
}

// "a" (il a), "on" (on dit) and "est" exist in both languages but serve one far more often.
constexpr std::array<std::string_view, 21> kFrench{
    "le",   "la",   "les", "des", "du",  "une", "et",  "est", "que", "qui", "dans",
    "pour", "avec", "sur", "au",  "aux", "a",   "ont", "été", "ne",  "pas"};
constexpr std::array<std::string_view, 18> kEnglish{"the",  "of",  "and",  "to",  "in",  "is",
                                                    "that", "for", "with", "on",  "was", "has",
                                                    "have", "by",  "said", "its", "are", "not"};

constexpr auto kTable = [] {
  std::array<FunctionWord, kFrench.size() + kEnglish.size()> table{};
  std::size_t n = 0;
  for (std::string_view w : kFrench) table[n++] = {pack(w), Lang::kFr};
  for (std::string_view w : kEnglish) table[n++] = {pack(w), Lang::kEn};
  std::sort(table.begin(), table.end(),
            [](const FunctionWord& a, const FunctionWord& b) { return a.key < b.key; });
  return table;
}();

const FunctionWord* find_word(std::uint64_t key) {
  const auto* it =
      std::lower_bound(kTable.begin(), kTable.end(), key,
                       [](const FunctionWord& w, std::uint64_t k) { return w.key < k; });
  return (it != kTable.end() && it->key == key) ? it : nullptr;
}

// Bytes that separate words: ASCII other than letters, and the UTF-8 punctuation that French
// wire copy is full of (’ « » non-breaking spaces), so that "l’Azerbaïdjan" splits like
// "l'Azerbaïdjan". Returns the separator's length, 0 for a word byte.
std::size_t separator_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? 0 : 1;
  const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (b == 0xC2 && next >= 0xA0) return 2;  // U+00A0..U+00BF: nbsp, « », ...
  if (b == 0xE2 && next == 0x80) return 3;  // U+2000..U+203F: quotes, dashes, thin spaces
  return 0;
}

}  // namespace

std::string detect_language(std::string_view text) {
  std::size_t counts[2] = {0, 0};
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t sep = separator_length(text, i); sep > 0) {
      i += sep;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && separator_length(text, i) == 0) ++i;
    if (i - begin > kMaxWordBytes) continue;
    if (const FunctionWord* w = find_word(pack(text.substr(begin, i - begin)))) {
      ++counts[static_cast<int>(w->lang)];
    }
  }
  const std::size_t fr = counts[0];
  const std::size_t en = counts[1];
  // "Clearly more": half as many again, so that a few quoted words in the other language or
  // a two-word snippet do not decide.
  if (fr * 2 > en * 3) return "fr";
  if (en * 2 > fr * 3) return "en";
  return "";
}

}  // namespace diplograph::ingest
