#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>

#include "model/record.h"
#include "model/record_json.h"

using namespace diplograph;

namespace {

ActorRef turkey() {
  return ActorRef{"state/TUR", "Turkey", "TUR", ActorKind::State, "Q43", {"Turquie", "Ankara"}, ""};
}

ActorRef azerbaijan() {
  return ActorRef{"state/AZE", "Azerbaijan", "AZE", ActorKind::State, "", {"Azerbaïdjan"}, ""};
}

ActorRef erdogan() {
  return ActorRef{"person/recep-tayyip-erdogan",
                  "Recep Tayyip Erdoğan",
                  "",
                  ActorKind::Person,
                  "Q39723",
                  {"Erdogan", "le président turc"},
                  "state/TUR"};
}

// A record that uses every field, including the optional ones and text that needs escaping.
DispatchRecord full_record() {
  DispatchRecord r;
  r.id = "seed-afp-2020-10-01-moscou";
  r.date = "2020-10-01";
  r.lang = "fr";
  r.agency = "AFP";
  r.title = "Karabakh: \"Moscou\" appelle\tau cessez-le-feu\n";
  r.url = "https://example.org/a?b=1&c=\\2";
  Assertion a{"supports",
              turkey(),
              azerbaijan(),
              Polarity::Positive,
              Modality::Claimed,
              ActorRef{"state/ARM", "Armenia", "ARM", ActorKind::State, "", {}, ""},
              3,
              CharSpan{412, 467},
              "soutenue par",
              "... l'Azerbaïdjan, soutenue par Ankara ...",
              "fr.supports.passive-par",
              0.9,
              ""};
  Assertion b{"supports",
              erdogan(),
              azerbaijan(),
              Polarity::Negated,
              Modality::Denied,
              std::nullopt,
              4,
              CharSpan{500, 520},
              "soutient",
              "Erdoğan soutient Bakou 😀",
              "fr.supports.active",
              0.75,
              ""};
  Assertion c = b;
  c.source = turkey();
  c.rolled_up_from = erdogan().id;
  c.modality = Modality::Offered;
  r.relations = {a, b, c};
  r.actors = {
      {azerbaijan(), {{CharSpan{10, 21}, "Azerbaïdjan", "name"}}},
      {erdogan(), {{CharSpan{30, 37}, "Erdoğan", "surname"}, {CharSpan{40, 42}, "il", "pronoun"}}},
      {turkey(), {}}};
  return r;
}

DispatchRecord parse_ok(const std::string& line) {
  DispatchRecord r;
  ParseError e;
  INFO(line);
  const bool ok = from_json_line(line, r, e);
  INFO(e.message);
  REQUIRE(ok);
  return r;
}

ParseError parse_error(const std::string& line) {
  DispatchRecord r;
  ParseError e;
  INFO(line);
  REQUIRE_FALSE(from_json_line(line, r, e));
  return e;
}

}  // namespace

TEST_CASE("enum names are the contract's and read back", "[record]") {
  for (auto k : {ActorKind::State, ActorKind::Person, ActorKind::InternationalOrganization,
                 ActorKind::NonStateGroup, ActorKind::Region})
    CHECK(actor_kind_from_string(to_string(k)) == k);
  CHECK(std::string(to_string(ActorKind::InternationalOrganization)) ==
        "InternationalOrganization");
  CHECK(std::string(to_string(ActorKind::NonStateGroup)) == "NonStateGroup");
  CHECK(std::string(to_string(Polarity::Negated)) == "negated");
  CHECK(std::string(to_string(Modality::Offered)) == "offered");
  for (auto p : {Polarity::Positive, Polarity::Negated})
    CHECK(polarity_from_string(to_string(p)) == p);
  for (auto m : {Modality::Asserted, Modality::Claimed, Modality::Offered, Modality::Denied})
    CHECK(modality_from_string(to_string(m)) == m);
  CHECK_FALSE(actor_kind_from_string("state"));  // names are case-sensitive
  CHECK_FALSE(polarity_from_string(""));
  CHECK_FALSE(modality_from_string("Asserted"));
}

TEST_CASE("to_json_line writes the section 6 shape, fields in order", "[record_json]") {
  DispatchRecord r;
  r.id = "d1";
  r.lang = "fr";
  Assertion a;
  a.type = "supports";
  a.source = turkey();
  a.target = azerbaijan();
  a.sentence = 3;
  a.span = {412, 467};
  a.trigger = "soutenue par";
  a.evidence = "soutenue par Ankara";
  a.rule = "fr.supports.passive-par";
  a.confidence = 0.9;
  r.relations = {a};
  r.actors = {{turkey(), {{CharSpan{120, 126}, "Ankara", "capital"}}}};
  const std::string tur =
      R"("id":"state/TUR","label":"Turkey","code":"TUR","kind":"State","qid":"Q43",)"
      R"("aliases":["Turquie","Ankara"])";
  const std::string expected =
      R"({"id":"d1","date":null,"lang":"fr","agency":null,"title":null,"url":null,)"
      R"("relations":[{"type":"supports","source":{)" +
      tur +
      R"(},)"
      R"("target":{"id":"state/AZE","label":"Azerbaijan","code":"AZE","kind":"State",)"
      R"("aliases":["Azerbaïdjan"]},"polarity":"positive","modality":"asserted","speaker":null,)"
      R"("sentence":3,"span":[412,467],"trigger":"soutenue par","evidence":"soutenue par Ankara",)"
      R"("rule":"fr.supports.passive-par","confidence":0.90,"rolled_up_from":null}],)"
      R"("actors":[{)" +
      tur + R"(,"mentions":[{"span":[120,126],"text":"Ankara","how":"capital"}]}]})";
  CHECK(to_json_line(r) == expected);
}

TEST_CASE("person actors carry affiliation, speakers are actor objects", "[record_json]") {
  DispatchRecord r = full_record();
  const std::string line = to_json_line(r);
  CHECK(line.find(R"("aliases":["Erdogan","le président turc"],"affiliation":"state/TUR")") !=
        std::string::npos);
  CHECK(line.find(R"("speaker":{"id":"state/ARM")") != std::string::npos);
  CHECK(line.find(R"("rolled_up_from":"person/recep-tayyip-erdogan")") != std::string::npos);
  CHECK(line.find('\n') == std::string::npos);  // one line, the newline in the title is escaped
  CHECK(line.find(R"(\"Moscou\" appelle\tau cessez-le-feu\n")") != std::string::npos);
}

TEST_CASE("record -> line -> record is the identity", "[record_json]") {
  const DispatchRecord r = full_record();
  const std::string line = to_json_line(r);
  CHECK(parse_ok(line) == r);
  CHECK(to_json_line(parse_ok(line)) == line);
  CHECK(parse_ok(to_json_line(DispatchRecord{})) == DispatchRecord{});
}

// Strings with nothing to escape are copied whole, eight bytes at a time: an escaped byte must
// be found at any position, in the eight-byte part and in the tail.
TEST_CASE("every byte JSON escapes is escaped wherever it stands", "[record_json]") {
  for (const char special : {'"', '\\', '\x01', '\n', '\x1f'}) {
    for (std::size_t at = 0; at < 21; ++at) {
      DispatchRecord r;
      r.title = std::string(21, 'a');
      r.title[at] = special;
      const std::string line = to_json_line(r);
      CHECK(line.find(special == '"' ? R"(\")" : special == '\\' ? R"(\\)" : R"(\)") !=
            std::string::npos);
      CHECK(parse_ok(line).title == r.title);
    }
  }
  DispatchRecord r;
  r.title = "\x7f Azerbaïdjan « paix » ";  // DEL, letters and quotes past ASCII stay as they are
  CHECK(to_json_line(r).find("\"title\":\"" + r.title + "\"") != std::string::npos);
}

TEST_CASE("one actor id with other fields is written as each actor is", "[record_json]") {
  DispatchRecord r;
  Assertion a;
  a.source = turkey();
  a.target = azerbaijan();
  r.relations = {a, a};
  r.relations[1].source.label = "Türkiye";
  r.relations[1].target.aliases = NameList{"Azerbaïdjan"};  // equal names, another list
  const DispatchRecord back = parse_ok(to_json_line(r));
  CHECK(back.relations[0].source.label == "Turkey");
  CHECK(back.relations[1].source.label == "Türkiye");
  CHECK(back == r);
}

// The writer keeps each thread's actor objects from line to line, so a line must never get an
// object written for another actor, in a run longer than it keeps.
TEST_CASE("each line writes its own actors, whatever lines came before", "[record_json]") {
  const auto record_with = [](const ActorRef& source, const ActorRef& target) {
    DispatchRecord r;
    Assertion a;
    a.source = source;
    a.target = target;
    r.relations = {a};
    r.actors = {{source, {}}, {target, {}}};
    return r;
  };
  const DispatchRecord first = record_with(turkey(), erdogan());
  const std::string first_line = to_json_line(first);
  for (int i = 0; i < 6000; ++i) {
    ActorRef other{"group/g" + std::to_string(i), "Group \"" + std::to_string(i) + "\"", "",
                   ActorKind::NonStateGroup, "", {"g" + std::to_string(i)}, ""};
    ActorRef shifting = turkey();
    shifting.label = "Turkey " + std::to_string(i % 3);
    shifting.aliases = NameList{"Turquie", "Ankara", std::to_string(i % 2)};
    const DispatchRecord r = record_with(other, shifting);
    const DispatchRecord back = parse_ok(to_json_line(r));
    if (back != r) FAIL("line " << i << " does not read back as its record");
  }
  CHECK(to_json_line(first) == first_line);
  CHECK(parse_ok(first_line) == first);
}

TEST_CASE("confidence is written with two decimals, rounded", "[record_json]") {
  DispatchRecord r;
  r.relations.push_back(Assertion{});
  auto confidence_text = [&](double c) {
    r.relations[0].confidence = c;
    const std::string line = to_json_line(r);
    const auto at = line.find("\"confidence\":") + 13;
    return line.substr(at, line.find(',', at) - at);
  };
  CHECK(confidence_text(0.9) == "0.90");
  CHECK(confidence_text(0.876) == "0.88");
  CHECK(confidence_text(1.0) == "1.00");
  CHECK(confidence_text(0.1 + 0.2) == "0.30");  // not 0.30000000000000004
  CHECK(confidence_text(std::numeric_limits<double>::quiet_NaN()) == "0.00");
  // Every score as printf rounds it: each hundredth (written from an integer) and values
  // between them, at ties, negative or above 1 (written by to_chars).
  auto printf_text = [](double c) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", c);
    return std::string(buf);
  };
  for (int k = 0; k <= 100; ++k) CHECK(confidence_text(k / 100.0) == printf_text(k / 100.0));
  for (const double c : {0.125, 0.375, 0.005, 0.995, 0.4449999, 1.005, 2.5, 1234.567, -0.0, -0.25})
    CHECK(confidence_text(c) == printf_text(c));
}

TEST_CASE("invalid UTF-8 in a field does not break the line", "[record_json]") {
  DispatchRecord r;
  r.id = "bad";
  r.title =
      "Azerba\xEF"
      "djan \xC3";  // Latin-1 byte, then a truncated sequence
  const std::string line = to_json_line(r);
  const DispatchRecord back = parse_ok(line);  // the reader validates the encoding
  CHECK(back.title ==
        "Azerba\xEF\xBF\xBD"
        "djan \xEF\xBF\xBD");  // each bad byte is U+FFFD
}

TEST_CASE("a line from an outside tool: fields missing, null or extra", "[record_json]") {
  const DispatchRecord r =
      parse_ok(R"({"id":"x","extra":{"a":[1,2]},"date":null,"relations":[)"
               R"({"type":"accuses","source":{"id":"state/ARM","code":"ARM","note":1},)"
               R"("target":{"id":"state/TUR","label":"Turkey"},"speaker":null,"score":3}]})");
  CHECK(r.id == "x");
  CHECK(r.date.empty());
  CHECK(r.actors.empty());
  REQUIRE(r.relations.size() == 1);
  const Assertion& a = r.relations[0];
  CHECK(a.type == "accuses");
  CHECK(a.source.code == "ARM");
  CHECK(a.source.label.empty());
  CHECK(a.target.label == "Turkey");
  CHECK(a.polarity == Polarity::Positive);  // defaults: the relation holds
  CHECK(a.modality == Modality::Asserted);
  CHECK_FALSE(a.speaker);
  CHECK(a.confidence == 0.0);
  CHECK(parse_ok(R"({"id":"y"})"
                 "\r")
            .id == "y");  // a CRLF file's line
  CHECK(parse_ok(R"({"id":"z","relations":[],"actors":[{"id":"org/UN"}]})").actors[0].actor.id ==
        "org/UN");
}

TEST_CASE("syntax errors give the column and RapidJSON's message", "[record_json]") {
  ParseError e = parse_error(R"({"id":"x",})");
  CHECK(e.column == 11);  // the '}' where a name was expected
  CHECK(e.message.find("name") != std::string::npos);
  e = parse_error(R"({"id":"x"} {})");
  CHECK(e.column == 12);
  CHECK(e.message.find("root must not be followed") != std::string::npos);
  e = parse_error("");
  CHECK(e.column == 1);
  e = parse_error("{\"id\":\"\xFF\"}");
  CHECK(e.column > 0);
  CHECK(e.message.find("encoding") != std::string::npos);
}

TEST_CASE("field errors name the field", "[record_json]") {
  auto message = [](const std::string& line) {
    const ParseError e = parse_error(line);
    CHECK(e.column == 0);
    return e.message;
  };
  CHECK(message("[1]") == "line: expected an object");
  CHECK(message(R"({"relations":[]})") == "id: missing");
  CHECK(message(R"({"id":7})") == "id: expected a string");
  CHECK(message(R"({"id":"x","relations":{}})") == "relations: expected an array");
  CHECK(message(R"({"id":"x","relations":[{"source":{"id":"a"},"target":{"id":"b"}}]})") ==
        "relations[0].type: missing");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a"}}]})") ==
        "relations[0].target: missing");
  CHECK(
      message(
          R"({"id":"x","relations":[{"type":"t","source":{"label":"a"},"target":{"id":"b"}}]})") ==
      "relations[0].source.id: missing");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a","kind":"Country"},)"
                R"("target":{"id":"b"}}]})") ==
        "relations[0].source.kind: unknown value \"Country\"");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a"},"target":{"id":"b"},)"
                R"("modality":"maybe"}]})") == "relations[0].modality: unknown value \"maybe\"");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a"},"target":{"id":"b"},)"
                R"("span":[5,2]}]})") == "relations[0].span: begin is after end");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a"},"target":{"id":"b"},)"
                R"("span":[-1,2]}]})") ==
        "relations[0].span: expected [begin, end] with non-negative integers");
  CHECK(message(R"({"id":"x","relations":[{"type":"t","source":{"id":"a"},"target":{"id":"b"},)"
                R"("confidence":"high"}]})") == "relations[0].confidence: expected a number");
  CHECK(message(R"({"id":"x","actors":[{"id":"a","aliases":["b",1]}]})") ==
        "actors[0].aliases[1]: expected a string");
  CHECK(message(R"({"id":"x","actors":[{"id":"a","mentions":[{"span":[1]}]}]})") ==
        "actors[0].mentions[0].span: expected [begin, end] with non-negative integers");
}
