// explain() over an OUTDIR's assertions.jsonl, and what both explain() sources share.
#include <algorithm>
#include <fstream>
#include <set>

#include "exporters/iri.h"
#include "model/record_json.h"
#include "store/explain_common.h"

namespace diplograph::store {
namespace {

namespace iri = exporters::iri;

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool names(const graph::ActorProps& actor, const std::string& name) {
  const std::string n = lower(name);
  if (lower(actor.id) == n || lower(actor.label) == n || lower(actor.code) == n) return true;
  return std::any_of(actor.aliases.begin(), actor.aliases.end(),
                     [&](const std::string& a) { return lower(a) == n; });
}

std::vector<DispatchRecord> read_records(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot read (is it an OUTDIR written by build?)");
  std::vector<DispatchRecord> out;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ParseError error;
    if (!from_json_line(line, out.emplace_back(), error))
      throw Error(file.string() + ":" + std::to_string(number) + ":" +
                  std::to_string(error.column) + ": " + error.message);
  }
  return out;
}

Evidence evidence(const DispatchRecord& r, const Assertion& a) {
  return Evidence{r.id, r.date, r.agency, a.evidence, a.sentence, a.trigger,
                  to_string(a.modality), a.speaker ? a.speaker->id : "", a.rolled_up_from};
}

bool wanted(const graph::DiplomaticGraph& g, graph::Edge e, const ExplainRequest& request) {
  const auto& type = g.relation(e).type;
  if (type == graph::kRepresents || (!request.relation.empty() && type != request.relation))
    return false;
  const auto& s = g.source(e);
  const auto& t = g.target(e);
  if (request.other.empty()) return names(s, request.actor) || names(t, request.actor);
  return (names(s, request.actor) && names(t, request.other)) ||
         (names(t, request.actor) && names(s, request.other));
}

}  // namespace

std::string actor_id_of(const std::string& actor_iri) {
  std::string_view rest(actor_iri);
  if (rest.starts_with(iri::kActor)) rest.remove_prefix(iri::kActor.size());
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::vector<ExplainedEdge> finish_edges(std::map<EdgeKey, ExplainedEdge> edges) {
  std::vector<ExplainedEdge> out;
  for (auto& [key, edge] : edges) {
    edge.source = key.source;
    edge.type = key.type;
    edge.target = key.target;
    auto& ev = edge.evidence;
    std::sort(ev.begin(), ev.end(), [](const Evidence& a, const Evidence& b) {
      return std::tie(a.date, a.dispatch_id, a.sentence_index, a.trigger) <
             std::tie(b.date, b.dispatch_id, b.sentence_index, b.trigger);
    });
    std::set<std::string> dispatches;
    for (const auto& e : ev) {
      dispatches.insert(e.dispatch_id);
      if (e.date.empty()) continue;
      if (edge.first_date.empty() || e.date < edge.first_date) edge.first_date = e.date;
      if (e.date > edge.last_date) edge.last_date = e.date;
    }
    edge.weight = dispatches.size();
    out.push_back(std::move(edge));
  }
  return out;
}

std::vector<ExplainedEdge> explain(const std::filesystem::path& outdir,
                                   const ExplainRequest& request) {
  const auto file = std::filesystem::is_directory(outdir) ? outdir / "assertions.jsonl" : outdir;
  const auto records = read_records(file);
  graph::DiplomaticGraph g;
  std::map<std::string, const DispatchRecord*> by_id;
  for (const auto& r : records) {
    g.add(r);
    by_id[r.id] = &r;
  }
  std::map<EdgeKey, ExplainedEdge> edges;
  for (const auto e : g.sorted_edges()) {
    if (!wanted(g, e, request)) continue;
    auto& edge = edges[{g.source(e).id, g.relation(e).type, g.target(e).id}];
    edge.source_label = graph::display_label(g.source(e));
    edge.target_label = graph::display_label(g.target(e));
    for (const auto& [dispatch, indexes] : g.relation(e).evidence)
      for (const auto i : indexes)
        edge.evidence.push_back(evidence(*by_id.at(dispatch), by_id.at(dispatch)->relations[i]));
  }
  return finish_edges(std::move(edges));
}

std::string format_explanation(const std::vector<ExplainedEdge>& edges) {
  std::string out;
  for (const auto& edge : edges) {
    out += edge.source + " " + edge.type + " " + edge.target + "  (" + edge.source_label +
           " -> " + edge.target_label + ")\n";
    out += "  weight " + std::to_string(edge.weight) + " dispatch" +
           (edge.weight == 1 ? "" : "es");
    if (!edge.first_date.empty()) out += ", " + edge.first_date + " .. " + edge.last_date;
    out += '\n';
    for (const auto& e : edge.evidence) {
      out += "  - " + (e.date.empty() ? std::string("(no date)") : e.date) + "  " +
             (e.agency.empty() ? "" : e.agency + "  ") + e.dispatch_id + "  sentence " +
             std::to_string(e.sentence_index) + "  " + e.modality;
      if (!e.speaker.empty()) out += " by " + e.speaker;
      if (!e.rolled_up_from.empty()) out += ", rolled up from " + e.rolled_up_from;
      out += "\n    trigger \"" + e.trigger + "\": " + e.sentence + '\n';
    }
  }
  return out + std::to_string(edges.size()) + (edges.size() == 1 ? " edge\n" : " edges\n");
}

}  // namespace diplograph::store
