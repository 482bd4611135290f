// eval: precision, recall and F1 against a gold file (shared/eval/GUIDELINES.md scoring).
#include <cstdio>

#include "cli/batch_runner.h"
#include "eval/eval.h"

namespace diplograph::cli {

int run_eval(const CommonOptions& common, const EvalOptions& options) {
  auto gold = eval::load_gold(options.gold);
  for (const auto& w : gold.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  if (!gold.ok()) {
    for (const auto& e : gold.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    return kFailure;
  }
  const auto pipeline = load_pipeline(common);
  if (!pipeline) return kFailure;
  std::vector<DispatchRecord> records;
  const auto result = run_batch(common, *pipeline, options.inputs, [&](DispatchRecord&& r) {
    records.push_back(std::move(r));
    return true;
  });
  const auto report = eval::score(records, gold.gold);
  if (options.json) {
    std::printf("%s\n", eval::to_json(report).c_str());
  } else {
    if (options.errors) std::printf("%s\n", eval::format_errors(report).c_str());
    std::printf("%s", eval::format_table(report).c_str());
  }
  return result.input_errors > 0 ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
