// read_records(): the store's dispatches and the events that hold in them, back as records, so
// that what reads assertions (the analyses) reads a store as it reads an OUTDIR.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "exporters/iri.h"
#include "store/explain_common.h"

namespace diplograph::store {
namespace {

namespace iri = exporters::iri;

// Every actor of the aggregate graph: its id, label, kind and code.
std::map<std::string, ActorRef> actors(Store& store) {
  const std::string query = sparql_prefixes() +
                            "SELECT ?a ?label ?kind ?code WHERE {\n"
                            "  ?a rdfs:label ?label ; rdf:type ?kind .\n"
                            "  OPTIONAL { ?a dg:code ?code }\n"
                            "  FILTER(STRSTARTS(STR(?a), \"" +
                            std::string(iri::kActor) +
                            "\"))\n"
                            "  FILTER(STRSTARTS(STR(?kind), \"" +
                            std::string(iri::kOntology) + "\"))\n}";
  std::map<std::string, ActorRef> out;
  for (const auto& row : store.query(query).rows) {
    ActorRef a;
    a.id = actor_id_of(row_value(row, 0));
    a.label = row_value(row, 1);
    const auto kind = actor_kind_from_string(row_value(row, 2).substr(iri::kOntology.size()));
    if (!kind) continue;  // another class of the ontology, as rdf:type of an actor
    a.kind = *kind;
    a.code = row_value(row, 3);
    out[a.id] = std::move(a);
  }
  return out;
}

std::map<std::string, DispatchRecord> dispatches(Store& store) {
  const std::string query = sparql_prefixes() +
                            "SELECT ?id ?date WHERE {\n"
                            "  ?d rdf:type dg:Dispatch ; dcterms:identifier ?id .\n"
                            "  OPTIONAL { ?d dcterms:date ?date }\n}";
  std::map<std::string, DispatchRecord> out;
  for (const auto& row : store.query(query).rows) {
    DispatchRecord& r = out[row_value(row, 0)];
    r.id = row_value(row, 0);
    r.date = row_value(row, 1);
  }
  return out;
}

// The events that hold, with the dispatch they came from and their index in it (the event
// IRI's suffix), so that each record lists them in their original order.
constexpr const char* kEvents =
    "SELECT ?did ?e ?s ?type ?t ?modality ?idx ?speaker ?rolled ?trigger ?sentence WHERE {\n"
    "  ?e dg:hasSource ?s ; dg:hasTarget ?t ; dg:relationType ?type ;\n"
    "     dg:polarity dg:Positive ; dg:modality ?modality ;\n"
    "     dg:sentenceIndex ?idx ; prov:wasDerivedFrom ?d .\n"
    "  ?d dcterms:identifier ?did .\n"
    "  FILTER(?modality != dg:Denied)\n"
    "  OPTIONAL { ?e sem:accordingTo ?speaker }\n"
    "  OPTIONAL { ?e dg:rolledUpFrom ?rolled }\n"
    "  OPTIONAL { ?e dg:trigger ?trigger }\n"
    "  OPTIONAL { ?e dg:evidence ?sentence }\n}";

ActorRef actor(const std::map<std::string, ActorRef>& known, const std::string& actor_iri) {
  const std::string id = actor_id_of(actor_iri);
  const auto found = known.find(id);
  if (found != known.end()) return found->second;
  ActorRef unknown;
  unknown.id = id;
  return unknown;
}

std::size_t event_index(const std::string& event_iri) {
  return std::strtoull(event_iri.substr(event_iri.rfind('_') + 1).c_str(), nullptr, 10);
}

}  // namespace

std::vector<DispatchRecord> read_records(Store& store) {
  const auto known = actors(store);
  auto records = dispatches(store);
  std::map<std::string, std::map<std::size_t, Assertion>> events;  // dispatch id -> index -> event
  for (const auto& row : store.query(sparql_prefixes() + kEvents).rows) {
    Assertion a;
    a.source = actor(known, row_value(row, 2));
    a.type = type_of(row_value(row, 3));
    a.target = actor(known, row_value(row, 4));
    a.modality = modality_from_string(modality_of(row_value(row, 5))).value_or(Modality::Asserted);
    a.sentence = std::atoi(row_value(row, 6).c_str());
    if (!row_value(row, 7).empty()) a.speaker = actor(known, row_value(row, 7));
    if (!row_value(row, 8).empty()) a.rolled_up_from = actor_id_of(row_value(row, 8));
    a.trigger = row_value(row, 9);
    a.evidence = row_value(row, 10);
    events[row_value(row, 0)][event_index(row_value(row, 1))] = std::move(a);
  }
  std::vector<DispatchRecord> out;
  for (auto& [id, record] : records) {
    for (auto& [index, assertion] : events[id]) record.relations.push_back(std::move(assertion));
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace diplograph::store
