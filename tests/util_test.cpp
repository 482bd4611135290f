#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/utf8.h"

using namespace diplograph;

TEST_CASE("utf8::validate accepts valid text and finds the first bad byte", "[utf8]") {
  CHECK(utf8::validate("Azerbaïdjan, Erdoğan, Небензя, 😀"));
  utf8::Invalid where;
  CHECK_FALSE(utf8::validate("ok\nab\xC3", &where));  // truncated sequence
  CHECK(where.offset == 5);
  CHECK(where.line == 2);
  CHECK(where.column == 3);
  CHECK_FALSE(utf8::validate("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(utf8::validate("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(utf8::validate("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(utf8::validate("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(utf8::validate("\x80"));              // lone continuation
}

TEST_CASE("utf8 decoding, encoding and Latin-1", "[utf8]") {
  CHECK(utf8::from_latin1("Azerba\xEF" "djan") == "Azerbaïdjan");
  CHECK(utf8::count_chars("Azerbaïdjan") == 11);
  std::string s = "é😀";
  std::size_t i = 0;
  CHECK(utf8::next(s, i) == U'é');
  CHECK(utf8::next(s, i) == U'😀');
  CHECK(i == s.size());
  std::string out;
  utf8::append(out, U'😀');
  utf8::append(out, U'ğ');
  CHECK(out == "😀ğ");
}

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
std::size_t entries(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}
}  // namespace

TEST_CASE("AtomicFile replaces the target only on commit", "[atomic]") {
  const auto dir = std::filesystem::temp_directory_path() / "dg_atomic_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto target = dir / "graph.ttl";
  std::ofstream(target) << "previous";

  {
    AtomicFile f(target.string());
    REQUIRE(f.open());
    REQUIRE(f.write("half"));
    // Dropped without commit: the previous file stays, the temporary file goes.
  }
  CHECK(slurp(target) == "previous");
  CHECK(entries(dir) == 1);

  AtomicFile f(target.string());
  REQUIRE(f.open());
  REQUIRE(f.write("new content"));
  REQUIRE(f.commit());
  CHECK(slurp(target) == "new content");
  CHECK(entries(dir) == 1);

  AtomicFile bad((dir / "missing" / "x.ttl").string());
  CHECK_FALSE(bad.open());
  CHECK(bad.error().find("missing") != std::string::npos);
  std::filesystem::remove_all(dir);
}
