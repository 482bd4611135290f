// Reads inputs and runs the pipeline over them, handing records on in input order, with
// input errors reported on stderr and progress shown when stderr is a terminal.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

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

// A dispatch's result as the batch hands it on.
struct Extracted {
  DispatchRecord record;           // empty when the sink does not keep records
  std::vector<std::string> texts;  // what the sink's render step made of the record
};

// Where a batch's results go. `render` (optional) runs on the worker threads, in any order and
// concurrently, so it must only read the record; the text it makes (an assertion line, an
// export's part) is then all that is left to write on the calling thread.
struct BatchSink {
  std::function<std::vector<std::string>(const DispatchRecord&)> render;
  bool keep_records = true;  // false: the record is dropped once rendered
  std::function<bool(Extracted&&)> on_result;  // in input order; returning false stops
};

// Hands each dispatch's result to `sink`, in input order.
//
// With one worker everything runs on the calling thread. With more, the calling thread reads
// the inputs, reports input errors and calls `on_result`, while the workers run the pipeline
// and the render step on chunks of consecutive dispatches; a few chunks of at most 64 KB of
// text per worker are in flight, so memory does not grow with the input, and the results, and
// so the output, are the same for any number of workers. Results are handed on a chunk at a
// time.
BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs, const BatchSink& sink);

// The same for a sink that only takes records.
BatchResult run_batch(const CommonOptions& common, const Pipeline& pipeline,
                      const std::vector<std::string>& inputs,
                      const std::function<bool(DispatchRecord&&)>& on_record);

}  // namespace diplograph::cli
