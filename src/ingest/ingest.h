// Reading dispatch sets (DESIGN.md section 3): JSON Lines, JSON arrays, wire text files,
// directories (walked recursively, sorted), and "-" for standard input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/dispatch.h"

namespace diplograph::ingest {

struct IngestError {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when the error is about the whole file
  std::size_t column = 0;  // 1-based; 0 when unknown
  std::string message;
  std::string format() const;  // "file:line:column: message"
};

struct Options {
  std::size_t max_dispatch_bytes = 64u << 20;  // a larger dispatch is reported and skipped
};

// Called for each dispatch in input order. Return false to stop reading.
using DispatchSink = std::function<bool(Dispatch&&)>;
// Called for each problem; return false to stop reading (--strict).
using ErrorSink = std::function<bool(const IngestError&)>;

struct Summary {
  std::size_t dispatches = 0;  // delivered to the sink
  std::size_t errors = 0;      // reported to the error sink (skipped dispatches, bad files)
  bool stopped = false;        // a sink asked to stop
};

// Reads every input in order, streaming: a dispatch is handed over as soon as it is read.
// Ids are unique within the call: a duplicate is reported and the later dispatch skipped.
Summary read_inputs(const std::vector<std::string>& inputs, const Options& options,
                    const DispatchSink& on_dispatch, const ErrorSink& on_error);

// The pieces, exposed for tests and for callers with text in memory.

struct WireHeader {
  std::string date;      // ISO, from the " date YYYY-MM " field or the dateline
  std::string agency;
  std::string dateline;  // as written, without the trailing " - "
  std::size_t body_begin = 0;  // byte offset where the story starts
};
// Parses an optional " date YYYY-MM " field and a dateline such as "Moscou, 1 oct 2020 (AFP) - ",
// "ANKARA, Oct 1 (Reuters) -", "KYIV (AP) —" at the start of `text`. The dateline's day and
// month complete the date field's year when needed.
WireHeader parse_wire_header(std::string_view text);

// Byte offset of the end of the story: before a trailing agency sign-off ("sct/seb/fff",
// "(Reporting by ...; Editing by ...)") and trailing white space.
std::size_t body_end(std::string_view text);

// "fr" or "en" from function-word counts; "" when neither has evidence.
std::string detect_language(std::string_view text);

}  // namespace diplograph::ingest
