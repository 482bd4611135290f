// Writing the assertion line (DESIGN.md section 6). The reader is record_json_read.cpp.
#include "model/record_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <system_error>

#include "util/utf8.h"

namespace diplograph {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

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

void write_string(Writer& w, std::string_view s) {
  if (utf8::validate(s)) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  const std::string fixed = repaired_utf8(s);
  w.String(fixed.data(), static_cast<rapidjson::SizeType>(fixed.size()));
}

void write_string_or_null(Writer& w, std::string_view s) {
  if (s.empty())
    w.Null();
  else
    write_string(w, s);
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
    w.RawValue("0.00", 4, rapidjson::kNumberType);
    return;
  }
  w.RawValue(buf, static_cast<std::size_t>(res.ptr - buf), rapidjson::kNumberType);
}

void write_strings(Writer& w, const std::vector<std::string>& values) {
  w.StartArray();
  for (const auto& v : values) write_string(w, v);
  w.EndArray();
}

// The actor's own fields without the braces, so that the actors list can add its mentions.
void write_actor_fields(Writer& w, const ActorRef& actor) {
  w.Key("id");
  write_string(w, actor.id);
  w.Key("label");
  write_string(w, actor.label);
  w.Key("code");
  write_string(w, actor.code);
  w.Key("kind");
  w.String(to_string(actor.kind));
  if (!actor.qid.empty()) {
    w.Key("qid");
    write_string(w, actor.qid);
  }
  w.Key("aliases");
  write_strings(w, actor.aliases);
  if (!actor.affiliation.empty()) {
    w.Key("affiliation");
    write_string(w, actor.affiliation);
  }
}

void write_actor(Writer& w, const ActorRef& actor) {
  w.StartObject();
  write_actor_fields(w, actor);
  w.EndObject();
}

// Where the relation was read: sentence, span, trigger, evidence, rule, confidence.
void write_provenance(Writer& w, const Assertion& a) {
  w.Key("sentence");
  w.Int(a.sentence);
  w.Key("span");
  write_span(w, a.span);
  w.Key("trigger");
  write_string(w, a.trigger);
  w.Key("evidence");
  write_string(w, a.evidence);
  w.Key("rule");
  write_string(w, a.rule);
  w.Key("confidence");
  write_confidence(w, a.confidence);
}

void write_assertion(Writer& w, const Assertion& a) {
  w.StartObject();
  w.Key("type");
  write_string(w, a.type);
  w.Key("source");
  write_actor(w, a.source);
  w.Key("target");
  write_actor(w, a.target);
  w.Key("polarity");
  w.String(to_string(a.polarity));
  w.Key("modality");
  w.String(to_string(a.modality));
  w.Key("speaker");
  if (a.speaker)
    write_actor(w, *a.speaker);
  else
    w.Null();
  write_provenance(w, a);
  w.Key("rolled_up_from");
  write_string_or_null(w, a.rolled_up_from);
  w.EndObject();
}

void write_mention(Writer& w, const Mention& m) {
  w.StartObject();
  w.Key("span");
  write_span(w, m.span);
  w.Key("text");
  write_string(w, m.text);
  w.Key("how");
  write_string(w, m.how);
  w.EndObject();
}

void write_actor_mentions(Writer& w, const ActorMentions& am) {
  w.StartObject();
  write_actor_fields(w, am.actor);
  w.Key("mentions");
  w.StartArray();
  for (const auto& m : am.mentions) write_mention(w, m);
  w.EndArray();
  w.EndObject();
}

void write_metadata(Writer& w, const DispatchRecord& r) {
  w.Key("id");
  write_string(w, r.id);
  w.Key("date");
  write_string_or_null(w, r.date);
  w.Key("lang");
  write_string_or_null(w, r.lang);
  w.Key("agency");
  write_string_or_null(w, r.agency);
  w.Key("title");
  write_string_or_null(w, r.title);
  w.Key("url");
  write_string_or_null(w, r.url);
}

}  // namespace

std::string to_json_line(const DispatchRecord& record) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  write_metadata(w, record);
  w.Key("relations");
  w.StartArray();
  for (const auto& a : record.relations) write_assertion(w, a);
  w.EndArray();
  w.Key("actors");
  w.StartArray();
  for (const auto& am : record.actors) write_actor_mentions(w, am);
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace diplograph
