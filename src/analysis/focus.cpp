// What a picture shows: the whole graph, or the neighbourhood of one actor.
#include <algorithm>
#include <stdexcept>

#include "analysis/analysis.h"

namespace diplograph::analysis {
namespace {

using graph::Vertex;

// ASCII only: names are compared as typed on a command line, and a byte-wise fold keeps
// UTF-8 intact.
std::string folded(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool answers_to(const graph::ActorProps& actor, const std::string& name) {
  if (folded(actor.label) == name || (!actor.code.empty() && folded(actor.code) == name))
    return true;
  return std::any_of(actor.aliases.begin(), actor.aliases.end(),
                     [&](const std::string& alias) { return folded(alias) == name; });
}

std::string listed(const graph::DiplomaticGraph& g, const std::vector<Vertex>& actors) {
  std::string out;
  for (const Vertex v : actors)
    out +=
        (out.empty() ? "" : ", ") + g.actor(v).id + " (" + graph::display_label(g.actor(v)) + ")";
  return out;
}

}  // namespace

std::optional<ImageFormat> image_format_for(const std::filesystem::path& file) {
  const std::string ext = folded(file.extension().string());
  if (ext == ".svg") return ImageFormat::Svg;
  if (ext == ".png") return ImageFormat::Png;
  return std::nullopt;
}

Vertex find_actor_named(const graph::DiplomaticGraph& g, std::string_view name) {
  if (const auto v = g.find_actor(name)) return *v;
  const std::string wanted = folded(name);
  std::vector<Vertex> found;
  for (const Vertex v : g.sorted_vertices())
    if (answers_to(g.actor(v), wanted)) found.push_back(v);
  if (found.size() == 1) return found[0];
  if (found.empty())
    throw std::invalid_argument("no actor named '" + std::string(name) +
                                "' in the graph; give an id (state/TUR), a name or a code");
  throw std::invalid_argument("'" + std::string(name) +
                              "' names several actors; give one of their ids: " + listed(g, found));
}

// Breadth first, one ring at a time, over out- and in-edges alike: a picture of an actor
// shows who acts on it as well as whom it acts on.
std::vector<Vertex> neighbourhood(const graph::DiplomaticGraph& g, Vertex focus, int depth) {
  const graph::Graph& bg = g.boost_graph();
  std::vector<bool> seen(g.num_actors(), false);
  seen[focus] = true;
  std::vector<Vertex> ring{focus};
  for (int d = 0; d < depth && !ring.empty(); ++d) {
    std::vector<Vertex> next;
    const auto visit = [&](Vertex u) {
      if (!seen[u]) next.push_back(u);
      seen[u] = true;
    };
    for (const Vertex v : ring) {
      for (const auto e : boost::make_iterator_range(boost::out_edges(v, bg)))
        visit(boost::target(e, bg));
      for (const auto e : boost::make_iterator_range(boost::in_edges(v, bg)))
        visit(boost::source(e, bg));
    }
    ring = std::move(next);
  }
  std::vector<Vertex> out;
  for (const Vertex v : g.sorted_vertices())
    if (seen[v]) out.push_back(v);
  return out;
}

// Actors merely named in a dispatch have no edge: drawn, they would crowd the picture with
// boxes that say nothing.
Drawing whole_graph(const graph::DiplomaticGraph& g, std::string caption) {
  const graph::Graph& bg = g.boost_graph();
  Drawing drawing;
  for (const Vertex v : g.sorted_vertices())
    if (boost::out_degree(v, bg) + boost::in_degree(v, bg) > 0) drawing.actors.push_back(v);
  drawing.caption = std::move(caption);
  return drawing;
}

}  // namespace diplograph::analysis
