// extract: the streaming map step. One assertion line per dispatch, in input order.
#include <cstdio>

#include "cli/batch_runner.h"
#include "model/record_json.h"
#include "util/atomic_file.h"

namespace diplograph::cli {

int run_extract(const CommonOptions& common, const ExtractOptions& options) {
  const auto pipeline = load_pipeline(common);
  if (!pipeline) return kFailure;
  const bool to_stdout = options.output.empty() || options.output == "-";
  AtomicFile file(options.output);
  if (!to_stdout && !file.open()) {
    std::fprintf(stderr, "diplograph: %s\n", file.error().c_str());
    return kFailure;
  }
  std::FILE* out = to_stdout ? stdout : file.stream();
  bool write_failed = false;
  // The lines are made on the worker threads; this thread only writes them.
  BatchSink sink;
  sink.render = [](const DispatchRecord& r) {
    std::vector<std::string> lines;  // a braced list would copy the line
    lines.push_back(to_json_line(r));
    return lines;
  };
  sink.keep_records = false;
  sink.on_result = [&](Extracted&& e) {
    const std::string& line = e.texts.front();
    write_failed = std::fwrite(line.data(), 1, line.size(), out) != line.size() ||
                   std::fputc('\n', out) == EOF;
    return !write_failed;
  };
  const auto result = run_batch(common, *pipeline, options.inputs, sink);
  if (write_failed || (to_stdout && std::fflush(stdout) != 0)) {
    std::fprintf(stderr, "diplograph: cannot write the assertions\n");
    return kFailure;
  }
  // --strict stopped at an error, or errors left no dispatch at all: the output would be partial
  // or empty, so the target is left as it was. (Standard output cannot be taken back.)
  if (!to_stdout && result.input_errors > 0 && (common.strict || result.dispatches == 0)) {
    std::fprintf(stderr, "diplograph: %s; %s left unchanged\n",
                 common.strict ? "stopped at the first input error (--strict)" : "no dispatch read",
                 options.output.c_str());
    return kInputErrors;
  }
  if (!to_stdout && !file.commit()) {
    std::fprintf(stderr, "diplograph: %s\n", file.error().c_str());
    return kFailure;
  }
  return result.input_errors > 0 ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
