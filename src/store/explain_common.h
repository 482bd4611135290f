// Internal to the store module: what the two explain() sources and read_records share.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "store/store.h"

namespace diplograph::store {

struct EdgeKey {
  std::string source;
  std::string type;
  std::string target;
  bool operator<(const EdgeKey& o) const {
    return std::tie(source, type, target) < std::tie(o.source, o.type, o.target);
  }
};

// "https://w3id.org/diplograph/id/state/TUR" -> "state/TUR" (percent-decoded).
std::string actor_id_of(const std::string& actor_iri);

// What reading events back from a store needs (explain and read_records): the PREFIX lines of
// the diplograph vocabularies, a row's i-th value ("" when unbound), a relation type from its
// property IRI (dg:alliedWith -> allied-with), a modality from its individual (dg:Claimed ->
// claimed).
std::string sparql_prefixes();
std::string row_value(const std::vector<std::optional<Term>>& row, std::size_t i);
std::string type_of(const std::string& property);
std::string modality_of(const std::string& individual);

// Fills ids, weight (distinct dispatches) and first and last dates from the evidence, sorts the
// evidence, and returns the edges in key order.
std::vector<ExplainedEdge> finish_edges(std::map<EdgeKey, ExplainedEdge> edges);

}  // namespace diplograph::store
