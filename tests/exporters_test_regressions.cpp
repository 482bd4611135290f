// Regressions found by issue 8's hostile-input tests (tests/cli/hostile_injection.sh) and the
// writers' fuzz target (fuzz/fuzz_writers.cpp). docs/RELIABILITY.md lists them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "exporters/exporters.h"
#include "exporters/iri.h"
#include "exporters_test_support.h"

using namespace diplograph;
using diplograph::test::TempDir;
namespace fs = std::filesystem;

namespace {

// An XML NCName in ASCII: a letter or '_' first, then letters, digits, '_', '-', '.'.
bool is_ncname(const std::string& s) {
  if (s.empty()) return false;
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (!letter(s[0]) && s[0] != '_') return false;
  for (const char c : s)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') return false;
  return true;
}

std::string local_name(const std::string& iri) {
  return iri.substr(exporters::iri::kOntology.size());
}

}  // namespace

// A relation type with a quote, a space or a leading digit (from an outside assertion part, or a
// lexicon) gave dg:%22x, which RDF/XML cannot write as a qualified name: raptor failed the
// whole export ("Cannot split URI ... into an XML qname") and `build` exited 3.
TEST_CASE("regression: every relation property has an NCName local name", "[iri][regression]") {
  using exporters::iri::relation;
  for (const std::string type : {"supports", "allied-with", "x y", "\"]; evil -> x [label=\"",
                                 "1st", "9", "", "-", "a_b", "é", "<&>", "%41"}) {
    INFO(type);
    CHECK(is_ncname(local_name(relation(type))));
  }
  CHECK(relation("allied-with") == "https://w3id.org/diplograph/ontology#alliedWith");
  CHECK(relation("x y") == "https://w3id.org/diplograph/ontology#x_20y");
  CHECK(relation("1st") == "https://w3id.org/diplograph/ontology#_31st");
  CHECK(relation("") == "https://w3id.org/diplograph/ontology#_");
  // Distinct types stay distinct: '_' is itself escaped.
  CHECK(relation("a_b") != relation("a b"));
  CHECK(relation("_") != relation(""));
}

TEST_CASE("regression: RDF/XML export of an odd relation type succeeds", "[iri][regression]") {
  const TempDir tmp("regression-rdfxml");
  const fs::path& dir = tmp.path();
  DispatchRecord r;
  r.id = "d";
  Assertion a;
  a.type = "\"]; evil -> x [label=\"";
  a.source.id = "state/TUR";
  a.target.id = "state/AZE";
  a.confidence = 0.5;
  r.relations.push_back(a);
  graph::DiplomaticGraph g;
  g.add(r);
  const auto status = exporters::export_all({exporters::Format::RdfXml}, dir, {r}, g);
  INFO(status.message());
  CHECK(status.ok());
  CHECK(fs::exists(dir / "graph.rdf"));
}

// A QID of 200,000 digits (from an assertion part given to merge) overflowed the stack in
// std::regex_match, which recurses once per character: `merge --format ttl` died of SIGSEGV.
TEST_CASE("regression: a very long QID is checked without recursion", "[rdf][regression]") {
  const TempDir tmp("regression-qid");
  const fs::path& dir = tmp.path();
  DispatchRecord r;
  r.id = "d";
  ActorMentions am;
  am.actor.id = "state/TUR";
  am.actor.label = "Turkey";
  am.actor.qid = "Q1" + std::string(200000, '0');
  r.actors.push_back(am);
  ActorMentions bad = am;
  bad.actor.id = "state/AZE";
  bad.actor.qid = "Q0" + std::string(200000, '1');  // a leading zero: no owl:sameAs
  r.actors.push_back(bad);
  graph::DiplomaticGraph g;
  g.add(r);
  const auto status = exporters::export_all({exporters::Format::NTriples}, dir, {r}, g);
  INFO(status.message());
  REQUIRE(status.ok());
  const std::string nt = test::read_file(dir / "graph.nt");
  CHECK(nt.find("<http://www.wikidata.org/entity/Q1000") != std::string::npos);
  CHECK(nt.find("<http://www.wikidata.org/entity/Q0") == std::string::npos);
}

// raptor's Turtle writer put a lone CR raw into a short "..." literal, which Turtle forbids: a
// title of "\r=cr" (from a JSON Lines dispatch or an assertion part) made graph.ttl unreadable.
// Literals now end lines with LF in every RDF syntax.
TEST_CASE("regression: a carriage return in a literal keeps Turtle valid", "[rdf][regression]") {
  const TempDir tmp("regression-cr");
  const fs::path& dir = tmp.path();
  DispatchRecord r;
  r.id = "d\r1";
  r.title = "\r=cr";
  r.agency = "a\r\nb\rc";
  graph::DiplomaticGraph g;
  g.add(r);
  const auto status = exporters::export_all(
      {exporters::Format::Turtle, exporters::Format::NTriples}, dir, {r}, g);
  REQUIRE(status.ok());
  const std::string ttl = test::read_file(dir / "graph.ttl");
  CHECK(ttl.find('\r') == std::string::npos);
  const std::string nt = test::read_file(dir / "graph.nt");
  CHECK(nt.find(R"("a\nb\nc")") != std::string::npos);
  if (!test::have_tool("rapper")) return;
  const auto parsed = test::run("rapper -q -c -i turtle " + test::shell_quoted(dir / "graph.ttl"));
  INFO(parsed.output);
  CHECK(parsed.status == 0);
}
