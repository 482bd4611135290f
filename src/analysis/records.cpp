// Input of the analyses: the assertion JSON Lines of an OUTDIR, and the dates that slice it.
#include <chrono>
#include <fstream>
#include <stdexcept>

#include "analysis/analysis.h"
#include "exporters/text.h"
#include "model/record_json.h"

namespace diplograph::analysis {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == line.npos; }

// The last day `date` covers ("2020-02" -> "2020-02-29"), or "" when it is of no known form.
std::string last_day(std::string_view date) {
  using namespace std::chrono;
  switch (exporters::date_form(date)) {
    case exporters::DateForm::Day: return std::string(date);
    case exporters::DateForm::Year: return std::string(date) + "-12-31";
    case exporters::DateForm::Month: {
      const int y = std::stoi(std::string(date.substr(0, 4)));
      const auto m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
      const year_month_day_last last{year{y}, month_day_last{month{m}}};
      return std::string(date) + "-" + std::to_string(static_cast<unsigned>(last.day()));
    }
    case exporters::DateForm::Other: break;
  }
  return {};
}

std::string checked_bound(std::string_view date, const char* option, bool first) {
  if (date.empty()) return {};
  const std::string day = first ? exporters::first_day(date) : last_day(date);
  if (day.empty())
    throw std::invalid_argument(std::string(option) + " '" + std::string(date) +
                                "': expected YYYY, YYYY-MM or YYYY-MM-DD");
  return day;
}

}  // namespace

std::filesystem::path assertions_file(const std::filesystem::path& path) {
  if (std::filesystem::is_directory(path)) return path / "assertions.jsonl";
  return path;
}

std::vector<std::string> read_records(const std::filesystem::path& file,
                                      const std::function<void(DispatchRecord&&)>& each) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  std::vector<std::string> errors;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (blank(line)) continue;
    DispatchRecord record;
    ParseError parse;
    if (from_json_line(line, record, parse))
      each(std::move(record));
    else
      errors.push_back(file.string() + ":" + std::to_string(number) + ":" +
                       std::to_string(parse.column) + ": " + parse.message);
  }
  if (in.bad()) throw std::runtime_error(file.string() + ": read error");
  return errors;
}

DateRange::DateRange(std::string_view since, std::string_view until)
    : first_(checked_bound(since, "--since", true)), last_(checked_bound(until, "--until", false)) {
  if (!first_.empty() && !last_.empty() && first_ > last_)
    throw std::invalid_argument("--since " + std::string(since) + " is after --until " +
                                std::string(until));
}

// ISO days compare as strings; a month or a year is the span of its days.
bool DateRange::contains(std::string_view date) const {
  if (open()) return true;
  const std::string first = exporters::first_day(date);
  if (first.empty()) return false;
  return (first_.empty() || last_day(date) >= first_) && (last_.empty() || first <= last_);
}

std::string period_of(std::string_view date, Period by) {
  const auto form = exporters::date_form(date);
  switch (by) {
    case Period::All: return "all";
    case Period::Year:
      if (form == exporters::DateForm::Other) break;
      return std::string(date.substr(0, 4));
    case Period::Month:
      if (form != exporters::DateForm::Day && form != exporters::DateForm::Month) break;
      return std::string(date.substr(0, 7));
  }
  return std::string(kUndated);
}

}  // namespace diplograph::analysis
