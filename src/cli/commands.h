// Subcommands of the diplograph command line. Each returns the process exit status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace diplograph::cli {

// Exit statuses, documented in --help.
enum Exit : int {
  kOk = 0,
  kInputErrors = 1,  // some input was reported and skipped (the rest was processed)
  kUsage = 2,        // bad options
  kFailure = 3,      // nothing useful could be done: ontology, output or store failure
};

struct CommonOptions {
  std::string ontology;  // empty: DIPLOGRAPH_ONTOLOGY, else the built-in default
  bool quiet = false;
  bool strict = false;
  std::size_t threads = 0;  // 0: all cores
  std::size_t max_dispatch_bytes = 64u << 20;
  std::uint32_t max_sentence_tokens = 400;  // text::kMaxSentenceTokens
};

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string output;  // empty or "-": standard output
};

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string outdir = "out";
  std::string formats = "ttl,graphml,gexf,jsonl";
  std::string store;
  bool mpi = false;  // under mpirun: ranks share the files out, rank 0 writes (docs/SCALE-OUT.md)
};

struct MergeOptions {
  std::vector<std::string> parts;  // assertion JSON Lines written by extract
  std::string outdir = "out";
  std::string formats = "ttl,graphml,gexf,jsonl";
};

struct EvalOptions {
  std::string gold;
  std::vector<std::string> inputs;
  bool errors = false;
  bool json = false;
};

struct LoadOptions {
  std::string store = "sqlite:diplograph.sqlite";
  std::vector<std::string> files;
};

struct QueryOptions {
  std::string store = "sqlite:diplograph.sqlite";
  std::string query;
  std::string format = "table";
};

struct ExplainOptions {
  std::string source;  // a store URI or an OUTDIR of build
  std::string actor;
  std::string relation;
  std::string other;
};

struct StatsOptions {
  std::string outdir;  // an OUTDIR of build or merge, or its assertions.jsonl
  std::string store;   // or a store URI
  std::string by;      // "", month, year
  std::string format = "table";
};

struct RenderOptions {
  std::string outdir;  // an OUTDIR of build or merge, or its assertions.jsonl
  std::string output;  // FILE.svg or FILE.png
  std::string focus;
  int depth = 2;
  std::string since;
  std::string until;
};

struct ReportOptions {
  std::string outdir;
  std::string output;  // the HTML file
};

int run_extract(const CommonOptions& common, const ExtractOptions& options);
int run_load(const CommonOptions& common, const LoadOptions& options);
int run_query(const CommonOptions& common, const QueryOptions& options);
int run_explain(const CommonOptions& common, const ExplainOptions& options);
int run_build(const CommonOptions& common, const BuildOptions& options);
int run_merge(const CommonOptions& common, const MergeOptions& options);
int run_eval(const CommonOptions& common, const EvalOptions& options);
int run_stats(const CommonOptions& common, const StatsOptions& options);
int run_render(const CommonOptions& common, const RenderOptions& options);
int run_report(const CommonOptions& common, const ReportOptions& options);

}  // namespace diplograph::cli
