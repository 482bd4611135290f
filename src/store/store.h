// Triple stores (DESIGN.md section 2, docs/STORES.md): load the graph into a store, ask it SPARQL
// questions, and explain the evidence behind edges. No librdf, libpq or ODBC type shows here.
//
// Store URIs:
//   sqlite:PATH                          Redland's sqlite storage in a local file (the default)
//   postgresql://USER@HOST[:PORT]/DB     Redland's postgresql storage on a PostgreSQL server
//   virtuoso://[USER@]HOST:PORT          a Virtuoso server, through its ODBC driver
// A password is never part of a URI: it comes from $DIPLOGRAPH_STORE_PASSWORD, else from the
// first line of the file named by $DIPLOGRAPH_STORE_PASSWORD_FILE, else (PostgreSQL) from libpq's
// own password file (~/.pgpass or $PGPASSFILE). It is never printed nor put on a command line.
//
// Named graphs: each dispatch's statements live in the graph of the dispatch's IRI
// (exporters/iri.h); loading a dispatch again replaces its graph, so a re-run adds nothing. Every
// other statement (actors, direct relation triples, represents links) goes to the aggregate graph,
// which loads merge into: a statement already there is not added twice. Writes are transactions of
// whole graphs, so a load killed at any point leaves the store queryable, and re-running it
// leaves the same store as one clean load.
//
// Errors the user can cause (a bad URI, an unreachable server, a bad file) are thrown as
// store::Error, whose message names the store or file:line and never holds a password.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/record.h"

namespace diplograph::store {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ---- Query answers ------------------------------------------------------------------------------

struct Term {
  enum class Kind { Iri, Blank, Literal };
  Kind kind = Kind::Iri;
  std::string value;     // the IRI, blank node label or lexical form
  std::string datatype;  // a literal's datatype IRI; empty for a plain or language literal
  std::string lang;      // a literal's language tag
  bool operator==(const Term&) const = default;
};

struct QueryResult {
  // A CONSTRUCT or DESCRIBE answer comes as bindings of ?subject ?predicate ?object.
  enum class Kind { Bindings, Boolean };
  Kind kind = Kind::Bindings;
  std::vector<std::string> variables;
  std::vector<std::vector<std::optional<Term>>> rows;  // one value per variable; unbound: nullopt
  bool boolean = false;                                // ASK
};

enum class ResultFormat { Table, Csv, Tsv, Json };
std::optional<ResultFormat> result_format_from_name(std::string_view name);  // table csv tsv json
// Table: aligned columns for a terminal (IRIs shortened with the diplograph prefixes). Csv, Tsv and
// Json: the W3C SPARQL 1.1 results formats.
std::string format_results(const QueryResult& result, ResultFormat format);

// What Rasqal (the SPARQL engine of every store here) cannot run: property paths, EXISTS and
// NOT EXISTS, MINUS. Returns an error message with the workaround, or "" for a query that avoids
// them. Comments, strings and IRIs are skipped, so only the query's own syntax counts.
std::string unsupported_sparql(std::string_view query);

// ---- Stores -------------------------------------------------------------------------------------

// One RDF statement as text: IRIs are absolute; literals carry their datatype or language.
struct Statement {
  Term subject;
  Term predicate;
  Term object;
};

struct Graph {
  std::string iri;
  bool replace = true;  // true: the graph becomes exactly `statements`; false: merge into it
  std::vector<Statement> statements;
};

class Store {
 public:
  // Opens (and for sqlite creates) the store named by `uri`. Throws Error.
  static std::unique_ptr<Store> open(std::string_view uri);
  virtual ~Store() = default;

  // Writes the graphs in one transaction: all of them or none. Throws Error.
  virtual void write(const std::vector<Graph>& graphs) = 0;
  // Statements in the store's diplograph graphs (dispatches and aggregate).
  virtual std::size_t size() = 0;
  // Runs a SPARQL 1.1 query of the subset unsupported_sparql() accepts. Throws Error.
  virtual QueryResult query(const std::string& sparql) = 0;
  // The URI without any secret, for messages.
  virtual const std::string& name() const = 0;
};

// ---- Loading ------------------------------------------------------------------------------------

struct LoadStats {
  std::size_t files = 0;
  std::size_t dispatch_graphs = 0;   // dispatch graphs written (replaced)
  std::size_t statements = 0;        // statements read from the inputs
  std::size_t transactions = 0;
};

// Groups statements by named graph and writes them in transactions of whole graphs. Feed it
// files (load) or records and the finished graph (build --store).
class Loader {
 public:
  explicit Loader(Store& store);
  ~Loader();
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // N-Quads (.nq), N-Triples (.nt), Turtle (.ttl) or assertion JSON Lines (.jsonl, .json),
  // by extension. Triples without a graph go to the graph their subject belongs to: a dispatch
  // or event IRI to the dispatch's graph, anything else to the aggregate graph. Throws Error
  // naming file:line.
  void load_file(const std::filesystem::path& path);
  // One dispatch's statements (its graph is replaced), for build --store.
  void add(const DispatchRecord& record);
  // Actors, direct relations and represents links of `graph`, merged into the aggregate graph.
  void add(const graph::DiplomaticGraph& graph);
  // Writes what is still buffered. Call once at the end; the destructor does not write.
  void finish();
  const LoadStats& stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Explain ------------------------------------------------------------------------------------

struct ExplainRequest {
  std::string actor;     // an actor id ("state/TUR"), code ("TUR"), label or alias
  std::string relation;  // empty: every type; else supports, allied-with, mediates, accuses, ...
  std::string other;     // empty: any actor on the other side
};

struct Evidence {
  std::string dispatch_id;
  std::string date;
  std::string agency;
  std::string sentence;  // the evidence sentence
  int sentence_index = 0;
  std::string trigger;
  std::string modality;  // asserted, claimed, offered
  std::string speaker;   // the speaker's actor id, for claimed assertions
  std::string rolled_up_from;
};

struct ExplainedEdge {
  std::string source;  // actor ids
  std::string type;
  std::string target;
  std::string source_label;
  std::string target_label;
  std::size_t weight = 0;  // distinct dispatches
  std::string first_date;
  std::string last_date;
  std::vector<Evidence> evidence;  // sorted by date, dispatch id, sentence
};

// The edges (relations that hold, as in the graph) that touch the request, sorted by source,
// type and target. From a store through SPARQL, or from OUTDIR/assertions.jsonl. Throw Error.
std::vector<ExplainedEdge> explain(Store& store, const ExplainRequest& request);
std::vector<ExplainedEdge> explain(const std::filesystem::path& outdir,
                                   const ExplainRequest& request);
std::string format_explanation(const std::vector<ExplainedEdge>& edges);

// ---- Records ------------------------------------------------------------------------------------

// The dispatches in the store, rebuilt as records for the analyses (stats --store): id and date,
// and the relations that hold (positive, not denied) with their actors (id, label, code, kind),
// modality, sentence, trigger and evidence, in event order. Negated and denied assertions, spans,
// mentions and aliases are not read back. Sorted by dispatch id. Throws Error.
std::vector<DispatchRecord> read_records(Store& store);

}  // namespace diplograph::store
