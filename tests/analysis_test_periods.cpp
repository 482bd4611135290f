#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "analysis/analysis.h"
#include "analysis_test_support.h"
#include "model/record_json.h"

using namespace diplograph;
using namespace diplograph::analysis;

TEST_CASE("periods are read from dispatch dates", "[analysis][periods]") {
  CHECK(period_of("2020-10-01", Period::Month) == "2020-10");
  CHECK(period_of("2020-10", Period::Month) == "2020-10");
  CHECK(period_of("2020", Period::Month) == kUndated);  // which month is not known
  CHECK(period_of("2020-10-01", Period::Year) == "2020");
  CHECK(period_of("2020", Period::Year) == "2020");
  CHECK(period_of("", Period::Year) == kUndated);
  CHECK(period_of("October 2020", Period::Year) == kUndated);
  CHECK(period_of("2020-13", Period::Month) == kUndated);
  CHECK(period_of("", Period::All) == "all");
}

TEST_CASE("one graph per period, in date order, undated last", "[analysis][periods]") {
  const auto a = test::state("AAA", "Alpha"), b = test::state("BBB", "Bravo");
  const auto sup = test::relation("supports", a, b);
  PeriodGraphs months(Period::Month);
  for (const auto& r : {test::record("1", "2020-02", {sup}), test::record("2", "", {sup}),
                        test::record("3", "2020-01-20", {sup}), test::record("4", "2021", {sup}),
                        test::record("5", "2020-01-05", {sup})})
    months.add(r);
  const auto stats = months.stats();
  REQUIRE(stats.size() == 3);
  CHECK(stats[0].period == "2020-01");
  CHECK(stats[0].dispatches == 2);
  CHECK(stats[0].actors[0].weight == 2);  // the edge's weight within the month
  CHECK(stats[1].period == "2020-02");
  CHECK(stats[2].period == "undated");
  CHECK(stats[2].dispatches == 2);  // no date, and a bare year
}

TEST_CASE("a date range covers whole months and years", "[analysis][periods]") {
  const DateRange range("2020-01-10", "2020-02");  // 2020-01-10 to 2020-02-29
  CHECK_FALSE(range.contains("2020-01-05"));
  CHECK(range.contains("2020-01-10"));
  CHECK(range.contains("2020-01"));  // January meets the range
  CHECK(range.contains("2020-02-29"));
  CHECK(range.contains("2020"));
  CHECK_FALSE(range.contains("2020-03-01"));
  CHECK_FALSE(range.contains("2019"));
  CHECK_FALSE(range.contains(""));  // undated: nothing says it is inside
  CHECK(DateRange("", "2021-02").contains("2021-02-28"));
  CHECK_FALSE(DateRange("", "2021-02").contains("2021-03-01"));
  CHECK(DateRange("2021", "").contains("2021-12-31"));
  CHECK(DateRange().contains(""));
  CHECK(DateRange().open());
}

TEST_CASE("bad dates are refused with the option named", "[analysis][periods]") {
  CHECK_THROWS_WITH(DateRange("yesterday", ""), Catch::Contains("--since 'yesterday'"));
  CHECK_THROWS_AS(DateRange("", "2020-13"), std::invalid_argument);
  CHECK_THROWS_AS(DateRange("", "2020-02-30"), std::invalid_argument);
  CHECK_THROWS_WITH(DateRange("2021", "2020"), Catch::Contains("after"));
}

TEST_CASE("records are read from an OUTDIR's assertions.jsonl", "[analysis][periods]") {
  const auto dir = std::filesystem::temp_directory_path() / "diplograph-analysis-read";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "assertions.jsonl");
    out << to_json_line(test::square_records()[0]) << "\n\nnot json\n"
        << to_json_line(test::square_records()[1]) << "\n";
  }
  CHECK(assertions_file(dir) == dir / "assertions.jsonl");
  std::vector<std::string> ids;
  const auto errors =
      read_records(assertions_file(dir), [&](DispatchRecord&& r) { ids.push_back(r.id); });
  CHECK(ids == std::vector<std::string>{"d1", "d2"});
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], Catch::Contains("assertions.jsonl:3:"));
  CHECK_THROWS_AS(read_records(dir / "missing.jsonl", [](DispatchRecord&&) {}), std::runtime_error);
  std::filesystem::remove_all(dir);
}
