#include "exporters/iri.h"

namespace diplograph::exporters::iri {
namespace {

bool is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void append_encoded(std::string& out, char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(c);
  out += '%';
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
}

std::string encode(std::string_view id, bool keep_slash) {
  std::string out;
  out.reserve(id.size());
  for (const char c : id) {
    if (is_alnum(c) || c == '-' || c == '_' || c == '~' || (keep_slash && c == '/'))
      out += c;
    else
      append_encoded(out, c);
  }
  return out;
}

}  // namespace

const std::vector<Prefix>& prefixes() {
  static const std::vector<Prefix> all = {
      {"dg", std::string(kOntology)},
      {"dgs", std::string(kActor) + "state/"},
      {"dgo", std::string(kActor) + "org/"},
      {"dgp", std::string(kActor) + "person/"},
      {"dgg", std::string(kActor) + "group/"},
      {"dgr", std::string(kActor) + "region/"},
      {"dgd", std::string(kDispatch)},
      {"dge", std::string(kEvent)},
      {"rdf", std::string(kRdf)},
      {"rdfs", std::string(kRdfs)},
      {"xsd", std::string(kXsd)},
      {"owl", std::string(kOwl)},
      {"skos", std::string(kSkos)},
      {"dcterms", std::string(kDcterms)},
      {"prov", std::string(kProv)},
      {"sem", std::string(kSem)},
      {"wd", std::string(kWikidata)},
  };
  return all;
}

std::string actor(std::string_view actor_id) {
  return std::string(kActor) + encode(actor_id, true);
}

std::string dispatch(std::string_view dispatch_id) {
  return std::string(kDispatch) + encode(dispatch_id, false);
}

std::string event(std::string_view dispatch_id, std::size_t index) {
  return std::string(kEvent) + encode(dispatch_id, false) + "_" + std::to_string(index);
}

// The local name must also be an XML NCName, as RDF/XML writes a predicate as a qualified name
// (raptor refuses "dg:%22x" and fails the whole export): other bytes, and a leading digit,
// become "_XX" rather than "%XX", and an empty type "_".
std::string relation(std::string_view type) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string local;
  bool upper_next = false;
  for (const char c : type) {
    if (c == '-') {
      upper_next = true;
      continue;
    }
    const bool leading_digit = local.empty() && c >= '0' && c <= '9';
    if (!is_alnum(c) || leading_digit) {
      const auto b = static_cast<unsigned char>(c);
      local += '_';
      local += kHex[b >> 4];
      local += kHex[b & 0xF];
    } else {
      local += upper_next && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    upper_next = false;
  }
  if (local.empty()) local += '_';
  return std::string(kOntology) + local;
}

std::string term(std::string_view ns, std::string_view local) {
  return std::string(ns) + std::string(local);
}

}  // namespace diplograph::exporters::iri
