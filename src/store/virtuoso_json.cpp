#include "store/virtuoso_json.h"

#include <rapidjson/document.h>

namespace diplograph::store {
namespace {

std::string member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

// {"type": "uri" | "bnode" | "literal" | "typed-literal", "value", "xml:lang", "datatype"}
Term term(const rapidjson::Value& v) {
  Term out;
  const std::string type = member(v, "type");
  out.value = member(v, "value");
  if (type == "bnode") {
    out.kind = Term::Kind::Blank;
    if (out.value.starts_with("_:")) out.value.erase(0, 2);
    if (out.value.starts_with("nodeID://")) out.value.erase(0, 9);
  } else if (type != "uri") {
    out.kind = Term::Kind::Literal;
    out.lang = member(v, "xml:lang");
    out.datatype = member(v, "datatype");
  }
  return out;
}

QueryResult bindings(const rapidjson::Document& doc) {
  QueryResult out;
  const auto& head = doc["head"];
  if (head.HasMember("vars") && head["vars"].IsArray())
    for (const auto& v : head["vars"].GetArray()) out.variables.emplace_back(v.GetString());
  const auto& rows = doc["results"]["bindings"];
  for (const auto& row : rows.GetArray()) {
    auto& values = out.rows.emplace_back();
    for (const auto& name : out.variables) {
      const auto it = row.FindMember(name.c_str());
      values.push_back(it == row.MemberEnd() ? std::nullopt : std::optional<Term>(term(it->value)));
    }
  }
  return out;
}

// RDF/JSON: {"subject": {"predicate": [object, ...]}}
QueryResult triples(const rapidjson::Document& doc) {
  QueryResult out;
  out.variables = {"subject", "predicate", "object"};
  for (const auto& s : doc.GetObject()) {
    const std::string subject = s.name.GetString();
    const Term st = subject.starts_with("_:")
                        ? Term{Term::Kind::Blank, subject.substr(2), {}, {}}
                        : Term{Term::Kind::Iri, subject, {}, {}};
    for (const auto& p : s.value.GetObject())
      for (const auto& o : p.value.GetArray())
        out.rows.push_back({st, Term{Term::Kind::Iri, p.name.GetString(), {}, {}}, term(o)});
  }
  return out;
}

}  // namespace

QueryResult parse_virtuoso_json(const std::string& json) {
  rapidjson::Document doc;
  if (doc.Parse(json.c_str()).HasParseError() || !doc.IsObject())
    throw Error("Virtuoso answered with something other than JSON: " + json.substr(0, 200));
  if (doc.HasMember("boolean")) {
    QueryResult out;
    out.kind = QueryResult::Kind::Boolean;
    out.boolean = doc["boolean"].IsTrue();
    return out;
  }
  if (doc.HasMember("head") && doc.HasMember("results") && doc["results"].HasMember("bindings"))
    return bindings(doc);
  return triples(doc);
}

}  // namespace diplograph::store
