// `report`: one self-contained HTML page. The picture is inline SVG whose edges link to their
// evidence rows; there is no script, and a Content-Security-Policy forbids any load, so the
// page shows the same offline, from a mail attachment or an archive.
#include <algorithm>
#include <cstdio>
#include <map>

#include "analysis/analysis.h"
#include "analysis/detail.h"
#include "exporters/text.h"

namespace diplograph::analysis {
namespace {

using detail::html_escape;
using graph::Edge;

constexpr std::size_t kTopActors = 15;
constexpr std::size_t kTopConflicts = 15;

constexpr const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{margin-bottom:.2em} h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
nav a{margin-right:1em} .muted{color:#666}
figure{margin:0;overflow:auto;border:1px solid #ddd} figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border-bottom:1px solid #e4e4e4;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f5f5f5} td.n{text-align:right;white-space:nowrap}
tr:target{background:#fff7cc} .swatch{display:inline-block;width:1.6em;height:.35em;
 vertical-align:middle;margin-right:.4em}
ul.evidence{margin:0;padding-left:1.1em} ul.evidence li{margin:.15em 0}
.src{color:#666;font-size:90%} mark{background:#ffe58a}
)";

std::string cell(const std::string& html, const char* cls = nullptr) {
  return cls ? "<td class=\"" + std::string(cls) + "\">" + html + "</td>" : "<td>" + html + "</td>";
}
std::string number(std::size_t n) { return cell(std::to_string(n), "n"); }
std::string decimal(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return cell(buf, "n");
}
std::string header_row(std::initializer_list<const char*> names) {
  std::string out = "<tr>";
  for (const char* name : names) out += "<th>" + std::string(name) + "</th>";
  return out + "</tr>";
}
std::string section(const char* id, const std::string& title, const std::string& body) {
  return "<section id=\"" + std::string(id) + "\"><h2>" + html_escape(title) + "</h2>" + body +
         "</section>\n";
}
std::string names(const std::vector<ActorName>& actors) {
  std::string out;
  for (const auto& a : actors) out += (out.empty() ? "" : ", ") + html_escape(a.label);
  return out;
}

// ---- Evidence

using Records = std::map<std::string, const DispatchRecord*, std::less<>>;

// The sentence with its trigger marked; both parts escaped apart so the mark cannot break.
std::string marked(const Assertion& a) {
  const auto at = a.trigger.empty() ? std::string::npos : a.evidence.find(a.trigger);
  if (at == std::string::npos) return html_escape(a.evidence);
  return html_escape(a.evidence.substr(0, at)) + "<mark>" + html_escape(a.trigger) + "</mark>" +
         html_escape(a.evidence.substr(at + a.trigger.size()));
}

std::string name_of(const graph::DiplomaticGraph& g, const std::string& id) {
  const auto v = g.find_actor(id);
  return html_escape(v ? graph::display_label(g.actor(*v)) : id);
}

std::string evidence_item(const graph::DiplomaticGraph& g, const DispatchRecord& r,
                          const Assertion& a) {
  std::string source = "<code>" + html_escape(r.id) + "</code>";
  if (!r.date.empty()) source += ", " + html_escape(r.date);
  if (a.modality == Modality::Claimed && a.speaker)
    source += ", claimed by " + name_of(g, a.speaker->id);
  if (!a.rolled_up_from.empty()) source += ", credited from " + name_of(g, a.rolled_up_from);
  return "<li>&ldquo;" + marked(a) + "&rdquo; <span class=\"src\">" + source + "</span></li>";
}

std::string evidence_list(const graph::DiplomaticGraph& g, const graph::RelationProps& r,
                          const Records& records) {
  std::string items;
  for (const auto& [dispatch, indexes] : r.evidence) {
    const auto found = records.find(dispatch);
    if (found == records.end()) continue;
    const DispatchRecord& record = *found->second;
    for (const auto i : indexes)
      if (i < record.relations.size()) items += evidence_item(g, record, record.relations[i]);
  }
  return "<ul class=\"evidence\">" + items + "</ul>";
}

// ---- Sections

// Indexes into sorted_edges() (the edges' anchors) of the edges of one type, heaviest first.
std::vector<std::size_t> edges_of_type(const std::vector<Edge>& edges,
                                       const graph::DiplomaticGraph& g, const std::string& type) {
  std::vector<std::size_t> out;
  for (std::size_t n = 0; n < edges.size(); ++n)
    if (g.relation(edges[n]).type == type) out.push_back(n);
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    return g.relation(edges[a]).weight > g.relation(edges[b]).weight;
  });
  return out;
}

std::string relation_row(const graph::DiplomaticGraph& g, Edge e, std::size_t n,
                         const Records& records) {
  const auto& r = g.relation(e);
  return "<tr id=\"" + exporters::edge_key(n) + "\">" +
         cell(html_escape(graph::display_label(g.source(e)))) +
         cell(html_escape(graph::display_label(g.target(e)))) + number(r.weight) +
         cell(html_escape(r.first_date)) + cell(html_escape(r.last_date)) +
         cell(evidence_list(g, r, records)) + "</tr>\n";
}

std::string relations_section(const graph::DiplomaticGraph& g, const Records& records) {
  const auto edges = g.sorted_edges();
  std::string body;
  for (const std::string& type : detail::relation_types(g)) {
    const auto rows = edges_of_type(edges, g, type);
    body += "<h3 id=\"type-" + html_escape(type) +
            "\"><span class=\"swatch\" style=\"background:" + detail::relation_color(type) +
            "\"></span>" + html_escape(type) + " (" + std::to_string(rows.size()) + ")</h3>";
    if (rows.empty()) {
      body += "<p class=\"muted\">None.</p>";
      continue;
    }
    body += "<table class=\"relations\">" +
            header_row({"Source", "Target", "Dispatches", "First", "Last", "Evidence"});
    for (const std::size_t n : rows) body += relation_row(g, edges[n], n, records);
    body += "</table>";
  }
  return section("relations", "Relations and their evidence", body);
}

std::string actors_section(const Stats& stats) {
  std::string rows;
  for (std::size_t i = 0; i < stats.actors.size() && i < kTopActors; ++i) {
    const ActorStats& a = stats.actors[i];
    rows += "<tr>" + number(i + 1) + cell(html_escape(a.actor.label)) +
            cell(detail::kind_label(a.kind)) + number(a.degree) + number(a.in_degree) +
            number(a.out_degree) + number(a.weight) + decimal(a.betweenness, 2) +
            decimal(a.betweenness_normalized, 4) + "</tr>\n";
  }
  return section("actors", "Top actors, by betweenness centrality",
                 "<table>" +
                     header_row({"#", "Actor", "Kind", "Degree", "In", "Out", "Dispatches",
                                 "Betweenness", "Normalised"}) +
                     rows + "</table>");
}

std::string blocs_section(const Stats& stats) {
  std::string items;
  for (const Bloc& b : stats.blocs)
    items += "<li><b>" + std::to_string(b.members.size()) + "</b>: " + names(b.members) + "</li>";
  return section("blocs", "Blocs (components of supports and allied-with)",
                 items.empty() ? "<p class=\"muted\">None.</p>" : "<ol>" + items + "</ol>");
}

std::string conflicts_section(const Stats& stats) {
  std::string rows;
  for (std::size_t i = 0; i < stats.conflicts.size() && i < kTopConflicts; ++i) {
    const Conflict& c = stats.conflicts[i];
    std::string list;
    for (const auto& m : c.mediators)
      list += (list.empty() ? "" : ", ") + html_escape(m.actor.label) + " (" +
              std::to_string(m.weight) + ")";
    rows += "<tr>" + cell(names(c.parties)) + number(c.weight) + cell(list) + "</tr>\n";
  }
  return section("mediators", "Most active mediators per conflict",
                 rows.empty()
                     ? "<p class=\"muted\">None.</p>"
                     : "<table>" + header_row({"Parties", "Dispatches", "Mediators (dispatches)"}) +
                           rows + "</table>");
}

std::string balance_section(const Stats& stats) {
  const Balance& b = stats.balance;
  char share[32];
  std::snprintf(share, sizeof share, "%.1f%%", 100.0 * b.share());
  std::string body = "<p>" + std::to_string(b.balanced) + " of " + std::to_string(b.triads) +
                     " signed triads are balanced (" + share +
                     "); cooperation counts +, accusations &minus;.</p>";
  std::string rows;
  for (const Triad& t : b.unbalanced)
    rows += "<tr>" + cell("<code>" + t.signs + "</code>") + number(t.weight) +
            cell(names({t.actors.begin(), t.actors.end()})) + "</tr>\n";
  if (!rows.empty())
    body += "<table>" + header_row({"Signs", "Weight", "Actors"}) + rows + "</table>";
  return section("balance", "Structural balance", body);
}

// ---- Page

std::string date_span(const std::vector<DispatchRecord>& records) {
  std::string first, last;
  for (const auto& r : records) {
    if (r.date.empty()) continue;
    if (first.empty() || r.date < first) first = r.date;
    if (last.empty() || r.date > last) last = r.date;
  }
  return first.empty() ? "undated" : first == last ? first : first + " to " + last;
}

// Graphviz writes a standalone file; inline in HTML only the <svg> element may stay.
std::string inline_svg(const std::string& svg) {
  const auto at = svg.find("<svg");
  return at == std::string::npos ? std::string() : svg.substr(at);
}

std::string graph_section(const graph::DiplomaticGraph& g, const std::string& summary) {
  if (g.num_actors() == 0) return section("graph", "Graph", "<p class=\"muted\">Empty.</p>");
  Drawing drawing = whole_graph(g, summary);
  drawing.link_edges = true;
  return section("graph", "Graph",
                 "<figure>" + inline_svg(render(g, drawing, ImageFormat::Svg)) +
                     "</figure><p class=\"muted\">Hover over an edge for its summary; click it "
                     "for its evidence.</p>");
}

std::string head(std::string_view source) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>diplograph report: " +
         html_escape(source) + "</title>\n<style>" + kStyle + "</style></head>\n";
}

}  // namespace

std::string report_html(const std::vector<DispatchRecord>& records, std::string_view source) {
  graph::DiplomaticGraph g;
  Records by_id;
  for (const auto& r : records) {
    g.add(r);
    by_id.emplace(r.id, &r);  // ids are unique in a build; on a repeat the first one speaks
  }
  const Stats stats = compute_stats(g);
  const std::string summary = std::to_string(records.size()) + " dispatches (" +
                              date_span(records) + "), " + std::to_string(stats.actors.size()) +
                              " actors in " + std::to_string(stats.relations) + " relations";
  return head(source) + "<body>\n<header><h1>Diplomatic relations</h1><p class=\"muted\">" +
         html_escape(summary) + " &middot; from <code>" + html_escape(source) +
         "</code> &middot; diplograph</p>\n<nav><a href=\"#graph\">Graph</a><a "
         "href=\"#actors\">Top actors</a><a href=\"#blocs\">Blocs</a><a "
         "href=\"#mediators\">Mediators</a><a href=\"#balance\">Balance</a><a "
         "href=\"#relations\">Relations</a></nav></header>\n" +
         graph_section(g, summary) + actors_section(stats) + blocs_section(stats) +
         conflicts_section(stats) + balance_section(stats) + relations_section(g, by_id) +
         "</body></html>\n";
}

}  // namespace diplograph::analysis
