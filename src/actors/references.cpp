// References back to actors named earlier in the dispatch: honorific + surname ("M. Erdogan",
// handled by the surname rule; "M. Rakoto" for a person the dispatch introduced), subject
// pronouns (il, elle, he, she) and descriptions ("cette région séparatiste", "the rebels").
#include <algorithm>
#include <array>
#include <optional>

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
constexpr std::uint32_t kGroupWindow = 8;          // back to a list: "A, B et C"
constexpr std::uint32_t kGroupSentenceWindow = 5;  // back to a sentence naming that many

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
      if (s.kind != ReferenceKind::Pronoun && s.kind != ReferenceKind::Description &&
          s.kind != ReferenceKind::Group)
        continue;
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
  if (sense->kind == ReferenceKind::Group) return try_group(token, end, *sense);

  const std::uint32_t sentence = sentence_of_[token];
  const auto window = sense->kind == ReferenceKind::Pronoun ? kPronounWindow : kDescriptionWindow;
  auto fits = [&](const ActorMention& m) {
    const auto& a = out_.actors[m.actor];
    if (sense->kind == ReferenceKind::Pronoun)
      return a.ref.kind == ActorKind::Person && (a.gender == 0 || a.gender == sense->gender);
    return a.ref.kind == sense->refers_to &&
           (sense->among.empty() ||
            std::find(sense->among.begin(), sense->among.end(), a.ref.code) != sense->among.end());
  };
  const ActorMention* antecedent = nullptr;
  for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend(); ++it) {
    if (sentence - sentence_of_[it->first_token] > window) break;
    if (it->modifier || it->locative || it->compound || it->group >= 0) continue;
    if (fits(*it)) {
      antecedent = &*it;
      break;
    }
  }
  // "EU foreign policy chief Kaja Kallas said the bloc ...": an organisation named inside a
  // title is the nearer antecedent of a description.
  if (sense->kind == ReferenceKind::Description)
    for (auto it = out_.nested.rbegin(); it != out_.nested.rend(); ++it) {
      if (it->first_token >= token) continue;
      if (sentence - sentence_of_[it->first_token] > window) break;
      if (antecedent && it->first_token < antecedent->first_token) break;
      if (fits(*it)) {
        antecedent = &*it;
        break;
      }
    }
  if (!antecedent) return token;
  return emit(phrase_mention(token, end, antecedent->actor,
                             sense->kind == ReferenceKind::Pronoun ? "pronoun" : "description"));
}

// The members of "les trois pays": the last list ("A, B et C", "au Mali, au Burkina Faso et
// au Niger") of exactly that many actors of the group's kind, else the last sentence naming
// exactly that many.
std::uint32_t Scan::try_group(std::uint32_t token, std::uint32_t end, const ReferenceSense& sense) {
  const std::uint32_t sentence = sentence_of_[token];
  auto fits = [&](const ActorMention& m) -> std::optional<std::uint32_t> {
    if (m.modifier || m.compound || m.group >= 0) return std::nullopt;
    const auto& a = out_.actors[m.actor];
    if (a.ref.kind == sense.refers_to) return m.actor;
    return std::nullopt;
  };
  // Tokens that may separate the items of a list.
  auto joins = [&](std::uint32_t from, std::uint32_t to) {
    if (to - from > 3) return false;
    for (auto t = from; t < to; ++t) {
      const auto w = doc_.token_norm(t);
      if (w != "," && w != "et" && w != "and" && w != "au" && w != "aux" && w != "à" &&
          w != "en" && w != "le" && w != "la" && w != "les" && w != "l'" && w != "the" &&
          w != "in" && w != "to")
        return false;
    }
    return true;
  };
  std::vector<std::uint32_t> members;
  auto add = [&](std::vector<std::uint32_t>& list, std::uint32_t actor) {
    if (std::find(list.begin(), list.end(), actor) == list.end()) list.push_back(actor);
  };
  // Lists, most recent first.
  std::vector<std::uint32_t> list;
  std::uint32_t list_first = 0;
  bool conjunction = false;
  for (auto it = out_.mentions.rbegin(); it != out_.mentions.rend() && members.empty(); ++it) {
    if (sentence - sentence_of_[it->first_token] > kGroupWindow) break;
    const auto actor = fits(*it);
    const bool continues = actor && !list.empty() && same_sentence(it->end_token, list_first) &&
                           joins(it->end_token, list_first);
    if (continues) {
      for (auto t = it->end_token; t < list_first; ++t)
        conjunction |= doc_.token_norm(t) == "et" || doc_.token_norm(t) == "and";
      add(list, *actor);
      list_first = it->first_token;
      continue;
    }
    if (conjunction && list.size() == sense.count) members.assign(list.rbegin(), list.rend());
    list.clear();
    conjunction = false;
    if (actor) {
      list.push_back(*actor);
      list_first = it->first_token;
    }
  }
  if (members.empty() && conjunction && list.size() == sense.count)
    members.assign(list.rbegin(), list.rend());
  // Else the last sentence that names exactly that many.
  for (std::uint32_t back = 0; members.empty() && back <= kGroupSentenceWindow && back <= sentence;
       ++back) {
    std::vector<std::uint32_t> named;
    for (const auto& m : out_.mentions)
      if (sentence_of_[m.first_token] == sentence - back && m.first_token < token)
        if (const auto actor = fits(m)) add(named, *actor);
    if (named.size() == sense.count) members = named;
  }
  if (members.empty()) return token;
  auto m = phrase_mention(token, end, members.front(), "group");
  m.group = static_cast<std::int32_t>(out_.groups.size());
  out_.groups.push_back(std::move(members));
  return emit(m);
}

ActorMention Scan::phrase_mention(std::uint32_t first, std::uint32_t end, std::uint32_t actor,
                                  const char* how) const {
  const auto& tokens = doc_.tokens();
  ActorMention m;
  m.first_token = first;
  m.end_token = end;
  m.begin = tokens[first].begin;
  m.end = tokens[end - 1].end;
  m.actor = actor;
  m.how = how;
  return m;
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
