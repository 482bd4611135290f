#include <libxml/parser.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "analysis/analysis.h"
#include "analysis_test_support.h"

using namespace diplograph;
using namespace diplograph::analysis;

namespace {

bool well_formed_xml(const std::string& text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "render.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return false;
  xmlFreeDoc(doc);
  return true;
}

std::vector<std::string> ids(const graph::DiplomaticGraph& g,
                             const std::vector<graph::Vertex>& actors) {
  std::vector<std::string> out;
  for (const auto v : actors) out.push_back(g.actor(v).id);
  return out;
}

}  // namespace

TEST_CASE("actors are found by id, name, code or alias", "[analysis][render]") {
  auto records = test::caucasus_records();
  records[0].relations[0].source.aliases = {"Moscou", "le Kremlin"};
  const auto g = test::build(records);
  const auto rus = *g.find_actor("state/RUS");
  CHECK(find_actor_named(g, "state/RUS") == rus);
  CHECK(find_actor_named(g, "russia") == rus);
  CHECK(find_actor_named(g, "RUS") == rus);
  CHECK(find_actor_named(g, "LE KREMLIN") == rus);
  CHECK_THROWS_WITH(find_actor_named(g, "Atlantis"), Catch::Contains("no actor named"));
}

TEST_CASE("a name shared by two actors is refused with both listed", "[analysis][render]") {
  const auto a = test::actor("group/a", "The Front"), b = test::actor("group/b", "the front");
  const auto g = test::build({test::record("x", "", {test::relation("accuses", a, b)})});
  CHECK_THROWS_WITH(find_actor_named(g, "The Front"),
                    Catch::Contains("group/a") && Catch::Contains("group/b"));
}

TEST_CASE("a neighbourhood follows edges both ways, represents links too", "[analysis][render]") {
  const auto g = test::build(test::caucasus_records());
  const auto tur = *g.find_actor("state/TUR");
  CHECK(ids(g, neighbourhood(g, tur, 0)) == std::vector<std::string>{"state/TUR"});
  // TUR supports AZE and is accused by ARM.
  CHECK(ids(g, neighbourhood(g, tur, 1)) ==
        std::vector<std::string>{"state/ARM", "state/AZE", "state/TUR"});
  // Two steps: ARM's and AZE's partners; Lavrov (who represents RUS) is three steps away.
  const auto two = ids(g, neighbourhood(g, tur, 2));
  CHECK(two == std::vector<std::string>{"state/ARM", "state/AZE", "state/FRA", "state/RUS",
                                        "state/TUR", "state/USA"});
  const auto three = ids(g, neighbourhood(g, tur, 3));
  CHECK(std::find(three.begin(), three.end(), "person/sergei-lavrov") != three.end());
}

TEST_CASE("image formats follow the file extension", "[analysis][render]") {
  CHECK(image_format_for("out/graph.svg") == ImageFormat::Svg);
  CHECK(image_format_for("GRAPH.PNG") == ImageFormat::Png);
  CHECK_FALSE(image_format_for("graph.pdf"));
  CHECK_FALSE(image_format_for("graph"));
}

TEST_CASE("SVG is well-formed whatever the names hold", "[analysis][render]") {
  // Graphviz reads \N in a label as the node's name, and passes "&foo;" on as an entity.
  const auto odd =
      test::actor("group/odd", "A&B <\"Front\"> \\N &foo; \x01", ActorKind::NonStateGroup);
  const auto arm = test::state("ARM", "Armenia");
  const auto g = test::build({test::record("x", "2020", {test::relation("supports", odd, arm)})});
  Drawing drawing = whole_graph(g, "caption <&>");
  drawing.link_edges = true;
  const std::string svg = render(g, drawing, ImageFormat::Svg);
  CHECK(well_formed_xml(svg));
  CHECK(svg.find("A&amp;B &lt;&quot;Front&quot;&gt; \\N &amp;foo;") != std::string::npos);
  CHECK(svg.find("Armenia") != std::string::npos);
  CHECK(svg.find("caption &lt;&amp;&gt;") != std::string::npos);
  CHECK(svg.find("xlink:href=\"#e0\"") != std::string::npos);
}

TEST_CASE("PNG is a PNG", "[analysis][render]") {
  const auto g = test::build(test::caucasus_records());
  Drawing drawing = whole_graph(g, "");
  drawing.focus = *g.find_actor("state/ARM");
  const std::string png = render(g, drawing, ImageFormat::Png);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_CASE("a focused drawing holds its actors and the edges among them", "[analysis][render]") {
  const auto g = test::build(test::caucasus_records());
  Drawing drawing;
  drawing.actors = neighbourhood(g, *g.find_actor("state/TUR"), 1);
  const std::string svg = render(g, drawing, ImageFormat::Svg);
  CHECK(well_formed_xml(svg));
  for (const char* label : {"Turkey", "Azerbaijan", "Armenia"})
    CHECK(svg.find(label) != std::string::npos);
  CHECK(svg.find("Russia") == std::string::npos);
}

TEST_CASE("the whole picture leaves out actors without an edge", "[analysis][render]") {
  // The square's Foxtrot is named in d1 but takes part in no relation.
  const auto g = test::build(test::square_records());
  const Drawing drawing = whole_graph(g, "");
  CHECK(ids(g, drawing.actors) ==
        std::vector<std::string>{"state/AAA", "state/BBB", "state/CCC", "state/DDD", "state/EEE"});
  const std::string svg = render(g, drawing, ImageFormat::Svg);
  CHECK(svg.find("Delta") != std::string::npos);
  CHECK(svg.find("Foxtrot") == std::string::npos);
}
