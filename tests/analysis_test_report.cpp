#include <catch2/catch.hpp>

#include "analysis/analysis.h"
#include "analysis_test_support.h"

using namespace diplograph;
using namespace diplograph::analysis;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the report holds the picture, the statistics and the evidence", "[analysis][report]") {
  const auto records = test::caucasus_records();
  const std::string html = report_html(records, "out/assertions.jsonl");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("<!DOCTYPE svg") == std::string::npos);  // inline: the SVG's own prolog goes
  for (const char* id : {"id=\"graph\"", "id=\"actors\"", "id=\"blocs\"", "id=\"mediators\"",
                         "id=\"balance\"", "id=\"relations\""})
    CHECK(html.find(id) != std::string::npos);
  // One row per relation edge (11 in c1, 5 more in c2; represents is no relation), each with
  // its evidence, its dispatch and its date.
  CHECK(count(html, "<ul class=\"evidence\">") == 16);
  CHECK(html.find("Russia <mark>allied-with</mark> Armenia") != std::string::npos);
  CHECK(html.find("<code>c2</code>, 2020-11-10") != std::string::npos);
  CHECK(html.find("1 of 3 signed triads are balanced") != std::string::npos);
}

TEST_CASE("the report escapes all text and loads nothing", "[analysis][report]") {
  const auto evil = test::actor("group/x", "<script>alert(1)</script>", ActorKind::NonStateGroup);
  const auto arm = test::state("ARM", "Armenia");
  auto records = std::vector<DispatchRecord>{
      test::record("id<&>\"", "2021-05",
                   {test::relation("accuses", evil, arm,
                                   "They said \"<b>\" & <img src=x onerror=alert(1)>", "said")})};
  const std::string html = report_html(records, "<dir>");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("They <mark>said</mark> &quot;&lt;b&gt;&quot; &amp; &lt;img") !=
        std::string::npos);
  CHECK(html.find("<code>id&lt;&amp;&gt;&quot;</code>, 2021-05") != std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("an empty input makes a report that says so", "[analysis][report]") {
  const std::string html = report_html({}, "empty");
  CHECK(html.find("Empty.") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
}
