#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"
#include "util/byte_scan.h"
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

TEST_CASE("utf8::validate finds a bad byte at any offset, after any valid text", "[utf8]") {
  // ASCII is skipped eight bytes at a time up to the first byte that is not: the bad byte
  // must still be found exactly, in the word loop and in the tail, after "é" or not.
  for (const std::string lead : {"", "é"}) {
    for (std::size_t at = 0; at < 41; ++at) {
      std::string s = lead + std::string(41, 'a');
      s[lead.size() + at] = '\xFF';
      utf8::Invalid where;
      CHECK_FALSE(utf8::validate(s, &where));
      CHECK(where.offset == lead.size() + at);
      s[lead.size() + at] = 'b';
      CHECK(utf8::validate(s));
    }
  }
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

TEST_CASE("count_chars counts code points over many words and every tail length", "[utf8]") {
  // One-, two-, three- and four-byte characters, repeated past the 64 bytes that one sum of
  // marks covers, and cut at every length: each count must match decoding one by one.
  std::string text;
  for (int k = 0; k < 12; ++k) text += "aé€😀 Kadhafi ş";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    const std::string_view prefix = std::string_view(text).substr(0, n);
    if (!utf8::validate(prefix)) continue;  // cut inside a character
    std::size_t decoded = 0;
    for (std::size_t i = 0; i < prefix.size(); ++decoded) utf8::next(prefix, i);
    CHECK(utf8::count_chars(prefix) == decoded);
  }
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

// Well past the point where writeback starts, in pieces of every size around the stream's
// buffer, some through write() and some straight through the stream as the XML writers do.
TEST_CASE("AtomicFile keeps every byte of a large file written in uneven pieces", "[atomic]") {
  const auto dir = std::filesystem::temp_directory_path() / "dg_atomic_large_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto target = dir / "graph.ttl";

  std::string expected;
  AtomicFile f(target.string());
  REQUIRE(f.open());
  std::size_t size = 1;
  for (int piece = 0; expected.size() < (std::size_t{12} << 20); ++piece) {
    size = size * 7 % 150001 + 1;  // 2 .. 150001 bytes, in no order
    std::string bytes(size, static_cast<char>('a' + piece % 26));
    bytes.back() = '\n';
    if (piece % 2 == 0) {
      REQUIRE(f.write(bytes));
    } else {
      REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f.stream()) == bytes.size());
    }
    expected += bytes;
  }
  REQUIRE(f.commit());
  CHECK(slurp(target) == expected);
  CHECK(entries(dir) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("AtomicFile reports a full device, whether a write or the commit meets it", "[atomic]") {
  AtomicFile small("/dev/full");
  REQUIRE(small.open());  // a device is written directly
  REQUIRE(small.write("fits in the buffer"));
  CHECK_FALSE(small.commit());
  CHECK(small.error() == "cannot write /dev/full: " + std::string(std::strerror(ENOSPC)));

  AtomicFile large("/dev/full");
  REQUIRE(large.open());
  CHECK_FALSE(large.write(std::string(std::size_t{1} << 20, 'x')));
  CHECK(large.error() == "cannot write /dev/full: " + std::string(std::strerror(ENOSPC)));
}

// Every byte value, at every offset of the eight-byte words and of the tail, after filler of
// plain ASCII or of bytes past 0x80 (which the tests must not flag), with a second hit after it
// (which a borrow could otherwise make look first).
TEST_CASE("bytes::find_first finds the first byte a word test picks out", "[bytes]") {
  const auto flags = [](std::uint64_t w) {
    return bytes::below(w, 0x20) | bytes::equal(w, '"') | bytes::equal(w, 0xEF);
  };
  const auto is_hit = [](unsigned char b) { return b < 0x20 || b == '"' || b == 0xEF; };
  for (const char filler : {'a', '\xC3', '\x21', '\xFF'}) {
    for (std::size_t size = 0; size <= 19; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        for (int value = 0; value < 256; ++value) {
          std::string s(size, filler);
          s[at] = static_cast<char>(value);
          if (at + 1 < size) s[at + 1] = '\0';
          std::size_t expected = s.size();
          for (std::size_t i = 0; i < s.size(); ++i) {
            if (is_hit(static_cast<unsigned char>(s[i]))) {
              expected = i;
              break;
            }
          }
          const std::size_t found = bytes::find_first(s, flags, is_hit);
          if (found != expected) FAIL("size " << size << ", byte " << value << " at " << at);
        }
      }
    }
  }
  CHECK(bytes::find_first("", flags, is_hit) == 0);
}
