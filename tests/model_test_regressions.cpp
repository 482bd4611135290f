// Regressions found by fuzzing the assertion line (fuzz/fuzz_record_json.cpp), issue 8. Each
// case is the smallest form of a crashing or misread input; the fuzz artifact it came from is
// named in docs/RELIABILITY.md.
#include <catch2/catch.hpp>
#include <string>

#include "model/record_json.h"
#include "util/utf8.h"

using namespace diplograph;

namespace {

DispatchRecord one_relation(double confidence) {
  Assertion a;
  a.type = "supports";
  a.source.id = "state/TUR";
  a.target.id = "state/AZE";
  a.confidence = confidence;
  DispatchRecord r;
  r.id = "d";
  r.relations.push_back(a);
  return r;
}

std::string relation_line(const std::string& confidence) {
  return R"({"id":"d","relations":[{"type":"supports","source":{"id":"state/TUR"},)"
         R"("target":{"id":"state/AZE"},"confidence":)" +
         confidence + "}]}";
}

std::string error_of(const std::string& line) {
  DispatchRecord r;
  ParseError e;
  return from_json_line(line, r, e) ? "" : e.message;
}

}  // namespace

// A confidence of 1e300 overflowed the 32-byte buffer of std::to_chars, and the line got 32
// bytes of whatever the stack held as its number: invalid JSON (and invalid UTF-8) in
// assertions.jsonl.
TEST_CASE("regression: a huge confidence is written as a JSON number", "[record_json][regression]") {
  for (const double c : {1e300, -1e300, 1.7976931348623157e308, 123456789012345678.0}) {
    const std::string line = to_json_line(one_relation(c));
    CHECK(utf8::validate(line));
    DispatchRecord back;
    ParseError e;
    // The reader refuses it as a confidence, but the line itself is well-formed JSON.
    CHECK_FALSE(from_json_line(line, back, e));
    CHECK(e.message == "relations[0].confidence: expected a number from 0 to 1");
  }
}

// RapidJSON 1.1.0's full-precision number parser read "0e300" as -1.88e110 (undefined
// behaviour: __builtin_clzll(0)); merge then wrote that into every export.
TEST_CASE("regression: zero with a large exponent reads as zero", "[record_json][regression]") {
  for (const std::string zero : {"0e300", "0e-300", "0E+99", "-0e300", "0.000e10"}) {
    DispatchRecord r;
    ParseError e;
    INFO(zero);
    REQUIRE(from_json_line(relation_line(zero), r, e));
    CHECK(r.relations[0].confidence == 0.0);
  }
  // Past RapidJSON's exponent range: refused as a syntax error, never misread.
  CHECK(error_of(relation_line("0.0e400")) == "Number too big to be stored in double.");
}

// A confidence outside [0, 1] is refused: 1e300 read back through the normal-precision parser
// came out as a different number, so merge's output depended on how often a line went round.
TEST_CASE("regression: a confidence outside 0..1 is an error", "[record_json][regression]") {
  CHECK(error_of(relation_line("1.5")) == "relations[0].confidence: expected a number from 0 to 1");
  CHECK(error_of(relation_line("-0.01")) ==
        "relations[0].confidence: expected a number from 0 to 1");
  CHECK(error_of(relation_line("1e300")) ==
        "relations[0].confidence: expected a number from 0 to 1");
  CHECK(error_of(relation_line("1")) == "");
  CHECK(error_of(relation_line("0")) == "");
}

// The DOM parser recursed once per level: a line of a million '[' crashed `merge` with a stack
// overflow (SIGSEGV).
TEST_CASE("regression: deeply nested JSON is refused without recursion", "[record_json][regression]") {
  const std::size_t depth = 1000000;
  const std::string deep = R"({"id":"d","x":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
  DispatchRecord r;
  ParseError e;
  REQUIRE_FALSE(from_json_line(deep, r, e));
  CHECK(e.message == "JSON nested deeper than 64 levels");
  CHECK(e.column == 15 + 63);  // the bracket that opens level 65
  // Unclosed, and brackets inside strings do not count.
  CHECK(error_of(R"({"id":"d","x":)" + std::string(depth, '{')) ==
        "JSON nested deeper than 64 levels");
  CHECK(error_of(R"({"id":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})") == "");
  // 64 levels are still read.
  const std::string ok = R"({"id":"d","x":)" + std::string(63, '[') + std::string(63, ']') + "}";
  CHECK(error_of(ok) == "");
}

// Every fuzz-found line reads back into the line it was written from.
TEST_CASE("regression: extreme integers round-trip", "[record_json][regression]") {
  const std::string line =
      R"({"id":"d","relations":[{"type":"x","source":{"id":"a"},"target":{"id":"b"},)"
      R"("confidence":0.5,"sentence":-2147483648,"span":[0,4294967295]}]})";
  DispatchRecord r;
  ParseError e;
  REQUIRE(from_json_line(line, r, e));
  const std::string written = to_json_line(r);
  DispatchRecord back;
  REQUIRE(from_json_line(written, back, e));
  CHECK(back == r);
  CHECK(to_json_line(back) == written);
}
