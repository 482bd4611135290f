// explain() over a store: the events that hold (positive, not denied) touching the actor, read
// with SPARQL and grouped into edges as the graph module groups assertions.
#include <algorithm>
#include <map>
#include <set>

#include "exporters/iri.h"
#include "store/explain_common.h"

namespace diplograph::store {

namespace iri = exporters::iri;

std::string sparql_prefixes() {
  std::string out;
  for (const auto& p : iri::prefixes())
    out += "PREFIX " + std::string(p.name) + ": <" + p.iri + ">\n";
  return out;
}

std::string row_value(const std::vector<std::optional<Term>>& row, std::size_t i) {
  return i < row.size() && row[i] ? row[i]->value : std::string();
}

std::string type_of(const std::string& property) {
  std::string out;
  for (const char c : property.substr(iri::kOntology.size())) {
    if (c >= 'A' && c <= 'Z') out += '-', out += static_cast<char>(c - 'A' + 'a');
    else out += c;
  }
  return out;
}

std::string modality_of(const std::string& individual) {
  std::string out = individual.substr(iri::kOntology.size());
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

namespace {

std::string sparql_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out + '"';
}

// The actor IRIs whose id, code, label or alias is `name` (a code also in upper case).
std::vector<std::string> actor_iris(Store& store, const std::string& name) {
  std::set<std::string> forms = {name};
  std::string upper = name;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  forms.insert(upper);
  std::string query = sparql_prefixes() + "SELECT DISTINCT ?a WHERE {\n";
  bool first = true;
  for (const auto& form : forms) {
    for (const char* p : {"dcterms:identifier", "dg:code", "rdfs:label", "skos:altLabel"}) {
      query += std::string(first ? "  " : "  UNION ") + "{ ?a " + p + " " + sparql_string(form) +
               " }\n";
      first = false;
    }
  }
  query += "  FILTER(STRSTARTS(STR(?a), \"" + std::string(iri::kActor) + "\"))\n}";
  std::vector<std::string> out;
  for (const auto& row : store.query(query).rows) out.push_back(row_value(row, 0));
  return out;
}

// Events that hold with `actor` on the given side; the optional parts come back unbound.
std::string events_query(const std::string& actor, bool as_source, const ExplainRequest& r) {
  const std::string side = as_source ? "dg:hasSource" : "dg:hasTarget";
  std::string q = sparql_prefixes() +
                  "SELECT ?s ?type ?t ?did ?date ?agency ?sentence ?idx ?trigger ?modality "
                  "?speaker ?rolled ?sl ?tl ?e WHERE {\n"
                  "  ?e " + side + " <" + actor + "> .\n"
                  "  ?e dg:hasSource ?s ; dg:hasTarget ?t ; dg:relationType ?type ;\n"
                  "     dg:polarity dg:Positive ; dg:modality ?modality ;\n"
                  "     dg:sentenceIndex ?idx ; prov:wasDerivedFrom ?d .\n"
                  "  ?d dcterms:identifier ?did .\n"
                  "  FILTER(?modality != dg:Denied)\n";
  if (!r.relation.empty()) q += "  FILTER(?type = <" + iri::relation(r.relation) + ">)\n";
  return q + "  OPTIONAL { ?e dg:evidence ?sentence }\n"
             "  OPTIONAL { ?e dg:trigger ?trigger }\n"
             "  OPTIONAL { ?e sem:accordingTo ?speaker }\n"
             "  OPTIONAL { ?e dg:rolledUpFrom ?rolled }\n"
             "  OPTIONAL { ?d dcterms:date ?date }\n"
             "  OPTIONAL { ?d dg:agency ?agency }\n"
             "  OPTIONAL { ?s rdfs:label ?sl }\n"
             "  OPTIONAL { ?t rdfs:label ?tl }\n}";
}

struct Event {
  EdgeKey key;
  std::string source_label, target_label;
  Evidence evidence;
};

Event event(const std::vector<std::optional<Term>>& row) {
  Event e;
  e.key = {actor_id_of(row_value(row, 0)), type_of(row_value(row, 1)),
           actor_id_of(row_value(row, 2))};
  e.source_label = row_value(row, 12);
  e.target_label = row_value(row, 13);
  e.evidence.dispatch_id = row_value(row, 3);
  e.evidence.date = row_value(row, 4);
  e.evidence.agency = row_value(row, 5);
  e.evidence.sentence = row_value(row, 6);
  e.evidence.sentence_index = std::atoi(row_value(row, 7).c_str());
  e.evidence.trigger = row_value(row, 8);
  e.evidence.modality = modality_of(row_value(row, 9));
  if (!row_value(row, 10).empty()) e.evidence.speaker = actor_id_of(row_value(row, 10));
  if (!row_value(row, 11).empty())
    e.evidence.rolled_up_from = actor_id_of(row_value(row, 11));
  if (graph::is_symmetric(e.key.type) && e.key.target < e.key.source) {
    std::swap(e.key.source, e.key.target);
    std::swap(e.source_label, e.target_label);
  }
  return e;
}

}  // namespace

std::vector<ExplainedEdge> explain(Store& store, const ExplainRequest& request) {
  const auto actors = actor_iris(store, request.actor);
  if (actors.empty()) throw Error("no actor '" + request.actor + "' in " + store.name());
  std::set<std::string> others;
  if (!request.other.empty()) {
    for (const auto& a : actor_iris(store, request.other)) others.insert(actor_id_of(a));
    if (others.empty()) throw Error("no actor '" + request.other + "' in " + store.name());
  }
  std::map<EdgeKey, ExplainedEdge> edges;
  std::set<std::string> seen;  // event IRIs: one found from both sides counts once
  for (const auto& actor : actors) {
    for (const bool as_source : {true, false}) {
      for (const auto& row : store.query(events_query(actor, as_source, request)).rows) {
        Event e = event(row);
        const std::string& other = actor_id_of(actor) == e.key.source ? e.key.target : e.key.source;
        if (!others.empty() && !others.count(other)) continue;
        if (!seen.insert(row_value(row, 14)).second) continue;
        auto& edge = edges[e.key];
        edge.source_label = e.source_label;
        edge.target_label = e.target_label;
        edge.evidence.push_back(std::move(e.evidence));
      }
    }
  }
  return finish_edges(std::move(edges));
}

}  // namespace diplograph::store
