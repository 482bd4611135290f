// Pictures through Graphviz's libraries (cgraph builds the graph, gvc lays it out and renders
// it). Graphviz types stay in this file.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <stdexcept>

#include "analysis/analysis.h"
#include "analysis/detail.h"
#include "exporters/text.h"

namespace diplograph::analysis {
namespace {

using graph::Edge;
using graph::Vertex;

// neato places a small drawing more evenly; sfdp's multilevel layout keeps large ones fast.
constexpr std::size_t kNeatoLimit = 60;
// Routing splines around the nodes costs minutes beyond a few hundred edges, where a picture
// is a texture rather than something to read: there the edges are straight.
constexpr int kSplineLimit = 600;

// ---- Graphviz resources

// Graphviz reports errors through a global callback: they are collected here, for the
// exception, instead of going to stderr. Warnings (overlaps being removed, ...) are dropped.
std::string g_errors;
int collect_error(char* message) {
  g_errors += message;
  return 0;
}

class ErrorCapture {
 public:
  ErrorCapture() : previous_(agseterrf(collect_error)), level_(agseterr(AGERR)) {
    g_errors.clear();
  }
  ~ErrorCapture() {
    agseterrf(previous_);
    agseterr(level_);
  }
  static std::string text() { return g_errors.empty() ? "no message" : g_errors; }

 private:
  agusererrf previous_;
  agerrlevel_t level_;
};

// One context for the process, never freed. Graphviz 2.42's pango plugin keeps a pointer to
// the last font name, which the context owns: after gvFreeContext, the next context's first
// label reads freed memory. And freeing a context unloads the plugins, whose font caches then
// count as leaks. Graphviz is not thread-safe in any case: one render() at a time.
GVC_t* context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

struct CloseGraph {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// The layout is freed before the graph is closed. Freeing a layout that failed or never ran
// is safe: gvFreeLayout checks what there is to free.
class LaidOut {
 public:
  LaidOut(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  ~LaidOut() { gvFreeLayout(gvc_, g_); }
  LaidOut(const LaidOut&) = delete;
  LaidOut& operator=(const LaidOut&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

// cgraph's API predates const; it copies every string it is given and modifies none.
char* chars(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* chars(const char* s) { return const_cast<char*>(s); }

void set(void* object, const std::string& name, const std::string& value) {
  static const std::string none;
  agsafeset(object, chars(name), chars(value), chars(none));
}

// Plain labels and tooltips are "escString"s: a backslash starts an escape (\N is the node's
// name), and an '&' that looks like an entity is passed on as one, which would break the SVG.
std::string gv_text(std::string_view text) {
  std::string out;
  for (const char c : exporters::clean_text(text)) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// ---- What is drawn

std::string with_alpha(ActorKind kind, const char* alpha) {
  return exporters::hex_color(exporters::kind_color(kind)) + alpha;
}

std::size_t relation_degree(const graph::DiplomaticGraph& g, Vertex v) {
  std::size_t n = 0;
  const graph::Graph& bg = g.boost_graph();
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, bg)))
    n += detail::is_relation(bg[e].type);
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, bg)))
    n += detail::is_relation(bg[e].type);
  return n;
}

// Text grows with the number of relations, so that the hubs are read first.
std::string font_size(std::size_t degree, bool focus) {
  const double size = std::min(22.0, 10.0 + 2.0 * std::log2(1.0 + double(degree)));
  return exporters::format_number(std::round(size + (focus ? 4 : 0)));
}

Agnode_t* add_actor(Agraph_t* out, const graph::DiplomaticGraph& g, Vertex v, bool focus) {
  const graph::ActorProps& a = g.actor(v);
  Agnode_t* node = agnode(out, chars(exporters::node_key(a.id)), 1);
  const std::size_t degree = relation_degree(g, v);
  set(node, "label", gv_text(graph::display_label(a)));
  set(node, "fillcolor", with_alpha(a.kind, focus ? "99" : "33"));
  set(node, "color", with_alpha(a.kind, ""));
  set(node, "fontsize", font_size(degree, focus));
  if (focus) set(node, "penwidth", "3");
  std::string tip = graph::display_label(a) + " (" + to_string(a.kind);
  if (!a.code.empty()) tip += ", " + a.code;
  set(node, "tooltip", gv_text(tip + "): " + std::to_string(degree) + " relations"));
  return node;
}

std::string edge_tooltip(const graph::DiplomaticGraph& g, Edge e) {
  const auto& r = g.relation(e);
  std::string tip = graph::display_label(g.source(e)) + " " + r.type + " " +
                    graph::display_label(g.target(e)) + ": " + std::to_string(r.weight) +
                    (r.weight == 1 ? " dispatch" : " dispatches");
  if (!r.first_date.empty()) tip += ", " + r.first_date;
  if (r.last_date != r.first_date) tip += " to " + r.last_date;
  if (r.rolled_up) tip += " (credited from a person)";
  return tip;
}

// Width grows with the log of the dispatches behind the edge, so one heavy edge does not
// swamp the picture.
std::string pen_width(std::size_t weight) {
  const double w = std::min(6.0, 1.0 + 1.25 * std::log2(double(std::max<std::size_t>(weight, 1))));
  return exporters::format_number(std::round(w * 100) / 100);
}

void add_relation(Agraph_t* out, const graph::DiplomaticGraph& g, Edge e, std::size_t n,
                  const std::vector<Agnode_t*>& nodes, bool link) {
  const auto& r = g.relation(e);
  const graph::Graph& bg = g.boost_graph();
  Agedge_t* edge = agedge(out, nodes[boost::source(e, bg)], nodes[boost::target(e, bg)],
                          chars(exporters::edge_key(n)), 1);
  set(edge, "color", detail::relation_color(r.type));
  set(edge, "tooltip", gv_text(edge_tooltip(g, e)));
  if (link) set(edge, "href", std::string("#").append(exporters::edge_key(n)));
  if (r.type == graph::kRepresents) {
    set(edge, "style", "dashed");
    set(edge, "arrowhead", "none");
    return;
  }
  set(edge, "penwidth", pen_width(r.weight));
  if (graph::is_symmetric(r.type)) set(edge, "dir", "none");
}

// ---- Legend: an HTML-like table as the graph's label, since sfdp and neato draw no clusters

std::string swatch_cell(ActorKind kind) {
  return "<TD BORDER=\"1\" COLOR=\"" + with_alpha(kind, "") + "\" BGCOLOR=\"" +
         with_alpha(kind, "33") + "\" WIDTH=\"24\"> </TD>";
}

std::string line_cell(std::string_view type, const char* glyphs) {
  return "<TD><FONT COLOR=\"" + detail::relation_color(type) + "\">" + glyphs + "</FONT></TD>";
}

std::string name_cell(std::string_view name) {
  return "<TD ALIGN=\"LEFT\">" + detail::html_escape(name) + "</TD>";
}

// Two columns, the kinds drawn and the relation types drawn (`types`, represents included
// when a represents link is), one of each per row.
std::string legend(const graph::DiplomaticGraph& g, const Drawing& drawing,
                   const std::set<std::string, std::less<>>& types) {
  std::set<ActorKind> kinds;
  for (const Vertex v : drawing.actors) kinds.insert(g.actor(v).kind);
  std::vector<std::string> left, right;
  for (const ActorKind kind : kinds)
    left.push_back(swatch_cell(kind) + name_cell(detail::kind_label(kind)));
  for (const std::string& type : detail::relation_types(g))
    if (types.contains(type))
      right.push_back(line_cell(type, "&#9473;&#9473;&#9473;") + name_cell(type));
  if (types.contains(graph::kRepresents))
    right.push_back(line_cell(graph::kRepresents, "&#9548;&#9548;&#9548;") +
                    name_cell("represents: a person, the body it speaks for"));
  const std::string empty = "<TD></TD><TD></TD>";
  std::string rows;
  for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i)
    rows += "<TR>" + (i < left.size() ? left[i] : empty) + "<TD WIDTH=\"24\"></TD>" +
            (i < right.size() ? right[i] : empty) + "</TR>";
  return "<TABLE BORDER=\"0\" CELLSPACING=\"2\"><TR><TD ALIGN=\"LEFT\" COLSPAN=\"5\">" +
         detail::html_escape(drawing.caption) + "</TD></TR>" + rows + "</TABLE>";
}

void set_html_label(Agraph_t* out, const std::string& html) {
  Agsym_t* label = agattr(out, AGRAPH, chars("label"), chars(""));
  char* value = agstrdup_html(out, chars(html));
  agxset(out, label, value);
  agstrfree(out, value);
}

using Attributes = std::pair<const char*, const char*>[];

// overlap=prism removes node overlaps after the layout, so no two labels ever cover each
// other; splines (describe()) then route the edges around the nodes.
constexpr Attributes kGraphAttributes = {{"overlap", "prism"}, {"outputorder", "edgesfirst"},
                                         {"bgcolor", "white"}, {"pad", "0.3"},
                                         {"sep", "+6"},        {"labelloc", "b"},
                                         {"labeljust", "l"},   {"fontname", "Helvetica"},
                                         {"fontsize", "16"}};
constexpr Attributes kNodeAttributes = {{"shape", "box"},
                                        {"style", "rounded,filled"},
                                        {"fontname", "Helvetica"},
                                        {"margin", "0.08,0.03"},
                                        {"penwidth", "1.2"}};

void set_defaults(Agraph_t* out) {
  for (const auto& [name, value] : kGraphAttributes) agattr(out, AGRAPH, chars(name), chars(value));
  for (const auto& [name, value] : kNodeAttributes) agattr(out, AGNODE, chars(name), chars(value));
  agattr(out, AGEDGE, chars("arrowsize"), chars("0.7"));
}

// Nodes and edges are added in sorted order, so that the layout is the same on every run.
void describe(Agraph_t* out, const graph::DiplomaticGraph& g, const Drawing& drawing) {
  set_defaults(out);
  std::vector<Agnode_t*> nodes(g.num_actors(), nullptr);
  for (const Vertex v : drawing.actors) nodes[v] = add_actor(out, g, v, drawing.focus == v);
  std::set<std::string, std::less<>> types;
  const auto edges = g.sorted_edges();
  const graph::Graph& bg = g.boost_graph();
  for (std::size_t n = 0; n < edges.size(); ++n) {
    const Edge e = edges[n];
    if (!nodes[boost::source(e, bg)] || !nodes[boost::target(e, bg)]) continue;
    add_relation(out, g, e, n, nodes, drawing.link_edges);
    types.insert(g.relation(e).type);
  }
  agattr(out, AGRAPH, chars("splines"), chars(agnedges(out) > kSplineLimit ? "line" : "true"));
  set_html_label(out, legend(g, drawing, types));
}

}  // namespace

std::string render(const graph::DiplomaticGraph& g, const Drawing& drawing, ImageFormat format) {
  const ErrorCapture capture;
  GVC_t* gvc = context();
  const std::unique_ptr<Agraph_t, CloseGraph> out(agopen(chars("diplograph"), Agdirected, nullptr));
  if (!gvc || !out) throw std::runtime_error("graphviz: cannot start: " + capture.text());
  describe(out.get(), g, drawing);
  const char* engine = drawing.actors.size() > kNeatoLimit ? "sfdp" : "neato";
  const LaidOut laid_out(gvc, out.get());
  if (gvLayout(gvc, out.get(), engine) != 0)
    throw std::runtime_error(std::string("graphviz: ") + engine +
                             " layout failed: " + capture.text());
  char* data = nullptr;
  unsigned int length = 0;
  const char* device = format == ImageFormat::Svg ? "svg" : "png";
  if (gvRenderData(gvc, out.get(), device, &data, &length) != 0 || !data)
    throw std::runtime_error(std::string("graphviz: cannot render ") + device + ": " +
                             capture.text());
  std::string bytes(data, length);
  gvFreeRenderData(data);
  return bytes;
}

}  // namespace diplograph::analysis
