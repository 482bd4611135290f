// stats: degree and betweenness centrality, blocs, mediators per conflict and structural
// balance of a built graph, whole or per month or year, as a table, CSV or JSON on stdout.
// The graph is rebuilt from OUTDIR/assertions.jsonl, or from the events a store holds.
#include <cstdio>
#include <stdexcept>

#include "analysis/analysis.h"
#include "cli/commands.h"
#include "store/store.h"

namespace diplograph::cli {

int run_stats(const CommonOptions&, const StatsOptions& options) {
  if (options.outdir.empty() == options.store.empty()) {
    std::fprintf(stderr,
                 "diplograph stats: give an OUTDIR written by build or merge, or --store URI\n");
    return kUsage;
  }
  // Both names were checked by CLI11 (IsMember) before the callback runs.
  const auto by =
      options.by.empty() ? analysis::Period::All : analysis::period_from_name(options.by).value();
  const auto format = analysis::stats_format_from_name(options.format).value();
  analysis::PeriodGraphs periods(by);
  std::vector<std::string> errors;
  try {
    if (!options.store.empty()) {
      const auto source = store::Store::open(options.store);
      for (const auto& record : store::read_records(*source)) periods.add(record);
    } else {
      errors = analysis::read_records(analysis::assertions_file(options.outdir),
                                      [&](DispatchRecord&& r) { periods.add(r); });
    }
  } catch (const std::runtime_error& e) {  // unreadable OUTDIR, store::Error
    std::fprintf(stderr, "diplograph stats: %s\n", e.what());
    return kFailure;
  }
  for (const auto& error : errors) std::fprintf(stderr, "error: %s\n", error.c_str());
  const std::string out = analysis::format_stats(periods.stats(), by, format);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "diplograph stats: cannot write to standard output\n");
    return kFailure;
  }
  return errors.empty() ? kOk : kInputErrors;
}

}  // namespace diplograph::cli
