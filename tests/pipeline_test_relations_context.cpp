// Relations that need more than one sentence or more than one actor per slot: group references
// ("les deux pays", "the three powers"), descriptions limited to some states ("le sultanat"),
// quotation marks inside a pattern, claims that the dispatch reports as denied, and the parties
// of a mediation when the sentence names none. Sentences written for these tests.
#include <string>

#include "pipeline_test_support.h"

namespace {

using namespace diplograph;
using namespace diplograph::testing;

const Pipeline& pipeline() {
  static const auto p = load_pipeline();
  return *p;
}

Result fr(const std::string& text) { return {text, run(pipeline(), text, "fr", "2024-03-02")}; }
Result en(const std::string& text) { return {text, run(pipeline(), text, "en", "2024-03-02")}; }

}  // namespace

TEST_CASE("group references stand for each member", "[pipeline][relations][references]") {
  // A list of exactly that many states, then "ces trois pays".
  const auto a = fr("Le Ghana, le Togo et le Bénin ont signé mardi un pacte de défense mutuelle "
                    "entre ces trois pays.");
  DG_CHECK_HOLDS(a, "allied-with", "GHA", "TGO");
  DG_CHECK_HOLDS(a, "allied-with", "GHA", "BEN");
  DG_CHECK_HOLDS(a, "allied-with", "TGO", "BEN");

  const auto b = en("Peru, Chile and Bolivia agreed on a water plan brokered by the three "
                    "countries' neighbour. Argentina accused the three countries of ignoring "
                    "its claims.");
  DG_CHECK_HOLDS(b, "accuses", "ARG", "PER");
  DG_CHECK_HOLDS(b, "accuses", "ARG", "CHL");
  DG_CHECK_HOLDS(b, "accuses", "ARG", "BOL");

  // "les deux voisins" after two states, with a mutual accusation.
  const auto c = fr("L'Inde et le Pakistan ont rappelé leurs ambassadeurs. Les deux voisins "
                    "s'accusent mutuellement de violer le cessez-le-feu.");
  DG_CHECK_HOLDS(c, "accuses", "IND", "PAK");
  DG_CHECK_HOLDS(c, "accuses", "PAK", "IND");

  // No list of that size before it: the phrase refers to nobody, and nothing is invented.
  const auto d = en("Canada said on Monday that the three countries had accused it of delays.");
  DG_CHECK_NOT_HOLDS(d, "accuses", "CAN", "CAN");
  CHECK_FALSE(holds_any(d.record, "accuses"));
}

TEST_CASE("a mediator is no party to the conflict it mediates",
          "[pipeline][relations][references]") {
  // The three guarantors open the sentence, so they are not the sides of the conflict; the
  // host's parties come from the dispute the dispatch reports.
  const auto a = en("Egypt, Qatar and Turkey agreed on Monday on a truce plan for Sudan brokered "
                    "by the three powers. The Sudanese army accused the Rapid Support Forces of "
                    "shelling Omdurman. Kenya has hosted the talks since May.");
  DG_CHECK_HOLDS(a, "mediates", "EGY", "Rapid Support Forces");
  DG_CHECK_HOLDS(a, "mediates", "KEN", "Rapid Support Forces");
  DG_CHECK_NOT_HOLDS(a, "mediates", "KEN", "EGY");
  DG_CHECK_NOT_HOLDS(a, "mediates", "EGY", "QAT");
  DG_CHECK_NOT_HOLDS(a, "mediates", "QAT", "TUR");
}

TEST_CASE("descriptions limited to some states", "[pipeline][relations][references]") {
  // "le sultanat" skips the last states named and reaches Oman.
  const auto a = fr("Le Yémen et l'Arabie saoudite ont repris des discussions, par l'entremise "
                    "du sultanat d'Oman. Le sultanat avait déjà servi de canal entre les deux "
                    "pays en 2022.");
  DG_CHECK_HOLDS(a, "mediates", "OMN", "YEM");
  DG_CHECK_HOLDS(a, "mediates", "OMN", "SAU");
  DG_CHECK_NOT_HOLDS(a, "mediates", "YEM", "SAU");

  const auto b = en("Bahrain and Iran restored ties in talks hosted by Kuwait. Tehran thanked "
                    "the emirate, which had acted as a channel between the two countries.");
  DG_CHECK_HOLDS(b, "mediates", "KWT", "BHR");
  DG_CHECK_NOT_HOLDS(b, "mediates", "IRN", "BHR");
}

TEST_CASE("an organisation named in a title is the antecedent of a description",
          "[pipeline][relations][references]") {
  // NATO is named last, but the speaker's own organisation is the nearer one.
  const auto a = en("Norway asked NATO for more patrols. EU foreign policy chief Kaja Kallas said "
                    "the bloc stood in full solidarity with Oslo.");
  DG_CHECK_HOLDS(a, "supports", "EU", "NOR");
  DG_CHECK_NOT_HOLDS(a, "supports", "NATO", "NOR");
}

TEST_CASE("quotation marks do not lengthen a gap", "[pipeline][relations]") {
  const auto a = fr("Vilnius met en cause les « instructeurs » biélorusses déployés à la "
                    "frontière.");
  DG_CHECK_HOLDS(a, "accuses", "LTU", "BLR");
  const auto b = en("Seoul denounced the \"provocative\" North Korean launches.");
  DG_CHECK_HOLDS(b, "accuses", "KOR", "PRK");
}

TEST_CASE("a claim the dispatch reports as denied does not hold",
          "[pipeline][relations]") {
  const auto a = en("Mali says Algeria has supplied weapons to the rebels of the Azawad "
                    "Liberation Front. Algiers has always denied arming the Azawad Liberation "
                    "Front.");
  CHECK_FALSE(holds(a.record, "supports", "DZA", "Azawad Liberation Front"));
  // Claimed without a denial, it holds as claimed.
  const auto b = en("Mali says Algeria has supplied weapons to the Azawad Liberation Front.");
  const auto* x = holding(b.record, "supports", "DZA", "Azawad Liberation Front");
  REQUIRE(x != nullptr);
  CHECK(x->modality == Modality::Claimed);
}

TEST_CASE("support: coming to the aid of, joining a coalition", "[pipeline][relations]") {
  const auto a = fr("Le Tchad est venu au secours du Cameroun face aux jihadistes.");
  DG_CHECK_HOLDS(a, "supports", "TCD", "CMR");
  const auto b = en("Rwanda came to the aid of Mozambique in Cabo Delgado.");
  DG_CHECK_HOLDS(b, "supports", "RWA", "MOZ");
  const auto c = en("Kenya came to Somalia's aid after the attack.");
  DG_CHECK_HOLDS(c, "supports", "KEN", "SOM");
  // Failing to come to someone's aid is an accusation's content, not support.
  const auto d = en("Armenia accused Russia of failing to come to its aid.");
  DG_CHECK_NOT_HOLDS(d, "supports", "RUS", "ARM");

  const auto h = fr("La Hongrie a pris la défense de la Slovaquie à Bruxelles.");
  DG_CHECK_HOLDS(h, "supports", "HUN", "SVK");
  const auto i = en("Lithuania said it stood \"shoulder to shoulder\" with Latvia.");
  DG_CHECK_HOLDS(i, "supports", "LTU", "LVA");
  const auto j =
      fr("Le président roumain a assuré la Moldavie du « soutien total » de Bucarest.");
  DG_CHECK_HOLDS(j, "supports", "ROU", "MDA");

  // The one who enjoys the backing is its target.
  const auto k = en("Armenia enjoys the backing of France in the talks.");
  DG_CHECK_HOLDS(k, "supports", "FRA", "ARM");
  DG_CHECK_NOT_HOLDS(k, "supports", "ARM", "FRA");

  const auto e = fr("Le Koweït et Bahreïn participent à la coalition menée par Riyad.");
  DG_CHECK_HOLDS(e, "supports", "KWT", "Saudi-led coalition");
  DG_CHECK_HOLDS(e, "supports", "BHR", "Saudi-led coalition");
  const auto f = en("Britain took part in the U.S.-led coalition against the Islamic State group.");
  DG_CHECK_HOLDS(f, "supports", "GBR", "US-led coalition");
  const auto g = en("Finland joined NATO in 2023.");
  DG_CHECK_NOT_HOLDS(g, "supports", "FIN", "NATO");
}

TEST_CASE("mediation: second agent, received separately, as mediator",
          "[pipeline][relations]") {
  const auto a = fr("Le gouvernement colombien et l'ELN ont repris des négociations, facilitées "
                    "par Cuba et accueillies par le Venezuela.");
  DG_CHECK_HOLDS(a, "mediates", "CUB", "COL");
  DG_CHECK_HOLDS(a, "mediates", "VEN", "COL");

  const auto b = fr("Le président arménien et le président azerbaïdjanais ont été reçus "
                    "séparément par le chancelier allemand Olaf Scholz.");
  DG_CHECK_HOLDS(b, "mediates", "DEU", "ARM");
  DG_CHECK_HOLDS(b, "mediates", "DEU", "AZE");

  const auto c = en("Thailand and Cambodia agreed a ceasefire. Malaysia, which served as "
                    "mediator, welcomed the deal.");
  DG_CHECK_HOLDS(c, "mediates", "MYS", "THA");
  // Received together is no mediation.
  const auto d = en("Egypt and Ethiopia were received by Emmanuel Macron.");
  CHECK_FALSE(holds_any(d.record, "mediates"));
}

TEST_CASE("allied-with: 'X, leur allié'", "[pipeline][relations]") {
  const auto a = fr("Les Houthis s'appuient sur des unités fidèles à l'Iran, leur allié.");
  DG_CHECK_HOLDS(a, "allied-with", "Houthis", "IRN");
}

TEST_CASE("an actor before 'member' or 'ally' only classifies the next one",
          "[pipeline][relations][references]") {
  const auto a = en("Georgia, which is backed by EU member Lithuania, blamed Russia.");
  DG_CHECK_HOLDS(a, "supports", "LTU", "GEO");
  DG_CHECK_NOT_HOLDS(a, "supports", "EU", "GEO");
  // Without the classifier noun both are actors.
  const auto b = en("The EU and Lithuania back Georgia.");
  DG_CHECK_HOLDS(b, "supports", "EU", "GEO");
  DG_CHECK_HOLDS(b, "supports", "LTU", "GEO");
}

TEST_CASE("recognition as legitimate or sovereign is support", "[pipeline][relations]") {
  const auto a = fr("L'Espagne a reconnu la Palestine comme un État à part entière.");
  DG_CHECK_HOLDS(a, "supports", "ESP", "PSE");
  const auto b = fr("La Russie a reconnu l'indépendance de l'Abkhazie.");
  DG_CHECK_HOLDS(b, "supports", "RUS", "Abkhazia");
  const auto c = en("Canada recognized Juan Guaido as Venezuela's interim president.");
  DG_CHECK_HOLDS(c, "supports", "CAN", "Juan Guaidó");
  const auto d = en("Nicaragua recognized South Ossetia's independence.");
  DG_CHECK_HOLDS(d, "supports", "NIC", "South Ossetia");
  // Admitting a fact is no recognition of an actor.
  const auto e = fr("Le Maroc a reconnu avoir reçu une délégation algérienne.");
  CHECK_FALSE(holds_any(e.record, "supports"));
  const auto f = en("Greece recognized that Turkey had a point on the maritime border.");
  CHECK_FALSE(holds_any(f.record, "supports"));
}

TEST_CASE("records without mentions keep the same actors and relations",
          "[pipeline][mentions]") {
  // A build that writes no assertion lines leaves mentions out; nothing else may change.
  const std::string text =
      "Le président turc Recep Tayyip Erdogan a affirmé son soutien à l'Azerbaïdjan lors d'une "
      "visite à Bakou. La Russie a accusé l'Ukraine de provocations.";
  const auto with = run(pipeline(), text, "fr", "2024-03-02");
  auto without_mentions = load_pipeline();
  without_mentions->set_record_mentions(false);
  const auto without = run(*without_mentions, text, "fr", "2024-03-02");
  REQUIRE(with.actors.size() >= 4);
  REQUIRE(with.actors.size() == without.actors.size());
  for (std::size_t i = 0; i < with.actors.size(); ++i) {
    CHECK(without.actors[i].actor == with.actors[i].actor);
    CHECK_FALSE(with.actors[i].mentions.empty());
    CHECK(without.actors[i].mentions.empty());
  }
  CHECK(without.relations == with.relations);
  CHECK_FALSE(with.relations.empty());
}
