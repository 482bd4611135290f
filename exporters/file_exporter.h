// The frame every format shares: its files are AtomicFiles opened at construction, the first
// error sticks, exceptions stop at the API, and finish() renames the files only when all went
// well. A format overrides write_record() (if it streams) and write_graph().
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "util/atomic_file.h"

namespace diplograph::exporters {

class FileExporter : public Exporter {
 public:
  Status add(const DispatchRecord& record) final;
  Status add_rendered(std::string_view text) final;
  Status finish(const graph::DiplomaticGraph& graph) final;

 protected:
  FileExporter(const std::filesystem::path& outdir, const std::vector<std::string>& names);
  // The derived constructor skips its own setup when opening failed.
  bool opened() const { return status_.ok(); }
  AtomicFile& file() { return *files_.front(); }
  std::vector<AtomicFile*> files() const;
  // The first file's error, or "what <path>" when a library failed without setting one.
  Status file_error(const std::string& what) const;

  virtual Status write_record(const DispatchRecord&) { return {}; }
  // Only for a format whose renders() is true.
  virtual Status write_rendered(std::string_view) { return Status::error("no rendered records"); }
  virtual Status write_graph(const graph::DiplomaticGraph& graph) = 0;

 private:
  std::vector<std::unique_ptr<AtomicFile>> files_;
  Status status_;
  bool finished_ = false;
};

std::unique_ptr<Exporter> make_rdf_exporter(Format format, const std::filesystem::path& outdir);
// Turtle, N-Triples and N-Quads, streamed by our own writer.
std::unique_ptr<Exporter> make_rdf_text_exporter(Format format,
                                                 const std::filesystem::path& outdir);

// The formats with nothing to stream write everything from the graph at finish(): a function
// per format, given the open files of output_files(format) in order; false when a write failed.
using GraphWriter = bool (*)(const graph::DiplomaticGraph& graph,
                             const std::vector<AtomicFile*>& files);
bool write_graphml(const graph::DiplomaticGraph& graph, const std::vector<AtomicFile*>& files);
bool write_gexf(const graph::DiplomaticGraph& graph, const std::vector<AtomicFile*>& files);
bool write_json(const graph::DiplomaticGraph& graph, const std::vector<AtomicFile*>& files);
bool write_csv(const graph::DiplomaticGraph& graph, const std::vector<AtomicFile*>& files);
bool write_dot(const graph::DiplomaticGraph& graph, const std::vector<AtomicFile*>& files);

}  // namespace diplograph::exporters
