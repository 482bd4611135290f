// The vocabulary on its own: ids of interned words, through the table's growth, for words of
// one byte (a table of their own), of up to eight bytes (found in the slot) and longer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "actors/vocabulary.h"

using diplograph::actors::Vocabulary;

TEST_CASE("interned words keep their ids and unknown words have none", "[actors][vocabulary]") {
  Vocabulary v;
  std::vector<std::string> words = {".", "a", "'", "de", "Otan", "ministre", "Azerbaidjan",
                                    "affaires-etrangeres"};
  // Enough words that the table grows several times after the first ones went in.
  for (int k = 0; k < 3000; ++k) words.push_back(std::to_string(k) + "w");
  std::vector<std::uint32_t> ids;
  for (const auto& w : words) ids.push_back(v.intern(w));
  for (std::size_t i = 0; i < words.size(); ++i) {
    CHECK(ids[i] != Vocabulary::kUnknown);
    CHECK(v.find(words[i]) == ids[i]);
    CHECK(v.intern(words[i]) == ids[i]);
    CHECK(v.word(ids[i]) == words[i]);
  }
  CHECK(v.size() == words.size() + 1);  // id 0 is kUnknown
  for (const std::string unknown : {",", "b", "d", "dee", "Otan ", "ministres", "3000w", ""})
    CHECK(v.find(unknown) == Vocabulary::kUnknown);
  CHECK(v.intern_phrase("de a ministre") == std::vector<std::uint32_t>{ids[3], ids[1], ids[5]});
}
