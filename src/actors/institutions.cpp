// An actor's institution speaks for it: "Abiy Ahmed's government", "Azerbaijan's foreign
// ministry", "le gouvernement du Mali", "le porte-parole du ministère iranien", "the head of
// the Syrian government delegation". The mention is
// widened to the whole noun phrase, so that it reads as the subject of the verb that follows
// rather than as a possessor or the object of a preposition.
#include "actors/scan.h"

namespace diplograph::actors {

void Scan::extend_to_institution(ActorMention& m) const {
  if (m.locative || m.compound || m.modifier) return;
  const auto& tokens = doc_.tokens();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  // English: X 's [qualifier] institution, unless a title follows: "Russia's foreign
  // minister" is a person, whom the title pass resolves with X as the state.
  std::uint32_t e = m.end_token;
  if (e + 1 < n && same_sentence(m.first_token, e + 1) && doc_.token_norm(e) == "'s" &&
      !match_title(e + 1)) {
    std::uint32_t t = e + 1;
    if (!is_reference(t, ReferenceKind::Institution) && is_reference(t, ReferenceKind::Qualifier))
      ++t;
    if (t < n && is_reference(t, ReferenceKind::Institution)) {
      m.end_token = t + 1;
      m.end = tokens[t].end;
    }
  }
  // French: institution [de|du|des|d'] [article] X, possibly twice ("le porte-parole du
  // ministère iranien" once the inner phrase is a mention).
  for (int hops = 0; hops < 2; ++hops) {
    std::uint32_t f = m.first_token;
    if (f >= 1 && tokens[f - 1].has(text::kElided) && doc_.token_norm(f - 1) == "l'") --f;
    else if (f >= 1 && (doc_.token_norm(f - 1) == "la" || doc_.token_norm(f - 1) == "le" ||
                        doc_.token_norm(f - 1) == "les" || doc_.token_norm(f - 1) == "the"))
      --f;
    if (f < 2 || !same_sentence(f - 2, m.first_token)) return;
    const auto prep = doc_.token_norm(f - 1);
    if (prep != "de" && prep != "du" && prep != "des" && prep != "d'" && prep != "of") return;
    if (!is_reference(f - 2, ReferenceKind::Institution)) return;
    m.first_token = f - 2;
    m.begin = tokens[f - 2].begin;
  }
}

}  // namespace diplograph::actors
