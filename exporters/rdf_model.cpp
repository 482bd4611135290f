#include "exporters/rdf_model.h"

#include <algorithm>
#include <string_view>

#include "exporters/iri.h"
#include "exporters/text.h"

namespace diplograph::exporters {
namespace {

std::string dg(std::string_view local) { return iri::term(iri::kOntology, local); }
std::string xsd(std::string_view local) { return iri::term(iri::kXsd, local); }

// The IRIs of the properties and classes every dispatch uses, made once.
struct Vocabulary {
  std::string type = iri::term(iri::kRdf, "type");
  std::string identifier = iri::term(iri::kDcterms, "identifier");
  std::string date = iri::term(iri::kDcterms, "date");
  std::string title = iri::term(iri::kDcterms, "title");
  std::string language = iri::term(iri::kDcterms, "language");
  std::string agency = dg("agency");
  std::string url = dg("url");
  std::string dispatch = dg("Dispatch");
  std::string event = dg("DiplomaticEvent");
  std::string relation_type = dg("relationType");
  std::string has_source = dg("hasSource");
  std::string has_target = dg("hasTarget");
  std::string polarity = dg("polarity");
  std::string modality = dg("modality");
  std::string according_to = iri::term(iri::kSem, "accordingTo");
  std::string sentence_index = dg("sentenceIndex");
  std::string char_start = dg("charStart");
  std::string char_end = dg("charEnd");
  std::string trigger = dg("trigger");
  std::string evidence = dg("evidence");
  std::string rule = dg("rule");
  std::string confidence = dg("confidence");
  std::string rolled_up_from = dg("rolledUpFrom");
  std::string derived_from = iri::term(iri::kProv, "wasDerivedFrom");
  std::string integer = xsd("integer");
  std::string decimal = xsd("decimal");
};

const Vocabulary& vocabulary() {
  static const Vocabulary v;
  return v;
}

const std::string& rdf_type() { return vocabulary().type; }

// The ontology's individuals are the model's names, capitalised: "asserted" -> dg:Asserted.
std::string individual(const char* name) {
  std::string local = name;
  if (!local.empty() && local[0] >= 'a' && local[0] <= 'z')
    local[0] = static_cast<char>(local[0] - 'a' + 'A');
  return dg(local);
}

// The datatype a dispatch date gets by its form; a date of no known form stays a string.
std::string date_datatype(std::string_view date) {
  switch (date_form(date)) {
    case DateForm::Day: return xsd("date");
    case DateForm::Month: return xsd("gYearMonth");
    case DateForm::Year: return xsd("gYear");
    case DateForm::Other: break;
  }
  return {};
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
  if (is_clean_text(value) && value.find('\r') == std::string_view::npos) return value;
  storage = clean_text(value);
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
  Subject(StatementSink& sink, std::string iri) : sink_(sink), iri_(std::move(iri)) {}

  Subject& link(const std::string& predicate, const std::string& object) {
    emit(predicate, Term{false, object, {}});
    return *this;
  }
  // Empty text is left out: the field was not given.
  Subject& text(const std::string& predicate, std::string_view value) {
    if (!value.empty()) {
      std::string storage;
      emit(predicate, Term{true, literal_text(value, storage), {}});
    }
    return *this;
  }
  Subject& typed(const std::string& predicate, std::string_view lexical,
                 std::string_view datatype) {
    emit(predicate, Term{true, lexical, datatype});
    return *this;
  }
  Subject& integer(const std::string& predicate, long long value) {
    return typed(predicate, std::to_string(value), vocabulary().integer);
  }

 private:
  void emit(const std::string& predicate, const Term& object) {
    sink_.statement(Term{false, iri_, {}}, Term{false, predicate, {}}, object);
  }
  StatementSink& sink_;
  const std::string iri_;
};

void dispatch_node(const DispatchRecord& r, StatementSink& sink) {
  const Vocabulary& v = vocabulary();
  Subject d(sink, iri::dispatch(r.id));
  d.link(v.type, v.dispatch).text(v.identifier, r.id);
  if (!r.date.empty()) {
    const std::string datatype = date_datatype(r.date);
    std::string storage;
    d.typed(v.date, datatype.empty() ? literal_text(r.date, storage) : r.date, datatype);
  }
  d.text(v.title, r.title).text(v.language, r.lang).text(v.agency, r.agency).text(v.url, r.url);
}

void event_node(const DispatchRecord& r, std::size_t index, const std::string& dispatch_iri,
                StatementSink& sink) {
  const Vocabulary& v = vocabulary();
  const Assertion& a = r.relations[index];
  Subject e(sink, iri::event(r.id, index));
  e.link(v.type, v.event)
      .text(v.identifier, graph::assertion_id(r.id, index))
      .link(v.relation_type, iri::relation(a.type))
      .link(v.has_source, iri::actor(a.source.id))
      .link(v.has_target, iri::actor(a.target.id))
      .link(v.polarity, individual(to_string(a.polarity)))
      .link(v.modality, individual(to_string(a.modality)));
  if (a.speaker) e.link(v.according_to, iri::actor(a.speaker->id));
  e.integer(v.sentence_index, a.sentence)
      .integer(v.char_start, a.span.begin)
      .integer(v.char_end, a.span.end)
      .text(v.trigger, a.trigger)
      .text(v.evidence, a.evidence)
      .text(v.rule, a.rule)
      .typed(v.confidence, format_number(a.confidence), v.decimal);
  if (!a.rolled_up_from.empty()) e.link(v.rolled_up_from, iri::actor(a.rolled_up_from));
  e.link(v.derived_from, dispatch_iri);
}

void actor_node(const graph::ActorProps& actor, StatementSink& sink) {
  Subject a(sink, iri::actor(actor.id));
  a.link(rdf_type(), dg(to_string(actor.kind)))
      .text(iri::term(iri::kDcterms, "identifier"), actor.id)
      .text(iri::term(iri::kRdfs, "label"), graph::display_label(actor))
      .text(dg("code"), actor.code);
  // A QID is only given for a certain match (DESIGN.md section 9), so it is an identity.
  if (is_qid(actor.qid))
    a.link(iri::term(iri::kOwl, "sameAs"), iri::term(iri::kWikidata, actor.qid));
  for (const auto& alias : actor.aliases) a.text(iri::term(iri::kSkos, "altLabel"), alias);
}

}  // namespace

void dispatch_statements(const DispatchRecord& record, StatementSink& sink) {
  dispatch_node(record, sink);
  const std::string dispatch_iri = iri::dispatch(record.id);
  for (std::size_t i = 0; i < record.relations.size(); ++i)
    event_node(record, i, dispatch_iri, sink);
}

void graph_statements(const graph::DiplomaticGraph& graph, StatementSink& sink) {
  for (const auto v : graph.sorted_vertices()) actor_node(graph.actor(v), sink);
  for (const auto e : graph.sorted_edges()) {
    Subject(sink, iri::actor(graph.source(e).id))
        .link(iri::relation(graph.relation(e).type), iri::actor(graph.target(e).id));
  }
}

}  // namespace diplograph::exporters
