// Writing the assertion line (DESIGN.md section 6). The reader is record_json_read.cpp.
#include "model/record_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <system_error>
#include <unordered_map>

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

// Writes one record. A gazetteer actor's name list is written into every assertion and the
// actors list of a line, so its JSON is made once per line and copied after that.
class LineWriter {
 public:
  explicit LineWriter(Writer& w) : w_(w) {}

  void record(const DispatchRecord& r) {
    w_.StartObject();
    write_metadata(r);
    w_.Key("relations");
    w_.StartArray();
    for (const auto& a : r.relations) write_assertion(a);
    w_.EndArray();
    w_.Key("actors");
    w_.StartArray();
    for (const auto& am : r.actors) write_actor_mentions(am);
    w_.EndArray();
    w_.EndObject();
  }

 private:
  void write_names(const NameList& names) {
    // The record outlives this writer, so the list's address names it for the whole line.
    auto [it, added] = names_json_.try_emplace(names.identity());
    if (added) {
      rapidjson::StringBuffer buf;
      Writer w(buf);
      w.StartArray();
      for (const auto& v : names) write_string(w, v);
      w.EndArray();
      it->second.assign(buf.GetString(), buf.GetSize());
    }
    w_.RawValue(it->second.data(), it->second.size(), rapidjson::kArrayType);
  }

  // The actor's own fields without the braces, so that the actors list can add its mentions.
  void write_actor_fields(const ActorRef& actor) {
    w_.Key("id");
    write_string(w_, actor.id);
    w_.Key("label");
    write_string(w_, actor.label);
    w_.Key("code");
    write_string(w_, actor.code);
    w_.Key("kind");
    w_.String(to_string(actor.kind));
    if (!actor.qid.empty()) {
      w_.Key("qid");
      write_string(w_, actor.qid);
    }
    w_.Key("aliases");
    write_names(actor.aliases);
    if (!actor.affiliation.empty()) {
      w_.Key("affiliation");
      write_string(w_, actor.affiliation);
    }
  }

  void write_actor(const ActorRef& actor) {
    w_.StartObject();
    write_actor_fields(actor);
    w_.EndObject();
  }

  // Where the relation was read: sentence, span, trigger, evidence, rule, confidence.
  void write_provenance(const Assertion& a) {
    w_.Key("sentence");
    w_.Int(a.sentence);
    w_.Key("span");
    write_span(w_, a.span);
    w_.Key("trigger");
    write_string(w_, a.trigger);
    w_.Key("evidence");
    write_string(w_, a.evidence);
    w_.Key("rule");
    write_string(w_, a.rule);
    w_.Key("confidence");
    write_confidence(w_, a.confidence);
  }

  void write_assertion(const Assertion& a) {
    w_.StartObject();
    w_.Key("type");
    write_string(w_, a.type);
    w_.Key("source");
    write_actor(a.source);
    w_.Key("target");
    write_actor(a.target);
    w_.Key("polarity");
    w_.String(to_string(a.polarity));
    w_.Key("modality");
    w_.String(to_string(a.modality));
    w_.Key("speaker");
    if (a.speaker)
      write_actor(*a.speaker);
    else
      w_.Null();
    write_provenance(a);
    w_.Key("rolled_up_from");
    write_string_or_null(w_, a.rolled_up_from);
    w_.EndObject();
  }

  void write_mention(const Mention& m) {
    w_.StartObject();
    w_.Key("span");
    write_span(w_, m.span);
    w_.Key("text");
    write_string(w_, m.text);
    w_.Key("how");
    write_string(w_, m.how);
    w_.EndObject();
  }

  void write_actor_mentions(const ActorMentions& am) {
    w_.StartObject();
    write_actor_fields(am.actor);
    w_.Key("mentions");
    w_.StartArray();
    for (const auto& m : am.mentions) write_mention(m);
    w_.EndArray();
    w_.EndObject();
  }

  void write_metadata(const DispatchRecord& r) {
    w_.Key("id");
    write_string(w_, r.id);
    w_.Key("date");
    write_string_or_null(w_, r.date);
    w_.Key("lang");
    write_string_or_null(w_, r.lang);
    w_.Key("agency");
    write_string_or_null(w_, r.agency);
    w_.Key("title");
    write_string_or_null(w_, r.title);
    w_.Key("url");
    write_string_or_null(w_, r.url);
  }

  Writer& w_;
  std::unordered_map<const void*, std::string> names_json_;
};

}  // namespace

std::string to_json_line(const DispatchRecord& record) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  LineWriter(w).record(record);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace diplograph
