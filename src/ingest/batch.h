// Internal to the ingest module: the state of one read_inputs call (options, sinks, ids seen,
// summary) and the format readers that feed it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/input.h"

namespace diplograph::ingest::detail {

class Batch {
 public:
  Batch(const Options& options, const DispatchSink& on_dispatch, const ErrorSink& on_error);

  // Reports a problem; false when the error sink asked to stop.
  bool error(const std::string& file, std::size_t line, std::size_t column, std::string message);
  void warning(const std::string& file, std::size_t line, std::string message);
  // Checks the size and the id, completes header fields and language, and hands the dispatch
  // to the sink. False when a sink asked to stop.
  bool accept(Dispatch&& dispatch);

  bool stopped() const { return summary_.stopped; }
  // The option, capped so that body offsets fit the 32-bit fields of Dispatch.
  std::size_t max_dispatch_bytes() const;
  const Summary& summary() const { return summary_; }

 private:
  struct Origin {
    std::uint32_t file = 0;  // index in files_
    std::size_t line = 0;
  };
  bool check_unique(const Dispatch& dispatch);

  const Options& options_;
  const DispatchSink& on_dispatch_;
  const ErrorSink& on_error_;
  Summary summary_;
  std::vector<std::string> files_;  // interned, so that a million ids share their file name
  std::unordered_map<std::string, Origin> first_seen_;
};

// True for bytes that are not text: a NUL, or more than a few control characters.
bool looks_binary(std::string_view bytes);

// The format readers. Each reads `input` to its end, or until the batch stops, and reports
// problems in what it read; a failed read of `input` itself is reported by the caller.
void read_json_lines(Input& input, const std::string& file, Batch& batch);
void read_json_document(Input& input, const std::string& file, Batch& batch);
void read_wire_text(Input& input, const std::string& file, Batch& batch);

}  // namespace diplograph::ingest::detail
