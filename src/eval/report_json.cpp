// The report as one JSON object, for `diplograph eval --json`.
#include "eval/eval.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace diplograph::eval {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_count(Writer& w, const char* key, std::size_t n) {
  w.Key(key);
  w.Uint64(n);
}

// An undefined ratio (empty denominator) is null, not 0.
void write_ratio(Writer& w, const char* key, double value, bool defined) {
  w.Key(key);
  if (defined)
    w.Double(value);
  else
    w.Null();
}

void write_counts(Writer& w, const Counts& c) {
  w.StartObject();
  write_count(w, "gold", c.gold);
  write_count(w, "found", c.found);
  write_count(w, "emitted", c.emitted);
  write_count(w, "correct", c.correct);
  write_count(w, "optional_only", c.optional_only);
  write_ratio(w, "precision", c.precision(), c.emitted > 0);
  write_ratio(w, "recall", c.recall(), c.gold > 0);
  write_ratio(w, "f1", c.f1(), c.emitted > 0 && c.gold > 0);
  w.EndObject();
}

void write_counts_map(Writer& w, const char* key, const std::map<std::string, Counts>& map) {
  w.Key(key);
  w.StartObject();
  for (const auto& [name, counts] : map) {
    write_string(w, name);
    write_counts(w, counts);
  }
  w.EndObject();
}

void write_keys(Writer& w, const char* key, const std::vector<std::string>& keys) {
  w.Key(key);
  w.StartArray();
  for (const auto& k : keys) write_string(w, k);
  w.EndArray();
}

void write_gold_relation(Writer& w, const GoldRelation& r) {
  w.StartObject();
  w.Key("type");
  write_string(w, r.type);
  write_keys(w, "source", r.source);
  write_keys(w, "target", r.target);
  w.Key("optional");
  w.Bool(r.optional);
  w.EndObject();
}

// The fields of a system relation that error analysis needs, flattened.
void write_assertion_fields(Writer& w, const std::string& dispatch_id, const Assertion& a) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &dispatch_id},     {"type", &a.type},
      {"source", &a.source.id}, {"source_label", &a.source.label},
      {"target", &a.target.id}, {"target_label", &a.target.label},
      {"rule", &a.rule},        {"trigger", &a.trigger},
      {"evidence", &a.evidence}};
  for (const auto& [key, value] : fields) {
    w.Key(key);
    write_string(w, *value);
  }
  w.Key("sentence");
  w.Int(a.sentence);
}

void write_false_positives(Writer& w, const Report& report) {
  w.Key("false_positives");
  w.StartArray();
  for (const auto& fp : report.false_positives) {
    w.StartObject();
    write_assertion_fields(w, fp.dispatch_id, fp.assertion);
    w.Key("trap");
    w.Bool(fp.trap);
    w.EndObject();
  }
  w.EndArray();
}

void write_trap_overlaps(Writer& w, const Report& report) {
  w.Key("trap_overlaps");
  w.StartArray();
  for (const auto& o : report.trap_overlaps) {
    w.StartObject();
    write_assertion_fields(w, o.dispatch_id, o.assertion);
    w.Key("must_not");
    write_gold_relation(w, o.must_not);
    w.EndObject();
  }
  w.EndArray();
}

void write_misses(Writer& w, const Report& report) {
  w.Key("misses");
  w.StartArray();
  for (const auto& m : report.misses) {
    w.StartObject();
    w.Key("id");
    write_string(w, m.dispatch_id);
    w.Key("relation");
    write_gold_relation(w, m.relation);
    w.EndObject();
  }
  w.EndArray();
}

void write_uncovered(Writer& w, const Report& report) {
  w.Key("uncovered");
  w.StartArray();
  for (const auto& u : report.uncovered) {
    w.StartObject();
    w.Key("id");
    write_string(w, u.dispatch_id);
    w.Key("relation");
    write_gold_relation(w, u.relation);
    w.Key("source_covered");
    w.Bool(u.source_covered);
    w.Key("target_covered");
    w.Bool(u.target_covered);
    w.EndObject();
  }
  w.EndArray();
}

void write_coverage(Writer& w, const Report& report) {
  w.Key("actor_coverage");
  w.StartObject();
  write_count(w, "covered", report.coverage_covered);
  write_count(w, "total", report.coverage_total);
  write_ratio(w, "share",
              report.coverage_total == 0 ? 0.0
                                         : static_cast<double>(report.coverage_covered) /
                                               static_cast<double>(report.coverage_total),
              report.coverage_total > 0);
  w.EndObject();
}

void write_dispatches(Writer& w, const Report& report) {
  w.Key("dispatches");
  w.StartObject();
  write_count(w, "gold", report.gold_dispatches);
  write_count(w, "missing", report.missing_dispatches);
  write_count(w, "not_in_gold", report.records_not_in_gold);
  write_count(w, "duplicates", report.duplicate_records);
  write_keys(w, "missing_ids", report.missing_ids);
  w.EndObject();
}

}  // namespace

std::string to_json(const Report& report) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("overall");
  write_counts(w, report.overall);
  write_counts_map(w, "by_type", report.by_type);
  write_counts_map(w, "by_lang", report.by_lang);
  write_coverage(w, report);
  write_count(w, "traps_hit", report.traps_hit);
  write_dispatches(w, report);
  write_false_positives(w, report);
  write_trap_overlaps(w, report);
  write_misses(w, report);
  write_uncovered(w, report);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace diplograph::eval
