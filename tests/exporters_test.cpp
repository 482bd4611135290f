#include <catch2/catch.hpp>
#include <cmath>
#include <regex>
#include <string>

#include "exporters/iri.h"
#include "exporters/text.h"
#include "exporters_test_support.h"

using namespace diplograph;
using namespace diplograph::exporters;
using diplograph::test::TempDir;

TEST_CASE("clean_text keeps what XML can carry and repairs bad UTF-8", "[exporters][text]") {
  CHECK(clean_text("Azerbaïdjan, Небензя, حماس, 😀") == "Azerbaïdjan, Небензя, حماس, 😀");
  CHECK(clean_text("tab\t nl\n cr\r") == "tab\t nl\n cr\r");
  CHECK(clean_text(std::string("a\0b\x01\x1f\x7f", 6)) == "ab");
  CHECK(clean_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");  // U+FFFE, U+FFFF
  CHECK(clean_text("bad\xff\xc3") == "bad\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("printable ASCII is told apart at any offset", "[exporters][text]") {
  CHECK(is_printable_ascii(""));
  CHECK(is_printable_ascii(" !~ plain text, 0123456789 <&> \"quoted\" \\"));
  for (const char odd : {'\t', '\n', '\r', '\x01', '\x1f', '\x7f', '\x80', '\xc3', '\xff'}) {
    for (const std::size_t at : {0, 5, 7, 8, 13, 16}) {
      std::string s = "abcdefghijklmnopq";
      s[at] = odd;
      CHECK_FALSE(is_printable_ascii(s));
    }
  }
}

TEST_CASE("node_key is injective and XML-safe", "[exporters][text]") {
  CHECK(node_key("state/TUR") == "state/TUR");
  CHECK(node_key("group/ctl\x01") == "group/ctl%01");
  CHECK(node_key("group/ctl%01") == "group/ctl%2501");
  CHECK(node_key("bad\xff") == "bad%FF");
  CHECK(node_key("émoji 😀") == "émoji 😀");
}

TEST_CASE("CSV cells are quoted and never run as formulas", "[exporters][text]") {
  CHECK(csv_cell("plain") == "\"plain\"");
  CHECK(csv_cell("say \"hi\", then\nleave") == "\"say \"\"hi\"\", then\nleave\"");
  for (const char* formula : {"=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"})
    CHECK(csv_cell(formula) == "\"'" + std::string(formula) + "\"");
  CHECK(csv_cell("a=b") == "\"a=b\"");
}

TEST_CASE("DOT strings escape quotes, backslashes and line breaks", "[exporters][text]") {
  CHECK(dot_quoted("a \"b\" c\\") == "\"a \\\"b\\\" c\\\\\"");
  CHECK(dot_quoted("l1\nl2\x01") == "\"l1\\nl2\"");
}

TEST_CASE("dates are read by form", "[exporters][text]") {
  CHECK(date_form("2020-10-01") == DateForm::Day);
  CHECK(date_form("2020-10") == DateForm::Month);
  CHECK(date_form("2020") == DateForm::Year);
  CHECK(date_form("2020-13-45") == DateForm::Other);
  CHECK(date_form("2021-02-29") == DateForm::Other);
  CHECK(date_form("2020-02-29") == DateForm::Day);
  CHECK(date_form("") == DateForm::Other);
  CHECK(first_day("2020-10") == "2020-10-01");
  CHECK(first_day("1999") == "1999-01-01");
  CHECK(first_day("soon").empty());
}

TEST_CASE("numbers are short, exact and never exponents", "[exporters][text]") {
  CHECK(format_number(0.9) == "0.9");
  CHECK(format_number(1.0) == "1.0");
  CHECK(format_number(-0.0) == "-0.0");
  CHECK(format_number(1e-7) == "0.0000001");
  CHECK(format_number(std::nan("")) == "0.0");
  // Hundredths (written from an integer) and their neighbours (by to_chars) alike: the
  // shortest decimal that reads back as the same double.
  CHECK(format_number(0.05) == "0.05");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(0.0) == "0.0");
  CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_number(std::nextafter(0.72, 1.0)) == "0.7200000000000001");
  CHECK(format_number(1.005) == "1.005");
  CHECK(format_number(2.0) == "2.0");
  for (int k = 0; k <= 100; ++k) {
    const double value = k / 100.0;
    const std::string text = format_number(value);
    CHECK(std::stod(text) == value);
    CHECK(((text.size() <= 4 && text[1] == '.') || text == "1.0"));
    CHECK((text.back() != '0' || text.size() == 3));  // no trailing zero but in "d.0"
  }
}

TEST_CASE("IRIs are safe for any id and shorten under the declared prefixes", "[exporters][iri]") {
  CHECK(iri::actor("state/TUR") == "https://w3id.org/diplograph/id/state/TUR");
  CHECK(iri::actor("person/émoji 😀") ==
        "https://w3id.org/diplograph/id/person/%C3%A9moji%20%F0%9F%98%80");
  CHECK(iri::actor("region/..") == "https://w3id.org/diplograph/id/region/%2E%2E");
  CHECK(iri::actor("group/<&>\"\\") == "https://w3id.org/diplograph/id/group/%3C%26%3E%22%5C");
  CHECK(iri::dispatch("a/b#c") == "https://w3id.org/diplograph/dispatch/a%2Fb%23c");
  CHECK(iri::event("a.b", 3) == "https://w3id.org/diplograph/event/a%2Eb_3");
  CHECK(iri::relation("allied-with") == "https://w3id.org/diplograph/ontology#alliedWith");
  CHECK(iri::relation("supports") == "https://w3id.org/diplograph/ontology#supports");
  for (const std::string id : {"x\x01y", "عربي", "Небензя", "a b", "<>", "\"'", "%41"}) {
    for (const char c : iri::actor("group/" + id)) {
      const auto b = static_cast<unsigned char>(c);
      CHECK((b > 0x20 && b < 0x7f && c != '<' && c != '>' && c != '"' && c != '\\'));
    }
  }
}

TEST_CASE("format names and files", "[exporters]") {
  CHECK(all_formats().size() == 9);
  for (const auto f : all_formats()) CHECK(format_from_name(format_name(f)) == f);
  CHECK_FALSE(format_from_name("xlsx"));
  CHECK(output_files(Format::Csv) == std::vector<std::string>{"nodes.csv", "edges.csv"});
  CHECK(output_files(Format::Json) == std::vector<std::string>{"graph.json", "graph.cyjs"});
}

TEST_CASE("exports are byte-identical for the same input", "[exporters][determinism]") {
  const TempDir a("det-a"), b("det-b");
  const auto records = test::all_records();
  test::write_exports(records, a.path());
  test::write_exports(records, b.path());
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(a.path())) {
    const auto name = entry.path().filename().string();
    INFO(name);
    CHECK(test::read_file(entry.path()) == test::read_file(b / name));
    ++files;
  }
  CHECK(files == 11);
}

TEST_CASE("a failed or abandoned export leaves no file behind", "[exporters][atomic]") {
  const TempDir dir("atomic");
  const auto records = test::seed_records();
  const auto g = test::build_graph(records);
  SECTION("the output directory does not exist") {
    for (const auto f : all_formats()) {
      auto exporter = make_exporter(f, dir / "missing");
      const auto status = exporter->add(records[0]);
      CHECK_FALSE(status.ok());
      CHECK(status.message().find("missing") != std::string::npos);
      CHECK_FALSE(exporter->finish(g).ok());  // the error sticks
    }
  }
  SECTION("an exporter dropped before finish()") {
    for (const auto f : all_formats()) {
      auto exporter = make_exporter(f, dir.path());
      REQUIRE(exporter->add(records[0]).ok());
    }
  }
  SECTION("finish() twice") {
    auto exporter = make_exporter(Format::Dot, dir.path());
    REQUIRE(exporter->finish(g).ok());
    CHECK_FALSE(exporter->finish(g).ok());
    CHECK_FALSE(exporter->add(records[0]).ok());
    std::filesystem::remove(dir / "graph.dot");
  }
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("N-Triples and N-Quads stream while dispatches are added", "[exporters][stream]") {
  const TempDir dir("stream");
  const auto seed = test::seed_records();
  for (const auto f : {Format::NTriples, Format::NQuads}) {
    auto exporter = make_exporter(f, dir.path());
    for (int i = 0; i < 300; ++i) {
      DispatchRecord r = seed[i % seed.size()];
      r.id += '-';
      r.id += std::to_string(i);
      REQUIRE(exporter->add(r).ok());
    }
    // Before finish(), the statements are already in the temporary file, not held in memory.
    std::uintmax_t written = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
      written += entry.file_size();
    CHECK(written > 100000);
    REQUIRE(exporter->finish(test::build_graph(seed)).ok());
  }
}

TEST_CASE("Turtle shortens IRIs and N-Quads separates dispatch and aggregate graphs",
          "[exporters][rdf]") {
  const TempDir dir("rdf");
  test::write_exports(test::seed_records(), dir.path());
  const std::string ttl = test::read_file(dir / "graph.ttl");
  CHECK(ttl.find("@prefix dgs: <https://w3id.org/diplograph/id/state/>") != std::string::npos);
  CHECK(ttl.find("dg:supports dgs:AZE") != std::string::npos);
  CHECK(ttl.find("dgs:TUR") != std::string::npos);
  CHECK(ttl.find("owl:sameAs wd:Q43") != std::string::npos);
  // Numbers in Turtle's own short forms; dates keep their datatype.
  CHECK(std::regex_search(ttl, std::regex("dg:charStart [0-9]+ ;")));
  CHECK(std::regex_search(ttl, std::regex("dg:confidence [0-9]+\\.[0-9]+ ;")));
  CHECK(ttl.find("^^xsd:integer") == std::string::npos);
  CHECK(ttl.find("^^xsd:date") != std::string::npos);

  const std::string nq = test::read_file(dir / "graph.nq");
  const std::string event_type =
      "<https://w3id.org/diplograph/event/reuters-2020-10_0> "
      "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/diplograph/ontology#DiplomaticEvent> "
      "<https://w3id.org/diplograph/dispatch/reuters-2020-10> .\n";
  CHECK(nq.find(event_type) != std::string::npos);
  const std::string direct =
      "<https://w3id.org/diplograph/id/state/TUR> <https://w3id.org/diplograph/ontology#supports> "
      "<https://w3id.org/diplograph/id/state/AZE> <https://w3id.org/diplograph/graph/aggregate> "
      ".\n";
  CHECK(nq.find(direct) != std::string::npos);
}

// Event IRIs are the dispatch id, encoded, and the index; Turtle shortens them under dge: only
// when the local part is safe, whatever the number of digits in the index.
TEST_CASE("event IRIs carry each index, in full or under dge:", "[exporters][rdf]") {
  const TempDir dir("rdf-events");
  std::vector<DispatchRecord> records(2);
  records[0].id = "a.b";
  records[1].id = "-x";  // a local part may not start with '-': the full IRI is written
  for (auto& r : records) {
    for (int i = 0; i < 12; ++i) {
      Assertion a;
      a.type = "supports";
      a.source.id = "state/TUR";
      a.target.id = "state/AZE";
      a.sentence = i;
      a.confidence = 0.5;
      r.relations.push_back(a);
    }
  }
  graph::DiplomaticGraph g;
  for (const auto& r : records) g.add(r);
  REQUIRE(exporters::export_all({Format::NTriples, Format::Turtle}, dir.path(), records, g).ok());
  const std::string nt = test::read_file(dir / "graph.nt");
  const std::string ttl = test::read_file(dir / "graph.ttl");
  for (const int i : {0, 9, 10, 11}) {
    const std::string index = std::to_string(i);
    CHECK(nt.find("<https://w3id.org/diplograph/event/a%2Eb_" + index + "> ") != std::string::npos);
    CHECK(nt.find("<https://w3id.org/diplograph/event/-x_" + index + "> ") != std::string::npos);
    CHECK(ttl.find("\ndge:a%2Eb_" + index + " a dg:DiplomaticEvent") != std::string::npos);
    CHECK(ttl.find("\n<https://w3id.org/diplograph/event/-x_" + index + "> a dg:DiplomaticEvent") !=
          std::string::npos);
  }
  CHECK(nt.find("event/a%2Eb_12>") == std::string::npos);
}

// The writers copy text up to the next byte to escape, eight bytes at a time: each escape must
// be found wherever it falls in those eight, and the runs between must stay whole.
TEST_CASE("RDF literals escape each special byte wherever it stands", "[exporters][rdf]") {
  const TempDir dir("rdf-escapes");
  DispatchRecord r;
  r.id = "d";
  r.title = std::string("0123456\"89abcde\\ghij\tk\x01lmnopq\x7fz\r\nmot\xC3\xA9");
  r.agency = "Agence \"France-Presse\"";
  graph::DiplomaticGraph g;
  g.add(r);
  REQUIRE(exporters::export_all({Format::NTriples, Format::Turtle}, dir.path(), {r}, g).ok());
  // U+0001 and DEL are left out (no XML export may carry them), and CRLF becomes LF.
  const std::string literal = R"("0123456\"89abcde\\ghij\tklmnopqz\nmot)" "\xC3\xA9\"";
  CHECK(test::read_file(dir / "graph.nt").find(literal) != std::string::npos);
  CHECK(test::read_file(dir / "graph.ttl").find(literal) != std::string::npos);
  CHECK(test::read_file(dir / "graph.nt").find(R"("Agence \"France-Presse\"")") !=
        std::string::npos);
}

TEST_CASE("GraphML carries typed keys, Gephi's edge label and true/false", "[exporters][xml]") {
  const TempDir dir("graphml");
  test::write_exports(test::seed_records(), dir.path());
  const std::string xml = test::read_file(dir / "graph.graphml");
  CHECK(xml.find("<key id=\"rolled_up\" for=\"edge\" attr.name=\"rolled_up\" "
                 "attr.type=\"boolean\"/>") != std::string::npos);
  CHECK(xml.find("label=\"allied-with\"") != std::string::npos);
  CHECK(xml.find("<data key=\"rolled_up\">true</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"rolled_up\">false</data>") != std::string::npos);
  const std::string gexf = test::read_file(dir / "graph.gexf");
  CHECK(gexf.find("mode=\"dynamic\"") != std::string::npos);
  CHECK(gexf.find("start=\"2020-10-01\" end=\"2020-10-01\"") != std::string::npos);
  CHECK(gexf.find("kind=\"supports\"") != std::string::npos);
}

TEST_CASE("stress names stay inside their strings", "[exporters][stress]") {
  const TempDir dir("stress-text");
  test::write_exports(test::stress_records(), dir.path());
  const std::string csv = test::read_file(dir / "nodes.csv");
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos);
  CHECK(csv.find("\r\n") != std::string::npos);
  const std::string dot = test::read_file(dir / "graph.dot");
  CHECK(dot.find("\"C:\\\\path\\\\n \\\\\\\" \\\\u0041\"") != std::string::npos);
  const std::string graphml = test::read_file(dir / "graph.graphml");
  CHECK(graphml.find("&lt;script&gt;") != std::string::npos);
  CHECK(graphml.find('\x01') == std::string::npos);
}
