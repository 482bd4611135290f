#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "analysis/analysis.h"
#include "analysis_test_support.h"
#include "util/utf8.h"

using namespace diplograph;
using namespace diplograph::analysis;

namespace {

std::vector<Stats> caucasus_by_month() {
  PeriodGraphs months(Period::Month);
  for (const auto& r : test::caucasus_records()) months.add(r);
  return months.stats();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("stats JSON holds every figure, per period", "[analysis][output]") {
  const std::string json = format_stats(caucasus_by_month(), Period::Month, StatsFormat::Json);
  rapidjson::Document doc;
  REQUIRE_FALSE(doc.Parse(json.c_str()).HasParseError());
  CHECK(std::string(doc["by"].GetString()) == "month");
  const auto& periods = doc["periods"];
  REQUIRE(periods.Size() == 2);
  CHECK(std::string(periods[0]["period"].GetString()) == "2020-10");
  CHECK(std::string(periods[1]["period"].GetString()) == "2020-11");
  // November alone: IRN, RUS, USA accuse each other ("---"), RUS accuses FRA, Lavrov USA.
  const auto& nov = periods[1];
  CHECK(nov["dispatches"].GetUint64() == 1);
  CHECK(nov["balance"]["triads"].GetUint64() == 1);
  CHECK(nov["balance"]["balanced"].GetUint64() == 0);
  CHECK(nov["balance"]["share"].GetDouble() == 0.0);
  CHECK(std::string(nov["balance"]["most_unbalanced"][0]["signs"].GetString()) == "---");
  // October: the blocs and the mediators.
  const auto& oct = periods[0];
  CHECK(oct["blocs"].Size() == 2);
  CHECK(oct["blocs"][0]["size"].GetUint64() == 3);
  // {ARM} (FRA) and {ARM, AZE} (RUS, USA), one dispatch each: ordered by their party ids.
  REQUIRE(oct["conflicts"].Size() == 2);
  const auto& both = oct["conflicts"][1];
  CHECK(std::string(both["parties"][1]["id"].GetString()) == "state/AZE");
  CHECK(both["weight"].GetUint64() == 1);
  CHECK(std::string(both["mediators"][0]["id"].GetString()) == "state/RUS");
  const auto& actor = oct["actors"][0];
  for (const char* key : {"id", "label", "kind", "degree", "in_degree", "out_degree", "weight",
                          "betweenness", "betweenness_normalized", "bloc", "unbalanced_triads"})
    CHECK(actor.HasMember(key));
}

TEST_CASE("stats CSV has one row per actor and period", "[analysis][output]") {
  const auto periods = caucasus_by_month();
  const std::string csv = format_stats(periods, Period::Month, StatsFormat::Csv);
  const auto rows = lines(csv);
  std::size_t actors = 0;
  for (const auto& s : periods) actors += s.actors.size();
  REQUIRE(rows.size() == actors + 1);
  CHECK(rows[0].rfind("period,id,label,kind,degree,", 0) == 0);
  CHECK(csv.find("\"2020-10\",\"state/ARM\",\"Armenia\",\"State\",") != std::string::npos);
  CHECK(csv.find("\r\n") != std::string::npos);
}

TEST_CASE("stats table aligns its columns by characters", "[analysis][output]") {
  auto records = test::square_records();
  // A label with two-byte characters: counted as characters, the columns still align.
  records[0].relations[0].source.label = "Vučić Ωmega";
  const std::string table =
      format_stats({compute_stats(test::build(records))}, Period::All, StatsFormat::Table);
  const auto rows = lines(table);
  const auto header = std::find_if(rows.begin(), rows.end(),
                                   [](const std::string& r) { return r.rfind("actor ", 0) == 0; });
  REQUIRE(header != rows.end());
  const std::size_t width = utf8::count_chars(*header);
  for (auto row = header; row != rows.end() && !row->empty(); ++row)
    CHECK(utf8::count_chars(*row) == width);
  CHECK(table.find("Vučić Ωmega") != std::string::npos);
  CHECK(table.find("Blocs") != std::string::npos);
  CHECK(table.find("Structural balance: 0 of 0") != std::string::npos);
}

TEST_CASE("stats names are parsed", "[analysis][output]") {
  CHECK(stats_format_from_name("csv") == StatsFormat::Csv);
  CHECK_FALSE(stats_format_from_name("xml"));
  CHECK(period_from_name("year") == Period::Year);
  CHECK_FALSE(period_from_name("week"));
}
