// Recognises the hard-wrapped wire layout: lines of a fixed width, each followed by one blank
// line, so that "\n\n" is no paragraph break. Ordinary text (one paragraph per line, blank lines
// between) also has single blank lines everywhere, so what tells them apart is that wrapped
// lines often stop mid-sentence and the next line goes on in lower case.
#include "text/detail.h"

namespace diplograph::text::detail {

namespace {

std::string_view trim(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = line.find_last_not_of(" \t\r\f\v");
  return line.substr(first, last - first + 1);
}

bool ends_with_terminal(std::string_view line) {
  const char c = line.back();
  return c == '.' || c == '!' || c == '?' || line.ends_with("…");
}

struct LineStats {
  int lines = 0;      // non-empty lines
  int gaps = 0;       // places where one non-empty line follows another
  int single = 0;     // gaps of exactly one blank line
  int continued = 0;  // gaps where the sentence runs on in lower case
};

LineStats line_stats(std::string_view body) {
  LineStats stats;
  std::string_view previous;
  int blanks = 0;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    auto eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    const auto line = trim(body.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      ++blanks;
      continue;
    }
    if (!previous.empty()) {
      ++stats.gaps;
      stats.single += blanks == 1;
      stats.continued += !ends_with_terminal(previous) && char_at(line, 0).lower;
    }
    ++stats.lines;
    previous = line;
    blanks = 0;
  }
  return stats;
}

}  // namespace

bool is_hard_wrapped(std::string_view body) {
  const LineStats s = line_stats(body);
  return s.lines >= 3 && s.single * 4 >= s.gaps * 3 && s.continued * 4 >= s.gaps;
}

}  // namespace diplograph::text::detail
