// GEXF 1.3 for Gephi (DESIGN.md section 8): a dynamic graph whose edges start at the first dispatch
// that reported them and end at the last, so Gephi's timeline replays how relations appear.
// Edges stay directed (allied-with once, from the smaller id): a mixed graph would lose NetworkX,
// which rejects undirected edges in a directed graph.
#include <algorithm>
#include <cmath>

#include "exporters/file_exporter.h"
#include "exporters/text.h"
#include "exporters/xml_writer.h"

namespace diplograph::exporters {
namespace {

struct Attribute {
  const char* id;
  const char* type;
};

constexpr Attribute kNodeAttributes[] = {{"kind", "string"}, {"code", "string"}, {"qid", "string"}};
// The weight is the edge's own attribute, which Gephi reads into its weight column.
constexpr Attribute kEdgeAttributes[] = {{"type", "string"},
                                         {"first_date", "string"},
                                         {"last_date", "string"},
                                         {"evidence_count", "integer"},
                                         {"rolled_up", "boolean"}};

template <std::size_t N>
void declare(XmlWriter& xml, const char* for_class, const Attribute (&attributes)[N]) {
  xml.start("attributes").attr("class", for_class).attr("mode", "static");
  for (const auto& a : attributes)
    xml.start("attribute").attr("id", a.id).attr("title", a.id).attr("type", a.type).end();
  xml.end();
}

void value(XmlWriter& xml, const char* id, std::string_view v) {
  if (!v.empty()) xml.start("attvalue").attr("for", id).attr("value", v).end();
}

void write_header(XmlWriter& xml) {
  xml.start("gexf")
      .attr("xmlns", "http://gexf.net/1.3")
      .attr("xmlns:viz", "http://gexf.net/1.3/viz")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
      .attr("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
      .attr("version", "1.3");
  xml.start("meta")
      .element("creator", "diplograph")
      .element("description", "Diplomatic relations read from news-wire dispatches")
      .end();
  xml.start("graph")
      .attr("mode", "dynamic")
      .attr("defaultedgetype", "directed")
      .attr("timeformat", "date");
  declare(xml, "node", kNodeAttributes);
  declare(xml, "edge", kEdgeAttributes);
}

// A node appears with its earliest relation, unless one of its relations has no date: then it is
// there from the start, as that relation is.
std::string node_start(const graph::DiplomaticGraph& g, graph::Vertex v) {
  std::string start;
  const auto consider = [&](graph::Edge e) {
    const std::string day = first_day(g.relation(e).first_date);
    if (day.empty()) return false;
    if (start.empty() || day < start) start = day;
    return true;
  };
  const auto& bg = g.boost_graph();
  for (const auto e : boost::make_iterator_range(boost::out_edges(v, bg)))
    if (!consider(e)) return {};
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, bg)))
    if (!consider(e)) return {};
  return start;
}

void write_node(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Vertex v,
                const std::string& key) {
  const auto& actor = g.actor(v);
  const Rgb color = kind_color(actor.kind);
  const auto degree = boost::degree(v, g.boost_graph());
  xml.start("node").attr("id", key).attr("label", graph::display_label(actor));
  if (const auto start = node_start(g, v); !start.empty()) xml.attr("start", start);
  xml.start("attvalues");
  value(xml, "kind", to_string(actor.kind));
  value(xml, "code", actor.code);
  value(xml, "qid", actor.qid);
  xml.end();
  xml.start("viz:color")
      .attr("r", std::to_string(color.r))
      .attr("g", std::to_string(color.g))
      .attr("b", std::to_string(color.b))
      .end();
  // Grows with the square root of the degree so that hubs stay readable; two decimals suffice.
  const double size = std::round(100.0 * (8.0 + 4.0 * std::sqrt(degree))) / 100.0;
  xml.start("viz:size").attr("value", format_number(size)).end();
  xml.end();
}

void write_edge(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Edge e, std::size_t n,
                const std::vector<std::string>& keys) {
  const auto& r = g.relation(e);
  start_edge(xml, g, e, n, keys).attr("kind", r.type).attr("weight", std::to_string(r.weight));
  if (const auto start = first_day(r.first_date); !start.empty()) xml.attr("start", start);
  if (const auto end = first_day(r.last_date); !end.empty()) xml.attr("end", end);
  xml.start("attvalues");
  for (const auto& [key, v] : edge_values(r)) value(xml, key, v);
  xml.end().end();
}

}  // namespace

bool write_gexf(const graph::DiplomaticGraph& g, const std::vector<AtomicFile*>& files) {
  XmlWriter xml(files[0]->stream());
  write_header(xml);
  xml.start("nodes");
  const auto keys = node_keys(g);
  for (const auto v : g.sorted_vertices()) write_node(xml, g, v, keys[v]);
  xml.end().start("edges");
  std::size_t n = 0;
  for (const auto e : g.sorted_edges()) write_edge(xml, g, e, n++, keys);
  return xml.close();
}

}  // namespace diplograph::exporters
