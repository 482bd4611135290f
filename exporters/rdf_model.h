// How the graph and the dispatches become RDF (DESIGN.md section 8), apart from any syntax: the
// direct triple of every aggregated relation, one SEM/PROV-O event node per assertion (negated
// and denied ones too, marked by dg:polarity and dg:modality), the dispatch nodes, the actors
// and their represents links. Terms are plain strings so that no RDF library shows here.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "model/record.h"

namespace diplograph::exporters {

// Views into strings that live while StatementSink::statement runs: a sink copies what it keeps.
struct Term {
  bool literal = false;
  std::string_view value;     // an absolute IRI, or the literal's text (already cleaned)
  std::string_view datatype;  // for a literal: its datatype IRI, empty for xsd:string
  // The Turtle names (prefix:local, iri::turtle_name) of the IRI and of the datatype, when the
  // model made them once for a term it writes again and again; else empty.
  std::string_view turtle;
  std::string_view datatype_turtle;
};

class StatementSink {
 public:
  virtual ~StatementSink() = default;
  virtual void statement(const Term& subject, const Term& predicate, const Term& object) = 0;
};

// The dispatch node and the event node of each of its assertions.
void dispatch_statements(const DispatchRecord& record, StatementSink& sink);
// Actors (sorted by id), direct relation triples and represents links (sorted by edge).
void graph_statements(const graph::DiplomaticGraph& graph, StatementSink& sink);

}  // namespace diplograph::exporters
