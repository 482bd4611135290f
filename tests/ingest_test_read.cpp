// Reading well-formed inputs: every format, directory order, standard input, default ids.
#include <catch2/catch.hpp>
#include <filesystem>

#include "ingest_test_support.h"

using namespace diplograph;
using namespace diplograph::ingest;
using namespace diplograph::ingest::testing;

TEST_CASE("JSON Lines: fields, defaults, blank lines, unknown fields", "[read]") {
  const std::string file = kData + "/dispatches.jsonl";
  const Run run = read_all({file});
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == 3);
  CHECK(run.summary.dispatches == 3);

  const Dispatch& first = run.dispatches[0];
  CHECK(first.id == "jl-1");
  CHECK(first.title == "Initiative");
  CHECK(first.url == "https://example.org/1");
  CHECK(first.lang == "fr");
  CHECK(first.date == "2022-02-02");  // from the dateline
  CHECK(first.agency == "AFP");
  CHECK(first.file == file);
  CHECK(first.line == 1);
  CHECK(body(first).starts_with("La France"));

  const Dispatch& second = run.dispatches[1];
  CHECK(second.id == file + ":3");  // line 2 is blank
  CHECK(second.line == 3);
  CHECK(second.date == "2022-02-03");
  CHECK(second.agency.empty());
  CHECK(second.lang == "en");
  CHECK(second.body_begin == 0);

  const Dispatch& third = run.dispatches[2];
  CHECK(third.id == "42");                      // a numeric id is kept as written
  CHECK(third.dateline == "Berlin (Reuters)");  // metadata wins
  CHECK(third.agency == "Reuters");
  CHECK(third.date == "2022-02-04");
}

TEST_CASE("JSON array and single JSON object", "[read]") {
  const std::string array = kData + "/array.json";
  const std::string single = kData + "/single.json";
  const Run run = read_all({array, single});
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == 4);
  CHECK(run.dispatches[0].id == "arr-1");
  CHECK(run.dispatches[0].line == 2);
  CHECK(run.dispatches[0].date == "2020-05-05");
  CHECK(run.dispatches[1].id == array + "#1");
  CHECK(run.dispatches[1].line == 3);
  CHECK(run.dispatches[1].lang == "en");
  CHECK(run.dispatches[2].id == "arr-3");
  CHECK(run.dispatches[2].agency == "AFP");
  CHECK(run.dispatches[3].id == "single-1");
  CHECK(run.dispatches[3].title == "One object");
  CHECK(run.dispatches[3].line == 0);
  CHECK(run.dispatches[3].date == "2021-06-06");
  CHECK(run.dispatches[3].agency == "Reuters");

  TempDir tmp;
  const std::string no_id = tmp.write("no_id.json", R"({"text": "Un texte sans identifiant."})");
  const Run defaulted = read_all({no_id});
  REQUIRE(defaulted.dispatches.size() == 1);
  CHECK(defaulted.dispatches[0].id == no_id);
}

TEST_CASE("AFP hard-wrapped text file", "[read]") {
  const std::string file = kData + "/afp_wrapped.txt";
  const Run run = read_all({file});
  REQUIRE(run.dispatches.size() == 1);
  const Dispatch& d = run.dispatches[0];
  CHECK(d.id == file);
  CHECK(d.line == 0);
  CHECK(d.date == "2021-03-14");
  CHECK(d.agency == "AFP");
  CHECK(d.dateline == "Bakou, 14 mars 2021 (AFP)");
  CHECK(d.lang == "fr");
  CHECK(body(d).starts_with("Le gouvernement azerbaïdjanais"));
  CHECK(body(d).ends_with("Affaires étrangères."));  // sign-off and blank lines dropped
  CHECK(d.text.ends_with("xyz/abc/qq\n"));           // the text itself is untouched
}

TEST_CASE("Reuters and AP text files", "[read]") {
  const Run run = read_all({kData + "/reuters.txt", kData + "/ap.txt"});
  REQUIRE(run.dispatches.size() == 2);
  const Dispatch& reuters = run.dispatches[0];
  CHECK(reuters.agency == "Reuters");
  CHECK(reuters.dateline == "ANKARA, Oct 1 (Reuters)");
  CHECK(reuters.lang == "en");
  CHECK(body(reuters).starts_with("Turkey said"));
  CHECK(body(reuters).ends_with("support of its allies."));
  const Dispatch& ap = run.dispatches[1];
  CHECK(ap.agency == "AP");
  CHECK(ap.dateline == "KYIV, Ukraine (AP)");
  CHECK(body(ap).starts_with("The foreign minister"));
}

TEST_CASE("Directories are walked recursively in byte order, hidden entries skipped", "[read]") {
  const std::string tree = kData + "/tree";
  const Run run = read_all({tree});
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  std::vector<std::string> ids;
  for (const Dispatch& d : run.dispatches) ids.push_back(d.id);
  const std::vector<std::string> expected = {tree + "/B.txt", tree + "/a-c/x.txt", "tree-jsonl",
                                             tree + "/c.txt"};
  CHECK(ids == expected);
  CHECK(run.dispatches[2].file == tree + "/a/z.jsonl");
}

TEST_CASE("Standard input is sniffed", "[read]") {
  SECTION("JSON Lines") {
    const Run run = read_text("\n  {\"id\": \"s1\", \"text\": \"one\"}\n{\"text\": \"two\"}\n");
    INFO(run.error_text());
    REQUIRE(run.dispatches.size() == 2);
    CHECK(run.dispatches[0].id == "s1");
    CHECK(run.dispatches[1].id == "<stdin>:3");
  }
  SECTION("JSON array") {
    const Run run = read_text(" [{\"id\": \"a\", \"text\": \"one\"},\n {\"text\": \"two\"}]");
    REQUIRE(run.dispatches.size() == 2);
    CHECK(run.dispatches[1].id == "<stdin>#1");
    CHECK(run.dispatches[1].line == 2);
  }
  SECTION("wire text keeps its leading white space") {
    const std::string text = " date 2020-10 Moscou, 1 oct 2020 (AFP) - La Russie a parlé.";
    const Run run = read_text(text);
    REQUIRE(run.dispatches.size() == 1);
    CHECK(run.dispatches[0].text == text);
    CHECK(run.dispatches[0].id == "<stdin>");
    CHECK(run.dispatches[0].date == "2020-10-01");
  }
  SECTION("white space beyond the first buffer") {
    const std::string text = std::string(200000, ' ') + "{\"id\": \"far\", \"text\": \"x\"}";
    const Run run = read_text(text);
    REQUIRE(run.dispatches.size() == 1);
    CHECK(run.dispatches[0].id == "far");
  }
  SECTION("nothing at all") {
    const Run run = read_text("");
    CHECK(run.dispatches.empty());
    REQUIRE(run.errors.size() == 1);
    CHECK(run.errors[0].format() == "<stdin>: empty dispatch");
  }
}

TEST_CASE("Windows line endings and a UTF-8 byte order mark", "[read]") {
  TempDir tmp;
  const std::string bom = "\xEF\xBB\xBF";
  const std::string jsonl = tmp.write("crlf.jsonl", bom +
                                                        "{\"id\": \"c1\", \"text\": \"a\"}\r\n\r\n"
                                                        "{\"id\": \"c2\", \"text\": \"b\"}\r\n");
  const std::string json = tmp.write("bom.json", bom + "[{\"id\": \"j1\", \"text\": \"c\"}]");
  const std::string txt = tmp.write("bom.txt", bom + "PARIS, 3 mai 2020 (AFP) - Texte.\r\n");
  const Run run = read_all({jsonl, json, txt});
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == 4);
  CHECK(run.dispatches[1].id == "c2");
  CHECK(run.dispatches[2].id == "j1");
  CHECK(run.dispatches[3].text.starts_with("PARIS"));
  CHECK(run.dispatches[3].agency == "AFP");
  CHECK(body(run.dispatches[3]) == "Texte.");

  const Run piped = read_text(bom + "{\"id\": \"p1\", \"text\": \"x\"}\n{\"text\": 1}");
  REQUIRE(piped.dispatches.size() == 1);
  CHECK(piped.dispatches[0].id == "p1");
  REQUIRE(piped.errors.size() == 1);
  CHECK(piped.errors[0].format() == "<stdin>:2: \"text\" must be a string, found a number");
}

TEST_CASE("The real seed file", "[read][seed]") {
  const std::string seed = DG_SHARED_DIR "/seed/000_de60a2d10fb60d0c.txt";
  if (!std::filesystem::exists(seed)) {
    WARN("seed file missing: " << seed);
    SUCCEED();
    return;
  }
  const Run run = read_all({seed});
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == 1);
  const Dispatch& d = run.dispatches[0];
  CHECK(d.date == "2020-10-01");
  CHECK(d.agency == "AFP");
  CHECK(d.dateline == "Moscou, 1 oct 2020 (AFP)");
  CHECK(d.lang == "fr");
  CHECK(d.text.substr(d.body_begin).starts_with("Moscou a affirmé"));
  CHECK(d.body_end == d.text.find_last_not_of(" \n") + 1);
}

TEST_CASE("JSON escapes and white space are read at every offset of a line", "[read]") {
  // The reader scans strings and the space between tokens sixteen bytes at a time: an escape
  // or the end of a string must be found wherever it falls in those blocks.
  std::string lines;
  std::vector<std::string> ids;
  std::vector<std::string> texts;
  for (std::size_t shift = 0; shift < 40; ++shift) {
    const std::string pad(shift, 'a');
    const std::string spaces(shift % 19, ' ');
    ids.push_back(std::to_string(shift));
    lines += "{" + spaces + "\"id\":" + spaces + "\"" + ids.back() + "\"," + spaces +
             "\"text\":\"" + pad + "Il a dit \\\"non\\\" \\\\ \\u00e0 Paris\\n\\tfin " + pad +
             "\"" + spaces + "}\n";
    texts.push_back(pad + "Il a dit \"non\" \\ à Paris\n\tfin " + pad);
  }
  const Run run = read_text(lines);
  INFO(run.error_text());
  REQUIRE(run.errors.empty());
  REQUIRE(run.dispatches.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CHECK(run.dispatches[i].id == ids[i]);
    CHECK(run.dispatches[i].text == texts[i]);
  }
}
