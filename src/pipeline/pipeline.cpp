#include "pipeline/pipeline.h"

#include <algorithm>

#include "actors/gazetteer.h"
#include "actors/recognizer.h"
#include "relations/extractor.h"
#include "relations/lexicon.h"
#include "text/document.h"

namespace diplograph {

struct Pipeline::Parts {
  actors::Gazetteer gazetteer;
  relations::Lexicon lexicon;
};

Pipeline::Pipeline(std::unique_ptr<Parts> parts)
    : parts_(std::move(parts)), max_sentence_tokens_(text::kMaxSentenceTokens) {}
Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline> Pipeline::load(const std::string& ontology_dir, std::string& error) {
  auto gazetteer = actors::Gazetteer::load(ontology_dir + "/actors", error);
  if (!gazetteer) return nullptr;
  auto lexicon = relations::Lexicon::load(ontology_dir + "/lexicon", gazetteer->vocabulary(), error);
  if (!lexicon) return nullptr;
  return std::unique_ptr<Pipeline>(
      new Pipeline(std::make_unique<Parts>(Parts{std::move(*gazetteer), std::move(*lexicon)})));
}

namespace {

// The dispatch's actors with every mention (or none when `with_mentions` is off), sorted by
// actor id. Capitals named as places are not mentions of their government (see
// ontology/README.md), and an actor named only so is not listed.
std::vector<ActorMentions> list_actors(const text::Document& doc, const actors::Analysis& a,
                                       bool with_mentions) {
  // A state or organisation named inside a title ("turc" in "le président turc") is a
  // mention of its own, though relation patterns read the title as one actor.
  std::vector<actors::ActorMention> all;
  all.reserve(a.mentions.size() + a.nested.size());
  all.insert(all.end(), a.mentions.begin(), a.mentions.end());
  all.insert(all.end(), a.nested.begin(), a.nested.end());
  // Each listed actor is placed once, at its rank by id, with room for all its mentions: an
  // actor with its names and mentions is costly to move.
  std::vector<std::uint32_t> count(a.actors.size(), 0);
  for (const auto& m : all)
    if (!m.locative) ++count[m.actor];
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < count.size(); ++i)
    if (count[i] > 0) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return a.actors[x].ref.id < a.actors[y].ref.id;
  });
  std::vector<std::uint32_t> slot(a.actors.size());
  std::vector<ActorMentions> out(order.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    slot[order[k]] = k;
    out[k].actor = a.actors[order[k]].ref;
    if (with_mentions) out[k].mentions.reserve(count[order[k]]);
  }
  if (!with_mentions) return out;
  std::sort(all.begin(), all.end(),
            [](const auto& x, const auto& y) { return x.begin < y.begin; });
  for (const auto& m : all) {
    if (m.locative) continue;
    Mention mention;
    mention.span = {doc.char_offset(m.begin), doc.char_offset(m.end)};
    mention.text = std::string(doc.original().substr(m.begin, m.end - m.begin));
    mention.how = m.how;
    out[slot[m.actor]].mentions.push_back(std::move(mention));
  }
  return out;
}

}  // namespace

DispatchRecord Pipeline::process(const Dispatch& d, Report* report) const {
  DispatchRecord r;
  r.id = d.id;
  r.date = d.date;
  r.lang = d.lang;
  r.agency = d.agency;
  r.title = d.title;
  r.url = d.url;
  const text::Document doc(d.text, d.body_begin, d.body_end, max_sentence_tokens_);
  if (report) {
    *report = {};
    for (const auto& s : doc.sentences()) {
      if (!s.cut) continue;
      if (report->sentences_cut++ == 0) report->first_cut = s.begin;
    }
  }
  const actors::Recognizer recognizer(parts_->gazetteer);
  const auto analysis = recognizer.analyse(doc, d.date, d.lang);
  const relations::Extractor extractor(parts_->lexicon, parts_->gazetteer);
  r.relations = extractor.extract(doc, analysis, d.lang);
  r.actors = list_actors(doc, analysis, record_mentions_);
  return r;
}

}  // namespace diplograph
