#include "relations/extractor.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#include "relations/clause.h"
#include "relations/match.h"
#include "relations/quotes.h"
#include "util/byte_scan.h"

namespace diplograph::relations {

namespace {

// Whether `s` holds a control byte (line breaks and tabs among them) or two spaces in a row.
// Eight bytes at a time: the second load, one byte on, pairs each byte with the next. A
// flag that is not exact only ever answers true, which costs the caller time, not accuracy.
bool has_break_or_double_space(std::string_view s) {
  std::size_t i = 0;
  for (; i + 9 <= s.size(); i += 8) {
    const std::uint64_t w = bytes::load(s.data() + i);
    const std::uint64_t next = bytes::load(s.data() + i + 1);
    if (bytes::below(w, 0x20) | (bytes::equal(w, ' ') & bytes::equal(next, ' '))) return true;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) < 0x20) return true;
    if (s[i] == ' ' && i + 1 < s.size() && s[i + 1] == ' ') return true;
  }
  return false;
}

// A sentence's text with each run of white space made one space, and none at either end.
// Most sentences hold single spaces and no line break or tab: those are copied whole.
std::string fold_space(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (!has_break_or_double_space(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Where a mediation's parties go unnamed, the conflict is the region the dispatch talks
// about (GUIDELINES.md: "B is the conflict's region or entity"), named at least once as an
// actor rather than only as the place where things happen.
std::vector<std::uint32_t> conflict_region(const text::Document& doc, const actors::Analysis& a,
                                           const Cues& cues) {
  std::map<std::uint32_t, int> counts;
  std::set<std::uint32_t> acting;
  for (const auto& m : a.mentions) {
    if (m.modifier || a.actors[m.actor].ref.kind != ActorKind::Region) continue;
    ++counts[m.actor];
    std::uint32_t before = m.first_token;
    while (before > 0 && (doc.tokens()[before - 1].has(text::kElided) ||
                          doc.token_norm(before - 1) == "la" || doc.token_norm(before - 1) == "le" ||
                          doc.token_norm(before - 1) == "the"))
      --before;
    const auto prev = before > 0 ? doc.token_norm(before - 1) : std::string_view();
    // "in the Gaza Strip conflict" names the conflict, "in the Gaza Strip" only a place.
    const bool names_conflict =
        m.end_token < a.words.size() && cues.has(Cue::Conflict, a.words[m.end_token]);
    if (names_conflict ||
        (prev != "dans" && prev != "in" && prev != "au" && prev != "en" && prev != "inside"))
      acting.insert(m.actor);
  }
  std::optional<std::uint32_t> best;
  for (const auto& [actor, n] : counts)
    if (acting.count(actor) && (!best || n > counts[*best])) best = actor;
  if (!best) return {};
  return {*best};
}

class DispatchExtraction {
 public:
  DispatchExtraction(const Lexicon& lex, const actors::Gazetteer& g, const text::Document& doc,
                     const actors::Analysis& a, const std::string& lang)
      : lex_(lex), g_(g), doc_(doc), a_(a), lang_(lang), cues_(lex.cues(lang)),
        evidence_(doc.sentences().size()) {}

  std::vector<Assertion> run() {
    const auto& sentences = doc_.sentences();
    for (std::uint32_t s = 0; s < sentences.size(); ++s) {
      const MatchContext ctx{doc_, a_, cues_, sentences[s].first_token, sentences[s].end_token};
      for (auto t = ctx.sentence_first; t < ctx.sentence_end; ++t) {
        match_at(ctx, s, t);
        match_compound(ctx, s, t);
      }
    }
    resolve_conflict_targets();
    contest_denied_claims();
    return in_text_order(std::move(out_));
  }

 private:
  void match_at(const MatchContext& ctx, std::uint32_t sentence, std::uint32_t token) {
    // The first rule in lexicon order that reads the trigger wins it: passives are listed
    // before actives. A match that names no pair ("ally Azerbaijan" read as the mutual "allies
    // A and B") leaves the trigger to the next rule.
    for (const auto r : lex_.rules_anchored_at(a_.words[token])) {
      const Rule& rule = lex_.rules()[r];
      if (!lang_.empty() && rule.lang != lang_) continue;
      Match match;
      if (!match_rule(ctx, rule, token, match)) continue;
      if (emit(ctx, sentence, match)) return;
    }
  }

  // "Iran-backed Houthis": the compound's prefix is the source, the next actor the target.
  void match_compound(const MatchContext& ctx, std::uint32_t sentence, std::uint32_t token) {
    const auto* m = a_.mention_covering(token);
    if (!m || !m->compound || token + 1 >= ctx.sentence_end) return;
    const auto norm = doc_.token_norm(token);
    const auto suffix = g_.vocabulary().find(norm.substr(norm.find('-') + 1));
    if (suffix == actors::Vocabulary::kUnknown) return;
    for (const auto& c : lex_.compounds()) {
      if ((!lang_.empty() && c.lang != lang_) || !contains(c.suffixes, suffix)) continue;
      if (!c.followed_by.empty() && !contains(c.followed_by, a_.words[token + 1])) continue;
      const auto target = a_.mention_at[token + 1];
      if (target < 0 && !c.target_is_conflict) return;
      Rule rule;
      rule.id = c.id;
      rule.relation = c.relation;
      rule.confidence = c.confidence;
      rule.target_is_conflict = c.target_is_conflict;
      Match match;
      match.rule = &rule;
      match.source = a_.mention_at[token];
      match.target = c.target_is_conflict ? -1 : target;
      match.first = token;
      match.end = c.target_is_conflict ? token + 1
                                       : a_.mentions[static_cast<std::size_t>(target)].end_token;
      match.trigger_first = token;
      match.trigger_end = token + 1;
      emit(ctx, sentence, match);
      return;
    }
  }

  // Returns false when the match names no pair of actors.
  bool emit(const MatchContext& ctx, std::uint32_t sentence, const Match& match) {
    const Rule& rule = *match.rule;
    const auto clause = read_clause(ctx, match);
    if (clause.hypothetical || clause.called_for || clause.accused_of) return true;
    const auto sources_first = a_.mentions[static_cast<std::size_t>(match.source)].first_token;
    const bool source_left = sources_first < match.trigger_first;
    auto sources = coordinated(ctx, match.source, source_left && !rule.subject_source);
    if (rule.subject_source) {
      const auto before = coordinated(ctx, match.source, true);
      sources.insert(sources.end(), before.begin() + 1, before.end());
    }
    std::vector<std::int32_t> targets;
    if (rule.mutual) {
      std::vector<std::uint32_t> parties;
      for (const auto m : sources)
        for (const auto actor : a_.members(a_.mentions[static_cast<std::size_t>(m)]))
          if (std::find(parties.begin(), parties.end(), actor) == parties.end())
            parties.push_back(actor);
      for (const auto s : parties)
        for (const auto t : parties)
          if (s != t) add_actors(ctx, sentence, match, clause, s, t);
      return parties.size() >= 2;
    }
    if (match.target >= 0) {
      const bool target_left =
          a_.mentions[static_cast<std::size_t>(match.target)].first_token < match.trigger_first;
      targets = coordinated(ctx, match.target, target_left);
    }
    // "Egypt, Qatar and Turkey agreed on a plan brokered by the three powers": the sources are
    // not their own parties. A mediation left with none has its parties found elsewhere.
    const bool named_targets = !targets.empty();
    std::vector<std::uint32_t> source_actors;  // a few: a list of sources is short
    for (const auto m : sources)
      for (const auto actor : a_.members(a_.mentions[static_cast<std::size_t>(m)]))
        source_actors.push_back(actor);
    std::erase_if(targets, [&](std::int32_t t) {
      const auto members = a_.members(a_.mentions[static_cast<std::size_t>(t)]);
      return std::all_of(members.begin(), members.end(), [&](std::uint32_t actor) {
        return std::find(source_actors.begin(), source_actors.end(), actor) != source_actors.end();
      });
    });
    const bool conflict_target = rule.target_is_conflict ||
                                 (named_targets && targets.empty() && rule.relation == "mediates");
    for (const auto s : sources) {
      if (!targets.empty()) {
        for (const auto t : targets) add(ctx, sentence, match, clause, s, t);
      } else if (conflict_target) {
        for (const auto mediator : a_.members(a_.mentions[static_cast<std::size_t>(s)])) {
          auto parties = two_sides(ctx, match, sources);
          if (parties.empty()) parties = signatories(ctx, mediator);
          pending_.push_back({make(sentence, match, clause, mediator, mediator), mediator,
                              std::move(parties)});
        }
      }
    }
    return !targets.empty() || conflict_target;
  }

  void add(const MatchContext& ctx, std::uint32_t sentence, const Match& match,
           const ClauseReading& clause, std::int32_t source, std::int32_t target) {
    for (const auto s : a_.members(a_.mentions[static_cast<std::size_t>(source)]))
      for (const auto t : a_.members(a_.mentions[static_cast<std::size_t>(target)]))
        add_actors(ctx, sentence, match, clause, s, t);
  }

  void add_actors(const MatchContext&, std::uint32_t sentence, const Match& match,
                  const ClauseReading& clause, std::uint32_t source, std::uint32_t target) {
    if (a_.actors[source].ref.id == a_.actors[target].ref.id) return;
    if (push(make(sentence, match, clause, source, target))) roll_up();
  }

  // "It says the Emirates supplied weapons to the RSF. ... Abu Dhabi has denied arming the
  // RSF": a claim that the dispatch reports as denied does not hold; the claimant's accusation
  // is what the text asserts (GUIDELINES.md, polarity and modality).
  void contest_denied_claims() {
    std::set<std::tuple<std::string, std::string, std::string>> denied;
    for (const auto& x : out_)
      if (x.modality == diplograph::Modality::Denied)
        denied.emplace(x.type, x.source.id, x.target.id);
    if (denied.empty()) return;
    for (auto& x : out_)
      if (x.modality == diplograph::Modality::Claimed &&
          denied.count({x.type, x.source.id, x.target.id}))
        x.modality = diplograph::Modality::Denied;
  }

  // Mediations whose parties the sentence does not name (see conflict_parties).
  // A mediator of the dispatch is no party to the conflict it mediates ("Russia, Iran and
  // Turkey agreed ... under a plan brokered by the three powers"): candidates that name only
  // mediators give way to the next way of finding the parties.
  void resolve_conflict_targets() {
    std::set<std::string> mediators;
    for (const auto& p : pending_) mediators.insert(a_.actors[p.mediator].ref.id);
    for (const auto& x : out_)
      if (x.type == "mediates") mediators.insert(x.source.id);
    auto parties_only = [&](std::vector<std::uint32_t> actors) {
      std::erase_if(actors, [&](std::uint32_t actor) {
        const auto& ref = a_.actors[actor].ref;
        return mediators.count(ref.id) || (!ref.affiliation.empty() && mediators.count(ref.affiliation));
      });
      return actors;
    };
    const auto region = parties_only(conflict_region(doc_, a_, cues_));
    for (auto& [x, mediator, sentence_parties] : pending_) {
      auto parties = parties_only(sentence_parties);
      if (parties.empty()) parties = region;
      if (parties.empty()) parties = parties_only(opening_pair(mediator));
      if (parties.empty()) parties = parties_only(first_between(mediator));
      if (parties.empty()) parties = parties_only(first_dispute(mediator));
      for (const auto t : parties) {
        if (t == mediator) continue;
        Assertion y = x;
        y.target = a_.actors[t].ref;
        if (push(std::move(y))) roll_up();
      }
    }
  }

  // "entre les deux camps", "between the two sides", "both parties": the last two parties
  // named before the phrase.
  std::vector<std::uint32_t> two_sides(const MatchContext& ctx, const Match& match,
                                       const std::vector<std::int32_t>& mediators) const {
    auto mediating = [&](std::uint32_t actor) {
      const auto& id = a_.actors[actor].ref.id;
      for (const auto m : mediators)
        for (const auto member : a_.members(a_.mentions[static_cast<std::size_t>(m)])) {
          const auto& ref = a_.actors[member].ref;
          if (ref.id == id || ref.affiliation == id) return true;
        }
      return false;
    };
    for (auto t = match.trigger_first; t + 1 < ctx.sentence_end && t < match.trigger_first + 8; ++t) {
      const auto w = doc_.token_norm(t);
      if ((w != "deux" && w != "two" && w != "both") || !cues_.has(Cue::Sides, a_.words[t + 1]))
        continue;
      std::vector<std::uint32_t> found;
      for (auto m = a_.mentions.rbegin(); m != a_.mentions.rend() && found.size() < 2; ++m) {
        if (m->first_token >= t || m->modifier || m->locative || m->compound) continue;
        const auto kind = a_.actors[m->actor].ref.kind;
        if (mediating(m->actor) || kind == ActorKind::InternationalOrganization ||
            kind == ActorKind::Person)
          continue;
        if (std::find(found.begin(), found.end(), m->actor) == found.end()) found.push_back(m->actor);
      }
      return found.size() == 2 ? found : std::vector<std::uint32_t>{};
    }
    return {};
  }

  // The parties a sentence opens with, when several: "Israël et le Hamas sont convenus
  // d'une trêve ..., a annoncé le Qatar, principal médiateur".
  std::vector<std::uint32_t> signatories(const MatchContext& ctx, std::uint32_t mediator) const {
    for (auto t = ctx.sentence_first; t < ctx.sentence_end && t < ctx.sentence_first + 4; ++t) {
      const auto idx = a_.mention_at[t];
      if (idx < 0 || a_.mentions[static_cast<std::size_t>(idx)].modifier) continue;
      return parties_of(coordinated(ctx, idx, false), mediator);
    }
    return {};
  }

  std::vector<std::uint32_t> parties_of(const std::vector<std::int32_t>& mentions,
                                        std::uint32_t mediator) const {
    std::vector<std::uint32_t> out;
    for (const auto m : mentions)
      for (const auto actor : a_.members(a_.mentions[static_cast<std::size_t>(m)]))
        if (actor != mediator && a_.actors[actor].ref.kind != ActorKind::InternationalOrganization)
          out.push_back(actor);
    return out.size() >= 2 ? out : std::vector<std::uint32_t>{};
  }

  // Else the first "entre A et B" / "between A and B" of the dispatch.
  std::vector<std::uint32_t> first_between(std::uint32_t mediator) const {
    const auto& sentences = doc_.sentences();
    for (const auto& s : sentences) {
      const MatchContext ctx{doc_, a_, cues_, s.first_token, s.end_token};
      for (auto t = s.first_token; t + 1 < s.end_token; ++t) {
        const auto w = doc_.token_norm(t);
        if (w != "entre" && w != "between") continue;
        auto p = t + 1;
        if (cues_.has(Cue::Determiners, a_.words[p]) && p + 1 < s.end_token) ++p;
        const auto idx = a_.mention_at[p];
        if (idx < 0 || a_.mentions[static_cast<std::size_t>(idx)].first_token != p) continue;
        auto parties = parties_of(coordinated(ctx, idx, false), mediator);
        if (!parties.empty()) return parties;
      }
    }
    return {};
  }

  // Else the parties a dispatch opens with: "The prime ministers of Serbia and Kosovo
  // initialled ...", within its first two sentences.
  std::vector<std::uint32_t> opening_pair(std::uint32_t mediator) const {
    const auto& sentences = doc_.sentences();
    for (std::size_t s = 0; s < sentences.size() && s < 2; ++s) {
      const MatchContext ctx{doc_, a_, cues_, sentences[s].first_token, sentences[s].end_token};
      for (auto t = ctx.sentence_first; t < ctx.sentence_end; ++t) {
        const auto idx = a_.mention_at[t];
        if (idx < 0 || a_.mentions[static_cast<std::size_t>(idx)].first_token != t) continue;
        auto parties = parties_of(coordinated(ctx, idx, false), mediator);
        if (!parties.empty()) return parties;
      }
    }
    return {};
  }

  // Else the two sides of the dispatch's first accusation between states or groups.
  std::vector<std::uint32_t> first_dispute(std::uint32_t mediator) const {
    auto party = [&](const ActorRef& r) -> std::optional<std::uint32_t> {
      if (r.kind == ActorKind::InternationalOrganization || r.kind == ActorKind::Person)
        return std::nullopt;
      for (std::uint32_t i = 0; i < a_.actors.size(); ++i)
        if (a_.actors[i].ref.id == r.id && i != mediator) return i;
      return std::nullopt;
    };
    for (const auto& x : out_) {
      if (x.type != "accuses" || !x.holds()) continue;
      const auto s = party(x.source);
      const auto t = party(x.target);
      if (s && t) return {*s, *t};
    }
    return {};
  }

  Assertion make(std::uint32_t sentence, const Match& match, const ClauseReading& clause,
                 std::uint32_t source, std::uint32_t target) {
    const ActorRef& s = a_.actors[source].ref;
    const ActorRef& t = a_.actors[target].ref;
    const Rule& rule = *match.rule;
    Assertion x;
    x.type = rule.relation;
    x.source = s;
    x.target = t;
    x.polarity = clause.negated ? Polarity::Negated : Polarity::Positive;
    x.modality = clause.denied                          ? diplograph::Modality::Denied
                 : rule.modality == Modality::Offered   ? diplograph::Modality::Offered
                 : clause.claimed                       ? diplograph::Modality::Claimed
                                                        : diplograph::Modality::Asserted;
    if (clause.speaker) x.speaker = a_.actor_of(a_.mentions[static_cast<std::size_t>(*clause.speaker)]);
    x.sentence = static_cast<int>(sentence);
    const auto& tokens = doc_.tokens();
    x.span = {doc_.char_offset(tokens[match.first].begin),
              doc_.char_offset(tokens[match.end - 1].end)};
    x.trigger = std::string(doc_.original().substr(
        tokens[match.trigger_first].begin,
        tokens[match.trigger_end - 1].end - tokens[match.trigger_first].begin));
    x.evidence = evidence(sentence);
    x.rule = rule.id;
    // Two decimals, as the assertion format writes it, so that a record read back from JSON
    // equals the one extracted and every export agrees.
    x.confidence = std::round(rule.confidence * (clause.claimed ? 0.9 : 1.0) * 100.0) / 100.0;
    return x;
  }

  // The sentence's text with its white space folded, made once for all its assertions.
  const std::string& evidence(std::uint32_t sentence) {
    std::string& folded = evidence_[sentence];
    if (folded.empty()) {
      const auto& sent = doc_.sentences()[sentence];
      folded = fold_space(doc_.original().substr(sent.begin, sent.end - sent.begin));
    }
    return folded;
  }

  // A person's relation is also credited to the state or organisation it speaks for.
  void roll_up() {
    // Credited to the top organisation: the President of the European Council speaks for the
    // EU, as a member of the Security Council's staff speaks for the UN.
    auto affiliated = [&](const ActorRef& a) -> const ActorRef* {
      if (a.kind != ActorKind::Person || a.affiliation.empty()) return nullptr;
      auto e = g_.find(a.affiliation);
      for (int depth = 0; e && !g_.entry(*e).parent.empty() && depth < 4; ++depth)
        if (const auto up = g_.find(g_.entry(*e).parent)) e = up;
        else break;
      return e ? &g_.entry(*e).actor : nullptr;
    };
    const Assertion& base = out_.back();
    const ActorRef* s = affiliated(base.source);
    const ActorRef* t = affiliated(base.target);
    if (!s && !t) return;
    if ((s ? s->id : base.source.id) == (t ? t->id : base.target.id)) return;
    Assertion up = base;
    if (s) up.source = *s;
    if (t) up.target = *t;
    up.rolled_up_from = s ? base.source.id : base.target.id;
    push(std::move(up));
  }

  // Stable by span start. An assertion is large, so the sort moves indices and each assertion
  // moves once, and not at all when they are already in order, as they mostly are.
  static std::vector<Assertion> in_text_order(std::vector<Assertion> found) {
    const auto earlier = [](const Assertion& x, const Assertion& y) {
      return x.span.begin < y.span.begin;
    };
    if (std::is_sorted(found.begin(), found.end(), earlier)) return found;
    std::vector<std::uint32_t> order(found.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
      return earlier(found[x], found[y]);
    });
    std::vector<Assertion> sorted;
    sorted.reserve(found.size());
    for (const auto i : order) sorted.push_back(std::move(found[i]));
    return sorted;
  }

  // One assertion per (type, source, target, sentence, polarity, modality). seen_ holds the
  // hash of each key, sorted; only when a hash is seen again are the assertions themselves
  // compared. A sorted vector, not a set: a dispatch has tens of assertions, and a set
  // allocated a node for each.
  bool push(Assertion x) {
    const auto same_key = [&](const Assertion& y) {
      return y.sentence == x.sentence && y.polarity == x.polarity && y.modality == x.modality &&
             y.type == x.type && y.source.id == x.source.id && y.target.id == x.target.id;
    };
    const std::uint64_t hash = key_hash(x);
    const auto at = std::lower_bound(seen_.begin(), seen_.end(), hash);
    if (at != seen_.end() && *at == hash) {
      if (std::any_of(out_.begin(), out_.end(), same_key)) return false;
    } else {
      seen_.insert(at, hash);
    }
    // An assertion is large and costly to move: room for a dispatch's usual count at once,
    // rather than moving them all at each doubling.
    if (out_.empty()) out_.reserve(kUsualAssertions);
    out_.push_back(std::move(x));
    return true;
  }

  static std::uint64_t key_hash(const Assertion& x) {
    std::uint64_t h = std::hash<std::string>{}(x.type);
    for (const std::uint64_t part :
         {std::hash<std::string>{}(x.source.id), std::hash<std::string>{}(x.target.id),
          static_cast<std::uint64_t>(x.sentence), static_cast<std::uint64_t>(x.polarity),
          static_cast<std::uint64_t>(x.modality)})
      h = (h ^ part) * 0x100000001b3ULL;
    return h;
  }

  const Lexicon& lex_;
  const actors::Gazetteer& g_;
  const text::Document& doc_;
  const actors::Analysis& a_;
  const std::string& lang_;
  const Cues& cues_;
  struct PendingMediation {
    Assertion assertion;
    std::uint32_t mediator;
    std::vector<std::uint32_t> sentence_parties;
  };
  std::vector<PendingMediation> pending_;
  static constexpr std::size_t kUsualAssertions = 32;
  std::vector<Assertion> out_;
  std::vector<std::uint64_t> seen_;
  std::vector<std::string> evidence_;  // by sentence; empty until asked for
};

}  // namespace

std::vector<Assertion> Extractor::extract(const text::Document& doc,
                                          const actors::Analysis& analysis,
                                          const std::string& lang) const {
  actors::Analysis with_we;
  if (resolve_quoted_we(doc, analysis, lexicon_.cues(lang), gazetteer_, with_we))
    return DispatchExtraction(lexicon_, gazetteer_, doc, with_we, lang).run();
  return DispatchExtraction(lexicon_, gazetteer_, doc, analysis, lang).run();
}

}  // namespace diplograph::relations
