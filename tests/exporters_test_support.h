// Helpers for the exporter tests: temporary output directories, running the independent readers
// (with fixed commands over test-made paths only), and writing every export of a record set.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "exporters/rdf_model.h"
#include "graph/graph.h"
#include "graph_test_records.h"
#include "model/record_json.h"

namespace diplograph::test {

namespace fs = std::filesystem;

class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("dg-exporters-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& file) const { return path_ / file; }

 private:
  fs::path path_;
};

// A path for a shell command: single-quoted, which is safe because the test made the path.
inline std::string shell_quoted(const fs::path& p) {
  const std::string s = p.string();
  REQUIRE(s.find('\'') == std::string::npos);
  return "'" + s + "'";
}

struct Run {
  int status = -1;     // the exit code, or -1 when the command did not exit normally
  std::string output;  // stdout and stderr together
};

inline Run run(const std::string& command) {
  Run r;
  std::FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.output.append(buf, n);
  const int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline bool have_tool(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null").status == 0;
}

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::vector<DispatchRecord> all_records() {
  auto records = seed_records();
  const auto stress = stress_records();
  records.insert(records.end(), stress.begin(), stress.end());
  return records;
}

inline graph::DiplomaticGraph build_graph(const std::vector<DispatchRecord>& records) {
  graph::DiplomaticGraph g;
  for (const auto& r : records) g.add(r);
  return g;
}

inline void write_exports(const std::vector<DispatchRecord>& records, const fs::path& dir) {
  const auto status =
      exporters::export_all(exporters::all_formats(), dir, records, build_graph(records));
  INFO(status.message());
  REQUIRE(status.ok());
}

// How many statements the RDF exports of `records` hold, counted from the model itself.
inline std::size_t count_statements(const std::vector<DispatchRecord>& records) {
  struct Counter : exporters::StatementSink {
    std::size_t n = 0;
    void statement(const exporters::Term&, const exporters::Term&,
                   const exporters::Term&) override {
      ++n;
    }
  } counter;
  for (const auto& r : records) exporters::dispatch_statements(r, counter);
  exporters::graph_statements(build_graph(records), counter);
  return counter.n;
}

inline std::string consumers_dir() { return DG_ONTOLOGY_DIR "/../tests/consumers"; }

inline const char* kSeedDispatch = DG_SHARED_DIR "/seed/000_de60a2d10fb60d0c.txt";

// The samples and the seed dispatch as the built `diplograph extract` reads them: the real
// assertion stream, through its contract JSON Lines. Empty, with a warning, when the binary
// (built beside this test's directory) is missing.
inline const std::vector<DispatchRecord>& sample_records() {
  static const std::vector<DispatchRecord> records = [] {
    std::vector<DispatchRecord> out;
    const fs::path binary =
        fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "diplograph";
    if (!fs::exists(binary)) {
      WARN("SKIPPED: no " << binary << " to extract the samples with; build the diplograph target");
      return out;
    }
    const TempDir dir("samples");
    const auto r =
        run(shell_quoted(binary) + " extract -q --ontology " + shell_quoted(DG_ONTOLOGY_DIR) +
            " -o " + shell_quoted(dir / "samples.jsonl") + " " +
            shell_quoted(DG_SAMPLES_DIR "/dispatches") + " " + shell_quoted(kSeedDispatch));
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::istringstream lines(read_file(dir / "samples.jsonl"));
    for (std::string line; std::getline(lines, line);) {
      ParseError error;
      out.emplace_back();
      INFO(line.substr(0, 200) << ": " << error.message);
      REQUIRE(from_json_line(line, out.back(), error));
    }
    return out;
  }();
  return records;
}

}  // namespace diplograph::test
