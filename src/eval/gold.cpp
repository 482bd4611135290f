// Reading the gold file of GUIDELINES.md ("Gold file format"), one dispatch a line.
#include "eval/eval.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <set>
#include <stdexcept>
#include <unordered_map>

namespace diplograph::eval {

namespace {

using Value = rapidjson::Value;

// Thrown while reading one line and reported with the file and line, so that each helper
// stays one line per field. The message starts with the path of the offending field.
struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw FieldError(path + ": " + what);
}

// Problems that do not stop scoring, reported with the line they come from.
using Warnings = std::vector<std::string>;

void warn_unknown_keys(const Value& obj, const std::set<std::string>& known,
                       const std::string& path, Warnings& warnings) {
  for (const auto& m : obj.GetObject()) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    if (!known.count(key))
      warnings.push_back((path.empty() ? "" : path + ": ") + "unknown key \"" + key + "\" ignored");
  }
}

std::vector<std::string> read_keys(const Value& obj, const char* side, const std::string& path,
                                   Warnings& warnings) {
  const std::string p = path + "." + side;
  const auto it = obj.FindMember(side);
  if (it == obj.MemberEnd()) fail(p, "missing");
  if (!it->value.IsArray()) fail(p, "expected an array of keys");
  std::vector<std::string> keys;
  bool usable = false;
  for (const auto& k : it->value.GetArray()) {
    if (!k.IsString()) fail(p, "expected an array of keys");
    keys.emplace_back(k.GetString(), k.GetStringLength());
    const bool empty = normalize_key(keys.back()).empty();
    if (empty)
      warnings.push_back(p + ": key \"" + keys.back() + "\" has no letter or digit, never matches");
    usable = usable || !empty;
  }
  if (!usable) warnings.push_back(p + ": no usable key, the relation can never match");
  return keys;
}

GoldRelation read_relation(const Value& v, const std::string& path, Warnings& warnings) {
  if (!v.IsObject()) fail(path, "expected an object");
  warn_unknown_keys(v, {"type", "source", "target", "optional"}, path, warnings);
  GoldRelation r;
  const auto type = v.FindMember("type");
  if (type == v.MemberEnd() || !type->value.IsString() || type->value.GetStringLength() == 0)
    fail(path + ".type", "expected a relation type");
  r.type.assign(type->value.GetString(), type->value.GetStringLength());
  r.source = read_keys(v, "source", path, warnings);
  r.target = read_keys(v, "target", path, warnings);
  const auto optional = v.FindMember("optional");
  if (optional != v.MemberEnd()) {
    if (!optional->value.IsBool()) fail(path + ".optional", "expected true or false");
    r.optional = optional->value.GetBool();
  }
  return r;
}

std::vector<GoldRelation> read_relations(const Value& obj, const char* key, bool required,
                                         Warnings& warnings) {
  std::vector<GoldRelation> out;
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) {
    if (required) fail(key, "missing");
    return out;
  }
  if (!it->value.IsArray()) fail(key, "expected an array");
  const auto& array = it->value;
  for (rapidjson::SizeType i = 0; i < array.Size(); ++i)
    out.push_back(
        read_relation(array[i], std::string(key) + "[" + std::to_string(i) + "]", warnings));
  return out;
}

std::string read_string(const Value& obj, const char* key, bool required) {
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) {
    if (required) fail(key, "missing");
    return {};
  }
  if (!it->value.IsString()) fail(key, "expected a string");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

GoldDispatch read_dispatch(const Value& obj, Warnings& warnings) {
  if (!obj.IsObject()) fail("line", "expected an object");
  warn_unknown_keys(obj, {"id", "lang", "relations", "must_not"}, "", warnings);
  GoldDispatch d;
  d.id = read_string(obj, "id", true);
  if (d.id.empty()) fail("id", "empty");
  d.lang = read_string(obj, "lang", false);
  d.relations = read_relations(obj, "relations", true, warnings);
  d.must_not = read_relations(obj, "must_not", false, warnings);
  return d;
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// Parses one non-blank line into `load`, with messages prefixed by `where` ("path:line").
void load_line(const std::string& line, const std::string& where, GoldLoad& load) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (doc.HasParseError()) {
    load.errors.push_back(where + ":" + std::to_string(doc.GetErrorOffset() + 1) + ": " +
                          rapidjson::GetParseError_En(doc.GetParseError()));
    return;
  }
  Warnings warnings;
  try {
    load.gold.dispatches.push_back(read_dispatch(doc, warnings));
  } catch (const FieldError& e) {
    load.errors.push_back(where + ": " + e.what());
  }
  for (const auto& w : warnings) load.warnings.push_back(where + ": " + w);
}

}  // namespace

GoldLoad load_gold(const std::string& path) {
  GoldLoad load;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    load.errors.push_back(path + ": cannot open");
    return load;
  }
  std::unordered_map<std::string, std::size_t> first_line;  // id -> line, to report duplicates
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (blank(line)) continue;
    const std::string where = path + ":" + std::to_string(n);
    const std::size_t before = load.gold.dispatches.size();
    load_line(line, where, load);
    if (load.gold.dispatches.size() == before) continue;
    const std::string& id = load.gold.dispatches.back().id;
    const auto [it, fresh] = first_line.emplace(id, n);
    if (!fresh) {
      load.errors.push_back(where + ": duplicate id \"" + id + "\" (first on line " +
                            std::to_string(it->second) + ")");
      load.gold.dispatches.pop_back();
    }
  }
  return load;
}

}  // namespace diplograph::eval
