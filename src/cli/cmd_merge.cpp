// merge: the reduce step. Assertion JSON Lines written by `extract` (in any number of parts)
// become one graph and its exports, exactly as `build` would write them from the dispatches.
// The graph does not depend on the order of the parts; files that list dispatches (the
// assertions and the RDF event nodes) list them in the order the parts are given.
#include <cstdio>
#include <fstream>
#include <unordered_map>

#include "cli/batch_runner.h"
#include "cli/commands.h"
#include "cli/graph_outputs.h"
#include "model/record_json.h"

namespace diplograph::cli {

namespace {

// Where each dispatch id was first read ("path:line"): a dispatch given again, in the same
// part or another, is skipped as build skips a repeated id, so that it is not counted twice.
using SeenIds = std::unordered_map<std::string, std::string>;

// Reads one part; returns false when --strict says to stop.
bool read_part(const std::string& path, const CommonOptions& common, GraphOutputs& outputs,
               SeenIds& seen, std::size_t& records, std::size_t& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: %s: cannot read\n", path.c_str());
    ++errors;
    return !common.strict;
  }
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    DispatchRecord record;
    ParseError parse;
    if (!from_json_line(line, record, parse)) {
      std::fprintf(stderr, "error: %s:%zu:%zu: %s\n", path.c_str(), line_number, parse.column,
                   parse.message.c_str());
      ++errors;
      if (common.strict) return false;
      continue;
    }
    const auto [first, added] =
        seen.try_emplace(record.id, path + ":" + std::to_string(line_number));
    if (!added) {
      std::fprintf(stderr, "error: %s:%zu: duplicate id '%s', first seen at %s; skipped\n",
                   path.c_str(), line_number, record.id.c_str(), first->second.c_str());
      ++errors;
      if (common.strict) return false;
      continue;
    }
    if (!outputs.add(record)) return false;
    ++records;
  }
  return true;
}

}  // namespace

int run_merge(const CommonOptions& common, const MergeOptions& options) {
  std::string error;
  auto outputs = GraphOutputs::open(options.outdir, split_formats(options.formats), error);
  if (!outputs) {
    std::fprintf(stderr, "diplograph: %s\n", error.c_str());
    return error.starts_with("unknown format") ? kUsage : kFailure;
  }
  std::size_t records = 0;
  std::size_t errors = 0;
  SeenIds seen;
  for (const auto& part : options.parts)
    if (!read_part(part, common, *outputs, seen, records, errors)) break;
  if (!outputs->error().empty()) {
    std::fprintf(stderr, "diplograph: %s\n", outputs->error().c_str());
    return kFailure;
  }
  if (errors > 0 && (common.strict || records == 0)) {
    std::fprintf(stderr, "diplograph: %s; %s left unchanged\n",
                 common.strict ? "stopped at the first input error (--strict)" : "no record read",
                 options.outdir.c_str());
    return kInputErrors;
  }
  if (!outputs->finish(worker_count(common))) {
    std::fprintf(stderr, "diplograph: %s\n", outputs->error().c_str());
    return kFailure;
  }
  if (!common.quiet) {
    std::fprintf(stderr, "%zu records, %zu actors, %zu relations in the graph\n", records,
                 outputs->graph().num_actors(), outputs->graph().num_relations());
    for (const auto& path : outputs->written()) std::fprintf(stderr, "wrote %s\n", path.c_str());
  }
  return errors > 0 ? kInputErrors : kOk;
}

}  // namespace diplograph::cli
