// Relation patterns and clause cues, loaded from ontology/lexicon/*.json and compiled once
// over the gazetteer's vocabulary. The pattern language is described in
// ontology/lexicon/README.md.
#pragma once

#include <cstdint>
#include <optional>
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

// Word lists the clause analysis reads, per language.
struct Cues {
  std::vector<std::uint32_t> negation;        // negates alone: sans, not, never, refused
  std::vector<std::uint32_t> negation_pre;    // first part of a pair: ne, n'
  std::vector<std::uint32_t> negation_post;   // second part: pas, plus, jamais, guère, ni
  std::vector<std::uint32_t> denial;          // démenti, nie, denied, rejected, dismissed
  std::vector<std::uint32_t> speech;          // affirmé, déclaré, said, told, selon
  std::vector<std::uint32_t> hypothetical;    // si, if, whether
  std::vector<std::uint32_t> call;            // appelé, exhorté, urged, called
  std::vector<std::uint32_t> clause_break;    // mais, but, ;, tandis, while
  std::vector<std::uint32_t> coordination;    // et, and, ",", ainsi que
  std::vector<std::uint32_t> determiners;     // le, la, les, l', the
  std::vector<std::uint32_t> prepositions;    // de, à, par, pour, of, to, by, for
  std::vector<std::uint32_t> relative;        // qui, dont, which, who: open a relative clause
  std::vector<std::uint32_t> accusation;      // accusé, accused: what follows is their claim
  std::vector<std::uint32_t> gap_stop;        // par, by: a gap never crosses the agent marker
  std::vector<std::uint32_t> first_person;    // nous, we: the speaker, inside a quotation
  std::vector<std::uint32_t> litotes;         // caché, contente, only: a negation that affirms
  std::vector<std::uint32_t> sides;           // camps, parties, sides: "the two sides"
  std::vector<std::uint32_t> according;       // selon, according: the speaker follows
  std::vector<std::uint32_t> conflict;        // conflit, war: "the Gaza Strip conflict"
  std::vector<std::uint32_t> cessation;       // suspendu, halted: support that stops
  std::vector<std::uint32_t> complementizer;  // que, that: a negated verb governing a clause
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
  // Rules whose trigger element can match `word`.
  const std::vector<std::uint32_t>* rules_anchored_at(std::uint32_t word) const {
    const auto it = by_anchor_.find(word);
    return it == by_anchor_.end() ? nullptr : &it->second;
  }
  const std::vector<CompoundRule>& compounds() const { return compounds_; }
  const Cues& cues(const std::string& lang) const;
  std::vector<std::string> relation_types() const;

 private:
  std::vector<Rule> rules_;
  std::vector<CompoundRule> compounds_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_anchor_;
  std::unordered_map<std::string, Cues> cues_;
  Cues all_cues_;  // union over languages, for dispatches whose language is unknown
  friend class LexiconLoader;
};

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t word);

}  // namespace diplograph::relations
