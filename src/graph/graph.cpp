#include "graph/graph.h"

#include <algorithm>
#include <tuple>

namespace diplograph::graph {
namespace {

// The preferred of two values of one field: a value over none, the longer (fuller) over the
// shorter, then the smaller. A total order, so the choice ignores arrival order.
const std::string& better(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() > b.size() ? a : b;
  return std::min(a, b);
}

void insert_sorted(std::vector<std::string>& into, const std::string& value) {
  const auto at = std::lower_bound(into.begin(), into.end(), value);
  if (at == into.end() || *at != value) into.insert(at, value);
}

template <typename T>
void merge_sorted(std::vector<T>& into, const std::vector<T>& from) {
  std::vector<T> out;
  out.reserve(into.size() + from.size());
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(out));
  into = std::move(out);
}

// An actor known only by id (someone's affiliation): its kind is read from the id's prefix.
ActorKind kind_from_id(std::string_view id) {
  if (id.starts_with("person/")) return ActorKind::Person;
  if (id.starts_with("org/")) return ActorKind::InternationalOrganization;
  if (id.starts_with("group/")) return ActorKind::NonStateGroup;
  if (id.starts_with("region/")) return ActorKind::Region;
  return ActorKind::State;
}

ActorProps props_from(const ActorRef& ref) {
  ActorProps p{ref.id, ref.label, ref.code, ref.qid, ref.kind, {}, true};
  for (const auto& alias : ref.aliases)
    if (!alias.empty() && alias != ref.label) insert_sorted(p.aliases, alias);
  return p;
}

// Every name either side knew stays: the chosen label, the others as aliases.
void join_actor(ActorProps& into, const ActorProps& from) {
  if (!from.described) return;
  if (!into.described) {
    into = from;
    return;
  }
  std::vector<std::string> names = into.aliases;
  merge_sorted(names, from.aliases);
  if (!into.label.empty()) insert_sorted(names, into.label);
  if (!from.label.empty()) insert_sorted(names, from.label);
  into.label = better(into.label, from.label);
  std::erase(names, into.label);
  into.aliases = std::move(names);
  into.code = better(into.code, from.code);
  into.qid = better(into.qid, from.qid);
  into.kind = std::min(into.kind, from.kind);
}

// Whether joining `ref` into `into` would change nothing: the common case of an actor seen
// again, checked without building its ActorProps (which allocates). `names_known`: every
// alias of `ref` is already one of `into`'s names.
bool absorbs(const ActorProps& into, const ActorRef& ref, bool names_known) {
  const auto has_name = [&](const std::string& name) {
    return name.empty() || name == into.label ||
           std::binary_search(into.aliases.begin(), into.aliases.end(), name);
  };
  if (!into.described || into.kind > ref.kind || better(into.label, ref.label) != into.label ||
      better(into.code, ref.code) != into.code || better(into.qid, ref.qid) != into.qid ||
      !has_name(ref.label))
    return false;
  return names_known || std::all_of(ref.aliases.begin(), ref.aliases.end(), has_name);
}

void note_date(RelationProps& props, const std::string& date) {
  if (date.empty()) return;
  if (props.first_date.empty() || date < props.first_date) props.first_date = date;
  if (props.last_date.empty() || date > props.last_date) props.last_date = date;
}

// Every actor a record names: its actor list, the sides of its relations and their speakers.
template <typename F>
void for_each_actor(const DispatchRecord& record, F&& f) {
  for (const auto& am : record.actors) f(am.actor);
  for (const auto& a : record.relations) {
    f(a.source);
    f(a.target);
    if (a.speaker) f(*a.speaker);
  }
}

}  // namespace

std::vector<std::string> RelationProps::assertion_ids() const {
  std::vector<std::string> ids;
  for (const auto& [dispatch, indexes] : evidence)
    for (const auto index : indexes) ids.push_back(assertion_id(dispatch, index));
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string assertion_id(std::string_view dispatch_id, std::size_t index) {
  return std::string(dispatch_id) + "#" + std::to_string(index);
}

bool is_symmetric(std::string_view type) { return type == kAlliedWith; }

const std::string& display_label(const ActorProps& actor) {
  return actor.label.empty() ? actor.id : actor.label;
}

Vertex DiplomaticGraph::vertex_for_id(const std::string& id) {
  if (const auto found = by_id_.find(id); found != by_id_.end()) return found->second;
  ActorProps props;
  props.id = id;
  props.kind = kind_from_id(id);
  const Vertex v = boost::add_vertex(std::move(props), graph_);
  by_id_.emplace(id, v);
  absorbed_.emplace_back();
  return v;
}

Vertex DiplomaticGraph::vertex_for(const ActorRef& actor) {
  const Vertex v = vertex_for_id(actor.id);
  // A gazetteer actor's references share one alias list: once it is absorbed, seeing the same
  // list again says its names are known without comparing them (an actor's names only grow).
  NameList& absorbed = absorbed_[v];
  const bool names_known = !actor.aliases.empty() && actor.aliases.shares(absorbed);
  if (!absorbs(graph_[v], actor, names_known)) join_actor(graph_[v], props_from(actor));
  if (!names_known) absorbed = actor.aliases;
  return v;
}

std::optional<Edge> DiplomaticGraph::find_edge(Vertex source, std::string_view type,
                                               Vertex target) const {
  const auto type_id = type_ids_.find(type);
  if (type_id == type_ids_.end()) return std::nullopt;
  const auto at = edge_at_.find({source, target, type_id->second});
  if (!at) return std::nullopt;
  // Random access: the out-edge list is a vector (vecS).
  return *(boost::out_edges(source, graph_).first + static_cast<std::ptrdiff_t>(*at));
}

Edge DiplomaticGraph::edge_for(Vertex source, const std::string& type, Vertex target) {
  if (const auto found = find_edge(source, type, target)) return *found;
  RelationProps props;
  props.type = type;
  props.rolled_up = true;  // the identity of "and": the first assertion decides
  const auto type_id =
      type_ids_.try_emplace(type, static_cast<std::uint32_t>(type_ids_.size())).first->second;
  edge_at_.insert({source, target, type_id}, boost::out_degree(source, graph_));
  return boost::add_edge(source, target, std::move(props), graph_).first;
}

void DiplomaticGraph::join_relation(RelationProps& into, const RelationProps& from) const {
  if (evidence_ == Evidence::kAssertionIds) {
    for (const auto& [dispatch, indexes] : from.evidence)
      merge_sorted(into.evidence[dispatch], indexes);
    into.weight = into.evidence.size();
    into.evidence_count = 0;
    for (const auto& [dispatch, indexes] : into.evidence) into.evidence_count += indexes.size();
  } else {
    into.weight += from.weight;
    into.evidence_count += from.evidence_count;
  }
  note_date(into, from.first_date);
  note_date(into, from.last_date);
  into.rolled_up = into.rolled_up && from.rolled_up;
}

// One assertion (or, with no index, one represents link) of dispatch `record` behind an edge;
// the same as join_relation with a one-assertion edge, without building one. `touched` lists
// the edges this record has reached so far, so that kCounts counts the dispatch once.
void DiplomaticGraph::add_evidence(RelationProps& into, const DispatchRecord& record,
                                   std::optional<std::uint32_t> index, bool rolled_up,
                                   std::vector<RelationProps*>& touched) const {
  if (evidence_ == Evidence::kAssertionIds) {
    auto& indexes = into.evidence[record.id];
    if (index) {
      const auto at = std::lower_bound(indexes.begin(), indexes.end(), *index);
      if (at == indexes.end() || *at != *index) {
        indexes.insert(at, *index);
        ++into.evidence_count;
      }
    }
    into.weight = into.evidence.size();
  } else {
    // Assertion indexes are distinct within a record, and a record is added once.
    if (index) ++into.evidence_count;
    if (std::find(touched.begin(), touched.end(), &into) == touched.end()) {
      touched.push_back(&into);
      ++into.weight;
    }
  }
  note_date(into, record.date);
  into.rolled_up = into.rolled_up && rolled_up;
}

void DiplomaticGraph::add_relations(const DispatchRecord& record,
                                    std::vector<RelationProps*>& touched) {
  for (std::size_t i = 0; i < record.relations.size(); ++i) {
    const Assertion& a = record.relations[i];
    if (!a.holds()) continue;
    // add() has taken in every actor of the record already: only the vertices are wanted.
    Vertex s = vertex_for_id(a.source.id);
    Vertex t = vertex_for_id(a.target.id);
    if (is_symmetric(a.type) && graph_[t].id < graph_[s].id) std::swap(s, t);
    add_evidence(graph_[edge_for(s, a.type, t)], record, static_cast<std::uint32_t>(i),
                 !a.rolled_up_from.empty(), touched);
  }
}

void DiplomaticGraph::add_affiliations(const DispatchRecord& record,
                                        std::vector<RelationProps*>& touched) {
  for_each_actor(record, [&](const ActorRef& ref) {
    if (ref.affiliation.empty() || ref.affiliation == ref.id) return;
    const Vertex person = vertex_for_id(ref.id);
    const Vertex body = vertex_for_id(ref.affiliation);
    add_evidence(graph_[edge_for(person, std::string(kRepresents), body)], record, std::nullopt,
                 false, touched);
  });
}

void DiplomaticGraph::add(const DispatchRecord& record) {
  for_each_actor(record, [&](const ActorRef& ref) { vertex_for(ref); });
  std::vector<RelationProps*> touched;  // edge properties stay put: the edge list is a list
  add_relations(record, touched);
  add_affiliations(record, touched);
}

void DiplomaticGraph::merge(const DiplomaticGraph& other) {
  const Graph& og = other.graph_;
  for (const auto v : boost::make_iterator_range(boost::vertices(og)))
    join_actor(graph_[vertex_for_id(og[v].id)], og[v]);
  for (const auto e : boost::make_iterator_range(boost::edges(og))) {
    const Vertex s = vertex_for_id(og[boost::source(e, og)].id);
    const Vertex t = vertex_for_id(og[boost::target(e, og)].id);
    join_relation(graph_[edge_for(s, og[e].type, t)], og[e]);
  }
}

std::vector<Vertex> DiplomaticGraph::sorted_vertices() const {
  std::vector<Vertex> out;
  out.reserve(by_id_.size());
  for (const auto& [id, v] : by_id_) out.push_back(v);
  std::sort(out.begin(), out.end(), [this](Vertex a, Vertex b) { return graph_[a].id < graph_[b].id; });
  return out;
}

std::vector<Edge> DiplomaticGraph::sorted_edges() const {
  // Ids and type names are compared once, to rank the vertices and the few types; the edges
  // then sort on three integers. Comparing type names through each edge's properties cost
  // more than all the rest of an export's ordering.
  std::vector<std::size_t> rank(num_actors());
  const auto vertices = sorted_vertices();
  for (std::size_t i = 0; i < vertices.size(); ++i) rank[vertices[i]] = i;
  std::vector<std::pair<std::string_view, std::uint32_t>> types(type_ids_.begin(), type_ids_.end());
  std::sort(types.begin(), types.end());
  std::vector<std::uint32_t> type_rank(types.size());
  for (std::uint32_t i = 0; i < types.size(); ++i) type_rank[types[i].second] = i;
  struct Keyed {
    std::size_t source;
    std::uint32_t type;
    std::size_t target;
    Edge edge;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(num_relations());
  for (const auto e : boost::make_iterator_range(boost::edges(graph_))) {
    // Every edge's type has an id: edge_for() gives it one before making the edge.
    const auto type_id = type_ids_.find(graph_[e].type)->second;
    keyed.push_back({rank[boost::source(e, graph_)], type_rank[type_id],
                     rank[boost::target(e, graph_)], e});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.source, a.type, a.target) < std::tie(b.source, b.type, b.target);
  });
  std::vector<Edge> out;
  out.reserve(keyed.size());
  for (const auto& k : keyed) out.push_back(k.edge);
  return out;
}

std::optional<Vertex> DiplomaticGraph::find_actor(std::string_view id) const {
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

std::optional<Edge> DiplomaticGraph::find_relation(std::string_view source_id,
                                                   std::string_view type,
                                                   std::string_view target_id) const {
  if (is_symmetric(type) && target_id < source_id) std::swap(source_id, target_id);
  const auto s = find_actor(source_id);
  const auto t = find_actor(target_id);
  if (!s || !t) return std::nullopt;
  return find_edge(*s, type, *t);
}

bool DiplomaticGraph::operator==(const DiplomaticGraph& other) const {
  if (num_actors() != other.num_actors() || num_relations() != other.num_relations()) return false;
  const auto mine = sorted_vertices();
  const auto theirs = other.sorted_vertices();
  for (std::size_t i = 0; i < mine.size(); ++i)
    if (actor(mine[i]) != other.actor(theirs[i])) return false;
  const auto my_edges = sorted_edges();
  const auto their_edges = other.sorted_edges();
  for (std::size_t i = 0; i < my_edges.size(); ++i) {
    const Edge a = my_edges[i];
    const Edge b = their_edges[i];
    if (source(a).id != other.source(b).id || target(a).id != other.target(b).id ||
        relation(a) != other.relation(b))
      return false;
  }
  return true;
}

}  // namespace diplograph::graph
