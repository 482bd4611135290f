// The scoring rules of GUIDELINES.md on hand-made records and gold. Every expected number is
// worked out by hand in the comment above it.
#include "eval/eval.h"

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<diplograph::eval::Counts> {
  static std::string convert(const diplograph::eval::Counts& c) {
    return "{gold " + std::to_string(c.gold) + ", found " + std::to_string(c.found) + ", emitted " +
           std::to_string(c.emitted) + ", correct " + std::to_string(c.correct) +
           ", optional_only " + std::to_string(c.optional_only) + "}";
  }
};
}  // namespace Catch

using namespace diplograph;
using eval::Counts;

namespace {

ActorRef state(const std::string& code, const std::string& label,
               std::vector<std::string> aliases = {}) {
  return ActorRef{"state/" + code, label, code, ActorKind::State, "", std::move(aliases), ""};
}

ActorRef person(const std::string& slug, const std::string& label, std::vector<std::string> aliases,
                const std::string& affiliation) {
  return ActorRef{"person/" + slug,   label,      "", ActorKind::Person, "",
                  std::move(aliases), affiliation};
}

Assertion rel(const std::string& type, const ActorRef& source, const ActorRef& target,
              Polarity polarity = Polarity::Positive, Modality modality = Modality::Asserted) {
  Assertion a;
  a.type = type;
  a.source = source;
  a.target = target;
  a.polarity = polarity;
  a.modality = modality;
  a.rule = "test." + type;
  a.trigger = "trigger";
  a.evidence = source.label + " " + type + " " + target.label;
  return a;
}

DispatchRecord record(const std::string& id, const std::string& lang,
                      std::vector<Assertion> relations, const std::vector<ActorRef>& actors = {}) {
  DispatchRecord r;
  r.id = id;
  r.lang = lang;
  r.relations = std::move(relations);
  for (const auto& a : actors) r.actors.push_back({a, {}});
  return r;
}

eval::GoldRelation gold(const std::string& type, std::vector<std::string> source,
                        std::vector<std::string> target, bool optional = false) {
  return eval::GoldRelation{type, std::move(source), std::move(target), optional};
}

eval::GoldDispatch gold_dispatch(const std::string& id, std::vector<eval::GoldRelation> relations,
                                 std::vector<eval::GoldRelation> must_not = {}) {
  return eval::GoldDispatch{id, "", std::move(relations), std::move(must_not)};
}

eval::Gold gold_of(std::vector<eval::GoldDispatch> dispatches) {
  return eval::Gold{std::move(dispatches)};
}

Counts counts(std::size_t gold, std::size_t found, std::size_t emitted, std::size_t correct,
              std::size_t optional_only = 0) {
  return Counts{gold, found, emitted, correct, optional_only};
}

const ActorRef kTur = state("TUR", "Turkey", {"Turquie", "Ankara"});
const ActorRef kAze = state("AZE", "Azerbaijan", {"Azerbaïdjan", "Bakou"});
const ActorRef kArm = state("ARM", "Armenia", {"Arménie", "Erevan"});
const ActorRef kRus = state("RUS", "Russia", {"Russie", "Moscou", "le Kremlin"});

}  // namespace

TEST_CASE("correct relations, false positives and misses", "[score]") {
  const auto g = gold_of({gold_dispatch(
      "d1", {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"ARM"}, {"TUR"})})});
  const auto r = eval::score(
      {record("d1", "fr", {rel("supports", kTur, kAze), rel("supports", kRus, kArm)})}, g);
  // emitted: TUR->AZE (correct), RUS->ARM (false positive); gold: supports found, accuses missed.
  // P = 1/2, R = 1/2, F1 = 1/2.
  CHECK(r.overall == counts(2, 1, 2, 1));
  CHECK(r.overall.precision() == Approx(0.5));
  CHECK(r.overall.recall() == Approx(0.5));
  CHECK(r.overall.f1() == Approx(0.5));
  REQUIRE(r.false_positives.size() == 1);
  CHECK(r.false_positives[0].dispatch_id == "d1");
  CHECK(r.false_positives[0].assertion.source.id == "state/RUS");
  CHECK_FALSE(r.false_positives[0].trap);
  REQUIRE(r.misses.size() == 1);
  CHECK(r.misses[0].relation.type == "accuses");
  CHECK(r.traps_hit == 0);
}

TEST_CASE("optional gold: matching it is neither rewarded nor penalised", "[score]") {
  const auto g = gold_of({gold_dispatch(
      "d1", {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"TUR"}, {"ARM"}, true),
             gold("mediates", {"TUR"}, {"ARM"}, true)})});
  SECTION("a relation matching only optional gold is left out of both sides") {
    const auto r = eval::score(
        {record("d1", "fr", {rel("supports", kTur, kAze), rel("accuses", kTur, kArm)})}, g);
    // supports: correct; accuses TUR->ARM: optional only, not emitted. The optional mediates
    // is neither gold nor a miss. gold 1, found 1, emitted 1, correct 1, left out 1.
    CHECK(r.overall == counts(1, 1, 1, 1, 1));
    CHECK(r.by_type.at("accuses") == counts(0, 0, 0, 0, 1));
    CHECK(r.false_positives.empty());
    CHECK(r.misses.empty());
  }
  SECTION("matching a non-optional gold relation wins over an optional one") {
    const auto g2 = gold_of({gold_dispatch("d1", {gold("supports", {"TUR"}, {"AZE"}, true),
                                                  gold("supports", {"TUR", "Ankara"}, {"AZE"})})});
    const auto r = eval::score({record("d1", "fr", {rel("supports", kTur, kAze)})}, g2);
    CHECK(r.overall == counts(1, 1, 1, 1, 0));
  }
}

TEST_CASE("must_not: a false positive flagged as a trap; gold wins over must_not", "[score]") {
  SECTION("traps are false positives like any other") {
    const auto g = gold_of(
        {gold_dispatch("d1", {gold("supports", {"TUR"}, {"AZE"})},
                       {gold("supports", {"RUS"}, {"ARM"}), gold("supports", {"RUS"}, {"TUR"})})});
    const auto r = eval::score({record("d1", "fr",
                                       {rel("supports", kRus, kArm), rel("supports", kRus, kAze),
                                        rel("supports", kTur, kAze)})},
                               g);
    // RUS->ARM: false positive, trap; RUS->AZE: false positive; TUR->AZE correct.
    // P = 1/3, R = 1/1, traps hit 1.
    CHECK(r.overall == counts(1, 1, 3, 1));
    CHECK(r.traps_hit == 1);
    REQUIRE(r.false_positives.size() == 2);
    CHECK(r.false_positives[0].trap);
    CHECK_FALSE(r.false_positives[1].trap);
    CHECK(r.trap_overlaps.empty());
  }
  SECTION("a relation matching gold and must_not is correct, and reported") {
    const auto g = gold_of({gold_dispatch(
        "d1", {gold("mediates", {"RUS"}, {"ARM"}), gold("accuses", {"RUS"}, {"TUR"}, true)},
        {gold("mediates", {"RUS", "Sergei Lavrov"}, {"ARM"}), gold("accuses", {"RUS"}, {"TUR"})})});
    const auto r = eval::score(
        {record("d1", "fr", {rel("mediates", kRus, kArm), rel("accuses", kRus, kTur)})}, g);
    // mediates: correct; accuses: optional only, left out. Both also match must_not: two
    // overlaps, no trap hit, no false positive.
    CHECK(r.overall == counts(1, 1, 1, 1, 1));
    CHECK(r.traps_hit == 0);
    CHECK(r.false_positives.empty());
    REQUIRE(r.trap_overlaps.size() == 2);
    CHECK(r.trap_overlaps[0].must_not.source[1] == "Sergei Lavrov");
  }
}

TEST_CASE("allied-with matches in either direction and is one relation", "[score]") {
  const auto g = gold_of({gold_dispatch(
      "d1", {gold("allied-with", {"RUS"}, {"ARM"}), gold("supports", {"TUR"}, {"AZE"})},
      {gold("allied-with", {"RUS"}, {"TUR"})})});
  SECTION("reversed allied-with is correct; reversed supports is not") {
    const auto r = eval::score(
        {record("d1", "fr", {rel("allied-with", kArm, kRus), rel("supports", kAze, kTur)})}, g);
    // allied-with ARM-RUS: correct; supports AZE->TUR: false positive; supports TUR->AZE missed.
    CHECK(r.overall == counts(2, 1, 2, 1));
    CHECK(r.by_type.at("allied-with") == counts(1, 1, 1, 1));
    CHECK(r.by_type.at("supports") == counts(1, 0, 1, 0));
  }
  SECTION("both directions emitted are one relation; must_not matches reversed too") {
    const auto r =
        eval::score({record("d1", "fr",
                            {rel("allied-with", kRus, kArm), rel("allied-with", kArm, kRus),
                             rel("allied-with", kTur, kRus), rel("allied-with", kRus, kTur)})},
                    g);
    // Distinct: RUS-ARM (correct) and RUS-TUR (false positive, trap). supports missed.
    CHECK(r.overall == counts(2, 1, 2, 1));
    CHECK(r.traps_hit == 1);
    REQUIRE(r.false_positives.size() == 1);
    CHECK(r.false_positives[0].assertion.source.id == "state/TUR");  // the first one written
  }
}

TEST_CASE("a relation stated twice in a dispatch counts once", "[score]") {
  const auto g = gold_of({gold_dispatch("d1", {gold("supports", {"TUR"}, {"AZE"})})});
  auto again = rel("supports", kTur, kAze);
  again.sentence = 7;
  again.rule = "test.other-rule";
  const auto r = eval::score({record("d1", "fr",
                                     {rel("supports", kTur, kAze), again,
                                      rel("accuses", kRus, kArm), rel("accuses", kRus, kArm)})},
                             g);
  // Distinct: supports TUR->AZE (correct), accuses RUS->ARM (one false positive).
  CHECK(r.overall == counts(1, 1, 2, 1));
  CHECK(r.false_positives.size() == 1);
}

TEST_CASE("negated and denied assertions are not scored; claimed and offered are", "[score]") {
  const auto g =
      gold_of({gold_dispatch("d1",
                             {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"ARM"}, {"TUR"}),
                              gold("mediates", {"RUS"}, {"ARM"})},
                             {gold("supports", {"RUS"}, {"ARM"})})});
  const auto r =
      eval::score({record("d1", "fr",
                          {rel("supports", kTur, kAze, Polarity::Negated),
                           rel("supports", kRus, kArm, Polarity::Positive, Modality::Denied),
                           rel("accuses", kArm, kTur, Polarity::Positive, Modality::Claimed),
                           rel("mediates", kRus, kArm, Polarity::Positive, Modality::Offered)})},
                  g);
  // Holding: accuses and mediates, both correct. supports TUR->AZE is negated: missed. The
  // denied RUS->ARM is not emitted, so the trap is not hit. gold 3, found 2, emitted 2.
  CHECK(r.overall == counts(3, 2, 2, 2));
  CHECK(r.traps_hit == 0);
  CHECK(r.false_positives.empty());
}

TEST_CASE("normalize_key: accents, case, punctuation and spaces", "[keys]") {
  CHECK(eval::normalize_key("Nagorno-Karabakh") == "nagornokarabakh");
  CHECK(eval::normalize_key("Nagorno Karabakh") == "nagornokarabakh");
  CHECK(eval::normalize_key("nagornokarabakh") == "nagornokarabakh");
  CHECK(eval::normalize_key("NAGORNO–KARABAKH") == "nagornokarabakh");  // en dash
  CHECK(eval::normalize_key("Azerbaïdjan") == "azerbaidjan");
  CHECK(eval::normalize_key("Mevlüt Çavuşoğlu") == "mevlutcavusoglu");
  CHECK(eval::normalize_key("Côte d’Ivoire") == "cotedivoire");
  CHECK(eval::normalize_key("İstanbul") == "istanbul");
  CHECK(eval::normalize_key("Straße") == "strasse");
  CHECK(eval::normalize_key("ARAB_LEAGUE") == "arableague");  // so "Arab League" matches
  CHECK(eval::normalize_key("ﬁnland") == "finland");          // NFKD splits the ligature
  CHECK(eval::normalize_key("Небензя") == "небензя");
  CHECK(eval::normalize_key("G7") == "g7");
  CHECK(eval::normalize_key(" — ").empty());
  CHECK(eval::normalize_key("").empty());
  CHECK(eval::normalize_key("\xFF").empty());  // invalid UTF-8 never matches
}

TEST_CASE("keys match by code, label or alias after normalisation", "[score]") {
  const ActorRef nk{"region/nagorno-karabakh",
                    "Nagorno-Karabakh",
                    "",
                    ActorKind::Region,
                    "",
                    {"Haut-Karabakh"},
                    ""};
  const auto cavusoglu =
      person("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", {"Mevlut Cavusoglu"}, "state/TUR");
  const auto g =
      gold_of({gold_dispatch("d1", {gold("supports", {"arm"}, {"nagorno karabakh"}),
                                    gold("mediates", {"MEVLUT CAVUSOGLU"}, {"Azerbaidjan"}),
                                    gold("accuses", {"Haut Karabakh"}, {"TURQUIE"})})});
  const auto r = eval::score({record("d1", "fr",
                                     {rel("supports", kArm, nk), rel("mediates", cavusoglu, kAze),
                                      rel("accuses", nk, kTur)})},
                             g);
  // Code "ARM" ~ "arm", label "Nagorno-Karabakh" ~ "nagorno karabakh", label "Mevlüt
  // Çavuşoğlu" ~ "MEVLUT CAVUSOGLU", alias "Azerbaïdjan" ~ "Azerbaidjan", alias
  // "Haut-Karabakh" ~ "Haut Karabakh", alias "Turquie" ~ "TURQUIE": all three correct.
  CHECK(r.overall == counts(3, 3, 3, 3));
}

TEST_CASE("empty keys never match", "[score]") {
  const ActorRef nameless{"group/x", "", "", ActorKind::NonStateGroup, "", {"—", ""}, ""};
  const auto g = gold_of({gold_dispatch("d1", {gold("supports", {"", "—"}, {"AZE"})})});
  const auto r =
      eval::score({record("d1", "fr", {rel("supports", nameless, kAze)}, {nameless, kAze})}, g);
  // "" and "—" normalise to nothing on both sides: one false positive, one miss, and the
  // source side is uncovered although the nameless actor is listed.
  CHECK(r.overall == counts(1, 0, 1, 0));
  REQUIRE(r.uncovered.size() == 1);
  CHECK_FALSE(r.uncovered[0].source_covered);
  CHECK(r.uncovered[0].target_covered);
}

TEST_CASE("a person matches by label or alias; the rolled-up state is scored too", "[score]") {
  const auto erdogan =
      person("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", {"Erdogan"}, "state/TUR");
  const auto lavrov = person("sergei-lavrov", "Sergey Lavrov", {"Sergei Lavrov"}, "state/RUS");
  const auto nebenzia = person("vassily-nebenzia", "Vassily Nebenzia", {}, "state/RUS");
  const auto g =
      gold_of({gold_dispatch("d1", {gold("supports", {"TUR", "Recep Tayyip Erdogan"}, {"AZE"}),
                                    gold("mediates", {"RUS", "Sergei Lavrov"}, {"ARM"}),
                                    gold("supports", {"RUS"}, {"ARM"}, true)})});
  auto rolled_up = rel("supports", kTur, kAze);
  rolled_up.rolled_up_from = erdogan.id;
  const auto r =
      eval::score({record("d1", "fr",
                          {rel("supports", erdogan, kAze), rolled_up, rel("mediates", lavrov, kArm),
                           rel("supports", nebenzia, kArm)})},
                  g);
  // Erdoğan->AZE (label) and TUR->AZE (code) are two correct relations for one gold, found
  // once; Lavrov matches by alias. Nebenzia->ARM: his affiliation is not a key, so it matches
  // neither the optional RUS->ARM nor anything else: a false positive.
  // gold 2, found 2, emitted 4, correct 3.
  CHECK(r.overall == counts(2, 2, 4, 3));
  REQUIRE(r.false_positives.size() == 1);
  CHECK(r.false_positives[0].assertion.source.label == "Vassily Nebenzia");
}

TEST_CASE("counts split by relation type and by language", "[score]") {
  const ActorRef qat = state("QAT", "Qatar");
  const ActorRef isr = state("ISR", "Israel");
  const ActorRef usa = state("USA", "United States");
  const ActorRef irn = state("IRN", "Iran");
  const ActorRef hamas{"group/hamas", "Hamas", "", ActorKind::NonStateGroup, "", {}, ""};
  auto fr = gold_dispatch("d-fr",
                          {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"ARM"}, {"TUR"})});
  fr.lang = "fr";  // the record has no lang: the gold's is used
  const auto g = gold_of({fr, gold_dispatch("d-en", {gold("mediates", {"QAT"}, {"ISR", "Hamas"}),
                                                     gold("supports", {"USA"}, {"ISR"})})});
  const auto r = eval::score(
      {record("d-fr", "", {rel("supports", kTur, kAze), rel("accuses", kAze, kArm)}),
       record("d-en", "en",
              {rel("mediates", qat, isr), rel("supports", usa, isr), rel("supports", irn, hamas)})},
      g);
  // fr: supports correct, accuses AZE->ARM false positive, accuses ARM->TUR missed.
  // en: mediates and supports USA->ISR correct, supports IRN->Hamas false positive.
  CHECK(r.by_lang.at("fr") == counts(2, 1, 2, 1));
  CHECK(r.by_lang.at("en") == counts(2, 2, 3, 2));
  // supports: gold 1 + 1, emitted 1 + 2; accuses: gold 1, emitted 1; mediates: 1 and 1.
  CHECK(r.by_type.at("supports") == counts(2, 2, 3, 2));
  CHECK(r.by_type.at("accuses") == counts(1, 0, 1, 0));
  CHECK(r.by_type.at("mediates") == counts(1, 1, 1, 1));
  // overall: gold 4, found 3, emitted 5, correct 3: P = 0.6, R = 0.75, F1 = 0.9 / 1.35.
  CHECK(r.overall == counts(4, 3, 5, 3));
  CHECK(r.overall.precision() == Approx(0.6));
  CHECK(r.overall.recall() == Approx(0.75));
  CHECK(r.overall.f1() == Approx(2.0 / 3.0));
  CHECK(r.by_lang.size() == 2);
}

TEST_CASE("dispatches missing from the output, not in the gold, or duplicated", "[score]") {
  auto d1 = gold_dispatch(
      "d1", {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"ARM"}, {"TUR"}, true)});
  d1.lang = "en";
  const auto g = gold_of({d1, gold_dispatch("d2", {gold("mediates", {"RUS"}, {"ARM"})})});
  const auto r = eval::score({record("d2", "fr", {rel("mediates", kRus, kArm)}, {kRus, kArm}),
                              record("other", "fr", {rel("supports", kRus, kArm)}),
                              record("d2", "fr", {rel("supports", kRus, kAze)})},
                             g);
  // d1 has no record: its one non-optional relation is missed and uncovered, under its gold
  // lang. d2 scores its first record only; "other" is ignored.
  CHECK(r.overall == counts(2, 1, 1, 1));
  CHECK(r.by_lang.at("en") == counts(1, 0, 0, 0));
  CHECK(r.missing_dispatches == 1);
  CHECK(r.missing_ids == std::vector<std::string>{"d1"});
  CHECK(r.records_not_in_gold == 1);
  CHECK(r.duplicate_records == 1);
  CHECK(r.gold_dispatches == 2);
  CHECK(r.coverage_covered == 1);
  CHECK(r.coverage_total == 2);
  REQUIRE(r.misses.size() == 1);
  CHECK(r.misses[0].dispatch_id == "d1");
}

TEST_CASE("actor coverage: both sides of each non-optional gold among the actors", "[score]") {
  const auto lavrov = person("sergei-lavrov", "Sergey Lavrov", {"Sergei Lavrov"}, "state/RUS");
  const auto g = gold_of(
      {gold_dispatch("d1", {gold("supports", {"TUR"}, {"AZE"}), gold("accuses", {"ARM"}, {"TUR"}),
                            gold("mediates", {"RUS", "Sergei Lavrov"}, {"Nagorno-Karabakh"}),
                            gold("accuses", {"ARM"}, {"AZE"}, true)})});
  // Actors: Turkey, Azerbaijan, Lavrov; no Armenia, no Nagorno-Karabakh; no relations at all.
  const auto r = eval::score({record("d1", "fr", {}, {kTur, kAze, lavrov})}, g);
  // supports TUR->AZE covered; accuses ARM->TUR lacks its source; mediates has its source
  // (Lavrov's alias) but not its target; the optional accuses is not counted: 1/3.
  CHECK(r.coverage_covered == 1);
  CHECK(r.coverage_total == 3);
  REQUIRE(r.uncovered.size() == 2);
  CHECK_FALSE(r.uncovered[0].source_covered);
  CHECK(r.uncovered[0].target_covered);
  CHECK(r.uncovered[1].source_covered);
  CHECK_FALSE(r.uncovered[1].target_covered);
  CHECK(r.overall == counts(3, 0, 0, 0));
}

TEST_CASE("ratios with an empty denominator are 0 in Counts", "[score]") {
  const Counts none;
  CHECK(none.precision() == 0.0);
  CHECK(none.recall() == 0.0);
  CHECK(none.f1() == 0.0);
  CHECK(counts(4, 1, 5, 2).false_positives() == 3);
  CHECK(counts(4, 1, 5, 2).missed() == 3);
}
