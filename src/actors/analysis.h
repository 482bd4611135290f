// What actor recognition finds in one dispatch: its actors and every mention of them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/record.h"

namespace diplograph::actors {

struct ActorMention {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // exclusive
  std::uint32_t begin = 0;      // byte span in the original text (a prefix of a token for
  std::uint32_t end = 0;        // compounds such as "Iran-backed")
  std::uint32_t actor = 0;      // index into Analysis::actors
  const char* how = "name";
  bool locative = false;  // a capital named as a place ("à Bakou", "in Doha")
  // An adjective that only qualifies a noun ("des drones turcs"; "la diplomatie russe" and
  // "Turkish officials" are the state itself), or the state of a former office ("l'ancien
  // président turc").
  bool modifier = false;
  bool compound = false;  // the first part of a hyphenated word ("Iran-backed")
  // "les deux pays": an index into Analysis::groups; `actor` is then the group's first member.
  std::int32_t group = -1;
};

struct AnalysedActor {
  ActorRef ref;
  std::int64_t entry = -1;  // gazetteer entry, -1 for persons found only in this dispatch
  char gender = 0;
  bool alliance = false;  // a defence alliance (gazetteer)
};

struct Analysis {
  std::vector<std::uint32_t> words;     // vocabulary id of each token (0: not a known word)
  std::vector<AnalysedActor> actors;    // in order of first mention
  std::vector<ActorMention> mentions;   // in token order, non-overlapping
  std::vector<std::int32_t> mention_at; // per token: the mention covering it, or -1
  // States and organisations named inside a title mention that resolves to a person: "turc" in
  // "le président turc", "l'Union européenne" in "le chef de la diplomatie de l'Union
  // européenne, Josep Borrell". Kept out of `mentions` (which do not overlap) so that relation
  // patterns see the person only; they are still actors of the dispatch.
  std::vector<ActorMention> nested;
  std::vector<std::vector<std::uint32_t>> groups;  // members (actor indices) of group mentions

  // The actors a mention stands for: its group's members, or its one actor.
  std::span<const std::uint32_t> members(const ActorMention& m) const {
    if (m.group >= 0) return groups[static_cast<std::size_t>(m.group)];
    return {&m.actor, 1};
  }

  const ActorMention* mention_covering(std::uint32_t token) const {
    const auto m = mention_at[token];
    return m < 0 ? nullptr : &mentions[static_cast<std::size_t>(m)];
  }
  const ActorRef& actor_of(const ActorMention& m) const { return actors[m.actor].ref; }
};

}  // namespace diplograph::actors
