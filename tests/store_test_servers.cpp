// The store module on real servers: a throwaway PostgreSQL and a throwaway Virtuoso (started
// once for this binary by tests/store/*.sh, on loopback). Each loads the samples twice and
// answers every sample query as the sqlite store does. A server that cannot start is reported
// as a loud warning and its test skipped, never passed in silence.
#include <catch2/catch.hpp>

#include "store_test_support.h"

using namespace diplograph::store;
using namespace store_test;

namespace {

Server& postgresql() {
  static Server server("postgresql", "pg_server.sh");
  return server;
}

Server& virtuoso() {
  static Server server("virtuoso", "virtuoso_server.sh");
  return server;
}

void load(Store& store, const fs::path& file) {
  Loader loader(store);
  loader.load_file(file);
  loader.finish();
}

const std::vector<std::vector<std::string>>& sqlite_answers() {
  static const auto answers = [] {
    auto store = Store::open("sqlite:" + (temp_dir("reference") / "s.sqlite").string());
    load(*store, samples() / "graph.nq");
    std::vector<std::vector<std::string>> out;
    for (const auto& rq : sample_queries()) out.push_back(answer(*store, rq));
    return out;
  }();
  return answers;
}

void check_server(Store& store) {
  load(store, samples() / "graph.nq");
  const auto once = store.size();
  load(store, samples() / "graph.nq");
  load(store, samples() / "assertions.jsonl");
  CHECK(store.size() == once);
  const auto queries = sample_queries();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    INFO(queries[i].filename().string());
    CHECK(answer(store, queries[i]) == sqlite_answers()[i]);
  }
}

// setenv only here, in the test: diplograph itself reads the variables and never sets them.
void use_password(const char* name, const std::string& value) {
  ::unsetenv("DIPLOGRAPH_STORE_PASSWORD");
  ::unsetenv("PGPASSFILE");
  ::setenv(name, value.c_str(), 1);
}

}  // namespace

TEST_CASE("PostgreSQL: samples load idempotently and answer as on sqlite", "[store][servers]") {
  Server& server = postgresql();
  if (!server.skipped.empty()) {
    WARN("SKIPPED: " << server.skipped);
    SUCCEED("skipped: " << server.skipped);
    return;
  }
  // The test password holds a space and a quote: through the environment it is refused without
  // being echoed, and through libpq's password file it works.
  use_password("DIPLOGRAPH_STORE_PASSWORD", server.password);
  try {
    Store::open(server.uri);
    FAIL("a password Redland cannot quote was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find(server.password) == std::string::npos);
    CHECK(std::string(e.what()).find("PGPASSFILE") != std::string::npos);
  }
  use_password("PGPASSFILE", (server.dir / "server" / "pgpass").string());
  auto store = Store::open(server.uri);
  check_server(*store);
}

TEST_CASE("Virtuoso: samples load idempotently and answer as on sqlite", "[store][servers]") {
  Server& server = virtuoso();
  if (!server.skipped.empty()) {
    WARN("SKIPPED: " << server.skipped);
    SUCCEED("skipped: " << server.skipped);
    return;
  }
  use_password("DIPLOGRAPH_STORE_PASSWORD", "not-the-password");
  try {
    Store::open(server.uri);
    FAIL("a wrong password was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("not-the-password") == std::string::npos);
  }
  use_password("DIPLOGRAPH_STORE_PASSWORD", server.password);
  auto store = Store::open(server.uri);
  check_server(*store);
  const auto ask = store->query("ASK { ?s ?p ?o }");
  CHECK(ask.kind == QueryResult::Kind::Boolean);
  CHECK(ask.boolean);
}
