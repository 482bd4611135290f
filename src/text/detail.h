// Internal to the text module (not for other modules): character classes, per-code-point
// normalisation, and the passes Document runs (layout, tokens, sentences).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace diplograph::text::detail {

enum class CharClass : std::uint8_t {
  kSpace,       // white space, control characters, U+200B; also past the end of the text
  kNewline,     // \n \r U+0085 U+2028 U+2029
  kLetter,      // Unicode L*, plus letter-like numerals (Nl, No: Ⅻ ²)
  kDigit,       // Nd
  kMark,        // combining marks: they belong to the character before them
  kIgnorable,   // invisible format characters (soft hyphen, ZWJ, BOM)
  kApostrophe,  // ' ` ’ ‘ ‛ ʼ ′ ´
  kQuote,       // " « » “ ” „ ‟ ‹ ›
  kHyphen,      // - ‐ ‑ : the dashes that may join the parts of a word
  kOther,       // any other punctuation or symbol, emoji included
};

struct Char {
  char32_t cp = 0;
  std::uint8_t len = 0;  // bytes in the text; 0 past its end
  CharClass cls = CharClass::kSpace;
  bool upper = false;  // Lu or Lt
  bool lower = false;  // Ll
  bool alnum() const { return cls == CharClass::kLetter || cls == CharClass::kDigit; }
};

// Per-byte facts for ASCII (256 entries so any byte indexes them; only the first 128 are used).
extern const std::array<Char, 256> kAsciiChar;
extern const std::array<char, 256> kAsciiFold;

// Bit flags per byte for the fast paths that scan bytes without building a Char. Bytes of 0x80
// and above have none, so a scan for flagged bytes stops at the first non-ASCII byte and leaves
// it to the decoding path.
enum AsciiFlag : std::uint8_t {
  kAsciiAlnum = 1 << 0,   // A-Z a-z 0-9
  kAsciiLetter = 1 << 1,  // A-Z a-z
  kAsciiUpper = 1 << 2,   // A-Z
  kAsciiWordEnd = 1 << 3,  // ends a word: not alnum, '-', an apostrophe, '.' or ','
};
extern const std::array<std::uint8_t, 256> kAsciiFlags;

Char decode_non_ascii(std::string_view s, std::size_t i);

// The character at s[i], or a zero-length kSpace past the end. Bytes that are not valid UTF-8
// read as one-byte U+FFFD.
inline Char char_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return Char{};
  const auto b = static_cast<unsigned char>(s[i]);
  return b < 0x80 ? kAsciiChar[b] : decode_non_ascii(s, i);
}

// Appends the matching form of one code point: case folded, accents and marks dropped,
// typographic apostrophes, quotes and dashes made ASCII. Appends nothing for marks and
// invisible characters, never a space.
void append_normalized(char32_t cp, std::string& out);

// Where the tokenizer writes.
struct TokenSink {
  std::string& normalized;
  std::vector<Token>& tokens;
};

// Tokenises text[begin, end) and normalises each token into the sink (see document.h).
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, TokenSink sink);

// True when most non-empty lines of `body` are followed by exactly one blank line and often run
// on into the next line mid-sentence: the hard-wrapped wire layout.
bool is_hard_wrapped(std::string_view body);

// Cuts the tokens into sentences of at most max_tokens tokens (rules in segment.cpp).
void segment(std::string_view text, const std::vector<Token>& tokens,
             std::string_view normalized, bool hard_wrapped, std::uint32_t max_tokens,
             std::vector<Sentence>& sentences);

}  // namespace diplograph::text::detail
