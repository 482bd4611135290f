// UTF-8 facts used by ingest and the text layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/byte_scan.h"

namespace diplograph::utf8 {

struct Invalid {
  std::size_t offset = 0;  // byte offset of the first bad byte
  std::size_t line = 1;    // 1-based line of it
  std::size_t column = 1;  // 1-based byte column of it
};

// True when `s` is valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
// Otherwise fills `where` with the first bad byte.
bool validate(std::string_view s, Invalid* where = nullptr);

// Decodes ISO-8859-1 (every byte is a code point) to UTF-8.
std::string from_latin1(std::string_view s);

// Number of code points in valid UTF-8. Inline: the text layer counts a few dozen bytes at a
// time, for every offset it reports.
//
// Every byte but a continuation byte (10xxxxxx) starts a code point, so the count is the size
// less the continuation bytes. These are marked eight at a time (bit 7 set and bit 6, shifted
// up to bit 7, clear); the marks of up to eight words add up per byte, at most eight each, and
// one multiplication then sums the eight bytes into the top one.
inline std::size_t count_chars(std::string_view s) {
  std::size_t continuations = 0;
  std::size_t i = 0;
  while (i + 8 <= s.size()) {
    std::uint64_t marks = 0;
    for (int k = 0; k < 8 && i + 8 <= s.size(); ++k, i += 8) {
      const std::uint64_t word = bytes::load(s.data() + i);
      marks += (word & ~(word << 1) & bytes::kHighBits) >> 7;
    }
    continuations += (marks * bytes::kOnes) >> 56;
  }
  for (; i < s.size(); ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

// Decodes the code point at s[i] of valid UTF-8 and advances i past it.
char32_t next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

}  // namespace diplograph::utf8
