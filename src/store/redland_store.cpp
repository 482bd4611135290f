// sqlite: and postgresql: stores through Redland's storages, queried by Rasqal over the model
// (whose default graph is the union of all named graphs).
#include <redland.h>

#include <filesystem>
#include <set>

#include "store/location.h"
#include "store/raptor_terms.h"
#include "store/tuning.h"

namespace diplograph::store {
namespace {

const unsigned char* bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

// librdf reports through a logger; the first error of an operation becomes its exception.
class Log {
 public:
  void attach(librdf_world* world) { librdf_world_set_logger(world, this, &Log::on_message); }
  void clear() { first_error_.clear(); }
  const std::string& error() const { return first_error_; }

 private:
  static int on_message(void* self, librdf_log_message* message) {
    auto* log = static_cast<Log*>(self);
    const char* text = librdf_log_message_message(message);
    if (librdf_log_message_level(message) < LIBRDF_LOG_ERROR || !text) return 1;
    // Redland's postgresql pool releases the transaction's connection once per statement and
    // complains each time after the first: bookkeeping noise, not a failure.
    if (std::string_view(text).starts_with("Unable to find busy connection")) return 1;
    if (log->first_error_.empty()) log->first_error_ = text;
    return 1;
  }
  std::string first_error_;
};

// One Redland world for the process: a second world cannot load a storage module that the
// first one loaded, so two stores open at once would fail. Freed at exit.
struct World {
  World() : world(librdf_new_world()) {
    if (!world) return;
    librdf_world_open(world);
    log.attach(world);
  }
  ~World() {
    if (world) librdf_free_world(world);
  }
  librdf_world* world;
  Log log;
};

World& shared_world() {
  static World world;
  if (!world.world) throw Error("cannot start Redland");
  return world;
}

class RedlandStore final : public Store {
 public:
  explicit RedlandStore(const Location& where)
      : where_(where), world_(shared_world().world), log_(shared_world().log) {
    log_.clear();
    if (where.kind == Location::Kind::Sqlite) open_sqlite();
    else open_postgresql();
    // The model opens the storage: only then do the tables exist.
    model_ = librdf_new_model(world_, storage_, nullptr);
    if (!model_) fail("cannot open the model");
    if (where.kind == Location::Kind::Sqlite) tune_sqlite(where_.path);
    else tune_postgresql(where_, password_);
  }

  ~RedlandStore() override {
    if (model_) librdf_free_model(model_);
    if (storage_) librdf_free_storage(storage_);
  }

  void write(const std::vector<Graph>& graphs) override {
    log_.clear();
    if (librdf_model_transaction_start(model_) != 0) fail("cannot start a transaction");
    try {
      for (const auto& graph : graphs) write_graph(graph);
    } catch (...) {
      librdf_model_transaction_rollback(model_);
      throw;
    }
    if (librdf_model_transaction_commit(model_) != 0 || !log_.error().empty())
      fail("cannot commit");
  }

  std::size_t size() override {
    const int n = librdf_model_size(model_);
    if (n < 0) fail("cannot count the statements");
    return static_cast<std::size_t>(n);
  }

  QueryResult query(const std::string& sparql) override;

  const std::string& name() const override { return where_.display; }

 private:
  [[noreturn]] void fail(const std::string& what) {
    std::string message = "store " + where_.display + ": " + what;
    if (!log_.error().empty()) message += ": " + log_.error();
    throw Error(redact(message, password_));
  }

  void open_sqlite() {
    const bool exists = std::filesystem::exists(where_.path);
    const char* options[] = {"new", exists ? "no" : "yes", "contexts", "yes", "synchronous",
                             "normal", nullptr};
    open_storage("sqlite", where_.path.c_str(), options);
  }

  void open_postgresql() {
    password_ = store_password();
    // Redland splices the password unquoted into a libpq conninfo string (and libpq quotes it
    // back in its error message): such a password can only come from libpq's password file.
    if (password_ && password_->find_first_of(" \t\n'\\") != std::string::npos)
      throw Error("store " + where_.display + ": this password holds a space, quote or "
                  "backslash, which Redland's postgresql storage cannot pass; put it in a "
                  "libpq password file (~/.pgpass or $PGPASSFILE) and unset "
                  "DIPLOGRAPH_STORE_PASSWORD");
    const bool exists = postgresql_model_exists(where_, password_);
    const std::string password = password_.value_or("");
    const char* options[] = {"host", where_.host.c_str(), "port", where_.port.c_str(),
                             "database", where_.database.c_str(), "user", where_.user.c_str(),
                             "password", password.c_str(), "new", exists ? "no" : "yes",
                             nullptr};
    open_storage("postgresql", kPostgresqlModel, options);
  }

  void open_storage(const char* kind, const char* name, const char** options) {
    librdf_hash* hash = librdf_new_hash_from_array_of_strings(world_, nullptr, options);
    if (!hash) fail("cannot build the storage options");
    storage_ = librdf_new_storage_with_options(world_, kind, name, hash);
    librdf_free_hash(hash);
    if (!storage_) fail(std::string("cannot open Redland's ") + kind + " storage (is "
                        "librdf-storage-" + kind + " installed?)");
  }

  librdf_statement* statement(const Statement& s) {
    raptor_world* raptor = librdf_world_get_raptor(world_);
    librdf_node* subject = to_raptor(raptor, s.subject);
    librdf_node* predicate = to_raptor(raptor, s.predicate);
    librdf_node* object = to_raptor(raptor, s.object);
    if (!subject || !predicate || !object) {
      for (auto* node : {subject, predicate, object})
        if (node) librdf_free_node(node);
      fail("not a valid statement about " + ntriples(s.subject));
    }
    return librdf_new_statement_from_nodes(world_, subject, predicate, object);
  }

  void add(librdf_node* context, const Statement& s) {
    librdf_statement* st = statement(s);
    const int rc = librdf_model_context_add_statement(model_, context, st);
    librdf_free_statement(st);
    if (rc != 0) fail("cannot add a statement about " + ntriples(s.subject));
  }

  // The statements already in a merged graph, as N-Triples keys.
  std::set<std::string> existing(librdf_node* context) {
    std::set<std::string> out;
    librdf_stream* stream = librdf_model_context_as_stream(model_, context);
    for (; stream && !librdf_stream_end(stream); librdf_stream_next(stream)) {
      librdf_statement* st = librdf_stream_get_object(stream);
      out.insert(key(from_raptor(librdf_statement_get_subject(st)),
                     from_raptor(librdf_statement_get_predicate(st)),
                     from_raptor(librdf_statement_get_object(st))));
    }
    if (stream) librdf_free_stream(stream);
    return out;
  }

  static std::string key(const Term& s, const Term& p, const Term& o) {
    return ntriples(s) + ' ' + ntriples(p) + ' ' + ntriples(o);
  }

  void write_graph(const Graph& graph) {
    librdf_node* context = librdf_new_node_from_uri_string(world_, bytes(graph.iri));
    if (!context) fail("not a valid graph IRI: " + graph.iri);
    try {
      std::set<std::string> present;
      if (graph.replace) {
        if (librdf_model_context_remove_statements(model_, context) != 0)
          fail("cannot empty the graph <" + graph.iri + ">");
      } else {
        present = existing(context);
      }
      for (const auto& s : graph.statements)
        if (graph.replace || present.insert(key(s.subject, s.predicate, s.object)).second)
          add(context, s);
    } catch (...) {
      librdf_free_node(context);
      throw;
    }
    librdf_free_node(context);
  }

  Location where_;
  std::optional<std::string> password_;
  librdf_world* world_;
  Log& log_;
  librdf_storage* storage_ = nullptr;
  librdf_model* model_ = nullptr;
};

std::optional<Term> binding(librdf_query_results* results, int i) {
  librdf_node* node = librdf_query_results_get_binding_value(results, i);
  if (!node) return std::nullopt;
  Term out = from_raptor(node);
  librdf_free_node(node);
  return out;
}

void read_bindings(librdf_query_results* results, QueryResult& out) {
  const int n = librdf_query_results_get_bindings_count(results);
  for (int i = 0; i < n; ++i)
    out.variables.emplace_back(librdf_query_results_get_binding_name(results, i));
  for (; !librdf_query_results_finished(results); librdf_query_results_next(results)) {
    auto& row = out.rows.emplace_back();
    for (int i = 0; i < n; ++i) row.push_back(binding(results, i));
  }
}

void read_graph(librdf_query_results* results, QueryResult& out) {
  out.variables = {"subject", "predicate", "object"};
  librdf_stream* stream = librdf_query_results_as_stream(results);
  for (; stream && !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement* st = librdf_stream_get_object(stream);
    out.rows.push_back({from_raptor(librdf_statement_get_subject(st)),
                        from_raptor(librdf_statement_get_predicate(st)),
                        from_raptor(librdf_statement_get_object(st))});
  }
  if (stream) librdf_free_stream(stream);
}

QueryResult RedlandStore::query(const std::string& sparql) {
  if (const auto why = unsupported_sparql(sparql); !why.empty()) throw Error(why);
  log_.clear();
  librdf_query* q = librdf_new_query(world_, "sparql", nullptr, bytes(sparql), nullptr);
  if (!q) fail("the query does not parse");
  librdf_query_results* results = librdf_model_query_execute(model_, q);
  if (!results) {
    librdf_free_query(q);
    fail("the query failed");
  }
  QueryResult out;
  if (librdf_query_results_is_boolean(results)) {
    out.kind = QueryResult::Kind::Boolean;
    out.boolean = librdf_query_results_get_boolean(results) > 0;
  } else if (librdf_query_results_is_graph(results)) {
    read_graph(results, out);
  } else {
    read_bindings(results, out);
  }
  librdf_free_query_results(results);
  librdf_free_query(q);
  return out;
}

}  // namespace

std::unique_ptr<Store> open_redland(const Location& location) {
  return std::make_unique<RedlandStore>(location);
}

}  // namespace diplograph::store
