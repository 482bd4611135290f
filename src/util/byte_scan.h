// Word-at-a-time scans over bytes: eight bytes are loaded as one 64-bit word and tested with
// integer arithmetic, so that a scan over text that mostly passes does not branch on each byte.
//
// The tests set bit 7 of each byte they pick out ("flags"). They are the classic tests for a
// zero byte and for a byte below n, exact about whether a word holds such a byte; a borrow may
// also flag a byte above a true one, so only the lowest flag of a word surely marks a byte.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace diplograph::bytes {

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080u;

// Eight bytes from p, the first in the lowest byte of the word on any machine.
inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

inline void store(char* p, std::uint64_t w) {
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  std::memcpy(p, &w, sizeof w);
}

// Flags the bytes of w below n, for n up to 0x80.
inline std::uint64_t below(std::uint64_t w, std::uint8_t n) {
  return (w - kOnes * n) & ~w & kHighBits;
}

// Flags the bytes of w equal to c.
inline std::uint64_t equal(std::uint64_t w, std::uint8_t c) { return below(w ^ (kOnes * c), 1); }

// The offset of the first byte of s that word_flags (eight bytes at a time, lowest flag exact)
// or is_hit (on the last few bytes, one at a time) picks out; s.size() when there is none.
template <class WordFlags, class IsHit>
std::size_t find_first(std::string_view s, WordFlags word_flags, IsHit is_hit) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    if (const std::uint64_t flags = word_flags(load(s.data() + i)))
      return i + static_cast<std::size_t>(std::countr_zero(flags)) / 8;
  }
  for (; i < s.size(); ++i) {
    if (is_hit(static_cast<unsigned char>(s[i]))) return i;
  }
  return s.size();
}

}  // namespace diplograph::bytes
