// The actor gazetteer (ontology/actors/*.json, see SCHEMA.md there), compiled at start into
// one phrase trie over interned words. Read-only after loading; shared by every worker thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/phrase_trie.h"
#include "actors/vocabulary.h"
#include "model/record.h"

namespace diplograph::actors {

enum class Form : std::uint8_t {
  Name, Acronym, Capital, Seat, Adjective, Demonym, FullName, Surname, NonActor,
};
const char* to_string(Form form);

struct Role {
  std::string role;  // head_of_state, foreign_minister, ... (SCHEMA.md)
  std::string of;    // state or organisation code, or a group id
  std::string from;  // ISO date
  std::string to;    // ISO date, empty while in office
  bool holds_on(const std::string& date) const;
};

struct Entry {
  ActorRef actor;
  std::vector<Role> roles;  // persons only
  char gender = 0;          // 'm', 'f' or 0
  bool alliance = false;    // a defence alliance: its members are allied with it
  std::string parent;       // the organisation this one belongs to ("org/EU" for the Council)
  std::vector<std::vector<std::uint32_t>> avoid_after;   // phrases that rule a match out
  std::vector<std::vector<std::uint32_t>> avoid_before;  // when right before / after it
};

// Languages a name form is listed in, as bits of NameSense::langs.
inline constexpr std::uint8_t kEnglish = 1;
inline constexpr std::uint8_t kFrench = 2;
inline std::uint8_t lang_bit(std::string_view lang) {
  return lang == "en" ? kEnglish : lang == "fr" ? kFrench : 0;
}

// What a trie node means: which entry, through which form, and how the case must look.
struct NameSense {
  std::uint32_t entry;
  Form form;
  // Bit i set: word i of the phrase is capitalised in the data and must be in the text too.
  std::uint32_t capitalised_words = 0;
  bool exact_caps = false;  // short acronyms: every letter upper case in the text
  // Where two entries share a form, the one listed in the dispatch's language wins ("Congo":
  // the DRC in English copy, Congo-Brazzaville in French). 0: listed in no language.
  std::uint8_t langs = 0;
  // Its entry lists phrases that rule a match out next to it (Entry::avoid_after, avoid_before),
  // told here so that most matches never read the entry.
  bool avoids_context = false;
};

struct TitleSense {
  std::string role;
  std::string of;  // fixed holder's state or organisation ("Secretary of State" -> USA)
  std::string lang;
  // Where the title names another office: Iran's "président" heads the government, the
  // Supreme Leader the state.
  std::vector<std::pair<std::string, std::string>> role_by_state;
  const std::string& role_for(const std::string& state) const {
    for (const auto& [code, r] : role_by_state)
      if (code == state) return r;
    return role;
  }
};

enum class ReferenceKind : std::uint8_t {
  Honorific,
  Pronoun,
  Description,
  Institution,
  Qualifier,
  Former,
  Recipient,  // "soutien", "livré", "reproché": "à X" after it is a recipient, not a place
  Group,      // "les deux pays", "the three powers": several actors named before
  Classifier,  // "NATO member Turkey": the first actor only classifies the second
};
struct ReferenceSense {
  ReferenceKind kind{};
  char gender = 0;         // pronouns
  ActorKind refers_to{};   // descriptions and groups
  std::string lang;
  std::uint32_t count = 0;  // groups
  std::vector<std::string> among;  // descriptions: the codes it may refer to ("le sultanat")
};

// Which phrase tries have a phrase starting with a word, as bits of Gazetteer::phrase_starts.
inline constexpr std::uint8_t kStartsName = 1;
inline constexpr std::uint8_t kStartsTitle = 2;
inline constexpr std::uint8_t kStartsReference = 4;

class Gazetteer {
 public:
  // Loads every *.json of `dir` (actors) plus titles.json and references.json in it. On failure
  // returns nullopt and says which file and what is wrong in `error`.
  static std::optional<Gazetteer> load(const std::string& dir, std::string& error);

  const Vocabulary& vocabulary() const { return vocabulary_; }
  Vocabulary& vocabulary() { return vocabulary_; }

  const PhraseTrie& names() const { return names_; }
  const NameSense& name_sense(std::uint32_t payload) const { return name_senses_[payload]; }
  const PhraseTrie& titles() const { return titles_; }
  const TitleSense& title_sense(std::uint32_t payload) const { return title_senses_[payload]; }
  const PhraseTrie& references() const { return references_; }
  const ReferenceSense& reference_sense(std::uint32_t payload) const {
    return reference_senses_[payload];
  }

  // Most tokens start no phrase at all: one byte per word says so before any trie is walked.
  // Words interned after loading (the relation lexicon's) start none.
  std::uint8_t phrase_starts(std::uint32_t word) const {
    return word < phrase_starts_.size() ? phrase_starts_[word] : 0;
  }

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry& entry(std::uint32_t i) const { return entries_[i]; }
  // Entry index of a code ("TUR", "UN") or an id ("state/TUR", "group/hamas").
  std::optional<std::uint32_t> find(const std::string& code_or_id) const;

  // The person holding `role` of `of` on `date` (the most recent start wins when several do).
  // An empty date means today: the holder still in office.
  std::optional<std::uint32_t> holder(const std::string& role, const std::string& of,
                                      const std::string& date) const;

 private:
  Vocabulary vocabulary_;
  PhraseTrie names_;
  std::vector<NameSense> name_senses_;
  PhraseTrie titles_;
  std::vector<TitleSense> title_senses_;
  PhraseTrie references_;
  std::vector<ReferenceSense> reference_senses_;
  std::vector<std::uint8_t> phrase_starts_;  // word id -> kStarts* bits
  std::vector<Entry> entries_;
  std::vector<std::pair<std::string, std::uint32_t>> by_key_;  // sorted code/id -> entry
  // Every dated role as (entry, index in its roles), sorted by (role, of) and then by entry,
  // so that holder() looks at one office's holders only.
  struct RoleRef {
    std::uint32_t entry;
    std::uint32_t role;
  };
  std::vector<RoleRef> roles_;
  const Role& role_of(RoleRef r) const { return entries_[r.entry].roles[r.role]; }
  friend class GazetteerLoader;
};

}  // namespace diplograph::actors
