// Internal to the relations module: inside a quotation, "nous" / "we" is the quoted speaker,
// or the state or organisation a quoted official speaks for.
#pragma once

#include "actors/analysis.h"
#include "actors/gazetteer.h"
#include "relations/lexicon.h"
#include "text/document.h"

namespace diplograph::relations {

// A copy of `analysis` with a mention for every first-person plural pronoun inside a
// quotation whose speaker is named next to it. Returns false (and leaves `out` alone) when
// there is none, so callers keep using the original.
bool resolve_quoted_we(const text::Document& doc, const actors::Analysis& analysis,
                       const Cues& cues, const actors::Gazetteer& gazetteer,
                       actors::Analysis& out);

}  // namespace diplograph::relations
