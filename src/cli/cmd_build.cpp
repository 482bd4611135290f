// build: extraction, the graph, and its exports, written atomically into OUTDIR.
#include <algorithm>
#include <cstdio>

#include <memory>

#include "cli/batch_runner.h"
#include "cli/graph_outputs.h"
#include "cli/mpi_build.h"
#include "store/store.h"

namespace diplograph::cli {

namespace {

void report(const CommonOptions& common, const GraphOutputs& outputs, std::size_t dispatches) {
  if (common.quiet) return;
  std::fprintf(stderr, "%zu dispatches, %zu actors, %zu relations in the graph\n", dispatches,
               outputs.graph().num_actors(), outputs.graph().num_relations());
  for (const auto& path : outputs.written()) std::fprintf(stderr, "wrote %s\n", path.c_str());
}

}  // namespace

static int build(const CommonOptions& common, const BuildOptions& options,
                 const RecordSource& source);

// --mpi: the same build, with the records of every MPI rank (mpi_build.h).
static int build_on_ranks(const CommonOptions& common, const BuildOptions& options) {
  if (std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end()) {
    std::fprintf(stderr, "diplograph: build --mpi reads files and directories, not stdin (-)\n");
    return kUsage;
  }
#ifdef DIPLOGRAPH_MPI
  return run_mpi_build(common, [&](const CommonOptions& rank_common, const RecordSource& source) {
    return build(rank_common, options, source);
  });
#else
  (void)common;
  std::fprintf(stderr, "diplograph: --mpi: this diplograph was built without MPI (CMake option "
                       "DIPLOGRAPH_MPI; needs Boost.MPI: Debian libboost-mpi-dev)\n");
  return kUsage;
#endif
}

int run_build(const CommonOptions& common, const BuildOptions& options) {
  try {
    if (options.mpi) return build_on_ranks(common, options);
    return build(common, options,
                 [&](const Pipeline& pipeline, const std::vector<std::string>& inputs,
                     const BatchSink& sink) { return run_batch(common, pipeline, inputs, sink); });
  } catch (const store::Error& e) {
    std::fprintf(stderr, "diplograph: %s\n", e.what());
    return kFailure;
  }
}

static int build(const CommonOptions& common, const BuildOptions& options,
                 const RecordSource& source) {
  std::unique_ptr<store::Store> target;
  std::unique_ptr<store::Loader> loader;
  if (!options.store.empty()) {
    target = store::Store::open(options.store);
    loader = std::make_unique<store::Loader>(*target);
  }
  std::string error;
  auto outputs = GraphOutputs::open(options.outdir, split_formats(options.formats), error);
  if (!outputs) {
    std::fprintf(stderr, "diplograph: %s\n", error.c_str());
    return error.starts_with("unknown format") ? kUsage : kFailure;
  }
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("samples/dispatches");
  const auto pipeline = load_pipeline(common);
  if (!pipeline) return kFailure;
  pipeline->set_record_mentions(outputs->writes_assertions());
  // The assertion lines and the streamed exports are made on the worker threads.
  BatchSink sink;
  sink.render = [&](const DispatchRecord& r) { return outputs->render(r); };
  sink.on_result = [&](Extracted&& e) {
    if (!outputs->add(e.record, e.texts)) return false;
    if (loader) loader->add(e.record);
    return true;
  };
  const auto result = source(*pipeline, inputs, sink);
  if (!outputs->error().empty()) {
    std::fprintf(stderr, "diplograph: %s\n", outputs->error().c_str());
    return kFailure;
  }
  // --strict stopped at an error, or errors left no dispatch at all: the outputs would be
  // partial or empty, so the previous ones stay.
  if (result.input_errors > 0 && (common.strict || result.dispatches == 0)) {
    std::fprintf(stderr, "diplograph: %s; %s left unchanged\n",
                 common.strict ? "stopped at the first input error (--strict)" : "no dispatch read",
                 options.outdir.c_str());
    return kInputErrors;
  }
  if (!outputs->finish(worker_count(common))) {
    std::fprintf(stderr, "diplograph: %s\n", outputs->error().c_str());
    return kFailure;
  }
  if (loader) {
    loader->add(outputs->graph());
    loader->finish();
  }
  report(common, *outputs, result.dispatches);
  return result.input_errors > 0 ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
