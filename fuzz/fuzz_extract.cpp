// Extraction of one dispatch: the fuzz input becomes a dispatch as ingest makes one (UTF-8 kept,
// anything else decoded as Latin-1; wire header, body and language completed), then runs through
// Pipeline::process with the real ontology, loaded once from $DG_ONTOLOGY_DIR (default: the
// source tree's ontology/). Checks the output contract of DESIGN.md section 6: every span lies in
// the text and every mention's text is exactly the characters of its span; the assertion line
// reads back and writes the same.
//
// Byte 0 picks the metadata: low two bits the language given (none, fr, en, "de"), bit 2 a
// date given ("2010-06-15") or none.
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_support.h"
#include "ingest/ingest.h"
#include "model/record_json.h"
#include "pipeline/pipeline.h"
#include "util/utf8.h"

namespace {

using namespace diplograph;

const Pipeline* pipeline = nullptr;

// The code point offsets of every character boundary: chars[k] is the byte offset of char k.
std::vector<std::size_t> char_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

std::string_view chars(std::string_view text, const std::vector<std::size_t>& starts,
                       CharSpan span) {
  return text.substr(starts[span.begin], starts[span.end] - starts[span.begin]);
}

void check_actor(const ActorRef& a) {
  FUZZ_CHECK(!a.id.empty());
  FUZZ_CHECK(utf8::validate(a.id) && utf8::validate(a.label));
}

void check_record(const Dispatch& d, const DispatchRecord& r) {
  const auto starts = char_starts(d.text);
  const std::size_t n = starts.size() - 1;
  for (const auto& am : r.actors) {
    check_actor(am.actor);
    for (const auto& m : am.mentions) {
      FUZZ_CHECK(m.span.begin <= m.span.end && m.span.end <= n);
      FUZZ_CHECK(chars(d.text, starts, m.span) == m.text);
    }
  }
  for (const auto& a : r.relations) {
    check_actor(a.source);
    check_actor(a.target);
    FUZZ_CHECK(!a.type.empty());
    FUZZ_CHECK(a.sentence >= 0);
    FUZZ_CHECK(a.span.begin <= a.span.end && a.span.end <= n);
    FUZZ_CHECK(a.confidence >= 0.0 && a.confidence <= 1.0);
    FUZZ_CHECK(utf8::validate(a.evidence) && utf8::validate(a.trigger));
  }
  // The map step's line is what merge reads back: it must parse and write the same again.
  const std::string line = to_json_line(r);
  DispatchRecord back;
  ParseError error;
  FUZZ_CHECK(from_json_line(line, back, error));
  FUZZ_CHECK(to_json_line(back) == line);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* env = std::getenv("DG_ONTOLOGY_DIR");
  const std::string dir = env && *env ? env : DG_FUZZ_ONTOLOGY_DIR;
  std::string error;
  static std::unique_ptr<Pipeline> loaded = Pipeline::load(dir, error);
  if (!loaded) {
    std::fprintf(stderr, "fuzz_extract: cannot load the ontology from %s: %s\n", dir.c_str(),
                 error.c_str());
    std::exit(1);
  }
  pipeline = loaded.get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr const char* kLangs[] = {"", "fr", "en", "de"};
  Dispatch d;
  d.id = "fuzz";
  d.file = "fuzz.txt";
  d.lang = kLangs[data[0] & 3];
  if (data[0] & 4) d.date = "2010-06-15";
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  d.text = utf8::validate(bytes) ? std::string(bytes) : utf8::from_latin1(bytes);
  ingest::complete_dispatch(d);
  const DispatchRecord r = pipeline->process(d);
  FUZZ_CHECK(r.id == d.id);
  check_record(d, r);
  return 0;
}
