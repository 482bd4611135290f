// GraphML for Gephi, NetworkX, igraph and Cytoscape (DESIGN.md section 8). Written by hand through
// XmlWriter because boost::write_graphml escapes no key names, writes booleans as 1/0 and cannot
// give an edge Gephi's label attribute, which is what keeps parallel edges of different types
// apart in Gephi.
#include "exporters/file_exporter.h"
#include "exporters/text.h"
#include "exporters/xml_writer.h"

namespace diplograph::exporters {
namespace {

struct Key {
  const char* id;
  const char* for_;
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"label", "node", "label", "string"},
    {"kind", "node", "kind", "string"},
    {"code", "node", "code", "string"},
    {"qid", "node", "qid", "string"},
    {"color", "node", "color", "string"},
    {"edge_label", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},
    {"type", "edge", "type", "string"},
    {"first_date", "edge", "first_date", "string"},
    {"last_date", "edge", "last_date", "string"},
    {"evidence_count", "edge", "evidence_count", "int"},
    {"rolled_up", "edge", "rolled_up", "boolean"},
};

// A data element; an empty value is left out, as GraphML reads a missing one as unknown.
void data(XmlWriter& xml, const char* key, std::string_view value) {
  if (!value.empty()) xml.element("data", "key", key, value);
}

void write_header(XmlWriter& xml) {
  xml.start("graphml")
      .attr("xmlns", "http://graphml.graphdrawing.org/xmlns")
      .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
      .attr("xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const auto& key : kKeys) {
    xml.start("key")
        .attr("id", key.id)
        .attr("for", key.for_)
        .attr("attr.name", key.name)
        .attr("attr.type", key.type)
        .end();
  }
}

void write_node(XmlWriter& xml, const graph::ActorProps& actor, const std::string& key) {
  xml.start("node").attr("id", key);
  data(xml, "label", graph::display_label(actor));
  data(xml, "kind", to_string(actor.kind));
  data(xml, "code", actor.code);
  data(xml, "qid", actor.qid);
  data(xml, "color", hex_color(kind_color(actor.kind)));
  xml.end();
}

void write_edge(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Edge e, std::size_t n,
                const std::vector<std::string>& keys) {
  const auto& r = g.relation(e);
  start_edge(xml, g, e, n, keys);
  data(xml, "edge_label", r.type);
  data(xml, "weight", std::to_string(r.weight));
  for (const auto& [key, value] : edge_values(r)) data(xml, key, value);
  xml.end();
}

}  // namespace

bool write_graphml(const graph::DiplomaticGraph& g, const std::vector<AtomicFile*>& files) {
  XmlWriter xml(files[0]->stream());
  write_header(xml);
  xml.start("graph").attr("id", "diplograph").attr("edgedefault", "directed");
  const auto keys = node_keys(g);
  for (const auto v : g.sorted_vertices()) write_node(xml, g.actor(v), keys[v]);
  std::size_t n = 0;
  for (const auto e : g.sorted_edges()) write_edge(xml, g, e, n++, keys);
  return xml.close();
}

}  // namespace diplograph::exporters
