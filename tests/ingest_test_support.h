// Helpers for the ingest tests: a scratch directory and a run that collects everything.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace diplograph::ingest::testing {

namespace fs = std::filesystem;

inline const std::string kData = DG_TEST_DATA "/ingest";

// A fresh directory under the system temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("dg-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `name` (sub-directories created) and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Everything one read delivered.
struct Run {
  std::vector<Dispatch> dispatches;
  std::vector<IngestError> errors;
  std::vector<IngestError> warnings;
  Summary summary;

  const Dispatch* find(const std::string& id) const {
    for (const Dispatch& d : dispatches) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }
  std::string error_text() const {
    std::string all;
    for (const IngestError& e : errors) all += e.format() + "\n";
    return all;
  }
};

// Reads `inputs`; `keep_going` false makes the first error stop the read (--strict).
inline Run read_all(const std::vector<std::string>& inputs, Options options = {},
                    bool keep_going = true) {
  Run run;
  options.on_warning = [&run](const IngestError& e) { run.warnings.push_back(e); };
  run.summary = read_inputs(
      inputs, options,
      [&run](Dispatch&& d) {
        run.dispatches.push_back(std::move(d));
        return true;
      },
      [&run, keep_going](const IngestError& e) {
        run.errors.push_back(e);
        return keep_going;
      });
  return run;
}

inline Run read_text(const std::string& bytes, const std::string& name = "<stdin>") {
  Run run;
  std::istringstream in(bytes);
  Options options;
  options.on_warning = [&run](const IngestError& e) { run.warnings.push_back(e); };
  run.summary = read_stream(
      in, name, options,
      [&run](Dispatch&& d) {
        run.dispatches.push_back(std::move(d));
        return true;
      },
      [&run](const IngestError& e) {
        run.errors.push_back(e);
        return true;
      });
  return run;
}

inline std::string body(const Dispatch& d) {
  return d.text.substr(d.body_begin, d.body_end - d.body_begin);
}

}  // namespace diplograph::ingest::testing
