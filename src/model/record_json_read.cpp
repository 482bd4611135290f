// Reading the assertion line (DESIGN.md section 6), from diplograph or from an outside tool.
//
// What the contract requires: the record's "id"; each relation's "type", "source" and
// "target"; each actor's "id". Every other field may be missing or null and takes its default
// (positive, asserted, no speaker, empty strings and lists); unknown keys are ignored. A field
// that is present must have the right JSON type, and enum names must be known.
#include "model/record_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <stdexcept>

namespace diplograph {

namespace {

using Value = rapidjson::Value;

// Thrown inside the reader and turned into a ParseError at its boundary, so that each helper
// stays one line per field. The message starts with the path of the offending field.
struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw FieldError(path + ": " + what);
}

std::string join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

std::string index(const std::string& path, rapidjson::SizeType i) {
  return path + "[" + std::to_string(i) + "]";
}

// The member `key` of `obj`, or nullptr when it is missing or null.
const Value* field(const Value& obj, const char* key) {
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

const Value& required(const Value& obj, const char* key, const std::string& path) {
  const Value* v = field(obj, key);
  if (!v) fail(join(path, key), "missing");
  return *v;
}

const Value& as_object(const Value& v, const std::string& path) {
  if (!v.IsObject()) fail(path, "expected an object");
  return v;
}

std::string as_string(const Value& v, const std::string& path) {
  if (!v.IsString()) fail(path, "expected a string");
  return std::string(v.GetString(), v.GetStringLength());
}

std::string optional_string(const Value& obj, const char* key, const std::string& path) {
  const Value* v = field(obj, key);
  return v ? as_string(*v, join(path, key)) : std::string();
}

std::string required_string(const Value& obj, const char* key, const std::string& path) {
  return as_string(required(obj, key, path), join(path, key));
}

std::vector<std::string> optional_strings(const Value& obj, const char* key,
                                          const std::string& path) {
  std::vector<std::string> out;
  const Value* v = field(obj, key);
  if (!v) return out;
  const std::string p = join(path, key);
  if (!v->IsArray()) fail(p, "expected an array of strings");
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i)
    out.push_back(as_string((*v)[i], index(p, i)));
  return out;
}

// Calls `read(element, path)` for each element of the array `key`, when present.
template <typename Read>
void for_each_element(const Value& obj, const char* key, const std::string& path, Read read) {
  const Value* v = field(obj, key);
  if (!v) return;
  const std::string p = join(path, key);
  if (!v->IsArray()) fail(p, "expected an array");
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) read((*v)[i], index(p, i));
}

// Reads an enum by name with one of record.h's *_from_string functions.
template <typename Enum, typename FromString>
void optional_enum(const Value& obj, const char* key, const std::string& path, Enum& out,
                   FromString from_string) {
  const Value* v = field(obj, key);
  if (!v) return;
  const std::string p = join(path, key);
  const std::string name = as_string(*v, p);
  const auto value = from_string(name);
  if (!value) fail(p, "unknown value \"" + name + "\"");
  out = *value;
}

CharSpan optional_span(const Value& obj, const std::string& path) {
  const Value* v = field(obj, "span");
  if (!v) return {};
  const std::string p = join(path, "span");
  if (!v->IsArray() || v->Size() != 2 || !(*v)[0].IsUint() || !(*v)[1].IsUint())
    fail(p, "expected [begin, end] with non-negative integers");
  const CharSpan span{(*v)[0].GetUint(), (*v)[1].GetUint()};
  if (span.begin > span.end) fail(p, "begin is after end");
  return span;
}

ActorRef read_actor(const Value& v, const std::string& path) {
  const Value& obj = as_object(v, path);
  ActorRef a;
  a.id = required_string(obj, "id", path);
  a.label = optional_string(obj, "label", path);
  a.code = optional_string(obj, "code", path);
  optional_enum(obj, "kind", path, a.kind, actor_kind_from_string);
  a.qid = optional_string(obj, "qid", path);
  a.aliases = optional_strings(obj, "aliases", path);
  a.affiliation = optional_string(obj, "affiliation", path);
  return a;
}

void read_provenance(const Value& obj, const std::string& path, Assertion& a) {
  if (const Value* v = field(obj, "sentence")) {
    if (!v->IsInt()) fail(join(path, "sentence"), "expected an integer");
    a.sentence = v->GetInt();
  }
  a.span = optional_span(obj, path);
  a.trigger = optional_string(obj, "trigger", path);
  a.evidence = optional_string(obj, "evidence", path);
  a.rule = optional_string(obj, "rule", path);
  if (const Value* v = field(obj, "confidence")) {
    if (!v->IsNumber()) fail(join(path, "confidence"), "expected a number");
    // A score: anything else is a broken line, and would not read back the same once written.
    if (!(v->GetDouble() >= 0.0 && v->GetDouble() <= 1.0))
      fail(join(path, "confidence"), "expected a number from 0 to 1");
    a.confidence = v->GetDouble();
  }
}

Assertion read_assertion(const Value& v, const std::string& path) {
  const Value& obj = as_object(v, path);
  Assertion a;
  a.type = required_string(obj, "type", path);
  a.source = read_actor(required(obj, "source", path), join(path, "source"));
  a.target = read_actor(required(obj, "target", path), join(path, "target"));
  optional_enum(obj, "polarity", path, a.polarity, polarity_from_string);
  optional_enum(obj, "modality", path, a.modality, modality_from_string);
  if (const Value* s = field(obj, "speaker")) a.speaker = read_actor(*s, join(path, "speaker"));
  read_provenance(obj, path, a);
  a.rolled_up_from = optional_string(obj, "rolled_up_from", path);
  return a;
}

Mention read_mention(const Value& v, const std::string& path) {
  const Value& obj = as_object(v, path);
  return Mention{optional_span(obj, path), optional_string(obj, "text", path),
                 optional_string(obj, "how", path)};
}

ActorMentions read_actor_mentions(const Value& v, const std::string& path) {
  ActorMentions am{read_actor(v, path), {}};
  for_each_element(v, "mentions", path, [&](const Value& m, const std::string& p) {
    am.mentions.push_back(read_mention(m, p));
  });
  return am;
}

DispatchRecord read_record(const Value& root) {
  const Value& obj = as_object(root, "line");
  DispatchRecord r;
  r.id = required_string(obj, "id", "");
  r.date = optional_string(obj, "date", "");
  r.lang = optional_string(obj, "lang", "");
  r.agency = optional_string(obj, "agency", "");
  r.title = optional_string(obj, "title", "");
  r.url = optional_string(obj, "url", "");
  for_each_element(obj, "relations", "", [&](const Value& v, const std::string& p) {
    r.relations.push_back(read_assertion(v, p));
  });
  for_each_element(obj, "actors", "", [&](const Value& v, const std::string& p) {
    r.actors.push_back(read_actor_mentions(v, p));
  });
  return r;
}

// A record nests five levels deep; ingest refuses JSON past this depth too.
constexpr int kMaxDepth = 64;

// The 1-based column of the bracket that opens level kMaxDepth + 1, or 0. Strings are skipped,
// escapes included; the syntax itself is left to the parser.
std::size_t too_deep_at(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i + 1;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

}  // namespace

bool from_json_line(std::string_view line, DispatchRecord& record, ParseError& error) {
  // RapidJSON's DOM parser recurses once per level: "[[[[..." would overflow the stack. The
  // depth is checked first, and the iterative parser keeps the stack flat regardless.
  if (const std::size_t column = too_deep_at(line)) {
    error = ParseError{column, "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels"};
    return false;
  }
  // Not kParseFullPrecisionFlag: RapidJSON 1.1.0's full-precision path reads "0e300" as
  // -1.9e110 (__builtin_clzll(0) in DiyFp::Normalize). The normal path is exact for what the
  // contract holds (integers, and confidences of two decimals: one correctly rounded division).
  rapidjson::Document doc;
  constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseIterativeFlag;
  doc.Parse<kFlags>(line.data(), line.size());
  if (doc.HasParseError()) {
    error = ParseError{doc.GetErrorOffset() + 1, rapidjson::GetParseError_En(doc.GetParseError())};
    return false;
  }
  try {
    record = read_record(doc);
  } catch (const FieldError& e) {
    error = ParseError{0, e.what()};
    return false;
  }
  return true;
}

}  // namespace diplograph
