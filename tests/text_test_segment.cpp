// Sentence segmentation: abbreviations, initials, dates, quotes, brackets, layout, caps.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/document.h"

using namespace diplograph::text;

namespace {

using Strings = std::vector<std::string>;

Strings sentences(const Document& doc) {
  Strings out;
  for (const auto& s : doc.sentences()) out.emplace_back(doc.sentence_text(s));
  return out;
}

Strings split(const std::string& text) { return sentences(Document(text)); }

}  // namespace

TEST_CASE("sentences end at . ! ? … before a capital", "[text][segment]") {
  CHECK(split("La Turquie soutient Bakou. La Russie appelle au calme.") ==
        Strings{"La Turquie soutient Bakou.", "La Russie appelle au calme."});
  CHECK(split("Pourquoi Ankara arme-t-elle Bakou ? Le ministre n’a pas répondu ! Fin") ==
        Strings{"Pourquoi Ankara arme-t-elle Bakou ?", "Le ministre n’a pas répondu !", "Fin"});
  CHECK(split("Moscou hésite… Le Kremlin se tait?! Personne ne sait...") ==
        Strings{"Moscou hésite…", "Le Kremlin se tait?!", "Personne ne sait..."});
  CHECK(split("Les talks ended in 2020. 2021 began badly.") ==
        Strings{"Les talks ended in 2020.", "2021 began badly."});
  CHECK(split("Le ministre a parlé. le texte continue.") ==
        Strings{"Le ministre a parlé. le texte continue."});
}

TEST_CASE("French and English titles do not end a sentence", "[text][segment]") {
  CHECK(split("M. Erdogan a déclaré jeudi que la Turquie soutenait Bakou. MM. Lavrov et "
              "Cavusoglu se sont parlé.") ==
        Strings{"M. Erdogan a déclaré jeudi que la Turquie soutenait Bakou.",
                "MM. Lavrov et Cavusoglu se sont parlé."});
  CHECK(split("Mme Merkel a reçu Mr. Smith et Dr. Jones. Gen. Milley et Sen. Graham aussi.") ==
        Strings{"Mme Merkel a reçu Mr. Smith et Dr. Jones.", "Gen. Milley et Sen. Graham aussi."});
  CHECK(split("Des chars, des avions, etc. Le ministre a démenti.").size() == 1);
  CHECK(split("Voir la résolution No. 5 et l’art. 3 du traité, p. 12.").size() == 1);
}

TEST_CASE("initials do not end a sentence", "[text][segment]") {
  CHECK(split("George W. Bush met J. Smith in Ankara. The talks went well.") ==
        Strings{"George W. Bush met J. Smith in Ankara.", "The talks went well."});
  CHECK(split("Ils ont adopté le plan B. Le ministre approuve.").size() == 2);
}

TEST_CASE("abbreviated months in dates do not end a sentence", "[text][segment]") {
  CHECK(split("Le 1 oct. 2020, Moscou a appelé au cessez-le-feu. Le 3 févr. dernier, Ankara a "
              "répondu. On Oct. 5 the envoy left.") ==
        Strings{"Le 1 oct. 2020, Moscou a appelé au cessez-le-feu.",
                "Le 3 févr. dernier, Ankara a répondu.", "On Oct. 5 the envoy left."});
}

TEST_CASE("dotted abbreviations end a sentence only before a sentence starter",
          "[text][segment]") {
  CHECK(split("The U.S. ambassador said Turkey backed Azerbaijan. The U.N. Security Council met.")
            .size() == 2);
  CHECK(split("Moscow expelled diplomats from the U.S. The ministry confirmed it.") ==
        Strings{"Moscow expelled diplomats from the U.S.", "The ministry confirmed it."});
  // Ambiguous: a capitalised noun may go on the sentence; we keep one sentence.
  CHECK(split("Sanctions hit the U.S. Treasury said nothing.").size() == 1);
  CHECK(split("Les troupes quittent les U.S.A. Le Pentagone confirme.").size() == 2);
}

TEST_CASE("a period after F-16 or a decimal", "[text][segment]") {
  CHECK(split("L’Arménie accuse Ankara d’avoir déployé des F-16. Le ministre turc dément.") ==
        Strings{"L’Arménie accuse Ankara d’avoir déployé des F-16.", "Le ministre turc dément."});
  CHECK(split("La croissance a atteint 1.5 point. Le ministre se réjouit.").size() == 2);
}

TEST_CASE("closing quotes belong to the sentence they close", "[text][segment]") {
  CHECK(split("« Nous soutenons Bakou. Nous voulons la paix », a déclaré M. Erdogan. Puis il est "
              "parti.") ==
        Strings{"« Nous soutenons Bakou.", "Nous voulons la paix », a déclaré M. Erdogan.",
                "Puis il est parti."});
  CHECK(split("« Nous partons. » Le ministre a quitté la salle.") ==
        Strings{"« Nous partons. »", "Le ministre a quitté la salle."});
  CHECK(split("«Nous partons.» a-t-il dit. Fin.") ==
        Strings{"«Nous partons.» a-t-il dit.", "Fin."});
  CHECK(split("\"We support Baku.\" the minister said. The talks ended.") ==
        Strings{"\"We support Baku.\" the minister said.", "The talks ended."});
  CHECK(split("“Will Moscow mediate?” he asked. “No.” The envoy left.") ==
        Strings{"“Will Moscow mediate?” he asked.", "“No.”", "The envoy left."});
  // A quote leaning on the next word opens the next sentence.
  CHECK(split("Il a cité Interfax. »Le calme revient\", a-t-il dit.") ==
        Strings{"Il a cité Interfax.", "»Le calme revient\", a-t-il dit."});
}

TEST_CASE("no sentence ends inside short parentheses", "[text][segment]") {
  CHECK(split("Le groupe de Minsk (créé en 1992. Il est coprésidé par la France) a échoué. Le "
              "conflit continue.") ==
        Strings{"Le groupe de Minsk (créé en 1992. Il est coprésidé par la France) a échoué.",
                "Le conflit continue."});
  CHECK(split("Le texte est publié. (Voir le document. Il est long.) La suite.") ==
        Strings{"Le texte est publié.", "(Voir le document. Il est long.)", "La suite."});
  std::string long_aside = "Le groupe (créé en 1992. ";
  for (int i = 0; i < 30; ++i) long_aside += "Il est long ";
  long_aside += ") a échoué.";
  CHECK(split(long_aside).size() == 2);
}

TEST_CASE("hard-wrapped text joins lines into sentences", "[text][segment]") {
  const std::string text =
      "Le ministre turc des Affaires étrangères a appelé jeudi\n\n"
      "son homologue russe pour évoquer la situation dans le\n\n"
      "Caucase. Les deux hommes ont souhaité une coordination\n\n"
      "étroite, selon un communiqué publié à Ankara.\n\n";
  Document doc(text);
  CHECK(doc.hard_wrapped());
  REQUIRE(doc.sentences().size() == 2);
  CHECK(doc.sentence_text(doc.sentences()[0]) ==
        "Le ministre turc des Affaires étrangères a appelé jeudi\n\n"
        "son homologue russe pour évoquer la situation dans le\n\nCaucase.");
  CHECK(doc.sentence_text(doc.sentences()[1]).ends_with("publié à Ankara."));
}

TEST_CASE("two blank lines end a sentence in hard-wrapped text", "[text][segment]") {
  const std::string text =
      "Le ministre turc a appelé jeudi son homologue\n\n"
      "russe pour évoquer la situation dans le Caucase\n\n\n\n"
      "Les deux hommes ont souhaité une coordination\n\n"
      "étroite et une issue rapide à ce conflit qui\n\n"
      "dure depuis des semaines, selon un communiqué\n\n"
      "publié à Ankara.\n\n";
  Document doc(text);
  CHECK(doc.hard_wrapped());
  REQUIRE(doc.sentences().size() == 2);
  CHECK(doc.sentence_text(doc.sentences()[0]).ends_with("le Caucase"));
}

TEST_CASE("in ordinary text a blank line ends a headline", "[text][segment]") {
  const std::string text =
      "Ankara et Moscou se parlent\n\n"
      "Le ministre turc a appelé son homologue russe jeudi. Ils ont évoqué le Caucase.\n\n"
      "Les deux hommes se reverront bientôt, selon une source diplomatique à Ankara.";
  Document doc(text);
  CHECK_FALSE(doc.hard_wrapped());
  CHECK(sentences(doc) ==
        Strings{"Ankara et Moscou se parlent",
                "Le ministre turc a appelé son homologue russe jeudi.", "Ils ont évoqué le Caucase.",
                "Les deux hommes se reverront bientôt, selon une source diplomatique à Ankara."});
  CHECK(split("Le ministre a appelé\nson homologue.").size() == 1);
}

TEST_CASE("sentences stay inside the body", "[text][segment]") {
  const std::string text = "TITRE SANS POINT\n\nLe ministre parle. Il part demain et revient";
  const auto begin = static_cast<std::uint32_t>(text.find("Le ministre"));
  const auto end = static_cast<std::uint32_t>(text.find(" revient"));
  Document doc(text, begin, end);
  CHECK(sentences(doc) == Strings{"Le ministre parle.", "Il part demain et"});
  for (const auto& t : doc.tokens()) {
    CHECK(t.begin >= begin);
    CHECK(t.end <= end);
  }
  CHECK(doc.tokens().front().has(kLineStart));
}

TEST_CASE("long sentences are capped", "[text][segment]") {
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "mot ";
  Document doc(words);
  REQUIRE(doc.sentences().size() == 3);
  CHECK(doc.sentences()[0].end_token - doc.sentences()[0].first_token == kMaxSentenceTokens);
  CHECK(doc.sentences()[2].end_token == 1000);
  CHECK(doc.sentences()[0].cut);
  CHECK(doc.sentences()[1].cut);
  CHECK_FALSE(doc.sentences()[2].cut);  // ended by the end of the text

  std::string clauses;
  for (int i = 0; i < 100; ++i) clauses += "un deux trois quatre, ";
  Document by_clause(clauses);
  const auto& first = by_clause.sentences().front();
  CHECK(first.end_token - first.first_token == kMaxSentenceTokens * 3 / 4);
  CHECK(by_clause.token_norm(first.end_token - 1) == ",");
  CHECK(first.cut);
}

TEST_CASE("the sentence limit can be set, and ordinary sentences are not cut", "[text][segment]") {
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "mot ";
  const Document doc(words, 0, static_cast<std::uint32_t>(words.size()), 600);
  REQUIRE(doc.sentences().size() == 2);
  CHECK(doc.sentences()[0].end_token == 600);
  CHECK(doc.sentences()[0].cut);

  const Document plain("La France soutient le Mali. Paris l'a dit.");
  REQUIRE(plain.sentences().size() == 2);
  for (const auto& s : plain.sentences()) CHECK_FALSE(s.cut);
}

TEST_CASE("sentences tile the tokens", "[text][segment]") {
  Document doc("Un. Deux ! « Trois ? » Quatre (cinq. Six) sept… Huit");
  std::uint32_t next = 0;
  for (const auto& s : doc.sentences()) {
    CHECK(s.first_token == next);
    CHECK(s.end_token > s.first_token);
    CHECK(s.begin == doc.tokens()[s.first_token].begin);
    CHECK(s.end == doc.tokens()[s.end_token - 1].end);
    next = s.end_token;
  }
  CHECK(next == doc.tokens().size());
}
