// Reads inputs and runs the pipeline over them, handing records on in input order, with
// input errors reported on stderr and progress shown when stderr is a terminal.
#pragma once

#include <functional>
#include <memory>

#include "cli/commands.h"
#include "model/record.h"
#include "pipeline/pipeline.h"

namespace diplograph::cli {

std::string ontology_dir(const CommonOptions& common);
std::unique_ptr<Pipeline> load_pipeline(const CommonOptions& common);

// CommonOptions::threads resolved: 0 means every core.
std::size_t worker_count(const CommonOptions& common);

struct BatchResult {
  std::size_t dispatches = 0;
  std::size_t input_errors = 0;
  bool stopped = false;  // --strict stopped at the first error, or the sink asked to stop
};

// Calls `on_record` for each dispatch's record, in input order. Returning false stops.
//
// With one worker everything runs on the calling thread. With more, the calling thread reads
// the inputs, reports input errors and calls `on_record`, while the workers run the pipeline
// on chunks of consecutive dispatches; a few chunks of at most 64 KB of text per worker are in
// flight, so memory does not grow with the input, and the records, and so the output, are the
// same for any number of workers. Records are handed on a chunk at a time.
BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs,
                      const std::function<bool(DispatchRecord&&)>& on_record);

}  // namespace diplograph::cli
