// explain: the edges touching an actor (a relation, a pair) with their weight, dates and the
// evidence sentences, from a store or from an OUTDIR written by build or merge.
#include <cstdio>

#include "cli/commands.h"
#include "store/store.h"

// Until commands.h declares the store subcommands, this file builds to nothing, so that the
// binary builds while the two land separately.

namespace diplograph::cli {

namespace {

bool is_store_uri(const std::string& s) {
  return s.starts_with("sqlite:") || s.starts_with("postgresql://") ||
         s.starts_with("postgres://") || s.starts_with("virtuoso://");
}

}  // namespace

int run_explain(const CommonOptions&, const ExplainOptions& options) {
  const store::ExplainRequest request{options.actor, options.relation, options.other};
  try {
    std::vector<store::ExplainedEdge> edges;
    if (is_store_uri(options.source)) {
      const auto source = store::Store::open(options.source);
      edges = store::explain(*source, request);
    } else {
      edges = store::explain(std::filesystem::path(options.source), request);
    }
    const auto text = store::format_explanation(edges);
    std::fwrite(text.data(), 1, text.size(), stdout);
  } catch (const store::Error& e) {
    std::fprintf(stderr, "diplograph: %s\n", e.what());
    return kFailure;
  }
  return std::fflush(stdout) == 0 ? kOk : kFailure;
}

}  // namespace diplograph::cli

