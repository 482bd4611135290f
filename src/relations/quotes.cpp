#include "relations/quotes.h"

#include <algorithm>
#include <optional>

namespace diplograph::relations {

namespace {

struct Quote {
  std::uint32_t open;   // token of the opening mark
  std::uint32_t close;  // token of the closing mark
};

// Quotations as pairs of marks: « and » pair up by direction, straight quotes alternate.
std::vector<Quote> quotations(const text::Document& doc) {
  constexpr std::int64_t kNone = -1;
  std::vector<Quote> out;
  std::int64_t open = kNone;
  for (std::uint32_t t = 0; t < doc.tokens().size(); ++t) {
    if (!doc.tokens()[t].has(text::kQuote)) continue;
    const auto mark = doc.token_text(t);
    const bool opening = mark == "«" || mark == "“";
    const bool closing = mark == "»" || mark == "”";
    if (open == kNone && !closing) {
      open = t;
    } else if (open != kNone && !opening) {
      out.push_back({static_cast<std::uint32_t>(open), t});
      open = kNone;
    }
  }
  return out;
}

class QuotedWe {
 public:
  QuotedWe(const text::Document& doc, const actors::Analysis& a, const Cues& cues,
           const actors::Gazetteer& g)
      : doc_(doc), a_(a), cues_(cues), g_(g) {}

  bool run(actors::Analysis& out) {
    std::vector<actors::ActorMention> added;
    for (const auto& q : quotations(doc_)) {
      const auto speaker = speaker_of(q);
      if (!speaker) continue;
      for (auto t = q.open + 1; t < q.close; ++t) {
        if (!cues_.has(Cue::FirstPerson, a_.words[t]) || a_.mention_at[t] >= 0) continue;
        actors::ActorMention m;
        m.first_token = t;
        m.end_token = t + 1;
        m.begin = doc_.tokens()[t].begin;
        m.end = doc_.tokens()[t].end;
        m.actor = *speaker;
        m.how = "quoted-speaker";
        added.push_back(m);
      }
    }
    if (added.empty()) return false;
    out = a_;
    out.actors.insert(out.actors.end(), extra_actors_.begin(), extra_actors_.end());
    out.mentions.insert(out.mentions.end(), added.begin(), added.end());
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const auto& x, const auto& y) { return x.first_token < y.first_token; });
    std::fill(out.mention_at.begin(), out.mention_at.end(), -1);
    for (std::size_t m = 0; m < out.mentions.size(); ++m)
      for (auto t = out.mentions[m].first_token; t < out.mentions[m].end_token; ++t)
        out.mention_at[t] = static_cast<std::int32_t>(m);
    return true;
  }

 private:
  // The actor named by the speech verb next to the quotation: after it (", a déclaré M. X",
  // ", a-t-il affirmé", "X said") or before it ("X a déclaré : «").
  std::optional<std::uint32_t> speaker_of(const Quote& q) {
    constexpr std::uint32_t kWindow = 8;
    const auto n = static_cast<std::uint32_t>(doc_.tokens().size());
    bool speech_after = false;
    for (auto t = q.close + 1; t < n && t <= q.close + kWindow; ++t)
      speech_after |= cues_.has(Cue::Speech, a_.words[t]);
    if (speech_after)
      for (auto t = q.close + 1; t < n && t <= q.close + kWindow; ++t)
        if (const auto actor = speaking_actor(t)) return actor;
    bool speech_before = false;
    for (auto t = q.open; t > 0 && q.open - t < kWindow; --t)
      speech_before |= cues_.has(Cue::Speech, a_.words[t - 1]) || doc_.token_norm(t - 1) == ":";
    if (speech_before)
      for (auto t = q.open; t > 0 && q.open - t < kWindow + 4; --t)
        if (const auto actor = speaking_actor(t - 1)) return actor;
    return std::nullopt;
  }

  std::optional<std::uint32_t> speaking_actor(std::uint32_t t) {
    const auto idx = a_.mention_at[t];
    if (idx < 0) return std::nullopt;
    const auto& m = a_.mentions[static_cast<std::size_t>(idx)];
    if (m.locative || m.compound) return std::nullopt;
    const auto& ref = a_.actors[m.actor].ref;
    if (ref.kind != ActorKind::Person || ref.affiliation.empty()) return m.actor;
    return actor_for(ref.affiliation);
  }

  // "We" in an official's mouth is the state or organisation the official speaks for.
  std::optional<std::uint32_t> actor_for(const std::string& id) {
    for (std::uint32_t i = 0; i < a_.actors.size(); ++i)
      if (a_.actors[i].ref.id == id) return i;
    for (std::uint32_t i = 0; i < extra_actors_.size(); ++i)
      if (extra_actors_[i].ref.id == id) return static_cast<std::uint32_t>(a_.actors.size() + i);
    const auto entry = g_.find(id);
    if (!entry) return std::nullopt;
    extra_actors_.push_back({g_.entry(*entry).actor, static_cast<std::int64_t>(*entry), 0,
                             g_.entry(*entry).alliance});
    return static_cast<std::uint32_t>(a_.actors.size() + extra_actors_.size() - 1);
  }

  const text::Document& doc_;
  const actors::Analysis& a_;
  const Cues& cues_;
  const actors::Gazetteer& g_;
  std::vector<actors::AnalysedActor> extra_actors_;
};

}  // namespace

bool resolve_quoted_we(const text::Document& doc, const actors::Analysis& analysis,
                       const Cues& cues, const actors::Gazetteer& gazetteer,
                       actors::Analysis& out) {
  return QuotedWe(doc, analysis, cues, gazetteer).run(out);
}

}  // namespace diplograph::relations
