// Regressions and hostile inputs of issue 8 for ingest (tests/cli/hostile_*.sh cover the same at
// the command line; docs/RELIABILITY.md lists them all).
#include <catch2/catch.hpp>
#include <string>

#include "ingest_test_support.h"

using namespace diplograph;
using namespace diplograph::ingest;
using namespace diplograph::ingest::testing;

// A dispatch id (or a file name) holding a newline or a terminal escape sequence was printed
// raw in "duplicate id" and size messages: it could forge stderr lines or drive the terminal.
TEST_CASE("regression: control characters in messages are escaped", "[ingest][regression]") {
  const Run run = read_text(
      "{\"id\":\"a\\nerror: forged\\u001b[2J\",\"text\":\"one\"}\n"
      "{\"id\":\"a\\nerror: forged\\u001b[2J\",\"text\":\"two\"}\n",
      "in\x01put.jsonl");
  REQUIRE(run.errors.size() == 1);
  const std::string message = run.errors[0].format();
  CHECK(message ==
        "in\\x01put.jsonl:2: duplicate id 'a\\x0aerror: forged\\x1b[2J', first seen at "
        "in\\x01put.jsonl:1; skipped");
  for (const char c : message) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F));
}

TEST_CASE("hostile: deep nesting is refused without recursion", "[ingest][hostile]") {
  const std::string deep(1000000, '[');
  const Run array = read_text(deep, "deep.json");
  // "[0]: expected a JSON object, found an array", then the depth that stops the read.
  REQUIRE(array.errors.size() == 2);
  CHECK(array.errors[1].message == "JSON nested deeper than 64 levels");
  CHECK(array.errors[1].line == 1);
  CHECK(array.errors[1].column == 65);

  TempDir dir;
  const std::string lines = dir.write(
      "deep.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"x\":" + deep + "\n" +
                        "{\"id\":\"c\",\"text\":\"y\"}\n");
  const Run run = read_all({lines});
  CHECK(run.dispatches.size() == 2);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].line == 2);
  CHECK(run.errors[0].message == "JSON nested deeper than 64 levels");
}

TEST_CASE("hostile: every kind of invalid UTF-8 is an error with its column",
          "[ingest][hostile]") {
  for (const std::string bad : {"\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xed\xa0\x80",
                                "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\x80", "\xe2\x82"}) {
    TempDir dir;
    const std::string file =
        dir.write("bad.jsonl", "{\"id\":\"ok\",\"text\":\"y\"}\n{\"id\":\"b\",\"text\":\"x" + bad +
                                   "\"}\n");
    const Run run = read_all({file});
    CHECK(run.dispatches.size() == 1);
    REQUIRE(run.errors.size() == 1);
    CHECK(run.errors[0].line == 2);
    CHECK(run.errors[0].column == 20);
  }
}
