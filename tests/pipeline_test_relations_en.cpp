// Relations read from English dispatches, end to end through the pipeline: each pattern family
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

Result en(const std::string& text, const std::string& date = "2022-06-15") {
  return {text, run(pipeline(), text, "en", date)};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Pattern families

TEST_CASE("en: active verb", "[pipeline][relations][en]") {
  const auto a = en("Germany backs Ukraine in its bid to join the European Union.");
  DG_CHECK_HOLDS(a, "supports", "DEU", "UKR");
  DG_CHECK_NOT_HOLDS(a, "supports", "UKR", "DEU");
  DG_CHECK_NOT_HOLDS(a, "supports", "DEU", "EU");

  const auto b = en("Japan has supported the Philippines throughout the dispute.");
  DG_CHECK_HOLDS(b, "supports", "JPN", "PHL");

  const auto c = en("Turkey backed Azerbaijan during the war.");
  DG_CHECK_HOLDS(c, "supports", "TUR", "AZE");

  const auto d = en("Iran arms the Houthis, officials say.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Houthis");

  const auto e = en("NATO backs Georgia.");
  DG_CHECK_HOLDS(e, "supports", "NATO", "GEO");

  const auto f = en("Poland stands with Ukraine.");
  DG_CHECK_HOLDS(f, "supports", "POL", "UKR");

  const auto g = en("Britain sided with Estonia.");
  DG_CHECK_HOLDS(g, "supports", "GBR", "EST");

  const auto h = en("The United States stands by Taiwan.");
  DG_CHECK_HOLDS(h, "supports", "USA", "TWN");

  const auto i = en("Iran supplied drones to Russia.");
  DG_CHECK_HOLDS(i, "supports", "IRN", "RUS");
  DG_CHECK_NOT_HOLDS(i, "supports", "RUS", "IRN");
}

TEST_CASE("en: passive and participial", "[pipeline][relations][en]") {
  const auto a = en("The M23 rebels, backed by Rwanda, seized the town.");
  DG_CHECK_HOLDS(a, "supports", "RWA", "M23");
  DG_CHECK_NOT_HOLDS(a, "supports", "M23", "RWA");

  const auto b = en("The Polisario Front, supported by Algeria, demands a referendum.");
  DG_CHECK_HOLDS(b, "supports", "DZA", "Polisario Front");

  const auto c = en("Hamas is funded by Iran.");
  DG_CHECK_HOLDS(c, "supports", "IRN", "Hamas");

  // A coordinated agent: both sources.
  const auto d = en("The Libyan National Army is backed by the United Arab Emirates and Egypt.");
  DG_CHECK_HOLDS(d, "supports", "ARE", "Libyan National Army");
  DG_CHECK_HOLDS(d, "supports", "EGY", "Libyan National Army");
}

TEST_CASE("en: hyphen compound", "[pipeline][relations][en]") {
  const auto a = en("Iran-backed Houthis fired missiles at ships.");
  DG_CHECK_HOLDS(a, "supports", "IRN", "Houthis");
  DG_CHECK_NOT_HOLDS(a, "supports", "Houthis", "IRN");

  const auto b = en("UAE-backed Rapid Support Forces took the city.");
  DG_CHECK_HOLDS(b, "supports", "ARE", "Rapid Support Forces");

  const auto c = en("Turkey-backed Syrian National Army fighters advanced.");
  DG_CHECK_HOLDS(c, "supports", "TUR", "Syrian National Army");

  // Mediation compounds: the parties are those the compound's noun is between.
  const auto e = en("A Qatar-brokered ceasefire between Israel and Hamas took effect.");
  DG_CHECK_HOLDS(e, "mediates", "QAT", "ISR");
  DG_CHECK_HOLDS(e, "mediates", "QAT", "Hamas");
  DG_CHECK_NONE(e, "supports");

  const auto f = en("An Egypt-mediated truce between Hamas and Israel held.");
  DG_CHECK_HOLDS(f, "mediates", "EGY", "Hamas");
  DG_CHECK_HOLDS(f, "mediates", "EGY", "ISR");

  const auto g = en("A Turkish-brokered deal between Russia and Ukraine reopened the ports.");
  DG_CHECK_HOLDS(g, "mediates", "TUR", "RUS");
  DG_CHECK_HOLDS(g, "mediates", "TUR", "UKR");

  // Only the compound that precedes an actor gives a relation.
  const auto d = en("Russia-backed separatists shelled the town, and Rwanda-backed M23 fighters advanced.");
  DG_CHECK_HOLDS(d, "supports", "RWA", "M23");
  DG_CHECK_NOT_HOLDS(d, "supports", "RUS", "M23");
}

TEST_CASE("en: nominal", "[pipeline][relations][en]") {
  const auto a = en("Russia's support for Syria has not wavered.");
  // "has not wavered" negates the wavering, not the support.
  DG_CHECK_HOLDS(a, "supports", "RUS", "SYR");
  DG_CHECK_NOT_HOLDS(a, "supports", "SYR", "RUS");

  const auto b = en("China's backing of Pakistan angers India.");
  DG_CHECK_HOLDS(b, "supports", "CHN", "PAK");
  DG_CHECK_NOT_HOLDS(b, "supports", "CHN", "IND");

  const auto c = en("Iran's backing of the Houthis worries Riyadh.");
  DG_CHECK_HOLDS(c, "supports", "IRN", "Houthis");

  // The source as an adjective; "support from A to B".
  const auto d = en("American support for Israel draws criticism.");
  DG_CHECK_HOLDS(d, "supports", "USA", "ISR");

  const auto e = en("Support from Qatar to Hamas has been scrutinized.");
  DG_CHECK_HOLDS(e, "supports", "QAT", "Hamas");
}

TEST_CASE("en: support verb", "[pipeline][relations][en]") {
  const auto a = en("China pledged support to Pakistan.");
  DG_CHECK_HOLDS(a, "supports", "CHN", "PAK");
  DG_CHECK_NOT_HOLDS(a, "supports", "PAK", "CHN");

  const auto b = en("The European Union pledged its support for Moldova.");
  DG_CHECK_HOLDS(b, "supports", "EU", "MDA");

  const auto c = en("Britain lent its support to Estonia.");
  DG_CHECK_HOLDS(c, "supports", "GBR", "EST");

  const auto d = en("India reaffirmed its support for Bhutan.");
  DG_CHECK_HOLDS(d, "supports", "IND", "BTN");
}

TEST_CASE("en: apposition", "[pipeline][relations][en]") {
  const auto a = en("Armenia, a treaty ally of Russia, asked for help.");
  DG_CHECK_ALLIED(a, "ARM", "RUS");

  const auto b = en("Belarus, Russia's closest ally, hosted troops.");
  DG_CHECK_ALLIED(b, "BLR", "RUS");

  const auto c = en("Pakistan, an ally of China, signed a deal.");
  DG_CHECK_ALLIED(c, "PAK", "CHN");

  const auto d = en("The United States, Israel's main ally, sent envoys.");
  DG_CHECK_ALLIED(d, "USA", "ISR");

  const auto e = en("Iran, Hezbollah's largest backer, denied involvement.");
  DG_CHECK_HOLDS(e, "supports", "IRN", "Hezbollah");
  DG_CHECK_NOT_HOLDS(e, "supports", "Hezbollah", "IRN");

  const auto f = en("Russia, Syria's main backer, vetoed the resolution.");
  DG_CHECK_HOLDS(f, "supports", "RUS", "SYR");

  const auto g = en("Lithuania is an ally of the United States.");
  DG_CHECK_ALLIED(g, "LTU", "USA");
}

TEST_CASE("en: relative clause", "[pipeline][relations][en]") {
  const auto a = en("South Korea, which is allied with the United States, bolstered its defences.");
  DG_CHECK_ALLIED(a, "KOR", "USA");

  const auto b = en("Japan, which is bound to the United States by a security treaty, protested.");
  DG_CHECK_ALLIED(b, "JPN", "USA");

  const auto c = en("Australia, which is an ally of the United States, sent ships.");
  DG_CHECK_ALLIED(c, "AUS", "USA");

  const auto d =
      en("The Philippines, which has a mutual defense treaty with the United States, protested.");
  DG_CHECK_ALLIED(d, "PHL", "USA");

  // The relative clause's relation is the antecedent's; the main verb's object is not a target.
  const auto e = en("Iran, which arms the Houthis, threatened Israel.");
  DG_CHECK_HOLDS(e, "supports", "IRN", "Houthis");
  DG_CHECK_NOT_HOLDS(e, "supports", "IRN", "ISR");

  const auto f = en("Qatar, which funds Hamas, received envoys.");
  DG_CHECK_HOLDS(f, "supports", "QAT", "Hamas");
}

TEST_CASE("en: alliance membership", "[pipeline][relations][en]") {
  const auto a = en("Poland, a NATO member, reinforced its border.");
  DG_CHECK_ALLIED(a, "POL", "NATO");

  const auto b = en("Finland joined NATO in April.");
  DG_CHECK_ALLIED(b, "FIN", "NATO");

  const auto c = en("Sweden became a member of NATO.");
  DG_CHECK_ALLIED(c, "SWE", "NATO");

  const auto d = en("Kazakhstan is a member of the CSTO.");
  DG_CHECK_ALLIED(d, "KAZ", "CSTO");

  const auto e = en("NATO member Turkey blocked the decision.");
  DG_CHECK_ALLIED(e, "TUR", "NATO");

  // Two-sided alliance statements.
  const auto f = en("Britain and Poland are allies.");
  DG_CHECK_ALLIED(f, "GBR", "POL");
}

TEST_CASE("en: mediation", "[pipeline][relations][en]") {
  // Offers.
  const auto a = en("Turkey offered to mediate between Russia and Ukraine.");
  DG_CHECK_HOLDS(a, "mediates", "TUR", "RUS");
  DG_CHECK_HOLDS(a, "mediates", "TUR", "UKR");
  DG_CHECK_NOT_HOLDS(a, "mediates", "RUS", "UKR");

  const auto b = en("The UN offered to mediate between Ethiopia and Eritrea.");
  DG_CHECK_HOLDS(b, "mediates", "UN", "ETH");
  DG_CHECK_HOLDS(b, "mediates", "UN", "ERI");

  // The parties unnamed: the conflict's region.
  const auto c = en("Kazakhstan offered to mediate in the dispute over Nagorno-Karabakh.");
  DG_CHECK_HOLDS(c, "mediates", "KAZ", "Nagorno-Karabakh");
  if (const auto* x = holding(c, "mediates", "KAZ", "Nagorno-Karabakh"))
    CHECK(x->modality == Modality::Offered);

  const auto d = en("Qatar, a key mediator in the Gaza Strip conflict, hosted envoys.");
  DG_CHECK_HOLDS(d, "mediates", "QAT", "Gaza Strip");

  // Hosting talks.
  const auto e = en("Egypt hosted talks between Sudan and Ethiopia.");
  DG_CHECK_HOLDS(e, "mediates", "EGY", "SDN");
  DG_CHECK_HOLDS(e, "mediates", "EGY", "ETH");

  const auto f = en("Oman hosted indirect talks between Iran and the United States.");
  DG_CHECK_HOLDS(f, "mediates", "OMN", "IRN");
  DG_CHECK_HOLDS(f, "mediates", "OMN", "USA");

  const auto g = en("Switzerland hosted talks between Armenia and Azerbaijan.");
  DG_CHECK_HOLDS(g, "mediates", "CHE", "ARM");
  DG_CHECK_HOLDS(g, "mediates", "CHE", "AZE");

  // Brokered by.
  const auto h = en("Talks between Serbia and Kosovo were brokered by the European Union.");
  DG_CHECK_HOLDS(h, "mediates", "EU", "SRB");
  DG_CHECK_HOLDS(h, "mediates", "EU", "XKX");

  const auto i = en("A truce between Israel and Hamas was brokered by Qatar and Egypt.");
  DG_CHECK_HOLDS(i, "mediates", "QAT", "ISR");
  DG_CHECK_HOLDS(i, "mediates", "EGY", "Hamas");

  const auto j = en("A ceasefire between Israel and Hamas, brokered by Qatar, took effect.");
  DG_CHECK_HOLDS(j, "mediates", "QAT", "ISR");
  DG_CHECK_HOLDS(j, "mediates", "QAT", "Hamas");

  const auto k = en("Armenia and Azerbaijan signed a deal brokered by Russia.");
  DG_CHECK_HOLDS(k, "mediates", "RUS", "ARM");
  DG_CHECK_HOLDS(k, "mediates", "RUS", "AZE");

  // Under the auspices of.
  const auto l = en(
      "Rwanda and the Democratic Republic of Congo signed an agreement under the auspices of the "
      "United States.");
  DG_CHECK_HOLDS(l, "mediates", "USA", "RWA");
  DG_CHECK_HOLDS(l, "mediates", "USA", "COD");

  // Nominal, with an adjective source; the verb "mediate".
  const auto m = en("Qatari mediation between Hamas and Israel led to a truce.");
  DG_CHECK_HOLDS(m, "mediates", "QAT", "Hamas");
  DG_CHECK_HOLDS(m, "mediates", "QAT", "ISR");

  const auto n = en("The African Union mediated between Ethiopia and Tigray.");
  DG_CHECK_HOLDS(n, "mediates", "AU", "ETH");
  DG_CHECK_HOLDS(n, "mediates", "AU", "Tigray");

  const auto o = en("Norway, a longtime mediator between Colombia and the ELN, hosted the talks.");
  DG_CHECK_HOLDS(o, "mediates", "NOR", "COL");
  DG_CHECK_HOLDS(o, "mediates", "NOR", "National Liberation Army");
}

TEST_CASE("en: accusation", "[pipeline][relations][en]") {
  const auto a = en("Ukraine accused Russia of war crimes.");
  DG_CHECK_HOLDS(a, "accuses", "UKR", "RUS");
  DG_CHECK_NOT_HOLDS(a, "accuses", "RUS", "UKR");

  const auto b = en("China accuses the United States of interference.");
  DG_CHECK_HOLDS(b, "accuses", "CHN", "USA");

  // Gerunds.
  const auto c = en("India reacted angrily, accusing Pakistan of sponsoring terrorism.");
  DG_CHECK_HOLDS(c, "accuses", "IND", "PAK");
  DG_CHECK_NONE(c, "supports");

  const auto c2 = en("Pakistan closed the border, blaming Afghanistan for the attacks.");
  DG_CHECK_HOLDS(c2, "accuses", "PAK", "AFG");

  const auto c3 = en("Seoul condemned the launch, blaming Pyongyang for rising tensions.");
  DG_CHECK_HOLDS(c3, "accuses", "KOR", "PRK");

  // Blame.
  const auto d = en("Serbia blamed Kosovo for the violence.");
  DG_CHECK_HOLDS(d, "accuses", "SRB", "XKX");

  const auto e = en("Kyiv blamed Moscow for the blackout.");
  DG_CHECK_HOLDS(e, "accuses", "UKR", "RUS");

  const auto f = en("Azerbaijan blamed Armenia for violating the truce.");
  DG_CHECK_HOLDS(f, "accuses", "AZE", "ARM");

  // Charges, condemnation of an act, holding responsible.
  const auto g = en("The United States charged Russia with war crimes.");
  DG_CHECK_HOLDS(g, "accuses", "USA", "RUS");

  const auto h = en("Venezuela condemned the United States' interference.");
  DG_CHECK_HOLDS(h, "accuses", "VEN", "USA");

  const auto i = en("Niger denounced France's interference.");
  DG_CHECK_HOLDS(i, "accuses", "NER", "FRA");

  const auto j = en("Greece condemned Turkish provocations in the Aegean.");
  DG_CHECK_HOLDS(j, "accuses", "GRC", "TUR");

  const auto k = en("Estonia held Russia responsible for the cyberattack.");
  DG_CHECK_HOLDS(k, "accuses", "EST", "RUS");

  // Passive.
  const auto l = en("Russia was accused by Ukraine of shelling civilians.");
  DG_CHECK_HOLDS(l, "accuses", "UKR", "RUS");
  DG_CHECK_NOT_HOLDS(l, "accuses", "RUS", "UKR");

  // Coordinated accusers.
  const auto m = en("The Philippines and Vietnam accused China of aggression.");
  DG_CHECK_HOLDS(m, "accuses", "PHL", "CHN");
  DG_CHECK_HOLDS(m, "accuses", "VNM", "CHN");
}

TEST_CASE("en: mutual accusation yields both directions", "[pipeline][relations][en]") {
  const auto a = en("Armenia and Azerbaijan accused each other of violating the ceasefire.");
  DG_CHECK_HOLDS(a, "accuses", "ARM", "AZE");
  DG_CHECK_HOLDS(a, "accuses", "AZE", "ARM");

  const auto b = en("India and China blamed each other for the clash.");
  DG_CHECK_HOLDS(b, "accuses", "IND", "CHN");
  DG_CHECK_HOLDS(b, "accuses", "CHN", "IND");

  const auto c = en("Sudan and South Sudan accuse one another of backing rebels.");
  DG_CHECK_HOLDS(c, "accuses", "SDN", "SSD");
  DG_CHECK_HOLDS(c, "accuses", "SSD", "SDN");
  // What they accuse each other of is not asserted.
  DG_CHECK_NONE(c, "supports");
}

TEST_CASE("en: coordination", "[pipeline][relations][en]") {
  // Coordinated subjects: every source.
  const auto a = en("France and Germany support Moldova.");
  DG_CHECK_HOLDS(a, "supports", "FRA", "MDA");
  DG_CHECK_HOLDS(a, "supports", "DEU", "MDA");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "DEU");

  const auto b = en("Poland, Lithuania and Latvia back Ukraine.");
  DG_CHECK_HOLDS(b, "supports", "POL", "UKR");
  DG_CHECK_HOLDS(b, "supports", "LTU", "UKR");
  DG_CHECK_HOLDS(b, "supports", "LVA", "UKR");

  // Coordinated objects: every target.
  const auto c = en("Canada backs Ukraine and Georgia.");
  DG_CHECK_HOLDS(c, "supports", "CAN", "UKR");
  DG_CHECK_HOLDS(c, "supports", "CAN", "GEO");

  const auto d = en("Iran supports Hamas, Hezbollah and the Houthis.");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Hamas");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Hezbollah");
  DG_CHECK_HOLDS(d, "supports", "IRN", "Houthis");

  const auto e = en("Tehran funds Hezbollah and Hamas.");
  DG_CHECK_HOLDS(e, "supports", "IRN", "Hezbollah");
  DG_CHECK_HOLDS(e, "supports", "IRN", "Hamas");

  // Coordinated mediators.
  const auto f = en("Egypt, Qatar and the United States brokered a truce between Israel and Hamas.");
  DG_CHECK_HOLDS(f, "mediates", "EGY", "ISR");
  DG_CHECK_HOLDS(f, "mediates", "QAT", "Hamas");
  DG_CHECK_HOLDS(f, "mediates", "USA", "ISR");

  const auto g = en("Turkey and Qatar offered to mediate between Russia and Ukraine.");
  DG_CHECK_HOLDS(g, "mediates", "TUR", "UKR");
  DG_CHECK_HOLDS(g, "mediates", "QAT", "RUS");
}

// ---------------------------------------------------------------------------------------------
// Clause phenomena

TEST_CASE("en: negation", "[pipeline][relations][en]") {
  DG_CHECK_NONE(en("China does not back Russia in this war."), "supports");
  DG_CHECK_NONE(en("India never supported Pakistan."), "supports");
  DG_CHECK_NONE(en("Brazil no longer supports Venezuela."), "supports");
  DG_CHECK_NONE(en("Germany doesn't arm Ukraine, a spokesman said."), "supports");
  DG_CHECK_NONE(en("Hungary is not an ally of Russia."), "allied-with");
  DG_CHECK_NONE(en("Japan did not accuse China of interference."), "accuses");
  DG_CHECK_NONE(en("Greece never accused Turkey of provocations."), "accuses");
  DG_CHECK_NONE(en("Kenya has never mediated between Somalia and Ethiopia."), "mediates");
  DG_CHECK_NONE(en("Kenya has never offered to mediate between Somalia and Ethiopia."), "mediates");

  // The negation reaches only its own clause.
  const auto a = en("Iran backs Hamas but does not back Fatah.");
  DG_CHECK_HOLDS(a, "supports", "IRN", "Hamas");
  DG_CHECK_NOT_HOLDS(a, "supports", "IRN", "Fatah");

  const auto b = en("Japan backs the Philippines; China does not back the Philippines.");
  DG_CHECK_HOLDS(b, "supports", "JPN", "PHL");
  DG_CHECK_NOT_HOLDS(b, "supports", "CHN", "PHL");

  // Good relations alone are not support.
  DG_CHECK_NONE(en("Russia maintains good relations with India."), "supports");
}

TEST_CASE("en: embedded negation (this does not mean that ...)", "[pipeline][relations][en]") {
  const auto a = en("This does not mean Algeria backs the Polisario Front, Algiers said.");
  DG_CHECK_NOT_HOLDS(a, "supports", "DZA", "Polisario Front");
  DG_CHECK_NONE(a, "supports");

  const auto b = en("Hungary said this does not mean that Hungary supports Russia.");
  DG_CHECK_NOT_HOLDS(b, "supports", "HUN", "RUS");
  DG_CHECK_NONE(b, "supports");
}

TEST_CASE("en: denial", "[pipeline][relations][en]") {
  const auto a = en("Turkey denied backing the Syrian opposition.");
  DG_CHECK_NOT_HOLDS(a, "supports", "TUR", "Syrian opposition");
  DG_CHECK_NONE(a, "supports");

  DG_CHECK_NONE(en("Iran denied arming the Houthis."), "supports");
  DG_CHECK_NONE(en("Rwanda denies supporting the M23."), "supports");

  // The accuser named in a denial is an accusation of the denier, not support.
  const auto b = en("Ankara denied Yerevan's claims that it sent jets.");
  DG_CHECK_HOLDS(b, "accuses", "ARM", "TUR");
  DG_CHECK_NOT_HOLDS(b, "accuses", "TUR", "ARM");
  DG_CHECK_NONE(b, "supports");

  const auto c = en("Moscow dismissed Kyiv's claims that it targeted civilians.");
  DG_CHECK_HOLDS(c, "accuses", "UKR", "RUS");

  const auto d = en("Uganda rejected allegations by South Sudan that it armed rebels.");
  DG_CHECK_HOLDS(d, "accuses", "SSD", "UGA");
  DG_CHECK_NONE(d, "supports");

  const auto e = en("Rwanda denied Kinshasa's accusations.");
  DG_CHECK_HOLDS(e, "accuses", "COD", "RWA");

  const auto f = en("Rwanda denied accusations from Kinshasa.");
  DG_CHECK_HOLDS(f, "accuses", "COD", "RWA");
}

TEST_CASE("en: rejection (rejected the idea that ...)", "[pipeline][relations][en]") {
  DG_CHECK_NONE(en("The Kremlin rejected the idea that Russia supports the Taliban."), "supports");
  DG_CHECK_NONE(en("Beijing dismissed claims that China arms Russia."), "supports");
  DG_CHECK_NONE(en("Cairo rejected suggestions that Egypt backs the Libyan National Army."),
                "supports");
}

TEST_CASE("en: reported speech holds as claimed, with its speaker", "[pipeline][relations][en]") {
  auto claimed_by = [](const Result& r, const char* type, const char* s, const char* t,
                       const char* speaker) {
    INFO(describe(r));
    const auto* x = holding(r, type, s, t);
    REQUIRE(x != nullptr);
    CHECK(x->modality == Modality::Claimed);
    REQUIRE(x->speaker.has_value());
    CHECK(names(*x->speaker, speaker));
  };
  claimed_by(en("Ukraine said that Belarus supports Russia."), "supports", "BLR", "RUS", "UKR");
  claimed_by(en("According to South Korea, North Korea arms Russia."), "supports", "PRK", "RUS",
             "KOR");
  claimed_by(en("The United States claimed that Iran arms the Houthis."), "supports", "IRN",
             "Houthis", "USA");
  claimed_by(en("Russia backs Syria, the Kremlin said."), "supports", "RUS", "SYR", "RUS");
  claimed_by(en("China pledged support to Russia, the Kremlin said."), "supports", "CHN", "RUS",
             "RUS");

  const auto a = en("Ukraine said that Belarus and Iran arm Russia.");
  DG_CHECK_HOLDS(a, "supports", "BLR", "RUS");
  DG_CHECK_HOLDS(a, "supports", "IRN", "RUS");
  // The speaker is not a party to what it reports.
  DG_CHECK_NOT_HOLDS(a, "supports", "UKR", "RUS");
}

TEST_CASE("en: questions", "[pipeline][relations][en]") {
  DG_CHECK_NONE(en("Will China back Russia?"), "supports");
  DG_CHECK_NONE(en("Does India support Israel?"), "supports");
  DG_CHECK_NONE(en("Would Brazil back Venezuela?"), "supports");
}

TEST_CASE("en: hypotheticals", "[pipeline][relations][en]") {
  DG_CHECK_NONE(en("If China backed Russia, sanctions would follow."), "supports");
  DG_CHECK_NONE(en("Washington will respond if Iran arms the Houthis."), "supports");
  DG_CHECK_NONE(en("North Korea could arm Russia."), "supports");
  DG_CHECK_NONE(en("Egypt might support Sudan in the conflict."), "supports");
  DG_CHECK_NONE(en("Egypt is considering backing Sudan."), "supports");
}

TEST_CASE("en: calls and appeals are not support", "[pipeline][relations][en]") {
  const auto a = en("France urged Germany to back Ukraine.");
  DG_CHECK_NOT_HOLDS(a, "supports", "DEU", "UKR");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "DEU");
  DG_CHECK_NOT_HOLDS(a, "supports", "FRA", "UKR");

  const auto b = en("Kyiv urged the European Union to support Moldova.");
  DG_CHECK_NOT_HOLDS(b, "supports", "EU", "MDA");
  DG_CHECK_NOT_HOLDS(b, "supports", "UKR", "EU");

  DG_CHECK_NONE(en("Ukraine called on the United States to support its army."), "supports");

  const auto c = en("Poland asked NATO to back Lithuania.");
  DG_CHECK_NOT_HOLDS(c, "supports", "NATO", "LTU");
  DG_CHECK_NOT_HOLDS(c, "supports", "POL", "NATO");
}

TEST_CASE("en: the content of an accusation is not asserted", "[pipeline][relations][en]") {
  const auto a = en("Kinshasa accuses Rwanda of arming the M23.");
  DG_CHECK_HOLDS(a, "accuses", "COD", "RWA");
  DG_CHECK_NOT_HOLDS(a, "supports", "RWA", "M23");

  const auto b = en("Israel accused Iran of funding Hamas.");
  DG_CHECK_HOLDS(b, "accuses", "ISR", "IRN");
  DG_CHECK_NOT_HOLDS(b, "supports", "IRN", "Hamas");

  const auto c = en("Sudan accuses the United Arab Emirates of backing the Rapid Support Forces.");
  DG_CHECK_HOLDS(c, "accuses", "SDN", "ARE");
  DG_CHECK_NOT_HOLDS(c, "supports", "ARE", "Rapid Support Forces");

  const auto d = en("The Democratic Republic of Congo accuses Rwanda of arming the M23.");
  DG_CHECK_HOLDS(d, "accuses", "COD", "RWA");
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

TEST_CASE("en: a person's relation is credited to its state", "[pipeline][relations][en]") {
  check_rolled_up(en("French President Emmanuel Macron backs Ukraine.", "2023-03-01"), "supports",
                  "person/emmanuel-macron", "FRA", "UKR");
  check_rolled_up(en("German Chancellor Olaf Scholz pledged support to Moldova.", "2023-03-01"),
                  "supports", "person/olaf-scholz", "DEU", "MDA");
  check_rolled_up(
      en("Russian Foreign Minister Sergei Lavrov accused NATO of provocations.", "2023-03-01"),
      "accuses", "person/sergei-lavrov", "RUS", "NATO");
  check_rolled_up(en("Lula supports Venezuela.", "2023-03-01"), "supports",
                  "person/luiz-inacio-lula-da-silva", "BRA", "VEN");
}

TEST_CASE("en: evidence folds the white space of a wrapped sentence", "[pipeline][relations][en]") {
  // Line breaks, a tab and doubled spaces inside the sentence each become one space; plain
  // single spaces are kept as they are.
  const auto wrapped = en("Germany  backs\nUkraine in the\r\ndispute over\tthe grain corridor.");
  INFO(describe(wrapped));
  const auto* x = holding(wrapped, "supports", "DEU", "UKR");
  REQUIRE(x != nullptr);
  CHECK(x->evidence == "Germany backs Ukraine in the dispute over the grain corridor.");
  const auto plain = en("Germany backs Ukraine in the dispute over the grain corridor.");
  const auto* y = holding(plain, "supports", "DEU", "UKR");
  REQUIRE(y != nullptr);
  CHECK(y->evidence == x->evidence);
  // Doubled spaces alone, within the text's eight-byte steps and in its last few bytes.
  for (const auto& [doubled, single] :
       {std::pair{"Germany backs Ukraine in  the end.", "Germany backs Ukraine in the end."},
        std::pair{"Germany backs Ukraine on the grain corridor  ok.",
                  "Germany backs Ukraine on the grain corridor ok."}}) {
    const auto spaced = en(doubled);
    const auto* z = holding(spaced, "supports", "DEU", "UKR");
    REQUIRE(z != nullptr);
    CHECK(z->evidence == single);
  }
}

TEST_CASE("en: evidence of a relation", "[pipeline][relations][en]") {
  const std::string first = "Ministers met in Zürich on Monday after the clashes.";
  const std::string second = "Germany backs Ukraine in the dispute over the grain corridor.";
  const auto r = en(first + " " + second);
  INFO(describe(r));
  const auto* x = holding(r, "supports", "DEU", "UKR");
  REQUIRE(x != nullptr);
  CHECK(x->sentence == 1);
  CHECK(x->trigger == "backs");
  CHECK(x->rule.rfind("en.supports.", 0) == 0);
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
  CHECK(words.find("backs") != std::string::npos);
  CHECK(second.find(words) != std::string::npos);
}
