// Hand-made DispatchRecords for the graph and exporter tests: a seed-like set of realistic
// dispatches, and a stress set of actors and dispatches with hostile names and ids.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/record.h"

namespace diplograph::test {

inline ActorRef state(const std::string& code, const std::string& label,
                      std::vector<std::string> aliases = {}, const std::string& qid = "") {
  return ActorRef{"state/" + code, label, code, ActorKind::State, qid, std::move(aliases), ""};
}

inline ActorRef person(const std::string& slug, const std::string& label,
                       const std::string& affiliation) {
  return ActorRef{"person/" + slug, label, "", ActorKind::Person, "", {}, affiliation};
}

inline ActorRef actor(const std::string& id, const std::string& label, ActorKind kind,
                      const std::string& code = "", std::vector<std::string> aliases = {}) {
  return ActorRef{id, label, code, kind, "", std::move(aliases), ""};
}

inline Assertion relation(const std::string& type, const ActorRef& source, const ActorRef& target,
                          const std::string& evidence, const std::string& trigger = "",
                          int sentence = 0) {
  Assertion a;
  a.type = type;
  a.source = source;
  a.target = target;
  a.sentence = sentence;
  a.span = {10, static_cast<std::uint32_t>(10 + trigger.size())};
  a.trigger = trigger;
  a.evidence = evidence;
  a.rule = "test." + type;
  a.confidence = 0.9;
  return a;
}

inline Assertion rolled_up(Assertion a, const ActorRef& person_source, const ActorRef& body) {
  a.rolled_up_from = person_source.id;
  a.source = body;
  return a;
}

inline DispatchRecord dispatch(const std::string& id, const std::string& date,
                               const std::string& lang, std::vector<ActorRef> actors,
                               std::vector<Assertion> relations) {
  DispatchRecord r;
  r.id = id;
  r.date = date;
  r.lang = lang;
  r.agency = "AFP";
  r.title = "Dispatch " + id;
  for (auto& a : actors) r.actors.push_back(ActorMentions{std::move(a), {}});
  r.relations = std::move(relations);
  return r;
}

inline const ActorRef& TUR() {
  static const ActorRef a = state("TUR", "Turkey", {"Turquie", "Ankara"}, "Q43");
  return a;
}
inline const ActorRef& AZE() {
  static const ActorRef a = state("AZE", "Azerbaijan", {"Azerbaïdjan", "Bakou"}, "Q227");
  return a;
}
inline const ActorRef& ARM() {
  static const ActorRef a = state("ARM", "Armenia", {"Arménie", "Erevan"}, "Q399");
  return a;
}
inline const ActorRef& RUS() {
  static const ActorRef a = state("RUS", "Russia", {"Russie", "Moscou", "le Kremlin"}, "Q159");
  return a;
}
inline const ActorRef& ERDOGAN() {
  static const ActorRef a = person("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "state/TUR");
  return a;
}
inline const ActorRef& LAVROV() {
  static const ActorRef a = person("sergei-lavrov", "Sergei Lavrov", "state/RUS");
  return a;
}
inline const ActorRef& PASHINYAN() {
  static const ActorRef a = person("nikol-pashinyan", "Nikol Pashinyan", "state/ARM");
  return a;
}

// Three dispatches modelled on the seed: TUR supports AZE twice (two dispatches), ARM accuses TUR
// (claimed by Pashinyan), RUS mediates, allied-with both ways round, a negated and a denied
// RUS supports ARM that must not become edges, Erdogan and Lavrov rolled up to their states.
inline std::vector<DispatchRecord> seed_records() {
  const std::string evidence0 =
      "Le Haut-Karabakh, région séparatiste dont les forces s'opposent à celles de "
      "l'Azerbaïdjan, soutenue par Ankara, accuse la Turquie.";
  Assertion accuses = relation(
      "accuses", ARM(), TUR(),
      "Seule l'Arménie l'affirme, accusant Ankara d'envoyer des mercenaires.", "accusant", 2);
  accuses.modality = Modality::Claimed;
  accuses.speaker = PASHINYAN();
  Assertion negated = relation(
      "supports", RUS(), ARM(),
      "« Cela ne veut pas dire que nous soutenons l'Arménie », a dit M. Lavrov.", "soutenons", 4);
  negated.polarity = Polarity::Negated;
  const Assertion erdogan = relation("supports", ERDOGAN(), AZE(),
                                     "M. Erdogan a assuré Bakou de son soutien.", "assuré", 5);
  DispatchRecord d1 =
      dispatch("seed-afp-2020-10-01-moscou", "2020-10-01", "fr",
               {ARM(), AZE(), PASHINYAN(), ERDOGAN(), RUS(), TUR()},
               {relation("supports", TUR(), AZE(), evidence0, "soutenue par", 3), accuses,
                relation("mediates", RUS(), ARM(),
                         "Moscou propose sa médiation entre Erevan et Bakou.", "médiation", 1),
                negated, erdogan, rolled_up(erdogan, ERDOGAN(), TUR())});
  d1.url = "https://example.org/afp/2020-10-01";

  Assertion denied =
      relation("supports", RUS(), ARM(), "Moscow denied backing Yerevan.", "backing");
  denied.modality = Modality::Denied;
  DispatchRecord d2 = dispatch(
      "reuters-2020-10", "2020-10", "en", {ARM(), AZE(), RUS(), TUR()},
      {relation("supports", TUR(), AZE(), "Turkey backs Azerbaijan.", "backs"),
       relation("allied-with", RUS(), ARM(), "Russia, Armenia's treaty ally, ...", "treaty ally"),
       relation("allied-with", TUR(), AZE(), "Turkey and its ally Azerbaijan ...", "ally"),
       relation("accuses", ARM(), RUS(), "Armenia accused Russia of failing its CSTO duties.",
                "accused"),
       denied});
  d2.agency = "Reuters";

  const Assertion lavrov = relation("mediates", LAVROV(), AZE(),
                                    "Lavrov offered to host talks with Baku.", "host talks");
  DispatchRecord d3 = dispatch("ap-undated", "", "en", {AZE(), LAVROV()},
                               {lavrov, rolled_up(lavrov, LAVROV(), RUS())});
  d3.agency = "AP";
  return {d1, d2, d3};
}

// Actors and dispatches whose names and ids try to break every format: quotes, markup,
// backslashes, control characters, invalid UTF-8, noncharacters, emoji, Arabic, Cyrillic,
// spreadsheet formulas, dot segments, percent signs, spaces.
inline std::vector<DispatchRecord> stress_records() {
  const ActorRef quote = state("XQY", "Quote \"double\" 'single' \"\"\"", {"\"", "'"});
  const ActorRef markup =
      actor("group/<&>", "<script>alert('&amp;')</script> ]]>", ActorKind::NonStateGroup, "<&>");
  ActorRef backslash = actor("person/back\\slash\\", "C:\\path\\n \\\" \\u0041", ActorKind::Person);
  backslash.affiliation = "org/ghost <\"x\">";  // never described: a placeholder actor
  const ActorRef control = actor("group/ctl\x01\x02\x7f", "bell\x07 tab\t nl\n cr\r nul",
                                 ActorKind::NonStateGroup, "", {std::string("nul\0in", 6)});
  const ActorRef control_twin = actor("group/ctl", "Control twin", ActorKind::NonStateGroup);
  const ActorRef emoji = actor("person/émoji 😀", "Émilie 😀🇫🇷 \xEF\xBF\xBE", ActorKind::Person);
  const ActorRef arabic =
      actor("group/حماس", "حركة المقاومة الإسلامية", ActorKind::NonStateGroup, "", {"حماس"});
  ActorRef cyrillic = person("небензя", "Василий Небензя", "org/UN");
  const ActorRef formula = actor("group/=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\")",
                                 ActorKind::NonStateGroup, "+SUM(1)", {"-2", "@foo", "\tTAB"});
  const ActorRef spaced = actor("region/space id ", "  spaced  ", ActorKind::Region);
  const ActorRef dots = actor("region/..", "Dot segments", ActorKind::Region);
  const ActorRef percent = actor("state/%41", "Percent", ActorKind::State, "PCT");
  const ActorRef bad_utf8 =
      actor("group/bad\xff", "bad \xff\xfe bytes \xc3", ActorKind::NonStateGroup);

  Assertion a0 = relation(
      "supports", quote, markup,
      "He said \"\"\"triple\"\"\" and \\backslash\\ and <b>&amp;</b> ]]> \x01\x02", "said \"", 0);
  Assertion a1 = relation("accuses", backslash, control, "line one\nline two\r\nline three\ttab",
                          "accuses\\", 1);
  a1.confidence = 1.0;
  Assertion a2 = relation("allied-with", emoji, arabic, "Émilie 😀 et حماس", "allié", 2);
  a2.confidence = 0.0;
  Assertion a3 = relation("mediates", cyrillic, formula, "Небензя =SUM(A1)", "посредник", 3);
  a3.speaker = spaced;
  a3.modality = Modality::Claimed;
  Assertion a4 = relation("supports", dots, percent, "dots and percent %41 %%", "%", 4);
  Assertion a5 = relation("accuses", bad_utf8, control_twin, "bad \xff bytes", "\xfe", 5);
  Assertion a6 = relation("supports", formula, quote, "negated =1+1", "+", 6);
  a6.polarity = Polarity::Negated;
  Assertion a7 = rolled_up(
      a3, cyrillic, actor("org/UN", "United Nations", ActorKind::InternationalOrganization, "UN"));

  DispatchRecord d = dispatch("dispatch \"1\" <&> é/😀#x\\ ..", "2020-13-45", "xx",
                              {quote, markup, backslash, control, control_twin, emoji, arabic,
                               cyrillic, formula, spaced, dots, percent, bad_utf8},
                              {a0, a1, a2, a3, a4, a5, a6, a7});
  d.title = "Title with \x01 control, \"quotes\" and <markup>";
  d.url = "http://example.org/a b?c=\"d\"&e=<f>";
  d.agency = "=AGENCY()";
  DispatchRecord d2 = dispatch("..", "2021-02", "", {percent, dots},
                               {relation("supports", dots, percent, "again", "again")});
  return {d, d2};
}

}  // namespace diplograph::test
