#include <libpq-fe.h>

#include <memory>
#include <vector>

#include "store/tuning.h"

namespace diplograph::store {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Keyword arrays rather than a conninfo string, so that no value needs quoting. Without a
// password libpq reads its password file, as Redland's connection will.
Connection connect(const Location& where, const std::optional<std::string>& password) {
  std::vector<const char*> keys = {"host", "port", "dbname", "user", "connect_timeout"};
  std::vector<const char*> values = {where.host.c_str(), where.port.c_str(),
                                     where.database.c_str(), where.user.c_str(), "10"};
  if (password) {
    keys.push_back("password");
    values.push_back(password->c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  Connection conn(PQconnectdbParams(keys.data(), values.data(), 0), &PQfinish);
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
    throw Error(redact("store " + where.display + ": cannot connect: " +
                           (conn ? PQerrorMessage(conn.get()) : "out of memory"),
                       password));
  // "already exists, skipping" notices of the idempotent DDL are no news to the user.
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  return conn;
}

Result run(PGconn* conn, const char* sql, const char* param, const Location& where) {
  Result result(PQexecParams(conn, sql, param ? 1 : 0, nullptr, &param, nullptr, nullptr, 0),
                &PQclear);
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw Error("store " + where.display + ": " + PQerrorMessage(conn));
  return result;
}

bool has_model_table(PGconn* conn, const Location& where) {
  const auto found = run(conn, "SELECT 1 FROM pg_tables WHERE tablename = 'models'", nullptr,
                         where);
  return PQntuples(found.get()) > 0;
}

// Redland names the statements table after the model's 64-bit id.
std::string statements_table(PGconn* conn, const Location& where) {
  const auto id = run(conn, "SELECT ID FROM Models WHERE Name = $1", kPostgresqlModel, where);
  if (PQntuples(id.get()) == 0) throw Error("store " + where.display + ": no diplograph model");
  return std::string("statements") + PQgetvalue(id.get(), 0, 0);
}

void add_rules(PGconn* conn, const Location& where) {
  for (const char* table : {"resources", "literals", "bnodes"}) {
    const std::string sql = std::string("CREATE OR REPLACE RULE dg_") + table +
                            "_once AS ON INSERT TO " + table + " WHERE EXISTS (SELECT 1 FROM " +
                            table + " x WHERE x.ID = NEW.ID) DO INSTEAD NOTHING";
    run(conn, sql.c_str(), nullptr, where);
  }
}

void add_indexes(PGconn* conn, const std::string& table, const Location& where) {
  const char* columns[][2] = {{"s", "Subject, Predicate"},
                              {"o", "Object, Predicate"},
                              {"p", "Predicate"},
                              {"c", "Context"}};
  for (const auto& [suffix, list] : columns) {
    const std::string sql = "CREATE INDEX IF NOT EXISTS dg_" + table + "_" + suffix + " ON " +
                            table + " (" + list + ")";
    run(conn, sql.c_str(), nullptr, where);
  }
}

}  // namespace

bool postgresql_model_exists(const Location& location,
                             const std::optional<std::string>& password) {
  const auto conn = connect(location, password);
  if (!has_model_table(conn.get(), location)) return false;
  const auto found = run(conn.get(), "SELECT 1 FROM Models WHERE Name = $1", kPostgresqlModel,
                         location);
  return PQntuples(found.get()) > 0;
}

void tune_postgresql(const Location& location, const std::optional<std::string>& password) {
  const auto conn = connect(location, password);
  add_rules(conn.get(), location);
  add_indexes(conn.get(), statements_table(conn.get(), location), location);
}

}  // namespace diplograph::store
