#include "cli/batch_runner.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "ingest/ingest.h"

namespace diplograph::cli {

std::string ontology_dir(const CommonOptions& common) {
  if (!common.ontology.empty()) return common.ontology;
  if (const char* env = std::getenv("DIPLOGRAPH_ONTOLOGY"); env && *env) return env;
  return DIPLOGRAPH_ONTOLOGY_DIR;
}

std::unique_ptr<Pipeline> load_pipeline(const CommonOptions& common) {
  std::string error;
  auto pipeline = Pipeline::load(ontology_dir(common), error);
  if (!pipeline) std::fprintf(stderr, "diplograph: cannot load the ontology: %s\n", error.c_str());
  return pipeline;
}

namespace {

// A count on one stderr line, redrawn at most five times a second, only on a terminal.
class Progress {
 public:
  explicit Progress(bool quiet) : on_(!quiet && ::isatty(STDERR_FILENO)) {}
  ~Progress() {
    if (on_ && shown_) std::fprintf(stderr, "\r%zu dispatches\n", count_);
  }
  void tick() {
    ++count_;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\r%zu dispatches", count_);
  }

 private:
  bool on_;
  bool shown_ = false;
  std::size_t count_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs,
                      const std::function<bool(DispatchRecord&&)>& on_record) {
  BatchResult result;
  Progress progress(common.quiet);
  ingest::Options options;
  options.max_dispatch_bytes = common.max_dispatch_bytes;
  options.on_warning = [&](const ingest::IngestError& w) {
    if (!common.quiet) std::fprintf(stderr, "warning: %s\n", w.format().c_str());
  };
  const auto summary = ingest::read_inputs(
      inputs, options,
      [&](Dispatch&& d) {
        progress.tick();
        ++result.dispatches;
        return on_record(pipeline.process(d));
      },
      [&](const ingest::IngestError& e) {
        std::fprintf(stderr, "error: %s\n", e.format().c_str());
        return !common.strict;
      });
  result.input_errors = summary.errors;
  result.stopped = summary.stopped;
  return result;
}

}  // namespace diplograph::cli
