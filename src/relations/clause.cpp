#include "relations/clause.h"

namespace diplograph::relations {

namespace {

class ClauseReader {
 public:
  ClauseReader(const MatchContext& ctx, const Match& match) : ctx_(ctx), m_(match) {}

  ClauseReading read() {
    ClauseReading r;
    const std::uint32_t start = clause_start();
    const std::uint32_t trigger = m_.trigger_first;
    r.negated = negated(start, trigger);
    // "Moscou rejette toute ingérence et reproche à Paris ...": the denier's own accusation
    // is not what it denies.
    if (const auto denial = find(Cue::Denial, ctx_.sentence_first, trigger))
      r.denied = !(m_.rule->relation == "accuses" && mention(m_.source).first_token < *denial) &&
                 m_.rule->modality != Modality::Offered;
    r.hypothetical = hypothetical(start, trigger);
    if (const auto call = find(Cue::Call, start, trigger)) {
      // "a appelé la Turquie à soutenir", "urged Turkey to back": the one called upon is not
      // said to act; the caller may still act in its own clause ("Tout en appelant Kigali à
      // la retenue, l'UE a réaffirmé son soutien").
      const auto& src = mention(m_.source);
      r.called_for = src.first_token > *call && src.first_token <= *call + 4;
    }
    if (const auto accusation = find(Cue::Accusation, ctx_.sentence_first, trigger))
      r.accused_of = mention(m_.source).first_token > *accusation;
    read_speech(r);
    return r;
  }

 private:
  std::uint32_t word(std::uint32_t t) const { return ctx_.analysis.words[t]; }
  const actors::ActorMention& mention(std::int32_t i) const {
    return ctx_.analysis.mentions[static_cast<std::size_t>(i)];
  }

  std::optional<std::uint32_t> find(Cue cue, std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t t = from; t < to && t < ctx_.sentence_end; ++t)
      if (ctx_.cues.has(cue, word(t))) return t;
    return std::nullopt;
  }

  bool find_text(std::string_view text, std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t t = from; t < to; ++t)
      if (ctx_.doc.token_norm(t) == text) return true;
    return false;
  }

  std::uint32_t clause_start() const {
    for (std::uint32_t t = m_.trigger_first; t > ctx_.sentence_first; --t)
      if (ctx_.cues.has(Cue::ClauseBreak, word(t - 1)) && t - 1 < m_.first) return t;
    return ctx_.sentence_first;
  }

  // French negation needs both parts (ne ... pas); a language whose cue file lists no second
  // part (English) needs only the first. "sans" is both.
  bool negated(std::uint32_t start, std::uint32_t trigger) const {
    // "n'a jamais caché son soutien", "ne se contente pas de financer", "not only": a
    // negated verb that affirms.
    if (find(Cue::Litotes, start, trigger)) return false;
    const auto alone = find(Cue::Negation, start, trigger);
    if (alone && trigger - *alone <= 6) return true;
    // Support that is halted, suspended or cut is no longer support.
    if (m_.rule->relation == "supports")
      if (const auto stop = find(Cue::Cessation, start, trigger); stop && trigger - *stop <= 4)
        return true;
    // "ne soutient pas", "n'a jamais soutenu": the pair sits by the verb. Further back it
    // negates the verb it belongs to, unless that verb governs the trigger's clause: "cela ne
    // veut pas dire que nous soutenons".
    const auto pre = find_last(Cue::NegationPre, start, trigger);
    if (!pre) return false;
    const auto post =
        find(Cue::NegationPost, *pre, std::min(ctx_.sentence_end, m_.trigger_end + 2));
    if (!post) return false;
    if (trigger - *pre <= 6) return true;
    return *post < trigger && find(Cue::Complementizer, *post, trigger).has_value();
  }

  std::optional<std::uint32_t> find_last(Cue cue, std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t t = to; t > from; --t)
      if (ctx_.cues.has(cue, word(t - 1))) return t - 1;
    return std::nullopt;
  }

  bool hypothetical(std::uint32_t start, std::uint32_t trigger) const {
    const auto last = ctx_.sentence_end - 1;
    if (ctx_.doc.token_norm(last) == "?" ||
        (last > 0 && ctx_.doc.token_norm(last) == "\"" && ctx_.doc.token_norm(last - 1) == "?"))
      return true;
    auto cue = find(Cue::Hypothetical, start, trigger);
    // The supposition ends with its clause: "Asked whether ..., the minister said ...".
    if (cue && find_text(",", *cue, trigger)) cue.reset();
    // "même si" / "even if" concede a fact rather than suppose one.
    if (!cue || *cue == ctx_.sentence_first) return cue.has_value();
    const auto before = ctx_.doc.token_norm(*cue - 1);
    return before != "meme" && before != "even";
  }

  bool inside_quotes() const {
    int quotes = 0;
    for (std::uint32_t t = ctx_.sentence_first; t < m_.trigger_first; ++t)
      quotes += ctx_.doc.tokens()[t].has(text::kQuote);
    return quotes % 2 == 1;
  }

  // The speaker is the actor next to the speech verb: its subject before it ("Moscou a
  // affirmé que", "Ukraine said"), else after it when inverted (", a déclaré M. Erdogan");
  // after "selon" / "according to" only. Never one of the relation's own words.
  void read_speech(ClauseReading& r) const {
    std::optional<std::uint32_t> cue;
    for (std::uint32_t t = ctx_.sentence_first; t < ctx_.sentence_end; ++t)
      if (ctx_.cues.has(Cue::Speech, word(t)) && (t < m_.first || t >= m_.end)) {
        cue = t;
        break;
      }
    r.claimed = cue.has_value() || inside_quotes();
    if (!cue) return;
    const bool according = ctx_.cues.has(Cue::According, word(*cue));
    for (std::uint32_t d = 1; d <= 6 && !according; ++d)
      if (*cue >= ctx_.sentence_first + d)
        if (const auto s = speaker_at(*cue - d)) return void(r.speaker = s);
    for (std::uint32_t d = 1; d <= 4 && *cue + d < ctx_.sentence_end; ++d)
      if (const auto s = speaker_at(*cue + d)) return void(r.speaker = s);
  }

  std::optional<std::int32_t> speaker_at(std::uint32_t t) const {
    if (t >= m_.first && t < m_.end) return std::nullopt;
    const auto idx = ctx_.analysis.mention_at[t];
    if (idx < 0) return std::nullopt;
    const auto& m = mention(idx);
    if (m.locative || m.compound) return std::nullopt;
    return idx;
  }

  const MatchContext& ctx_;
  const Match& m_;
};

}  // namespace

ClauseReading read_clause(const MatchContext& ctx, const Match& match) {
  return ClauseReader(ctx, match).read();
}

}  // namespace diplograph::relations
