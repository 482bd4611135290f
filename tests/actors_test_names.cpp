// Naming forms of the gazetteer: names with and without article, short and long names,
// capitals and seats of power, adjectives and demonyms, acronyms, French elision, hyphenated
// compounds, institution phrases. Every dispatch here is written for the test.
#include "actors_test_support.h"

using actors_test::en;
using actors_test::fr;

TEST_CASE("French state names with and without article, short and long", "[actors][names]") {
  const auto r =
      fr("La Russie et la Fédération de Russie démentent ; Russie et Turquie divergent. Les "
         "États-Unis et les Etats-Unis d'Amérique observent la Côte d'Ivoire.");
  CHECK(r.at("Russie") == "state/RUS name");
  CHECK(r.at("Fédération de Russie") == "state/RUS name");
  CHECK(r.at("Russie", 1) == "state/RUS name");
  CHECK(r.at("Turquie") == "state/TUR name");
  CHECK(r.at("États-Unis") == "state/USA name");
  CHECK(r.at("Etats-Unis d'Amérique") == "state/USA name");
  CHECK(r.at("Côte d'Ivoire") == "state/CIV name");
}

TEST_CASE("English state names, short names and official names", "[actors][names]") {
  const auto r =
      en("Russia and the Russian Federation disagree with the United States, the US and the "
         "U.S. over the Republic of Turkey and Türkiye.");
  CHECK(r.at("Russia") == "state/RUS name");
  CHECK(r.at("Russian Federation") == "state/RUS name");
  CHECK(r.at("United States") == "state/USA name");
  CHECK(r.at("US") == "state/USA acronym");
  CHECK(r.at("U.S.") == "state/USA acronym");
  CHECK(r.at("Republic of Turkey") == "state/TUR name");
  CHECK(r.at("Türkiye") == "state/TUR name");
}

TEST_CASE("capitals and seats of power stand for their government", "[actors][names]") {
  const auto f =
      fr("Ankara a répondu, Moscou aussi. Le Kremlin, l'Élysée, Matignon et le Quai d'Orsay ont "
         "réagi, comme la Maison Blanche et le Département d'Etat.");
  CHECK(f.at("Ankara") == "state/TUR capital");
  CHECK(f.at("Moscou") == "state/RUS capital");
  CHECK(f.at("Kremlin") == "state/RUS seat");
  CHECK(f.at("Élysée") == "state/FRA seat");
  CHECK(f.at("Matignon") == "state/FRA seat");
  CHECK(f.at("Quai d'Orsay") == "state/FRA seat");
  CHECK(f.at("Maison Blanche") == "state/USA seat");
  CHECK(f.at("Département d'Etat") == "state/USA seat");

  const auto e =
      en("The White House and the State Department said Washington and the Pentagon agreed, "
         "while the Kremlin and Downing Street did not.");
  CHECK(e.at("White House") == "state/USA seat");
  CHECK(e.at("State Department") == "state/USA seat");
  CHECK(e.at("Washington") == "state/USA capital");
  CHECK(e.at("Pentagon") == "state/USA seat");
  CHECK(e.at("Kremlin") == "state/RUS seat");
  CHECK(e.at("Downing Street") == "state/GBR seat");
}

TEST_CASE("a capital after a locative preposition is a place", "[actors][names]") {
  const auto f =
      fr("Les pourparlers se tiennent à Bakou. Bakou accuse Erevan. Il a atterri à Doha.");
  CHECK(f.at("Bakou") == "state/AZE capital locative");
  CHECK(f.at("Bakou", 1) == "state/AZE capital");
  CHECK(f.at("Erevan") == "state/ARM capital");
  CHECK(f.at("Doha") == "state/QAT capital locative");

  const auto e =
      en("Talks were held in Doha. Doha said it would host them again, then at the "
         "Kremlin and at the White House.");
  CHECK(e.at("Doha") == "state/QAT capital locative");
  CHECK(e.at("Doha", 1) == "state/QAT capital");
  CHECK(e.at("Kremlin") == "state/RUS seat locative");
  CHECK(e.at("White House") == "state/USA seat locative");

  const auto a = fr("Il a été reçu au Kremlin puis à la Maison Blanche et à l'Élysée.");
  CHECK(a.at("Kremlin") == "state/RUS seat locative");
  CHECK(a.at("Maison Blanche") == "state/USA seat locative");
  CHECK(a.at("Élysée") == "state/FRA seat locative");
}

TEST_CASE("French 'à' before a capital names a recipient after a support or delivery word",
          "[actors][names]") {
  const auto f =
      fr("L'Union européenne a réaffirmé son soutien à Kinshasa. Pristina a reproché "
         "à Belgrade son silence. Ankara a livré des F-16 à Bakou. Les ministres se "
         "sont ensuite réunis à Moscou.");
  CHECK(f.at("Kinshasa") == "state/COD capital");
  CHECK(f.at("Belgrade") == "state/SRB capital");
  CHECK(f.at("Bakou") == "state/AZE capital");
  CHECK(f.at("Moscou") == "state/RUS capital locative");
}

TEST_CASE("French adjectives in every gender and number", "[actors][names]") {
  // Alone, the adjective only qualifies a noun; it still names the state.
  const auto r =
      fr("Un drone turc, une frégate turque, des blindés turcs et des vedettes turques ont été "
         "vus. Les Turcs ont voté, une Turque a parlé.");
  CHECK(r.at("turc") == "state/TUR adjective modifier");
  CHECK(r.at("turque") == "state/TUR adjective modifier");
  CHECK(r.at("turcs") == "state/TUR adjective modifier");
  CHECK(r.at("turques") == "state/TUR adjective modifier");
  CHECK(r.at("Turcs") == "state/TUR demonym");
  CHECK(r.at("Turque") == "state/TUR demonym");
}

TEST_CASE("English adjectives and demonyms", "[actors][names]") {
  const auto r =
      en("Turkish drones flew over Azerbaijani positions. The Turks and the Azeris "
         "celebrated, Russians did not.");
  CHECK(r.at("Turkish") == "state/TUR adjective modifier");
  CHECK(r.at("Azerbaijani") == "state/AZE adjective modifier");
  CHECK(r.at("Turks") == "state/TUR demonym");
  CHECK(r.at("Azeris") == "state/AZE demonym");
  CHECK(r.at("Russians") == "state/RUS demonym");
}

TEST_CASE("institution phrases make the adjective the actor", "[actors][names]") {
  const auto f =
      fr("Selon la diplomatie égyptienne, les autorités rwandaises et une source diplomatique "
         "turque, le gouvernement malien hésite.");
  CHECK(f.at("diplomatie égyptienne") == "state/EGY adjective");
  CHECK(f.at("autorités rwandaises") == "state/RWA adjective");
  CHECK(f.at("source diplomatique turque") == "state/TUR adjective");
  CHECK(f.at("gouvernement malien") == "state/MLI adjective");

  const auto e =
      en("Turkish officials and a Turkish diplomatic source said the Egyptian "
         "government would attend.");
  CHECK(e.at("Turkish officials") == "state/TUR adjective");
  CHECK(e.at("Turkish diplomatic source") == "state/TUR adjective");
  CHECK(e.at("Egyptian government") == "state/EGY adjective");
  CHECK_FALSE(e.covers("attend"));
}

TEST_CASE("acronyms: short ones must be in capitals", "[actors][names]") {
  const auto f =
      fr("L'ONU a réuni un sommet au siège de l'UA, avec l'UE, l'Otan, l'OTAN et l'Igad.");
  CHECK(f.at("ONU") == "org/UN acronym");
  CHECK(f.at("UA") == "org/AU acronym");
  CHECK(f.at("UE") == "org/EU acronym");
  CHECK(f.at("Otan") == "org/NATO acronym");
  CHECK(f.at("OTAN") == "org/NATO acronym");
  CHECK(f.at("Igad") == "org/IGAD acronym");
  CHECK_FALSE(f.covers("un sommet"));
  CHECK_FALSE(f.covers("au siège"));

  const auto e = en("The UN and the AU met. Un jour, au revoir, the EU said.");
  CHECK(e.at("UN") == "org/UN acronym");
  CHECK(e.at("AU") == "org/AU acronym");
  CHECK(e.at("EU") == "org/EU acronym");
  CHECK_FALSE(e.covers("Un jour"));
  CHECK_FALSE(e.covers("au revoir"));
}

TEST_CASE("French elision before a name, with either apostrophe", "[actors][names]") {
  const auto r =
      fr("Le soutien d'Ankara à l'Azerbaïdjan, l’Arménie et l’ONU le savent, "
         "ainsi qu'Erevan.");
  CHECK(r.at("Ankara") == "state/TUR capital");
  CHECK(r.at("Azerbaïdjan") == "state/AZE name");
  CHECK(r.at("Arménie") == "state/ARM name");
  CHECK(r.at("ONU") == "org/UN acronym");
  CHECK(r.at("Erevan") == "state/ARM capital");
  // The span never includes the elided article.
  CHECK(r.at("l'Azerbaïdjan") == "<none>");
}

TEST_CASE("hyphenated compounds name their first part only", "[actors][names]") {
  const auto r =
      en("Iran-backed militias and Kremlin-backed separatists fought "
         "Turkish-made drones.");
  CHECK(r.at("Iran") == "state/IRN name compound");
  CHECK(r.at("Kremlin") == "state/RUS seat compound");
  CHECK(r.at("Turkish") == "state/TUR adjective compound");
  CHECK(r.at("Iran-backed") == "<none>");
}

TEST_CASE("organisations, groups and regions in both languages", "[actors][names]") {
  const auto f =
      fr("Le Hamas, le Hezbollah, les rebelles houthis et le Haut-Karabakh ont "
         "répondu au groupe de Minsk, puis à l'OSCE.");
  CHECK(f.at("Hamas") == "group/hamas name");
  CHECK(f.at("Hezbollah") == "group/hezbollah name");
  CHECK(f.at("rebelles houthis") == "group/houthis name");
  CHECK(f.at("Haut-Karabakh") == "region/nagorno-karabakh name");
  CHECK(f.at("groupe de Minsk") == "org/MINSK_GROUP name");
  CHECK(f.at("OSCE") == "org/OSCE name");

  const auto e = en("Nagorno-Karabakh, the Houthis and the OSCE Minsk Group met NATO.");
  CHECK(e.at("Nagorno-Karabakh") == "region/nagorno-karabakh name");
  CHECK(e.at("Houthis") == "group/houthis name");
  CHECK(e.at("OSCE Minsk Group") == "org/MINSK_GROUP name");
  CHECK(e.at("NATO") == "org/NATO name");

  const auto k =
      fr("L'Union patriotique du Kurdistan (UPK), Ansar Dine, les séparatistes "
         "prorusses et l'OUA ont été cités.");
  CHECK(k.at("Union patriotique du Kurdistan") == "group/puk name");
  CHECK(k.at("UPK") == "group/puk acronym");
  CHECK(k.at("Ansar Dine") == "group/ansar-dine name");
  CHECK(k.at("séparatistes prorusses") == "group/donbas-separatists name");
  CHECK(k.at("OUA") == "org/OAU acronym");
}
