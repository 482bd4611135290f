#include "analysis/detail.h"

#include <algorithm>
#include <array>
#include <set>

#include "exporters/text.h"

namespace diplograph::analysis::detail {
namespace {

constexpr std::array<std::string_view, 4> kCoreTypes = {"supports", "allied-with", "mediates",
                                                        "accuses"};

}  // namespace

int relation_sign(std::string_view type) {
  if (type == "supports" || type == graph::kAlliedWith) return 1;
  if (type == "accuses") return -1;
  return 0;
}

bool is_relation(std::string_view type) { return type != graph::kRepresents; }

std::vector<std::string> relation_types(const graph::DiplomaticGraph& g) {
  std::set<std::string, std::less<>> others;
  for (const auto e : boost::make_iterator_range(boost::edges(g.boost_graph()))) {
    const std::string& type = g.relation(e).type;
    const bool core = std::find(kCoreTypes.begin(), kCoreTypes.end(), type) != kCoreTypes.end();
    if (!core && is_relation(type)) others.insert(type);
  }
  std::vector<std::string> out(kCoreTypes.begin(), kCoreTypes.end());
  out.insert(out.end(), others.begin(), others.end());
  return out;
}

// Chosen apart from the kind colours of exporters/text.h (which fill the actors), so that an
// edge never reads as an actor; the cooperative pair stays distinct for the colour-blind.
std::string relation_color(std::string_view type) {
  if (type == "supports") return "#1a9850";
  if (type == graph::kAlliedWith) return "#4575b4";
  if (type == "mediates") return "#8e44ad";
  if (type == "accuses") return "#d73027";
  if (type == graph::kRepresents) return "#b0b0b0";
  return "#737373";
}

const char* kind_label(ActorKind kind) {
  switch (kind) {
    case ActorKind::State: return "State";
    case ActorKind::Person: return "Person";
    case ActorKind::InternationalOrganization: return "International organisation";
    case ActorKind::NonStateGroup: return "Non-state group";
    case ActorKind::Region: return "Region";
  }
  return "Actor";
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : exporters::clean_text(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace diplograph::analysis::detail
