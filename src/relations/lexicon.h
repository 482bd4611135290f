// Relation patterns and clause cues, loaded from ontology/lexicon/*.json and compiled once
// over the gazetteer's vocabulary. The pattern language is described in
// ontology/lexicon/README.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/vocabulary.h"

namespace diplograph::relations {

struct Element {
  enum class Kind : std::uint8_t { Source, Target, Words, Gap };
  Kind kind = Kind::Words;
  std::vector<std::uint32_t> words;  // sorted word ids (Words)
  std::uint8_t max_gap = 0;          // Gap: up to this many tokens
  bool optional = false;
  bool trigger = false;
  bool any_mention = false;  // slot also takes adjectives ("le soutien russe")
  bool subject = false;      // slot is the sentence's subject, however far before ("A:subj")
  bool alliance = false;     // slot takes only a defence alliance ("B:alliance")
  bool matches(std::uint32_t word) const;
};

enum class Modality : std::uint8_t { Asserted, Offered };

struct Rule {
  std::string id;
  std::string relation;
  std::string lang;
  std::vector<Element> elements;
  std::size_t anchor = 0;  // the trigger element matching starts from
  double confidence = 0.8;
  bool mutual = false;             // "accused each other": every pair of the source group
  bool subject_source = false;     // the source slot is A:subj
  bool target_is_conflict = false; // "a proposé sa médiation": parties named elsewhere
  Modality modality = Modality::Asserted;
};

// Word lists the clause analysis reads, per language (the "cues" of ontology/lexicon/*.json).
enum class Cue : std::uint8_t {
  Negation,        // negates alone: sans, not, never, refused
  NegationPre,     // first part of a pair: ne, n'
  NegationPost,    // second part: pas, plus, jamais, guère, ni
  Denial,          // démenti, nie, denied, rejected, dismissed
  Speech,          // affirmé, déclaré, said, told, selon
  Hypothetical,    // si, if, whether
  Call,            // appelé, exhorté, urged, called
  ClauseBreak,     // mais, but, ;, tandis, while
  Coordination,    // et, and, ",", ainsi que
  Determiners,     // le, la, les, l', the
  Prepositions,    // de, à, par, pour, of, to, by, for
  Relative,        // qui, dont, which, who: open a relative clause
  Accusation,      // accusé, accused: what follows is their claim
  GapStop,         // par, by: a gap never crosses the agent marker
  FirstPerson,     // nous, we: the speaker, inside a quotation
  Litotes,         // caché, contente, only: a negation that affirms
  Sides,           // camps, parties, sides: "the two sides"
  According,       // selon, according: the speaker follows
  Conflict,        // conflit, war: "the Gaza Strip conflict"
  Cessation,       // suspendu, halted: support that stops
  Complementizer,  // que, that: a negated verb governing a clause; the last cue
};
// Cues keeps the lists a word is in as the bits of a 32-bit word.
static_assert(static_cast<unsigned>(Cue::Complementizer) < 32);

// The clause analysis asks of nearly every token of a sentence whether it is one cue or
// another, so each word carries one bit per list and a question is one load.
class Cues {
 public:
  bool has(Cue cue, std::uint32_t word) const {
    return word < lists_of_.size() && ((lists_of_[word] >> static_cast<unsigned>(cue)) & 1u);
  }
  void add(Cue cue, std::uint32_t word);
  void add_all(const Cues& other);

 private:
  std::vector<std::uint32_t> lists_of_;  // word id -> a bit per Cue
};

// "Iran-backed Houthis": the word after the hyphen says the relation, the prefix names the
// source and the next actor is the target.
struct CompoundRule {
  std::string id;
  std::string relation;
  std::string lang;
  std::vector<std::uint32_t> suffixes;  // sorted word ids: backed, led, soutenu
  double confidence = 0.8;
  bool target_is_conflict = false;      // "a U.S.-brokered agreement": the parties are elsewhere
  std::vector<std::uint32_t> followed_by;  // sorted; when set, the next word must be one of them
};

class Lexicon {
 public:
  // Loads every *.json in `dir`, interning words into `vocabulary` (the gazetteer's). On
  // failure returns nullopt with file and rule named in `error`.
  static std::optional<Lexicon> load(const std::string& dir, actors::Vocabulary& vocabulary,
                                     std::string& error);

  const std::vector<Rule>& rules() const { return rules_; }
  // Rules whose trigger element can match `word`, in lexicon order. Asked at every token: a
  // table indexed by word id rather than a hash map.
  std::span<const std::uint32_t> rules_anchored_at(std::uint32_t word) const {
    if (word + 1 >= anchored_from_.size()) return {};
    return {anchored_rules_.data() + anchored_from_[word],
            anchored_rules_.data() + anchored_from_[word + 1]};
  }
  const std::vector<CompoundRule>& compounds() const { return compounds_; }
  const Cues& cues(const std::string& lang) const;
  std::vector<std::string> relation_types() const;

 private:
  std::vector<Rule> rules_;
  std::vector<CompoundRule> compounds_;
  std::vector<std::uint32_t> anchored_from_;   // word id -> first of its anchored_rules_
  std::vector<std::uint32_t> anchored_rules_;  // rule indices, grouped by anchor word
  std::unordered_map<std::string, Cues> cues_;
  Cues all_cues_;  // union over languages, for dispatches whose language is unknown
  friend class LexiconLoader;
};

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t word);

}  // namespace diplograph::relations
