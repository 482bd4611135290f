// The scoring rules of GUIDELINES.md ("Scoring"); the readings it leaves open are in eval.h.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "eval/eval.h"

namespace diplograph::eval {

namespace {

using Keys = std::vector<std::string>;  // normalised, non-empty

bool symmetric(const std::string& type) { return type == "allied-with"; }

void add_key(Keys& keys, std::string_view key) {
  std::string k = normalize_key(key);
  if (!k.empty()) keys.push_back(std::move(k));
}

// GUIDELINES.md: "A system actor's keys are its code and its English label and aliases".
Keys actor_keys(const ActorRef& actor) {
  Keys keys;
  add_key(keys, actor.code);
  add_key(keys, actor.label);
  for (const auto& alias : actor.aliases) add_key(keys, alias);
  return keys;
}

Keys gold_keys(const std::vector<std::string>& written) {
  Keys keys;
  for (const auto& k : written) add_key(keys, k);
  return keys;
}

bool intersects(const Keys& a, const Keys& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& k) {
    return std::find(b.begin(), b.end(), k) != b.end();
  });
}

struct NormalGold {
  const GoldRelation* relation;
  Keys source;
  Keys target;
};

std::vector<NormalGold> normalised(const std::vector<GoldRelation>& relations) {
  std::vector<NormalGold> out;
  for (const auto& r : relations) out.push_back({&r, gold_keys(r.source), gold_keys(r.target)});
  return out;
}

// One distinct relation of a record, with the first assertion that states it.
struct SystemRelation {
  const Assertion* assertion;
  Keys source;
  Keys target;
};

bool matches(const SystemRelation& s, const NormalGold& g) {
  if (s.assertion->type != g.relation->type) return false;
  if (intersects(s.source, g.source) && intersects(s.target, g.target)) return true;
  return symmetric(g.relation->type) && intersects(s.source, g.target) &&
         intersects(s.target, g.source);
}

// The record's holding relations, distinct by (type, source id, target id) in text order;
// a symmetric relation's two directions are one relation.
std::vector<SystemRelation> distinct_relations(const DispatchRecord& record) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<SystemRelation> out;
  for (const auto& a : record.relations) {
    if (!a.holds()) continue;
    const bool swap = symmetric(a.type) && a.target.id < a.source.id;
    const std::string& first = swap ? a.target.id : a.source.id;
    const std::string& second = swap ? a.source.id : a.target.id;
    if (!seen.emplace(a.type, first, second).second) continue;
    out.push_back({&a, actor_keys(a.source), actor_keys(a.target)});
  }
  return out;
}

bool matches_any(const SystemRelation& s, const std::vector<NormalGold>& gold, bool optional) {
  return std::any_of(gold.begin(), gold.end(), [&](const NormalGold& g) {
    return g.relation->optional == optional && matches(s, g);
  });
}

const NormalGold* first_trap(const SystemRelation& s, const std::vector<NormalGold>& must_not) {
  for (const auto& g : must_not)
    if (matches(s, g)) return &g;
  return nullptr;
}

// Applies `change` to the overall counts and to those of the type and of the language.
template <typename Change>
void count(Report& report, const std::string& type, const std::string& lang, Change change) {
  change(report.overall);
  change(report.by_type[type]);
  change(report.by_lang[lang]);
}

// Everything about one gold dispatch; `record` is null when the system has no record for it.
class DispatchScorer {
 public:
  DispatchScorer(const GoldDispatch& gold, const DispatchRecord* record, Report& report)
      : gold_(gold),
        record_(record),
        report_(report),
        lang_(record && !record->lang.empty() ? record->lang : gold.lang),
        relations_(normalised(gold.relations)),
        must_not_(normalised(gold.must_not)) {
    if (!record_) return;
    system_ = distinct_relations(*record_);
    for (const auto& a : record_->actors) actor_keys_.push_back(actor_keys(a.actor));
  }

  void run() {
    for (const auto& s : system_) score_system(s);
    for (const auto& g : relations_)
      if (!g.relation->optional) score_gold(g);
  }

 private:
  void score_system(const SystemRelation& s) {
    const std::string& type = s.assertion->type;
    const bool correct = matches_any(s, relations_, false);
    const bool optional = !correct && matches_any(s, relations_, true);
    const NormalGold* trap = first_trap(s, must_not_);
    if (trap && (correct || optional))
      report_.trap_overlaps.push_back({gold_.id, *s.assertion, *trap->relation});
    if (optional) {
      count(report_, type, lang_, [](Counts& c) { ++c.optional_only; });
      return;
    }
    count(report_, type, lang_, [&](Counts& c) {
      ++c.emitted;
      c.correct += correct;
    });
    if (correct) return;
    report_.false_positives.push_back({gold_.id, *s.assertion, trap != nullptr});
    report_.traps_hit += trap != nullptr;
  }

  void score_gold(const NormalGold& g) {
    const bool found = std::any_of(system_.begin(), system_.end(),
                                   [&](const SystemRelation& s) { return matches(s, g); });
    count(report_, g.relation->type, lang_, [&](Counts& c) {
      ++c.gold;
      c.found += found;
    });
    if (!found) report_.misses.push_back({gold_.id, *g.relation});
    score_coverage(g);
  }

  bool covered(const Keys& gold_side) const {
    return std::any_of(actor_keys_.begin(), actor_keys_.end(),
                       [&](const Keys& keys) { return intersects(keys, gold_side); });
  }

  void score_coverage(const NormalGold& g) {
    ++report_.coverage_total;
    const bool source = covered(g.source);
    const bool target = covered(g.target);
    if (source && target)
      ++report_.coverage_covered;
    else
      report_.uncovered.push_back({gold_.id, *g.relation, source, target});
  }

  const GoldDispatch& gold_;
  const DispatchRecord* record_;
  Report& report_;
  std::string lang_;
  std::vector<NormalGold> relations_;
  std::vector<NormalGold> must_not_;
  std::vector<SystemRelation> system_;
  std::vector<Keys> actor_keys_;  // of the record's actors, for coverage
};

double ratio(std::size_t num, std::size_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

double Counts::precision() const { return ratio(correct, emitted); }
double Counts::recall() const { return ratio(found, gold); }
double Counts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

Report score(const std::vector<DispatchRecord>& records, const Gold& gold) {
  Report report;
  std::unordered_map<std::string, const DispatchRecord*> by_id;
  for (const auto& r : records)
    if (!by_id.emplace(r.id, &r).second) ++report.duplicate_records;
  std::unordered_set<std::string> gold_ids;
  for (const auto& g : gold.dispatches) {
    gold_ids.insert(g.id);
    const auto it = by_id.find(g.id);
    const DispatchRecord* record = it == by_id.end() ? nullptr : it->second;
    if (!record) report.missing_ids.push_back(g.id);
    DispatchScorer(g, record, report).run();
  }
  report.gold_dispatches = gold.dispatches.size();
  report.missing_dispatches = report.missing_ids.size();
  for (const auto& [id, record] : by_id) report.records_not_in_gold += !gold_ids.count(id);
  return report;
}

}  // namespace diplograph::eval
