// Structural balance (Heider; Cartwright and Harary) of the signed graph that the relations
// make: cooperative +, accuses -. A triad is balanced when the product of its signs is +:
// "+++" (three partners) and "+--" (two partners against a common adversary).
#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "analysis/detail.h"

namespace diplograph::analysis::detail {
namespace {

using graph::Vertex;
using Pair = std::pair<Vertex, Vertex>;  // first < second

// The net signed weight of every pair of actors, over both directions and all types; pairs
// whose cooperation and accusations cancel are left out, as having no sign.
std::map<Pair, long> signed_pairs(const graph::DiplomaticGraph& g) {
  const graph::Graph& bg = g.boost_graph();
  std::map<Pair, long> net;
  for (const auto e : boost::make_iterator_range(boost::edges(bg))) {
    const int sign = relation_sign(bg[e].type);
    Vertex s = boost::source(e, bg);
    Vertex t = boost::target(e, bg);
    if (sign == 0 || s == t) continue;
    if (t < s) std::swap(s, t);
    net[{s, t}] += sign * static_cast<long>(bg[e].weight);
  }
  std::erase_if(net, [](const auto& entry) { return entry.second == 0; });
  return net;
}

std::vector<std::vector<Vertex>> neighbours(const std::map<Pair, long>& net, std::size_t n) {
  std::vector<std::vector<Vertex>> adjacent(n);
  for (const auto& [pair, weight] : net) {
    adjacent[pair.first].push_back(pair.second);
    adjacent[pair.second].push_back(pair.first);
  }
  for (auto& list : adjacent) std::sort(list.begin(), list.end());
  return adjacent;
}

Triad make_triad(const graph::DiplomaticGraph& g, std::array<Vertex, 3> v,
                 const std::map<Pair, long>& net) {
  std::sort(v.begin(), v.end(), [&](Vertex a, Vertex b) { return g.actor(a).id < g.actor(b).id; });
  Triad triad;
  for (std::size_t i = 0; i < 3; ++i)
    triad.actors[i] = {g.actor(v[i]).id, graph::display_label(g.actor(v[i]))};
  for (const auto& [a, b] : {std::pair{0, 1}, std::pair{1, 2}, std::pair{0, 2}}) {
    const long w = net.at(std::minmax(v[a], v[b]));
    triad.signs += w > 0 ? '+' : '-';
    triad.weight += static_cast<std::size_t>(w > 0 ? w : -w);
  }
  return triad;
}

bool positive(const std::map<Pair, long>& net, Vertex a, Vertex b) {
  return net.at(std::minmax(a, b)) > 0;
}

bool more_unbalanced(const Triad& a, const Triad& b) {
  const auto plus = [](const Triad& t) { return std::count(t.signs.begin(), t.signs.end(), '+'); };
  const auto ids = [](const Triad& t) {
    return std::tie(t.actors[0].id, t.actors[1].id, t.actors[2].id);
  };
  return std::make_tuple(b.weight, plus(b), ids(a)) < std::make_tuple(a.weight, plus(a), ids(b));
}

}  // namespace

// Each triangle is found once, from its two smallest vertices u < v, as a common neighbour
// w > v. It is balanced when the product of its signs is +: when uv is + and the other two
// agree, or uv is - and they differ.
Balance structural_balance(const graph::DiplomaticGraph& g,
                           std::vector<std::size_t>& unbalanced_at) {
  const auto net = signed_pairs(g);
  const auto adjacent = neighbours(net, g.num_actors());
  unbalanced_at.assign(g.num_actors(), 0);
  Balance balance;
  for (const auto& [pair, weight] : net) {
    const auto [u, v] = pair;
    std::vector<Vertex> common;
    std::set_intersection(adjacent[u].begin(), adjacent[u].end(), adjacent[v].begin(),
                          adjacent[v].end(), std::back_inserter(common));
    for (const Vertex w : common) {
      if (w <= v) continue;
      ++balance.triads;
      if ((weight > 0) == (positive(net, u, w) == positive(net, v, w))) {
        ++balance.balanced;
        continue;
      }
      for (const Vertex x : {u, v, w}) ++unbalanced_at[x];
      balance.unbalanced.push_back(make_triad(g, {u, v, w}, net));
    }
  }
  const auto keep = std::min(balance.unbalanced.size(), kMostUnbalanced);
  std::partial_sort(balance.unbalanced.begin(), balance.unbalanced.begin() + keep,
                    balance.unbalanced.end(), more_unbalanced);
  balance.unbalanced.resize(keep);
  return balance;
}

}  // namespace diplograph::analysis::detail
