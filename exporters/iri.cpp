#include "exporters/iri.h"

#include <string.h>  // memrchr (GNU)

#include <array>

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

// Letters, digits, '_' and '-', by byte: every IRI written is checked a byte at a time.
constexpr std::array<bool, 256> kPlainLocal = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c) {
    plain[static_cast<std::size_t>(c)] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                         (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
  return plain;
}();

bool is_plain_local_char(char c) { return kPlainLocal[static_cast<unsigned char>(c)]; }

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// A local name that every Turtle reader takes after "prefix:" as it is.
bool is_safe_local(std::string_view local) {
  if (local.empty() || local.front() == '-' || (local.front() >= '0' && local.front() <= '9'))
    return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (is_plain_local_char(local[i])) continue;
    if (local[i] != '%' || i + 2 >= local.size() || !is_hex(local[i + 1]) ||
        !is_hex(local[i + 2]))
      return false;
    i += 2;
  }
  return true;
}

// After the last '/' or '#' of the IRI, 0 when there is none. Every declared namespace ends in
// '/' or '#' and a safe local part has neither, so the namespace can only end there.
std::size_t namespace_end(std::string_view iri) {
  const auto* slash = static_cast<const char*>(memrchr(iri.data(), '/', iri.size()));
  const std::size_t after_slash = slash ? static_cast<std::size_t>(slash - iri.data()) + 1 : 0;
  const auto* hash =
      static_cast<const char*>(memrchr(iri.data() + after_slash, '#', iri.size() - after_slash));
  return hash ? static_cast<std::size_t>(hash - iri.data()) + 1 : after_slash;
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

TurtleName turtle_name(std::string_view iri) {
  const std::size_t split = namespace_end(iri);
  const std::string_view ns = iri.substr(0, split);
  const std::string_view local = iri.substr(split);
  for (const auto& prefix : prefixes())
    if (prefix.iri.size() == ns.size() && prefix.iri == ns)
      return is_safe_local(local) ? TurtleName{&prefix, local} : TurtleName{};
  return {};
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
