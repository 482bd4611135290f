// The wire header (" date 2020-10 Moscou, 1 oct 2020 (AFP) - ") and the agency sign-offs at the
// end of a story ("sct/seb/fff", "(Reporting by ...)").
#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace diplograph::ingest {

namespace {

// How far into the text the agency's "(...)" may close: datelines are short, and a limit keeps
// "(AFP)" quoted later in a story from being taken for one.
constexpr std::size_t kMaxDatelineBytes = 200;
constexpr std::size_t kMaxAgencyBytes = 40;

struct Date {
  int year = 0;  // 0 when not written
  int month = 0;
  int day = 0;  // 0 for a month-only date
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
bool is_utf8_lead(char c) { return static_cast<unsigned char>(c) >= 0xC2; }

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

std::size_t trim_end(std::string_view s, std::size_t end) {
  while (end > 0 && is_space(s[end - 1])) --end;
  return end;
}

std::string_view trim(std::string_view s) {
  const std::size_t b = skip_space(s, 0);
  return s.substr(b, trim_end(s, s.size()) - b);
}

// Lower-cases ASCII and the upper-case letters of Latin-1 ("DÉC" -> "déc"), enough for months.
std::string fold_case(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (is_upper(out[i])) {
      out[i] = static_cast<char>(out[i] - 'A' + 'a');
    } else if (out[i] == '\xC3' && i + 1 < out.size()) {
      const auto b = static_cast<unsigned char>(out[i + 1]);
      if (b >= 0x80 && b <= 0x9E && b != 0x97) out[i + 1] = static_cast<char>(b + 0x20);
      ++i;
    }
  }
  return out;
}

// French and English month names and their wire abbreviations.
int month_number(std::string_view word) {
  struct Month {
    std::string_view name;
    int number;
  };
  static constexpr Month kMonths[] = {
      {"janvier", 1},   {"janv", 1},      {"jan", 1},       {"january", 1},   {"février", 2},
      {"fevrier", 2},   {"févr", 2},      {"fevr", 2},      {"fév", 2},       {"fev", 2},
      {"feb", 2},       {"february", 2},  {"mars", 3},      {"mar", 3},       {"march", 3},
      {"avril", 4},     {"avr", 4},       {"april", 4},     {"apr", 4},       {"mai", 5},
      {"may", 5},       {"juin", 6},      {"june", 6},      {"jun", 6},       {"juillet", 7},
      {"juil", 7},      {"july", 7},      {"jul", 7},       {"août", 8},      {"aout", 8},
      {"august", 8},    {"aug", 8},       {"septembre", 9}, {"sept", 9},      {"sep", 9},
      {"september", 9}, {"octobre", 10},  {"oct", 10},      {"october", 10},  {"novembre", 11},
      {"nov", 11},      {"november", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
      {"dec", 12},      {"december", 12},
  };
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  const std::string folded = fold_case(word);
  for (const Month& m : kMonths) {
    if (m.name == folded) return m.number;
  }
  return 0;
}

// "1", "01", "1er", "1st", "23rd": the day of the month, or 0.
int day_number(std::string_view word) {
  std::size_t i = 0;
  int day = 0;
  while (i < word.size() && i < 2 && is_digit(word[i])) day = day * 10 + (word[i++] - '0');
  if (i == 0) return 0;
  static constexpr std::array<std::string_view, 6> kSuffixes{"", "er", "st", "nd", "rd", "th"};
  for (std::string_view suffix : kSuffixes) {
    if (word.substr(i) == suffix) return day >= 1 && day <= 31 ? day : 0;
  }
  return 0;
}

int year_number(std::string_view word) {
  if (word.size() != 4) return 0;
  int year = 0;
  for (char c : word) {
    if (!is_digit(c)) return 0;
    year = year * 10 + (c - '0');
  }
  return year >= 1000 ? year : 0;
}

// Splits on spaces and commas; at most four words are needed to tell whether it is a date.
std::size_t split_words(std::string_view s, std::array<std::string_view, 4>& words) {
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != ',') ++i;
    if (i == begin) break;
    if (n == words.size()) return n + 1;
    words[n++] = s.substr(begin, i - begin);
  }
  return n;
}

// The whole of `s` as a dateline date: "1er oct. 2020", "23 déc", "October 1, 2020", "Oct 1".
std::optional<Date> parse_date(std::string_view s) {
  std::array<std::string_view, 4> w;
  const std::size_t n = split_words(s, w);
  if (n < 2 || n > 3) return std::nullopt;
  Date d;
  const bool day_first = is_digit(w[0].front());
  d.day = day_number(day_first ? w[0] : w[1]);
  d.month = month_number(day_first ? w[1] : w[0]);
  if (n == 3) d.year = year_number(w[2]);
  if (d.day == 0 || d.month == 0 || (n == 3 && d.year == 0)) return std::nullopt;
  return d;
}

// The " date YYYY-MM " or " date YYYY-MM-DD " field of archived wire files.
std::optional<Date> parse_date_field(std::string_view text, std::size_t& pos) {
  constexpr std::string_view kWord = "date";
  if (text.substr(pos, kWord.size()) != kWord) return std::nullopt;
  std::size_t i = pos + kWord.size();
  if (i >= text.size() || !is_space(text[i])) return std::nullopt;
  i = skip_space(text, i);
  std::size_t end = i;
  while (end < text.size() && !is_space(text[end])) ++end;
  const std::string_view value = text.substr(i, end - i);
  Date d;
  const bool shape_ok = (value.size() == 7 || value.size() == 10) && value[4] == '-' &&
                        (value.size() == 7 || value[7] == '-');
  if (!shape_ok) return std::nullopt;
  d.year = year_number(value.substr(0, 4));
  d.month = day_number(value.substr(5, 2));
  if (value.size() == 10) d.day = day_number(value.substr(8, 2));
  if (d.year == 0 || d.month < 1 || d.month > 12 || (value.size() == 10 && d.day == 0)) {
    return std::nullopt;
  }
  pos = end;
  return d;
}

std::string iso(const Date& d) {
  char buf[16];
  if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

// The dateline's date wins; the date field supplies a missing year. The field is the month
// the story was filed, so a "31 déc" dateline in a January file belongs to the year before.
std::string combine_dates(const std::optional<Date>& field, const std::optional<Date>& dateline) {
  if (dateline && dateline->year != 0) return iso(*dateline);
  if (dateline && field) {
    Date d = *dateline;
    d.year = field->year;
    if (field->month == 1 && d.month == 12) --d.year;
    if (field->month == 12 && d.month == 1) ++d.year;
    return iso(d);
  }
  return field ? iso(*field) : std::string();
}

// A place name: starts with a capital, a few words, mostly capitalised ("SKHIRAT (Maroc)",
// "Macédoine du Nord", "NEW DELHI/ISLAMABAD"), nothing a sentence would contain.
bool looks_like_place(std::string_view place) {
  place = trim(place);
  if (place.empty() || place.size() > 100) return false;
  if (!is_upper(place.front()) && !is_utf8_lead(place.front())) return false;
  if (place.find_first_of("\":;!?") != std::string_view::npos) return false;
  std::size_t words = 0;
  std::size_t lower_words = 0;
  for (std::size_t i = 0; i < place.size();) {
    i = skip_space(place, i);
    if (i == place.size()) break;
    ++words;
    if (place[i] == '(') ++i;
    if (i < place.size() && is_lower(place[i])) ++lower_words;
    while (i < place.size() && !is_space(place[i])) ++i;
  }
  return words <= 8 && lower_words <= 2;
}

// "AFP", "Reuters", "AP", "Xinhua", "Reuters Breakingviews": short, letters first.
bool looks_like_agency(std::string_view agency) {
  if (agency.empty() || agency.size() > kMaxAgencyBytes) return false;
  if (!is_alpha(agency.front()) && !is_utf8_lead(agency.front())) return false;
  for (char c : agency) {
    const bool ok = is_alpha(c) || is_digit(c) || c == ' ' || c == '.' || c == '&' || c == '-' ||
                    c == '/' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return false;
  }
  return true;
}

// After the agency's ")": spaces, then "-", "--", "–" or "—", then white space or the end.
// Returns where the separator ends, or npos.
std::size_t match_separator(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  static constexpr std::array<std::string_view, 4> kDashes{"--", "-", "\u2013", "\u2014"};
  for (std::string_view dash : kDashes) {
    if (text.substr(i, dash.size()) != dash) continue;
    const std::size_t end = i + dash.size();
    if (end == text.size() || is_space(text[end])) return end;
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A full stop, "!" or "?" that ends a sentence: followed by a space and a capital, after a word
// longer than an abbreviation ("ST. LOUIS", "Sept. 17" and "U.S. officials" do not end one).
bool ends_sentence(std::string_view text, std::size_t i) {
  if (text[i] != '.' && text[i] != '!' && text[i] != '?') return false;
  if (i + 2 >= text.size() || !is_space(text[i + 1])) return false;
  const std::size_t next = skip_space(text, i + 1);
  if (next == text.size() || !(is_upper(text[next]) || text[next] == '"')) return false;
  if (text[i] != '.') return true;
  std::size_t word = i;
  while (word > 0 && is_alpha(text[word - 1])) --word;
  return i - word > 3;
}

// A line break followed by a line of nothing but white space: a paragraph break, "\n\n" or
// "\r\n\r\n".
bool starts_blank_line(std::string_view text, std::size_t i) {
  if (text[i] != '\n') return false;
  for (++i; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  }
  return i < text.size();
}

struct Dateline {
  std::size_t open = 0;   // the agency's "("
  std::size_t close = 0;  // its ")"
  std::size_t separator_end = 0;
};

// The first "(AGENCY) - " that closes within the dateline limit and before the first sentence
// end or blank line: "(Maroc)" in "SKHIRAT (Maroc), 17 déc 2015 (AFP) - " is passed over.
std::optional<Dateline> find_agency(std::string_view text, std::size_t begin) {
  const std::size_t limit = std::min(text.size(), begin + kMaxDatelineBytes);
  for (std::size_t i = begin; i < limit; ++i) {
    if (ends_sentence(text, i) || starts_blank_line(text, i)) return std::nullopt;
    if (text[i] != '(') continue;
    const std::size_t close = text.substr(0, limit).find(')', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const std::size_t sep = match_separator(text, close + 1);
    if (sep != std::string_view::npos && looks_like_agency(text.substr(i + 1, close - i - 1))) {
      return Dateline{i, close, sep};
    }
  }
  return std::nullopt;
}

// Splits "PLACE, DATE" at the first comma after which the rest is a whole date, so that
// "UNITED NATIONS, Oct 1, 2020" and "KYIV, Ukraine" both come apart right.
std::optional<Date> split_place_date(std::string_view prefix, std::string_view& place) {
  place = prefix;
  for (std::size_t c = prefix.find(','); c != std::string_view::npos; c = prefix.find(',', c + 1)) {
    if (auto date = parse_date(trim(prefix.substr(c + 1)))) {
      place = prefix.substr(0, c);
      return date;
    }
  }
  return std::nullopt;
}

// Strips an AFP sign-off, the last line of a story: lower-case initials and desk codes
// separated by slashes, "sct/seb/fff", "bur-jm/ah", "pz/mba".
std::size_t strip_afp_signoff(std::string_view text, std::size_t end) {
  const std::size_t nl = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
  if (nl == std::string_view::npos) return end;
  const std::size_t line_begin = nl + 1;
  const std::string_view line = trim(text.substr(line_begin, end - line_begin));
  if (line.size() > 60 || line.find('/') == std::string_view::npos) return end;
  std::size_t group = 0;
  for (char c : line) {
    if (c == '/') {
      if (group == 0) return end;
      group = 0;
    } else if (is_lower(c) || (group > 0 && (is_digit(c) || c == '-'))) {
      if (++group > 12) return end;
    } else {
      return end;
    }
  }
  return group == 0 ? end : trim_end(text, line_begin);
}

// Strips a trailing Reuters credit "(Reporting by ...; Editing by ...)" or the standards line.
std::size_t strip_reuters_credit(std::string_view text, std::size_t end) {
  constexpr std::string_view kStandards = "Our Standards: The Thomson Reuters Trust Principles.";
  if (text.substr(0, end).ends_with(kStandards)) return trim_end(text, end - kStandards.size());
  if (end == 0 || text[end - 1] != ')') return end;
  // The "(" that matches the final ")", within a credit's length.
  int depth = 0;
  std::size_t open = end;
  for (std::size_t i = end; i > 0 && end - i < 2000; --i) {
    if (text[i - 1] == ')') ++depth;
    if (text[i - 1] == '(' && --depth == 0) {
      open = i - 1;
      break;
    }
  }
  if (open == end || (open > 0 && !is_space(text[open - 1]))) return end;
  static constexpr std::array<std::string_view, 6> kCredits{
      "(Reporting",  "(Writing by",  "(Additional reporting",
      "(Editing by", "(Compiled by", "(Report by"};
  for (std::string_view credit : kCredits) {
    if (text.substr(open, credit.size()) == credit) return trim_end(text, open);
  }
  return end;
}

}  // namespace

WireHeader parse_wire_header(std::string_view text) {
  WireHeader header;
  std::size_t pos = skip_space(text, 0);
  const std::optional<Date> field = parse_date_field(text, pos);
  if (field) pos = skip_space(text, pos);
  const std::optional<Dateline> found = find_agency(text, pos);
  std::string_view place;
  std::optional<Date> date;
  if (found) date = split_place_date(text.substr(pos, found->open - pos), place);
  if (!found || !looks_like_place(place)) {
    if (field) {
      header.date = iso(*field);
      header.body_begin = pos;
    }
    return header;
  }
  header.date = combine_dates(field, date);
  header.agency = std::string(trim(text.substr(found->open + 1, found->close - found->open - 1)));
  header.dateline = std::string(text.substr(pos, found->close + 1 - pos));
  header.body_begin = skip_space(text, found->separator_end);
  return header;
}

std::size_t body_end(std::string_view text) {
  std::size_t end = trim_end(text, text.size());
  for (;;) {
    const std::size_t stripped = strip_reuters_credit(text, strip_afp_signoff(text, end));
    if (stripped == end) return end;
    end = stripped;
  }
}

}  // namespace diplograph::ingest
