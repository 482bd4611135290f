// UTF-8 facts used by ingest and the text layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

// Number of code points in valid UTF-8.
std::size_t count_chars(std::string_view s);

// Decodes the code point at s[i] of valid UTF-8 and advances i past it.
char32_t next(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

}  // namespace diplograph::utf8
