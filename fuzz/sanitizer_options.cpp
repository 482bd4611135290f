// Linked into every fuzz target, so that a crash artifact reproduces with no environment set.
// - UndefinedBehaviorSanitizer stops at its first report (as -fno-sanitize-recover does for the
//   other checks), except what ubsan.supp lists.
// - LeakSanitizer ignores what raptor leaks in fuzz_writers' independent reader of graph.nq:
//   raptor 2.0.15's N-Quads parser leaks the graph IRI of the quads it reads, and the world's
//   own IRIs that they hold. raptor is built without frame pointers, so the fast unwinder stops
//   at the allocating function and the suppression must name it: leaked raptor URIs are hidden,
//   a leaked term, statement or serializer of the exporters is still reported. bench/fuzz.sh
//   replays the writers' corpus with the slow unwinder and DG_FUZZ_PRECISE_LEAKS=1, which
//   suppresses only what is allocated under the reader (check_rdf), so leaks of the exporters'
//   URIs are caught there.
#include <cstdlib>

extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1:suppressions=" DG_FUZZ_UBSAN_SUPPRESSIONS;
}

extern "C" const char* __lsan_default_suppressions() {
  if (std::getenv("DG_FUZZ_PRECISE_LEAKS")) return "leak:check_rdf\n";
  return "leak:raptor_new_uri_from_counted_string\n";
}
