// The report as text for people: the score table and the error listing.
#include "eval/eval.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace diplograph::eval {

namespace {

constexpr int kCountWidth = 8;
constexpr int kRatioWidth = 7;

// A ratio with an empty denominator is undefined, not zero: "-".
std::string ratio_cell(double value, bool defined) {
  if (!defined) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << value;
  return out.str();
}

struct Row {
  std::string label;
  const Counts* counts;
};

std::vector<Row> rows(const Report& report) {
  std::vector<Row> out{{"overall", &report.overall}};
  for (const auto& [type, counts] : report.by_type) out.push_back({type, &counts});
  for (const auto& [lang, counts] : report.by_lang)
    if (!lang.empty()) out.push_back({"lang " + lang, &counts});
  // Unknown last: it is what is left over, not a language.
  if (const auto it = report.by_lang.find(""); it != report.by_lang.end())
    out.push_back({"lang unknown", &it->second});
  return out;
}

void write_row(std::ostream& out, std::size_t label_width, const Row& row) {
  const Counts& c = *row.counts;
  const bool p = c.emitted > 0;
  const bool r = c.gold > 0;
  out << std::left << std::setw(static_cast<int>(label_width)) << row.label << std::right
      << std::setw(kCountWidth) << c.gold << std::setw(kCountWidth) << c.found
      << std::setw(kCountWidth) << c.emitted << std::setw(kCountWidth) << c.correct
      << std::setw(kRatioWidth) << ratio_cell(c.precision(), p) << std::setw(kRatioWidth)
      << ratio_cell(c.recall(), r) << std::setw(kRatioWidth) << ratio_cell(c.f1(), p && r) << '\n';
}

void write_summary(std::ostream& out, const Report& report) {
  const double share = report.coverage_total == 0
                           ? 0.0
                           : 100.0 * static_cast<double>(report.coverage_covered) /
                                 static_cast<double>(report.coverage_total);
  out << "actor coverage: " << report.coverage_covered << '/' << report.coverage_total << " ("
      << std::fixed << std::setprecision(1) << share << "%)\n";
  out << "must_not traps hit: " << report.traps_hit << '\n';
  out << "left out (match only optional gold): " << report.overall.optional_only << '\n';
  out << "dispatches: " << report.gold_dispatches << " in gold, " << report.missing_dispatches
      << " without a system record; system records not in gold: " << report.records_not_in_gold
      << ", duplicate records: " << report.duplicate_records << '\n';
}

std::string joined(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : "|") + k;
  return out;
}

std::string gold_text(const GoldRelation& r) {
  return r.type + " " + joined(r.source) + " -> " + joined(r.target) +
         (r.optional ? " (optional)" : "");
}

std::string assertion_text(const Assertion& a) {
  return a.type + " " + a.source.label + " -> " + a.target.label;
}

std::string provenance(const Assertion& a) {
  return "rule " + a.rule + ", trigger \"" + a.trigger + "\", sentence " +
         std::to_string(a.sentence) + ": " + a.evidence;
}

const char* side_missing(const Uncovered& u) {
  if (!u.source_covered && !u.target_covered) return "source and target";
  return u.source_covered ? "target" : "source";
}

}  // namespace

std::string format_table(const Report& report) {
  const auto all = rows(report);
  std::size_t width = 0;
  for (const auto& row : all) width = std::max(width, row.label.size());
  width += 2;
  std::ostringstream out;
  out << std::left << std::setw(static_cast<int>(width)) << "" << std::right;
  for (const char* h : {"gold", "found", "emitted", "correct"}) out << std::setw(kCountWidth) << h;
  for (const char* h : {"P", "R", "F1"}) out << std::setw(kRatioWidth) << h;
  out << '\n';
  for (const auto& row : all) write_row(out, width, row);
  write_summary(out, report);
  return out.str();
}

std::string format_errors(const Report& report) {
  std::ostringstream out;
  for (const auto& fp : report.false_positives)
    out << (fp.trap ? "false positive (must_not trap) " : "false positive ") << fp.dispatch_id
        << ": " << assertion_text(fp.assertion) << " (" << provenance(fp.assertion) << ")\n";
  for (const auto& o : report.trap_overlaps)
    out << "gold and must_not both match " << o.dispatch_id << ": " << assertion_text(o.assertion)
        << " matches must_not " << gold_text(o.must_not) << " (" << provenance(o.assertion)
        << ")\n";
  for (const auto& id : report.missing_ids) out << "no system record " << id << '\n';
  for (const auto& m : report.misses)
    out << "miss " << m.dispatch_id << ": " << gold_text(m.relation) << '\n';
  for (const auto& u : report.uncovered)
    out << "uncovered " << u.dispatch_id << ": " << gold_text(u.relation) << " (no actor for "
        << side_missing(u) << ")\n";
  return out.str();
}

}  // namespace diplograph::eval
