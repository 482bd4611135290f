#include <catch2/catch.hpp>

#include "analysis/analysis.h"
#include "analysis_test_support.h"

using namespace diplograph;
using namespace diplograph::analysis;

namespace {

const ActorStats& find(const Stats& s, const std::string& id) {
  const auto it = std::find_if(s.actors.begin(), s.actors.end(),
                               [&](const ActorStats& a) { return a.actor.id == id; });
  REQUIRE(it != s.actors.end());
  return *it;
}

std::vector<std::string> ids(const std::vector<ActorName>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(n.id);
  return out;
}

}  // namespace

TEST_CASE("degrees count relation edges, parallel ones apart", "[analysis][stats]") {
  const Stats s = compute_stats(test::build(test::square_records()));
  // A: supports B (2 dispatches), accuses B, supports C: 3 edges out, 4 dispatches.
  const auto& a = find(s, "state/AAA");
  CHECK(a.degree == 3);
  CHECK(a.out_degree == 3);
  CHECK(a.in_degree == 0);
  CHECK(a.weight == 4);
  // D: from B and C, to E.
  const auto& d = find(s, "state/DDD");
  CHECK(d.degree == 3);
  CHECK(d.in_degree == 2);
  CHECK(d.out_degree == 1);
  CHECK(d.weight == 3);
  CHECK(s.relations == 6);
  // F takes part in no relation: it is not listed.
  CHECK(s.actors.size() == 5);
}

TEST_CASE("betweenness runs on one undirected edge per related pair", "[analysis][stats]") {
  const Stats s = compute_stats(test::build(test::square_records()));
  // Pairs that are not adjacent, and their shortest paths:
  //   A-D: A-B-D, A-C-D        B 1/2, C 1/2
  //   A-E: A-B-D-E, A-C-D-E    B 1/2, C 1/2, D 1
  //   B-C: B-A-C, B-D-C        A 1/2, D 1/2
  //   B-E: B-D-E               D 1
  //   C-E: C-D-E               D 1
  // A 0.5, B 1, C 1, D 3.5, E 0. Were the parallel A-B edges two paths, A-D would give B 2/3.
  // F is in no relation, so m = 5 related actors: normalised by (4 * 3) / 2 = 6.
  CHECK(find(s, "state/AAA").betweenness == Approx(0.5));
  CHECK(find(s, "state/BBB").betweenness == Approx(1.0));
  CHECK(find(s, "state/CCC").betweenness == Approx(1.0));
  CHECK(find(s, "state/DDD").betweenness == Approx(3.5));
  CHECK(find(s, "state/EEE").betweenness == Approx(0.0));
  CHECK(find(s, "state/DDD").betweenness_normalized == Approx(3.5 / 6));
  CHECK(find(s, "state/AAA").betweenness_normalized == Approx(0.5 / 6));
  // Most central first; B and C tie at 1 and B has the higher degree (3 against 2).
  std::vector<std::string> order;
  for (const auto& a : s.actors) order.push_back(a.actor.id);
  CHECK(order ==
        std::vector<std::string>{"state/DDD", "state/BBB", "state/CCC", "state/AAA", "state/EEE"});
}

TEST_CASE("blocs are components of supports and allied-with", "[analysis][stats]") {
  const Stats s = compute_stats(test::build(test::caucasus_records()));
  // Cooperative edges: RUS-ARM (allied-with), FRA->ARM, TUR->AZE. Accusations (RUS->FRA,
  // ARM<->AZE, ...) and mediation join nothing; IRN, USA and Lavrov are in no bloc.
  REQUIRE(s.blocs.size() == 2);
  CHECK(ids(s.blocs[0].members) == std::vector<std::string>{"state/ARM", "state/FRA", "state/RUS"});
  CHECK(ids(s.blocs[1].members) == std::vector<std::string>{"state/AZE", "state/TUR"});
  CHECK(find(s, "state/FRA").bloc == 1);
  CHECK(find(s, "state/TUR").bloc == 2);
  CHECK(find(s, "state/USA").bloc == 0);
  // Direction does not matter: the square's supports chain is one bloc of five, F is alone.
  const Stats square = compute_stats(test::build(test::square_records()));
  REQUIRE(square.blocs.size() == 1);
  CHECK(square.blocs[0].members.size() == 5);
}

TEST_CASE("mediators are grouped by the parties they mediate for", "[analysis][stats]") {
  const Stats s = compute_stats(test::build(test::caucasus_records()));
  // c1: RUS and USA mediate for ARM and AZE, FRA for ARM alone; c2: USA for ARM alone.
  // {ARM}: FRA (c1) and USA (c2), 2 dispatches; {ARM, AZE}: RUS and USA, c1 only.
  REQUIRE(s.conflicts.size() == 2);
  CHECK(ids(s.conflicts[0].parties) == std::vector<std::string>{"state/ARM"});
  CHECK(s.conflicts[0].weight == 2);
  REQUIRE(s.conflicts[0].mediators.size() == 2);
  CHECK(s.conflicts[0].mediators[0].actor.id == "state/FRA");  // ties by id
  CHECK(s.conflicts[0].mediators[1].actor.id == "state/USA");
  CHECK(s.conflicts[0].mediators[1].weight == 1);
  const Conflict& both = s.conflicts[1];
  CHECK(ids(both.parties) == std::vector<std::string>{"state/ARM", "state/AZE"});
  CHECK(both.parties[1].label == "Azerbaijan");
  CHECK(both.weight == 1);
  REQUIRE(both.mediators.size() == 2);
  CHECK(both.mediators[0].actor.id == "state/RUS");
  CHECK(both.mediators[1].actor.id == "state/USA");
}

TEST_CASE("a mediator's dispatches count apart for each conflict", "[analysis][stats]") {
  const auto nor = test::state("NOR", "Norway"), qat = test::state("QAT", "Qatar"),
             col = test::state("COL", "Colombia"), eth = test::state("ETH", "Ethiopia");
  const auto farc = test::actor("group/farc", "FARC", ActorKind::NonStateGroup);
  const auto tplf = test::actor("group/tplf", "TPLF", ActorKind::NonStateGroup);
  // n1 and n2: Norway between Colombia and the FARC; n3: Norway between Ethiopia and the
  // TPLF; n4: Qatar between the same two, and Norway again for Colombia and the FARC.
  const Stats s = compute_stats(test::build(
      {test::record("n1", "2016",
                    {test::relation("mediates", nor, col), test::relation("mediates", nor, farc)}),
       test::record("n2", "2016",
                    {test::relation("mediates", nor, farc), test::relation("mediates", nor, col)}),
       test::record("n3", "2021",
                    {test::relation("mediates", nor, eth), test::relation("mediates", nor, tplf)}),
       test::record(
           "n4", "2022",
           {test::relation("mediates", qat, tplf), test::relation("mediates", qat, eth),
            test::relation("mediates", nor, col), test::relation("mediates", nor, farc)})}));
  // Colombia and the FARC: n1, n2, n4, all Norway's. Ethiopia and the TPLF: n3 (Norway) and
  // n4 (Qatar): Norway's n4 belongs to the other conflict.
  REQUIRE(s.conflicts.size() == 2);
  CHECK(ids(s.conflicts[0].parties) == std::vector<std::string>{"state/COL", "group/farc"});
  CHECK(s.conflicts[0].weight == 3);
  REQUIRE(s.conflicts[0].mediators.size() == 1);
  CHECK(s.conflicts[0].mediators[0].weight == 3);
  CHECK(ids(s.conflicts[1].parties) == std::vector<std::string>{"state/ETH", "group/tplf"});
  CHECK(s.conflicts[1].weight == 2);
  REQUIRE(s.conflicts[1].mediators.size() == 2);
  CHECK(s.conflicts[1].mediators[0].actor.id == "state/NOR");
  CHECK(s.conflicts[1].mediators[0].weight == 1);
  CHECK(s.conflicts[1].mediators[1].actor.id == "state/QAT");
}

TEST_CASE("structural balance counts signed triads", "[analysis][stats]") {
  const Stats s = compute_stats(test::build(test::caucasus_records()));
  // Triangles of signed pairs:
  //   ARM AZE TUR: ARM-AZE -2, AZE-TUR +1, ARM-TUR -1   "-+-" balanced (TUR and AZE against ARM)
  //   ARM FRA RUS: ARM-FRA +1, FRA-RUS -1, ARM-RUS +1   "+-+" unbalanced, weight 3
  //   IRN RUS USA: all -1                              "---" unbalanced, weight 3
  // Lavrov-USA is signed but Lavrov-RUS (represents) is not: no triangle there.
  CHECK(s.balance.triads == 3);
  CHECK(s.balance.balanced == 1);
  CHECK(s.balance.share() == Approx(1.0 / 3.0));
  REQUIRE(s.balance.unbalanced.size() == 2);
  // Equal weights: two partners with a common enemy ("+-+") before "---".
  const Triad& first = s.balance.unbalanced[0];
  CHECK(first.actors[0].id == "state/ARM");
  CHECK(first.actors[1].id == "state/FRA");
  CHECK(first.actors[2].id == "state/RUS");
  CHECK(first.signs == "+-+");
  CHECK(first.weight == 3);
  CHECK(s.balance.unbalanced[1].signs == "---");
  CHECK(s.balance.unbalanced[1].actors[2].label == "United States");
  // RUS is in both unbalanced triads, TUR in none.
  CHECK(find(s, "state/RUS").unbalanced_triads == 2);
  CHECK(find(s, "state/IRN").unbalanced_triads == 1);
  CHECK(find(s, "state/TUR").unbalanced_triads == 0);
}

TEST_CASE("a pair whose support and accusations cancel has no sign", "[analysis][stats]") {
  const auto a = test::state("AAA", "Alpha"), b = test::state("BBB", "Bravo"),
             c = test::state("CCC", "Charlie");
  // A-B: +1 -1 = 0, so A B C is no triad, though B-C (+) and A-C (-) are signed.
  const auto g = test::build(
      {test::record("x", "",
                    {test::relation("supports", a, b), test::relation("accuses", b, a),
                     test::relation("supports", b, c), test::relation("accuses", a, c)})});
  const Stats s = compute_stats(g);
  CHECK(s.balance.triads == 0);
  CHECK(s.balance.share() == 1.0);
  CHECK(s.balance.unbalanced.empty());
  // The square has no triangle at all.
  CHECK(compute_stats(test::build(test::square_records())).balance.triads == 0);
}

TEST_CASE("an empty graph has empty statistics", "[analysis][stats]") {
  const Stats s = compute_stats(graph::DiplomaticGraph{});
  CHECK(s.actors.empty());
  CHECK(s.blocs.empty());
  CHECK(s.conflicts.empty());
  CHECK(s.balance.triads == 0);
}
