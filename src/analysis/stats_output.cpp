// `stats` output: an aligned table for a terminal, CSV for spreadsheets, JSON for programs.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>

#include "analysis/analysis.h"
#include "exporters/text.h"
#include "util/utf8.h"

namespace diplograph::analysis {
namespace {

// ---- Table

// Columns padded to their widest cell, counted in characters so that accented names align.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header, std::string right = "")
      : right_(std::move(right)) {
    rows_.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // `right_` holds one letter per column: 'r' aligns it right.
  std::string text() const {
    std::vector<std::size_t> width(rows_[0].size(), 0);
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], chars(row[i]));
    std::string out;
    for (const auto& row : rows_) out += line(row, width);
    return out;
  }

 private:
  static std::size_t chars(const std::string& s) { return utf8::count_chars(s); }
  std::string line(const std::vector<std::string>& row,
                   const std::vector<std::size_t>& width) const {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(width[i] - chars(row[i]), ' ');
      const bool right = i < right_.size() && right_[i] == 'r';
      out += (i ? "  " : "") + (right ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : ""));
    }
    return out + "\n";
  }
  std::vector<std::vector<std::string>> rows_;
  std::string right_;
};

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string label(const ActorName& a) { return exporters::clean_text(a.label); }

std::string names(const std::vector<ActorName>& actors, std::size_t at_most) {
  std::string out;
  for (std::size_t i = 0; i < actors.size() && i < at_most; ++i)
    out += (i ? ", " : "") + label(actors[i]);
  if (actors.size() > at_most) out += ", ... (" + std::to_string(actors.size()) + ")";
  return out;
}

std::string actors_table(const Stats& s) {
  TextTable t({"actor", "kind", "degree", "in", "out", "dispatches", "betweenness", "normalized",
               "bloc", "unbalanced"},
              "__rrrrrrrr");
  for (const auto& a : s.actors)
    t.add({label(a.actor), to_string(a.kind), std::to_string(a.degree), std::to_string(a.in_degree),
           std::to_string(a.out_degree), std::to_string(a.weight), fixed(a.betweenness, 2),
           fixed(a.betweenness_normalized, 4), a.bloc ? std::to_string(a.bloc) : "-",
           std::to_string(a.unbalanced_triads)});
  return "Actors, most central first\n" + t.text();
}

std::string blocs_table(const Stats& s) {
  TextTable t({"bloc", "size", "members"}, "rr");
  for (std::size_t i = 0; i < s.blocs.size(); ++i)
    t.add({std::to_string(i + 1), std::to_string(s.blocs[i].members.size()),
           names(s.blocs[i].members, 12)});
  return "Blocs: components of supports and allied-with\n" + t.text();
}

std::string conflicts_table(const Stats& s) {
  TextTable t({"parties", "dispatches", "mediators (dispatches)"}, "_r");
  for (const auto& c : s.conflicts) {
    std::string list;
    for (std::size_t i = 0; i < c.mediators.size() && i < 5; ++i)
      list += (i ? ", " : "") + label(c.mediators[i].actor) + " (" +
              std::to_string(c.mediators[i].weight) + ")";
    if (c.mediators.size() > 5) list += ", ...";
    t.add({names(c.parties, 4), std::to_string(c.weight), list});
  }
  return "Mediators per conflict, most mediated conflict first\n" + t.text();
}

std::string balance_table(const Stats& s) {
  const Balance& b = s.balance;
  std::string out = "Structural balance: " + std::to_string(b.balanced) + " of " +
                    std::to_string(b.triads) + " signed triads balanced (" +
                    fixed(100.0 * b.share(), 1) + "%)\n";
  if (b.unbalanced.empty()) return out;
  TextTable t({"signs", "weight", "actors"}, "_r");
  for (const auto& triad : b.unbalanced)
    t.add({triad.signs, std::to_string(triad.weight),
           names({triad.actors.begin(), triad.actors.end()}, 3)});
  return out + "Most unbalanced triads\n" + t.text();
}

std::string table(const std::vector<Stats>& periods) {
  std::string out;
  for (const auto& s : periods) {
    if (!out.empty()) out += "\n";
    out += "== " + s.period + ": " + std::to_string(s.dispatches) + " dispatches, " +
           std::to_string(s.actors.size()) + " actors in " + std::to_string(s.relations) +
           " relations ==\n\n";
    out += actors_table(s) + "\n" + blocs_table(s) + "\n" + conflicts_table(s) + "\n" +
           balance_table(s);
  }
  return out;
}

// ---- CSV

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& c : cells) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out + "\r\n";
}

std::string csv(const std::vector<Stats>& periods) {
  std::string out =
      "period,id,label,kind,degree,in_degree,out_degree,weight,betweenness,"
      "betweenness_normalized,bloc,unbalanced_triads\r\n";
  using exporters::csv_cell;
  for (const auto& s : periods)
    for (const auto& a : s.actors)
      out += csv_row({csv_cell(s.period), csv_cell(a.actor.id), csv_cell(a.actor.label),
                      csv_cell(to_string(a.kind)), std::to_string(a.degree),
                      std::to_string(a.in_degree), std::to_string(a.out_degree),
                      std::to_string(a.weight), exporters::format_number(a.betweenness),
                      exporters::format_number(a.betweenness_normalized),
                      a.bloc ? std::to_string(a.bloc) : "", std::to_string(a.unbalanced_triads)});
  return out;
}

// ---- JSON

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, std::string_view s) {
  const std::string clean = exporters::clean_text(s);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void field(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  string(w, value);
}

void field(Writer& w, const char* key, std::size_t value) {
  w.Key(key);
  w.Uint64(value);
}

void field(Writer& w, const char* key, double value) {
  w.Key(key);
  w.Double(value);
}

void name(Writer& w, const ActorName& a) {
  w.StartObject();
  field(w, "id", a.id);
  field(w, "label", a.label);
  w.EndObject();
}

void actor(Writer& w, const ActorStats& a) {
  w.StartObject();
  field(w, "id", a.actor.id);
  field(w, "label", a.actor.label);
  field(w, "kind", to_string(a.kind));
  field(w, "degree", a.degree);
  field(w, "in_degree", a.in_degree);
  field(w, "out_degree", a.out_degree);
  field(w, "weight", a.weight);
  field(w, "betweenness", a.betweenness);
  field(w, "betweenness_normalized", a.betweenness_normalized);
  w.Key("bloc");
  a.bloc ? w.Uint64(a.bloc) : w.Null();
  field(w, "unbalanced_triads", a.unbalanced_triads);
  w.EndObject();
}

void bloc(Writer& w, const Bloc& b) {
  w.StartObject();
  field(w, "size", b.members.size());
  w.Key("members");
  w.StartArray();
  for (const auto& m : b.members) name(w, m);
  w.EndArray();
  w.EndObject();
}

void conflict(Writer& w, const Conflict& c) {
  w.StartObject();
  w.Key("parties");
  w.StartArray();
  for (const auto& p : c.parties) name(w, p);
  w.EndArray();
  field(w, "weight", c.weight);
  w.Key("mediators");
  w.StartArray();
  for (const auto& m : c.mediators) {
    w.StartObject();
    field(w, "id", m.actor.id);
    field(w, "label", m.actor.label);
    field(w, "weight", m.weight);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void balance(Writer& w, const Balance& b) {
  w.StartObject();
  field(w, "triads", b.triads);
  field(w, "balanced", b.balanced);
  field(w, "share", b.share());
  w.Key("most_unbalanced");
  w.StartArray();
  for (const auto& t : b.unbalanced) {
    w.StartObject();
    field(w, "signs", t.signs);
    field(w, "weight", t.weight);
    w.Key("actors");
    w.StartArray();
    for (const auto& a : t.actors) name(w, a);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

template <typename T, typename F>
void array(Writer& w, const char* key, const std::vector<T>& items, F&& write) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) write(w, item);
  w.EndArray();
}

void period(Writer& w, const Stats& s) {
  w.StartObject();
  field(w, "period", s.period);
  field(w, "dispatches", s.dispatches);
  field(w, "relations", s.relations);
  array(w, "actors", s.actors, actor);
  array(w, "blocs", s.blocs, bloc);
  array(w, "conflicts", s.conflicts, conflict);
  w.Key("balance");
  balance(w, s.balance);
  w.EndObject();
}

const char* period_name(Period by) {
  switch (by) {
    case Period::All: return "all";
    case Period::Month: return "month";
    case Period::Year: return "year";
  }
  return "all";
}

std::string json(const std::vector<Stats>& periods, Period by) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  field(w, "by", period_name(by));
  array(w, "periods", periods, period);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::optional<StatsFormat> stats_format_from_name(std::string_view name) {
  if (name == "table") return StatsFormat::Table;
  if (name == "csv") return StatsFormat::Csv;
  if (name == "json") return StatsFormat::Json;
  return std::nullopt;
}

std::optional<Period> period_from_name(std::string_view name) {
  if (name == "month") return Period::Month;
  if (name == "year") return Period::Year;
  return std::nullopt;
}

std::string format_stats(const std::vector<Stats>& periods, Period by, StatsFormat format) {
  switch (format) {
    case StatsFormat::Table: return table(periods);
    case StatsFormat::Csv: return csv(periods);
    case StatsFormat::Json: return json(periods, by);
  }
  return {};
}

}  // namespace diplograph::analysis
