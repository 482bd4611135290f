// The gazetteer as data: load time, coverage of the state table, office holders by date, keys,
// errors that name the file, and case variants of one name form.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "actors_test_support.h"

using actors_test::gazetteer;
using diplograph::ActorKind;
using diplograph::actors::Gazetteer;

namespace {

// A scratch ontology folder with the given files, removed at the end of the test.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("dg_actors_test_" + name)) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  void write(const std::string& file, const std::string& content) const {
    std::ofstream(path_ / file) << content;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

std::string label_of(std::optional<std::uint32_t> entry) {
  return entry ? gazetteer().entry(*entry).actor.label : "<none>";
}

}  // namespace

TEST_CASE("the gazetteer loads, and how long it takes is reported", "[actors][gazetteer]") {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  const auto g = Gazetteer::load(DG_ONTOLOGY_DIR "/actors", error);
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  REQUIRE(g);
  CHECK(error.empty());
  WARN("gazetteer: " << g->entries().size() << " entries loaded in " << took.count() << " ms");
}

TEST_CASE("every state of the table has its code, label and both languages' names",
          "[actors][gazetteer]") {
  std::set<std::string> codes;
  for (const auto& e : gazetteer().entries()) {
    if (e.actor.kind != ActorKind::State) continue;
    CHECK(e.actor.code.size() == 3);
    CHECK(e.actor.id == "state/" + e.actor.code);
    CHECK_FALSE(e.actor.label.empty());
    CHECK_FALSE(e.actor.aliases.empty());
    codes.insert(e.actor.code);
  }
  CHECK(codes.size() >= 198);  // UN members and observers, Kosovo, Taiwan, Western Sahara
  for (const auto* code : {"XKX", "TWN", "PSE", "ESH", "VAT"}) CHECK(codes.count(code) == 1);
}

TEST_CASE("every role belongs to an actor of the gazetteer", "[actors][gazetteer]") {
  // A person speaks for the state, organisation or group of the role held on the date.
  for (const auto& e : gazetteer().entries())
    for (const auto& r : e.roles) {
      INFO(e.actor.id << " " << r.role << " of " << r.of);
      CHECK(gazetteer().find(r.of));
      CHECK(r.from.size() == 10);
    }
}

TEST_CASE("find() takes a code or an id", "[actors][gazetteer]") {
  const auto& g = gazetteer();
  REQUIRE(g.find("TUR"));
  CHECK(g.find("TUR") == g.find("state/TUR"));
  CHECK(label_of(g.find("UN")) == "United Nations");
  CHECK(label_of(g.find("group/hamas")) == "Hamas");
  CHECK_FALSE(g.find("XYZ"));
}

TEST_CASE("holder() picks the office-holder on a date", "[actors][gazetteer]") {
  const auto& g = gazetteer();
  CHECK(label_of(g.holder("head_of_state", "TUR", "2020-10-01")) == "Recep Tayyip Erdogan");
  CHECK(label_of(g.holder("head_of_state", "TUR", "2005-06-01")) == "Ahmet Necdet Sezer");
  // The day a successor takes office is the successor's.
  CHECK(label_of(g.holder("head_of_state", "TUR", "2007-08-28")) == "Abdullah Gül");
  CHECK(label_of(g.holder("foreign_minister", "RUS", "2020-10-01")) == "Sergei Lavrov");
  CHECK(label_of(g.holder("secretary_general", "UN", "2012-01-01")) == "Ban Ki-moon");
  CHECK(label_of(g.holder("leader", "group/hamas", "2020-10-01")) == "Ismail Haniyeh");
  // No date: whoever is still in office.
  CHECK(label_of(g.holder("foreign_minister", "RUS", "")) == "Sergei Lavrov");
  CHECK(label_of(g.holder("foreign_minister", "MDG", "2020-10-01")) == "<none>");
  CHECK(label_of(g.holder("head_of_state", "TUR", "1900-01-01")) == "<none>");
}

TEST_CASE("a load error names the file and the line", "[actors][gazetteer]") {
  ScratchDir dir("bad_json");
  dir.write("states.json", "[\n  {\"id\": \"state/AAA\", \"kind\": \"State\",\n  oops\n]\n");
  std::string error;
  CHECK_FALSE(Gazetteer::load(dir.path(), error));
  CHECK_THAT(error, Catch::Contains("states.json:3:"));

  ScratchDir no_kind("no_kind");
  no_kind.write("groups.json", "[{\"id\": \"group/x\"}]");
  CHECK_FALSE(Gazetteer::load(no_kind.path(), error));
  CHECK_THAT(error, Catch::Contains("groups.json: entry 1"));
}

TEST_CASE("case variants of one acronym all match", "[actors][gazetteer]") {
  // Listed upper case and capitalised, a short acronym keeps the looser rule of the two.
  ScratchDir dir("case_variants");
  dir.write("organizations.json",
            R"([{"id": "org/ABC", "kind": "InternationalOrganization", "code": "ABC",
                 "label": "Alpha Beta Community", "acronyms": {"en": ["ABC", "Abc"]}}])");
  std::string error;
  const auto g = Gazetteer::load(dir.path(), error);
  REQUIRE(g);
  const diplograph::actors::Recognizer recognizer(*g);
  const std::string text = "The ABC and the Abc met, not the abc.";
  const diplograph::text::Document doc(text);
  const auto a = recognizer.analyse(doc, "", "en");
  REQUIRE(a.mentions.size() == 2);
  CHECK(text.substr(a.mentions[0].begin, a.mentions[0].end - a.mentions[0].begin) == "ABC");
  CHECK(text.substr(a.mentions[1].begin, a.mentions[1].end - a.mentions[1].begin) == "Abc");
}
