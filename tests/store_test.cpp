// The store module on the embedded sqlite store: loading (idempotent, every input form alike,
// killed and re-run), the sample queries against roqet on the Turtle file, the SPARQL subset
// check, result formats and explain.
#include <signal.h>

#include <catch2/catch.hpp>
#include <random>
#include <thread>

#include "store/location.h"
#include "store_test_support.h"

using namespace diplograph::store;
using namespace store_test;

namespace {

std::unique_ptr<Store> sqlite_store(const fs::path& file) {
  return Store::open("sqlite:" + file.string());
}

void load(Store& store, const fs::path& file) {
  Loader loader(store);
  loader.load_file(file);
  loader.finish();
}

// roqet writes non-ASCII characters as \u escapes; the stores keep UTF-8.
std::string unescape(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool u4 = line.compare(i, 2, "\\u") == 0 && i + 6 <= line.size();
    const bool u8 = line.compare(i, 2, "\\U") == 0 && i + 10 <= line.size();
    if (!u4 && !u8) {
      out += line[i];
      continue;
    }
    const unsigned long cp = std::stoul(line.substr(i + 2, u4 ? 4 : 8), nullptr, 16);
    i += u4 ? 5 : 9;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::vector<std::string> roqet_answer(const fs::path& rq, const fs::path& data) {
  const auto out = temp_dir("roqet") / "out.tsv";
  // roqet exits 2 when the query only drew warnings (an unused variable).
  const int status = run({"roqet", "-q", "-i", "sparql11-query", "-r", "tsv", "-D",
                          data.string(), rq.string()},
                         out);
  REQUIRE((status == 0 || status == 2));
  std::vector<std::string> lines;
  std::istringstream in(read_file(out));
  for (std::string line; std::getline(in, line);) lines.push_back(unescape(line));
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("the samples were built for the store tests", "[store]") {
  REQUIRE(fs::exists(samples() / "graph.nq"));
  REQUIRE(fs::exists(samples() / "graph.ttl"));
  REQUIRE(fs::exists(samples() / "assertions.jsonl"));
  REQUIRE(sample_queries().size() >= 6);
}

TEST_CASE("loading the samples twice leaves the store unchanged", "[store]") {
  const auto dir = temp_dir("twice");
  auto store = sqlite_store(dir / "s.sqlite");
  load(*store, samples() / "graph.nq");
  const auto once = store->size();
  REQUIRE(once > 1000);
  load(*store, samples() / "graph.nq");
  CHECK(store->size() == once);
  load(*store, samples() / "assertions.jsonl");
  CHECK(store->size() == once);
}

TEST_CASE("N-Quads, Turtle, N-Triples and assertions load into the same graphs", "[store]") {
  const auto dir = temp_dir("forms");
  auto nq = sqlite_store(dir / "nq.sqlite");
  load(*nq, samples() / "graph.nq");
  for (const char* file : {"graph.ttl", "graph.nt", "assertions.jsonl"}) {
    INFO(file);
    auto other = sqlite_store(dir / (std::string(file) + ".sqlite"));
    load(*other, samples() / file);
    CHECK(other->size() == nq->size());
    for (const auto& rq : sample_queries()) {
      INFO(rq.filename().string());
      CHECK(answer(*other, rq) == answer(*nq, rq));
    }
  }
}

TEST_CASE("every sample query answers on sqlite as roqet does on the Turtle file", "[store]") {
  const auto dir = temp_dir("roqet");
  auto store = sqlite_store(dir / "s.sqlite");
  load(*store, samples() / "graph.nq");
  for (const auto& rq : sample_queries()) {
    INFO(rq.filename().string());
    const auto ours = answer(*store, rq);
    CHECK(ours.size() > 1);  // a header and at least one row: the query means something
    CHECK(ours == roqet_answer(rq, samples() / "graph.ttl"));
  }
}

TEST_CASE("a load killed at a random point and re-run gives the store of one clean load",
          "[store]") {
  const auto dir = temp_dir("kill");
  auto clean = sqlite_store(dir / "clean.sqlite");
  load(*clean, samples() / "graph.nt");
  std::mt19937 random(std::random_device{}());
  for (int round = 0; round < 3; ++round) {
    const auto file = dir / ("killed" + std::to_string(round) + ".sqlite");
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      // Many small transactions, so that the kill lands inside one.
      for (int i = 0; i < 50; ++i) {
        auto store = sqlite_store(file);
        load(*store, samples() / (i % 2 ? "graph.nq" : "assertions.jsonl"));
      }
      _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + random() % 700));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    auto store = sqlite_store(file);
    store->query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1");  // queryable after the kill
    load(*store, samples() / "graph.nt");
    CHECK(store->size() == clean->size());
    for (const auto& rq : sample_queries()) {
      INFO(rq.filename().string());
      CHECK(answer(*store, rq) == answer(*clean, rq));
    }
  }
}

TEST_CASE("what Rasqal cannot run is refused with the workaround", "[store]") {
  CHECK(unsupported_sparql("SELECT * WHERE { ?a <http://x/p>+ ?b }").find("UNION") !=
        std::string::npos);
  CHECK_FALSE(unsupported_sparql("SELECT * WHERE { ?a dg:p/dg:q ?b }").empty());
  CHECK_FALSE(unsupported_sparql("SELECT * WHERE { ?a ^dg:p ?b }").empty());
  CHECK_FALSE(unsupported_sparql("SELECT * WHERE { ?a dg:p|dg:q ?b }").empty());
  CHECK(unsupported_sparql("SELECT * { ?a ?p ?b FILTER NOT EXISTS { ?b ?p ?c } }")
            .find("OPTIONAL") != std::string::npos);
  CHECK(unsupported_sparql("SELECT * { ?a ?p ?b MINUS { ?b ?p ?c } }").find("!BOUND") !=
        std::string::npos);
  CHECK_FALSE(unsupported_sparql("SELECT (COUNT(*) AS ?n) { ?a ?p ?b }").empty());
  // In strings, IRIs and comments the same characters are data.
  CHECK(unsupported_sparql("# a/b MINUS\nSELECT * { ?a <http://x/a+b?c> \"p/q NOT EXISTS\" "
                           "FILTER(?a < ?b || !BOUND(?c)) } ORDER BY ?a")
            .empty());
  CHECK(unsupported_sparql("SELECT (?a * 2 AS ?x) { ?a ?p \"1\"^^xsd:integer }").empty());
  for (const auto& rq : sample_queries()) CHECK(unsupported_sparql(read_file(rq)).empty());
}

TEST_CASE("results are written in the SPARQL formats", "[store]") {
  QueryResult r;
  r.variables = {"a", "b"};
  r.rows.push_back({Term{Term::Kind::Iri, "https://w3id.org/diplograph/id/state/TUR", {}, {}},
                    Term{Term::Kind::Literal, "say \"hi\", \u00e9", {}, "fr"}});
  r.rows.push_back({std::nullopt, Term{Term::Kind::Literal, "3", std::string(
                                           "http://www.w3.org/2001/XMLSchema#integer"), {}}});
  CHECK(format_results(r, ResultFormat::Tsv) ==
        "?a\t?b\n<https://w3id.org/diplograph/id/state/TUR>\t\"say \\\"hi\\\", \u00e9\"@fr\n\t3\n");
  CHECK(format_results(r, ResultFormat::Csv) ==
        "a,b\r\nhttps://w3id.org/diplograph/id/state/TUR,\"say \"\"hi\"\", \u00e9\"\r\n,3\r\n");
  const auto json = format_results(r, ResultFormat::Json);
  CHECK(json.find("\"xml:lang\": \"fr\"") != std::string::npos);
  CHECK(json.find("\"vars\": [\"a\", \"b\"]") != std::string::npos);
  CHECK(format_results(r, ResultFormat::Table).find("dgs:TUR") != std::string::npos);
}

TEST_CASE("store URIs: forms, defaults, and no password in them", "[store]") {
  const auto pg = parse_location("postgresql://me@db.example:6543/graphs");
  CHECK(pg.user == "me");
  CHECK(pg.port == "6543");
  CHECK(pg.database == "graphs");
  CHECK(parse_location("virtuoso://127.0.0.1:1111").user == "dba");
  CHECK(parse_location("sqlite:out/x.sqlite").path == "out/x.sqlite");
  CHECK_THROWS_AS(parse_location("postgresql://me:secret@h/db"), Error);
  CHECK_THROWS_AS(parse_location("mysql://h/db"), Error);
  try {
    parse_location("postgresql://me:secret@h/db");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("DIPLOGRAPH_STORE_PASSWORD") != std::string::npos);
    CHECK(std::string(e.what()).find("secret") == std::string::npos);  // not echoed
  }
  CHECK(redact("failed for s3cret at s3cret", std::string("s3cret")) == "failed for *** at ***");
}

TEST_CASE("explain gives the same edges from a store and from an OUTDIR", "[store]") {
  const auto dir = temp_dir("explain");
  auto store = sqlite_store(dir / "s.sqlite");
  load(*store, samples() / "graph.nq");
  for (const ExplainRequest& request :
       {ExplainRequest{"TUR", "supports", "AZE"}, ExplainRequest{"state/RUS", "", ""},
        ExplainRequest{"Ukraine", "", ""}}) {
    INFO(request.actor);
    const auto from_store = format_explanation(explain(*store, request));
    CHECK(from_store == format_explanation(explain(samples(), request)));
    CHECK(from_store.find("weight") != std::string::npos);
  }
  CHECK_THROWS_AS(explain(*store, ExplainRequest{"Atlantis", "", ""}), Error);
}
