// build: extraction, the graph, and its exports, written atomically into OUTDIR.
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "cli/batch_runner.h"
#include "model/record_json.h"
#include "util/atomic_file.h"

namespace diplograph::cli {

namespace {

std::set<std::string> split_formats(const std::string& list) {
  std::set<std::string> out;
  std::stringstream ss(list);
  std::string f;
  while (std::getline(ss, f, ','))
    if (!f.empty()) out.insert(f);
  return out;
}

}  // namespace

int run_build(const CommonOptions& common, const BuildOptions& options) {
  if (!options.store.empty()) {
    std::fprintf(stderr, "diplograph: --store is not built yet (see issue: triple stores)\n");
    return kUsage;
  }
  const auto formats = split_formats(options.formats);
  for (const auto& f : formats) {
    if (f != "jsonl") {
      std::fprintf(stderr, "diplograph: format '%s' is not built yet; available: jsonl\n",
                   f.c_str());
      return kUsage;
    }
  }
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("samples/dispatches");
  const auto pipeline = load_pipeline(common);
  if (!pipeline) return kFailure;
  std::error_code ec;
  std::filesystem::create_directories(options.outdir, ec);
  if (ec) {
    std::fprintf(stderr, "diplograph: cannot create %s: %s\n", options.outdir.c_str(),
                 ec.message().c_str());
    return kFailure;
  }
  AtomicFile jsonl(options.outdir + "/assertions.jsonl");
  if (!jsonl.open()) {
    std::fprintf(stderr, "diplograph: %s\n", jsonl.error().c_str());
    return kFailure;
  }
  std::size_t relations = 0;
  bool write_failed = false;
  const auto result = run_batch(common, *pipeline, inputs, [&](DispatchRecord&& r) {
    relations += r.relations.size();
    write_failed = !jsonl.write(to_json_line(r)) || !jsonl.write("\n");
    return !write_failed;
  });
  if (write_failed || !jsonl.commit()) {
    std::fprintf(stderr, "diplograph: %s\n", jsonl.error().c_str());
    return kFailure;
  }
  if (!common.quiet)
    std::fprintf(stderr, "%zu dispatches, %zu relations\nwrote %s\n", result.dispatches,
                 relations, jsonl.path().c_str());
  return result.input_errors > 0 ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
