#include "exporters/text.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "util/byte_scan.h"
#include "util/hundredths.h"
#include "util/utf8.h"

namespace diplograph::exporters {
namespace {

// XML 1.0 characters, less DEL: XML allows it, but raptor's RDF/XML writer refuses it, and one
// rule for all formats keeps them showing the same text.
bool xml_allowed(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0x7F && cp != 0xFFFE && cp != 0xFFFF;
}

// Calls f(code point, bytes) for each character, or f(U+FFFD, bad byte) for a byte that does not
// start a valid sequence.
template <typename F>
void for_each_char(std::string_view s, F&& f) {
  while (!s.empty()) {
    utf8::Invalid bad;
    const bool valid = utf8::validate(s, &bad);
    const std::string_view good = s.substr(0, valid ? s.size() : bad.offset);
    for (std::size_t i = 0; i < good.size();) {
      const std::size_t start = i;
      const char32_t cp = utf8::next(good, i);
      f(cp, good.substr(start, i - start));
    }
    if (valid) return;
    f(char32_t{0xFFFD}, s.substr(bad.offset, 1));
    s.remove_prefix(bad.offset + 1);
  }
}

void append_percent(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
}

int to_int(std::string_view digits) {
  int n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}

bool is_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

// No control character but tab and line breaks, no DEL, valid UTF-8, and no 0xEF lead byte (the
// one that may start U+FFFE or U+FFFF; such text takes the slow path). Eight bytes at a time to
// the first suspect byte.
bool is_clean_text(std::string_view text) {
  const auto suspect_flags = [](std::uint64_t w) {
    return bytes::below(w, 0x20) | bytes::equal(w, 0x7F) | bytes::equal(w, 0xEF);
  };
  const auto is_suspect = [](unsigned char b) { return b < 0x20 || b == 0x7F || b == 0xEF; };
  for (std::string_view rest = text;;) {
    const std::size_t at = bytes::find_first(rest, suspect_flags, is_suspect);
    if (at == rest.size()) break;
    if (rest[at] != '\t' && rest[at] != '\n' && rest[at] != '\r') return false;
    rest.remove_prefix(at + 1);
  }
  return utf8::validate(text);
}

bool is_printable_ascii(std::string_view text) {
  const auto flags = [](std::uint64_t w) {
    return bytes::below(w, 0x20) | bytes::equal(w, 0x7F) | (w & bytes::kHighBits);
  };
  return bytes::find_first(text, flags, [](unsigned char b) { return b < 0x20 || b >= 0x7F; }) ==
         text.size();
}

std::string clean_text(std::string_view text) {
  if (is_clean_text(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](char32_t cp, std::string_view bytes) {
    if (!xml_allowed(cp)) return;
    if (cp == 0xFFFD && bytes.size() == 1)
      utf8::append(out, cp);
    else
      out += bytes;
  });
  return out;
}

bool all_digits(std::string_view s) {
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::string_view clean_view(std::string_view text, std::string& storage) {
  if (is_clean_text(text)) return text;
  storage = clean_text(text);
  return storage;
}

std::string node_key(std::string_view actor_id) {
  std::string out;
  out.reserve(actor_id.size());
  for_each_char(actor_id, [&](char32_t cp, std::string_view bytes) {
    const bool bad_byte = cp == 0xFFFD && bytes.size() == 1;
    if (cp == '%' || bad_byte || !xml_allowed(cp))
      append_percent(out, bytes);
    else
      out += bytes;
  });
  return out;
}

std::string edge_key(std::size_t n) {
  std::string key = "e";
  key += std::to_string(n);
  return key;
}

// Tableau-10 colours: distinct for the colour-blind and readable on white.
Rgb kind_color(ActorKind kind) {
  switch (kind) {
    case ActorKind::State: return {0x1f, 0x77, 0xb4};
    case ActorKind::Person: return {0xff, 0x7f, 0x0e};
    case ActorKind::InternationalOrganization: return {0x2c, 0xa0, 0x2c};
    case ActorKind::NonStateGroup: return {0xd6, 0x27, 0x28};
    case ActorKind::Region: return {0x94, 0x67, 0xbd};
  }
  return {0x7f, 0x7f, 0x7f};
}

std::string hex_color(Rgb color) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", color.r, color.g, color.b);
  return buf;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "0.0";
  // The shortest form of exactly n / 100.0 is n's digits less their trailing zeros.
  if (const auto n = exact_hundredths(value)) {
    std::string out{static_cast<char>('0' + *n / 100), '.', static_cast<char>('0' + *n / 10 % 10)};
    if (*n % 10 != 0) out += static_cast<char>('0' + *n % 10);
    return out;
  }
  char buf[400];  // fixed notation of the smallest double takes some 330 characters
  const auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed).ptr;
  std::string out(buf, end);
  if (out.find('.') == std::string::npos) out += ".0";
  return out;
}

DateForm date_form(std::string_view date) {
  using namespace std::chrono;
  const auto part = [&](std::size_t at, std::size_t n) { return date.substr(at, n); };
  if (date.size() < 4 || !all_digits(part(0, 4))) return DateForm::Other;
  const year y{to_int(part(0, 4))};
  if (date.size() == 4) return DateForm::Year;
  if (date[4] != '-' || date.size() < 7 || !all_digits(part(5, 2))) return DateForm::Other;
  const month m{static_cast<unsigned>(to_int(part(5, 2)))};
  if (date.size() == 7) return m.ok() ? DateForm::Month : DateForm::Other;
  if (date.size() != 10 || date[7] != '-' || !all_digits(part(8, 2))) return DateForm::Other;
  const day d{static_cast<unsigned>(to_int(part(8, 2)))};
  return year_month_day{y, m, d}.ok() ? DateForm::Day : DateForm::Other;
}

std::string first_day(std::string_view date) {
  switch (date_form(date)) {
    case DateForm::Day: return std::string(date);
    case DateForm::Month: return std::string(date) + "-01";
    case DateForm::Year: return std::string(date) + "-01-01";
    case DateForm::Other: break;
  }
  return {};
}

std::string csv_cell(std::string_view text) {
  const std::string clean = clean_text(text);
  std::string out = "\"";
  if (!clean.empty() && is_formula_start(clean.front())) out += '\'';
  for (const char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string dot_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : clean_text(text)) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace diplograph::exporters
