// Relations read from French dispatches, end to end through the pipeline: each pattern family
// of the lexicon and each clause phenomenon (negation, denial, rejection, reported speech,
// questions, hypotheses, calls, the content of an accusation), on sentences written for these
// tests. A check names actors by code or English label; allied-with is checked either way.
#include <string>

#include "pipeline_test_support.h"

namespace {

using namespace diplograph;
using namespace diplograph::testing;

const Pipeline& pipeline() {
  static const auto p = load_pipeline();
  return *p;
}

Result fr(const std::string& text, const std::string& date = "2022-06-15") {
  return {text, run(pipeline(), text, "fr", date)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pattern families

TEST_CASE("fr: active verb", "[pipeline][relations][fr]") {
  const auto a = fr("La France soutient l'Ukraine face à l'offensive.");
  DG_CHECK_HOLDS(a, "supports", "FRA", "UKR");
  DG_CHECK_NOT_HOLDS(a, "supports", "UKR", "FRA");

  const auto b = fr("L'Égypte a soutenu le Soudan lors de la réunion.");
  DG_CHECK_HOLDS(b, "supports", "EGY", "SDN");

  const auto c = fr("Le Japon soutient fermement les Philippines dans leur différend maritime.");
  DG_CHECK_HOLDS(c, "supports", "JPN", "PHL");

  const auto d = fr("L'Iran arme les Houthis au Yémen.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Houthis");
  DG_CHECK_NOT_HOLDS(d, "supports", "IRN", "YEM");

  // A capital stands for its government.
  const auto e = fr("Téhéran finance le Hezbollah depuis les années 1980.");
  DG_CHECK_HOLDS(e, "supports", "IRN", "Hezbollah");

  const auto f = fr("L'OTAN soutient la Géorgie.");
  DG_CHECK_HOLDS(f, "supports", "NATO", "GEO");

  const auto g = fr("La Russie a livré des armes à la Syrie.");
  DG_CHECK_HOLDS(g, "supports", "RUS", "SYR");

  const auto h = fr("La France se tient aux côtés de l'Ukraine.");
  DG_CHECK_HOLDS(h, "supports", "FRA", "UKR");
}

TEST_CASE("fr: passive and participial", "[pipeline][relations][fr]") {
  const auto a = fr("Les rebelles du M23, soutenus par le Rwanda, ont pris la ville de Goma.");
  DG_CHECK_HOLDS(a, "supports", "RWA", "M23");
  DG_CHECK_NOT_HOLDS(a, "supports", "M23", "RWA");

  const auto b = fr("Le Front Polisario, appuyé par l'Algérie, réclame un référendum.");
  DG_CHECK_HOLDS(b, "supports", "DZA", "Polisario Front");

  const auto c = fr("Le gouvernement d'union nationale, soutenu par la Turquie, contrôle Tripoli.");
  DG_CHECK_HOLDS(c, "supports", "TUR", "Government of National Accord");

  const auto d = fr("Le Gouvernement d'union nationale est soutenu par la Turquie.");
  DG_CHECK_HOLDS(d, "supports", "TUR", "Government of National Accord");

  // A coordinated agent: both sources.
  const auto e = fr("L'Armée nationale libyenne est appuyée par les Émirats arabes unis et l'Égypte.");
  DG_CHECK_HOLDS(e, "supports", "ARE", "Libyan National Army");
  DG_CHECK_HOLDS(e, "supports", "EGY", "Libyan National Army");
}

TEST_CASE("fr: nominal", "[pipeline][relations][fr]") {
  const auto a = fr("Le soutien de la Russie à la Syrie n'a pas faibli.");
  // "n'a pas faibli" negates the weakening, not the support.
  DG_CHECK_HOLDS(a, "supports", "RUS", "SYR");
  DG_CHECK_NOT_HOLDS(a, "supports", "SYR", "RUS");

  const auto b = fr("Le soutien des États-Unis à Israël suscite des critiques.");
  DG_CHECK_HOLDS(b, "supports", "USA", "ISR");

  const auto c = fr("L'appui de l'Arabie saoudite au Bahreïn est constant.");
  DG_CHECK_HOLDS(c, "supports", "SAU", "BHR");

  // The source as an adjective.
  const auto d = fr("Le soutien russe à la Biélorussie est total.");
  DG_CHECK_HOLDS(d, "supports", "RUS", "BLR");
}

TEST_CASE("fr: support verb", "[pipeline][relations][fr]") {
  const auto a = fr("La Chine a assuré le Pakistan de son soutien.");
  DG_CHECK_HOLDS(a, "supports", "CHN", "PAK");
  DG_CHECK_NOT_HOLDS(a, "supports", "PAK", "CHN");

  const auto b = fr("Le Maroc a assuré la Mauritanie de son plein soutien.");
  DG_CHECK_HOLDS(b, "supports", "MAR", "MRT");

  const auto c = fr("L'Union européenne a apporté son soutien à la Moldavie.");
  DG_CHECK_HOLDS(c, "supports", "EU", "MDA");

  const auto d = fr("La Turquie a exprimé son soutien au Qatar.");
  DG_CHECK_HOLDS(d, "supports", "TUR", "QAT");

  const auto e = fr("L'Inde a renouvelé son soutien au Bhoutan.");
  DG_CHECK_HOLDS(e, "supports", "IND", "BTN");
}

TEST_CASE("fr: apposition", "[pipeline][relations][fr]") {
  const auto a = fr("L'Arménie, alliée de la Russie, a demandé de l'aide.");
  DG_CHECK_ALLIED(a, "ARM", "RUS");

  const auto b = fr("La Biélorussie, principal allié de Moscou, a accueilli des troupes.");
  DG_CHECK_ALLIED(b, "BLR", "RUS");

  const auto c = fr("Le Pakistan, allié de la Chine, a signé un accord.");
  DG_CHECK_ALLIED(c, "PAK", "CHN");

  const auto d = fr("L'Iran, principal soutien du Hezbollah, a nié toute implication.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Hezbollah");
  DG_CHECK_NOT_HOLDS(d, "supports", "Hezbollah", "IRN");

  const auto e = fr("La Russie, principal soutien de la Syrie, a bloqué la résolution.");
  DG_CHECK_HOLDS(e, "supports", "RUS", "SYR");

  const auto f = fr("La Lituanie est alliée des États-Unis.");
  DG_CHECK_ALLIED(f, "LTU", "USA");
}

TEST_CASE("fr: relative clause", "[pipeline][relations][fr]") {
  const auto a = fr(
      "La Corée du Sud, qui est liée aux États-Unis via une alliance militaire, a renforcé ses "
      "troupes.");
  DG_CHECK_ALLIED(a, "KOR", "USA");

  const auto a2 = fr("La Géorgie, qui est liée à la Turquie par un pacte de défense, a protesté.");
  DG_CHECK_ALLIED(a2, "GEO", "TUR");

  const auto a3 =
      fr("Le Tadjikistan, qui est lié à la Russie par un traité d'assistance mutuelle, a protesté.");
  DG_CHECK_ALLIED(a3, "TJK", "RUS");

  const auto a4 = fr("Le Japon, qui est lié aux États-Unis par un traité de sécurité, a protesté.");
  DG_CHECK_ALLIED(a4, "JPN", "USA");

  const auto b = fr("L'Australie, qui est alliée des États-Unis, a envoyé des navires.");
  DG_CHECK_ALLIED(b, "AUS", "USA");

  const auto c = fr("La Biélorussie, qui est l'alliée de la Russie, a accueilli des troupes.");
  DG_CHECK_ALLIED(c, "BLR", "RUS");

  // The relative clause's relation is the antecedent's; the main verb's object is not a target.
  const auto d = fr("L'Iran, qui arme les Houthis, a menacé Israël.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Houthis");
  DG_CHECK_NOT_HOLDS(d, "supports", "IRN", "ISR");

  const auto e = fr("Le Qatar, qui finance le Hamas, a reçu des émissaires.");
  DG_CHECK_HOLDS(e, "supports", "QAT", "Hamas");
}

TEST_CASE("fr: alliance membership", "[pipeline][relations][fr]") {
  const auto a = fr("La Pologne, membre de l'OTAN, a renforcé sa frontière.");
  DG_CHECK_ALLIED(a, "POL", "NATO");

  const auto b = fr("La Turquie, pays membre de l'OTAN, a bloqué la décision.");
  DG_CHECK_ALLIED(b, "TUR", "NATO");

  const auto c = fr("Le Kazakhstan est membre de l'OTSC.");
  DG_CHECK_ALLIED(c, "KAZ", "CSTO");

  const auto d = fr("La Finlande est devenue membre de l'OTAN.");
  DG_CHECK_ALLIED(d, "FIN", "NATO");

  const auto e = fr("La Finlande a adhéré à l'OTAN.");
  DG_CHECK_ALLIED(e, "FIN", "NATO");

  const auto f = fr("La Suède a finalisé son adhésion à l'OTAN.");
  DG_CHECK_ALLIED(f, "SWE", "NATO");

  // Two-sided alliance statements.
  const auto g = fr("L'Arménie et la Russie sont alliées.");
  DG_CHECK_ALLIED(g, "ARM", "RUS");
}

TEST_CASE("fr: mediation", "[pipeline][relations][fr]") {
  const auto a = fr("La Turquie a proposé sa médiation entre la Russie et l'Ukraine.");
  DG_CHECK_HOLDS(a, "mediates", "TUR", "RUS");
  DG_CHECK_HOLDS(a, "mediates", "TUR", "UKR");
  DG_CHECK_NOT_HOLDS(a, "mediates", "RUS", "UKR");

  const auto b = fr("Le Qatar a offert sa médiation entre Israël et le Hamas.");
  DG_CHECK_HOLDS(b, "mediates", "QAT", "ISR");
  DG_CHECK_HOLDS(b, "mediates", "QAT", "Hamas");

  const auto c = fr("L'ONU a proposé sa médiation entre l'Éthiopie et l'Érythrée.");
  DG_CHECK_HOLDS(c, "mediates", "UN", "ETH");
  DG_CHECK_HOLDS(c, "mediates", "UN", "ERI");

  // Hosting talks.
  const auto d = fr("L'Égypte a accueilli des pourparlers entre le Soudan et l'Éthiopie.");
  DG_CHECK_HOLDS(d, "mediates", "EGY", "SDN");
  DG_CHECK_HOLDS(d, "mediates", "EGY", "ETH");

  const auto e = fr("Oman a accueilli des négociations entre l'Iran et les États-Unis.");
  DG_CHECK_HOLDS(e, "mediates", "OMN", "IRN");
  DG_CHECK_HOLDS(e, "mediates", "OMN", "USA");

  const auto f = fr("L'Union africaine a organisé des pourparlers entre l'Éthiopie et le Tigré.");
  DG_CHECK_HOLDS(f, "mediates", "AU", "ETH");
  DG_CHECK_HOLDS(f, "mediates", "AU", "Tigray");

  // "sous l'égide de".
  const auto g = fr("L'Arménie et l'Azerbaïdjan ont signé un accord sous l'égide de la Russie.");
  DG_CHECK_HOLDS(g, "mediates", "RUS", "ARM");
  DG_CHECK_HOLDS(g, "mediates", "RUS", "AZE");

  const auto h = fr("Le Rwanda et la RDC ont conclu un accord sous l'égide des États-Unis.");
  DG_CHECK_HOLDS(h, "mediates", "USA", "RWA");
  DG_CHECK_HOLDS(h, "mediates", "USA", "COD");

  const auto i =
      fr("Le dialogue sous l'égide de l'Union européenne entre la Serbie et le Kosovo piétine.");
  DG_CHECK_HOLDS(i, "mediates", "EU", "SRB");
  DG_CHECK_HOLDS(i, "mediates", "EU", "XKX");

  // A truce negotiated by a third party.
  const auto j = fr("Le Kenya et le Soudan du Sud ont signé une trêve négociée par l'Union africaine.");
  DG_CHECK_HOLDS(j, "mediates", "AU", "KEN");
  DG_CHECK_HOLDS(j, "mediates", "AU", "SSD");

  const auto k = fr(
      "Un cessez-le-feu négocié par le Qatar est entré en vigueur entre Israël et le Hamas.");
  DG_CHECK_HOLDS(k, "mediates", "QAT", "ISR");
  DG_CHECK_HOLDS(k, "mediates", "QAT", "Hamas");

  // Offers: "bons offices", "prête à jouer un rôle de médiateur".
  const auto l = fr(
      "La Norvège a proposé ses bons offices pour régler le conflit entre la Colombie et l'ELN.");
  DG_CHECK_HOLDS(l, "mediates", "NOR", "COL");
  DG_CHECK_HOLDS(l, "mediates", "NOR", "National Liberation Army");
  if (const auto* x = holding(l, "mediates", "NOR", "COL")) CHECK(x->modality == Modality::Offered);

  const auto m = fr(
      "La Suisse s'est dite prête à jouer un rôle de médiateur entre l'Arménie et "
      "l'Azerbaïdjan.");
  DG_CHECK_HOLDS(m, "mediates", "CHE", "ARM");
  DG_CHECK_HOLDS(m, "mediates", "CHE", "AZE");

  // The parties unnamed: the conflict's region.
  const auto n = fr("Le Kazakhstan, médiateur dans le conflit du Haut-Karabakh, a reçu les parties.");
  DG_CHECK_HOLDS(n, "mediates", "KAZ", "Nagorno-Karabakh");

  const auto o = fr("La Suisse a proposé sa médiation dans le conflit du Haut-Karabakh.");
  DG_CHECK_HOLDS(o, "mediates", "CHE", "Nagorno-Karabakh");
}

TEST_CASE("fr: accusation", "[pipeline][relations][fr]") {
  const auto a = fr("L'Ukraine accuse la Russie de crimes de guerre.");
  DG_CHECK_HOLDS(a, "accuses", "UKR", "RUS");
  DG_CHECK_NOT_HOLDS(a, "accuses", "RUS", "UKR");

  const auto b = fr("La Chine a accusé les États-Unis d'ingérence.");
  DG_CHECK_HOLDS(b, "accuses", "CHN", "USA");

  // Gerund.
  const auto c = fr("L'Inde a protesté, accusant le Pakistan de soutenir le terrorisme.");
  DG_CHECK_HOLDS(c, "accuses", "IND", "PAK");

  const auto d = fr("Israël a riposté, accusant le Hezbollah d'avoir tiré des roquettes.");
  DG_CHECK_HOLDS(d, "accuses", "ISR", "Hezbollah");

  const auto d2 = fr("Le Pakistan a fermé la frontière, reprochant à l'Afghanistan les attaques.");
  DG_CHECK_HOLDS(d2, "accuses", "PAK", "AFG");

  // "reprocher à".
  const auto e = fr("Le Pakistan a reproché à l'Inde ses frappes au Cachemire.");
  DG_CHECK_HOLDS(e, "accuses", "PAK", "IND");

  const auto f = fr("La Serbie a reproché au Kosovo de violer l'accord.");
  DG_CHECK_HOLDS(f, "accuses", "SRB", "XKX");

  const auto g = fr("L'Azerbaïdjan a reproché à l'Arménie d'avoir violé la trêve.");
  DG_CHECK_HOLDS(g, "accuses", "AZE", "ARM");

  // Denouncing an act of the target.
  const auto h = fr("Le Venezuela a dénoncé l'ingérence des États-Unis.");
  DG_CHECK_HOLDS(h, "accuses", "VEN", "USA");

  const auto i = fr("Le Niger a dénoncé l'ingérence de la France.");
  DG_CHECK_HOLDS(i, "accuses", "NER", "FRA");

  // Passive.
  const auto j = fr("La Russie est accusée par l'Ukraine de bombarder des civils.");
  DG_CHECK_HOLDS(j, "accuses", "UKR", "RUS");
  DG_CHECK_NOT_HOLDS(j, "accuses", "RUS", "UKR");
}

TEST_CASE("fr: mutual accusation yields both directions", "[pipeline][relations][fr]") {
  const auto a = fr("L'Inde et la Chine s'accusent mutuellement d'avoir franchi la frontière.");
  DG_CHECK_HOLDS(a, "accuses", "IND", "CHN");
  DG_CHECK_HOLDS(a, "accuses", "CHN", "IND");

  const auto b = fr("Le Soudan et le Soudan du Sud s'accusent mutuellement de soutenir des rebelles.");
  DG_CHECK_HOLDS(b, "accuses", "SDN", "SSD");
  DG_CHECK_HOLDS(b, "accuses", "SSD", "SDN");
  // What they accuse each other of is not asserted.
  DG_CHECK_NONE(b, "supports");

  const auto c = fr("La Grèce et la Turquie s'accusaient mutuellement de provocations.");
  DG_CHECK_HOLDS(c, "accuses", "GRC", "TUR");
  DG_CHECK_HOLDS(c, "accuses", "TUR", "GRC");

  const auto d = fr("Le Maroc et l'Algérie s'accusent réciproquement de déstabilisation.");
  DG_CHECK_HOLDS(d, "accuses", "MAR", "DZA");
  DG_CHECK_HOLDS(d, "accuses", "DZA", "MAR");

  // Compound past, participle agreeing in gender and number, adverb before or after.
  const auto e = fr("Le Rwanda et le Burundi se sont mutuellement accusés de soutenir des rebelles.");
  DG_CHECK_HOLDS(e, "accuses", "RWA", "BDI");
  DG_CHECK_HOLDS(e, "accuses", "BDI", "RWA");
  DG_CHECK_NONE(e, "supports");

  const auto f = fr("L'Éthiopie et l'Érythrée se sont mutuellement accusées d'attaques.");
  DG_CHECK_HOLDS(f, "accuses", "ETH", "ERI");
  DG_CHECK_HOLDS(f, "accuses", "ERI", "ETH");

  const auto g = fr("Le Cambodge et la Thaïlande se sont accusés mutuellement de tirs frontaliers.");
  DG_CHECK_HOLDS(g, "accuses", "KHM", "THA");
  DG_CHECK_HOLDS(g, "accuses", "THA", "KHM");
}

TEST_CASE("fr: coordination", "[pipeline][relations][fr]") {
  // Coordinated subjects: every source.
  const auto a = fr("La France et l'Allemagne soutiennent la Moldavie.");
  DG_CHECK_HOLDS(a, "supports", "FRA", "MDA");
  DG_CHECK_HOLDS(a, "supports", "DEU", "MDA");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "DEU");

  const auto b = fr("La Pologne, la Lituanie et la Lettonie soutiennent l'Ukraine.");
  DG_CHECK_HOLDS(b, "supports", "POL", "UKR");
  DG_CHECK_HOLDS(b, "supports", "LTU", "UKR");
  DG_CHECK_HOLDS(b, "supports", "LVA", "UKR");

  // Coordinated objects: every target.
  const auto c = fr("Le Canada soutient l'Ukraine et la Géorgie.");
  DG_CHECK_HOLDS(c, "supports", "CAN", "UKR");
  DG_CHECK_HOLDS(c, "supports", "CAN", "GEO");

  const auto d = fr("L'Iran soutient le Hamas, le Hezbollah et les Houthis.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Hamas");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Hezbollah");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Houthis");

  // Coordinated mediators.
  const auto e = fr("La Turquie et le Qatar ont proposé leur médiation entre la Russie et l'Ukraine.");
  DG_CHECK_HOLDS(e, "mediates", "TUR", "RUS");
  DG_CHECK_HOLDS(e, "mediates", "QAT", "UKR");
}

// ---------------------------------------------------------------------------------------------
// Clause phenomena

TEST_CASE("fr: negation", "[pipeline][relations][fr]") {
  DG_CHECK_NONE(fr("La Chine ne soutient pas la Russie dans cette guerre."), "supports");
  DG_CHECK_NONE(fr("L'Inde n'a jamais soutenu le Pakistan."), "supports");
  DG_CHECK_NONE(fr("Le Brésil ne soutient plus le Venezuela."), "supports");
  DG_CHECK_NONE(fr("La Hongrie n'est pas alliée de la Russie."), "allied-with");
  DG_CHECK_NONE(fr("La Grèce n'a jamais accusé la Turquie de provocations."), "accuses");
  DG_CHECK_NONE(fr("Le Japon n'accuse pas la Chine d'ingérence."), "accuses");
  DG_CHECK_NONE(fr("Le Vietnam ne s'est pas rangé aux côtés de la Chine."), "supports");
  DG_CHECK_NONE(fr("Le Kenya n'a jamais proposé sa médiation entre la Somalie et l'Éthiopie."),
                "mediates");

  // The negation reaches only its own clause.
  const auto a = fr("L'Iran soutient le Hamas mais ne soutient pas le Fatah.");
  DG_CHECK_HOLDS(a, "supports", "IRN", "Hamas");
  DG_CHECK_NOT_HOLDS(a, "supports", "IRN", "Fatah");

  const auto b = fr("Le Japon soutient les Philippines; la Chine ne soutient pas les Philippines.");
  DG_CHECK_HOLDS(b, "supports", "JPN", "PHL");
  DG_CHECK_NOT_HOLDS(b, "supports", "CHN", "PHL");

  // Good relations alone are not support.
  DG_CHECK_NONE(fr("La Russie entretient de bonnes relations avec l'Inde."), "supports");
}

TEST_CASE("fr: embedded negation (cela ne veut pas dire que ...)", "[pipeline][relations][fr]") {
  const auto a = fr("Cela ne veut pas dire que l'Algérie soutient le Polisario, a affirmé Alger.");
  DG_CHECK_NOT_HOLDS(a, "supports", "DZA", "Polisario Front");
  DG_CHECK_NONE(a, "supports");

  const auto b = fr(
      "Le Premier ministre hongrois a affirmé que cela ne veut pas dire que la Hongrie soutient "
      "la Russie.");
  DG_CHECK_NOT_HOLDS(b, "supports", "HUN", "RUS");
  DG_CHECK_NONE(b, "supports");

  const auto c = fr(
      "\"Cela ne veut pas dire que nous soutenons le Hamas\", a déclaré le ministre turc des "
      "Affaires étrangères.");
  DG_CHECK_NOT_HOLDS(c, "supports", "TUR", "Hamas");
  DG_CHECK_NONE(c, "supports");
}

TEST_CASE("fr: denial", "[pipeline][relations][fr]") {
  const auto a = fr("La Turquie a démenti soutenir les rebelles syriens.");
  DG_CHECK_NOT_HOLDS(a, "supports", "TUR", "Syrian opposition");
  DG_CHECK_NONE(a, "supports");

  DG_CHECK_NONE(fr("L'Iran a démenti armer les Houthis."), "supports");
  DG_CHECK_NONE(fr("Le Rwanda a nié soutenir le M23."), "supports");

  // The accuser named in a denial is an accusation of the denier.
  const auto b = fr("Le Rwanda a démenti les accusations de la RDC.");
  DG_CHECK_HOLDS(b, "accuses", "COD", "RWA");
  DG_CHECK_NOT_HOLDS(b, "accuses", "RWA", "COD");

  const auto c = fr("Moscou a démenti les accusations de Kiev sur des frappes contre des civils.");
  DG_CHECK_HOLDS(c, "accuses", "UKR", "RUS");
  DG_CHECK_NOT_HOLDS(c, "accuses", "RUS", "UKR");

  const auto d = fr("L'Ouganda a rejeté les allégations du Soudan du Sud.");
  DG_CHECK_HOLDS(d, "accuses", "SSD", "UGA");
}

TEST_CASE("fr: rejection (a rejeté l'idée que ...)", "[pipeline][relations][fr]") {
  DG_CHECK_NONE(fr("Le Kremlin a rejeté l'idée que la Russie soutient les talibans."), "supports");
  DG_CHECK_NONE(fr("Pékin a rejeté l'idée que la Chine arme la Russie."), "supports");
  DG_CHECK_NONE(fr("Le Caire a réfuté l'idée que l'Égypte soutient l'Armée nationale libyenne."),
                "supports");
}

TEST_CASE("fr: reported speech holds as claimed, with its speaker", "[pipeline][relations][fr]") {
  auto claimed_by = [](const Result& r, const char* type, const char* s, const char* t,
                       const char* speaker) {
    INFO(describe(r));
    const auto* x = holding(r, type, s, t);
    REQUIRE(x != nullptr);
    CHECK(x->modality == Modality::Claimed);
    REQUIRE(x->speaker.has_value());
    CHECK(names(*x->speaker, speaker));
  };
  claimed_by(fr("L'Ukraine a affirmé que la Biélorussie soutient la Russie."), "supports", "BLR",
             "RUS", "UKR");
  claimed_by(fr("Selon la Corée du Sud, la Corée du Nord arme la Russie."), "supports", "PRK", "RUS",
             "KOR");
  claimed_by(fr("Les États-Unis ont déclaré que l'Iran arme les Houthis."), "supports", "IRN",
             "Houthis", "USA");
  claimed_by(fr("La Russie soutient la Syrie, a souligné le Kremlin."), "supports", "RUS", "SYR",
             "RUS");
  claimed_by(fr("Wang Yi a affirmé que la Chine soutient le Pakistan.", "2023-03-01"), "supports",
             "CHN", "PAK", "Wang Yi");
  claimed_by(fr("La Chine a assuré la Russie de son soutien, a affirmé le Kremlin."), "supports",
             "CHN", "RUS", "RUS");

  const auto a = fr("L'Ukraine a affirmé que la Biélorussie et l'Iran arment la Russie.");
  DG_CHECK_HOLDS(a, "supports", "BLR", "RUS");
  DG_CHECK_HOLDS(a, "supports", "IRN", "RUS");
  // The speaker is not a party to what it reports.
  DG_CHECK_NOT_HOLDS(a, "supports", "UKR", "RUS");
}

TEST_CASE("fr: questions", "[pipeline][relations][fr]") {
  DG_CHECK_NONE(fr("La Chine soutient-elle la Russie ?"), "supports");
  DG_CHECK_NONE(fr("L'Inde soutiendra-t-elle Israël ?"), "supports");
  DG_CHECK_NONE(fr("Le Brésil soutient-il le Venezuela?"), "supports");
}

TEST_CASE("fr: hypotheticals", "[pipeline][relations][fr]") {
  DG_CHECK_NONE(fr("Si la Chine soutenait la Russie, les sanctions seraient renforcées."),
                "supports");
  DG_CHECK_NONE(fr("Si l'Iran arme les Houthis, Washington réagira."), "supports");
  DG_CHECK_NONE(fr("La Corée du Nord pourrait armer la Russie."), "supports");
  DG_CHECK_NONE(fr("L'Égypte pourrait soutenir le Soudan dans ce conflit."), "supports");
}

TEST_CASE("fr: calls and appeals are not support", "[pipeline][relations][fr]") {
  const auto a = fr("La France a appelé l'Allemagne à soutenir l'Ukraine.");
  DG_CHECK_NOT_HOLDS(a, "supports", "DEU", "UKR");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "DEU");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "UKR");

  const auto b = fr("Kiev a appelé l'Union européenne à soutenir la Moldavie.");
  DG_CHECK_NOT_HOLDS(b, "supports", "EU", "MDA");
  DG_CHECK_NOT_HOLDS(b, "supports", "UKR", "EU");

  const auto c = fr("L'Ukraine a exhorté les États-Unis à soutenir son armée.");
  DG_CHECK_NONE(c, "supports");

  const auto d = fr("Le Hamas a appelé l'Iran à soutenir les Palestiniens.");
  DG_CHECK_NOT_HOLDS(d, "supports", "Hamas", "IRN");
  DG_CHECK_NONE(d, "supports");

  const auto e = fr("La Pologne a demandé à l'OTAN de soutenir la Lituanie.");
  DG_CHECK_NOT_HOLDS(e, "supports", "NATO", "LTU");
  DG_CHECK_NOT_HOLDS(e, "supports", "POL", "NATO");
}

TEST_CASE("fr: the content of an accusation is not asserted", "[pipeline][relations][fr]") {
  const auto a = fr("La RDC accuse le Rwanda d'armer le M23.");
  DG_CHECK_HOLDS(a, "accuses", "COD", "RWA");
  DG_CHECK_NOT_HOLDS(a, "supports", "RWA", "M23");

  const auto b = fr("Israël accuse l'Iran de financer le Hamas.");
  DG_CHECK_HOLDS(b, "accuses", "ISR", "IRN");
  DG_CHECK_NOT_HOLDS(b, "supports", "IRN", "Hamas");

  const auto c = fr(
      "Le Soudan accuse les Émirats arabes unis de soutenir les Forces de soutien rapide.");
  DG_CHECK_HOLDS(c, "accuses", "SDN", "ARE");
  DG_CHECK_NOT_HOLDS(c, "supports", "ARE", "Rapid Support Forces");

  const auto d = fr("L'Éthiopie a accusé l'Égypte d'armer le Front de libération du peuple du Tigré.");
  DG_CHECK_HOLDS(d, "accuses", "ETH", "EGY");
  DG_CHECK_NONE(d, "supports");
}

// ---------------------------------------------------------------------------------------------
// Roll-up and evidence

namespace {

// The person's relation, and the same relation credited to its state, marked as rolled up.
void check_rolled_up(const Result& r, const char* type, const char* person_id, const char* state,
                     const char* target) {
  INFO(describe(r));
  const auto* own = holding(r, type, person_id, target);
  REQUIRE(own != nullptr);
  CHECK(own->rolled_up_from.empty());
  const auto* up = holding(r, type, state, target);
  REQUIRE(up != nullptr);
  CHECK(up->rolled_up_from == person_id);
  CHECK(up->rule == own->rule);
}

}  // namespace

TEST_CASE("fr: a person's relation is credited to its state", "[pipeline][relations][fr]") {
  check_rolled_up(fr("Le président français Emmanuel Macron soutient l'Ukraine.", "2023-03-01"),
                  "supports", "person/emmanuel-macron", "FRA", "UKR");
  check_rolled_up(
      fr("Le chancelier allemand Olaf Scholz a assuré la Moldavie de son soutien.", "2023-03-01"),
      "supports", "person/olaf-scholz", "DEU", "MDA");
  check_rolled_up(fr("Sergueï Lavrov a accusé l'OTAN de provocations.", "2023-03-01"), "accuses",
                  "person/sergei-lavrov", "RUS", "NATO");
  check_rolled_up(fr("M. Lula soutient le Venezuela.", "2023-03-01"), "supports",
                  "person/luiz-inacio-lula-da-silva", "BRA", "VEN");

  // A title alone resolves by the dispatch date.
  check_rolled_up(fr("Le président turc a assuré le Qatar de son soutien.", "2019-05-01"),
                  "supports", "person/recep-tayyip-erdogan", "TUR", "QAT");
  check_rolled_up(
      fr("La ministre canadienne des Affaires étrangères soutient les Philippines.", "2023-03-01"),
      "supports", "person/melanie-joly", "CAN", "PHL");
  check_rolled_up(fr("Le président américain soutient Israël.", "2019-05-01"), "supports",
                  "person/donald-trump", "USA", "ISR");
  check_rolled_up(fr("Le président américain soutient Israël.", "2023-05-01"), "supports",
                  "person/joe-biden", "USA", "ISR");
}

TEST_CASE("fr: evidence of a relation", "[pipeline][relations][fr]") {
  const std::string first = "Les combats ont repris lundi près de la frontière éthiopienne.";
  const std::string second = "L'Égypte soutient le Soudan dans ce différend.";
  const auto r = fr(first + " " + second);
  INFO(describe(r));
  const auto* x = holding(r, "supports", "EGY", "SDN");
  REQUIRE(x != nullptr);
  CHECK(x->sentence == 1);
  CHECK(x->trigger == "soutient");
  CHECK(x->rule.rfind("fr.supports.", 0) == 0);
  CHECK(x->confidence > 0.0);
  CHECK(x->confidence <= 1.0);
  CHECK(x->polarity == Polarity::Positive);
  CHECK(x->modality == Modality::Asserted);
  CHECK(x->evidence == second);
  // The span, in code points, lies within the second sentence and covers the trigger.
  const auto sentence_begin = code_point_index(r.text, first.size() + 1);
  const auto sentence_end = code_point_index(r.text, r.text.size());
  CHECK(x->span.begin >= sentence_begin);
  CHECK(x->span.end <= sentence_end);
  CHECK(x->span.begin < x->span.end);
  const auto words = code_points(r.text, x->span.begin, x->span.end);
  CHECK(words.find("soutient") != std::string::npos);
  CHECK(second.find(words) != std::string::npos);
}
