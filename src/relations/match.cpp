#include "relations/match.h"

namespace diplograph::relations {

namespace {

// Backtracking over pattern elements, outward from the trigger. Gaps try their shortest
// length first, so the nearest actor binds; patterns are short and gaps bounded, so the
// search stays small.
class Matcher {
 public:
  Matcher(const MatchContext& ctx, const Rule& rule, Match& match)
      : ctx_(ctx), rule_(rule), match_(match) {}

  bool run(std::uint32_t token) {
    const auto& anchor = rule_.elements[rule_.anchor];
    if (!anchor.matches(word(token))) return false;
    match_.trigger_first = token;
    match_.trigger_end = token + 1;
    return forward(rule_.anchor + 1, token + 1);
  }

 private:
  std::uint32_t word(std::uint32_t t) const { return ctx_.analysis.words[t]; }
  bool in_sentence(std::int64_t t) const {
    return t >= ctx_.sentence_first && t < ctx_.sentence_end;
  }
  bool is_determiner(std::uint32_t t) const { return contains(ctx_.cues.determiners, word(t)); }

  bool usable(const actors::ActorMention& m, const Element& e, bool after_words) const {
    if (m.modifier && !e.any_mention) return false;
    if (m.locative && !after_words) return false;
    return true;
  }

  // Tokens a gap may skip: no actor, no clause break.
  bool skippable(std::uint32_t t) const {
    if (contains(ctx_.cues.clause_break, word(t))) return false;
    const auto* m = ctx_.analysis.mention_covering(t);
    return !m || m->modifier;
  }

  void bind(const Element& e, std::int32_t mention) {
    (e.kind == Element::Kind::Source ? match_.source : match_.target) = mention;
  }

  bool forward(std::size_t k, std::uint32_t p) {
    if (k == rule_.elements.size()) {
      match_.end = p;
      return backward(rule_.anchor, static_cast<std::int64_t>(match_.trigger_first) - 1);
    }
    const Element& e = rule_.elements[k];
    if (e.optional && forward(k + 1, p)) return true;
    switch (e.kind) {
      case Element::Kind::Gap:
        for (std::uint32_t g = 0; g <= e.max_gap; ++g) {
          if (g > 0 && (!in_sentence(p + g - 1) || !skippable(p + g - 1))) break;
          if (forward(k + 1, p + g)) return true;
        }
        return false;
      case Element::Kind::Words:
        if (!in_sentence(p) || !e.matches(word(p))) return false;
        if (e.trigger || (k == rule_.anchor + 1 && p == match_.trigger_end)) match_.trigger_end = p + 1;
        return forward(k + 1, p + 1);
      default: {
        const bool after_words = k > 0 && rule_.elements[k - 1].kind == Element::Kind::Words;
        for (std::uint32_t q = p; q < p + 2 && in_sentence(q); ++q) {
          if (q > p && !is_determiner(p)) break;
          const auto idx = ctx_.analysis.mention_at[q];
          if (idx < 0) continue;
          const auto& m = ctx_.analysis.mentions[static_cast<std::size_t>(idx)];
          if (m.first_token != q || !usable(m, e, after_words)) continue;
          bind(e, idx);
          if (forward(k + 1, m.end_token)) return true;
        }
        return false;
      }
    }
  }

  // Elements before the anchor, matched right to left from position p.
  bool backward(std::size_t k, std::int64_t p) {
    if (k == 0) {
      match_.first = static_cast<std::uint32_t>(p + 1);
      return true;
    }
    const Element& e = rule_.elements[k - 1];
    if (e.optional && backward(k - 1, p)) return true;
    switch (e.kind) {
      case Element::Kind::Gap:
        for (std::uint32_t g = 0; g <= e.max_gap; ++g) {
          const std::int64_t t = p - g + 1;
          if (g > 0 && (!in_sentence(t) || !skippable(static_cast<std::uint32_t>(t)))) break;
          if (backward(k - 1, p - g)) return true;
        }
        return false;
      case Element::Kind::Words:
        if (!in_sentence(p) || !e.matches(word(static_cast<std::uint32_t>(p)))) return false;
        return backward(k - 1, p - 1);
      default: {
        if (e.subject) return bind_subject(k, p);
        if (!in_sentence(p)) return false;
        const auto idx = ctx_.analysis.mention_at[static_cast<std::uint32_t>(p)];
        if (idx < 0) return false;
        const auto& m = ctx_.analysis.mentions[static_cast<std::size_t>(idx)];
        const bool after_words = k >= 2 && rule_.elements[k - 2].kind == Element::Kind::Words;
        if (m.end_token != p + 1 || !usable(m, e, after_words)) return false;
        bind(e, idx);
        std::int64_t before = static_cast<std::int64_t>(m.first_token) - 1;
        if (in_sentence(before) && is_determiner(static_cast<std::uint32_t>(before)) &&
            backward(k - 1, before - 1))
          return true;
        return backward(k - 1, before);
      }
    }
  }

  // The sentence's subject: its first actor, when the sentence opens with it ("La Russie,
  // qui ..., a proposé"), however long the clauses between it and the trigger.
  bool bind_subject(std::size_t k, std::int64_t p) {
    constexpr std::uint32_t kOpening = 4;  // tokens an opening may take: "De son côté,"
    for (auto t = ctx_.sentence_first; t < ctx_.sentence_first + kOpening && t <= p; ++t) {
      const auto idx = ctx_.analysis.mention_at[t];
      if (idx < 0) continue;
      const auto& m = ctx_.analysis.mentions[static_cast<std::size_t>(idx)];
      if (m.modifier || m.locative || m.end_token > p + 1) return false;
      bind(rule_.elements[k - 1], idx);
      return backward(k - 1, static_cast<std::int64_t>(m.first_token) - 1);
    }
    return false;
  }

  const MatchContext& ctx_;
  const Rule& rule_;
  Match& match_;
};

}  // namespace

bool match_rule(const MatchContext& ctx, const Rule& rule, std::uint32_t token, Match& match) {
  match = Match{};
  match.rule = &rule;
  Matcher m(ctx, rule, match);
  return m.run(token) && match.source >= 0;
}

std::vector<std::int32_t> coordinated(const MatchContext& ctx, std::int32_t mention,
                                      bool leftwards) {
  // Commas join items only in a list closed by a conjunction: "A, B et C".
  const auto& a = ctx.analysis;
  std::vector<std::int32_t> out{mention};
  std::vector<std::int32_t> tentative;
  bool conjunction_seen = false;
  std::int32_t current = mention;
  for (int items = 0; items < 8; ++items) {
    const auto& m = a.mentions[static_cast<std::size_t>(current)];
    std::int64_t p = leftwards ? static_cast<std::int64_t>(m.first_token) - 1 : m.end_token;
    const int step = leftwards ? -1 : 1;
    auto in = [&](std::int64_t t) { return t >= ctx.sentence_first && t < ctx.sentence_end; };
    auto word = [&](std::int64_t t) { return a.words[static_cast<std::uint32_t>(t)]; };
    if (leftwards && in(p) && contains(ctx.cues.determiners, word(p))) p += step;
    bool comma = false;
    bool conjunction = false;
    for (int s = 0; s < 2 && in(p) && contains(ctx.cues.coordination, word(p)); ++s, p += step) {
      (ctx.doc.token_norm(static_cast<std::uint32_t>(p)) == "," ? comma : conjunction) = true;
    }
    if (!comma && !conjunction) break;
    if (!leftwards && in(p) && contains(ctx.cues.determiners, word(p))) p += step;
    if (!in(p)) break;
    const auto idx = a.mention_at[static_cast<std::uint32_t>(p)];
    if (idx < 0) break;
    const auto& next = a.mentions[static_cast<std::size_t>(idx)];
    if (next.modifier || next.locative) break;
    if ((leftwards ? next.end_token != p + 1 : next.first_token != p)) break;
    if (conjunction) {
      out.insert(out.end(), tentative.begin(), tentative.end());
      tentative.clear();
      out.push_back(idx);
      conjunction_seen = true;
    } else if (leftwards && conjunction_seen) {
      out.push_back(idx);
    } else {
      tentative.push_back(idx);
    }
    current = idx;
  }
  return out;
}

}  // namespace diplograph::relations
