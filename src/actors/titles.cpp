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

std::optional<Scan::TitleMatch> Scan::longest_title(std::uint32_t token) const {
  // French places the state adjective after any word of the title ("ministre turc des
  // Affaires étrangères") or after the whole title ("président turc"): one may be skipped.
  const auto& trie = g_.titles();
  std::optional<TitleMatch> best;
  std::optional<std::uint32_t> state;
  std::uint32_t state_token = 0;
  std::uint32_t node = PhraseTrie::kRoot;
  std::uint32_t t = token;
  while (t < out_.words.size() && same_sentence(token, t)) {
    auto next = trie.child(node, out_.words[t]);
    if (next == PhraseTrie::kNone && node != PhraseTrie::kRoot && !state) {
      if ((state = adjective_state(t))) {
        state_token = t;
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
        best = TitleMatch{t, &sense, state, state_token};
    }
  }
  if (best && !best->state && (best->state = adjective_state(best->end)))
    best->state_token = best->end++;
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

std::optional<std::uint32_t> Scan::state_after(std::uint32_t token, std::uint32_t* first,
                                               std::uint32_t* end) const {
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
  *first = t;
  *end = m->end;
  return m->entry;
}

std::uint32_t Scan::new_person(std::uint32_t token, std::optional<std::uint32_t> state,
                               std::uint32_t* actor) {
  // A capitalised name right after a title: "l'ambassadeur russe, Ivan Petrov".
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
  if (state) ref.affiliation = g_.entry(*state).actor.id;
  *actor = add_actor(std::move(ref), -1, 0);
  if (std::find(new_surnames_.begin(), new_surnames_.end(),
                std::pair{doc_.token_norm(t - 1), *actor}) == new_surnames_.end())
    new_surnames_.emplace_back(doc_.token_norm(t - 1), *actor);
  return t;
}

std::optional<std::uint32_t> Scan::last_holder(const std::string& role) const {
  for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
    const auto& a = out_.actors[it->actor];
    if (a.ref.kind != ActorKind::Person) continue;
    if (a.entry < 0) {
      const auto local = local_roles_.find(it->actor);
      if (local != local_roles_.end() && local->second == role) return it->actor;
      continue;
    }
    for (const auto& r : g_.entry(static_cast<std::uint32_t>(a.entry)).roles)
      if (r.role == role && r.holds_on(date_)) return it->actor;
  }
  return std::nullopt;
}

bool Scan::former_before(std::uint32_t first) const {
  // "l'ancien président kényan", "the former prime minister", "the late king".
  for (std::uint32_t back = 1; back <= 2 && back <= first; ++back) {
    if (!same_sentence(first - back, first)) return false;
    if (is_reference(first - back, ReferenceKind::Former)) return true;
  }
  return false;
}

std::optional<ActorMention> Scan::owner_mention(std::uint32_t token) {
  const auto name = match_name(token);
  if (!name || name->form == Form::NonActor) return std::nullopt;
  const auto& tokens = doc_.tokens();
  ActorMention m;
  m.first_token = token;
  m.end_token = name->end;
  m.begin = tokens[token].begin;
  m.end = tokens[name->end - 1].end;
  m.actor = actor_for_entry(name->entry);
  m.how = to_string(name->form);
  m.modifier = name->form == Form::Adjective;
  return m;
}

std::uint32_t Scan::holder_or_role(const TitleMatch& title, std::uint32_t state) {
  const auto& owner = g_.entry(state).actor;
  const std::string of = owner.code.empty() ? owner.id : owner.code;
  // The chief of an organisation ("le chef de l'ONU") is its secretary-general (SCHEMA.md).
  const std::string role =
      title.sense->role == "leader" && owner.kind == ActorKind::InternationalOrganization
          ? "secretary_general"
          : title.sense->role_for(of);
  if (const auto holder = g_.holder(role, of, date_)) return actor_for_entry(*holder);
  ActorRef ref;
  ref.id = "role/" + of + "/" + role;
  ref.label = owner.label + " " + role;
  std::replace(ref.label.begin(), ref.label.end(), '_', ' ');
  ref.kind = ActorKind::Person;
  ref.affiliation = owner.id;
  const auto actor = add_actor(std::move(ref), -1, 0);
  local_roles_.try_emplace(actor, title.sense->role);
  return actor;
}

std::optional<std::uint32_t> Scan::named_after_title(std::uint32_t token, std::uint32_t* end,
                                                     std::optional<std::uint32_t> state,
                                                     const std::string& role) {
  // "le président turc Recep Tayyip Erdogan", "l'ambassadeur russe, Ivan Petrov".
  std::uint32_t at = *end;
  if (at < out_.words.size() && doc_.token_text(at) == ",") ++at;
  if (at >= out_.words.size() || !same_sentence(token, at)) return std::nullopt;
  const auto name = match_name(at);
  if (name && (name->form == Form::FullName || name->form == Form::Surname)) {
    *end = name->end;
    return actor_for_entry(name->entry);
  }
  // "la ministre de la Défense Nosiviwe Mapisa-Nqakula": a title and a name make a person,
  // affiliated when the title says with what.
  if (name) return std::nullopt;
  std::uint32_t created = 0;
  const auto after = new_person(at, state, &created);
  if (after == at) return std::nullopt;
  local_roles_.try_emplace(created, role);
  *end = after;
  return created;
}

std::uint32_t Scan::try_title(std::uint32_t token) {
  const auto title = match_title(token);
  if (!title) return token;
  std::uint32_t first = token;
  std::uint32_t end = title->end;
  std::uint32_t state_first = title->state_token;
  auto state = title->state;
  if (!state) state = state_after(end, &state_first, &end);
  const bool state_named_before = !state && (state = state_before(token, &first));
  // The state or organisation as the text names it, if it does.
  std::optional<ActorMention> owner;
  if (state_named_before)
    owner = out_.mentions.back();
  else if (state && state_first > token)
    owner = owner_mention(state_first);
  if (!state && !title->sense->of.empty()) state = g_.find(title->sense->of);

  const std::string& role = title->sense->role;
  auto actor = named_after_title(token, &end, state, role);
  if (!actor && former_before(first)) {
    // A former holder is not today's: no person, and the state only qualifies the title.
    if (owner) {
      owner->modifier = true;
      if (state_named_before)
        out_.mentions.back() = *owner;
      else
        emit(*owner);
    }
    return end;
  }
  if (!actor && state) actor = holder_or_role(*title, *state);
  if (!actor) actor = last_holder(role);
  if (!actor) return token;
  if (owner) out_.nested.push_back(*owner);
  const auto& tokens = doc_.tokens();
  ActorMention m;
  m.first_token = first;
  m.end_token = end;
  m.begin = tokens[first].begin;
  m.end = tokens[end - 1].end;
  m.actor = *actor;
  m.how = "title";
  return emit(m);
}

}  // namespace diplograph::actors
