// Internal to the relations module: what the clause around a trigger says about it.
#pragma once

#include <cstdint>
#include <optional>

#include "relations/match.h"

namespace diplograph::relations {

struct ClauseReading {
  bool negated = false;       // ne ... pas, not, never, sans
  bool denied = false;        // démenti, nié, denied, rejected the idea that
  bool hypothetical = false;  // si, if, whether, a question
  bool called_for = false;    // "a appelé A à soutenir", "urged A to back": not a relation
  bool accused_of = false;    // "accused A of backing B": the accuser's claim, not a fact
  bool claimed = false;       // reported speech or quotation
  std::optional<std::int32_t> speaker;  // mention of who says it
};

ClauseReading read_clause(const MatchContext& ctx, const Match& match);

}  // namespace diplograph::relations
