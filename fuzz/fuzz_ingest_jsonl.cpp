// JSON Lines ingest: the fuzz input (after two control bytes, see fuzz_support.h) read as a
// .jsonl file. Checks that every dispatch handed on is well formed and every error names the file.
#include "ingest_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return diplograph::fuzz::run_reader(data, size, diplograph::ingest::detail::read_json_lines,
                                      "fuzz.jsonl");
}
