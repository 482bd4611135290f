// Document: the normalised-to-original offset map, char offsets, and a large-input sanity run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "text/document.h"
#include "util/utf8.h"

using namespace diplograph;
using text::Document;

namespace {

// The original text behind the first occurrence of `needle` in doc.normalized().
std::string map_back(const Document& doc, std::string_view needle) {
  const auto a = doc.normalized().find(needle);
  if (a == std::string::npos) return "<not found>";
  const auto b = static_cast<std::uint32_t>(a + needle.size());
  const auto from = doc.original_offset(static_cast<std::uint32_t>(a));
  return std::string(doc.original().substr(from, doc.original_end(b) - from));
}

}  // namespace

TEST_CASE("a match in normalized() maps back to exactly the original", "[text][offsets]") {
  const std::string text =
      "Le soutien de l’Azerbaïdjan\u00A0à Ankara 😀 Москва et Небензя, وزير الخارجية, la ﬁn "
      "du cœur de l’E\u0301tat, Straße.";
  Document doc(text);
  CHECK(map_back(doc, "azerbaidjan") == "Azerbaïdjan");
  CHECK(map_back(doc, "l' azerbaidjan") == "l’Azerbaïdjan");
  CHECK(map_back(doc, "azerbaidjan a") == "Azerbaïdjan\u00A0à");  // across the NBSP
  CHECK(map_back(doc, "ankara") == "Ankara");
  CHECK(map_back(doc, "😀") == "😀");
  CHECK(map_back(doc, "москва") == "Москва");
  CHECK(map_back(doc, "небензя") == "Небензя");
  CHECK(map_back(doc, "الخارجية") == "الخارجية");
  CHECK(map_back(doc, "fin") == "ﬁn");
  CHECK(map_back(doc, "coeur") == "cœur");
  CHECK(map_back(doc, "co") == "cœ");  // a match ending inside "œ" -> "oe" takes the whole "œ"
  CHECK(map_back(doc, "etat") == "E\u0301tat");
  CHECK(map_back(doc, "l'") == "l’");
  CHECK(map_back(doc, "strasse") == "Straße");
  CHECK(map_back(doc, "stras") == "Straß");  // "ß" -> "ss": half of it takes all of it
}

TEST_CASE("characters with no form of their own map back with their neighbours",
          "[text][offsets]") {
  // A soft hyphen inside a word and a combining mark have empty forms; a symbol whose
  // characters all lack a form stands for itself.
  const std::string text = "Erdo\u00ADgan a dit \u00A8 que Ko\u0308ln e\u0301tait la\u0300.";
  Document doc(text);
  CHECK(map_back(doc, "erdogan") == "Erdo\u00ADgan");
  // A match that ends before such a character takes it: a mark belongs to the letter before.
  CHECK(map_back(doc, "erdo") == "Erdo\u00AD");
  CHECK(map_back(doc, "\u00A8") == "\u00A8");
  CHECK(map_back(doc, "koln") == "Ko\u0308ln");
  CHECK(map_back(doc, "ko") == "Ko\u0308");
  CHECK(map_back(doc, "k") == "K");
  CHECK(map_back(doc, "etait") == "e\u0301tait");
  CHECK(map_back(doc, "la .") == "la\u0300.");
  const auto symbol = doc.normalized().find("\u00A8");
  REQUIRE(symbol != std::string::npos);
  const auto at = static_cast<std::uint32_t>(text.find("\u00A8"));
  CHECK(doc.original_offset(static_cast<std::uint32_t>(symbol)) == at);
  CHECK(doc.original_offset(static_cast<std::uint32_t>(symbol + 1)) == at);
  CHECK(doc.original_end(static_cast<std::uint32_t>(symbol + 1)) == at + 2);
}

TEST_CASE("offsets are relative to the whole original, not the body", "[text][offsets]") {
  const std::string text = "Moscou, 1 oct (AFP) - La Russie soutient l’Arménie. FIN";
  const auto begin = static_cast<std::uint32_t>(text.find("La Russie"));
  const auto end = static_cast<std::uint32_t>(text.find(" FIN"));
  Document doc(text, begin, end);
  CHECK(doc.normalized() == "la russie soutient l' armenie .");
  CHECK(map_back(doc, "armenie") == "Arménie");
  CHECK(doc.original_offset(0) == begin);
  CHECK(doc.original_end(static_cast<std::uint32_t>(doc.normalized().size())) == end);
}

TEST_CASE("every normalised byte maps into its token", "[text][offsets]") {
  const std::string text = "« L’ONU », a-t-il dit à Erdoğan’s aide; don’t.";
  Document doc(text);
  for (const auto& t : doc.tokens()) {
    for (auto i = t.norm_begin; i < t.norm_end; ++i) {
      CHECK(doc.original_offset(i) >= t.begin);
      CHECK(doc.original_offset(i) < t.end);
    }
    CHECK(doc.original_offset(t.norm_begin) == t.begin);
    CHECK(doc.original_end(t.norm_end) == t.end);
  }
}

TEST_CASE("an empty body has no tokens and sane offsets", "[text][offsets]") {
  const std::string text = "titre";
  Document doc(text, 5, 5);
  CHECK(doc.tokens().empty());
  CHECK(doc.sentences().empty());
  CHECK(doc.normalized().empty());
  CHECK(doc.original_offset(0) == 5);
  CHECK(doc.original_end(0) == 5);
  Document clamped(text, 9, 3);
  CHECK(clamped.tokens().empty());
}

TEST_CASE("char_offset counts code points", "[text][offsets]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Erdoğan à Bakou 😀 Небензя. ";
  Document doc(text);
  std::size_t chars = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      INFO("byte " << i);
      REQUIRE(doc.char_offset(static_cast<std::uint32_t>(i)) == chars);
      ++chars;
    }
  }
  CHECK(doc.char_offset(static_cast<std::uint32_t>(text.size()) + 100) ==
        utf8::count_chars(text));
  Document empty("");
  CHECK(empty.char_offset(0) == 0);
}

TEST_CASE("a 5 MB text without sentence punctuation yields bounded sentences",
          "[text][offsets][large]") {
  const char* words[] = {"la", "Turquie", "soutient", "l’Azerbaïdjan", "Небензя", "selon",
                         "Ankara", "et", "Moscou", "appellent", "au", "calme\n"};
  std::string text;
  text.reserve(5'100'000);
  for (std::size_t i = 0; text.size() < 5'000'000; ++i) {
    text += words[(i * 7 + i / 13) % std::size(words)];
    text += ' ';
  }
  Document doc(text);
  REQUIRE_FALSE(doc.sentences().empty());
  std::uint32_t covered = 0;
  for (const auto& s : doc.sentences()) {
    REQUIRE(s.end_token - s.first_token <= text::kMaxSentenceTokens);
    covered += s.end_token - s.first_token;
  }
  CHECK(covered == doc.tokens().size());
  CHECK(doc.tokens().size() > 500'000);
  CHECK(map_back(doc, "l' azerbaidjan") == "l’Azerbaïdjan");
}

TEST_CASE("invariants hold on random mixes of tricky fragments", "[text][offsets][random]") {
  const char* pieces[] = {"l’", "L'", "qu’", "U.S.", "J.-C.", "M.", "a-t-il", "-t-", "-", "«",
                          "»", "\"", "“", "”", "(", ")", "[", "]", ".", "?", "…", ",", ";", " ",
                          "\n", "\n\n", "\u00A0", "é", "e\u0301", "\xC3", "\xE2\x80", "don't",
                          "'s", "’", "\u00AD", "\u200D", "😀", "1,5", "2.", "F-16", "Ankara",
                          "oct.", "etc.", "Le", "la", "Небензя", "ß", "œ", "¨", "\u0301"};
  std::uint32_t seed = 12345;
  const auto next = [&seed](std::uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const auto count = next(60);
    for (std::uint32_t k = 0; k < count; ++k) text += pieces[next(std::size(pieces))];
    const auto size = static_cast<std::uint32_t>(text.size());
    const auto begin = next(size / 4 + 1);
    const auto end = size - next(size / 4 + 1);
    Document doc(text, begin, end);
    INFO("round " << round);
    std::uint32_t covered = 0;
    for (const auto& s : doc.sentences()) {
      REQUIRE(s.first_token == covered);
      REQUIRE(s.end_token > s.first_token);
      covered = s.end_token;
    }
    REQUIRE(covered == doc.tokens().size());
    for (const auto& t : doc.tokens()) {
      REQUIRE(t.begin >= begin);
      REQUIRE(t.end <= std::max(begin, end));
      REQUIRE(t.begin < t.end);
      REQUIRE(t.norm_begin < t.norm_end);
      REQUIRE(doc.token_norm(t).find(' ') == std::string_view::npos);
      REQUIRE(doc.original_end(t.norm_end) == t.end);
    }
    for (std::uint32_t i = 0; i <= doc.normalized().size(); ++i) {
      REQUIRE(doc.original_offset(i) <= text.size());
      REQUIRE(doc.original_end(i) <= text.size());
    }
  }
}
