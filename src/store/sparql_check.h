// Internal to the store module: what the lexer of sparql_check.cpp tells about a query.
#pragma once

#include <string>
#include <string_view>

namespace diplograph::store {

// The query form in upper case: SELECT, ASK, CONSTRUCT or DESCRIBE ("" when none is found).
std::string sparql_form(std::string_view query);

}  // namespace diplograph::store
