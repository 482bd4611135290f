// Graph exports (DESIGN.md section 8). An Exporter is a sink for one format: records stream
// through add() in input order (the per-dispatch RDF event nodes are written then, so memory
// stays flat), and finish() writes the graph-level part (actors, aggregated relations,
// represents links) and renames the file(s) into place. Nothing is thrown: every call returns a
// Status, the first error sticks, and a failed exporter leaves no file, not even a partial one.
//
// Files in OUTDIR, per format name:
//   ttl      graph.ttl      Turtle, prefixes declared, streamed (one ';' list per subject)
//   nt       graph.nt       N-Triples, streamed
//   nq       graph.nq       N-Quads, streamed: each dispatch's statements (the dispatch node and
//                           its event nodes) in the named graph of the dispatch's IRI; actors,
//                           direct relation triples and represents links in
//                           <https://w3id.org/diplograph/graph/aggregate>
//   rdf      graph.rdf      RDF/XML, abbreviated (raptor buffers the graph: for moderate sizes)
//   graphml  graph.graphml  GraphML for Gephi, NetworkX, igraph, Cytoscape
//   gexf     graph.gexf     GEXF 1.3, dynamic (start/end from first/last dispatch dates)
//   json     graph.json     graphology's serialised graph ({"nodes":[{"key","attributes"}],
//                           "edges":[...]}) and graph.cyjs, Cytoscape's elements JSON
//   csv      nodes.csv, edges.csv   Gephi's spreadsheet import
//   dot      graph.dot      Graphviz
// The IRI scheme is in exporters/iri.h and the header of ontology/diplomacy.ttl.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/record.h"

namespace diplograph::exporters {

enum class Format { Turtle, NTriples, NQuads, RdfXml, GraphML, Gexf, Json, Csv, Dot };

class Status {
 public:
  Status() = default;  // success
  static Status error(std::string message);
  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  // The record's own part; call once per dispatch, in input order.
  virtual Status add(const DispatchRecord& record) = 0;
  // Whether add_rendered(render(record)) may stand for add(record): true for the formats that
  // our own writer streams. render() changes nothing in the exporter and may run on any
  // thread, so that build makes the text of many records at once.
  virtual bool renders() const { return false; }
  virtual std::string render(const DispatchRecord&) const { return {}; }
  virtual Status add_rendered(std::string_view text) = 0;
  // Whether finish() may run on another thread while other exporters finish: true for the
  // writers that are our own code alone (raptor's global state, RDF/XML, is left to one
  // thread).
  virtual bool finishes_on_any_thread() const { return false; }
  // `graph` is the graph built from the records given to add(). Writes the rest and renames
  // the file(s) into place; call once.
  virtual Status finish(const graph::DiplomaticGraph& graph) = 0;
};

// Opens the temporary file(s) beside OUTDIR/<file>; an error there is returned by the first
// add() or finish().
std::unique_ptr<Exporter> make_exporter(Format format, const std::filesystem::path& outdir);

std::string_view format_name(Format format);  // "ttl", "nt", ... as listed above
// Whether the format lists each edge's assertion ids, which the graph then has to keep.
bool lists_assertion_ids(Format format);
std::optional<Format> format_from_name(std::string_view name);
std::vector<std::string> output_files(Format format);
const std::vector<Format>& all_formats();

// Convenience for callers that hold everything: builds nothing, streams `records` into one
// exporter per format and finishes them with `graph`. Stops at the first error.
Status export_all(const std::vector<Format>& formats, const std::filesystem::path& outdir,
                  const std::vector<DispatchRecord>& records, const graph::DiplomaticGraph& graph);

}  // namespace diplograph::exporters
