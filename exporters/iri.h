// The IRI scheme of every RDF export (documented in ontology/diplomacy.ttl too):
//
//   ontology terms   https://w3id.org/diplograph/ontology#supports            dg:supports
//   actors           https://w3id.org/diplograph/id/<actor id>                dgs:TUR for
//                    "state/TUR"; dgo: org/, dgp: person/, dgg: group/, dgr: region/
//   dispatches       https://w3id.org/diplograph/dispatch/<dispatch id>       dgd:
//   events           https://w3id.org/diplograph/event/<dispatch id>_<index>  dge:
//   aggregate graph  https://w3id.org/diplograph/graph/aggregate (N-Quads)
//
// Ids are percent-encoded (UTF-8 bytes) outside A-Z a-z 0-9 - _ ~, '.' included so that no
// path segment is "." or ".."; an actor id keeps its '/' so that its kind prefix becomes a
// namespace. An event IRI splits at its last '_' (the index has none), so it names one assertion.
// Dispatches, events and graphs live outside id/ so that no actor id can name them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::exporters::iri {

inline constexpr std::string_view kOntology = "https://w3id.org/diplograph/ontology#";
inline constexpr std::string_view kActor = "https://w3id.org/diplograph/id/";
inline constexpr std::string_view kDispatch = "https://w3id.org/diplograph/dispatch/";
inline constexpr std::string_view kEvent = "https://w3id.org/diplograph/event/";
inline constexpr std::string_view kAggregateGraph = "https://w3id.org/diplograph/graph/aggregate";

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kSem = "http://semanticweb.cs.vu.nl/2009/11/sem/";
inline constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

struct Prefix {
  std::string_view name;
  std::string iri;
};
// Every namespace the writers declare, so that Turtle and RDF/XML shorten IRIs.
const std::vector<Prefix>& prefixes();

// How Turtle may write an IRI: prefix:local under a declared namespace when the local part is
// letters, digits, '_', '-' and %XX (no leading '-' or digit), which every Turtle reader takes
// as it is. `prefix` is null when the IRI must be written in full.
struct TurtleName {
  const Prefix* prefix = nullptr;
  std::string_view local;
};
TurtleName turtle_name(std::string_view iri);

std::string actor(std::string_view actor_id);
std::string dispatch(std::string_view dispatch_id);
std::string event(std::string_view dispatch_id, std::size_t index);
// The property of a relation type: "allied-with" -> dg:alliedWith. Its local name is an XML
// NCName whatever the type ("x y" -> dg:x_20y), so RDF/XML can write it.
std::string relation(std::string_view type);
std::string term(std::string_view ns, std::string_view local);

}  // namespace diplograph::exporters::iri
