// Titles and roles: "le président turc", "le ministre turc des Affaires étrangères",
// "Russia's foreign minister", "U.S. Secretary of State Antony Blinken", "the President of
// Turkey", "l'ambassadeur russe à l'ONU, Vassili Nebenzia". A title with its state or
// organisation resolves by date to the role's holder; a name after it names (or creates) the
// person; a bare title refers back to the last person of the dispatch holding that role.
#include <algorithm>

#include "actors/scan.h"

namespace diplograph::actors {

namespace {

bool is_state_like(ActorKind k) {
  return k == ActorKind::State || k == ActorKind::InternationalOrganization ||
         k == ActorKind::NonStateGroup;
}

std::string slug(std::string_view norm) {
  std::string out;
  for (char c : norm) out.push_back(c == ' ' ? '-' : c);
  return out;
}

}  // namespace

std::optional<std::uint32_t> Scan::adjective_state(std::uint32_t token) const {
  if (token >= out_.words.size()) return std::nullopt;
  const auto m = match_name(token);
  if (!m || m->end != token + 1) return std::nullopt;
  if (m->form != Form::Adjective && m->form != Form::Demonym) return std::nullopt;
  if (!is_state_like(g_.entry(m->entry).actor.kind)) return std::nullopt;
  return m->entry;
}

std::optional<Scan::TitleMatch> Scan::match_title(std::uint32_t token) const {
  // French places the state adjective after any word of the title ("ministre turc des
  // Affaires étrangères") or after the whole title ("président turc"): one may be skipped.
  const auto& trie = g_.titles();
  std::optional<TitleMatch> best;
  std::optional<std::uint32_t> state;
  std::uint32_t node = PhraseTrie::kRoot;
  std::uint32_t t = token;
  while (t < out_.words.size() && same_sentence(token, t)) {
    auto next = trie.child(node, out_.words[t]);
    if (next == PhraseTrie::kNone && node != PhraseTrie::kRoot && !state) {
      if ((state = adjective_state(t))) {
        ++t;
        continue;
      }
    }
    if (next == PhraseTrie::kNone) break;
    node = next;
    ++t;
    for (const auto p : trie.payloads(node)) {
      const auto& sense = g_.title_sense(p);
      if (!best || t > best->end || (t == best->end && sense.lang == lang_))
        best = TitleMatch{t, &sense, state};
    }
  }
  if (best && !best->state && (best->state = adjective_state(best->end))) ++best->end;
  return best;
}

std::optional<std::uint32_t> Scan::state_before(std::uint32_t token, std::uint32_t* first) const {
  // "Turkish President", "Russia's foreign minister", "UN Secretary-General".
  if (out_.mentions.empty()) return std::nullopt;
  const auto& m = out_.mentions.back();
  std::uint32_t end = token;
  if (end > 0 && doc_.token_norm(end - 1) == "'s") --end;
  const auto& a = out_.actors[m.actor];
  if (m.end_token != end || a.entry < 0 || !is_state_like(a.ref.kind) || m.compound)
    return std::nullopt;
  *first = m.first_token;
  return static_cast<std::uint32_t>(a.entry);
}

std::optional<std::uint32_t> Scan::state_after(std::uint32_t token, std::uint32_t* end) const {
  // "président de la Turquie", "secrétaire général de l'ONU", "President of Turkey".
  std::uint32_t t = token;
  if (t >= out_.words.size() || !same_sentence(token - 1, t)) return std::nullopt;
  const auto w = doc_.token_norm(t);
  if (w != "de" && w != "d'" && w != "du" && w != "des" && w != "of") return std::nullopt;
  ++t;
  if (t < out_.words.size()) {
    const auto a = doc_.token_norm(t);
    if (a == "la" || a == "l'" || a == "le" || a == "the") ++t;
  }
  if (t >= out_.words.size()) return std::nullopt;
  const auto m = match_name(t);
  if (!m || m->form == Form::NonActor || m->form == Form::Adjective) return std::nullopt;
  if (!is_state_like(g_.entry(m->entry).actor.kind)) return std::nullopt;
  *end = m->end;
  return m->entry;
}

std::uint32_t Scan::new_person(std::uint32_t token, std::uint32_t state, std::uint32_t* actor) {
  // A capitalised name right after a title with a state: "l'ambassadeur russe, Ivan Petrov".
  static constexpr std::string_view kParticles[] = {"de", "da", "van", "von", "der", "bin",
                                                    "ben", "al", "el", "ibn", "abu"};
  const auto& tokens = doc_.tokens();
  std::uint32_t t = token;
  std::uint32_t capitalised = 0;
  while (t < tokens.size() && t - token < 5 && same_sentence(token, t)) {
    const auto& tok = tokens[t];
    const bool particle = std::find(std::begin(kParticles), std::end(kParticles),
                                    doc_.token_norm(tok)) != std::end(kParticles);
    if (tok.has(text::kWord) && tok.has(text::kCapitalised) && !match_name(t)) {
      ++capitalised;
    } else if (!(particle && capitalised > 0)) {
      break;
    }
    ++t;
  }
  while (t > token && !tokens[t - 1].has(text::kCapitalised)) --t;  // no trailing particle
  if (capitalised < 2) return token;
  std::string label;
  std::string norm;
  for (auto i = token; i < t; ++i) {
    if (i > token) {
      label += ' ';
      norm += ' ';
    }
    label += doc_.token_text(i);
    norm += doc_.token_norm(i);
  }
  ActorRef ref;
  ref.id = "person/" + slug(norm);
  ref.label = label;
  ref.kind = ActorKind::Person;
  ref.affiliation = g_.entry(state).actor.id;
  *actor = add_actor(std::move(ref), -1, 0);
  return t;
}

std::optional<std::uint32_t> Scan::last_holder(const std::string& role) const {
  for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
    const auto& a = out_.actors[it->actor];
    if (a.entry < 0 || a.ref.kind != ActorKind::Person) continue;
    for (const auto& r : g_.entry(static_cast<std::uint32_t>(a.entry)).roles)
      if (r.role == role && r.holds_on(date_)) return it->actor;
  }
  return std::nullopt;
}

std::uint32_t Scan::try_title(std::uint32_t token) {
  const auto title = match_title(token);
  if (!title) return token;
  std::uint32_t first = token;
  std::uint32_t end = title->end;
  auto state = title->state;
  if (!state) state = state_after(end, &end);
  if (!state) state = state_before(token, &first);
  if (!state && !title->sense->of.empty()) state = g_.find(title->sense->of);

  std::optional<std::uint32_t> actor;
  std::uint32_t name_at = end;
  if (name_at < out_.words.size() && doc_.token_text(name_at) == ",") ++name_at;
  if (name_at < out_.words.size() && same_sentence(token, name_at)) {
    const auto name = match_name(name_at);
    if (name && (name->form == Form::FullName || name->form == Form::Surname)) {
      actor = actor_for_entry(name->entry);
      end = name->end;
    } else if (!name && state) {
      std::uint32_t created = 0;
      const auto after = new_person(name_at, *state, &created);
      if (after > name_at) {
        actor = created;
        end = after;
      }
    }
  }
  const std::string& role = title->sense->role;
  // "l'ancien président kényan", "the former prime minister": not today's holder.
  const bool former = first > 0 && same_sentence(first - 1, first) &&
                      (is_reference(first - 1, ReferenceKind::Former) ||
                       (first > 1 && is_reference(first - 2, ReferenceKind::Former)));
  if (!actor && former) return token;
  if (!actor && state) {
    const auto& owner = g_.entry(*state).actor;
    const std::string of = owner.code.empty() ? owner.id : owner.code;
    if (const auto holder = g_.holder(role, of, date_)) {
      actor = actor_for_entry(*holder);
    } else {
      ActorRef ref;
      ref.id = "role/" + of + "/" + role;
      ref.label = owner.label + " " + role;
      std::replace(ref.label.begin(), ref.label.end(), '_', ' ');
      ref.kind = ActorKind::Person;
      ref.affiliation = owner.id;
      actor = add_actor(std::move(ref), -1, 0);
    }
  }
  if (!actor) actor = last_holder(role);
  if (!actor) return token;
  const auto& tokens = doc_.tokens();
  ActorMention m;
  m.first_token = first;
  m.end_token = end;
  m.begin = tokens[first].begin;
  m.end = tokens[end - 1].end;
  m.actor = *actor;
  m.how = "title";
  emit(m);
  return end;
}

}  // namespace diplograph::actors
