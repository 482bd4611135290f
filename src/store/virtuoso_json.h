// Internal to the store module: Virtuoso's answers in JSON ("define output:format 'JSON'"):
// SPARQL JSON results for SELECT and ASK, RDF/JSON for CONSTRUCT and DESCRIBE.
#pragma once

#include <string>

#include "store/store.h"

namespace diplograph::store {

// Throws Error when the text is not one of the two forms.
QueryResult parse_virtuoso_json(const std::string& json);

}  // namespace diplograph::store
