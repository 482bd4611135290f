// The assertion JSON Lines format (DESIGN.md section 6): writing and reading one line.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace diplograph {

// One JSON object, no trailing newline. Output is deterministic for a given record.
std::string to_json_line(const DispatchRecord& record);

struct ParseError {
  std::size_t column = 0;  // 1-based byte column in the line, 0 when unknown
  std::string message;
};

// Reads one line written by to_json_line (or by an outside tool following the contract).
// Returns false and fills `error` when the line is not a valid record.
bool from_json_line(std::string_view line, DispatchRecord& record, ParseError& error);

}  // namespace diplograph
