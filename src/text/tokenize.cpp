// Tokens over the body, each normalised into Document::normalized as it is found.
//
// Choices the later stages rely on:
// - A word is a run of letters and digits (combining marks and invisible format characters
//   inside it included). Inner hyphens join its parts (Nagorny-Karabakh, F-16, al-Sarraj,
//   nord-coréen); '.' or ',' between digits joins a number (1,5 and 2.000).
// - Two or more single letters each followed by a period form one token with the final period:
//   "U.S.", "U.N.", "J.-C.". A lone initial or title keeps its period apart: "M" ".".
// - French elision: l d j m n s t c qu jusqu lorsqu puisqu quoiqu before an apostrophe and a
//   letter (or a digit or an opening quote) give the elided token with its apostrophe, flagged
//   kElided ("l’" normalised "l'"), then the rest: "l’Azerbaïdjan", "d’Ivoire", "N’Djamena".
// - English clitics: "Russia's" -> "Russia" "'s"; "don't" -> "do" "n't" (also ca/is/wo + n't),
//   so that negation rules see "n't". Other inner apostrophes stay inside the word (O'Brien,
//   aujourd'hui).
// - French subject inversion: "a-t-il", "dit-elle", "estime-t-elle", "va-t-on" give the verb and
//   the pronoun as two tokens; the hyphens and the euphonic t are not tokens (skipped like white
//   space). The pronouns are il, ils, elle, elles, and on only after "-t-", so that English
//   "add-on" and "head-on" stay whole ("peut-on" stays whole too).
// - Every other character that is not white space is one punctuation token.
#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>

#include "text/detail.h"
#include "util/byte_scan.h"

namespace diplograph::text::detail {

namespace {

// One token found in the text: [begin, end) is the token and scanning resumes at `resume`.
struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t resume = 0;
  std::uint16_t flags = 0;
};

Piece piece(std::size_t begin, std::size_t end, std::uint16_t flags = 0) {
  return Piece{begin, end, end, flags};
}

// Letter statistics of a token, for its flags.
struct Shape {
  int letters = 0;
  int upper = 0;
  bool first_upper = false;
};

bool is_ascii(char c, char lower) { return c == lower || c == lower - 32; }

// Case-insensitive comparison of text[i, i + word.size()) with the lower-case ASCII `word`.
bool matches_at(std::string_view text, std::size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (kAsciiFold[static_cast<unsigned char>(text[i + k])] != word[k]) return false;
  }
  return true;
}

bool is_elision(std::string_view word) {
  static constexpr std::string_view kElisions[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  for (const auto e : kElisions) {
    if (e.size() == word.size() && matches_at(word, 0, e)) return true;
  }
  return false;
}

using bytes::kHighBits;
using bytes::kOnes;

// The high bit of each byte of `w` that is an ASCII letter or digit. Each range test adds a
// constant to the byte's low seven bits and reads bit 7, which no carry can reach.
std::uint64_t ascii_alnum_bits(std::uint64_t w) {
  const std::uint64_t low = w & ~kHighBits;
  const std::uint64_t folded = low | (kOnes * 0x20);
  const std::uint64_t letter =
      (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x7F - 'z'));
  const std::uint64_t digit = (low + kOnes * (0x80 - '0')) & ~(low + kOnes * (0x7F - '9'));
  return (letter | digit) & ~w & kHighBits;
}

// The normalised size of a body of n bytes: accents shrink the text and punctuation grows it by
// a space, and 1/8 more covers real text (the output grows past it if it must).
std::size_t expected_size(std::size_t n) { return n + n / 8 + 16; }

// Document::normalized, written through a pointer: a push_back per byte would check the
// capacity and store the size each time. The string is kept longer than what is written
// (growing by doubling) and cut to length by finish().
class NormalizedOut {
 public:
  NormalizedOut(std::string& text, std::size_t expected) : text_(text), used_(text.size()) {
    grow(used_ + expected);
  }

  std::size_t size() const { return used_; }
  // Makes room for n more bytes at text().
  void reserve(std::size_t n) {
    if (used_ + n > text_.size()) grow(used_ + n);
  }
  char* text() { return text_.data() + used_; }
  void advance(std::size_t n) { used_ += n; }

  void put(char c) {
    reserve(1);
    text_[used_++] = c;
  }

  void append(std::string_view bytes) {
    reserve(bytes.size());
    std::memcpy(text(), bytes.data(), bytes.size());
    used_ += bytes.size();
  }

  void finish() { text_.resize(used_); }

 private:
  void grow(std::size_t n) { text_.resize(std::max(n, 2 * text_.size())); }

  std::string& text_;
  std::size_t used_;
};

enum class Apostrophe { kJoins, kEnds, kElides, kNegates };

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::size_t begin, TokenSink sink)
      : text_(text),
        begin_(begin),
        tokens_(sink.tokens),
        out_(sink.normalized, expected_size(text.size() - begin)) {}

  void run();

 private:
  Char at(std::size_t i) const { return char_at(text_, i); }
  unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(text_[i]); }
  bool starts_line(std::size_t i) const;
  std::size_t plain_word_end(std::size_t i) const;
  Piece next_piece(std::size_t i, const Char& c) const;
  Piece word_at(std::size_t start) const;
  std::optional<Piece> dotted_at(std::size_t start) const;
  std::optional<Piece> negation_at(std::size_t i) const;
  bool possessive_at(std::size_t i, const Char& c) const;
  Apostrophe apostrophe_role(std::size_t start, std::size_t i, const Char& c) const;
  bool joins_number(std::size_t i, const Char& c) const;
  std::size_t inversion_at(std::size_t hyphen) const;
  std::size_t alnum_run(std::size_t i) const;
  std::size_t ascii_alnum_end(std::size_t i) const;
  std::size_t skip_marks(std::size_t i) const;
  void emit(const Piece& p, bool line_start);
  void emit_ascii_word(std::size_t begin, std::size_t end, bool line_start);
  void emit_ascii_punct(std::size_t i, std::uint16_t flags, bool line_start);
  Shape normalize(std::size_t begin, std::size_t end);
  void normalize_ascii(std::size_t begin, std::size_t end, Shape& shape);

  std::string_view text_;  // the original text, cut at the end of the body
  std::size_t begin_;
  std::vector<Token>& tokens_;
  NormalizedOut out_;
  std::string code_point_;  // the normalised form of one non-ASCII character
};

void Tokenizer::run() {
  bool line_start = starts_line(begin_);
  std::size_t i = begin_;
  while (i < text_.size()) {
    if (const std::size_t end = plain_word_end(i)) {
      emit_ascii_word(i, end, line_start);
      line_start = false;
      i = end;
      continue;
    }
    if (text_[i] == ' ') {  // the most common byte between tokens
      ++i;
      continue;
    }
    const Char c = at(i);
    switch (c.cls) {
      case CharClass::kNewline:
        line_start = true;
        [[fallthrough]];
      case CharClass::kSpace:
      case CharClass::kIgnorable:
      case CharClass::kMark:  // a mark after white space has nothing to belong to
        i += c.len;
        continue;
      case CharClass::kOther:
      case CharClass::kQuote:
      case CharClass::kHyphen:
        // Punctuation that no rule joins to a word and, with an ASCII byte next, no mark
        // follows: one byte, its own form.
        if (byte(i) < 0x80 && (i + 1 == text_.size() || byte(i + 1) < 0x80)) {
          emit_ascii_punct(i, c.cls == CharClass::kQuote ? kPunct | kQuote : kPunct, line_start);
          line_start = false;
          ++i;
          continue;
        }
        break;
      default:
        break;
    }
    const Piece p = next_piece(i, c);
    emit(p, line_start);
    line_start = false;
    i = p.resume;
  }
  out_.finish();
}

// The fast path for most words: the end of the word at i when it is a run of ASCII letters and
// digits followed by the end of the text or by an ASCII byte that no word rule looks past (see
// kAsciiWordEnd), so that next_piece would give the run itself as a token; otherwise 0.
std::size_t Tokenizer::plain_word_end(std::size_t i) const {
  if ((kAsciiFlags[byte(i)] & kAsciiAlnum) == 0) return 0;
  const std::size_t end = ascii_alnum_end(i + 1);
  return end == text_.size() || (kAsciiFlags[byte(end)] & kAsciiWordEnd) != 0 ? end : 0;
}

bool Tokenizer::starts_line(std::size_t i) const {
  while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
  return i == 0 || text_[i - 1] == '\n' || text_[i - 1] == '\r';
}

Piece Tokenizer::next_piece(std::size_t i, const Char& c) const {
  if (c.alnum()) {
    if (const auto negation = negation_at(i)) return *negation;
    return word_at(i);
  }
  if (c.cls == CharClass::kApostrophe && possessive_at(i, c)) {
    return piece(i, i + c.len + 1, kWord);
  }
  // A lone apostrophe is no kQuote: in news text it is a plural possessive ("the ministers'")
  // far more often than a single quote, and it would upset counts of quotation marks.
  const std::uint16_t quote = c.cls == CharClass::kQuote ? kQuote : 0;
  return piece(i, skip_marks(i + c.len), kPunct | quote);
}

Piece Tokenizer::word_at(std::size_t start) const {
  if (const auto dotted = dotted_at(start)) return *dotted;
  std::size_t i = alnum_run(start);
  for (;;) {
    const Char c = at(i);
    if (c.cls == CharClass::kHyphen && at(i + c.len).alnum()) {
      if (const std::size_t pronoun = inversion_at(i)) return Piece{start, i, pronoun, 0};
      i = alnum_run(i + c.len);
    } else if (joins_number(i, c)) {
      i = alnum_run(i + 1);
    } else if (c.cls == CharClass::kApostrophe) {
      const Apostrophe role = apostrophe_role(start, i, c);
      if (role == Apostrophe::kElides) return piece(start, i + c.len, kElided);
      if (role == Apostrophe::kNegates) return piece(start, i - 1);
      if (role == Apostrophe::kEnds) break;
      i = alnum_run(i + c.len);
    } else {
      break;
    }
  }
  return piece(start, i);
}

// "U.S.", "U.N.", "J.-C.": two or more single letters, each followed by a period.
std::optional<Piece> Tokenizer::dotted_at(std::size_t start) const {
  std::size_t i = start;
  std::size_t end = start;
  int letters = 0;
  for (;;) {
    const Char c = at(i);
    if (c.cls != CharClass::kLetter || at(i + c.len).cp != '.') break;
    ++letters;
    i += c.len + 1;
    end = i;
    const Char h = at(i);
    if (h.cls == CharClass::kHyphen && at(i + h.len).cls == CharClass::kLetter) i += h.len;
  }
  if (letters < 2) return std::nullopt;
  return piece(start, end);
}

// "n't" of "don't" (the word before it ended just before the n).
std::optional<Piece> Tokenizer::negation_at(std::size_t i) const {
  if (!is_ascii(text_[i], 'n')) return std::nullopt;
  const Char a = at(i + 1);
  const std::size_t t = i + 1 + a.len;
  if (a.cls != CharClass::kApostrophe || t >= text_.size() || !is_ascii(text_[t], 't') ||
      at(t + 1).alnum()) {
    return std::nullopt;
  }
  return piece(i, t + 1, kWord);
}

// "'s" right after a word: "Russia's".
bool Tokenizer::possessive_at(std::size_t i, const Char& c) const {
  const std::size_t s = i + c.len;
  return !tokens_.empty() && tokens_.back().end == i &&
         (tokens_.back().flags & (kWord | kNumber)) != 0 && s < text_.size() &&
         is_ascii(text_[s], 's') && !at(s + 1).alnum();
}

Apostrophe Tokenizer::apostrophe_role(std::size_t start, std::size_t i, const Char& c) const {
  const Char next = at(i + c.len);
  if (is_elision(text_.substr(start, i - start)) &&
      (next.alnum() || next.cls == CharClass::kQuote)) {
    return Apostrophe::kElides;
  }
  const bool clitic = next.len == 1 && !at(i + c.len + 1).alnum();
  if (clitic && is_ascii(static_cast<char>(next.cp), 's')) return Apostrophe::kEnds;
  if (clitic && is_ascii(static_cast<char>(next.cp), 't') && i - start >= 2 &&
      is_ascii(text_[i - 1], 'n')) {
    return Apostrophe::kNegates;
  }
  return next.cls == CharClass::kLetter ? Apostrophe::kJoins : Apostrophe::kEnds;
}

bool Tokenizer::joins_number(std::size_t i, const Char& c) const {
  if (c.cp != '.' && c.cp != ',') return false;
  const char before = text_[i - 1];
  return before >= '0' && before <= '9' && at(i + 1).cls == CharClass::kDigit;
}

// The start of the pronoun when the hyphen at `hyphen` begins a French subject inversion, else 0.
std::size_t Tokenizer::inversion_at(std::size_t hyphen) const {
  std::size_t p = hyphen + at(hyphen).len;
  bool euphonic = false;
  if (is_ascii(text_[p], 't') && at(p + 1).cls == CharClass::kHyphen) {
    euphonic = true;
    p += 1 + at(p + 1).len;
  }
  static constexpr std::string_view kPronouns[] = {"il", "ils", "elle", "elles", "on"};
  for (const auto pronoun : kPronouns) {
    if ((pronoun == "on" && !euphonic) || !matches_at(text_, p, pronoun)) continue;
    const Char after = at(p + pronoun.size());
    if (!after.alnum() && after.cls != CharClass::kHyphen && after.cls != CharClass::kMark) {
      return p;
    }
  }
  return 0;
}

// The end of the run of letters, digits and marks from i. Invisible characters between two
// letters (a soft hyphen) belong to the run.
std::size_t Tokenizer::alnum_run(std::size_t i) const {
  for (;;) {
    i = ascii_alnum_end(i);
    const Char c = at(i);
    if (c.alnum() || c.cls == CharClass::kMark) {
      i += c.len;
      continue;
    }
    if (c.cls != CharClass::kIgnorable) return i;
    std::size_t j = i;
    while (at(j).cls == CharClass::kIgnorable) j += at(j).len;
    if (!at(j).alnum()) return i;
    i = j;
  }
}

// The end of the run of ASCII letters and digits from i: most words are nothing else, and the
// bytes need no decoding. Eight bytes at a time, with no branch per byte.
std::size_t Tokenizer::ascii_alnum_end(std::size_t i) const {
  const auto other_flags = [](std::uint64_t w) { return ~ascii_alnum_bits(w) & kHighBits; };
  const auto is_other = [](unsigned char b) { return (kAsciiFlags[b] & kAsciiAlnum) == 0; };
  return i + bytes::find_first(text_.substr(i), other_flags, is_other);
}

std::size_t Tokenizer::skip_marks(std::size_t i) const {
  while (at(i).cls == CharClass::kMark) i += at(i).len;
  return i;
}

void Tokenizer::emit(const Piece& p, bool line_start) {
  if (!tokens_.empty()) out_.put(' ');
  Token t;
  t.begin = static_cast<std::uint32_t>(p.begin);
  t.end = static_cast<std::uint32_t>(p.end);
  t.norm_begin = static_cast<std::uint32_t>(out_.size());
  const Shape shape = normalize(p.begin, p.end);
  t.norm_end = static_cast<std::uint32_t>(out_.size());
  t.flags = p.flags;
  if ((p.flags & kPunct) == 0) t.flags |= shape.letters > 0 ? kWord : kNumber;
  if (shape.first_upper) t.flags |= kCapitalised;
  if (shape.letters >= 2 && shape.upper == shape.letters) t.flags |= kAllCaps;
  if (line_start) t.flags |= kLineStart;
  tokens_.push_back(t);
}

// emit() for a plain ASCII word (plain_word_end), eight bytes at a time. In an ASCII letter or
// digit, bit 0x40 is set for a letter only, bit 0x20 is clear for an upper-case letter only, and
// setting 0x20 folds the case (a digit has it already).
void Tokenizer::emit_ascii_word(std::size_t begin, std::size_t end, bool line_start) {
  if (!tokens_.empty()) out_.put(' ');
  const std::size_t n = end - begin;
  out_.reserve(n + 8);  // the last word stored may run past the token
  Token t;
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  t.norm_begin = static_cast<std::uint32_t>(out_.size());
  char* folded = out_.text();
  int letters = 0;  // up to two per eight bytes: the flags tell only none, one and more
  bool lower_case = false;
  bool first_upper = false;
  for (std::size_t k = 0; k < n; k += 8) {
    std::uint64_t w = 0;
    if (begin + k + 8 <= text_.size()) {
      w = bytes::load(text_.data() + begin + k);
    } else {  // the end of the text: no whole word to load
      for (std::size_t j = 0; begin + k + j < end; ++j)
        w |= static_cast<std::uint64_t>(byte(begin + k + j)) << (8 * j);
    }
    const std::uint64_t in_token =
        n - k >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * (n - k))) - 1;
    w &= in_token;
    bytes::store(folded + k, w | (kOnes * 0x20 & in_token));
    const std::uint64_t letter_bits = w & (kOnes * 0x40);
    if (letters == 0 && letter_bits != 0) {
      first_upper = ((w >> (std::countr_zero(letter_bits) - 1)) & 1) == 0;
    }
    letters += (letter_bits != 0) + ((letter_bits & (letter_bits - 1)) != 0);
    lower_case |= (letter_bits & (w << 1)) != 0;  // a letter with its 0x20 bit set
  }
  out_.advance(n);
  t.norm_end = static_cast<std::uint32_t>(out_.size());
  t.flags = letters > 0 ? kWord : kNumber;
  if (first_upper) t.flags |= kCapitalised;
  if (letters >= 2 && !lower_case) t.flags |= kAllCaps;
  if (line_start) t.flags |= kLineStart;
  tokens_.push_back(t);
}

// emit() for the one-byte punctuation token at i (see run()).
void Tokenizer::emit_ascii_punct(std::size_t i, std::uint16_t flags, bool line_start) {
  if (!tokens_.empty()) out_.put(' ');
  Token t;
  t.begin = static_cast<std::uint32_t>(i);
  t.end = static_cast<std::uint32_t>(i + 1);
  t.norm_begin = static_cast<std::uint32_t>(out_.size());
  out_.put(kAsciiFold[byte(i)]);
  t.norm_end = t.norm_begin + 1;
  t.flags = line_start ? flags | kLineStart : flags;
  tokens_.push_back(t);
}

// Appends the normalised form of text[begin, end): each character's form in turn, or the first
// character itself when none has a form. Document::original_offset retraces it that way.
Shape Tokenizer::normalize(std::size_t begin, std::size_t end) {
  const std::size_t before = out_.size();
  Shape shape;
  for (std::size_t i = begin; i < end;) {
    if (byte(i) < 0x80) {  // the common case: a run of ASCII, without decoding
      std::size_t ascii_end = i + 1;
      while (ascii_end < end && byte(ascii_end) < 0x80) ++ascii_end;
      normalize_ascii(i, ascii_end, shape);
      i = ascii_end;
      continue;
    }
    const Char c = decode_non_ascii(text_, i);
    code_point_.clear();
    append_normalized(c.cp, code_point_);
    out_.append(code_point_);
    if (c.cls == CharClass::kLetter) {
      if (shape.letters++ == 0) shape.first_upper = c.upper;
      shape.upper += c.upper;
    }
    i += c.len;
  }
  if (out_.size() == before) {  // a symbol with no matching form (U+00A8) stands for itself
    out_.append(text_.substr(begin, at(begin).len));
  }
  return shape;
}

// normalize() for ASCII text[begin, end): one folded byte and one map entry per byte.
void Tokenizer::normalize_ascii(std::size_t begin, std::size_t end, Shape& shape) {
  const std::size_t n = end - begin;
  out_.reserve(n);
  char* folded = out_.text();
  for (std::size_t k = 0; k < n; ++k) {
    const unsigned char b = byte(begin + k);
    folded[k] = kAsciiFold[b];
    const std::uint8_t flags = kAsciiFlags[b];
    if ((flags & kAsciiLetter) != 0) {
      const bool upper = (flags & kAsciiUpper) != 0;
      if (shape.letters++ == 0) shape.first_upper = upper;
      shape.upper += upper;
    }
  }
  out_.advance(n);
}

}  // namespace

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, TokenSink sink) {
  sink.tokens.reserve((end - begin) / 5 + 16);
  Tokenizer(text.substr(0, end), begin, sink).run();
}

}  // namespace diplograph::text::detail
