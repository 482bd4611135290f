// Internal to the analysis module: the rules that its statistics, pictures and report share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "graph/graph.h"

namespace diplograph::analysis::detail {

// The signed reading of relation types: supports and allied-with are cooperative (+),
// accuses is conflictual (-), the rest (mediates, represents, types added by the lexicons)
// carry no sign.
int relation_sign(std::string_view type);

// Relation edges, as opposed to represents links between a person and the body it speaks for.
bool is_relation(std::string_view type);

// The core relation types in reading order, then the other types present in `g`
// alphabetically; represents is not a relation and is not listed.
std::vector<std::string> relation_types(const graph::DiplomaticGraph& g);

// One colour per relation type, shared by the picture and the report. Cooperative types are
// green and blue, accuses red, mediates purple, anything else grey.
std::string relation_color(std::string_view type);

// The structural balance of `g` (analysis.h, Triad and Balance); `unbalanced_at[v]` counts the
// unbalanced triads that vertex v is in (sized num_actors()).
Balance structural_balance(const graph::DiplomaticGraph& g,
                           std::vector<std::size_t>& unbalanced_at);

// The kind as a reader would write it ("International organisation"), for legends.
const char* kind_label(ActorKind kind);

// Text for HTML, and for Graphviz's HTML-like labels: clean_text, then &, <, >, " and '
// escaped.
std::string html_escape(std::string_view text);

}  // namespace diplograph::analysis::detail
