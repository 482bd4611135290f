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
#include "util/utf8.h"

namespace diplograph {

namespace {

// RapidJSON's writer with two fast paths for the bulk of a line, which is text that needs no
// escaping and JSON made earlier in the line: both are copied whole, where Writer::String and
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
  char buf[320];
  const auto res = std::to_chars(buf, buf + sizeof buf, confidence, std::chars_format::fixed, 2);
  if (res.ec != std::errc()) {
    w.raw("0.00", rapidjson::kNumberType);
    return;
  }
  w.raw(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)), rapidjson::kNumberType);
}

// Writes one record. A gazetteer actor's name list is written into every assertion and the
// actors list of a line, so its JSON is made once per line and copied after that.
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
  void write_names(Writer& w, const NameList& names) {
    // The record outlives this writer, so the list's address names it for the whole line.
    auto [it, added] = names_json_.try_emplace(names.identity());
    if (added) {
      rapidjson::StringBuffer buf;
      Writer list(buf);
      list.StartArray();
      for (const auto& v : names) write_string(list, v);
      list.EndArray();
      it->second.assign(buf.GetString(), buf.GetSize());
    }
    w.raw(it->second, rapidjson::kArrayType);
  }

  // The actor's own fields without the braces, so that the actors list can add its mentions.
  void write_actor_fields(Writer& w, const ActorRef& actor) {
    write_field(w, "id", actor.id);
    write_field(w, "label", actor.label);
    write_field(w, "code", actor.code);
    w.key("kind");
    w.plain_string(to_string(actor.kind));
    if (!actor.qid.empty()) write_field(w, "qid", actor.qid);
    w.key("aliases");
    write_names(w, actor.aliases);
    if (!actor.affiliation.empty()) write_field(w, "affiliation", actor.affiliation);
  }

  // A line names a few actors, each in many assertions, so each one's JSON is made once. Two
  // actors with one id but other fields (a reader's record may have them) get one each.
  void write_actor(const ActorRef& actor) {
    auto& made = actors_json_[actor.id];
    for (const auto& [ref, json] : made) {
      if (*ref == actor) {
        w_.raw(json, rapidjson::kObjectType);
        return;
      }
    }
    rapidjson::StringBuffer buf;
    Writer object(buf);
    object.StartObject();
    write_actor_fields(object, actor);
    object.EndObject();
    made.emplace_back(&actor, std::string(buf.GetString(), buf.GetSize()));
    w_.raw(made.back().second, rapidjson::kObjectType);
  }

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
    write_actor_fields(w_, am.actor);
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
  std::unordered_map<const void*, std::string> names_json_;
  std::unordered_map<std::string_view, std::vector<std::pair<const ActorRef*, std::string>>>
      actors_json_;
};

}  // namespace

std::string to_json_line(const DispatchRecord& record) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  LineWriter(w).record(record);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace diplograph
