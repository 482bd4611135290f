#include "exporters/rdf_model.h"

#include <algorithm>
#include <string_view>

#include "exporters/iri.h"
#include "exporters/text.h"
#include "util/string_map.h"

namespace diplograph::exporters {
namespace {

std::string dg(std::string_view local) { return iri::term(iri::kOntology, local); }
std::string xsd(std::string_view local) { return iri::term(iri::kXsd, local); }

// An IRI with its Turtle name, made once for the terms that every dispatch or actor uses:
// shortening them again at each statement was most of the Turtle writer's work.
struct Name {
  explicit Name(std::string full) : iri(std::move(full)) {
    if (const auto name = iri::turtle_name(iri); name.prefix)
      turtle = std::string(name.prefix->name) + ":" + std::string(name.local);
  }
  std::string iri;
  std::string turtle;  // empty when the IRI has no Turtle name
};

// The ontology's individuals are the model's names, capitalised: "asserted" -> dg:Asserted.
Name individual(const char* name) {
  std::string local = name;
  if (!local.empty() && local[0] >= 'a' && local[0] <= 'z')
    local[0] = static_cast<char>(local[0] - 'a' + 'A');
  return Name(dg(local));
}

// The IRIs of the properties, classes and individuals every dispatch or actor uses.
struct Vocabulary {
  Name type{iri::term(iri::kRdf, "type")};
  Name identifier{iri::term(iri::kDcterms, "identifier")};
  Name date{iri::term(iri::kDcterms, "date")};
  Name title{iri::term(iri::kDcterms, "title")};
  Name language{iri::term(iri::kDcterms, "language")};
  Name agency{dg("agency")};
  Name url{dg("url")};
  Name dispatch{dg("Dispatch")};
  Name event{dg("DiplomaticEvent")};
  Name relation_type{dg("relationType")};
  Name has_source{dg("hasSource")};
  Name has_target{dg("hasTarget")};
  Name polarity{dg("polarity")};
  Name modality{dg("modality")};
  Name according_to{iri::term(iri::kSem, "accordingTo")};
  Name sentence_index{dg("sentenceIndex")};
  Name char_start{dg("charStart")};
  Name char_end{dg("charEnd")};
  Name trigger{dg("trigger")};
  Name evidence{dg("evidence")};
  Name rule{dg("rule")};
  Name confidence{dg("confidence")};
  Name rolled_up_from{dg("rolledUpFrom")};
  Name derived_from{iri::term(iri::kProv, "wasDerivedFrom")};
  Name label{iri::term(iri::kRdfs, "label")};
  Name code{dg("code")};
  Name same_as{iri::term(iri::kOwl, "sameAs")};
  Name alt_label{iri::term(iri::kSkos, "altLabel")};
  Name integer{xsd("integer")};
  Name decimal{xsd("decimal")};
  Name day{xsd("date")};
  Name month{xsd("gYearMonth")};
  Name year{xsd("gYear")};
  Name positive{individual(to_string(Polarity::Positive))};
  Name negated{individual(to_string(Polarity::Negated))};
  Name asserted{individual(to_string(Modality::Asserted))};
  Name claimed{individual(to_string(Modality::Claimed))};
  Name offered{individual(to_string(Modality::Offered))};
  Name denied{individual(to_string(Modality::Denied))};

  const Name& of(Polarity p) const { return p == Polarity::Positive ? positive : negated; }
  const Name& of(Modality m) const {
    switch (m) {
      case Modality::Asserted: return asserted;
      case Modality::Claimed: return claimed;
      case Modality::Offered: return offered;
      case Modality::Denied: return denied;
    }
    return asserted;
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

// The datatype a dispatch date gets by its form; null for a date of no known form (a string).
const Name* date_datatype(std::string_view date) {
  const Vocabulary& v = vocabulary();
  switch (date_form(date)) {
    case DateForm::Day: return &v.day;
    case DateForm::Month: return &v.month;
    case DateForm::Year: return &v.year;
    case DateForm::Other: break;
  }
  return nullptr;
}

// "Q" and a number without a leading zero. A loop, not std::regex: libstdc++'s matcher recurses
// once per character, and a long QID from an assertion part overflowed the stack (SIGSEGV).
bool is_qid(std::string_view qid) {
  if (qid.size() < 2 || qid[0] != 'Q' || qid[1] == '0') return false;
  return std::all_of(qid.begin() + 1, qid.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// clean_text(), with every line break made LF: raptor 2.0.15's Turtle writer puts a CR as it is
// into a "short" literal (it switches to """long""" ones only for LF), which Turtle forbids, so
// one CR in a title made graph.ttl unreadable. Nearly all text needs no change and is given
// back as it is; a changed text is kept in `storage`.
std::string_view literal_text(std::string_view value, std::string& storage) {
  if (is_printable_ascii(value)) return value;
  const std::string_view clean = clean_view(value, storage);
  if (clean.find('\r') == std::string_view::npos) return clean;
  storage = std::string(clean);  // a copy first: `clean` may be `storage` itself
  std::size_t to = 0;
  for (std::size_t from = 0; from < storage.size(); ++from) {
    if (storage[from] != '\r') {
      storage[to++] = storage[from];
    } else if (from + 1 >= storage.size() || storage[from + 1] != '\n') {
      storage[to++] = '\n';  // a lone CR; the CR of CRLF is dropped
    }
  }
  storage.resize(to);
  return storage;
}

// Statements about one subject at a time, with the term building in one place.
class Subject {
 public:
  Subject(StatementSink& sink, const Name& name) : sink_(sink), name_(name) {}

  Subject& link(const Name& predicate, const Name& object) {
    emit(predicate, Term{false, object.iri, {}, object.turtle, {}});
    return *this;
  }
  Subject& link(const Name& predicate, std::string_view object) {
    emit(predicate, Term{false, object, {}, {}, {}});
    return *this;
  }
  // Empty text is left out: the field was not given.
  Subject& text(const Name& predicate, std::string_view value) {
    if (!value.empty()) {
      std::string storage;
      emit(predicate, Term{true, literal_text(value, storage), {}, {}, {}});
    }
    return *this;
  }
  Subject& typed(const Name& predicate, std::string_view lexical, const Name& datatype) {
    emit(predicate, Term{true, lexical, datatype.iri, {}, datatype.turtle});
    return *this;
  }
  Subject& integer(const Name& predicate, long long value) {
    return typed(predicate, std::to_string(value), vocabulary().integer);
  }

 private:
  void emit(const Name& predicate, const Term& object) {
    sink_.statement(Term{false, name_.iri, {}, name_.turtle, {}},
                    Term{false, predicate.iri, {}, predicate.turtle, {}}, object);
  }
  StatementSink& sink_;
  const Name& name_;
};

// The names of the IRIs that come back from record to record, actors and relation properties,
// made once per thread. trim() empties a cache grown past its bound (a corpus may name new
// people without end) between records, so that no name handed out within a record dangles.
class NameCache {
 public:
  using MakeIri = std::string (*)(std::string_view);
  explicit NameCache(MakeIri make) : make_(make) {}

  const Name& get(std::string_view key) {
    if (const auto it = names_.find(key); it != names_.end()) return it->second;
    return names_.emplace(std::string(key), Name(make_(key))).first->second;
  }
  void trim() {
    if (names_.size() > kMaxNames) names_.clear();
  }

 private:
  static constexpr std::size_t kMaxNames = 4096;
  MakeIri make_;
  StringMap<Name> names_;
};

NameCache& actor_names() {
  thread_local NameCache cache(iri::actor);
  return cache;
}

NameCache& relation_names() {
  thread_local NameCache cache(iri::relation);
  return cache;
}

void dispatch_node(const DispatchRecord& r, const Name& name, StatementSink& sink) {
  const Vocabulary& v = vocabulary();
  Subject d(sink, name);
  d.link(v.type, v.dispatch).text(v.identifier, r.id);
  if (!r.date.empty()) {
    if (const Name* datatype = date_datatype(r.date))
      d.typed(v.date, r.date, *datatype);
    else
      d.text(v.date, r.date);
  }
  d.text(v.title, r.title).text(v.language, r.lang).text(v.agency, r.agency).text(v.url, r.url);
}

// The names of one record's events, iri::event(id, index): the name of event 0 with its index
// replaced. The index's digits change neither where the IRI's namespace ends nor whether its
// local part is safe in Turtle, so the Turtle name keeps its form too.
class EventNames {
 public:
  explicit EventNames(std::string_view dispatch_id)
      : name_(iri::event(dispatch_id, 0)),
        iri_base_(name_.iri.size() - 1),
        turtle_base_(name_.turtle.empty() ? 0 : name_.turtle.size() - 1) {}

  // Valid until the next call.
  const Name& at(std::size_t index) {
    const std::string digits = std::to_string(index);
    name_.iri.resize(iri_base_);
    name_.iri += digits;
    if (!name_.turtle.empty()) {
      name_.turtle.resize(turtle_base_);
      name_.turtle += digits;
    }
    return name_;
  }

 private:
  Name name_;
  std::size_t iri_base_;
  std::size_t turtle_base_;
};

void event_node(const DispatchRecord& r, std::size_t index, const Name& name, const Name& dispatch,
                StatementSink& sink) {
  const Vocabulary& v = vocabulary();
  const Assertion& a = r.relations[index];
  NameCache& actors = actor_names();
  Subject e(sink, name);
  e.link(v.type, v.event)
      .text(v.identifier, graph::assertion_id(r.id, index))
      .link(v.relation_type, relation_names().get(a.type))
      .link(v.has_source, actors.get(a.source.id))
      .link(v.has_target, actors.get(a.target.id))
      .link(v.polarity, v.of(a.polarity))
      .link(v.modality, v.of(a.modality));
  if (a.speaker) e.link(v.according_to, actors.get(a.speaker->id));
  e.integer(v.sentence_index, a.sentence)
      .integer(v.char_start, a.span.begin)
      .integer(v.char_end, a.span.end)
      .text(v.trigger, a.trigger)
      .text(v.evidence, a.evidence)
      .text(v.rule, a.rule)
      .typed(v.confidence, format_number(a.confidence), v.decimal);
  if (!a.rolled_up_from.empty()) e.link(v.rolled_up_from, actors.get(a.rolled_up_from));
  e.link(v.derived_from, dispatch);
}

void actor_node(const graph::ActorProps& actor, StatementSink& sink) {
  const Vocabulary& v = vocabulary();
  Subject a(sink, actor_names().get(actor.id));
  a.link(v.type, dg(to_string(actor.kind)))
      .text(v.identifier, actor.id)
      .text(v.label, graph::display_label(actor))
      .text(v.code, actor.code);
  // A QID is only given for a certain match (DESIGN.md section 9), so it is an identity.
  if (is_qid(actor.qid)) a.link(v.same_as, iri::term(iri::kWikidata, actor.qid));
  for (const auto& alias : actor.aliases) a.text(v.alt_label, alias);
}

}  // namespace

void dispatch_statements(const DispatchRecord& record, StatementSink& sink) {
  actor_names().trim();
  relation_names().trim();
  const Name dispatch(iri::dispatch(record.id));
  dispatch_node(record, dispatch, sink);
  EventNames events(record.id);
  for (std::size_t i = 0; i < record.relations.size(); ++i)
    event_node(record, i, events.at(i), dispatch, sink);
}

void graph_statements(const graph::DiplomaticGraph& graph, StatementSink& sink) {
  NameCache& actors = actor_names();
  for (const auto v : graph.sorted_vertices()) {
    actors.trim();
    actor_node(graph.actor(v), sink);
  }
  for (const auto e : graph.sorted_edges()) {
    actors.trim();
    relation_names().trim();
    Subject(sink, actors.get(graph.source(e).id))
        .link(relation_names().get(graph.relation(e).type), actors.get(graph.target(e).id));
  }
}

}  // namespace diplograph::exporters
