// Per-code-point classification and normalisation. ASCII goes through tables; everything else
// through utf8proc into a stack buffer, so nothing here allocates except the output string.
#include <utf8proc.h>

#include "text/detail.h"
#include "util/utf8.h"

namespace diplograph::text::detail {

namespace {

constexpr Char ascii_char(unsigned char b) {
  Char c;
  c.cp = b;
  c.len = 1;
  if (b == '\n' || b == '\r') {
    c.cls = CharClass::kNewline;
  } else if (b <= ' ' || b == 0x7F) {
    c.cls = CharClass::kSpace;
  } else if (b >= 'A' && b <= 'Z') {
    c.cls = CharClass::kLetter;
    c.upper = true;
  } else if (b >= 'a' && b <= 'z') {
    c.cls = CharClass::kLetter;
    c.lower = true;
  } else if (b >= '0' && b <= '9') {
    c.cls = CharClass::kDigit;
  } else if (b == '\'' || b == '`') {
    c.cls = CharClass::kApostrophe;
  } else if (b == '"') {
    c.cls = CharClass::kQuote;
  } else if (b == '-') {
    c.cls = CharClass::kHyphen;
  } else {
    c.cls = CharClass::kOther;
  }
  return c;
}

constexpr std::array<Char, 256> make_ascii_chars() {
  std::array<Char, 256> table{};
  for (int b = 0; b < 0x80; ++b) table[b] = ascii_char(static_cast<unsigned char>(b));
  return table;
}

constexpr std::array<char, 256> make_ascii_fold() {
  std::array<char, 256> table{};
  for (int b = 0; b < 0x80; ++b) table[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  table['`'] = '\'';
  return table;
}

constexpr std::array<std::uint8_t, 256> make_ascii_flags() {
  std::array<std::uint8_t, 256> table{};
  for (int b = 0; b < 0x80; ++b) {
    const Char c = ascii_char(static_cast<unsigned char>(b));
    const bool joins_word = c.alnum() || c.cls == CharClass::kHyphen ||
                            c.cls == CharClass::kApostrophe || b == '.' || b == ',';
    table[b] = static_cast<std::uint8_t>((c.alnum() ? kAsciiAlnum : 0) |
                                         (c.cls == CharClass::kLetter ? kAsciiLetter : 0) |
                                         (c.upper ? kAsciiUpper : 0) |
                                         (joins_word ? 0 : kAsciiWordEnd));
  }
  return table;
}

// The ASCII character that typography stands for in matching: apostrophes, quotes, dashes.
char plain_ascii(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
      return '\'';
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2039: case 0x203A:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63:
      return '-';
    default:
      return 0;
  }
}

// Letters that Unicode does not decompose but that readers see as a base letter with an accent
// or as two letters (Kılıçdaroğlu, Łukaszenka, Đukanović, Støre, œuvre, Æ).
std::string_view unstroked(char32_t cp) {
  switch (cp) {
    case 0x0131: return "i";
    case 0x0141: case 0x0142: return "l";
    case 0x0110: case 0x0111: return "d";
    case 0x00D8: case 0x00F8: return "o";
    case 0x0126: case 0x0127: return "h";
    case 0x0166: case 0x0167: return "t";
    case 0x0152: case 0x0153: return "oe";
    case 0x00C6: case 0x00E6: return "ae";
    default: return {};
  }
}

CharClass class_of_category(utf8proc_category_t category) {
  switch (category) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return CharClass::kNewline;
    case UTF8PROC_CATEGORY_CF:
      return CharClass::kIgnorable;
    default:
      return CharClass::kOther;
  }
}

Char classify(char32_t cp) {
  Char c;
  c.cp = cp;
  if (const char plain = plain_ascii(cp)) {
    c.cls = plain == '\'' ? CharClass::kApostrophe
          : plain == '"'  ? CharClass::kQuote
          : (cp == 0x2010 || cp == 0x2011) ? CharClass::kHyphen
                                           : CharClass::kOther;
    return c;
  }
  if (cp == 0x0085) {  // NEL is a control character that ends a line
    c.cls = CharClass::kNewline;
    return c;
  }
  if (cp == 0x200B) {  // a zero-width space separates words even though it is a format character
    c.cls = CharClass::kSpace;
    return c;
  }
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  c.cls = class_of_category(category);
  c.upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
  c.lower = category == UTF8PROC_CATEGORY_LL;
  return c;
}

Char invalid_byte() {
  Char c;
  c.cp = 0xFFFD;
  c.len = 1;
  c.cls = CharClass::kOther;
  return c;
}

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
    UTF8PROC_IGNORE);
// The longest expansion under these options is 18 code points (U+FDFA).
constexpr int kMaxExpansion = 32;

void append_folded(char32_t cp, std::string& out) {
  utf8proc_int32_t buffer[kMaxExpansion];
  int boundclass = 0;
  const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buffer,
                                         kMaxExpansion, kFoldOptions, &boundclass);
  if (n < 0 || n > kMaxExpansion) {
    utf8::append(out, cp);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    const auto r = static_cast<char32_t>(buffer[k]);
    // Compatibility forms of spacing accents (U+00A8 -> space + mark) must not split a token.
    if (r == ' ') continue;
    if (r < 0x80) {
      out.push_back(kAsciiFold[r]);
    } else if (const char plain = plain_ascii(r)) {
      out.push_back(plain);
    } else {
      utf8::append(out, r);
    }
  }
}

}  // namespace

const std::array<Char, 256> kAsciiChar = make_ascii_chars();
const std::array<char, 256> kAsciiFold = make_ascii_fold();
const std::array<std::uint8_t, 256> kAsciiFlags = make_ascii_flags();

namespace {

void append_normalized_non_ascii(char32_t cp, std::string& out) {
  if (const char plain = plain_ascii(cp)) {
    out.push_back(plain);
  } else if (const auto base = unstroked(cp); !base.empty()) {
    out.append(base);
  } else {
    append_folded(cp, out);
  }
}

// The two-byte code points (U+0080..U+07FF: accented Latin, Greek, Cyrillic, Arabic, Hebrew) are
// nearly all the non-ASCII letters of dispatches. Their classes and matching forms are worked out
// once, so that the tokenizer does not ask utf8proc again for every é.
constexpr char32_t kTwoByteFirst = 0x80;
constexpr char32_t kTwoByteEnd = 0x800;
constexpr std::size_t kMaxCachedForm = 7;  // longer forms (none in practice) are not cached

struct TwoByteTable {
  struct Form {
    std::array<char, kMaxCachedForm> bytes{};
    std::uint8_t size = 0;
    bool cached = false;
  };
  std::array<Char, kTwoByteEnd - kTwoByteFirst> chars;
  std::array<Form, kTwoByteEnd - kTwoByteFirst> forms;
};

const TwoByteTable& two_byte_table() {
  static const TwoByteTable table = [] {
    TwoByteTable t;
    std::string form;
    for (char32_t cp = kTwoByteFirst; cp < kTwoByteEnd; ++cp) {
      t.chars[cp - kTwoByteFirst] = classify(cp);
      t.chars[cp - kTwoByteFirst].len = 2;
      form.clear();
      append_normalized_non_ascii(cp, form);
      auto& f = t.forms[cp - kTwoByteFirst];
      f.cached = form.size() <= kMaxCachedForm;
      if (f.cached) {
        f.size = static_cast<std::uint8_t>(form.size());
        form.copy(f.bytes.data(), form.size());
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

Char decode_non_ascii(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const int len = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return invalid_byte();
  char32_t cp = lead & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return invalid_byte();
    cp = (cp << 6) | (b & 0x3F);
  }
  if (len == 2) return two_byte_table().chars[cp - kTwoByteFirst];  // lead >= 0xC2: no overlong
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid_byte();
  Char c = classify(cp);
  c.len = static_cast<std::uint8_t>(len);
  return c;
}

void append_normalized(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(kAsciiFold[cp]);
    return;
  }
  if (cp < kTwoByteEnd) {
    const auto& form = two_byte_table().forms[cp - kTwoByteFirst];
    if (form.cached) {
      out.append(form.bytes.data(), form.size);
      return;
    }
  }
  append_normalized_non_ascii(cp, out);
}

}  // namespace diplograph::text::detail
