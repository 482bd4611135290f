#include <sqlite3.h>

#include "store/tuning.h"

namespace diplograph::store {
namespace {

// Column names are Redland's (rdf_storage_sqlite.c). Redland checks every statement it adds
// with `SELECT 1 FROM triples WHERE subjectUri=? AND predicateUri=? AND object...=? AND
// contextUri=?`. Without statistics SQLite takes the index that matches the most of those
// columns; the object indexes match two, and a common object (a class, "AFP", a modality) has
// rows in every dispatch, so each check scanned more rows as the store grew. The graph index
// matches three, the graph first, and also serves the replacement of a graph (`DELETE ... WHERE
// contextUri=?`); it supersedes the context-only index of earlier stores.
constexpr const char* kStatements[] = {
    "PRAGMA journal_mode=WAL",
    "CREATE INDEX IF NOT EXISTS dg_literal_text ON literals (text)",
    "CREATE INDEX IF NOT EXISTS dg_blank ON blanks (blank)",
    "CREATE INDEX IF NOT EXISTS dg_graph_statement ON triples (contextUri, subjectUri, "
    "predicateUri)",
    "DROP INDEX IF EXISTS dg_context",
    "CREATE INDEX IF NOT EXISTS dg_object_uri ON triples (objectUri, predicateUri)",
    "CREATE INDEX IF NOT EXISTS dg_object_literal ON triples (objectLiteral, predicateUri)",
};

}  // namespace

void tune_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  std::string error;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    error = db ? sqlite3_errmsg(db) : "out of memory";
  } else {
    sqlite3_busy_timeout(db, 10000);
    for (const char* sql : kStatements) {
      char* message = nullptr;
      if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error = message ? message : "unknown error";
        sqlite3_free(message);
        break;
      }
    }
  }
  sqlite3_close(db);
  if (!error.empty()) throw Error("sqlite store " + path + ": " + error);
}

}  // namespace diplograph::store
