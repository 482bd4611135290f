// Internal to the actors module: the left-to-right scan over one document that the
// recognizer, title and reference passes share. Not part of the module's interface.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "actors/analysis.h"
#include "actors/gazetteer.h"
#include "text/document.h"

namespace diplograph::actors {

class Scan {
 public:
  Scan(const Gazetteer& g, const text::Document& doc, const std::string& date,
       const std::string& lang);

  Analysis run();

  // A gazetteer name that starts at `token` and passes the case and context rules.
  struct NameMatch {
    std::uint32_t end = 0;
    std::uint32_t entry = 0;
    Form form = Form::Name;
  };
  // Called at nearly every token, and nearly every token starts no name: that case is decided
  // inline, before the call and the trie walk.
  std::optional<NameMatch> match_name(std::uint32_t token) const {
    if (!(phrase_starts(token) & kStartsName)) return std::nullopt;
    return longest_name(token);
  }

 private:
  // Passes, tried in this order at each token (titles.cpp, recognizer.cpp, references.cpp).
  std::uint32_t try_title(std::uint32_t token);
  std::uint32_t try_name(std::uint32_t token);
  std::uint32_t try_compound(std::uint32_t token);
  std::uint32_t try_reference(std::uint32_t token);
  std::uint32_t try_new_surname(std::uint32_t token);
  std::uint32_t try_group(std::uint32_t token, std::uint32_t end, const ReferenceSense& sense);
  // A mention of `actor` over the tokens [first, end) of a reference phrase.
  ActorMention phrase_mention(std::uint32_t first, std::uint32_t end, std::uint32_t actor,
                              const char* how) const;

  // Title helpers (titles.cpp).
  struct TitleMatch {
    std::uint32_t end = 0;
    const TitleSense* sense = nullptr;
    std::optional<std::uint32_t> state;  // entry of the state or organisation it belongs to
    std::uint32_t state_token = 0;       // where an adjective names that state
  };
  std::optional<TitleMatch> match_title(std::uint32_t token) const {
    if (!(phrase_starts(token) & kStartsTitle)) return std::nullopt;
    return longest_title(token);
  }
  std::optional<TitleMatch> longest_title(std::uint32_t token) const;
  std::optional<std::uint32_t> state_before(std::uint32_t token, std::uint32_t* first) const;
  std::optional<std::uint32_t> state_after(std::uint32_t token, std::uint32_t* first,
                                           std::uint32_t* end) const;
  std::optional<std::uint32_t> adjective_state(std::uint32_t token) const;
  // `state` is the gazetteer entry the title belongs to, if the text says.
  std::uint32_t new_person(std::uint32_t token, std::optional<std::uint32_t> state,
                           std::uint32_t* actor);
  std::uint32_t sentence_first(std::uint32_t token) const {
    return doc_.sentences()[sentence_of_[token]].first_token;
  }
  std::optional<std::uint32_t> last_holder(const std::string& role) const;
  bool former_before(std::uint32_t first) const;
  // The state or organisation that a title names at `token` ("turc", "l'Union européenne").
  std::optional<ActorMention> owner_mention(std::uint32_t token);
  // The person a title names after it (known or new), updating `end` past the name.
  std::optional<std::uint32_t> named_after_title(std::uint32_t token, std::uint32_t* end,
                                                 std::optional<std::uint32_t> state,
                                                 const std::string& role);
  // The holder of the title's office on the dispatch date, else an anonymous role actor.
  std::uint32_t holder_or_role(const TitleMatch& title, std::uint32_t state);

  // Resolution helpers (recognizer.cpp).
  std::uint8_t phrase_starts(std::uint32_t token) const {
    return token < starts_at_.size() ? starts_at_[token] : 0;
  }
  std::optional<NameMatch> longest_name(std::uint32_t token) const;
  bool case_fits(const NameSense& sense, std::uint32_t first) const;
  bool context_fits(const Entry& entry, std::uint32_t first, std::uint32_t end) const;
  bool phrase_at(const std::vector<std::uint32_t>& phrase, std::uint32_t token) const;
  bool phrase_ends_at(const std::vector<std::uint32_t>& phrase, std::uint32_t end) const;
  int rank(const NameSense& sense) const;
  // Whether sense `a` beats `b` for the same words: the lower rank, else an actor the
  // dispatch already named, else a form of the dispatch's language.
  bool prefer(const NameSense& a, const NameSense& b) const;
  bool accept_surname(std::uint32_t entry, std::uint32_t token) const;
  bool is_locative(std::uint32_t first) const;
  // First token of an honorific ("Mme", "M .", "Mr .") that ends right before `token`.
  std::optional<std::uint32_t> honorific_before(std::uint32_t token) const;
  bool is_reference(std::uint32_t token, ReferenceKind kind) const;
  // "la diplomatie égyptienne", "Turkish officials": the adjective names an actor; returns
  // the token range of the noun phrase, or nullopt when the adjective only qualifies.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> institution_phrase(std::uint32_t first,
                                                                             std::uint32_t end) const;
  std::uint32_t actor_for_entry(std::uint32_t entry);
  std::uint32_t add_actor(ActorRef ref, std::int64_t entry, char gender);
  std::string affiliation_of(const Entry& person) const;
  // Records a mention; returns the token after it.
  std::uint32_t emit(ActorMention m);
  // "Abiy Ahmed's government", "le porte-parole du ministère iranien": the institution of an
  // actor acts for it, so the mention grows to cover the whole subject (institutions.cpp).
  void extend_to_institution(ActorMention& m) const;
  bool same_sentence(std::uint32_t a, std::uint32_t b) const;

  const Gazetteer& g_;
  const text::Document& doc_;
  const std::string& date_;
  const std::string& lang_;
  Analysis out_;
  std::unordered_map<std::string, std::uint32_t> actor_index_;  // actor id -> out_.actors
  std::vector<std::uint32_t> sentence_of_;                       // token -> sentence
  // Per token: the kStarts* bits of its word, and kHyphen when its normalised form holds a
  // hyphen (a possible compound), so that run() tries only the passes that may match there.
  static constexpr std::uint8_t kHyphen = 8;
  std::vector<std::uint8_t> starts_at_;
  // Persons found only in this dispatch, by the normalised last word of their name, and the
  // role their title gave them (for a later bare title).
  std::vector<std::pair<std::string_view, std::uint32_t>> new_surnames_;
  std::unordered_map<std::uint32_t, std::string> local_roles_;  // actor -> role
  static constexpr std::uint32_t kMaxNameWords = 8;  // the longest name the walk tries
};

}  // namespace diplograph::actors
