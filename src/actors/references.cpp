// References back to actors named earlier in the dispatch: honorific + surname ("M. Erdogan",
// handled by the surname rule; "M. Rakoto" for a person the dispatch introduced), subject
// pronouns (il, elle, he, she) and descriptions ("cette région séparatiste", "the rebels").
#include <array>

#include "actors/scan.h"

namespace diplograph::actors {

namespace {

// "il y a", "il faut", "it seems": impersonal subjects refer to nobody.
bool impersonal_after(std::string_view next) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "y", "faut", "fallait", "faudra", "s'", "semble", "semblait", "reste", "importe",
      "convient", "suffit", "parait"};
  for (auto w : kWords)
    if (next == w) return true;
  return false;
}

// How many sentences back a pronoun or a description may reach: a pronoun refers to someone
// just named, a description ("the alliance", "cette région") to the topic of the dispatch.
constexpr std::uint32_t kPronounWindow = 2;
constexpr std::uint32_t kDescriptionWindow = 8;

}  // namespace

std::uint32_t Scan::try_reference(std::uint32_t token) {
  const auto& trie = g_.references();
  std::uint32_t node = PhraseTrie::kRoot;
  std::uint32_t end = token;
  const ReferenceSense* sense = nullptr;
  for (std::uint32_t t = token; t < out_.words.size() && same_sentence(token, t); ++t) {
    node = trie.child(node, out_.words[t]);
    if (node == PhraseTrie::kNone) break;
    for (const auto p : trie.payloads(node)) {
      const auto& s = g_.reference_sense(p);
      if (s.kind != ReferenceKind::Pronoun && s.kind != ReferenceKind::Description) continue;
      if (!lang_.empty() && s.lang != lang_) continue;
      sense = &s;
      end = t + 1;
    }
  }
  if (!sense) return token;
  // "les rebelles houthis": a name that starts inside the description and runs past it is
  // the better match ("the Palestinian group" stays a description).
  if (sense->kind == ReferenceKind::Description)
    for (auto t = token + 1; t < end; ++t)
      if (const auto name = match_name(t); name && name->end > end) return token;
  if (sense->kind == ReferenceKind::Pronoun && end < out_.words.size() &&
      impersonal_after(doc_.token_norm(end)))
    return token;

  const std::uint32_t sentence = sentence_of_[token];
  for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
    const auto window =
        sense->kind == ReferenceKind::Pronoun ? kPronounWindow : kDescriptionWindow;
    if (sentence - sentence_of_[it->first_token] > window) break;
    if (it->modifier || it->locative || it->compound) continue;
    const auto& a = out_.actors[it->actor];
    const bool fits =
        sense->kind == ReferenceKind::Pronoun
            ? a.ref.kind == ActorKind::Person && (a.gender == 0 || a.gender == sense->gender)
            : a.ref.kind == sense->refers_to;
    if (!fits) continue;
    const auto& tokens = doc_.tokens();
    ActorMention m;
    m.first_token = token;
    m.end_token = end;
    m.begin = tokens[token].begin;
    m.end = tokens[end - 1].end;
    m.actor = it->actor;
    m.how = sense->kind == ReferenceKind::Pronoun ? "pronoun" : "description";
    emit(m);
    return end;
  }
  return token;
}

std::uint32_t Scan::try_new_surname(std::uint32_t token) {
  // "Le ministre malgache, Jean Rakoto, ... M. Rakoto": persons that a title introduced are in
  // no gazetteer, so their later mentions are matched on the last word of their name.
  const auto& t = doc_.tokens()[token];
  if (new_surnames_.empty() || !t.has(text::kWord) || !t.has(text::kCapitalised)) return token;
  const auto norm = doc_.token_norm(t);
  for (auto it = new_surnames_.rbegin(); it != new_surnames_.rend(); ++it) {
    if (it->first != norm) continue;
    ActorMention m;
    m.first_token = token;
    m.end_token = token + 1;
    m.begin = t.begin;
    m.end = t.end;
    m.actor = it->second;
    m.how = "surname";
    if (const auto honorific = honorific_before(token)) {
      m.first_token = *honorific;
      m.begin = doc_.tokens()[*honorific].begin;
      m.how = "honorific";
    }
    return emit(m);
  }
  return token;
}

}  // namespace diplograph::actors
