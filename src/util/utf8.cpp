#include "util/utf8.h"

#include <algorithm>
#include <bit>

#include "util/byte_scan.h"

namespace diplograph::utf8 {

namespace {

// Length of the sequence a lead byte starts, or 0 for a byte that cannot lead.
int sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Second-byte bounds exclude overlong forms, surrogates and code points past U+10FFFF.
bool second_byte_ok(unsigned char lead, unsigned char b) {
  switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return is_continuation(b);
  }
}

// Where the bad byte at `offset` is: lines are counted only once validation has failed.
Invalid locate(std::string_view s, std::size_t offset) {
  const std::string_view before = s.substr(0, offset);
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  const auto newlines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  return Invalid{offset, newlines + 1, offset - line_start + 1};
}

}  // namespace

bool validate(std::string_view s, Invalid* where) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Most text is ASCII: skipped a word at a time while eight whole bytes remain, and up to
    // the first byte that is not ASCII in a word that holds one.
    if (i + 8 <= n) {
      const std::uint64_t high = bytes::load(s.data() + i) & bytes::kHighBits;
      if (high == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(high)) / 8;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int len = sequence_length(b);
    bool ok = len > 0 && i + len <= n && second_byte_ok(b, static_cast<unsigned char>(s[i + 1]));
    for (int k = 2; ok && k < len; ++k) ok = is_continuation(static_cast<unsigned char>(s[i + k]));
    if (!ok) {
      if (where) *where = locate(s, i);
      return false;
    }
    i += len;
  }
  return true;
}

std::string from_latin1(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) append(out, static_cast<unsigned char>(c));
  return out;
}

char32_t next(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = sequence_length(b);
  if (len <= 1 || i + len > s.size()) {
    ++i;
    return b;
  }
  char32_t cp = b & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace diplograph::utf8
