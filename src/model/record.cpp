#include "model/record.h"

#include <array>
#include <utility>

namespace diplograph {

namespace {

// One table per enum gives both directions, so a name can never be written that is not read.
constexpr std::array<std::pair<ActorKind, const char*>, 5> kKinds{{
    {ActorKind::State, "State"},
    {ActorKind::Person, "Person"},
    {ActorKind::InternationalOrganization, "InternationalOrganization"},
    {ActorKind::NonStateGroup, "NonStateGroup"},
    {ActorKind::Region, "Region"},
}};

constexpr std::array<std::pair<Polarity, const char*>, 2> kPolarities{{
    {Polarity::Positive, "positive"},
    {Polarity::Negated, "negated"},
}};

constexpr std::array<std::pair<Modality, const char*>, 4> kModalities{{
    {Modality::Asserted, "asserted"},
    {Modality::Claimed, "claimed"},
    {Modality::Offered, "offered"},
    {Modality::Denied, "denied"},
}};

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "";  // unreachable for a valid enumerator
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             const std::string& s) {
  for (const auto& [v, name] : table)
    if (s == name) return v;
  return std::nullopt;
}

}  // namespace

const char* to_string(ActorKind kind) { return name_of(kKinds, kind); }
const char* to_string(Polarity polarity) { return name_of(kPolarities, polarity); }
const char* to_string(Modality modality) { return name_of(kModalities, modality); }

std::optional<ActorKind> actor_kind_from_string(const std::string& s) {
  return value_of(kKinds, s);
}
std::optional<Polarity> polarity_from_string(const std::string& s) {
  return value_of(kPolarities, s);
}
std::optional<Modality> modality_from_string(const std::string& s) {
  return value_of(kModalities, s);
}

}  // namespace diplograph
