// XmlWriter against libxml2's xmlTextWriter (with indentation on), which wrote GraphML and GEXF
// before: the same calls must give the same bytes, so that files stay as they were and every
// reader that took them takes them still.
#include <catch2/catch.hpp>
#include <libxml/xmlwriter.h>

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "exporters/text.h"
#include "exporters/xml_writer.h"

using namespace diplograph;
using namespace diplograph::exporters;

namespace {

// The writer calls a test makes, run through either writer.
struct Calls {
  std::function<void(const char*)> start;
  std::function<void(const char*, const std::string&)> attr;
  std::function<void(const std::string&)> text;
  std::function<void()> end;
};

std::string read_back(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  std::fclose(f);
  return out;
}

std::string with_ours(const std::function<void(Calls&)>& body) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    XmlWriter xml(f);
    Calls calls{[&](const char* n) { xml.start(n); },
                [&](const char* n, const std::string& v) { xml.attr(n, v); },
                [&](const std::string& v) { xml.text(v); }, [&] { xml.end(); }};
    body(calls);
    CHECK(xml.close());
  }
  return read_back(f);
}

std::string with_libxml2(const std::function<void(Calls&)>& body) {
  const auto x = [](const char* s) { return reinterpret_cast<const xmlChar*>(s); };
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  xmlTextWriterPtr w = xmlNewTextWriter(xmlOutputBufferCreateFile(f, nullptr));
  REQUIRE(w);
  xmlTextWriterSetIndent(w, 1);
  xmlTextWriterSetIndentString(w, x("  "));
  xmlTextWriterStartDocument(w, "1.0", "UTF-8", nullptr);
  // XmlWriter cleans every string first; the oracle is given the cleaned string.
  Calls calls{[&](const char* n) { xmlTextWriterStartElement(w, x(n)); },
              [&](const char* n, const std::string& v) {
                xmlTextWriterWriteAttribute(w, x(n), x(clean_text(v).c_str()));
              },
              [&](const std::string& v) { xmlTextWriterWriteString(w, x(clean_text(v).c_str())); },
              [&] { xmlTextWriterEndElement(w); }};
  body(calls);
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
  return read_back(f);
}

// Strings with each character either writer treats apart, at several offsets of the
// eight-byte steps of the escaping scan.
std::vector<std::string> tricky_strings() {
  std::vector<std::string> out = {"", "plain", "Azerbaïdjan « paix » 😀", "a]]>b", "'single'"};
  for (const char special : {'&', '<', '>', '"', '\t', '\n', '\r', '\x01', '\x7f'}) {
    for (const std::size_t at : {0, 3, 7, 8, 12, 15}) {
      std::string s = "abcdefghijklmnop";
      s[at] = special;
      out.push_back(s);
    }
  }
  out.push_back("line one\r\nline two\rthree\n");
  out.push_back("bad \xC3 byte");
  return out;
}

}  // namespace

TEST_CASE("XmlWriter writes what libxml2's xmlTextWriter wrote", "[exporters][xml]") {
  const auto strings = tricky_strings();
  const std::function<void(Calls&)> bodies[] = {
      [](Calls& c) {  // nothing but the root
        c.start("graphml");
        c.end();
      },
      [&](Calls& c) {  // attributes, empty elements, text elements, nesting as in GraphML
        c.start("graphml");
        c.attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
        c.start("key");
        c.attr("id", "label");
        c.end();
        c.start("graph");
        for (const auto& s : strings) {
          c.start("node");
          c.attr("id", s);
          c.attr("label", s);
          c.start("data");
          c.attr("key", "label");
          c.text(s);
          c.end();
          c.start("empty");
          c.end();
          c.end();
        }
        c.end();
        c.end();
      },
      [](Calls& c) {  // elements left open are closed at the end
        c.start("gexf");
        c.start("graph");
        c.start("nodes");
        c.start("node");
        c.attr("id", "n");
      },
      [](Calls& c) {  // an element given empty text
        c.start("a");
        c.start("b");
        c.text("");
        c.end();
        c.end();
      },
  };
  for (const auto& body : bodies) CHECK(with_ours(body) == with_libxml2(body));
}

TEST_CASE("XmlWriter reports a call out of place", "[exporters][xml]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  XmlWriter xml(f);
  xml.start("a").text("t").attr("late", "v");  // an attribute after the content
  CHECK_FALSE(xml.close());
  std::fclose(f);
  XmlWriter unopened(nullptr);
  CHECK_FALSE(unopened.close());
}
