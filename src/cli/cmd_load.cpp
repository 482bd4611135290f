// load: RDF files (N-Quads, N-Triples, Turtle) or assertion JSON Lines into a triple store.
// Each dispatch's graph is replaced, the aggregate graph merged into (docs/STORES.md).
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "store/store.h"

// Until commands.h declares the store subcommands, this file builds to nothing, so that the
// binary builds while the two land separately.

namespace diplograph::cli {

int run_load(const CommonOptions& common, const LoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  try {
    const auto target = store::Store::open(options.store);
    store::Loader loader(*target);
    for (const auto& file : options.files) {
      loader.load_file(file);
      if (!common.quiet)
        std::fprintf(stderr, "read %s (%zu statements so far)\n", file.c_str(),
                     loader.stats().statements);
    }
    loader.finish();
    if (!common.quiet) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const auto& s = loader.stats();
      std::fprintf(stderr,
                   "loaded %zu statements (%zu dispatch graphs) into %s in %zu transactions, "
                   "%.1f s, %.0f statements/s; the store holds %zu statements\n",
                   s.statements, s.dispatch_graphs, target->name().c_str(), s.transactions,
                   seconds, seconds > 0 ? s.statements / seconds : 0.0, target->size());
    }
  } catch (const store::Error& e) {
    std::fprintf(stderr, "diplograph: %s\n", e.what());
    return kFailure;
  }
  return kOk;
}

}  // namespace diplograph::cli

