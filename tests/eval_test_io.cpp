// Gold loading, and the report formats on the small corpus in tests/data/eval (records.jsonl
// against gold.jsonl), plus a sanity check on the shared dev gold.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "eval/eval.h"
#include "model/record_json.h"

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

namespace {

const std::string kData = std::string(DG_TEST_DATA) + "/eval/";

std::vector<DispatchRecord> read_records(const std::string& path) {
  std::vector<DispatchRecord> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    DispatchRecord r;
    ParseError e;
    INFO(e.message);
    REQUIRE(from_json_line(line, r, e));
    out.push_back(std::move(r));
  }
  return out;
}

eval::Gold load_ok(const std::string& path) {
  auto load = eval::load_gold(path);
  INFO((load.errors.empty() ? std::string() : load.errors[0]));
  REQUIRE(load.ok());
  return load.gold;
}

// records.jsonl against gold.jsonl, worked out by hand:
// a (fr): Erdoğan->AZE and the rolled-up TUR->AZE correct, allied-with ARM-RUS correct,
//   accuses TUR->ARM optional only (left out), RUS->ARM a trap, the negated RUS->ARM ignored.
//   gold 2, found 2, emitted 4, correct 3.
// b (en): mediates QAT->ISR correct, accuses Hamas->ISR false positive (accuses is directed),
//   accuses ISR->Hamas missed. gold 2, found 1, emitted 2, correct 1.
// c: no record, no lang: its supports USA->UKR missed and uncovered. z: not in the gold.
// overall: gold 5, found 3, emitted 6, correct 4: P = 4/6, R = 3/5, F1 = 12/19.
eval::Report small_report() {
  return eval::score(read_records(kData + "records.jsonl"), load_ok(kData + "gold.jsonl"));
}

}  // namespace

TEST_CASE("load_gold reads relations, must_not, optional and lang", "[gold]") {
  const auto load = eval::load_gold(kData + "gold.jsonl");
  REQUIRE(load.ok());
  const auto& d = load.gold.dispatches;
  REQUIRE(d.size() == 3);  // the blank line is skipped
  CHECK(d[0].id == "a");
  CHECK(d[0].lang == "fr");
  REQUIRE(d[0].relations.size() == 3);
  CHECK(d[0].relations[0].source == std::vector<std::string>{"TUR", "Recep Tayyip Erdogan"});
  CHECK_FALSE(d[0].relations[0].optional);
  CHECK(d[0].relations[2].optional);
  REQUIRE(d[0].must_not.size() == 1);
  CHECK(d[0].must_not[0].target == std::vector<std::string>{"ARM"});
  CHECK(d[1].lang.empty());
  CHECK(d[2].must_not.empty());
  CHECK(load.warnings ==
        std::vector<std::string>{kData + "gold.jsonl:3: unknown key \"note\" ignored"});
}

TEST_CASE("load_gold reports every bad line with file:line", "[gold]") {
  const std::string path = kData + "bad_gold.jsonl";
  const auto load = eval::load_gold(path);
  CHECK_FALSE(load.ok());
  const std::vector<std::string> errors{
      path + ":1: relations[0].source: expected an array of keys",
      path + ":2:27: Invalid value.",  // the '}' after '['
      path + ":3: id: missing",
      path + ":4: relations[0].optional: expected true or false",
      path + ":5: must_not[0].type: expected a relation type",
      path + ":7: duplicate id \"v\" (first on line 6)",
  };
  CHECK(load.errors == errors);
  const std::vector<std::string> warnings{
      path + ":6: relations[0]: unknown key \"optinal\" ignored",
      path + ":6: relations[0].source: no usable key, the relation can never match",
      path + ":6: relations[0].target: key \"—\" has no letter or digit, never matches",
      path + ":6: relations[0].target: no usable key, the relation can never match",
  };
  CHECK(load.warnings == warnings);
  REQUIRE(load.gold.dispatches.size() == 1);  // only line 6 is a usable dispatch
  CHECK(load.gold.dispatches[0].id == "v");
}

TEST_CASE("load_gold on a missing file", "[gold]") {
  const auto load = eval::load_gold(kData + "no-such-file.jsonl");
  CHECK(load.errors == std::vector<std::string>{kData + "no-such-file.jsonl: cannot open"});
}

TEST_CASE("the small corpus scores as worked out by hand", "[score][io]") {
  const auto r = small_report();
  CHECK(r.overall == eval::Counts{5, 3, 6, 4, 1});
  CHECK(r.by_lang.at("fr") == eval::Counts{2, 2, 4, 3, 1});  // a's optional accuses
  CHECK(r.by_lang.at("en") == eval::Counts{2, 1, 2, 1, 0});
  CHECK(r.by_lang.at("") == eval::Counts{1, 0, 0, 0, 0});
  CHECK(r.by_type.at("supports") == eval::Counts{2, 1, 3, 2, 0});
  CHECK(r.by_type.at("accuses") == eval::Counts{1, 0, 1, 0, 1});
  CHECK(r.overall.f1() == Approx(12.0 / 19.0));
  CHECK(r.coverage_covered == 4);
  CHECK(r.coverage_total == 5);
  CHECK(r.traps_hit == 1);
  CHECK(r.records_not_in_gold == 1);
}

TEST_CASE("format_table: aligned rows for overall, types and languages", "[format]") {
  // P, R and F1 of each row from the counts above; "-" where nothing was emitted.
  const std::string expected =
      "                  gold   found emitted correct      P      R     F1\n"
      "overall              5       3       6       4  0.667  0.600  0.632\n"
      "accuses              1       0       1       0  0.000  0.000  0.000\n"
      "allied-with          1       1       1       1  1.000  1.000  1.000\n"
      "mediates             1       1       1       1  1.000  1.000  1.000\n"
      "supports             2       1       3       2  0.667  0.500  0.571\n"
      "lang en              2       1       2       1  0.500  0.500  0.500\n"
      "lang fr              2       2       4       3  0.750  1.000  0.857\n"
      "lang unknown         1       0       0       0      -  0.000      -\n"
      "actor coverage: 4/5 (80.0%)\n"
      "must_not traps hit: 1\n"
      "left out (match only optional gold): 1\n"
      "dispatches: 3 in gold, 1 without a system record; system records not in gold: 1, "
      "duplicate records: 0\n";
  CHECK(eval::format_table(small_report()) == expected);
}

TEST_CASE("format_errors: false positives, misses and uncovered gold", "[format]") {
  const std::string expected =
      "false positive (must_not trap) a: supports Russia -> Armenia (rule test.supports.5, "
      "trigger \"trig5\", sentence 5: evidence 5)\n"
      "false positive b: accuses Hamas -> Israel (rule test.accuses.8, trigger \"trig8\", "
      "sentence 8: evidence 8)\n"
      "no system record c\n"
      "miss b: accuses ISR -> Hamas\n"
      "miss c: supports USA -> UKR\n"
      "uncovered c: supports USA -> UKR (no actor for source and target)\n";
  CHECK(eval::format_errors(small_report()) == expected);
}

TEST_CASE("to_json: counts, ratios (null when undefined) and error lists", "[format]") {
  rapidjson::Document doc;
  doc.Parse(eval::to_json(small_report()).c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["overall"]["gold"].GetUint() == 5);
  CHECK(doc["overall"]["correct"].GetUint() == 4);
  CHECK(doc["overall"]["precision"].GetDouble() == Approx(4.0 / 6.0));
  CHECK(doc["by_type"]["allied-with"]["f1"].GetDouble() == 1.0);
  CHECK(doc["by_lang"][""]["precision"].IsNull());
  CHECK(doc["by_lang"][""]["recall"].GetDouble() == 0.0);
  CHECK(doc["actor_coverage"]["share"].GetDouble() == Approx(0.8));
  CHECK(doc["traps_hit"].GetUint() == 1);
  CHECK(doc["dispatches"]["missing_ids"][0] == "c");
  REQUIRE(doc["false_positives"].Size() == 2);
  CHECK(doc["false_positives"][0]["trap"].GetBool());
  CHECK(doc["false_positives"][0]["source"] == "state/RUS");
  CHECK(doc["false_positives"][1]["evidence"] == "evidence 8");
  CHECK(doc["misses"].Size() == 2);
  CHECK(doc["uncovered"][0]["relation"]["source"][0] == "USA");
  CHECK(doc["trap_overlaps"].Size() == 0);
}

TEST_CASE("the dev gold loads cleanly and a system that echoes it scores 1", "[gold][dev]") {
  const auto load = eval::load_gold(std::string(DG_SHARED_DIR) + "/eval/dev/gold.jsonl");
  REQUIRE(load.ok());
  CHECK(load.warnings.empty());
  REQUIRE(load.gold.dispatches.size() == 37);
  // Echo: each non-optional gold relation as a relation between actors named by its first
  // keys, and those actors listed. Every gold is found and every emitted relation correct.
  std::vector<DispatchRecord> records;
  for (const auto& g : load.gold.dispatches) {
    DispatchRecord r;
    r.id = g.id;
    for (const auto& gr : g.relations) {
      if (gr.optional) continue;
      Assertion a;
      a.type = gr.type;
      a.source = ActorRef{"x/" + gr.source[0], gr.source[0], "", ActorKind::State, "", {}, ""};
      a.target = ActorRef{"x/" + gr.target[0], gr.target[0], "", ActorKind::State, "", {}, ""};
      r.actors.push_back({a.source, {}});
      r.actors.push_back({a.target, {}});
      r.relations.push_back(a);
    }
    records.push_back(std::move(r));
  }
  const auto report = eval::score(records, load.gold);
  CHECK(report.overall.gold > 100);
  CHECK(report.overall.found == report.overall.gold);
  CHECK(report.overall.correct == report.overall.emitted);
  CHECK(report.coverage_covered == report.coverage_total);
}
