// Small hand-made graphs for the analysis tests, written so that their centralities, blocs and
// balance can be worked out on paper (the numbers are in the tests' comments).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"
#include "model/record.h"

namespace diplograph::test {

inline ActorRef actor(const std::string& id, const std::string& label,
                      ActorKind kind = ActorKind::State, const std::string& code = "",
                      std::vector<std::string> aliases = {}) {
  return ActorRef{id, label, code, kind, "", std::move(aliases), ""};
}

inline ActorRef state(const std::string& code, const std::string& label) {
  return actor("state/" + code, label, ActorKind::State, code);
}

inline Assertion relation(const std::string& type, const ActorRef& source, const ActorRef& target,
                          const std::string& evidence = "", const std::string& trigger = "") {
  Assertion a;
  a.type = type;
  a.source = source;
  a.target = target;
  a.evidence = evidence.empty() ? source.label + " " + type + " " + target.label : evidence;
  a.trigger = trigger.empty() ? type : trigger;
  a.rule = "test." + type;
  a.confidence = 0.9;
  return a;
}

inline DispatchRecord record(const std::string& id, const std::string& date,
                             std::vector<Assertion> relations,
                             std::vector<ActorRef> also_named = {}) {
  DispatchRecord r;
  r.id = id;
  r.date = date;
  r.lang = "en";
  r.relations = std::move(relations);
  for (auto& a : also_named) r.actors.push_back({std::move(a), {}});
  return r;
}

inline graph::DiplomaticGraph build(const std::vector<DispatchRecord>& records) {
  graph::DiplomaticGraph g;
  for (const auto& r : records) g.add(r);
  return g;
}

// A square with a tail, and an isolated actor:
//
//        B
//      /   \        A-B: supports (2 dispatches) and accuses (1): two parallel edges
//     A     D - E   B->D supports, A->C supports, C->D accuses, D->E supports
//      \   /        F is named but takes part in no relation
//        C
inline std::vector<DispatchRecord> square_records() {
  const auto a = state("AAA", "Alpha"), b = state("BBB", "Bravo"), c = state("CCC", "Charlie"),
             d = state("DDD", "Delta"), e = state("EEE", "Echo"), f = state("FFF", "Foxtrot");
  return {
      record("d1", "2020-01-05",
             {relation("supports", a, b), relation("accuses", a, b), relation("supports", b, d),
              relation("supports", a, c)},
             {f}),
      record("d2", "2020-02-10",
             {relation("supports", a, b), relation("accuses", c, d), relation("supports", d, e)})};
}

// The Caucasus, simplified. Signed pairs (cooperative +, accuses -, summed both ways):
//   ARM-RUS +1 (allied-with)   AZE-TUR +1   ARM-AZE -2 (both accuse)   ARM-TUR -1
//   ARM-FRA +1                 FRA-RUS -1   IRN-USA -1   RUS-USA -1   IRN-RUS -1
//   Lavrov-USA -1 (Lavrov represents RUS, which carries no sign)
// Mediates: RUS->ARM, RUS->AZE, FRA->ARM, USA->ARM (2 dispatches), USA->AZE.
inline std::vector<DispatchRecord> caucasus_records() {
  const auto arm = state("ARM", "Armenia"), aze = state("AZE", "Azerbaijan"),
             rus = state("RUS", "Russia"), tur = state("TUR", "Turkey"),
             fra = state("FRA", "France"), usa = state("USA", "United States"),
             irn = state("IRN", "Iran");
  ActorRef lavrov = actor("person/sergei-lavrov", "Sergei Lavrov", ActorKind::Person);
  lavrov.affiliation = "state/RUS";
  return {record("c1", "2020-10-01",
                 {relation("allied-with", rus, arm), relation("supports", tur, aze),
                  relation("accuses", aze, arm), relation("accuses", arm, aze),
                  relation("accuses", arm, tur), relation("supports", fra, arm),
                  relation("mediates", rus, arm), relation("mediates", rus, aze),
                  relation("mediates", fra, arm), relation("mediates", usa, arm),
                  relation("mediates", usa, aze)}),
          record("c2", "2020-11-10",
                 {relation("accuses", rus, fra), relation("accuses", irn, usa),
                  relation("accuses", usa, rus), relation("accuses", rus, irn),
                  relation("mediates", usa, arm), relation("accuses", lavrov, usa)})};
}

}  // namespace diplograph::test
