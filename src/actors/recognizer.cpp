#include "actors/recognizer.h"

#include <algorithm>
#include <array>

#include "actors/scan.h"

namespace diplograph::actors {

Analysis Recognizer::analyse(const text::Document& doc, const std::string& date,
                             const std::string& lang) const {
  Scan scan(gazetteer_, doc, date, lang);
  return scan.run();
}

Scan::Scan(const Gazetteer& g, const text::Document& doc, const std::string& date,
           const std::string& lang)
    : g_(g), doc_(doc), date_(date), lang_(lang) {
  const auto& tokens = doc.tokens();
  out_.words.resize(tokens.size());
  out_.mention_at.assign(tokens.size(), -1);
  starts_at_.resize(tokens.size());
  for (std::uint32_t i = 0; i < tokens.size(); ++i) {
    out_.words[i] = g.vocabulary().find(Vocabulary::match_form(doc, tokens[i]));
    starts_at_[i] = g.phrase_starts(out_.words[i]);
  }
  // Hyphenated words are rare: one search of the whole normalised text finds them, where a
  // search of each token cost more than the compound pass itself.
  const std::string& norm = doc.normalized();
  for (auto at = norm.find('-'); at != std::string::npos; at = norm.find('-', at + 1)) {
    const auto token = std::upper_bound(tokens.begin(), tokens.end(), at,
                                        [](std::size_t a, const text::Token& t) { return a < t.norm_end; });
    if (token != tokens.end() && token->norm_begin <= at) starts_at_[token - tokens.begin()] |= kHyphen;
  }
  sentence_of_.resize(tokens.size());
  for (std::uint32_t s = 0; s < doc.sentences().size(); ++s)
    for (auto t = doc.sentences()[s].first_token; t < doc.sentences()[s].end_token; ++t)
      sentence_of_[t] = s;
}

Analysis Scan::run() {
  const auto n = static_cast<std::uint32_t>(doc_.tokens().size());
  std::uint32_t i = 0;
  while (i < n) {
    // A pass is called only where it may match: most tokens start no phrase, hold no hyphen
    // and name no new person, and the calls were most of the scan.
    const auto starts = starts_at_[i];
    std::uint32_t next = i;
    if (starts & kStartsTitle) next = try_title(i);
    if (next == i && (starts & kStartsName)) next = try_name(i);
    if (next == i && !new_surnames_.empty()) next = try_new_surname(i);
    if (next == i && (starts & kStartsReference)) next = try_reference(i);
    if (next == i && (starts & kHyphen)) next = try_compound(i);
    i = next == i ? i + 1 : next;
  }
  // "backed by NATO member Turkey": the organisation only says what Turkey is.
  for (std::size_t m = 0; m + 1 < out_.mentions.size(); ++m) {
    auto& first = out_.mentions[m];
    if (first.end_token + 1 == out_.mentions[m + 1].first_token &&
        is_reference(first.end_token, ReferenceKind::Classifier))
      first.modifier = true;
  }
  for (std::size_t m = 0; m < out_.mentions.size(); ++m)
    for (auto t = out_.mentions[m].first_token; t < out_.mentions[m].end_token; ++t)
      out_.mention_at[t] = static_cast<std::int32_t>(m);
  return std::move(out_);
}

bool Scan::same_sentence(std::uint32_t a, std::uint32_t b) const {
  return sentence_of_[a] == sentence_of_[b];
}

bool Scan::case_fits(const NameSense& sense, std::uint32_t first) const {
  const auto& tokens = doc_.tokens();
  if (sense.exact_caps) return tokens[first].has(text::kAllCaps);
  for (std::uint32_t w = 0; w < 32 && (sense.capitalised_words >> w) != 0; ++w) {
    if (!((sense.capitalised_words >> w) & 1u)) continue;
    const auto& t = tokens[first + w];
    if (!t.has(text::kCapitalised) && !t.has(text::kAllCaps)) return false;
  }
  return true;
}

bool Scan::phrase_at(const std::vector<std::uint32_t>& phrase, std::uint32_t token) const {
  if (phrase.empty() || token + phrase.size() > out_.words.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), out_.words.begin() + token);
}

bool Scan::phrase_ends_at(const std::vector<std::uint32_t>& phrase, std::uint32_t end) const {
  return !phrase.empty() && end >= phrase.size() && phrase_at(phrase, end - static_cast<std::uint32_t>(phrase.size()));
}

bool Scan::context_fits(const Entry& entry, std::uint32_t first, std::uint32_t end) const {
  for (const auto& p : entry.avoid_after)
    if (phrase_ends_at(p, first)) return false;
  for (const auto& p : entry.avoid_before)
    if (phrase_at(p, end)) return false;
  return true;
}

bool Scan::prefer(const NameSense& a, const NameSense& b) const {
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  if (a.form == Form::NonActor) return false;
  const bool a_named = actor_index_.count(g_.entry(a.entry).actor.id) > 0;
  const bool b_named = actor_index_.count(g_.entry(b.entry).actor.id) > 0;
  if (a_named != b_named) return a_named;
  const auto lang = lang_bit(lang_);
  return (a.langs & lang) != 0 && (b.langs & lang) == 0;
}

// Lower ranks win when one phrase has several senses.
int Scan::rank(const NameSense& sense) const {
  switch (sense.form) {
    case Form::NonActor: return 0;
    case Form::FullName: return 1;
    case Form::Name: return 2;
    case Form::Acronym: return 3;
    case Form::Seat: return 4;
    case Form::Capital: return 5;
    case Form::Demonym: return 6;
    case Form::Adjective: return 7;
    case Form::Surname: return 8;
  }
  return 9;
}

bool Scan::is_reference(std::uint32_t token, ReferenceKind kind) const {
  if (token >= out_.words.size()) return false;
  const auto node = g_.references().child(PhraseTrie::kRoot, out_.words[token]);
  if (node == PhraseTrie::kNone) return false;
  for (const auto p : g_.references().payloads(node))
    if (g_.reference_sense(p).kind == kind) return true;
  return false;
}

std::optional<std::uint32_t> Scan::honorific_before(std::uint32_t token) const {
  // The tokenizer keeps a title's period apart ("M" "."), so honorifics span one or two tokens.
  for (std::uint32_t length = 1; length <= 2 && length <= token; ++length) {
    const std::uint32_t first = token - length;
    if (!same_sentence(first, token)) break;
    std::uint32_t node = PhraseTrie::kRoot;
    for (auto t = first; t < token && node != PhraseTrie::kNone; ++t)
      node = g_.references().child(node, out_.words[t]);
    if (node == PhraseTrie::kNone) continue;
    for (const auto p : g_.references().payloads(node))
      if (g_.reference_sense(p).kind == ReferenceKind::Honorific) return first;
  }
  return std::nullopt;
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> Scan::institution_phrase(
    std::uint32_t first, std::uint32_t end) const {
  // French puts the adjective after the noun ("les autorités rwandaises", "une source
  // diplomatique turque"), English before it ("Turkish officials", "a Turkish diplomatic
  // source"); one qualifier may come between.
  auto institution_before = [&](std::uint32_t f) {
    return f > 0 && same_sentence(f - 1, f) && is_reference(f - 1, ReferenceKind::Institution) &&
           (out_.mentions.empty() || out_.mentions.back().end_token < f);
  };
  if (institution_before(first)) return std::pair{first - 1, end};
  if (first > 0 && same_sentence(first - 1, first) &&
      is_reference(first - 1, ReferenceKind::Qualifier) && institution_before(first - 1))
    return std::pair{first - 2, end};
  auto institution_at = [&](std::uint32_t e) {
    return e < out_.words.size() && same_sentence(first, e) &&
           is_reference(e, ReferenceKind::Institution);
  };
  if (institution_at(end)) return std::pair{first, end + 1};
  if (institution_at(end + 1) && is_reference(end, ReferenceKind::Qualifier))
    return std::pair{first, end + 2};
  return std::nullopt;
}

bool Scan::accept_surname(std::uint32_t entry, std::uint32_t token) const {
  // A surname alone is a person when an honorific or an earlier mention says so, or when the
  // person holds office on the dispatch date (wire copy names leaders by surname alone).
  if (honorific_before(token)) return true;
  // "Seif al-Islam Kadhafi": a surname after first names the gazetteer does not know is
  // someone else of that family.
  if (token > 0 && same_sentence(token - 1, token) && doc_.tokens()[token - 1].has(text::kWord) &&
      doc_.tokens()[token - 1].has(text::kCapitalised) && !match_name(token - 1) &&
      !(token - 1 == sentence_first(token)))
    return false;
  if (actor_index_.count(g_.entry(entry).actor.id)) return true;
  for (const auto& r : g_.entry(entry).roles)
    if (r.holds_on(date_)) return true;
  return false;
}

std::optional<Scan::NameMatch> Scan::longest_name(std::uint32_t token) const {
  const auto& trie = g_.names();
  // The phrases that end along the walk, as (end token, node): at most one per word, and
  // called at every token, so a fixed array rather than a vector.
  std::array<std::pair<std::uint32_t, std::uint32_t>, kMaxNameWords> ends;
  std::size_t found = 0;
  std::uint32_t node = PhraseTrie::kRoot;
  for (std::uint32_t t = token; t < out_.words.size() && t - token < kMaxNameWords; ++t) {
    if (out_.words[t] == Vocabulary::kUnknown || !same_sentence(token, t)) break;
    node = trie.child(node, out_.words[t]);
    if (node == PhraseTrie::kNone) break;
    if (trie.ends_phrase(node)) ends[found++] = {t + 1, node};
  }
  while (found > 0) {
    const auto [end, end_node] = ends[--found];
    const NameSense* best = nullptr;
    for (const auto p : trie.payloads(end_node)) {
      const auto& sense = g_.name_sense(p);
      if (!case_fits(sense, token)) continue;
      if (sense.avoids_context && !context_fits(g_.entry(sense.entry), token, end)) continue;
      if (sense.form == Form::Surname && !accept_surname(sense.entry, token)) continue;
      if (!best || prefer(sense, *best)) best = &sense;
    }
    if (best) return NameMatch{end, best->entry, best->form};
  }
  return std::nullopt;
}

bool Scan::is_locative(std::uint32_t first) const {
  // "à Bakou", "in Doha", "à l'Élysée", "au Kremlin", "at the White House": the city or
  // building as a place, not its government.
  if (first == 0) return false;
  std::uint32_t prev = first - 1;
  const auto article = doc_.token_norm(prev);
  if (prev > 0 && (doc_.tokens()[prev].has(text::kElided) || article == "la" || article == "le" ||
                   article == "the"))
    --prev;
  if (!same_sentence(prev, first)) return false;
  const auto word = doc_.token_norm(prev);
  if (word == "en" || word == "in" || word == "at") return true;
  if (Vocabulary::match_form(doc_, doc_.tokens()[prev]) != "à" && word != "au") return false;
  // French "à" also marks a recipient: "son soutien à Kinshasa", "a reproché à Belgrade",
  // "livrer des drones à Bakou".
  for (std::uint32_t back = 1; back <= 3 && back <= prev && same_sentence(prev - back, prev);
       ++back)
    if (is_reference(prev - back, ReferenceKind::Recipient)) return false;
  return true;
}

std::uint32_t Scan::try_name(std::uint32_t token) {
  const auto match = match_name(token);
  if (!match) return token;
  if (match->form == Form::NonActor) return match->end;
  const auto& tokens = doc_.tokens();
  ActorMention m;
  m.first_token = token;
  m.end_token = match->end;
  m.begin = tokens[token].begin;
  m.end = tokens[match->end - 1].end;
  m.actor = actor_for_entry(match->entry);
  m.how = to_string(match->form);
  m.modifier = match->form == Form::Adjective;
  // "the Russian foreign minister": a title after the adjective names a person, whom the
  // title pass resolves with this adjective as its state.
  if (m.modifier && !match_title(match->end)) {
    if (const auto phrase = institution_phrase(token, match->end)) {
      m.modifier = false;
      m.first_token = phrase->first;
      m.end_token = phrase->second;
      m.begin = tokens[m.first_token].begin;
      m.end = tokens[m.end_token - 1].end;
      return emit(m);
    }
  }
  m.locative = (match->form == Form::Capital || match->form == Form::Seat) && is_locative(token);
  if (g_.entry(match->entry).actor.kind == ActorKind::Person) {
    // "M. Erdogan", "Mr. Lavrov": the honorific belongs to the mention, so that what comes
    // before it ("soutenu par", "accused") is next to the person.
    if (const auto honorific = honorific_before(token)) {
      m.first_token = *honorific;
      m.begin = tokens[*honorific].begin;
      m.how = "honorific";
    }
  }
  return emit(m);
}

std::uint32_t Scan::try_compound(std::uint32_t token) {
  // "Iran-backed", "Saudi-led", "Kremlin-allied": the part before the hyphen names the actor.
  const auto& t = doc_.tokens()[token];
  if (!t.has(text::kWord)) return token;
  const auto norm = doc_.token_norm(t);
  // Words are short: a plain loop, where string_view::find called memchr at every word.
  const auto hyphen = static_cast<std::size_t>(std::find(norm.begin(), norm.end(), '-') - norm.begin());
  if (hyphen == norm.size() || hyphen == 0) return token;
  const auto word = g_.vocabulary().find(norm.substr(0, hyphen));
  const auto node = g_.names().child(PhraseTrie::kRoot, word);
  if (word == Vocabulary::kUnknown || node == PhraseTrie::kNone) return token;
  const NameSense* best = nullptr;
  for (const auto p : g_.names().payloads(node)) {
    const auto& sense = g_.name_sense(p);
    if (sense.form == Form::NonActor || sense.form == Form::Surname) continue;
    if (!t.has(text::kCapitalised) && sense.form != Form::Adjective) continue;
    if (!best || rank(sense) < rank(*best)) best = &sense;
  }
  if (!best) return token;
  ActorMention m;
  m.first_token = token;
  m.end_token = token + 1;
  m.begin = t.begin;
  m.end = doc_.original_end(t.norm_begin + static_cast<std::uint32_t>(hyphen));
  m.actor = actor_for_entry(best->entry);
  m.how = to_string(best->form);
  m.compound = true;
  emit(m);
  return token + 1;
}

std::string Scan::affiliation_of(const Entry& person) const {
  const Role* chosen = nullptr;
  for (const auto& r : person.roles)
    if (r.holds_on(date_) && (!chosen || r.from > chosen->from)) chosen = &r;
  // A former leader (a mediator years later, say) speaks for no state; without a date the
  // most recent role is the best guess.
  if (!chosen && date_.empty())
    for (const auto& r : person.roles)
      if (!chosen || r.from > chosen->from) chosen = &r;
  if (!chosen) return {};
  if (const auto e = g_.find(chosen->of)) return g_.entry(*e).actor.id;
  return {};
}

std::uint32_t Scan::add_actor(ActorRef ref, std::int64_t entry, char gender) {
  const auto [it, added] =
      actor_index_.try_emplace(ref.id, static_cast<std::uint32_t>(out_.actors.size()));
  if (added)
    out_.actors.push_back(
        {std::move(ref), entry, gender, entry >= 0 && g_.entry(static_cast<std::uint32_t>(entry)).alliance});
  return it->second;
}

std::uint32_t Scan::actor_for_entry(std::uint32_t entry) {
  const auto& e = g_.entry(entry);
  const auto it = actor_index_.find(e.actor.id);
  if (it != actor_index_.end()) return it->second;
  ActorRef ref = e.actor;
  if (ref.kind == ActorKind::Person) ref.affiliation = affiliation_of(e);
  return add_actor(std::move(ref), entry, e.gender);
}

std::uint32_t Scan::emit(ActorMention m) {
  // A later, longer mention that covers earlier ones (a title absorbing its adjective)
  // replaces them.
  extend_to_institution(m);
  while (!out_.mentions.empty() && out_.mentions.back().end_token > m.first_token)
    out_.mentions.pop_back();
  out_.mentions.push_back(m);
  return m.end_token;
}

}  // namespace diplograph::actors
