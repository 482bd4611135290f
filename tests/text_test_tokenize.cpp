// Tokens: words, numbers, punctuation, elision, English clitics, French inversion, flags.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "text/document.h"

using namespace diplograph::text;

namespace {

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens()) out.emplace_back(doc.token_text(t));
  return out;
}

std::vector<std::string> norms(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.tokens()) out.emplace_back(doc.token_norm(t));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("French elision splits after the apostrophe", "[text][tokenize]") {
  const std::string text = "L’ONU craint qu’il parte jusqu’à l’Azerbaïdjan, lorsqu'elle d’Ivoire.";
  Document doc(text);
  CHECK(texts(doc) == Strings{"L’", "ONU", "craint", "qu’", "il", "parte", "jusqu’", "à", "l’",
                              "Azerbaïdjan", ",", "lorsqu'", "elle", "d’", "Ivoire", "."});
  CHECK(norms(doc)[0] == "l'");
  CHECK(norms(doc)[3] == "qu'");
  CHECK(norms(doc)[6] == "jusqu'");
  const auto& tokens = doc.tokens();
  CHECK(tokens[0].has(kElided));
  CHECK(tokens[0].has(kWord));
  CHECK(tokens[0].has(kCapitalised));
  CHECK(tokens[1].has(kAllCaps));
  CHECK_FALSE(tokens[2].has(kElided));
  CHECK(tokens[8].has(kElided));
  CHECK(tokens[13].has(kElided));
}

TEST_CASE("elision before a quote and in names", "[text][tokenize]") {
  Document doc("Il parle d’« agression » à N’Djamena et en Côte d'Ivoire.");
  CHECK(norms(doc) == Strings{"il", "parle", "d'", "\"", "agression", "\"", "a", "n'",
                              "djamena", "et", "en", "cote", "d'", "ivoire", "."});
}

TEST_CASE("other inner apostrophes stay inside the word", "[text][tokenize]") {
  Document doc("Aujourd’hui, O'Brien arrive.");
  CHECK(texts(doc) == Strings{"Aujourd’hui", ",", "O'Brien", "arrive", "."});
}

TEST_CASE("English possessive 's is its own token", "[text][tokenize]") {
  Document doc("Russia's support and Turkey’s drones; the ministers' talks.");
  CHECK(norms(doc) == Strings{"russia", "'s", "support", "and", "turkey", "'s", "drones", ";",
                              "the", "ministers", "'", "talks", "."});
  CHECK(doc.tokens()[1].has(kWord));
  CHECK(doc.tokens()[10].has(kPunct));
  CHECK_FALSE(doc.tokens()[10].has(kQuote));
}

TEST_CASE("English negation n't is its own token", "[text][tokenize]") {
  Document doc("We don't, can't, isn't and won't. It doesn’t.");
  CHECK(norms(doc) == Strings{"we", "do", "n't", ",", "ca", "n't", ",", "is", "n't", "and", "wo",
                              "n't", ".", "it", "does", "n't", "."});
}

TEST_CASE("French inversion gives the verb and the pronoun", "[text][tokenize]") {
  const std::string text = "A-t-il dit ? a-t-elle, a-t-on, dit-il, estime-t-elle, ont-ils.";
  Document doc(text);
  CHECK(texts(doc) == Strings{"A", "il", "dit", "?", "a", "elle", ",", "a", "on", ",", "dit",
                              "il", ",", "estime", "elle", ",", "ont", "ils", "."});
  // The skipped "-t-" is no token, so the pronoun starts right after it.
  CHECK(doc.tokens()[1].begin == 4);
}

TEST_CASE("hyphenated words stay whole", "[text][tokenize]") {
  Document doc("Le Nagorny-Karabakh, des F-16, al-Sarraj, le nord-coréen Jean-Yves, "
               "un add-on head-on, peut-on, rendez-vous et cessez-le-feu.");
  const auto n = norms(doc);
  for (const char* w : {"nagorny-karabakh", "f-16", "al-sarraj", "nord-coreen", "jean-yves",
                        "add-on", "head-on", "peut-on", "rendez-vous", "cessez-le-feu"}) {
    INFO(w);
    CHECK(std::find(n.begin(), n.end(), w) != n.end());
  }
}

TEST_CASE("dotted abbreviations keep their periods, single initials do not", "[text][tokenize]") {
  Document doc("The U.S. and the U.N. met M. Lavrov in 52 av. J.-C. with U.S.A. officials.");
  CHECK(texts(doc) == Strings{"The", "U.S.", "and", "the", "U.N.", "met", "M", ".", "Lavrov",
                              "in", "52", "av", ".", "J.-C.", "with", "U.S.A.", "officials",
                              "."});
  CHECK(doc.tokens()[1].has(kWord));
  CHECK(doc.tokens()[1].has(kAllCaps));
}

TEST_CASE("numbers keep inner periods and commas", "[text][tokenize]") {
  Document doc("En 2020, 1,5 million et 2.000 soldats, soit 1.5 fois plus, 10h30.");
  CHECK(texts(doc) == Strings{"En", "2020", ",", "1,5", "million", "et", "2.000", "soldats", ",",
                              "soit", "1.5", "fois", "plus", ",", "10h30", "."});
  const auto& t = doc.tokens();
  CHECK(t[1].has(kNumber));
  CHECK_FALSE(t[1].has(kWord));
  CHECK(t[3].has(kNumber));
  CHECK(t[6].has(kNumber));
  CHECK(t[14].has(kWord));
}

TEST_CASE("every other character is one punctuation token", "[text][tokenize]") {
  Document doc("Ankara (Turquie) : « non » !? 50% 😀🇫🇷");
  CHECK(texts(doc) == Strings{"Ankara", "(", "Turquie", ")", ":", "«", "non", "»", "!", "?", "50",
                              "%", "😀", "🇫", "🇷"});
  const auto& t = doc.tokens();
  CHECK(t[1].has(kPunct));
  CHECK(t[5].has(kQuote));
  CHECK(t[7].has(kQuote));
  CHECK_FALSE(t[4].has(kQuote));
}

TEST_CASE("ASCII punctuation: one byte each, with its quote and line-start flags", "[text][tokenize]") {
  // Plain ASCII punctuation takes a short path through the tokenizer; a combining mark after
  // it still joins it.
  Document doc("\"Non,\" a dit Ankara - 50%.\n\"Oui\"\n(Fin)#\u0301");
  CHECK(texts(doc) == Strings{"\"", "Non", ",", "\"", "a", "dit", "Ankara", "-", "50", "%", ".",
                              "\"", "Oui", "\"", "(", "Fin", ")", "#\u0301"});
  CHECK(norms(doc) == Strings{"\"", "non", ",", "\"", "a", "dit", "ankara", "-", "50", "%", ".",
                              "\"", "oui", "\"", "(", "fin", ")", "#"});
  const auto& t = doc.tokens();
  for (const std::size_t quote : {0, 3, 11, 13}) {
    CHECK(t[quote].flags == (kPunct | kQuote | (quote == 0 || quote == 11 ? kLineStart : 0)));
  }
  for (const std::size_t punct : {2, 7, 9, 10, 16, 17}) {
    CHECK(t[punct].flags == kPunct);
  }
  CHECK(t[14].flags == (kPunct | kLineStart));
}

TEST_CASE("capitalisation flags", "[text][tokenize]") {
  Document doc("ONU Ankara F-16 UN x iPhone Étienne ÉTAT");
  const auto& t = doc.tokens();
  CHECK(t[0].has(kAllCaps));
  CHECK(t[0].has(kCapitalised));
  CHECK(t[1].has(kCapitalised));
  CHECK_FALSE(t[1].has(kAllCaps));
  CHECK(t[2].has(kCapitalised));
  CHECK_FALSE(t[2].has(kAllCaps));  // one letter only
  CHECK(t[3].has(kAllCaps));
  CHECK_FALSE(t[4].has(kCapitalised));
  CHECK_FALSE(t[5].has(kCapitalised));
  CHECK(t[6].has(kCapitalised));
  CHECK(t[7].has(kAllCaps));
}

// Plain ASCII words are read eight bytes at a time: a word's first letter, its case and its end
// may fall anywhere in those eight, and the text may end inside them.
TEST_CASE("long ASCII words: folding and flags across eight-byte steps", "[text][tokenize]") {
  Document doc(
      "ABCDEFGHIJKLMNOPQ abcdefghIJ 12345678Xy 1234567890123456789 1234567a "
      "Peacekeepers99 B2 X 2020s ABCDEFg\nZZZZZZZZz");
  CHECK(norms(doc) == Strings{"abcdefghijklmnopq", "abcdefghij", "12345678xy",
                              "1234567890123456789", "1234567a", "peacekeepers99", "b2", "x",
                              "2020s", "abcdefg", "zzzzzzzzz"});
  const auto& t = doc.tokens();
  CHECK(t[0].has(kAllCaps));
  CHECK(t[0].has(kCapitalised));
  CHECK_FALSE(t[1].has(kCapitalised));
  CHECK_FALSE(t[1].has(kAllCaps));
  CHECK(t[2].has(kCapitalised));  // the first letter is the ninth byte
  CHECK_FALSE(t[2].has(kAllCaps));
  CHECK(t[3].has(kNumber));
  CHECK_FALSE(t[3].has(kWord));
  CHECK(t[4].has(kWord));
  CHECK_FALSE(t[4].has(kCapitalised));
  CHECK(t[5].has(kCapitalised));
  CHECK_FALSE(t[6].has(kAllCaps));  // one letter
  CHECK(t[7].has(kCapitalised));
  CHECK_FALSE(t[8].has(kCapitalised));
  CHECK_FALSE(t[9].has(kAllCaps));  // and the line break after it counts for nothing
  CHECK(t[10].has(kCapitalised));
  CHECK_FALSE(t[10].has(kAllCaps));  // the ninth letter is lower case
  CHECK(doc.token_text(t[10]) == "ZZZZZZZZz");  // the text ends inside the last eight bytes
  for (const auto& token : t) {
    CHECK(doc.original_offset(token.norm_begin) == token.begin);
    CHECK(doc.original_end(token.norm_end) == token.end);
  }
}

TEST_CASE("line starts are flagged", "[text][tokenize]") {
  Document doc("Titre\nLe ministre\r\n  parle. Fin");
  const auto& t = doc.tokens();
  CHECK(t[0].has(kLineStart));
  CHECK(t[1].has(kLineStart));
  CHECK_FALSE(t[2].has(kLineStart));
  CHECK(t[3].has(kLineStart));
  CHECK_FALSE(t[5].has(kLineStart));
}

TEST_CASE("combining marks stay in their word", "[text][tokenize]") {
  Document doc("E\u0301tat, Azerbai\u0308djan");
  CHECK(texts(doc) == Strings{"E\u0301tat", ",", "Azerbai\u0308djan"});
  CHECK(norms(doc) == Strings{"etat", ",", "azerbaidjan"});
  CHECK(doc.tokens()[0].has(kCapitalised));
}

TEST_CASE("normalized() joins the token forms with single spaces", "[text][tokenize]") {
  Document doc("L’ambassadeur russe à l’ONU, « Vassili Nebenzia », a-t-il dit.");
  std::string joined;
  for (const auto& t : doc.tokens()) {
    if (!joined.empty()) joined += ' ';
    joined += doc.token_norm(t);
    CHECK(doc.normalized().substr(t.norm_begin, t.norm_end - t.norm_begin) == doc.token_norm(t));
  }
  CHECK(joined == doc.normalized());
  CHECK(doc.normalized() ==
        "l' ambassadeur russe a l' onu , \" vassili nebenzia \" , a il dit .");
}
