// Ambiguity rules (a name that is sometimes not the actor) and things that are never actors:
// news agencies, weapons, seas and rivers. Every dispatch here is written for the test.
#include "actors_test_support.h"

using actors_test::en;
using actors_test::fr;

TEST_CASE("Georgia the state, not the US state", "[actors][ambiguity]") {
  const auto e =
      en("Georgia protested to Moscow. In the state of Georgia, voters queued in "
         "Atlanta, Georgia, and Georgia Governor Mark Dunn spoke.");
  CHECK(e.at("Georgia") == "state/GEO name");
  CHECK(e.all().size() == 2);  // Georgia and Moscow only
  CHECK(e.at("Moscow") == "state/RUS capital");

  const auto f = fr("La Géorgie a protesté. Dans l'État de Géorgie, on vote.");
  CHECK(f.at("Géorgie") == "state/GEO name");
  CHECK(f.at("Géorgie", 1) == "<none>");
}

TEST_CASE("Niger the state, not the river", "[actors][ambiguity]") {
  const auto f = fr("Le Niger a protesté. Le fleuve Niger déborde et le delta du Niger souffre.");
  CHECK(f.at("Niger") == "state/NER name");
  CHECK(f.at("Niger", 1) == "<none>");
  CHECK(f.at("Niger", 2) == "<none>");

  const auto e = en("Niger protested. The Niger River and the River Niger flooded.");
  CHECK(e.at("Niger") == "state/NER name");
  CHECK(e.at("Niger", 1) == "<none>");
  CHECK(e.at("Niger", 2) == "<none>");
}

TEST_CASE("China in the name of a sea is a place", "[actors][ambiguity]") {
  const auto f =
      fr("La Chine patrouille en mer de Chine méridionale ; la mer de Chine est agitée.");
  CHECK(f.all() == std::vector<std::string>{"Chine = state/CHN name"});

  const auto e = en("China sent ships to the South China Sea.");
  CHECK(e.all() == std::vector<std::string>{"China = state/CHN name"});
}

TEST_CASE("Turkey the state needs its capital letter", "[actors][ambiguity]") {
  const auto e = en("Turkey protested. They ate turkey at the embassy, and Turkey's envoy left.");
  CHECK(e.at("Turkey") == "state/TUR name");
  CHECK_FALSE(e.covers("turkey at"));
}

TEST_CASE("Jordan the state, not the river or the player", "[actors][ambiguity]") {
  const auto e = en("Jordan protested. The Jordan River is low and Michael Jordan played.");
  CHECK(e.at("Jordan") == "state/JOR name");
  CHECK(e.at("Jordan", 1) == "<none>");
  CHECK(e.at("Jordan", 2) == "<none>");

  const auto f = fr("La Jordanie a protesté ; le Jourdain est bas.");
  CHECK(f.all() == std::vector<std::string>{"Jordanie = state/JOR name"});
}

TEST_CASE("bare Congo follows the language, unless the dispatch named one Congo",
          "[actors][ambiguity]") {
  // English wire copy calls the DRC "Congo"; French copy calls Congo-Brazzaville "le Congo".
  CHECK(en("Congo and Rwanda signed a deal.").at("Congo") == "state/COD name");
  CHECK(fr("Le Congo et le Gabon ont signé.").at("Congo") == "state/COG name");
  CHECK(fr("La République démocratique du Congo accuse Kigali. Le Congo exige un retrait.")
            .at("Congo") == "state/COD name");
  CHECK(en("The Republic of Congo protested. Congo said it would appeal.").at("Congo") ==
        "state/COG name");
}

TEST_CASE("a council of transition is Libya's only without a Sahel state's name",
          "[actors][ambiguity]") {
  CHECK(fr("Le Conseil national de transition (CNT) libyen a été reconnu.", "2011-03-10")
            .at("Conseil national de transition") == "group/libyan-ntc name");
  const auto m = fr("Le Conseil national de transition malien a voté.", "2021-06-01");
  CHECK_FALSE(m.covers("Conseil national"));
}

TEST_CASE("news agencies and media are never actors", "[actors][non-actors]") {
  const auto f =
      fr("Selon l'AFP et Reuters, citant Interfax et l'agence Anadolu, la Turquie "
         "a démenti.");
  CHECK(f.all() == std::vector<std::string>{"Turquie = state/TUR name"});

  const auto e = en("Turkey denied it, AFP, Reuters, the AP and TASS reported, citing Interfax.");
  CHECK(e.all() == std::vector<std::string>{"Turkey = state/TUR name"});
}

TEST_CASE("weapons are never actors", "[actors][non-actors]") {
  const auto f =
      fr("Ankara a livré des F-16 et des drones Bayraktar TB2 aux forces "
         "azerbaïdjanaises.");
  CHECK_FALSE(f.covers("F-16"));
  CHECK_FALSE(f.covers("Bayraktar"));
  CHECK(f.at("Ankara") == "state/TUR capital");
  CHECK(f.at("forces azerbaïdjanaises") == "state/AZE adjective");

  const auto e = en("Yerevan said Ankara sent F-16s and Patriot batteries were moved.");
  CHECK_FALSE(e.covers("F-16s"));
  CHECK_FALSE(e.covers("Patriot"));
}

TEST_CASE("treaties named after a capital do not name its state", "[actors][non-actors]") {
  const auto f = fr("Les accords de Minsk et l'accord de Paris ont été cités par Kiev.");
  CHECK_FALSE(f.covers("Minsk"));
  CHECK_FALSE(f.covers("Paris"));
  CHECK(f.at("Kiev") == "state/UKR capital");
}
