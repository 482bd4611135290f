// Turtle, N-Triples and N-Quads written by our own streaming writer: each statement is turned
// into text as it comes and the text goes to the file in large blocks, so memory stays flat
// whatever the size of the graph. raptor's serializers were 20 to 30 times slower here, and its
// Turtle writer held every statement until the end (hundreds of MB for a large build).
//
// Escaping follows the W3C grammars (RDF 1.1 N-Triples, N-Quads and Turtle): literals escape
// '"', '\', LF, CR, tab and every other control character (\u00XX); IRIs are percent-encoded
// already by iri.h, and any byte that IRIREF forbids is percent-encoded again here, so no text
// can close an IRI. Turtle writes consecutive statements about one subject as a ';' list and
// shortens an IRI to prefix:local only when the local part is letters, digits, '_', '-' and %XX
// (no leading '-'), which every Turtle reader accepts.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/file_exporter.h"
#include "exporters/iri.h"
#include "exporters/rdf_model.h"
#include "exporters/text.h"
#include "util/byte_scan.h"

namespace diplograph::exporters {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";
// Text is handed to the file in blocks of about this size.
constexpr std::size_t kFlushBytes = 1 << 20;

bool is_iri_forbidden(unsigned char b) {
  return b <= 0x20 || b == '<' || b == '>' || b == '"' || b == '{' || b == '}' || b == '|' ||
         b == '^' || b == '`' || b == '\\';
}

// Both appenders copy the runs of bytes that need no escape in one go: text is mostly such runs.
void append_iri(std::string& out, std::string_view iri) {
  out += '<';
  std::size_t run = 0;
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto b = static_cast<unsigned char>(iri[i]);
    if (!is_iri_forbidden(b)) continue;
    out.append(iri, run, i - run);
    out += '%';
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
    run = i + 1;
  }
  out.append(iri, run);
  out += '>';
}

bool needs_escape(unsigned char b) { return b < 0x20 || b == '"' || b == '\\' || b == 0x7F; }

std::uint64_t escape_flags(std::uint64_t w) {
  return bytes::below(w, 0x20) | bytes::equal(w, '"') | bytes::equal(w, '\\') |
         bytes::equal(w, 0x7F);
}

void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (;;) {
    const std::size_t run = bytes::find_first(text, escape_flags, needs_escape);
    out.append(text.substr(0, run));
    if (run == text.size()) break;
    const auto b = static_cast<unsigned char>(text[run]);
    text.remove_prefix(run + 1);
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
  }
  out += '"';
}

enum class Syntax { Turtle, NTriples, NQuads };

// Turns statements into text, appended to `out`. A record's statements are written by a
// writer of their own (build does it on its worker threads); each such text ends its last
// subject, so the pieces join into the same file as one writer would make.
class StatementWriter final : public StatementSink {
 public:
  StatementWriter(Syntax syntax, std::string graph) : syntax_(syntax), graph_(std::move(graph)) {}

  std::string& text() { return out_; }
  void set_graph(std::string graph) { graph_ = std::move(graph); }

  void statement(const Term& subject, const Term& predicate, const Term& object) override {
    if (syntax_ != Syntax::Turtle) {
      append_iri(out_, subject.value);
      out_ += ' ';
      append_iri(out_, predicate.value);
      out_ += ' ';
      append_object(object);
      if (!graph_.empty()) {
        out_ += ' ';
        append_iri(out_, graph_);
      }
      out_ += " .\n";
      return;
    }
    if (in_subject_ && subject.value == subject_) {
      out_ += " ;\n    ";
    } else {
      end_subject();
      append_turtle_iri(subject.value, subject.turtle);
      subject_ = subject.value;
      in_subject_ = true;
      out_ += ' ';
    }
    if (predicate.value == rdf_type_)
      out_ += 'a';
    else
      append_turtle_iri(predicate.value, predicate.turtle);
    out_ += ' ';
    append_object(object);
  }

  void end_subject() {
    if (in_subject_) out_ += " .\n";
    in_subject_ = false;
  }

 private:
  void append_object(const Term& object) {
    if (!object.literal) {
      if (syntax_ == Syntax::Turtle)
        append_turtle_iri(object.value, object.turtle);
      else
        append_iri(out_, object.value);
      return;
    }
    if (syntax_ == Syntax::Turtle && is_bare_number(object)) {
      out_ += object.value;
      return;
    }
    append_string(out_, object.value);
    if (object.datatype.empty()) return;
    out_ += "^^";
    if (syntax_ == Syntax::Turtle)
      append_turtle_iri(object.datatype, object.datatype_turtle);
    else
      append_iri(out_, object.datatype);
  }

  // Turtle writes an integer or a decimal in its own short form, which reads back as the same
  // typed literal: "12"^^xsd:integer is 12, "0.75"^^xsd:decimal is 0.75 (Turtle 1.1, INTEGER
  // and DECIMAL). Written bare: digits, or digits, a point and digits, with an optional '-';
  // any other form stays typed.
  bool is_bare_number(const Term& literal) const {
    std::string_view v = literal.value;
    if (v.starts_with('-')) v.remove_prefix(1);
    if (literal.datatype == xsd_integer_) return all_digits(v);
    if (literal.datatype != xsd_decimal_) return false;
    const std::size_t point = v.find('.');
    return point != std::string_view::npos && all_digits(v.substr(0, point)) &&
           all_digits(v.substr(point + 1));
  }

  // `known` is the Turtle name when the model made it, else empty.
  void append_turtle_iri(std::string_view iri, std::string_view known = {}) {
    if (!known.empty()) {
      out_ += known;
      return;
    }
    const iri::TurtleName name = iri::turtle_name(iri);
    if (!name.prefix) return append_iri(out_, iri);
    out_ += name.prefix->name;
    out_ += ':';
    out_ += name.local;
  }

  const Syntax syntax_;
  // Made once for the program: a writer is made for every record.
  inline static const std::string rdf_type_ = iri::term(iri::kRdf, "type");
  inline static const std::string xsd_integer_ = iri::term(iri::kXsd, "integer");
  inline static const std::string xsd_decimal_ = iri::term(iri::kXsd, "decimal");
  std::string out_;      // text not yet written
  std::string graph_;    // N-Quads: the named graph of the statements being written
  std::string subject_;  // Turtle: the subject whose ';' list is open
  bool in_subject_ = false;
};

class RdfTextExporter final : public FileExporter {
 public:
  RdfTextExporter(Format format, const std::filesystem::path& outdir)
      : FileExporter(outdir, output_files(format)),
        syntax_(format == Format::Turtle    ? Syntax::Turtle
                : format == Format::NQuads ? Syntax::NQuads
                                           : Syntax::NTriples),
        writer_(syntax_, {}) {
    std::string& out = writer_.text();
    out.reserve(kFlushBytes + 64 * 1024);
    if (syntax_ == Syntax::Turtle) {
      for (const auto& prefix : iri::prefixes()) {
        out += "@prefix ";
        out += prefix.name;
        out += ": ";
        append_iri(out, prefix.iri);
        out += " .\n";
      }
    }
  }

  bool renders() const override { return true; }
  bool finishes_on_any_thread() const override { return true; }

  std::string render(const DispatchRecord& record) const override {
    StatementWriter writer(syntax_, syntax_ == Syntax::NQuads ? iri::dispatch(record.id) : "");
    // Room for the dispatch node and about as much per event as an event with a long evidence
    // sentence takes, so that the text rarely grows (and moves) while it is written.
    writer.text().reserve(512 + 1024 * record.relations.size());
    dispatch_statements(record, writer);
    writer.end_subject();
    return std::move(writer.text());
  }

 private:
  Status write_record(const DispatchRecord& record) override {
    return write_rendered(render(record));
  }

  Status write_rendered(std::string_view text) override {
    writer_.text() += text;
    return flush(kFlushBytes);
  }

  Status write_graph(const graph::DiplomaticGraph& graph) override {
    writer_.set_graph(syntax_ == Syntax::NQuads ? std::string(iri::kAggregateGraph) : "");
    graph_statements(graph, writer_);
    writer_.end_subject();
    return flush(0);
  }

  // Writes the text held once it reaches `threshold` bytes (0: all of it).
  Status flush(std::size_t threshold) {
    std::string& out = writer_.text();
    if (out.size() < threshold || out.empty()) return {};
    if (!file().write(out)) return file_error("cannot write");
    out.clear();
    return {};
  }

  const Syntax syntax_;
  StatementWriter writer_;  // the file's text not yet written, and the graph-level statements
};

}  // namespace

std::unique_ptr<Exporter> make_rdf_text_exporter(Format format,
                                                 const std::filesystem::path& outdir) {
  return std::make_unique<RdfTextExporter>(format, outdir);
}

}  // namespace diplograph::exporters
