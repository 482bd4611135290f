// The assertion line reader (what `merge` reads from parts on disk): any bytes either parse into
// a record or give an error, without a crash or a deep recursion; and a record that parses writes
// a line that reads back into the same line (the map/reduce round trip is exact).
#include <string>

#include "fuzz_support.h"
#include "model/record_json.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace diplograph;
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  DispatchRecord record;
  ParseError error;
  if (!from_json_line(line, record, error)) {
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.column <= size + 1);
    return 0;
  }
  const std::string written = to_json_line(record);
  FUZZ_CHECK(utf8::validate(written));
  DispatchRecord back;
  FUZZ_CHECK(from_json_line(written, back, error));
  FUZZ_CHECK(to_json_line(back) == written);
  return 0;
}
