#include "exporters/exporters.h"

#include <exception>

#include "exporters/file_exporter.h"

namespace diplograph::exporters {
namespace {

struct FormatInfo {
  Format format;
  std::string_view name;
  std::vector<std::string> files;
};

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> all = {
      {Format::Turtle, "ttl", {"graph.ttl"}},
      {Format::NTriples, "nt", {"graph.nt"}},
      {Format::NQuads, "nq", {"graph.nq"}},
      {Format::RdfXml, "rdf", {"graph.rdf"}},
      {Format::GraphML, "graphml", {"graph.graphml"}},
      {Format::Gexf, "gexf", {"graph.gexf"}},
      {Format::Json, "json", {"graph.json", "graph.cyjs"}},
      {Format::Csv, "csv", {"nodes.csv", "edges.csv"}},
      {Format::Dot, "dot", {"graph.dot"}},
  };
  return all;
}

const FormatInfo& info(Format format) {
  for (const auto& f : formats())
    if (f.format == format) return f;
  return formats().front();
}

class GraphExporter final : public FileExporter {
 public:
  GraphExporter(Format format, const std::filesystem::path& outdir, GraphWriter write)
      : FileExporter(outdir, output_files(format)), write_(write) {}
  bool finishes_on_any_thread() const override { return true; }

 private:
  Status write_graph(const graph::DiplomaticGraph& graph) override {
    if (write_(graph, files())) return {};
    return file_error("cannot write");
  }
  GraphWriter write_;
};

template <typename F>
Status guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return Status::error(std::string("export failed: ") + e.what());
  }
}

}  // namespace

Status Status::error(std::string message) {
  Status s;
  s.message_ = message.empty() ? "unknown export error" : std::move(message);
  return s;
}

FileExporter::FileExporter(const std::filesystem::path& outdir,
                           const std::vector<std::string>& names) {
  for (const auto& name : names) {
    files_.push_back(std::make_unique<AtomicFile>((outdir / name).string()));
    if (status_.ok() && !files_.back()->open()) status_ = Status::error(files_.back()->error());
  }
}

std::vector<AtomicFile*> FileExporter::files() const {
  std::vector<AtomicFile*> out;
  for (const auto& f : files_) out.push_back(f.get());
  return out;
}

Status FileExporter::file_error(const std::string& what) const {
  for (const auto& f : files_)
    if (!f->error().empty()) return Status::error(f->error());
  return Status::error(what + " " + files_.front()->path());
}

Status FileExporter::add(const DispatchRecord& record) {
  if (finished_) return Status::error("add() after finish()");
  if (status_.ok()) status_ = guarded([&] { return write_record(record); });
  return status_;
}

Status FileExporter::add_rendered(std::string_view text) {
  if (finished_) return Status::error("add_rendered() after finish()");
  if (status_.ok()) status_ = guarded([&] { return write_rendered(text); });
  return status_;
}

Status FileExporter::finish(const graph::DiplomaticGraph& graph) {
  if (finished_) return Status::error("finish() called twice");
  finished_ = true;
  if (status_.ok()) status_ = guarded([&] { return write_graph(graph); });
  for (const auto& f : files_)
    if (status_.ok() && !f->commit()) status_ = file_error("cannot write");
  return status_;
}

std::unique_ptr<Exporter> make_exporter(Format format, const std::filesystem::path& outdir) {
  switch (format) {
    case Format::Turtle:
    case Format::NTriples:
    case Format::NQuads:
    case Format::RdfXml: return make_rdf_exporter(format, outdir);
    case Format::GraphML: return std::make_unique<GraphExporter>(format, outdir, write_graphml);
    case Format::Gexf: return std::make_unique<GraphExporter>(format, outdir, write_gexf);
    case Format::Json: return std::make_unique<GraphExporter>(format, outdir, write_json);
    case Format::Csv: return std::make_unique<GraphExporter>(format, outdir, write_csv);
    case Format::Dot: return std::make_unique<GraphExporter>(format, outdir, write_dot);
  }
  return nullptr;
}

std::string_view format_name(Format format) { return info(format).name; }

bool lists_assertion_ids(Format format) { return format == Format::Json; }

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& f : formats())
    if (f.name == name) return f.format;
  return std::nullopt;
}

std::vector<std::string> output_files(Format format) { return info(format).files; }

const std::vector<Format>& all_formats() {
  static const std::vector<Format> all = [] {
    std::vector<Format> out;
    for (const auto& f : formats()) out.push_back(f.format);
    return out;
  }();
  return all;
}

Status export_all(const std::vector<Format>& formats, const std::filesystem::path& outdir,
                  const std::vector<DispatchRecord>& records, const graph::DiplomaticGraph& graph) {
  for (const Format format : formats) {
    const auto exporter = make_exporter(format, outdir);
    for (const auto& record : records)
      if (auto s = exporter->add(record); !s.ok()) return s;
    if (auto s = exporter->finish(graph); !s.ok()) return s;
  }
  return {};
}

}  // namespace diplograph::exporters
