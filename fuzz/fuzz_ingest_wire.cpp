// Wire text ingest: the fuzz input (after two control bytes, see fuzz_support.h) read as a .txt
// dispatch (UTF-8 or Windows-1252), then its header and sign-off parsed directly too.
#include "ingest/ingest.h"
#include "ingest_harness.h"

namespace {

void check_header(std::string_view text) {
  using namespace diplograph::ingest;
  const WireHeader header = parse_wire_header(text);
  FUZZ_CHECK(header.body_begin <= text.size());
  FUZZ_CHECK(header.date.empty() || header.date.size() == 7 || header.date.size() == 10);
  FUZZ_CHECK(header.dateline.size() <= text.size());
  FUZZ_CHECK(body_end(text) <= text.size());
  const std::string lang = detect_language(text);
  FUZZ_CHECK(lang.empty() || lang == "fr" || lang == "en");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diplograph::fuzz::run_reader(data, size, diplograph::ingest::detail::read_wire_text,
                               "fuzz.txt");
  if (size >= 2) check_header(std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2));
  return 0;
}
