// The graph writers: records built from the fuzz bytes (actor ids, names, aliases, evidence,
// dates and dispatch ids of any bytes, quotes, markup, newlines and control characters included)
// go through the graph and one exporter, and an independent reader must accept what it wrote:
// libxml2 for GraphML and GEXF (with one <node> per actor and one <edge> per relation), raptor
// for Turtle and N-Quads (every IRI free of the characters IRIs cannot hold), RapidJSON for
// JSON, Graphviz's cgraph for DOT, and an RFC 4180 reading of the CSV tables in which no cell
// starts a spreadsheet formula.
#ifdef DG_FUZZED_DATA_PROVIDER
#include DG_FUZZED_DATA_PROVIDER  // clang's header, in a g++ build (fuzz/CMakeLists.txt)
#else
#include <fuzzer/FuzzedDataProvider.h>
#endif
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <raptor2/raptor2.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/exporters.h"
#include "fuzz_support.h"
#include "graph/graph.h"

namespace {

using namespace diplograph;
namespace fs = std::filesystem;
using exporters::Format;

fs::path outdir;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// --- records from bytes ---------------------------------------------------------------------

std::string some_text(FuzzedDataProvider& p, std::size_t max = 40) {
  static const char* const kHostile[] = {
      "",        "\"",        "<&>",         "]]>",          "\n",    "\r\n", "=cmd|' /C calc'!A0",
      "+1",      "-1",        "@SUM(A1)",    "\t=x",         "\\",    "'",    "a\"b'c<d>e&f",
      "-->",     "}\n{",      "\x01\x1f\x7f", "\xef\xbf\xbe", "\xc3(", "%2F",  "../..",
      "_:b0",    "<http://x>", "\"\"\"",      "#",            " ",     "\xe2\x80\xa8", "é",
      "\r",     "x\ry",       "a\"\n\"",    "\"\"\"\n\"",    "\n\r"};
  if (p.ConsumeBool()) return kHostile[p.ConsumeIntegralInRange<std::size_t>(0, std::size(kHostile) - 1)];
  return p.ConsumeRandomLengthString(max);
}

std::string actor_id(FuzzedDataProvider& p) {
  static const char* const kIds[] = {"state/TUR", "state/AZE", "org/UN", "person/recep-tayyip-erdogan",
                                     "group/hamas", "region/donbas", "state/a b", "state/"};
  if (p.ConsumeBool()) return kIds[p.ConsumeIntegralInRange<std::size_t>(0, std::size(kIds) - 1)];
  std::string id = some_text(p, 24);
  return id.empty() ? "x" : id;
}

std::string some_date(FuzzedDataProvider& p) {
  static const char* const kDates[] = {"2020-10-01", "2020-10", "2020", "", "2020-02-30",
                                       "2020-13",    "0000",    "1999-12-31"};
  if (p.ConsumeBool()) return kDates[p.ConsumeIntegralInRange<std::size_t>(0, std::size(kDates) - 1)];
  return p.ConsumeRandomLengthString(12);
}

ActorRef some_actor(FuzzedDataProvider& p, const std::vector<std::string>& ids) {
  ActorRef a;
  a.id = ids[p.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1)];
  a.label = some_text(p);
  a.code = some_text(p, 8);
  a.kind = static_cast<ActorKind>(p.ConsumeIntegralInRange(0, 4));
  a.qid = p.ConsumeBool() ? "Q" + std::to_string(p.ConsumeIntegral<std::uint16_t>()) : some_text(p, 8);
  std::vector<std::string> aliases;
  for (int n = p.ConsumeIntegralInRange(0, 2); n > 0; --n) aliases.push_back(some_text(p));
  a.aliases = std::move(aliases);
  if (p.ConsumeBool()) a.affiliation = ids[p.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1)];
  return a;
}

Assertion some_assertion(FuzzedDataProvider& p, const std::vector<std::string>& ids) {
  static const char* const kTypes[] = {"supports", "allied-with", "mediates", "accuses"};
  Assertion a;
  a.type = p.ConsumeBool() ? kTypes[p.ConsumeIntegralInRange(0, 3)] : some_text(p, 16);
  a.source = some_actor(p, ids);
  a.target = some_actor(p, ids);
  a.polarity = static_cast<Polarity>(p.ConsumeIntegralInRange(0, 1));
  a.modality = static_cast<Modality>(p.ConsumeIntegralInRange(0, 3));
  if (p.ConsumeBool()) a.speaker = some_actor(p, ids);
  a.sentence = p.ConsumeIntegral<int>();
  a.span = {p.ConsumeIntegral<std::uint32_t>(), p.ConsumeIntegral<std::uint32_t>()};
  a.trigger = some_text(p);
  a.evidence = some_text(p, 200);
  a.rule = some_text(p, 16);
  a.confidence = p.ConsumeFloatingPoint<double>();
  if (p.ConsumeBool()) a.rolled_up_from = ids[p.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1)];
  return a;
}

DispatchRecord some_record(FuzzedDataProvider& p, const std::vector<std::string>& ids) {
  DispatchRecord r;
  r.id = some_text(p, 24);
  r.date = some_date(p);
  r.lang = some_text(p, 4);
  r.agency = some_text(p, 8);
  r.title = some_text(p);
  r.url = some_text(p);
  for (int n = p.ConsumeIntegralInRange(0, 4); n > 0; --n) r.relations.push_back(some_assertion(p, ids));
  for (int n = p.ConsumeIntegralInRange(0, 3); n > 0; --n) {
    ActorMentions am{some_actor(p, ids), {}};
    am.mentions.push_back(Mention{{0, 1}, some_text(p), some_text(p, 8)});
    r.actors.push_back(std::move(am));
  }
  return r;
}

// --- independent readers --------------------------------------------------------------------

std::size_t count_elements(xmlNode* node, const char* name) {
  std::size_t n = 0;
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE &&
        xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0)
      ++n;
    n += count_elements(node->children, name);
  }
  return n;
}

void check_xml(const fs::path& path, const graph::DiplomaticGraph& g) {
  xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                      XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  FUZZ_CHECK(doc != nullptr);
  xmlNode* root = xmlDocGetRootElement(doc);
  FUZZ_CHECK(count_elements(root, "node") == g.num_actors());
  FUZZ_CHECK(count_elements(root, "edge") == g.num_relations());
  xmlFreeDoc(doc);
}

bool valid_iri(const unsigned char* s) {
  if (!s || !*s) return false;
  for (; *s; ++s)
    if (*s <= 0x20 || std::string_view("<>\"{}|^`\\").find(static_cast<char>(*s)) !=
                          std::string_view::npos)
      return false;
  return true;
}

struct RdfCheck {
  std::size_t statements = 0;
  bool error = false;
  bool bad_iri = false;
};

void check_term(RdfCheck& c, raptor_term* t) {
  if (t && t->type == RAPTOR_TERM_TYPE_URI)
    c.bad_iri = c.bad_iri || !valid_iri(raptor_uri_as_string(t->value.uri));
}

void check_rdf(const fs::path& path, const char* syntax) {
  raptor_world* world = raptor_new_world();
  FUZZ_CHECK(world && raptor_world_open(world) == 0);
  RdfCheck check;
  raptor_world_set_log_handler(world, &check, [](void* data, raptor_log_message* m) {
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
      std::fprintf(stderr, "raptor: %s\n", m->text ? reinterpret_cast<const char*>(m->text) : "");
      static_cast<RdfCheck*>(data)->error = true;
    }
  });
  raptor_parser* parser = raptor_new_parser(world, syntax);
  raptor_parser_set_statement_handler(parser, &check, [](void* data, raptor_statement* st) {
    auto& c = *static_cast<RdfCheck*>(data);
    ++c.statements;
    check_term(c, st->subject);
    check_term(c, st->predicate);
    check_term(c, st->object);
    check_term(c, st->graph);
  });
  unsigned char* uri_string = raptor_uri_filename_to_uri_string(path.c_str());
  raptor_uri* uri = raptor_new_uri(world, uri_string);
  const int rc = raptor_parser_parse_file(parser, uri, uri);
  raptor_free_uri(uri);
  raptor_free_memory(uri_string);
  raptor_free_parser(parser);
  raptor_free_world(world);
  FUZZ_CHECK(rc == 0 && !check.error);
  FUZZ_CHECK(!check.bad_iri);
  FUZZ_CHECK(check.statements > 0);
}

void check_json(const fs::path& path) {
  const std::string text = read_file(path);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  FUZZ_CHECK(!doc.HasParseError());
}

// RFC 4180 rows; a quoted cell may hold commas, quotes ("") and line breaks.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      FUZZ_CHECK(cell.empty());  // a quote only opens a cell
      quoted = true;
    } else if (c == ',' || c == '\r') {
      if (c == '\r') FUZZ_CHECK(i + 1 < text.size() && text[i + 1] == '\n');
      rows.back().push_back(cell);
      cell.clear();
      if (c == '\r') {
        ++i;
        rows.emplace_back();
      }
    } else {
      cell += c;
    }
  }
  FUZZ_CHECK(!quoted && cell.empty());
  rows.pop_back();  // after the last CRLF
  // No cell, quoted or not, makes a spreadsheet run a formula.
  for (const auto& row : rows)
    for (const auto& value : row)
      FUZZ_CHECK(value.empty() || std::string_view("=+-@\t\r").find(value[0]) == std::string_view::npos);
  return rows;
}

void check_csv(const graph::DiplomaticGraph& g) {
  const auto nodes = read_csv(read_file(outdir / "nodes.csv"));
  const auto edges = read_csv(read_file(outdir / "edges.csv"));
  FUZZ_CHECK(nodes.size() == g.num_actors() + 1);
  FUZZ_CHECK(edges.size() == g.num_relations() + 1);
  for (const auto& row : nodes) FUZZ_CHECK(row.size() == nodes.front().size());
  for (const auto& row : edges) FUZZ_CHECK(row.size() == edges.front().size());
}

void check_dot(const fs::path& path, const graph::DiplomaticGraph& g) {
  const std::string text = read_file(path);
  Agraph_t* graph = agmemread(text.c_str());
  FUZZ_CHECK(graph != nullptr);
  FUZZ_CHECK(static_cast<std::size_t>(agnnodes(graph)) == g.num_actors());
  FUZZ_CHECK(static_cast<std::size_t>(agnedges(graph)) == g.num_relations());
  agclose(graph);
}

void check_output(Format format, const graph::DiplomaticGraph& g) {
  switch (format) {
    case Format::Turtle: check_rdf(outdir / "graph.ttl", "turtle"); break;
    case Format::NQuads: check_rdf(outdir / "graph.nq", "nquads"); break;
    case Format::GraphML: check_xml(outdir / "graph.graphml", g); break;
    case Format::Gexf: check_xml(outdir / "graph.gexf", g); break;
    case Format::Json:
      check_json(outdir / "graph.json");
      check_json(outdir / "graph.cyjs");
      break;
    case Format::Csv: check_csv(g); break;
    case Format::Dot: check_dot(outdir / "graph.dot", g); break;
    default: break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  outdir = base / ("dg-fuzz-writers-" + std::to_string(::getpid()));
  fs::create_directories(outdir);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(outdir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider p(data, size);
  static constexpr Format kFormats[] = {Format::Turtle, Format::GraphML, Format::NQuads,
                                        Format::Gexf,   Format::Json,    Format::Csv,
                                        Format::Dot};
  const Format format = p.PickValueInArray(kFormats);
  std::vector<std::string> ids;
  for (int n = p.ConsumeIntegralInRange(1, 5); n > 0; --n) ids.push_back(actor_id(p));
  std::vector<DispatchRecord> records;
  for (int n = p.ConsumeIntegralInRange(1, 3); n > 0; --n) records.push_back(some_record(p, ids));

  graph::DiplomaticGraph g;
  for (const auto& r : records) g.add(r);
  const auto exporter = exporters::make_exporter(format, outdir);
  for (const auto& r : records) {
    const auto status = exporter->add(r);
    if (!status.ok()) std::fprintf(stderr, "add: %s\n", status.message().c_str());
    FUZZ_CHECK(status.ok());
  }
  const auto status = exporter->finish(g);
  if (!status.ok()) std::fprintf(stderr, "finish: %s\n", status.message().c_str());
  FUZZ_CHECK(status.ok());
  check_output(format, g);
  return 0;
}
