// Internal to the store module: RDF files read statement by statement through raptor.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "store/store.h"

namespace diplograph::store {

// Calls `on_statement` with the statement's graph IRI ("" for a triple) for each statement of an
// N-Quads (.nq), N-Triples (.nt) or Turtle (.ttl) file. Throws Error naming file:line for a
// syntax error or an unknown extension, and rethrows what `on_statement` throws.
void read_rdf_file(const std::filesystem::path& path,
                   const std::function<void(std::string, Statement)>& on_statement);

}  // namespace diplograph::store
