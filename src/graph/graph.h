// The diplomatic graph (DESIGN.md section 7): actors and the relations that hold between them,
// aggregated over dispatches, as a Boost.Graph multigraph so that any BGL algorithm runs on it.
//
// Built from the assertion stream with add(); partial graphs built apart (threads, map/reduce)
// are combined with merge(). Every per-actor and per-edge value is combined by an order-free rule
// (union, min, max, and), so the result does not depend on the order of add() and merge() calls.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/edge_index.h"
#include "model/record.h"
#include "util/string_map.h"

namespace diplograph::graph {

// The edge type of person -> state or organisation links, beside the relation types.
inline constexpr std::string_view kRepresents = "represents";
// The symmetric relation, stored once with source id < target id.
inline constexpr std::string_view kAlliedWith = "allied-with";

struct ActorProps {
  std::string id;
  std::string label;  // empty when the actor is only known as someone's affiliation
  std::string code;
  std::string qid;
  ActorKind kind = ActorKind::State;
  std::vector<std::string> aliases;  // sorted, unique, never the label
  bool described = false;            // false: only known as the affiliation of another actor
  bool operator==(const ActorProps&) const = default;
};

struct RelationProps {
  std::string type;                 // a relation type, or kRepresents
  std::size_t weight = 0;           // distinct dispatches behind the edge
  std::size_t evidence_count = 0;   // assertions behind the edge
  std::string first_date;  // earliest non-empty dispatch date, compared as a string
  std::string last_date;   // latest one
  bool rolled_up = false;  // every assertion behind it was credited from a person
  // With Evidence::kAssertionIds, dispatch id -> indexes of the assertions in its
  // record.relations (sorted); a represents edge lists its dispatches with no index. Empty with
  // Evidence::kCounts.
  std::map<std::string, std::vector<std::uint32_t>> evidence;
  bool operator==(const RelationProps&) const = default;

  std::vector<std::string> assertion_ids() const;  // "<dispatch id>#<index>", sorted
};

// What an edge keeps of the assertions behind it.
enum class Evidence {
  // Every (dispatch, assertion index), for the writers that list them: exact under any order
  // of add() and merge(), even when the same dispatch is added twice.
  kAssertionIds,
  // The counts alone, so that memory grows with the graph and not with the corpus. Each
  // dispatch must be added once, and graphs merged must hold different dispatches (build's
  // ingest skips repeated ids).
  kCounts,
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, ActorProps,
                                    RelationProps>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

// "<dispatch id>#<index of the assertion in record.relations>".
std::string assertion_id(std::string_view dispatch_id, std::size_t index);
bool is_symmetric(std::string_view type);
// The label, or the id when the actor has none, for writers that need a name.
const std::string& display_label(const ActorProps& actor);

class DiplomaticGraph {
 public:
  explicit DiplomaticGraph(Evidence evidence = Evidence::kAssertionIds) : evidence_(evidence) {}

  // Adds the record's actors and the assertions that hold (Assertion::holds()).
  void add(const DispatchRecord& record);
  // Afterwards *this equals the graph built from the inputs of both. Both keep the same
  // Evidence.
  void merge(const DiplomaticGraph& other);
  Evidence evidence() const { return evidence_; }

  const Graph& boost_graph() const { return graph_; }
  std::size_t num_actors() const { return boost::num_vertices(graph_); }
  std::size_t num_relations() const { return boost::num_edges(graph_); }

  // Sorted views for writers: vertices by actor id, edges by (source id, type, target id).
  std::vector<Vertex> sorted_vertices() const;
  std::vector<Edge> sorted_edges() const;

  const ActorProps& actor(Vertex v) const { return graph_[v]; }
  const RelationProps& relation(Edge e) const { return graph_[e]; }
  const ActorProps& source(Edge e) const { return graph_[boost::source(e, graph_)]; }
  const ActorProps& target(Edge e) const { return graph_[boost::target(e, graph_)]; }

  std::optional<Vertex> find_actor(std::string_view id) const;
  // For a symmetric type the two ids may be given in either order.
  std::optional<Edge> find_relation(std::string_view source_id, std::string_view type,
                                    std::string_view target_id) const;

  // Same actors and relations, whatever order they were added in.
  bool operator==(const DiplomaticGraph& other) const;

 private:
  Vertex vertex_for(const ActorRef& actor);
  Vertex vertex_for_id(const std::string& id);
  std::optional<Edge> find_edge(Vertex source, std::string_view type, Vertex target) const;
  Edge edge_for(Vertex source, const std::string& type, Vertex target);
  void add_relations(const DispatchRecord& record, std::vector<RelationProps*>& touched);
  void add_affiliations(const DispatchRecord& record, std::vector<RelationProps*>& touched);
  void add_evidence(RelationProps& into, const DispatchRecord& record,
                    std::optional<std::uint32_t> index, bool rolled_up,
                    std::vector<RelationProps*>& touched) const;
  void join_relation(RelationProps& into, const RelationProps& from) const;

  Evidence evidence_;
  Graph graph_;
  // Hashed: every actor of every record is looked up.
  StringMap<Vertex> by_id_;
  // Each edge by (source, target, type id), as its place among the source's out-edges: a hub
  // actor has thousands of out-edges, and finding an assertion's edge among them cost more
  // the larger the graph. A place rather than a descriptor, so that a copy's index holds.
  EdgeIndex edge_at_;
  StringMap<std::uint32_t> type_ids_;  // the type ids of edge_at_, in order of first use
  // Per vertex: the alias list it last took in whole (see vertex_for). Holding the list keeps
  // its identity from being reused by another list.
  std::vector<NameList> absorbed_;
};

}  // namespace diplograph::graph
