// Loader: statements from files, records and graphs, grouped by named graph and written in
// transactions of whole graphs.
#include <fstream>
#include <map>
#include <set>

#include "exporters/iri.h"
#include "exporters/rdf_model.h"
#include "model/record_json.h"
#include "store/rdf_input.h"

namespace diplograph::store {
namespace {

namespace iri = exporters::iri;

// Statements buffered before a write; a write happens between two graphs only, so a graph that
// comes as one run (as every dispatch does in diplograph's N-Quads) is one transaction.
constexpr std::size_t kBatchStatements = 20000;

Term term(const exporters::Term& t) {
  if (!t.literal) return Term{Term::Kind::Iri, std::string(t.value), {}, {}};
  return Term{Term::Kind::Literal, std::string(t.value), std::string(t.datatype), {}};
}

// The named graph of a statement given without one: its subject's dispatch, else the aggregate.
std::string graph_of(const Term& subject) {
  if (subject.kind == Term::Kind::Iri) {
    const std::string& s = subject.value;
    if (s.starts_with(iri::kDispatch)) return s;
    if (s.starts_with(iri::kEvent)) {
      const auto cut = s.rfind('_');
      if (cut > iri::kEvent.size())
        return std::string(iri::kDispatch) + s.substr(iri::kEvent.size(), cut - iri::kEvent.size());
    }
  }
  return std::string(iri::kAggregateGraph);
}

}  // namespace

class Loader::Impl final : private exporters::StatementSink {
 public:
  explicit Impl(Store& store) : store_(store) {}

  void statement(std::string graph, Statement s) {
    if (graph.empty()) graph = graph_of(s.subject);
    if (graph != last_graph_ && pending_count_ >= kBatchStatements) flush();
    last_graph_ = graph;
    pending_[graph].push_back(std::move(s));
    ++pending_count_;
    ++stats_.statements;
  }

  void add(const DispatchRecord& record) {
    current_graph_ = iri::dispatch(record.id);
    exporters::dispatch_statements(record, *this);
  }

  void add(const graph::DiplomaticGraph& graph) {
    current_graph_ = std::string(iri::kAggregateGraph);
    exporters::graph_statements(graph, *this);
  }

  void load_jsonl(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read");
    graph_ = graph::DiplomaticGraph();
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      DispatchRecord record;
      ParseError error;
      if (!from_json_line(line, record, error))
        throw Error(path.string() + ":" + std::to_string(number) + ":" +
                    std::to_string(error.column) + ": " + error.message);
      graph_.add(record);
      add(record);
    }
    add(graph_);
  }

  void flush() {
    if (pending_.empty()) return;
    std::vector<Graph> graphs;
    for (auto& [iri, statements] : pending_) {
      // A dispatch graph is replaced the first time this load writes it; any other graph, and a
      // dispatch graph that comes back in a later run of the same load, is merged into.
      const bool replace = iri.starts_with(iri::kDispatch) && written_.insert(iri).second;
      if (replace) ++stats_.dispatch_graphs;
      graphs.push_back(Graph{iri, replace, std::move(statements)});
    }
    store_.write(graphs);
    ++stats_.transactions;
    pending_.clear();
    pending_count_ = 0;
  }

  LoadStats stats_;

 private:
  void statement(const exporters::Term& s, const exporters::Term& p,
                 const exporters::Term& o) override {
    statement(current_graph_, Statement{term(s), term(p), term(o)});
  }

  Store& store_;
  std::map<std::string, std::vector<Statement>> pending_;
  std::size_t pending_count_ = 0;
  std::string last_graph_;
  std::set<std::string> written_;
  std::string current_graph_;
  graph::DiplomaticGraph graph_;  // built from the records of the JSON Lines file being read
};

Loader::Loader(Store& store) : impl_(std::make_unique<Impl>(store)) {}
Loader::~Loader() = default;

void Loader::load_file(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".jsonl") {
    impl_->load_jsonl(path);
  } else {
    read_rdf_file(path, [&](std::string graph, Statement s) {
      impl_->statement(std::move(graph), std::move(s));
    });
  }
  ++impl_->stats_.files;
}

void Loader::add(const DispatchRecord& record) { impl_->add(record); }
void Loader::add(const graph::DiplomaticGraph& graph) { impl_->add(graph); }
void Loader::finish() { impl_->flush(); }
const LoadStats& Loader::stats() const { return impl_->stats_; }

}  // namespace diplograph::store
