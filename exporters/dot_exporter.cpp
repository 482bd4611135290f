// Graphviz DOT: every id and value a quoted, escaped string, so no actor name can break out of
// its statement. allied-with is drawn without an arrow.
#include "exporters/file_exporter.h"
#include "exporters/text.h"

namespace diplograph::exporters {
namespace {

std::string attr(std::string_view name, std::string_view value) {
  return std::string(name) + "=" + dot_quoted(value);
}

std::string node_line(const graph::ActorProps& a) {
  return "  " + dot_quoted(node_key(a.id)) + " [" + attr("label", graph::display_label(a)) + ", " +
         attr("kind", to_string(a.kind)) + ", " + attr("code", a.code) + ", " +
         attr("fillcolor", hex_color(kind_color(a.kind))) + "];\n";
}

std::string edge_line(const graph::DiplomaticGraph& g, graph::Edge e) {
  const auto& r = g.relation(e);
  std::string line = "  " + dot_quoted(node_key(g.source(e).id)) + " -> " +
                     dot_quoted(node_key(g.target(e).id)) + " [" + attr("label", r.type) + ", " +
                     attr("type", r.type) + ", weight=" + std::to_string(r.weight) + ", " +
                     attr("first_date", r.first_date) + ", " + attr("last_date", r.last_date) +
                     ", rolled_up=" + (r.rolled_up ? "true" : "false");
  if (graph::is_symmetric(r.type)) line += ", dir=none";
  return line + "];\n";
}

}  // namespace

bool write_dot(const graph::DiplomaticGraph& g, const std::vector<AtomicFile*>& files) {
  AtomicFile& out = *files[0];
  bool ok = out.write("digraph \"diplograph\" {\n  node [style=filled];\n");
  for (const auto v : g.sorted_vertices()) ok = ok && out.write(node_line(g.actor(v)));
  for (const auto e : g.sorted_edges()) ok = ok && out.write(edge_line(g, e));
  return ok && out.write("}\n");
}

}  // namespace diplograph::exporters
