// Statistics of one graph: degree and betweenness centrality, blocs and mediators per conflict,
// all with Boost.Graph algorithms over the DiplomaticGraph's adjacency_list.
#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "analysis/analysis.h"
#include "analysis/detail.h"

namespace diplograph::analysis {
namespace {

using graph::Edge;
using graph::Vertex;
using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

ActorName name_of(const graph::DiplomaticGraph& g, Vertex v) {
  return {g.actor(v).id, graph::display_label(g.actor(v))};
}

bool by_label(const ActorName& a, const ActorName& b) {
  return std::tie(a.label, a.id) < std::tie(b.label, b.id);
}

// Parallel edges (supports and accuses between the same two) would count as two shortest
// paths in Brandes' algorithm, so betweenness runs on one undirected edge per related pair.
Simple relation_pairs(const graph::DiplomaticGraph& g) {
  const graph::Graph& bg = g.boost_graph();
  Simple simple(boost::num_vertices(bg));
  std::set<std::pair<Vertex, Vertex>> seen;
  for (const Edge e : boost::make_iterator_range(boost::edges(bg))) {
    Vertex s = boost::source(e, bg);
    Vertex t = boost::target(e, bg);
    if (s == t || !detail::is_relation(bg[e].type)) continue;
    if (t < s) std::swap(s, t);
    if (seen.emplace(s, t).second) boost::add_edge(s, t, simple);
  }
  return simple;
}

// Rounded so that actors in symmetric positions, whose sums differ in the last bits with the
// order of accumulation, tie and sort by id; and so that the output is the same on every run.
double rounded(double x) { return std::round(x * 1e9) / 1e9; }

std::vector<double> betweenness(const graph::DiplomaticGraph& g) {
  const Simple simple = relation_pairs(g);
  std::vector<double> centrality(boost::num_vertices(simple), 0.0);
  boost::brandes_betweenness_centrality(
      simple, boost::make_iterator_property_map(centrality.begin(),
                                                boost::get(boost::vertex_index, simple)));
  for (double& c : centrality) c = rounded(c);
  return centrality;
}

void count_degrees(const graph::DiplomaticGraph& g, std::vector<ActorStats>& actors) {
  const graph::Graph& bg = g.boost_graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(bg))) {
    const auto& r = bg[e];
    if (!detail::is_relation(r.type)) continue;
    ActorStats& s = actors[boost::source(e, bg)];
    ActorStats& t = actors[boost::target(e, bg)];
    const bool directed = !graph::is_symmetric(r.type);
    ++s.degree;
    s.weight += r.weight;
    s.out_degree += directed;
    if (&s == &t) continue;  // a loop is one edge at one actor
    ++t.degree;
    t.weight += r.weight;
    t.in_degree += directed;
  }
}

struct Cooperative {
  const graph::Graph* g = nullptr;
  bool operator()(Edge e) const { return detail::relation_sign((*g)[e].type) > 0; }
};

// Components of the cooperative subgraph, direction ignored: incremental_components joins
// the two ends of every edge, which connected_components would not do on a directed graph.
std::vector<Bloc> blocs(const graph::DiplomaticGraph& g, std::vector<ActorStats>& actors) {
  const graph::Graph& bg = g.boost_graph();
  const boost::filtered_graph<graph::Graph, Cooperative> cooperative(bg, Cooperative{&bg});
  const std::size_t n = boost::num_vertices(bg);
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  boost::initialize_incremental_components(cooperative, sets);
  boost::incremental_components(cooperative, sets);

  std::map<std::size_t, std::vector<Vertex>> by_root;
  for (const Vertex v : g.sorted_vertices()) by_root[sets.find_set(v)].push_back(v);
  std::vector<std::vector<Vertex>> groups;
  for (auto& [root, members] : by_root)
    if (members.size() > 1) groups.push_back(std::move(members));
  // Largest first, then by smallest actor id (each group's first, as vertices came sorted):
  // root indexes depend on the order the graph was built in, ids do not.
  std::sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : g.actor(a[0]).id < g.actor(b[0]).id;
  });

  std::vector<Bloc> out;
  for (const auto& members : groups) {
    Bloc bloc;
    for (const Vertex v : members) {
      bloc.members.push_back(name_of(g, v));
      actors[v].bloc = out.size() + 1;
    }
    std::sort(bloc.members.begin(), bloc.members.end(), by_label);
    out.push_back(std::move(bloc));
  }
  return out;
}

using Parties = std::set<Vertex>;
using DispatchesBy = std::map<Vertex, std::set<std::string>>;  // mediator -> dispatch ids

// The parties each mediator mediates for in each dispatch, then the mediators and dispatches
// of each such set of parties.
std::map<Parties, DispatchesBy> mediations(const graph::DiplomaticGraph& g) {
  const graph::Graph& bg = g.boost_graph();
  std::map<std::pair<Vertex, std::string>, Parties> by_mediator;  // (mediator, dispatch)
  for (const Edge e : boost::make_iterator_range(boost::edges(bg))) {
    if (bg[e].type != "mediates") continue;
    for (const auto& [dispatch, indexes] : bg[e].evidence)
      by_mediator[{boost::source(e, bg), dispatch}].insert(boost::target(e, bg));
  }
  std::map<Parties, DispatchesBy> out;
  for (const auto& [mediator_dispatch, parties] : by_mediator)
    out[parties][mediator_dispatch.first].insert(mediator_dispatch.second);
  return out;
}

Conflict conflict(const graph::DiplomaticGraph& g, const Parties& parties,
                  const DispatchesBy& by_mediator) {
  Conflict c;
  for (const Vertex p : parties) c.parties.push_back(name_of(g, p));
  std::sort(c.parties.begin(), c.parties.end(), by_label);
  std::set<std::string> dispatches;
  for (const auto& [mediator, seen] : by_mediator) {
    c.mediators.push_back({name_of(g, mediator), seen.size()});
    dispatches.insert(seen.begin(), seen.end());
  }
  std::sort(c.mediators.begin(), c.mediators.end(), [](const Mediator& a, const Mediator& b) {
    return std::tie(b.weight, a.actor.id) < std::tie(a.weight, b.actor.id);
  });
  c.weight = dispatches.size();
  return c;
}

// Party ids, sorted: vertex indexes depend on the order the graph was built in, ids do not.
std::vector<std::string> party_ids(const Conflict& c) {
  std::vector<std::string> out;
  for (const auto& p : c.parties) out.push_back(p.id);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Conflict> conflicts(const graph::DiplomaticGraph& g) {
  std::vector<Conflict> out;
  for (const auto& [parties, by_mediator] : mediations(g))
    out.push_back(conflict(g, parties, by_mediator));
  std::sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return a.weight != b.weight ? a.weight > b.weight : party_ids(a) < party_ids(b);
  });
  return out;
}

bool more_central(const ActorStats& a, const ActorStats& b) {
  return std::tie(b.betweenness, b.degree, b.weight, a.actor.id) <
         std::tie(a.betweenness, a.degree, a.weight, b.actor.id);
}

}  // namespace

Stats compute_stats(const graph::DiplomaticGraph& g) {
  const std::size_t n = g.num_actors();
  std::vector<ActorStats> actors(n);
  for (Vertex v = 0; v < n; ++v) {
    actors[v].actor = name_of(g, v);
    actors[v].kind = g.actor(v).kind;
  }
  count_degrees(g, actors);
  const auto centrality = betweenness(g);
  // Pairs among the other related actors: (m-1)(m-2)/2, so 1 is a hub that every path
  // crosses. Actors in no relation (merely named, or known as someone's affiliation) stay
  // out of m: the score must not depend on how many bystanders the dispatches name.
  const auto m = static_cast<double>(std::count_if(
      actors.begin(), actors.end(), [](const ActorStats& a) { return a.degree > 0; }));
  const double pairs = m > 2 ? (m - 1) * (m - 2) / 2.0 : 1.0;
  for (Vertex v = 0; v < n; ++v) {
    actors[v].betweenness = centrality[v];
    actors[v].betweenness_normalized = rounded(centrality[v] / pairs);
  }

  Stats stats;
  stats.period = "all";
  stats.blocs = blocs(g, actors);
  stats.conflicts = conflicts(g);
  std::vector<std::size_t> unbalanced_at;
  stats.balance = detail::structural_balance(g, unbalanced_at);
  for (Vertex v = 0; v < n; ++v) actors[v].unbalanced_triads = unbalanced_at[v];
  for (const Edge e : boost::make_iterator_range(boost::edges(g.boost_graph())))
    stats.relations += detail::is_relation(g.relation(e).type);
  for (auto& a : actors)
    if (a.degree > 0) stats.actors.push_back(std::move(a));
  std::sort(stats.actors.begin(), stats.actors.end(), more_central);
  return stats;
}

void PeriodGraphs::add(const DispatchRecord& record) {
  Slice& slice = slices_[period_of(record.date, by_)];
  slice.graph.add(record);
  ++slice.dispatches;
}

// The map's order is the date order: periods are ISO prefixes, and kUndated sorts after digits.
std::vector<Stats> PeriodGraphs::stats() const {
  std::vector<Stats> out;
  for (const auto& [period, slice] : slices_) {
    Stats s = compute_stats(slice.graph);
    s.period = period;
    s.dispatches = slice.dispatches;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace diplograph::analysis
