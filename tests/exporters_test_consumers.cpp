// Every export read back by an independent reader (DESIGN.md section 10): rapper and serdi for
// RDF, xmllint for GraphML and GEXF, NetworkX for GraphML, GEXF, JSON and CSV, Graphviz for DOT,
// roqet for SPARQL over the Turtle, and a SHACL engine for the shapes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <regex>
#include <set>

#include "exporters_test_support.h"

using namespace diplograph;
using diplograph::test::run;
using diplograph::test::shell_quoted;
using diplograph::test::TempDir;

namespace {

struct RecordSet {
  const char* name;
  std::vector<DispatchRecord> records;
  std::size_t nodes;
  std::size_t edges;
};

// Whether two edges of different types join the same ordered pair of actors.
bool has_parallel_edges(const std::vector<DispatchRecord>& records) {
  const auto g = test::build_graph(records);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto e : g.sorted_edges())
    if (!pairs.emplace(g.source(e).id, g.target(e).id).second) return true;
  return false;
}

// The hand-made sets with the graph sizes worked out by hand, and the samples with theirs read
// from the graph (the graph tests check aggregation; here the readers must agree with it).
std::vector<RecordSet> record_sets() {
  std::vector<RecordSet> sets = {{"seed", test::seed_records(), 7, 12},
                                 {"stress", test::stress_records(), 15, 9}};
  if (const auto& samples = test::sample_records(); !samples.empty()) {
    const auto g = test::build_graph(samples);
    sets.push_back({"samples", samples, g.num_actors(), g.num_relations()});
  }
  return sets;
}

void require_tool(const std::string& tool, const std::string& package) {
  INFO(tool << " is missing: apt-get install " << package);
  REQUIRE(test::have_tool(tool));
}

std::size_t rapper_count(const std::string& syntax, const std::filesystem::path& file) {
  const auto r = run("rapper -i " + syntax + " -c " + shell_quoted(file));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("Warning") == std::string::npos);
  CHECK(r.output.find("Error") == std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.output, m, std::regex("returned ([0-9]+) (triples|statements)")));
  return std::stoul(m[1]);
}

std::size_t serdi_count(const std::string& syntax, const std::filesystem::path& file) {
  const std::string out_syntax = syntax == "nquads" ? "nquads" : "ntriples";
  const auto r = run("serdi -i " + syntax + " -o " + out_syntax + " " + shell_quoted(file));
  INFO(r.output.substr(0, 2000));
  CHECK(r.status == 0);
  return static_cast<std::size_t>(std::count(r.output.begin(), r.output.end(), '\n'));
}

std::string sparql(const std::filesystem::path& dir, const std::string& data_file,
                   const std::string& query) {
  const auto query_file = dir / "query.rq";
  std::ofstream(query_file) << query;
  const auto r = run("roqet -q -i sparql -r csv -D " + shell_quoted(dir / data_file) + " " +
                     shell_quoted(query_file));
  INFO(r.output);
  CHECK(r.status == 0);
  std::string out = r.output;  // CSV results end lines with CRLF
  std::erase(out, '\r');
  return out;
}

constexpr const char* kPrefixes =
    "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX dgs: <https://w3id.org/diplograph/id/state/>\n";

}  // namespace

TEST_CASE("rapper and serdi read every RDF export with the expected statement count",
          "[exporters][consumers][rdf]") {
  require_tool("rapper", "raptor2-utils");
  require_tool("serdi", "serdi");
  for (const auto& set : record_sets()) {
    INFO("record set " << set.name);
    const TempDir dir(std::string("rdf-") + set.name);
    test::write_exports(set.records, dir.path());
    const std::size_t expected = test::count_statements(set.records);
    CHECK(rapper_count("turtle", dir / "graph.ttl") == expected);
    CHECK(rapper_count("ntriples", dir / "graph.nt") == expected);
    CHECK(rapper_count("nquads", dir / "graph.nq") == expected);
    CHECK(rapper_count("rdfxml", dir / "graph.rdf") == expected);
    CHECK(serdi_count("turtle", dir / "graph.ttl") == expected);
    CHECK(serdi_count("ntriples", dir / "graph.nt") == expected);
    CHECK(serdi_count("nquads", dir / "graph.nq") == expected);
  }
}

// Turtle's short forms (prefixed names, ';' lists, bare integers and decimals) must stand for
// exactly the statements N-Triples spells out: serdi writes both as N-Triples and they must agree
// line for line once sorted, literal datatypes included.
TEST_CASE("Turtle holds the same statements as N-Triples", "[exporters][consumers][rdf]") {
  require_tool("serdi", "serdi");
  for (const auto& set : record_sets()) {
    INFO("record set " << set.name);
    const TempDir dir(std::string("ttl-nt-") + set.name);
    test::write_exports(set.records, dir.path());
    const auto as_sorted_ntriples = [&](const char* syntax, const char* file) {
      const auto r = run("serdi -i " + std::string(syntax) + " -o ntriples " +
                         shell_quoted(dir / file) + " | LC_ALL=C sort");
      REQUIRE(r.status == 0);
      return r.output;
    };
    const std::string from_turtle = as_sorted_ntriples("turtle", "graph.ttl");
    CHECK(from_turtle.find("^^<http://www.w3.org/2001/XMLSchema#decimal>") != std::string::npos);
    CHECK(from_turtle.find("^^<http://www.w3.org/2001/XMLSchema#integer>") != std::string::npos);
    CHECK(from_turtle == as_sorted_ntriples("ntriples", "graph.nt"));
  }
}

TEST_CASE("the ontology and the shapes parse with rapper and serdi",
          "[exporters][consumers][ontology]") {
  require_tool("rapper", "raptor2-utils");
  require_tool("serdi", "serdi");
  for (const char* file : {"diplomacy.ttl", "shapes.ttl"}) {
    const std::filesystem::path path = std::string(DG_ONTOLOGY_DIR) + "/" + file;
    CHECK(rapper_count("turtle", path) > 100);
    CHECK(serdi_count("turtle", path) > 100);
  }
}

TEST_CASE("every ontology term has English and French labels and definitions",
          "[exporters][consumers][ontology]") {
  require_tool("roqet", "rasqal-utils");
  const TempDir dir("ontology");
  std::filesystem::copy_file(std::string(DG_ONTOLOGY_DIR) + "/diplomacy.ttl",
                             dir / "diplomacy.ttl");
  const std::string terms = std::string(kPrefixes) + R"(
SELECT DISTINCT ?term WHERE {
  ?term a ?type .
  FILTER(?type = owl:Class || ?type = owl:ObjectProperty || ?type = owl:DatatypeProperty ||
         ?type = owl:AnnotationProperty || ?type = owl:NamedIndividual)
  FILTER(STRSTARTS(STR(?term), "https://w3id.org/diplograph/ontology#"))
)";
  const std::string all = sparql(dir.path(), "diplomacy.ttl", terms + "}");
  CHECK(std::count(all.begin(), all.end(), '\n') > 40);
  const auto lacking = [&](const std::string& lang) {
    const std::string rows = sparql(dir.path(), "diplomacy.ttl",
                                    terms + R"(
  OPTIONAL { ?term rdfs:label ?label . FILTER(LANG(?label) = ")" +
                                        lang + R"(") }
  OPTIONAL { ?term skos:definition ?definition . FILTER(LANG(?definition) = ")" +
                                        lang + R"(") }
  FILTER(!BOUND(?label) || !BOUND(?definition))
})");
    return std::count(rows.begin(), rows.end(), '\n') - 1;  // less the header line
  };
  CHECK(lacking("en") == 0);
  CHECK(lacking("fr") == 0);
  CHECK(lacking("de") > 40);  // the query does find what lacks
  const std::string symmetric = sparql(dir.path(), "diplomacy.ttl", std::string(kPrefixes) + R"(
SELECT ?p WHERE { ?p a owl:SymmetricProperty })");
  CHECK(symmetric.find("alliedWith") != std::string::npos);
}

TEST_CASE("xmllint finds GraphML and GEXF well-formed", "[exporters][consumers][xml]") {
  require_tool("xmllint", "libxml2-utils");
  for (const auto& set : record_sets()) {
    const TempDir dir(std::string("xml-") + set.name);
    test::write_exports(set.records, dir.path());
    for (const char* file : {"graph.graphml", "graph.gexf", "graph.rdf"}) {
      const auto r = run("xmllint --noout " + shell_quoted(dir / file));
      INFO(set.name << " " << file << ": " << r.output);
      CHECK(r.status == 0);
      CHECK(r.output.empty());
    }
  }
}

TEST_CASE("NetworkX reads GraphML and GEXF alike, and JSON and CSV agree",
          "[exporters][consumers][networkx]") {
  REQUIRE(run("/usr/bin/python3 -c 'import networkx'").status == 0);
  for (const auto& set : record_sets()) {
    const TempDir dir(std::string("networkx-") + set.name);
    test::write_exports(set.records, dir.path());
    const bool parallel = has_parallel_edges(set.records);
    CHECK((parallel || std::string(set.name) != "seed"));  // ARM->RUS allied-with and accuses
    const auto r =
        run("/usr/bin/python3 " + shell_quoted(test::consumers_dir() + "/check_networkx.py") + " " +
            shell_quoted(dir.path()) + " " + std::to_string(set.nodes) + " " +
            std::to_string(set.edges) + (parallel ? " --parallel" : ""));
    INFO(set.name << ": " << r.output);
    CHECK(r.status == 0);
  }
}

TEST_CASE("Graphviz reads the DOT export", "[exporters][consumers][dot]") {
  if (!test::have_tool("dot")) {
    WARN("SKIPPED: dot (graphviz) is not installed; the DOT export went unread");
    return;
  }
  for (const auto& set : record_sets()) {
    const TempDir dir(std::string("dot-") + set.name);
    test::write_exports(set.records, dir.path());
    const auto r = run("dot -Tcanon -o /dev/null " + shell_quoted(dir / "graph.dot"));
    INFO(set.name << ": " << r.output);
    CHECK(r.status == 0);
    CHECK(r.output.empty());
  }
}

TEST_CASE("SPARQL over the Turtle finds who supports whom and the evidence of an edge",
          "[exporters][consumers][sparql]") {
  require_tool("roqet", "rasqal-utils");
  const TempDir dir("sparql");
  test::write_exports(test::seed_records(), dir.path());
  const std::string supports = sparql(dir.path(), "graph.ttl", std::string(kPrefixes) + R"(
SELECT ?source ?target WHERE {
  ?s dg:supports ?t . ?s rdfs:label ?source . ?t rdfs:label ?target .
} ORDER BY ?source ?target)");
  CHECK(supports == "source,target\nRecep Tayyip Erdogan,Azerbaijan\nTurkey,Azerbaijan\n");

  const std::string evidence = sparql(dir.path(), "graph.ttl", std::string(kPrefixes) + R"(
SELECT ?evidence WHERE {
  ?e dg:relationType dg:supports ; dg:hasSource ?s ; dg:hasTarget ?t ; dg:evidence ?evidence ;
     prov:wasDerivedFrom ?d .
  ?s dg:code "TUR" . ?t dg:code "AZE" . ?d dcterms:date ?date .
  OPTIONAL { ?e dg:rolledUpFrom ?person }
  FILTER(!BOUND(?person))
} ORDER BY ?date)");
  CHECK(evidence.find("soutenue par Ankara") != std::string::npos);
  CHECK(evidence.find("Turkey backs Azerbaijan.") != std::string::npos);
}

TEST_CASE("SPARQL over the Turtle of the samples finds the seed's supports and its evidence",
          "[exporters][consumers][sparql]") {
  require_tool("roqet", "rasqal-utils");
  const auto& samples = test::sample_records();
  if (samples.empty()) return;  // sample_records() has warned
  const TempDir dir("sparql-samples");
  test::write_exports(samples, dir.path());
  const std::string supports = sparql(dir.path(), "graph.ttl", std::string(kPrefixes) + R"(
SELECT DISTINCT ?source ?target WHERE {
  ?s dg:supports ?t . ?s rdfs:label ?source . ?t rdfs:label ?target .
} ORDER BY ?source ?target)");
  INFO(supports);
  CHECK(supports.find("\nTurkey,Azerbaijan\n") != std::string::npos);
  CHECK(std::count(supports.begin(), supports.end(), '\n') > 10);

  // The evidence of the TUR -> AZE edge in the seed dispatch: its sentences name Turkey.
  const std::string evidence = sparql(dir.path(), "graph.ttl", std::string(kPrefixes) + R"(
SELECT ?evidence WHERE {
  dgs:TUR dg:supports dgs:AZE .
  ?e dg:relationType dg:supports ; dg:hasSource dgs:TUR ; dg:hasTarget dgs:AZE ;
     dg:evidence ?evidence ; prov:wasDerivedFrom ?d .
  ?d dcterms:identifier ?id . FILTER(STRENDS(?id, "seed/000_de60a2d10fb60d0c.txt"))
})");
  std::istringstream rows(evidence);
  std::string row;
  std::getline(rows, row);
  CHECK(row == "evidence");
  std::size_t n = 0;
  for (; std::getline(rows, row); ++n) {
    INFO(row);
    CHECK((row.find("Turquie") != std::string::npos || row.find("Ankara") != std::string::npos));
  }
  CHECK(n > 0);
}

// Hidden from the default run: ctest runs it on its own (exporters_shacl), so that it can report a
// skip, with exit code 77, when the SHACL engine cannot be installed.
TEST_CASE("the RDF exports satisfy the SHACL shapes", "[.shacl]") {
  const auto validate = [](const std::filesystem::path& data) {
    const auto r =
        run("bash " + shell_quoted(test::consumers_dir() + "/shacl/check.sh") + " " +
            shell_quoted(std::string(DG_ONTOLOGY_DIR) + "/shapes.ttl") + " " + shell_quoted(data) +
            " " + shell_quoted(std::string(DG_ONTOLOGY_DIR) + "/diplomacy.ttl"));
    if (r.status == 77) {
      std::fputs(r.output.c_str(), stderr);
      std::exit(77);
    }
    return r;
  };
  for (const auto& set : record_sets()) {
    const TempDir dir(std::string("shacl-") + set.name);
    test::write_exports(set.records, dir.path());
    const auto r = validate(dir / "graph.ttl");
    INFO(set.name << ": " << r.output);
    CHECK(r.status == 0);
    if (std::string(set.name) != "seed") continue;
    // The shapes do bite: a second kind, a bad state code and an out-of-range confidence fail.
    std::ofstream(dir / "graph.ttl", std::ios::app) << "dgs:TUR a dg:Person ; dg:code \"tr\" .\n"
                                                       "dge:ap-undated_0 dg:confidence 1.5 .\n";
    const auto broken = validate(dir / "graph.ttl");
    INFO(broken.output);
    CHECK(broken.status == 1);
    CHECK(broken.output.find("exactly one kind") != std::string::npos);
    CHECK(broken.output.find("ISO 3166-1 alpha-3") != std::string::npos);
    CHECK(broken.output.find("MaxInclusiveConstraintComponent") != std::string::npos);
  }
}
