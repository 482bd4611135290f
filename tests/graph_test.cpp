#include "graph/graph.h"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <catch2/catch.hpp>
#include <numeric>

#include "graph_test_records.h"

using namespace diplograph;
using namespace diplograph::graph;

namespace {

DiplomaticGraph build(const std::vector<DispatchRecord>& records,
                      Evidence evidence = Evidence::kAssertionIds) {
  DiplomaticGraph g(evidence);
  for (const auto& r : records) g.add(r);
  return g;
}

const RelationProps& edge(const DiplomaticGraph& g, const std::string& s, const std::string& type,
                          const std::string& t) {
  const auto e = g.find_relation(s, type, t);
  REQUIRE(e);
  return g.relation(*e);
}

std::vector<DispatchRecord> all_records() {
  auto records = test::seed_records();
  const auto stress = test::stress_records();
  records.insert(records.end(), stress.begin(), stress.end());
  return records;
}

}  // namespace

TEST_CASE("graph aggregates relations that hold over dispatches", "[graph]") {
  const auto g = build(test::seed_records());
  CHECK(g.num_actors() == 7);
  CHECK(g.num_relations() == 12);

  const auto& supports = edge(g, "state/TUR", "supports", "state/AZE");
  CHECK(supports.weight == 2);  // two dispatches, three assertions
  CHECK(supports.evidence_count == 3);
  CHECK(supports.assertion_ids() == std::vector<std::string>{"reuters-2020-10#0",
                                                             "seed-afp-2020-10-01-moscou#0",
                                                             "seed-afp-2020-10-01-moscou#5"});
  CHECK(supports.first_date == "2020-10");  // dates compare as strings
  CHECK(supports.last_date == "2020-10-01");
  CHECK_FALSE(supports.rolled_up);  // one of its assertions is the state's own

  const auto& rolled = edge(g, "state/RUS", "mediates", "state/AZE");
  CHECK(rolled.rolled_up);
  CHECK(rolled.weight == 1);
  CHECK(rolled.first_date.empty());  // the dispatch has no date
  CHECK(edge(g, "person/sergei-lavrov", "mediates", "state/AZE").rolled_up == false);
}

TEST_CASE("negated and denied assertions never become edges", "[graph]") {
  const auto g = build(test::seed_records());
  CHECK_FALSE(g.find_relation("state/RUS", "supports", "state/ARM"));
  CHECK_FALSE(build(test::stress_records())
                  .find_relation("group/=cmd|' /C calc'!A0", "supports", "state/XQY"));
}

TEST_CASE("allied-with is stored once, from the smaller id", "[graph]") {
  const auto g = build(test::seed_records());
  const auto e = g.find_relation("state/RUS", "allied-with", "state/ARM");
  REQUIRE(e);
  CHECK(g.source(*e).id == "state/ARM");
  CHECK(g.target(*e).id == "state/RUS");
  CHECK(g.find_relation("state/ARM", "allied-with", "state/RUS") == e);
  // Directed relations keep their direction, so a parallel accuses edge stays apart.
  CHECK(g.find_relation("state/ARM", "accuses", "state/RUS"));
  CHECK_FALSE(g.find_relation("state/RUS", "accuses", "state/ARM"));
}

TEST_CASE("persons represent the body they speak for", "[graph]") {
  const auto g = build(test::seed_records());
  for (const auto& [person, body] : {std::pair{"person/recep-tayyip-erdogan", "state/TUR"},
                                     std::pair{"person/sergei-lavrov", "state/RUS"},
                                     std::pair{"person/nikol-pashinyan", "state/ARM"}}) {
    const auto& r = edge(g, person, std::string(kRepresents), body);
    CHECK_FALSE(r.rolled_up);
    CHECK(r.evidence_count == 0);
  }
  CHECK(edge(g, "person/sergei-lavrov", "represents", "state/RUS").weight == 1);
}

TEST_CASE("actors keep every name and an affiliation-only actor is a placeholder", "[graph]") {
  auto records = test::seed_records();
  records[1].actors[0].actor.label = "Republic of Armenia";
  const auto g = build(records);
  const auto& arm = g.actor(*g.find_actor("state/ARM"));
  CHECK(arm.label == "Republic of Armenia");  // the fuller name wins, whatever the order
  CHECK(arm.aliases == std::vector<std::string>{"Armenia", "Arménie", "Erevan"});
  CHECK(arm.qid == "Q399");

  const auto stress = build(test::stress_records());
  const auto& ghost = stress.actor(*stress.find_actor("org/ghost <\"x\">"));
  CHECK_FALSE(ghost.described);
  CHECK(ghost.kind == ActorKind::InternationalOrganization);
  CHECK(display_label(ghost) == "org/ghost <\"x\">");
  const auto& un = stress.actor(*stress.find_actor("org/UN"));
  CHECK(un.described);  // first seen as an affiliation, then described
  CHECK(un.label == "United Nations");
}

TEST_CASE("the stress set builds the expected graph", "[graph]") {
  const auto g = build(test::stress_records());
  CHECK(g.num_actors() == 15);
  CHECK(g.num_relations() == 9);
  CHECK(g.find_actor("group/ctl\x01\x02\x7f") != g.find_actor("group/ctl"));
  CHECK(edge(g, "region/..", "supports", "state/%41").weight == 2);
  CHECK(edge(g, "org/UN", "mediates", "group/=cmd|' /C calc'!A0").rolled_up);
}

TEST_CASE("merging partial graphs equals building from the union", "[graph][merge]") {
  const auto records = all_records();
  const auto whole = build(records);
  // Split the input three ways and recombine in every order and grouping.
  const std::vector<DispatchRecord> a(records.begin(), records.begin() + 2);
  const std::vector<DispatchRecord> b(records.begin() + 2, records.begin() + 4);
  const std::vector<DispatchRecord> c(records.begin() + 4, records.end());
  const std::vector<DiplomaticGraph> parts = {build(a), build(b), build(c)};
  std::vector<int> order = {0, 1, 2};
  do {
    DiplomaticGraph left = parts[order[0]];  // (x + y) + z
    left.merge(parts[order[1]]);
    left.merge(parts[order[2]]);
    DiplomaticGraph yz = parts[order[1]];  // x + (y + z)
    yz.merge(parts[order[2]]);
    DiplomaticGraph right = parts[order[0]];
    right.merge(yz);
    CHECK(left == whole);
    CHECK(right == whole);
  } while (std::next_permutation(order.begin(), order.end()));

  DiplomaticGraph twice = whole;  // merging is idempotent
  twice.merge(whole);
  CHECK(twice == whole);
}

TEST_CASE("a graph that keeps only counts agrees with one that keeps assertion ids",
          "[graph][evidence]") {
  const auto records = all_records();
  const auto with_ids = build(records);
  const auto counted = build(records, Evidence::kCounts);
  REQUIRE(counted.num_actors() == with_ids.num_actors());
  REQUIRE(counted.num_relations() == with_ids.num_relations());
  const auto edges = with_ids.sorted_edges();
  const auto counted_edges = counted.sorted_edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& full = with_ids.relation(edges[i]);
    const auto& lean = counted.relation(counted_edges[i]);
    CAPTURE(with_ids.source(edges[i]).id, full.type, with_ids.target(edges[i]).id);
    CHECK(counted.source(counted_edges[i]).id == with_ids.source(edges[i]).id);
    CHECK(lean.type == full.type);
    CHECK(lean.weight == full.weight);
    CHECK(lean.evidence_count == full.evidence_count);
    CHECK(lean.first_date == full.first_date);
    CHECK(lean.last_date == full.last_date);
    CHECK(lean.rolled_up == full.rolled_up);
    CHECK(lean.evidence.empty());
  }
  // The three-assertion edge of the first test, from two dispatches.
  const auto& supports = edge(counted, "state/TUR", "supports", "state/AZE");
  CHECK(supports.weight == 2);
  CHECK(supports.evidence_count == 3);

  // Partial graphs over different dispatches add up, in either order.
  const std::vector<DispatchRecord> a(records.begin(), records.begin() + 3);
  const std::vector<DispatchRecord> b(records.begin() + 3, records.end());
  DiplomaticGraph ab = build(a, Evidence::kCounts);
  ab.merge(build(b, Evidence::kCounts));
  DiplomaticGraph ba = build(b, Evidence::kCounts);
  ba.merge(build(a, Evidence::kCounts));
  CHECK(ab == counted);
  CHECK(ba == counted);
}

TEST_CASE("the graph does not depend on the order of dispatches", "[graph]") {
  auto records = all_records();
  const auto forward = build(records);
  std::reverse(records.begin(), records.end());
  CHECK(build(records) == forward);
}

TEST_CASE("sorted views order actors by id and edges by (source, type, target)", "[graph]") {
  const auto g = build(all_records());
  std::vector<std::string> ids;
  for (const auto v : g.sorted_vertices()) ids.push_back(g.actor(v).id);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(ids.size() == g.num_actors());
  std::vector<std::tuple<std::string, std::string, std::string>> keys;
  for (const auto e : g.sorted_edges())
    keys.emplace_back(g.source(e).id, g.relation(e).type, g.target(e).id);
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  CHECK(keys.size() == g.num_relations());
}

TEST_CASE("Boost.Graph algorithms run on the graph as it is", "[graph][bgl]") {
  const auto dg = build(test::seed_records());
  const Graph& g = dg.boost_graph();
  std::vector<double> distance(boost::num_vertices(g));
  const Vertex from = *dg.find_actor("person/recep-tayyip-erdogan");
  boost::dijkstra_shortest_paths(g, from,
                                 boost::weight_map(boost::get(&RelationProps::weight, g))
                                     .distance_map(boost::make_iterator_property_map(
                                         distance.begin(), boost::get(boost::vertex_index, g))));
  // Erdogan -represents-> TUR -supports-> AZE (weight 2), or Erdogan -supports-> AZE (weight 1).
  CHECK(distance[*dg.find_actor("state/AZE")] == 1.0);
  CHECK(distance[*dg.find_actor("state/TUR")] == 1.0);
}

// A hub's edges are found by (source, target, type) through an index kept beside the graph:
// it must hold for every edge, for edges of other types between the same actors, and in a copy
// that grows apart from its original.
TEST_CASE("a hub's many edges are each found, in the graph and in a copy", "[graph]") {
  const auto hub = test::state("USA", "United States");
  std::vector<DispatchRecord> records;
  for (int i = 0; i < 300; ++i) {
    const auto other = test::state("X" + std::to_string(i), "State " + std::to_string(i));
    std::vector<Assertion> relations = {test::relation("supports", hub, other, "e")};
    if (i % 3 == 0) relations.push_back(test::relation("accuses", hub, other, "e"));
    if (i % 5 == 0) relations.push_back(test::relation("supports", other, hub, "e"));
    records.push_back(test::dispatch("d" + std::to_string(i), "2024-01-01", "en", {hub, other},
                                     std::move(relations)));
  }
  const DiplomaticGraph g = build(records, Evidence::kCounts);
  DiplomaticGraph copy = g;
  const auto again = test::state("X7", "State 7");
  copy.add(test::dispatch("e7", "2024-02-01", "en", {hub, again},
                          {test::relation("supports", hub, again, "e"),
                           test::relation("mediates", hub, again, "e")}));
  for (int i = 0; i < 300; ++i) {
    const std::string id = "state/X" + std::to_string(i);
    INFO(id);
    CHECK(edge(g, "state/USA", "supports", id).weight == 1);
    CHECK(edge(copy, "state/USA", "supports", id).weight == (i == 7 ? 2u : 1u));
    CHECK(g.find_relation("state/USA", "accuses", id).has_value() == (i % 3 == 0));
    CHECK(g.find_relation(id, "supports", "state/USA").has_value() == (i % 5 == 0));
    CHECK_FALSE(g.find_relation(id, "accuses", "state/USA"));
    CHECK(copy.find_relation("state/USA", "mediates", id).has_value() == (i == 7));
  }
  CHECK_FALSE(g.find_relation("state/USA", "mediates", "state/X7"));
  CHECK(g.num_relations() == 300 + 100 + 60);
  CHECK(copy.num_relations() == g.num_relations() + 1);
}

TEST_CASE("the edge index finds every key it was given and no other", "[graph][index]") {
  EdgeIndex index;
  // Keys that differ in one part only, many enough to grow the table several times.
  std::size_t place = 0;
  for (std::size_t source = 0; source < 40; ++source)
    for (std::size_t target = 0; target < 40; ++target)
      for (std::uint32_t type = 0; type < 3; ++type) index.insert({source, target, type}, place++);
  CHECK(index.size() == 40 * 40 * 3);
  place = 0;
  bool all_found = true;
  for (std::size_t source = 0; source < 40; ++source)
    for (std::size_t target = 0; target < 40; ++target)
      for (std::uint32_t type = 0; type < 3; ++type)
        all_found = all_found && index.find({source, target, type}) == place++;
  CHECK(all_found);
  CHECK_FALSE(index.find({0, 0, 3}));
  CHECK_FALSE(index.find({40, 0, 0}));
  CHECK_FALSE(index.find({0, 40, 0}));
  CHECK_FALSE(index.find({std::size_t{1} << 33, 0, 0}));  // past what a slot holds
  CHECK_THROWS_AS(index.insert({std::size_t{1} << 33, 0, 0}, 0), std::length_error);
}
