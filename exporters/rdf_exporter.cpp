// RDF/XML through raptor's serializer, fed statement by statement (no librdf model stands in
// between; raptor's abbreviated writer groups the statements itself). Turtle, N-Triples and
// N-Quads have their own streaming writer: rdf_text_exporter.cpp.
#include <raptor2/raptor2.h>

#include "exporters/file_exporter.h"
#include "exporters/iri.h"
#include "exporters/rdf_model.h"

namespace diplograph::exporters {
namespace {

struct Syntax {
  Format format;
  const char* serializer;  // raptor's name for it
};

constexpr Syntax kSyntaxes[] = {
    {Format::RdfXml, "rdfxml-abbrev"},
};

const unsigned char* bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

// Terms are views, not NUL-terminated: raptor takes them counted.
const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

class RdfExporter final : public FileExporter, private StatementSink {
 public:
  RdfExporter(const Syntax& syntax, const std::filesystem::path& outdir)
      : FileExporter(outdir, output_files(syntax.format)), syntax_(syntax) {
    world_ = raptor_new_world();
    if (world_ && raptor_world_open(world_) == 0) {
      raptor_world_set_log_handler(world_, this, &RdfExporter::on_log);
      if (opened()) start();
    } else {
      fail("cannot start raptor");
    }
  }

  ~RdfExporter() override {
    if (serializer_) raptor_free_serializer(serializer_);
    close_stream();
    if (world_) raptor_free_world(world_);
  }

 private:
  void start() {
    serializer_ = raptor_new_serializer(world_, syntax_.serializer);
    if (!serializer_) return fail(std::string("raptor has no serializer ") + syntax_.serializer);
    raptor_serializer_set_option(serializer_, RAPTOR_OPTION_RELATIVE_URIS, nullptr, 0);
    for (const auto& prefix : iri::prefixes()) {
      raptor_uri* ns = raptor_new_uri(world_, bytes(prefix.iri));
      raptor_serializer_set_namespace(serializer_, ns, bytes(std::string(prefix.name)));
      raptor_free_uri(ns);
    }
    // Our own stream rather than raptor's: raptor frees its own only when serialising ends,
    // and an exporter dropped before finish() must not leak it.
    stream_ = raptor_new_iostream_to_file_handle(world_, file().stream());
    if (!stream_ || raptor_serializer_start_to_iostream(serializer_, nullptr, stream_) != 0)
      fail("cannot start the " + std::string(syntax_.serializer) + " serializer");
  }

  void close_stream() {
    if (stream_) raptor_free_iostream(stream_);
    stream_ = nullptr;
  }

  Status write_record(const DispatchRecord& record) override {
    if (error_.empty()) dispatch_statements(record, *this);
    return status();
  }

  Status write_graph(const graph::DiplomaticGraph& graph) override {
    if (error_.empty()) graph_statements(graph, *this);
    if (error_.empty() && raptor_serializer_serialize_end(serializer_) != 0)
      fail("cannot finish the " + std::string(syntax_.serializer) + " output");
    close_stream();  // before the file is committed and closed
    return status();
  }

  void statement(const Term& subject, const Term& predicate, const Term& object) override {
    if (!error_.empty()) return;
    raptor_statement* st = raptor_new_statement_from_nodes(world_, term(subject), term(predicate),
                                                           term(object), nullptr);
    if (!st || raptor_serializer_serialize_statement(serializer_, st) != 0)
      fail("cannot write a statement about <" + std::string(subject.value) + ">");
    if (st) raptor_free_statement(st);
  }

  raptor_term* term(const Term& t) {
    if (!t.literal)
      return raptor_new_term_from_counted_uri_string(world_, bytes(t.value), t.value.size());
    raptor_uri* datatype =
        t.datatype.empty()
            ? nullptr
            : raptor_new_uri_from_counted_string(world_, bytes(t.datatype), t.datatype.size());
    raptor_term* out = raptor_new_term_from_counted_literal(world_, bytes(t.value), t.value.size(),
                                                            datatype, nullptr, 0);
    if (datatype) raptor_free_uri(datatype);
    return out;
  }

  static void on_log(void* user_data, raptor_log_message* message) {
    auto* self = static_cast<RdfExporter*>(user_data);
    if (message->level >= RAPTOR_LOG_LEVEL_ERROR && message->text)
      self->fail(reinterpret_cast<const char*>(message->text));
  }

  void fail(const std::string& message) {
    if (error_.empty()) error_ = message;
  }

  Status status() const {
    if (error_.empty()) return {};
    return Status::error(std::string(syntax_.serializer) + " export to " +
                         output_files(syntax_.format).front() + ": " + error_);
  }

  const Syntax syntax_;
  raptor_world* world_ = nullptr;
  raptor_serializer* serializer_ = nullptr;
  raptor_iostream* stream_ = nullptr;
  std::string error_;
};

}  // namespace

std::unique_ptr<Exporter> make_rdf_exporter(Format format, const std::filesystem::path& outdir) {
  if (format == Format::Turtle || format == Format::NTriples || format == Format::NQuads)
    return make_rdf_text_exporter(format, outdir);
  for (const auto& syntax : kSyntaxes)
    if (syntax.format == format) return std::make_unique<RdfExporter>(syntax, outdir);
  return nullptr;
}

}  // namespace diplograph::exporters
