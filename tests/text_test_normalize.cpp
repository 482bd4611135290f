// Normalisation for matching: every character class, NFC/NFD, and normalize_phrase.
#include <catch2/catch.hpp>

#include "text/document.h"

using diplograph::text::Document;
using diplograph::text::normalize_phrase;

TEST_CASE("accents are stripped and case folded", "[text][normalize]") {
  CHECK(normalize_phrase("Azerbaïdjan") == "azerbaidjan");
  CHECK(normalize_phrase("Erdoğan") == "erdogan");
  CHECK(normalize_phrase("Çavuşoğlu") == "cavusoglu");
  CHECK(normalize_phrase("État") == "etat");
  CHECK(normalize_phrase("PRÉSIDENT Élu") == "president elu");
  CHECK(normalize_phrase("Kılıçdaroğlu") == "kilicdaroglu");
  CHECK(normalize_phrase("Łukaszenka Đukanović Støre") == "lukaszenka dukanovic store");
  CHECK(normalize_phrase("Небензя") == "небензя");
  CHECK(normalize_phrase("Αθήνα") == "αθηνα");
  CHECK(normalize_phrase("ＯＮＵ") == "onu");
}

TEST_CASE("NFC and NFD input normalise alike", "[text][normalize]") {
  CHECK(normalize_phrase("E\u0301tat") == "etat");
  CHECK(normalize_phrase("Azerbai\u0308djan") == "azerbaidjan");
  CHECK(normalize_phrase("Erdog\u0306an C\u0327avus\u0327og\u0306lu") == "erdogan cavusoglu");
  CHECK(normalize_phrase("l’E\u0301lyse\u0301e") == normalize_phrase("l’Élysée"));
}

TEST_CASE("ligatures and sharp s expand", "[text][normalize]") {
  CHECK(normalize_phrase("Straße") == "strasse");
  CHECK(normalize_phrase("cœur Œuvre") == "coeur oeuvre");
  CHECK(normalize_phrase("Æthelred") == "aethelred");
  CHECK(normalize_phrase("la ﬁn") == "la fin");
}

TEST_CASE("typographic apostrophes become straight ones", "[text][normalize]") {
  for (const char* s : {"l’Élysée", "l‘Élysée", "lʼÉlysée", "l′Élysée", "l`Élysée", "l'Élysée"}) {
    INFO(s);
    CHECK(normalize_phrase(s) == "l' elysee");
  }
  CHECK(normalize_phrase("aujourd’hui") == "aujourd'hui");
}

TEST_CASE("every quotation mark becomes a straight double quote", "[text][normalize]") {
  for (const char* q : {"«", "»", "“", "”", "„", "‟", "‹", "›", "\""}) {
    INFO(q);
    CHECK(normalize_phrase(std::string(q) + "paix") == "\" paix");
  }
}

TEST_CASE("dashes become hyphens; only hyphens join words", "[text][normalize]") {
  CHECK(normalize_phrase("Nagorny‑Karabakh") == "nagorny-karabakh");  // U+2011
  CHECK(normalize_phrase("Nagorny‐Karabakh") == "nagorny-karabakh");  // U+2010
  CHECK(normalize_phrase("Belgrade–Pristina") == "belgrade - pristina");
  CHECK(normalize_phrase("Kiev — Moscou") == "kiev - moscou");
}

TEST_CASE("Unicode spaces are white space", "[text][normalize]") {
  CHECK(normalize_phrase("Quai\u00A0d’Orsay") == "quai d' orsay");
  CHECK(normalize_phrase("Quai\u202Fd’Orsay") == "quai d' orsay");
  CHECK(normalize_phrase("Quai\u2009d’Orsay") == "quai d' orsay");
  CHECK(normalize_phrase("Quai\u3000d’Orsay\u200Bici") == "quai d' orsay ici");
  CHECK(normalize_phrase(" \t Quai \n\n d’Orsay ") == "quai d' orsay");
}

TEST_CASE("invisible characters inside a word disappear", "[text][normalize]") {
  CHECK(normalize_phrase("Azer\u00ADbaïdjan") == "azerbaidjan");  // soft hyphen
  CHECK(normalize_phrase("\uFEFFAnkara") == "ankara");             // byte order mark
}

TEST_CASE("normalize_phrase splits as the tokenizer does", "[text][normalize]") {
  CHECK(normalize_phrase("l’Élysée") == "l' elysee");
  CHECK(normalize_phrase("Quai d’Orsay") == "quai d' orsay");
  CHECK(normalize_phrase("U.S.") == "u.s.");
  CHECK(normalize_phrase("Russia's") == "russia 's");
  CHECK(normalize_phrase("Russia’s") == "russia 's");
  CHECK(normalize_phrase("Nagorny-Karabakh") == "nagorny-karabakh");
  CHECK(normalize_phrase("M. Erdogan") == "m . erdogan");
  CHECK(normalize_phrase("doesn’t") == "does n't");
  CHECK(normalize_phrase("") == "");
  CHECK(normalize_phrase("  ") == "");
}

TEST_CASE("phrases and text tokens compare equal", "[text][normalize]") {
  const std::string text = "Le porte-parole de l’Élysée et celui du Quai d'Orsay ont parlé.";
  Document doc(text);
  CHECK(doc.normalized().find(normalize_phrase("l'Elysée")) != std::string::npos);
  CHECK(doc.normalized().find(normalize_phrase("Quai d’Orsay")) != std::string::npos);
  CHECK(doc.normalized().find(normalize_phrase("porte‑parole")) != std::string::npos);
}

TEST_CASE("a token's form never contains a space and is never empty", "[text][normalize]") {
  // U+00A8 and U+FDFA have compatibility forms with spaces in them.
  const std::string text = "Le signe ¨ et ﷺ puis ´ restent des jetons.";
  Document doc(text);
  for (const auto& t : doc.tokens()) {
    INFO(doc.token_text(t));
    CHECK_FALSE(doc.token_norm(t).empty());
    CHECK(doc.token_norm(t).find(' ') == std::string_view::npos);
  }
  CHECK(doc.normalized().find("  ") == std::string::npos);
}

TEST_CASE("invalid UTF-8 does not stop the text layer", "[text][normalize]") {
  const std::string text = "Ankara \xC3 Bakou \xFF\xFE fin";
  Document doc(text);
  CHECK(doc.normalized() == "ankara \xEF\xBF\xBD bakou \xEF\xBF\xBD \xEF\xBF\xBD fin");
}
