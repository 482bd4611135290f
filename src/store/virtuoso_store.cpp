// virtuoso: stores through Virtuoso's ODBC driver, in one connection with autocommit off.
//
// Why not Redland's virtuoso storage: it reads only the graph named after the model (so Rasqal
// over it never sees the dispatch graphs), splices literals unescaped into the SPARQL it sends,
// needs a DSN in an odbc.ini, and inserts statement by statement. Why not the bulk loader
// (ld_dir, rdf_loader_run): it reads files on the server's disk, inside DirsAllowed, so it cannot
// load into a remote server, and it commits per file, so it cannot replace a graph atomically.
// Here each transaction deletes the graphs it replaces from DB.DBA.RDF_QUAD and inserts their
// statements with SPARQL INSERT DATA, then commits: all or nothing, on any server we can reach.
// Queries run in Virtuoso's own engine, which sees every graph, after the same check of the
// SPARQL subset as on the other stores, so one .rq file answers alike everywhere.
#include <sql.h>
#include <sqlext.h>

#include <cstdlib>
#include <filesystem>

#include "store/location.h"
#include "store/raptor_terms.h"
#include "store/sparql_check.h"
#include "store/virtuoso_json.h"

namespace diplograph::store {
namespace {

// Statements per INSERT DATA: Virtuoso compiles each request, so a few hundred keep it fast
// without reaching its limits on the size of one SPARQL text.
constexpr std::size_t kStatementsPerInsert = 400;

constexpr const char* kDriverPaths[] = {
    "/usr/lib/x86_64-linux-gnu/odbc/virtodbcu_r.so",
    "/usr/lib/aarch64-linux-gnu/odbc/virtodbcu_r.so",
    "/usr/lib/odbc/virtodbcu_r.so",
    "/usr/local/lib/virtodbcu_r.so",
};

std::string driver_path() {
  if (const char* path = std::getenv("DIPLOGRAPH_VIRTUOSO_DRIVER"); path && *path) return path;
  for (const char* path : kDriverPaths)
    if (std::filesystem::exists(path)) return path;
  throw Error("Virtuoso's ODBC driver (virtodbcu_r.so) was not found; install libvirtodbc0 or "
              "set DIPLOGRAPH_VIRTUOSO_DRIVER to its path");
}

// An ODBC connection string value; in braces when it holds a separator, so that it stays data.
// (Virtuoso's driver takes braces literally otherwise, so plain values go as they are.)
std::string braced(const std::string& value) {
  if (value.find_first_of(";{}=") == std::string::npos && !value.starts_with(' ')) return value;
  std::string out = "{";
  for (const char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  return out + '}';
}

class VirtuosoStore final : public Store {
 public:
  explicit VirtuosoStore(const Location& where) : where_(where), password_(store_password()) {
    if (!password_)
      throw Error("store " + where.display + ": no password; set DIPLOGRAPH_STORE_PASSWORD or "
                  "DIPLOGRAPH_STORE_PASSWORD_FILE");
    connect();
  }

  ~VirtuosoStore() override {
    if (dbc_) {
      SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_ROLLBACK);
      SQLDisconnect(dbc_);
      SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
    }
    if (env_) SQLFreeHandle(SQL_HANDLE_ENV, env_);
  }

  void write(const std::vector<Graph>& graphs) override {
    try {
      for (const auto& graph : graphs) write_graph(graph);
    } catch (...) {
      SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_ROLLBACK);
      throw;
    }
    if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_COMMIT))) fail(SQL_HANDLE_DBC, dbc_, "commit");
  }

  std::size_t size() override {
    const auto json = fetch_text(
        "SPARQL define output:format \"JSON\" SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p "
        "?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/diplograph/\")) }");
    SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_COMMIT);
    const QueryResult count = parse_virtuoso_json(json);
    if (count.rows.size() != 1 || !count.rows[0][0]) throw Error(where_.display + ": no count");
    return std::stoull(count.rows[0][0]->value);
  }

  QueryResult query(const std::string& sparql) override {
    if (const auto why = unsupported_sparql(sparql); !why.empty()) throw Error(why);
    // This Virtuoso has no JSON writer for ASK; its plain answer is 1 or 0.
    const bool ask = sparql_form(sparql) == "ASK";
    const auto text = fetch_text(ask ? "SPARQL " + sparql
                                     : "SPARQL define output:format \"JSON\" " + sparql);
    SQLEndTran(SQL_HANDLE_DBC, dbc_, SQL_COMMIT);
    if (!ask) return parse_virtuoso_json(text);
    QueryResult out;
    out.kind = QueryResult::Kind::Boolean;
    out.boolean = text == "1";
    return out;
  }

  const std::string& name() const override { return where_.display; }

 private:
  void connect() {
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env_);
    SQLSetEnvAttr(env_, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    SQLAllocHandle(SQL_HANDLE_DBC, env_, &dbc_);
    if (!dbc_) throw Error("store " + where_.display + ": cannot start ODBC");
    const std::string conn = "DRIVER=" + driver_path() + ";HOST=" + where_.host + ":" +
                             where_.port + ";UID=" + braced(where_.user) +
                             ";PWD=" + braced(*password_) + ";CHARSET=UTF-8";
    SQLCHAR out[1024];
    SQLSMALLINT out_len = 0;
    const auto rc = SQLDriverConnect(dbc_, nullptr, (SQLCHAR*)conn.c_str(), SQL_NTS, out,
                                     sizeof out, &out_len, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) fail(SQL_HANDLE_DBC, dbc_, "connect");
    SQLSetConnectAttr(dbc_, SQL_ATTR_AUTOCOMMIT, reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF),
                      0);
  }

  [[noreturn]] void fail(SQLSMALLINT type, SQLHANDLE handle, const std::string& what) {
    SQLCHAR state[8] = {0};
    SQLCHAR message[1024] = {0};
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    SQLGetDiagRec(type, handle, 1, state, &native, message, sizeof message, &len);
    throw Error(redact("store " + where_.display + ": " + what + " failed: " +
                           reinterpret_cast<const char*>(message),
                       password_));
  }

  // Runs one statement with optional string parameters; returns the statement handle, which the
  // caller frees.
  SQLHSTMT execute(const std::string& sql, const std::vector<std::string>& params = {}) {
    SQLHSTMT stmt = SQL_NULL_HSTMT;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc_, &stmt)))
      fail(SQL_HANDLE_DBC, dbc_, "statement");
    std::vector<SQLLEN> lengths(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      lengths[i] = static_cast<SQLLEN>(params[i].size());
      SQLBindParameter(stmt, static_cast<SQLUSMALLINT>(i + 1), SQL_PARAM_INPUT, SQL_C_CHAR,
                       SQL_VARCHAR, params[i].size(), 0, (SQLPOINTER)params[i].c_str(),
                       lengths[i], &lengths[i]);
    }
    if (!SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR*)sql.c_str(), SQL_NTS))) {
      try {
        fail(SQL_HANDLE_STMT, stmt, "the request");
      } catch (...) {
        SQLFreeHandle(SQL_HANDLE_STMT, stmt);
        throw;
      }
    }
    return stmt;
  }

  void run(const std::string& sql, const std::vector<std::string>& params = {}) {
    SQLFreeHandle(SQL_HANDLE_STMT, execute(sql, params));
  }

  // The one text cell a "define output:format" query answers with, read in pieces.
  std::string fetch_text(const std::string& sql) {
    SQLHSTMT stmt = execute(sql);
    std::string out;
    if (SQL_SUCCEEDED(SQLFetch(stmt))) {
      char buf[65536];
      SQLLEN got = 0;
      SQLRETURN rc;
      while ((rc = SQLGetData(stmt, 1, SQL_C_CHAR, buf, sizeof buf, &got)) != SQL_NO_DATA &&
             SQL_SUCCEEDED(rc) && got != SQL_NULL_DATA) {
        const auto n = got == SQL_NO_TOTAL || got >= static_cast<SQLLEN>(sizeof buf)
                           ? sizeof buf - 1
                           : static_cast<std::size_t>(got);
        out.append(buf, n);
      }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
    return out;
  }

  void write_graph(const Graph& graph) {
    if (graph.replace) run("DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id(?, 0)", {graph.iri});
    // INSERT DATA adds a statement that is already there only once, so a merge needs no check.
    const Term g{Term::Kind::Iri, graph.iri, {}, {}};
    for (std::size_t i = 0; i < graph.statements.size(); i += kStatementsPerInsert) {
      std::string sql = "SPARQL INSERT DATA { GRAPH " + ntriples(g) + " {\n";
      const auto end = std::min(graph.statements.size(), i + kStatementsPerInsert);
      for (std::size_t k = i; k < end; ++k) {
        const auto& s = graph.statements[k];
        sql += ntriples(s.subject) + ' ' + ntriples(s.predicate) + ' ' + ntriples(s.object) +
               " .\n";
      }
      run(sql + "} }");
    }
  }

  Location where_;
  std::optional<std::string> password_;
  SQLHENV env_ = SQL_NULL_HENV;
  SQLHDBC dbc_ = SQL_NULL_HDBC;
};

}  // namespace

std::unique_ptr<Store> open_virtuoso(const Location& location) {
  return std::make_unique<VirtuosoStore>(location);
}

}  // namespace diplograph::store
