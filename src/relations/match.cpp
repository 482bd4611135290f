#include "relations/match.h"

#include <optional>

namespace diplograph::relations {

namespace {

// How far back a parenthetical (", qui ... ,", "(LNA)", ", a NATO member,") may open.
constexpr std::uint32_t kParentheticalReach = 30;

// Backtracking over pattern elements, outward from the trigger. Gaps try their shortest
// length first, so the nearest actor binds; patterns are short and gaps bounded, so the
// search stays small. A subject slot (a source before its trigger, across a gap) takes only
// an actor that can be a subject: not inside a prepositional phrase, not a possessor, not a
// place, and gaps step over such actors and over whole parentheticals.
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
  std::uint32_t word(std::int64_t t) const {
    return ctx_.analysis.words[static_cast<std::uint32_t>(t)];
  }
  bool in_sentence(std::int64_t t) const {
    return t >= ctx_.sentence_first && t < ctx_.sentence_end;
  }
  bool is(Cue cue, std::int64_t t) const {
    return in_sentence(t) && ctx_.cues.has(cue, word(t));
  }
  bool is_text(std::int64_t t, std::string_view s) const {
    return in_sentence(t) && ctx_.doc.token_norm(static_cast<std::uint32_t>(t)) == s;
  }
  bool quote(std::int64_t t) const {
    return in_sentence(t) && ctx_.doc.tokens()[static_cast<std::uint32_t>(t)].has(text::kQuote);
  }
  const actors::ActorMention* mention_at(std::int64_t t) const {
    return in_sentence(t) ? ctx_.analysis.mention_covering(static_cast<std::uint32_t>(t)) : nullptr;
  }

  // An actor that cannot be a clause's subject.
  bool embedded(const actors::ActorMention& m) const {
    if (m.locative || m.compound) return true;
    std::int64_t before = static_cast<std::int64_t>(m.first_token) - 1;
    if (is(Cue::Determiners, before)) --before;
    return is(Cue::Prepositions, before) || is_text(m.end_token, "'s");
  }

  bool usable(const actors::ActorMention& m, const Element& e, bool after_words) const {
    if (m.compound) return false;
    if (m.modifier && !e.any_mention && !e.alliance) return false;
    if (e.alliance && !ctx_.analysis.actors[m.actor].alliance) return false;
    if (m.locative && !after_words) return false;
    return true;
  }

  // Tokens a gap may step over: no clause break, no actor unless it is embedded.
  bool skippable(std::int64_t t) const {
    if (is(Cue::ClauseBreak, t)) return false;
    const auto* m = mention_at(t);
    return !m || m->modifier || embedded(*m);
  }

  // If a parenthetical closes at `t` (a ")" or the "," after ", qui ..." or after an
  // apposition ", a NATO member"), the token where it opens.
  std::optional<std::int64_t> parenthetical_opening(std::int64_t t) const {
    if (is_text(t, ")")) {
      for (std::int64_t o = t - 1; o >= ctx_.sentence_first && t - o < kParentheticalReach; --o)
        if (is_text(o, "(")) return o;
      return std::nullopt;
    }
    if (!is_text(t, ",")) return std::nullopt;
    bool coordination = false;
    bool only_names = true;  // ", Esmaïl Baghaï," names the person just described
    for (std::int64_t o = t - 1; o >= ctx_.sentence_first && t - o < kParentheticalReach; --o) {
      if (is(Cue::ClauseBreak, o)) return std::nullopt;
      if (!is_text(o, ",")) {
        coordination |= is_text(o, "et") || is_text(o, "and");
        only_names &= ctx_.doc.tokens()[static_cast<std::uint32_t>(o)].has(text::kCapitalised);
        continue;
      }
      if (is(Cue::Relative, o + 1) || (only_names && o + 1 < t)) return o;
      const auto* before = mention_at(o - 1);
      if (before && !before->modifier && before->end_token == o && !coordination) return o;
      return std::nullopt;
    }
    return std::nullopt;
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
        // Forward gaps stop at the agent marker ("par", "by"): "backed by X" is not "backs X".
        // Quotation marks cost nothing: 'les "instructeurs" russes' is three words.
        for (std::uint32_t g = 0, cost = 0; cost <= e.max_gap; ++g) {
          if (g > 0) {
            const std::int64_t t = p + g - 1;
            if (!in_sentence(t) || !skippable(t) || is(Cue::GapStop, t)) break;
            if (!quote(t)) ++cost;
            if (cost > e.max_gap) break;
          }
          if (forward(k + 1, p + g)) return true;
        }
        return false;
      case Element::Kind::Words:
        if (!in_sentence(p) || !e.matches(word(p))) return false;
        if (k == rule_.anchor + 1 && p == match_.trigger_end) match_.trigger_end = p + 1;
        return forward(k + 1, p + 1);
      default: {
        const bool after_words = k > 0 && rule_.elements[k - 1].kind == Element::Kind::Words;
        for (std::uint32_t q = p; q < p + 2 && in_sentence(q); ++q) {
          if (q > p && !is(Cue::Determiners, p)) break;
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

  // Elements before the anchor, matched right to left; p is the next token to consume.
  bool backward(std::size_t k, std::int64_t p) {
    if (k == 0) {
      match_.first = static_cast<std::uint32_t>(p + 1);
      return true;
    }
    const Element& e = rule_.elements[k - 1];
    if (e.optional && backward(k - 1, p)) return true;
    switch (e.kind) {
      case Element::Kind::Gap: {
        std::int64_t q = p;
        for (std::uint32_t cost = 0;;) {
          if (backward(k - 1, q)) return true;
          if (!in_sentence(q)) return false;
          if (quote(q)) {
            --q;
            continue;
          }
          if (cost++ == e.max_gap) return false;
          if (const auto open = parenthetical_opening(q)) {
            q = *open - 1;
          } else if (const auto* m = mention_at(q); m && skippable(q)) {
            q = static_cast<std::int64_t>(m->first_token) - 1;
          } else if (skippable(q)) {
            --q;
          } else {
            return false;
          }
        }
      }
      case Element::Kind::Words:
        if (!in_sentence(p) || !e.matches(word(p))) return false;
        return backward(k - 1, p - 1);
      default:
        if (e.subject) return bind_subject(k, p);
        return backward_slot(k, e, p);
    }
  }

  bool backward_slot(std::size_t k, const Element& e, std::int64_t p) {
    const auto* m = mention_at(p);
    if (!m || m->end_token != p + 1) return false;
    const bool after_words = k >= 2 && rule_.elements[k - 2].kind == Element::Kind::Words;
    if (!usable(*m, e, after_words)) return false;
    const bool subject_position = e.kind == Element::Kind::Source && !e.any_mention &&
                                  k < rule_.elements.size() &&
                                  rule_.elements[k].kind == Element::Kind::Gap;
    if (subject_position && embedded(*m)) return false;
    const auto idx = ctx_.analysis.mention_at[static_cast<std::uint32_t>(p)];
    bind(e, idx);
    if (continue_before(k, m->first_token)) return true;
    // "entre l'Arménie et l'Azerbaïdjan": the slot holds the whole list, so the element
    // before it may precede the list's first item.
    const auto list = coordinated(ctx_, idx, true);
    if (list.size() < 2) return false;
    bind(e, idx);
    return continue_before(k, ctx_.analysis.mentions[static_cast<std::size_t>(list.back())].first_token);
  }

  bool continue_before(std::size_t k, std::uint32_t first_token) {
    const std::int64_t before = static_cast<std::int64_t>(first_token) - 1;
    if (is(Cue::Determiners, before) && backward(k - 1, before - 1)) return true;
    return backward(k - 1, before);
  }

  // Whether a relative clause (", qui", ", which") opened in [from, to] is still open at `to`:
  // a trigger there belongs to the relative clause, not to the subject's own verb.
  bool inside_relative(std::uint32_t from, std::int64_t to) const {
    bool open = false;
    for (std::int64_t t = from; t <= to; ++t) {
      if (!is_text(t, ",")) continue;
      open = is(Cue::Relative, t + 1);
    }
    return open;
  }

  // The sentence's subject: its first actor that can be one, when the sentence opens with it
  // ("La Russie, qui ..., a proposé"), however long the clauses between it and the trigger.
  bool bind_subject(std::size_t k, std::int64_t p) {
    // The clause's subject when a clause break ("mais", "but") opens it, else the sentence's.
    std::int64_t clause = p;
    while (clause > ctx_.sentence_first && !is(Cue::ClauseBreak, clause - 1)) --clause;
    if (clause > ctx_.sentence_first && bind_subject_from(k, p, static_cast<std::uint32_t>(clause)))
      return true;
    return bind_subject_from(k, p, ctx_.sentence_first);
  }

  bool bind_subject_from(std::size_t k, std::int64_t p, std::uint32_t start) {
    constexpr std::uint32_t kOpening = 8;  // tokens an opening may take: "De son côté,"
    for (auto t = start; t < start + kOpening && t <= p; ++t) {
      const auto* m = mention_at(t);
      if (!m || m->first_token != t) continue;
      if (m->modifier || embedded(*m)) continue;
      if (m->end_token > p + 1 || inside_relative(m->end_token, p)) return false;
      bind(rule_.elements[k - 1], ctx_.analysis.mention_at[t]);
      return backward(k - 1, static_cast<std::int64_t>(m->first_token) - 1);
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
  auto in = [&](std::int64_t t) { return t >= ctx.sentence_first && t < ctx.sentence_end; };
  auto word = [&](std::int64_t t) { return a.words[static_cast<std::uint32_t>(t)]; };
  const int step = leftwards ? -1 : 1;
  for (int items = 0; items < 8; ++items) {
    const auto& m = a.mentions[static_cast<std::size_t>(current)];
    std::int64_t p = leftwards ? static_cast<std::int64_t>(m.first_token) - 1 : m.end_token;
    if (leftwards && in(p) && ctx.cues.has(Cue::Determiners, word(p))) p += step;
    bool comma = false;
    bool conjunction = false;
    for (int s = 0; s < 2 && in(p) && ctx.cues.has(Cue::Coordination, word(p)); ++s, p += step)
      (ctx.doc.token_norm(static_cast<std::uint32_t>(p)) == "," ? comma : conjunction) = true;
    if (!comma && !conjunction) break;
    // ", and Russia is still bound ...": a comma and a conjunction with no list before them
    // join clauses, not items.
    if (comma && conjunction && tentative.empty() && out.size() == 1) break;
    if (!leftwards && in(p) && ctx.cues.has(Cue::Prepositions, word(p))) p += step;
    if (!leftwards && in(p) && ctx.cues.has(Cue::Determiners, word(p))) p += step;
    if (!in(p)) break;
    auto idx = a.mention_at[static_cast<std::uint32_t>(p)];
    if (idx < 0) {
      // "the UAE, Egypt and Russian mercenaries": a list whose last item is no actor.
      if (conjunction) out.insert(out.end(), tentative.begin(), tentative.end());
      break;
    }
    auto idx_next = idx;
    if (!leftwards) {
      const auto& owner = a.mentions[static_cast<std::size_t>(idx)];
      const std::int64_t after = owner.end_token;
      if (in(after + 1) && ctx.doc.token_norm(static_cast<std::uint32_t>(after)) == "'s" &&
          a.mention_at[static_cast<std::uint32_t>(after + 1)] >= 0) {
        idx = a.mention_at[static_cast<std::uint32_t>(after + 1)];
        idx_next = idx;
        p = after + 1;
      }
    }
    if (a.mentions[static_cast<std::size_t>(idx)].compound && !leftwards && in(p + 1)) {
      // "Israel and Iran-backed Hezbollah": the item is Hezbollah, not Iran.
      idx_next = a.mention_at[static_cast<std::uint32_t>(p + 1)];
      if (idx_next < 0) break;
      p += 1;
    }
    const auto& next = a.mentions[static_cast<std::size_t>(idx_next)];
    const bool shared_noun = next.modifier && !m.modifier && std::string_view(m.how) == "adjective";
    if ((next.modifier && !shared_noun) || next.locative) {
      if (conjunction) out.insert(out.end(), tentative.begin(), tentative.end());
      break;
    }
    if ((leftwards ? next.end_token != p + 1 : next.first_token != p)) break;
    if (conjunction) {
      out.insert(out.end(), tentative.begin(), tentative.end());
      tentative.clear();
      out.push_back(idx_next);
      conjunction_seen = true;
    } else if (leftwards && conjunction_seen) {
      out.push_back(idx_next);
    } else {
      tentative.push_back(idx_next);
    }
    current = idx_next;
  }
  return out;
}

}  // namespace diplograph::relations
