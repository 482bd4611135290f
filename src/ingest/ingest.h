// Reading dispatch sets (DESIGN.md section 3): JSON Lines, JSON arrays, wire text files,
// directories (walked recursively, sorted), and "-" for standard input.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
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
  // "file:line:column: message", control characters in file and message shown as \xNN.
  std::string format() const;
};

struct Options {
  std::size_t max_dispatch_bytes = 64u << 20;  // a larger dispatch is reported and skipped
  // Called for a problem that does not cost a dispatch (a text file decoded as Latin-1); may
  // be empty.
  std::function<void(const IngestError&)> on_warning;
};

// Called for each dispatch in input order. Return false to stop reading.
using DispatchSink = std::function<bool(Dispatch&&)>;
// Called for each problem; return false to stop reading (--strict).
using ErrorSink = std::function<bool(const IngestError&)>;

struct Summary {
  std::size_t dispatches = 0;  // delivered to the sink
  std::size_t errors = 0;      // reported to the error sink (skipped dispatches, bad files)
  std::size_t warnings = 0;    // reported to Options::on_warning
  bool stopped = false;        // a sink asked to stop
};

// Reads every input in order, streaming: a dispatch is handed over as soon as it is read.
// Ids are unique within the call: a duplicate is reported and the later dispatch skipped.
Summary read_inputs(const std::vector<std::string>& inputs, const Options& options,
                    const DispatchSink& on_dispatch, const ErrorSink& on_error);

// Reads one stream as read_inputs reads "-": the format is sniffed from the first byte that is
// not white space ('{' JSON Lines, '[' a JSON array, anything else one wire text dispatch).
// `name` stands for the file in ids and messages. Ids are unique within the call.
Summary read_stream(std::istream& in, const std::string& name, const Options& options,
                    const DispatchSink& on_dispatch, const ErrorSink& on_error);

// The files read_inputs reads for `inputs`, in its order: a directory becomes the files under
// it, as read_inputs walks it; other inputs ("-" too) stay as given. Problems listing a
// directory go to `on_error`. For callers that share the files out (build --mpi).
std::vector<std::string> list_files(const std::vector<std::string>& inputs,
                                    const ErrorSink& on_error);

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

// What read_inputs does to every dispatch it reads, for callers that build one in memory:
// date, agency and dateline from the wire header where the metadata has none, the body range,
// `lang` normalised ("FR" -> "fr") or detected on the body.
void complete_dispatch(Dispatch& dispatch);

}  // namespace diplograph::ingest
