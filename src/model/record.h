// The data that flows out of extraction and into the graph, exporters, stores and eval: one
// DispatchRecord per dispatch, the contract format of DESIGN.md section 6.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/name_list.h"

namespace diplograph {

enum class ActorKind { State, Person, InternationalOrganization, NonStateGroup, Region };

// Offsets are Unicode code points into the dispatch's original `text`, end exclusive, so that
// text[begin:end] in any language that indexes strings by code point yields the words.
struct CharSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const CharSpan&) const = default;
};

struct ActorRef {
  std::string id;     // "state/TUR", "org/UN", "person/recep-tayyip-erdogan", "group/hamas"
  std::string label;  // English name
  std::string code;   // ISO alpha-3 for states, English acronym for organisations, else empty
  ActorKind kind = ActorKind::State;
  std::string qid;                   // Wikidata, empty when unsure
  NameList aliases;                  // other names and forms, for scoring and display
  std::string affiliation;           // for a person: the actor id it speaks for, else empty
  bool operator==(const ActorRef&) const = default;
};

struct Mention {
  CharSpan span;
  std::string text;  // exactly the original characters of span
  std::string how;   // name, short-name, acronym, capital, seat, adjective, demonym, title,
                     // surname, honorific, pronoun, role, new-person, description
  bool operator==(const Mention&) const = default;
};

struct ActorMentions {
  ActorRef actor;
  std::vector<Mention> mentions;
  bool operator==(const ActorMentions&) const = default;
};

enum class Polarity { Positive, Negated };
enum class Modality { Asserted, Claimed, Offered, Denied };

struct Assertion {
  std::string type;  // supports, allied-with, mediates, accuses, or a type added by the lexicon
  ActorRef source;
  ActorRef target;
  Polarity polarity = Polarity::Positive;
  Modality modality = Modality::Asserted;
  std::optional<ActorRef> speaker;  // who claims it, for modality Claimed
  int sentence = 0;                 // index of the sentence in the dispatch, from 0
  CharSpan span;                    // the words from which the relation was read
  std::string trigger;              // the trigger words as written
  std::string evidence;             // the sentence text, whitespace folded
  std::string rule;                 // e.g. "fr.supports.passive-par"
  double confidence = 0.0;
  std::string rolled_up_from;       // person id when credited to the state it speaks for
  bool operator==(const Assertion&) const = default;

  // Negated and denied assertions are kept in the output but never become graph edges.
  bool holds() const { return polarity == Polarity::Positive && modality != Modality::Denied; }
};

struct DispatchRecord {
  std::string id;
  std::string date;  // ISO 8601 (YYYY-MM-DD or YYYY-MM) or empty
  std::string lang;  // fr, en, or empty when unknown
  std::string agency;
  std::string title;
  std::string url;
  std::vector<ActorMentions> actors;  // sorted by actor id
  std::vector<Assertion> relations;   // in text order
  bool operator==(const DispatchRecord&) const = default;
};

const char* to_string(ActorKind kind);
const char* to_string(Polarity polarity);
const char* to_string(Modality modality);
std::optional<ActorKind> actor_kind_from_string(const std::string& s);
std::optional<Polarity> polarity_from_string(const std::string& s);
std::optional<Modality> modality_from_string(const std::string& s);

}  // namespace diplograph
