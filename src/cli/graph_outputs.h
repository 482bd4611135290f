// The output stage that build and merge share: assertion JSON Lines, the graph, and one
// exporter per format, all written atomically into OUTDIR once every record has been added.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "graph/graph.h"
#include "model/record.h"
#include "util/atomic_file.h"

namespace diplograph::cli {

class GraphOutputs {
 public:
  // `formats`: names from exporters::format_name, plus "jsonl" for assertions.jsonl.
  // Returns nullptr with `error` set for an unknown format or an OUTDIR that cannot be made.
  static std::unique_ptr<GraphOutputs> open(const std::string& outdir,
                                            const std::set<std::string>& formats,
                                            std::string& error);

  // The text each streamed output makes of a record: the assertion line, then each format's
  // part (empty for a format that writes only from the graph). Reads nothing but the record,
  // so build makes it on its worker threads.
  std::vector<std::string> render(const DispatchRecord& record) const;
  // Adds a record, with the texts render() made of it.
  bool add(const DispatchRecord& record, const std::vector<std::string>& texts);
  bool add(const DispatchRecord& record) { return add(record, render(record)); }
  // Writes the graph-level parts and renames every file into place; on failure no file of
  // this run replaces a previous one. With `threads` above 1, exporters that may finish on
  // any thread do so beside the others (the graph is only read).
  bool finish(std::size_t threads = 1);
  // Whether assertions.jsonl is among the outputs: the only one that shows actor mentions.
  bool writes_assertions() const { return jsonl_ != nullptr; }
  const std::string& error() const { return error_; }
  const graph::DiplomaticGraph& graph() const { return graph_; }
  std::vector<std::string> written() const;  // paths, for the summary

 private:
  GraphOutputs() = default;
  std::string outdir_;
  std::unique_ptr<AtomicFile> jsonl_;
  std::vector<std::pair<exporters::Format, std::unique_ptr<exporters::Exporter>>> exporters_;
  // Only the counts of each edge's assertions unless a format lists them: memory then grows
  // with the graph, not with the corpus.
  graph::DiplomaticGraph graph_{graph::Evidence::kCounts};
  std::string error_;
};

std::set<std::string> split_formats(const std::string& list);

}  // namespace diplograph::cli
