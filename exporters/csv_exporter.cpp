// Node and edge tables for Gephi's spreadsheet import (and any spreadsheet): the column names
// Gephi recognises (Id, Label; Source, Target, Type, Id, Label, Weight) first, then ours.
// RFC 4180: every text cell quoted, CRLF line ends; formula-like cells neutralised by csv_cell().
#include "exporters/file_exporter.h"
#include "exporters/text.h"

namespace diplograph::exporters {
namespace {

constexpr std::string_view kEol = "\r\n";

std::string row(std::initializer_list<std::string> cells) {
  std::string out;
  for (const auto& cell : cells) {
    if (!out.empty()) out += ',';
    out += cell;
  }
  out += kEol;
  return out;
}

std::string node_row(const graph::ActorProps& a) {
  std::string aliases;
  for (const auto& alias : a.aliases) {
    if (!aliases.empty()) aliases += "; ";
    aliases += alias;
  }
  return row({csv_cell(node_key(a.id)), csv_cell(graph::display_label(a)),
              csv_cell(to_string(a.kind)), csv_cell(a.code), csv_cell(a.qid),
              csv_cell(hex_color(kind_color(a.kind))), csv_cell(aliases)});
}

std::string edge_row(const graph::DiplomaticGraph& g, graph::Edge e, std::size_t n) {
  const auto& r = g.relation(e);
  return row({csv_cell(node_key(g.source(e).id)), csv_cell(node_key(g.target(e).id)),
              csv_cell(graph::is_symmetric(r.type) ? "Undirected" : "Directed"),
              csv_cell(edge_key(n)), csv_cell(r.type), std::to_string(r.weight), csv_cell(r.type),
              csv_cell(r.first_date), csv_cell(r.last_date), std::to_string(r.evidence_count),
              r.rolled_up ? "true" : "false"});
}

}  // namespace

bool write_csv(const graph::DiplomaticGraph& g, const std::vector<AtomicFile*>& files) {
  AtomicFile& nodes = *files[0];
  AtomicFile& edges = *files[1];
  bool ok = nodes.write("Id,Label,kind,code,qid,color,aliases\r\n");
  for (const auto v : g.sorted_vertices()) ok = ok && nodes.write(node_row(g.actor(v)));
  ok = ok && edges.write(
                 "Source,Target,Type,Id,Label,Weight,relation,first_date,last_date,"
                 "evidence_count,rolled_up\r\n");
  std::size_t n = 0;
  for (const auto e : g.sorted_edges()) ok = ok && edges.write(edge_row(g, e, n++));
  return ok;
}

}  // namespace diplograph::exporters
