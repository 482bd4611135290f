// JSON document ingest (an array of dispatch objects, or one object): the fuzz input (after two
// control bytes, see fuzz_support.h) read as a .json file through RapidJSON's SAX reader, which
// must refuse deep nesting without recursion.
#include "ingest_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return diplograph::fuzz::run_reader(data, size, diplograph::ingest::detail::read_json_document,
                                      "fuzz.json");
}
