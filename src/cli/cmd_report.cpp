// report: one self-contained HTML page about a built graph: its picture, the statistics of
// `stats`, per-relation tables and every edge's evidence sentences. Rebuilt from
// OUTDIR/assertions.jsonl, which holds the sentences.
#include <cstdio>
#include <stdexcept>

#include "analysis/analysis.h"
#include "cli/commands.h"
#include "util/atomic_file.h"

namespace diplograph::cli {

int run_report(const CommonOptions& common, const ReportOptions& o) {
  std::vector<DispatchRecord> records;
  std::vector<std::string> errors;
  std::string html;
  const auto input = analysis::assertions_file(o.outdir);
  try {
    errors =
        analysis::read_records(input, [&](DispatchRecord&& r) { records.push_back(std::move(r)); });
    for (const auto& error : errors) std::fprintf(stderr, "error: %s\n", error.c_str());
    html = analysis::report_html(records, input.string());
  } catch (const std::runtime_error& e) {  // unreadable input, Graphviz failure
    std::fprintf(stderr, "diplograph report: %s\n", e.what());
    return kFailure;
  }
  std::string error;
  if (!write_file_atomically(o.output, html, error)) {
    std::fprintf(stderr, "diplograph: %s\n", error.c_str());
    return kFailure;
  }
  if (!common.quiet)
    std::fprintf(stderr, "%zu dispatches; wrote %s\n", records.size(), o.output.c_str());
  return errors.empty() ? kOk : kInputErrors;
}

}  // namespace diplograph::cli
