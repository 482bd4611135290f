// Bad inputs: every error names file, line and column where it can, the batch goes on, nothing
// crashes; and large inputs are read whole, streaming, in linear time.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <streambuf>

#include "ingest_test_support.h"

using namespace diplograph;
using namespace diplograph::ingest;
using namespace diplograph::ingest::testing;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Generates JSON Lines on demand and counts what it produced, to show that a reader streams.
class LazyLines : public std::streambuf {
 public:
  explicit LazyLines(std::size_t lines) : lines_(lines) {}
  std::size_t produced() const { return produced_; }

 protected:
  int_type underflow() override {
    if (next_ == lines_) return traits_type::eof();
    line_ = "{\"id\": \"lazy-" + std::to_string(next_++) +
            "\", \"text\": \"The minister said that the talks went on.\"}\n";
    produced_ += line_.size();
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  std::size_t lines_;
  std::size_t next_ = 0;
  std::size_t produced_ = 0;
  std::string line_;
};

}  // namespace

TEST_CASE("IngestError::format", "[errors]") {
  CHECK(IngestError{"f.jsonl", 3, 7, "bad"}.format() == "f.jsonl:3:7: bad");
  CHECK(IngestError{"f.jsonl", 3, 0, "bad"}.format() == "f.jsonl:3: bad");
  CHECK(IngestError{"f.txt", 0, 0, "bad"}.format() == "f.txt: bad");
  CHECK(IngestError{"f.txt", 0, 4, "bad"}.format() == "f.txt: bad");
}

TEST_CASE("Malformed JSON Lines: file:line:column, and the next line is read", "[errors]") {
  TempDir tmp;
  const std::string file = tmp.write("bad.jsonl",
                                     "{\"id\": \"a\", \"text\": \"one\"}\n"
                                     "{\"id\": \"x\" \"text\": \"y\"}\n"
                                     "{\"id\": \"b\", \"text\": \"two\"}\n"
                                     "{\"id\": \"c\", \"text\": \"three\"} trailing\n");
  const Run run = read_all({file});
  REQUIRE(run.dispatches.size() == 2);
  CHECK(run.dispatches[1].id == "b");
  REQUIRE(run.errors.size() == 2);
  CHECK(run.errors[0].file == file);
  CHECK(run.errors[0].line == 2);
  CHECK(run.errors[0].column == 12);
  CHECK(contains(run.errors[0].format(), file + ":2:12: JSON syntax error: Missing a comma"));
  CHECK(run.errors[1].line == 4);
  CHECK(run.summary.errors == 2);
  CHECK(run.summary.dispatches == 2);
}

TEST_CASE("Malformed JSON array: the byte offset becomes line and column", "[errors]") {
  TempDir tmp;
  const std::string file = tmp.write("bad.json",
                                     "[\n  {\"id\": \"a\", \"text\": \"one\"},\n"
                                     "  {\"id\": \"c\" \"text\": \"d\"}\n]\n");
  const Run run = read_all({file});
  REQUIRE(run.dispatches.size() == 1);  // delivered before the error
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].line == 3);
  CHECK(run.errors[0].column == 14);
  CHECK(contains(run.errors[0].message, "Missing a comma"));

  const std::string lines = tmp.write("lines.json", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
  const Run concatenated = read_all({lines});
  REQUIRE(concatenated.errors.size() == 1);
  CHECK(concatenated.errors[0].line == 2);
  CHECK(contains(concatenated.errors[0].message, ".jsonl"));

  const std::string empty = tmp.write("empty.json", "  \n");
  const Run none = read_all({empty});
  REQUIRE(none.errors.size() == 1);
  CHECK(contains(none.errors[0].message, "empty"));
}

TEST_CASE("Missing or mistyped fields are errors for that record only", "[errors]") {
  TempDir tmp;
  const std::string file = tmp.write("fields.jsonl",
                                     "{\"id\": \"m\"}\n"
                                     "{\"id\": \"n\", \"text\": 5}\n"
                                     "{\"id\": \"o\", \"text\": null}\n"
                                     "{\"id\": \"p\", \"text\": [\"a\"]}\n"
                                     "{\"id\": \"q\", \"text\": {\"a\": 1}}\n"
                                     "{\"id\": true, \"text\": \"x\"}\n"
                                     "{\"id\": \"r\", \"text\": \"x\", \"date\": 2020}\n"
                                     "\"just a string\"\n"
                                     "[{\"id\": \"s\", \"text\": \"x\"}]\n"
                                     "{\"id\": \"t\", \"text\": \"lone \\udc00 surrogate\"}\n"
                                     "{\"id\": \"u\", \"text\": \"high \\ud800 alone\"}\n"
                                     "{\"id\": \"ok\", \"text\": \"fine\"}\n");
  const Run run = read_all({file});
  REQUIRE(run.dispatches.size() == 1);
  CHECK(run.dispatches[0].id == "ok");
  REQUIRE(run.errors.size() == 11);
  const std::vector<std::string> expected = {
      "missing \"text\"",
      "\"text\" must be a string, found a number",
      "\"text\" must be a string, found null",
      "\"text\" must be a string, found an array",
      "\"text\" must be a string, found an object",
      "\"id\" must be a string, found a boolean",
      "\"date\" must be a string, found a number",
      "expected a JSON object, found a string",
      "expected a JSON object, found an array",
      "\"text\" is not valid UTF-8",
      "surrogate",
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(run.errors[i].format());
    CHECK(run.errors[i].line == i + 1);
    CHECK(contains(run.errors[i].message, expected[i]));
  }
}

TEST_CASE("Array items that are not objects are reported by index", "[errors]") {
  TempDir tmp;
  const std::string file =
      tmp.write("items.json", "[1, {\"text\": \"ok\"},\n [2], {\"id\": \"x\"}, null]");
  const Run run = read_all({file});
  INFO(run.error_text());
  REQUIRE(run.dispatches.size() == 1);
  CHECK(run.dispatches[0].id == file + "#1");
  REQUIRE(run.errors.size() == 4);
  CHECK(contains(run.errors[0].format(), ":1:2: [0]: expected a JSON object, found a number"));
  CHECK(contains(run.errors[1].format(), ":2:2: [2]: expected a JSON object, found an array"));
  CHECK(contains(run.errors[2].format(), ":2:7: [3]: missing \"text\""));
  CHECK(contains(run.errors[3].message, "[4]: expected a JSON object, found null"));

  const std::string scalar = tmp.write("scalar.json", "\"a string\"");
  const Run top = read_all({scalar});
  REQUIRE(top.errors.size() == 1);
  CHECK(contains(top.errors[0].message, "expected a JSON array of dispatch objects or one object"));
}

TEST_CASE("Invalid UTF-8 in JSON Lines: the line and the byte's column", "[errors]") {
  TempDir tmp;
  const std::string bad_line = "{\"id\": \"u\", \"text\": \"caf\xE9 noir\"}";
  const std::string file =
      tmp.write("latin.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n" + bad_line +
                                   "\n{\"id\": \"b\", \"text\": \"ok\"}\n");
  const Run run = read_all({file});
  CHECK(run.dispatches.size() == 2);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0].line == 2);
  CHECK(run.errors[0].column == bad_line.find('\xE9') + 1);
  CHECK(contains(run.errors[0].message, "invalid UTF-8"));
}

TEST_CASE("A Latin-1 text file is kept, converted and warned about", "[errors]") {
  TempDir tmp;
  const std::string file = tmp.write("latin1.txt",
                                     "PARIS, 3 mai 2020 (AFP) - L'Assembl\xE9"
                                     "e a vot\xE9 le texte \x93\xE0 "
                                     "l'unanimit\xE9\x94, a indiqu\xE9 le pr\xE9sident.\n");
  const Run run = read_all({file});
  CHECK(run.errors.empty());
  REQUIRE(run.dispatches.size() == 1);
  const Dispatch& d = run.dispatches[0];
  CHECK(d.text ==
        "PARIS, 3 mai 2020 (AFP) - L'Assemblée a voté le texte “à l'unanimité”, a indiqué le "
        "président.\n");
  CHECK(d.agency == "AFP");
  CHECK(d.lang == "fr");
  REQUIRE(run.warnings.size() == 1);
  CHECK(run.warnings[0].file == file);
  CHECK(contains(run.warnings[0].message, "Latin-1"));
  CHECK(run.summary.warnings == 1);
}

TEST_CASE("Empty, blank and binary files", "[errors]") {
  TempDir tmp;
  const std::string empty = tmp.write("empty.txt", "");
  const std::string blank = tmp.write("blank.txt", " \n\t\n");
  const std::string blank_jsonl = tmp.write("blank.jsonl", "\n   \n\t\n");
  std::mt19937 rng(42);
  std::string junk(4096, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  const std::string binary = tmp.write("junk.txt", junk);
  const std::string binary_jsonl = tmp.write("junk.jsonl", junk);
  std::string controls(1000, 'a');
  for (std::size_t i = 0; i < controls.size(); i += 5) controls[i] = '\x01';
  const std::string control_heavy = tmp.write("controls.dat", controls);

  const Run run = read_all({empty, blank, blank_jsonl, binary, binary_jsonl, control_heavy});
  CHECK(run.dispatches.empty());
  REQUIRE(run.errors.size() == 5);  // blank JSON Lines are skipped silently
  CHECK(run.errors[0].format() == empty + ": empty dispatch");
  CHECK(run.errors[1].format() == blank + ": empty dispatch");
  CHECK(run.errors[2].format() == binary + ": binary data, not a dispatch");
  CHECK(run.errors[3].file == binary_jsonl);
  CHECK(contains(run.errors[3].message, "binary data"));
  CHECK(run.errors[4].format() == control_heavy + ": binary data, not a dispatch");
}

TEST_CASE("Duplicate ids: reported with the first place, later one skipped", "[errors]") {
  TempDir tmp;
  const std::string a = tmp.write("a.jsonl", "{\"id\": \"dup\", \"text\": \"first\"}\n");
  const std::string b = tmp.write("b.jsonl",
                                  "{\"id\": \"other\", \"text\": \"x\"}\n"
                                  "{\"id\": \"dup\", \"text\": \"second\"}\n");
  const std::string c = tmp.write("c.txt", "A text whose id is its path.");
  const Run run = read_all({a, b, c, c});
  REQUIRE(run.dispatches.size() == 3);
  CHECK(run.dispatches[0].text == "first");
  REQUIRE(run.errors.size() == 2);
  CHECK(run.errors[0].format() == b + ":2: duplicate id 'dup', first seen at " + a + ":1; skipped");
  CHECK(run.errors[1].format() ==
        c + ": duplicate id '" + c + "', first seen at " + c + "; skipped");
}

TEST_CASE("Unreadable paths name the path and the system's reason", "[errors]") {
  TempDir tmp;
  const std::string good = tmp.write("good.txt", "A dispatch that can be read.");
  const std::string missing = tmp.path("missing.jsonl");
  const std::string not_dir = good + "/";
  const Run run = read_all({missing, not_dir, good});
  REQUIRE(run.dispatches.size() == 1);
  REQUIRE(run.errors.size() == 2);
  CHECK(run.errors[0].format() == missing + ": cannot read: No such file or directory");
  CHECK(run.errors[1].format() == not_dir + ": cannot read: Not a directory");

  // A directory named like a file is walked, not parsed; a dangling link inside is reported.
  tmp.write("data.jsonl/inner.txt", "A dispatch inside a directory named data.jsonl.");
  std::filesystem::create_symlink(tmp.path("nowhere"), tmp.path("data.jsonl/dangling.txt"));
  const Run dir = read_all({tmp.path("data.jsonl")});
  REQUIRE(dir.dispatches.size() == 1);
  REQUIRE(dir.errors.size() == 1);
  CHECK(dir.errors[0].format() ==
        tmp.path("data.jsonl/dangling.txt") + ": cannot read: No such file or directory");

  // A symbolic link back up the tree is entered once, not forever.
  std::filesystem::create_directory_symlink(tmp.path("data.jsonl"), tmp.path("data.jsonl/loop"));
  const Run looped = read_all({tmp.path("data.jsonl")});
  CHECK(looped.dispatches.size() == 1);
  CHECK(looped.errors.size() == 1);

  if (::geteuid() != 0) {
    const std::string locked = tmp.write("locked.txt", "secret");
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    const Run denied = read_all({locked});
    REQUIRE(denied.errors.size() == 1);
    CHECK(denied.errors[0].format() == locked + ": cannot open: Permission denied");
  }
}

TEST_CASE("Deep nesting is rejected without recursion", "[errors]") {
  TempDir tmp;
  const std::string deep_array = tmp.write("deep.json", std::string(100000, '['));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  const std::string deep_objects = tmp.write("deep_objects.json", objects);
  const std::string deep_line = tmp.write(
      "deep.jsonl", "{\"id\": \"x\", \"text\": \"t\", \"extra\": " + std::string(100000, '[') +
                        "\n{\"id\": \"after\", \"text\": \"still read\"}\n");
  const Run run = read_all({deep_array, deep_objects, deep_line});
  INFO(run.error_text());
  // "[[[[": the first item is not an object, then the nesting is refused at the 65th bracket.
  REQUIRE(run.errors.size() == 4);
  CHECK(contains(run.errors[0].message, "[0]: expected a JSON object, found an array"));
  CHECK(run.errors[1].format() == deep_array + ":1:65: JSON nested deeper than 64 levels");
  CHECK(run.errors[2].format() == deep_objects + ":1:321: JSON nested deeper than 64 levels");
  CHECK(run.errors[3].line == 1);
  CHECK(contains(run.errors[3].message, "nested deeper than 64"));
  REQUIRE(run.dispatches.size() == 1);
  CHECK(run.dispatches[0].id == "after");

  // 64 levels are fine.
  const std::string ok = tmp.write("ok.jsonl", "{\"text\": \"t\", \"x\": " + std::string(63, '[') +
                                                   std::string(63, ']') + "}\n");
  CHECK(read_all({ok}).dispatches.size() == 1);
  const Run stdin_run = read_text(std::string(100000, '['));
  REQUIRE(stdin_run.errors.size() == 2);
  CHECK(stdin_run.errors[1].format() == "<stdin>:1:65: JSON nested deeper than 64 levels");
}

TEST_CASE("Dispatches over max_dispatch_bytes are reported and skipped", "[errors]") {
  TempDir tmp;
  Options options;
  options.max_dispatch_bytes = 100;
  const std::string big_text(200, 'x');
  const std::string jsonl =
      tmp.write("big.jsonl", "{\"id\": \"big\", \"text\": \"" + big_text + "\"}\n" +
                                 "{\"id\": \"huge\", \"text\": \"" + std::string(100000, 'y') +
                                 "\"}\n" + "{\"id\": \"small\", \"text\": \"fits\"}\n");
  const std::string txt = tmp.write("big.txt", big_text);
  const std::string json =
      tmp.write("big.json", "[{\"id\": \"bj\", \"text\": \"" + big_text + "\"}]");
  const Run run = read_all({jsonl, txt, json}, options);
  REQUIRE(run.dispatches.size() == 1);
  CHECK(run.dispatches[0].id == "small");
  REQUIRE(run.errors.size() == 4);
  CHECK(run.errors[0].format() ==
        jsonl + ":1: dispatch 'big' has 200 bytes, more than max_dispatch_bytes (100); skipped");
  CHECK(run.errors[1].line == 2);
  CHECK(contains(run.errors[1].message, "line longer than"));
  CHECK(run.errors[2].format() == txt + ": dispatch larger than max_dispatch_bytes (100); skipped");
  CHECK(contains(run.errors[3].message, "'bj' has 200 bytes"));
}

TEST_CASE("A sink returning false stops the read (--strict)", "[errors]") {
  TempDir tmp;
  const std::string first =
      tmp.write("first.jsonl", "{\"text\": 1}\n{\"id\": \"a\", \"text\": \"x\"}\n");
  const std::string second = tmp.write("second.txt", "Never read.");
  const Run strict = read_all({first, second}, {}, false);
  CHECK(strict.summary.stopped);
  CHECK(strict.errors.size() == 1);
  CHECK(strict.dispatches.empty());

  const Run lenient = read_all({first, second});
  CHECK_FALSE(lenient.summary.stopped);
  CHECK(lenient.dispatches.size() == 2);

  std::size_t seen = 0;
  const Summary summary = read_inputs(
      {kData + "/array.json", second}, {}, [&seen](Dispatch&&) { return ++seen < 2; },
      [](const IngestError&) { return true; });
  CHECK(summary.stopped);
  CHECK(summary.dispatches == 2);
  CHECK(seen == 2);
}

TEST_CASE("A 50 MB single-line dispatch is read whole and fast", "[errors][large]") {
  TempDir tmp;
  std::string text;
  text.reserve(50u << 20);
  while (text.size() < (50u << 20)) text += "La Turquie a réaffirmé son soutien, selon Ankara. ";
  const std::string file =
      tmp.write("big.jsonl", "{\"id\": \"big\", \"text\": \"" + text + "\"}\n");
  const auto start = std::chrono::steady_clock::now();
  const Run run = read_all({file});
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  WARN("50 MB line read in " << seconds.count() << " s");
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == 1);
  CHECK(run.dispatches[0].text.size() == text.size());
  CHECK(run.dispatches[0].text == text);
  CHECK(run.dispatches[0].lang == "fr");
#ifdef NDEBUG
  CHECK(seconds.count() < 5.0);  // about a second: linear in the line's length
#else
  CHECK(seconds.count() < 60.0);  // unoptimised, perhaps sanitised: only a gross regression
#endif
}

TEST_CASE("JSON Lines are streamed: the first dispatch arrives before the input is read",
          "[errors][large]") {
  LazyLines lines(1000000);
  std::istream in(&lines);
  std::size_t produced_at_first = 0;
  const Summary summary = read_stream(
      in, "lazy", {},
      [&](Dispatch&&) {
        produced_at_first = lines.produced();
        return false;
      },
      [](const IngestError&) { return true; });
  CHECK(summary.dispatches == 1);
  CHECK(summary.stopped);
  CHECK(produced_at_first < (1u << 20));  // of some 80 MB

  LazyLines many(100000);
  std::istream all(&many);
  std::size_t count = 0;
  const Summary full = read_stream(
      all, "lazy", {}, [&](Dispatch&&) { return ++count > 0; },
      [](const IngestError&) { return true; });
  CHECK(full.dispatches == 100000);
  CHECK(full.errors == 0);
}
