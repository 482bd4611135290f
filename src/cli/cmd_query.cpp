// query: one SPARQL query, given as text or as a .rq file, on a store.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "store/store.h"

// Until commands.h declares the store subcommands, this file builds to nothing, so that the
// binary builds while the two land separately.

namespace diplograph::cli {

namespace {

// A query that names an existing file is read from it; anything else is the query itself.
bool query_text(const std::string& arg, std::string& out) {
  std::error_code ec;
  if (!arg.ends_with(".rq") && !std::filesystem::is_regular_file(arg, ec)) {
    out = arg;
    return true;
  }
  std::ifstream in(arg, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "diplograph: %s: cannot read\n", arg.c_str());
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

}  // namespace

int run_query(const CommonOptions&, const QueryOptions& options) {
  const auto format = store::result_format_from_name(options.format);
  if (!format) {
    std::fprintf(stderr, "diplograph: unknown --format '%s'; known: table, csv, tsv, json\n",
                 options.format.c_str());
    return kUsage;
  }
  std::string sparql;
  if (!query_text(options.query, sparql)) return kUsage;
  if (const auto why = store::unsupported_sparql(sparql); !why.empty()) {
    std::fprintf(stderr, "diplograph: %s\n", why.c_str());
    return kUsage;
  }
  try {
    const auto source = store::Store::open(options.store);
    const auto text = store::format_results(source->query(sparql), *format);
    std::fwrite(text.data(), 1, text.size(), stdout);
  } catch (const store::Error& e) {
    std::fprintf(stderr, "diplograph: %s\n", e.what());
    return kFailure;
  }
  return std::fflush(stdout) == 0 ? kOk : kFailure;
}

}  // namespace diplograph::cli

