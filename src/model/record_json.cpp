// Writing the assertion line (DESIGN.md section 6). The reader is record_json_read.cpp.
#include "model/record_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "util/byte_scan.h"
#include "util/hundredths.h"
#include "util/utf8.h"

namespace diplograph {

namespace {

// RapidJSON's writer with two fast paths for the bulk of a line, which is text that needs no
// escaping and actor JSON made earlier: both are copied whole, where Writer::String and
// Writer::RawValue go byte by byte.
class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using rapidjson::Writer<rapidjson::StringBuffer>::Writer;

  // `s` is valid UTF-8 with no byte that JSON escapes.
  void plain_string(std::string_view s) {
    Prefix(rapidjson::kStringType);
    char* out = os_->Push(s.size() + 2);
    out[0] = '"';
    std::memcpy(out + 1, s.data(), s.size());
    out[s.size() + 1] = '"';
    EndValue(true);
  }

  void key(std::string_view name) { plain_string(name); }

  void raw(std::string_view json, rapidjson::Type type) {
    Prefix(type);
    std::memcpy(os_->Push(json.size()), json.data(), json.size());
    EndValue(true);
  }

  // `count` members ("key":value pairs, comma separated) of an object written earlier, into the
  // object open here.
  void raw_members(std::string_view json, std::size_t count) {
    RAPIDJSON_ASSERT(!level_stack_.Empty());
    Level* level = level_stack_.template Top<Level>();
    RAPIDJSON_ASSERT(!level->inArray && level->valueCount % 2 == 0);
    if (level->valueCount > 0) os_->Put(',');
    std::memcpy(os_->Push(json.size()), json.data(), json.size());
    level->valueCount += 2 * count;
  }
};

// The offset of the first byte of `s` that a JSON string escapes (a control character, '"'
// or '\\'), or, when `or_non_ascii`, that is not ASCII; s.size() when there is none.
std::size_t first_special(std::string_view s, bool or_non_ascii) {
  const std::uint64_t high = or_non_ascii ? bytes::kHighBits : 0;
  const auto flags = [high](std::uint64_t w) {
    return bytes::below(w, 0x20) | bytes::equal(w, '"') | bytes::equal(w, '\\') | (w & high);
  };
  const unsigned top = or_non_ascii ? 0x80u : 0x100u;
  const auto is_hit = [top](unsigned char b) {
    return b < 0x20 || b == '"' || b == '\\' || b >= top;
  };
  return bytes::find_first(s, flags, is_hit);
}

// Text is validated upstream, but a stray bad byte must still not make the line invalid JSON:
// each bad byte becomes U+FFFD.
std::string repaired_utf8(std::string_view s) {
  std::string out;
  utf8::Invalid bad;
  while (!utf8::validate(s, &bad)) {
    out.append(s.substr(0, bad.offset));
    utf8::append(out, U'\uFFFD');
    s.remove_prefix(bad.offset + 1);
  }
  out.append(s);
  return out;
}

// Most strings are plain ASCII, told in one pass; only the rest past the first special byte
// is validated and searched for escapes.
void write_string(Writer& w, std::string_view s) {
  const std::size_t first = first_special(s, true);
  const std::string_view rest = s.substr(first);
  if (rest.empty()) {
    w.plain_string(s);
  } else if (!utf8::validate(rest)) {
    const std::string fixed = repaired_utf8(s);
    w.String(fixed.data(), static_cast<rapidjson::SizeType>(fixed.size()));
  } else if (first_special(rest, false) < rest.size()) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  } else {
    w.plain_string(s);
  }
}

void write_string_or_null(Writer& w, std::string_view s) {
  if (s.empty())
    w.Null();
  else
    write_string(w, s);
}

// A member whose value is a string.
void write_field(Writer& w, std::string_view name, std::string_view value) {
  w.key(name);
  write_string(w, value);
}

// A member whose value is a string, or null when it is empty.
void write_field_or_null(Writer& w, std::string_view name, std::string_view value) {
  w.key(name);
  write_string_or_null(w, value);
}

void write_span(Writer& w, CharSpan span) {
  w.StartArray();
  w.Uint(span.begin);
  w.Uint(span.end);
  w.EndArray();
}

// Two decimals, written by hand: RapidJSON's shortest form would make the line depend on the
// last bits of a computed score, and its SetMaxDecimalPlaces truncates instead of rounding.
// Any finite double fits: fixed notation of the largest takes 309 digits, a sign and ".00".
void write_confidence(Writer& w, double confidence) {
  if (!std::isfinite(confidence)) confidence = 0.0;  // NaN and inf are not JSON numbers
  if (const auto n = exact_hundredths(confidence)) {
    const char digits[4] = {static_cast<char>('0' + *n / 100), '.',
                            static_cast<char>('0' + *n / 10 % 10), static_cast<char>('0' + *n % 10)};
    w.raw(std::string_view(digits, 4), rapidjson::kNumberType);
    return;
  }
  char buf[320];
  const auto res = std::to_chars(buf, buf + sizeof buf, confidence, std::chars_format::fixed, 2);
  if (res.ec != std::errc()) {
    w.raw("0.00", rapidjson::kNumberType);
    return;
  }
  w.raw(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)), rapidjson::kNumberType);
}

void write_names(Writer& w, const NameList& names) {
  w.StartArray();
  for (const auto& v : names) write_string(w, v);
  w.EndArray();
}

// The actor's own members, in the order of DESIGN.md section 6; returns how many.
std::size_t write_actor_fields(Writer& w, const ActorRef& actor) {
  write_field(w, "id", actor.id);
  write_field(w, "label", actor.label);
  write_field(w, "code", actor.code);
  w.key("kind");
  w.plain_string(to_string(actor.kind));
  if (!actor.qid.empty()) write_field(w, "qid", actor.qid);
  w.key("aliases");
  write_names(w, actor.aliases);
  if (!actor.affiliation.empty()) write_field(w, "affiliation", actor.affiliation);
  return 5 + !actor.qid.empty() + !actor.affiliation.empty();
}

// An actor's JSON object as written, and how many members it holds.
struct ActorJson {
  ActorRef actor;
  std::string json;
  std::size_t members = 0;
  std::string_view members_json() const { return std::string_view(json).substr(1, json.size() - 2); }
};

// The actor objects a thread has written. A gazetteer actor, with a dozen names or more, goes
// into most lines that name it and often several times into one, so it is rendered once and
// copied after that. An entry serves only an actor equal in every field (a record read back
// may hold other fields under the same id). Emptied when full, which bounds it on a long run
// of distinct actors.
class ActorJsonCache {
 public:
  const ActorJson& get(const ActorRef& actor) {
    if (const auto it = by_id_.find(actor.id); it != by_id_.end())
      for (const auto& known : it->second)
        if (known.actor == actor) return known;
    if (size_ == kMaxActors) {
      by_id_.clear();
      size_ = 0;
    }
    rapidjson::StringBuffer buf;
    Writer object(buf);
    object.StartObject();
    const std::size_t members = write_actor_fields(object, actor);
    object.EndObject();
    ++size_;
    return by_id_[actor.id].emplace_back(
        ActorJson{actor, std::string(buf.GetString(), buf.GetSize()), members});
  }

 private:
  static constexpr std::size_t kMaxActors = 4096;
  std::unordered_map<std::string, std::vector<ActorJson>> by_id_;
  std::size_t size_ = 0;
};

// Writes one record.
class LineWriter {
 public:
  explicit LineWriter(Writer& w) : w_(w) {}

  void record(const DispatchRecord& r) {
    w_.StartObject();
    write_metadata(r);
    w_.key("relations");
    w_.StartArray();
    for (const auto& a : r.relations) write_assertion(a);
    w_.EndArray();
    w_.key("actors");
    w_.StartArray();
    for (const auto& am : r.actors) write_actor_mentions(am);
    w_.EndArray();
    w_.EndObject();
  }

 private:
  void write_actor(const ActorRef& actor) { w_.raw(actors_.get(actor).json, rapidjson::kObjectType); }

  // Where the relation was read: sentence, span, trigger, evidence, rule, confidence.
  void write_provenance(const Assertion& a) {
    w_.key("sentence");
    w_.Int(a.sentence);
    w_.key("span");
    write_span(w_, a.span);
    write_field(w_, "trigger", a.trigger);
    write_field(w_, "evidence", a.evidence);
    write_field(w_, "rule", a.rule);
    w_.key("confidence");
    write_confidence(w_, a.confidence);
  }

  void write_assertion(const Assertion& a) {
    w_.StartObject();
    write_field(w_, "type", a.type);
    w_.key("source");
    write_actor(a.source);
    w_.key("target");
    write_actor(a.target);
    w_.key("polarity");
    w_.plain_string(to_string(a.polarity));
    w_.key("modality");
    w_.plain_string(to_string(a.modality));
    w_.key("speaker");
    if (a.speaker)
      write_actor(*a.speaker);
    else
      w_.Null();
    write_provenance(a);
    write_field_or_null(w_, "rolled_up_from", a.rolled_up_from);
    w_.EndObject();
  }

  void write_mention(const Mention& m) {
    w_.StartObject();
    w_.key("span");
    write_span(w_, m.span);
    write_field(w_, "text", m.text);
    write_field(w_, "how", m.how);
    w_.EndObject();
  }

  void write_actor_mentions(const ActorMentions& am) {
    w_.StartObject();
    const ActorJson& actor = actors_.get(am.actor);
    w_.raw_members(actor.members_json(), actor.members);
    w_.key("mentions");
    w_.StartArray();
    for (const auto& m : am.mentions) write_mention(m);
    w_.EndArray();
    w_.EndObject();
  }

  void write_metadata(const DispatchRecord& r) {
    write_field(w_, "id", r.id);
    write_field_or_null(w_, "date", r.date);
    write_field_or_null(w_, "lang", r.lang);
    write_field_or_null(w_, "agency", r.agency);
    write_field_or_null(w_, "title", r.title);
    write_field_or_null(w_, "url", r.url);
  }

  Writer& w_;
  static thread_local ActorJsonCache actors_;
};

thread_local ActorJsonCache LineWriter::actors_;

}  // namespace

std::string to_json_line(const DispatchRecord& record) {
  // Each thread keeps its buffer, grown to the longest line so far, rather than growing a new
  // one for every line.
  thread_local rapidjson::StringBuffer buf;
  buf.Clear();
  Writer w(buf);
  LineWriter(w).record(record);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace diplograph
