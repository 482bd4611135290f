// Internal to the relations module: matching one rule around one trigger token.
#pragma once

#include <cstdint>
#include <vector>

#include "actors/analysis.h"
#include "relations/lexicon.h"
#include "text/document.h"

namespace diplograph::relations {

struct Match {
  const Rule* rule = nullptr;
  std::int32_t source = -1;  // mention index
  std::int32_t target = -1;  // mention index, -1 for conflict targets and mutual forms
  std::uint32_t first = 0;   // token extent of the whole match
  std::uint32_t end = 0;
  std::uint32_t trigger_first = 0;
  std::uint32_t trigger_end = 0;
};

struct MatchContext {
  const text::Document& doc;
  const actors::Analysis& analysis;
  const Cues& cues;
  std::uint32_t sentence_first;
  std::uint32_t sentence_end;
};

// Tries `rule` with its trigger element at `token`; fills `match` and returns true on success.
bool match_rule(const MatchContext& ctx, const Rule& rule, std::uint32_t token, Match& match);

// The mentions coordinated with `mention` ("A, B et C", "A and B"), `mention` first, walking
// away from the trigger: leftwards when `leftwards`, else rightwards.
std::vector<std::int32_t> coordinated(const MatchContext& ctx, std::int32_t mention,
                                      bool leftwards);

}  // namespace diplograph::relations
