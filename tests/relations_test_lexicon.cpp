// The lexicon as compiled: cue lists per language and the rules each trigger word starts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "actors/vocabulary.h"
#include "relations/lexicon.h"

namespace fs = std::filesystem;
using diplograph::actors::Vocabulary;
using diplograph::relations::Cue;
using diplograph::relations::Lexicon;

namespace {

// A lexicon directory of our own, removed with the fixture.
struct LexiconDir {
  fs::path dir = fs::temp_directory_path() / ("dg-lexicon-" + std::to_string(::getpid()));
  LexiconDir() { fs::create_directories(dir); }
  ~LexiconDir() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& json) const {
    std::ofstream(dir / name) << json;
  }
};

std::vector<std::string> rule_ids(const Lexicon& lex, std::uint32_t word) {
  std::vector<std::string> ids;
  for (const auto r : lex.rules_anchored_at(word)) ids.push_back(lex.rules()[r].id);
  return ids;
}

}  // namespace

TEST_CASE("cue lists are per language, and their union serves an unknown language") {
  LexiconDir d;
  d.write("en.cues.json", R"({"lang": "en", "cues": {
      "negation": ["not", "never"], "speech": ["said"], "determiners": ["the"]}})");
  d.write("fr.cues.json", R"({"lang": "fr", "cues": {
      "negation_pre": ["ne", "n'"], "negation_post": ["pas"], "speech": ["a déclaré", "déclaré"],
      "determiners": ["le", "l'"]}})");
  Vocabulary vocab;
  std::string error;
  const auto lex = Lexicon::load(d.dir.string(), vocab, error);
  REQUIRE(lex);
  const auto id = [&](const char* w) { return vocab.find(w); };

  const auto& en = lex->cues("en");
  CHECK(en.has(Cue::Negation, id("never")));
  CHECK(en.has(Cue::Speech, id("said")));
  CHECK_FALSE(en.has(Cue::Speech, id("not")));
  CHECK_FALSE(en.has(Cue::Negation, id("said")));
  CHECK_FALSE(en.has(Cue::Speech, id("declare")));

  const auto& fr = lex->cues("fr");
  CHECK(fr.has(Cue::NegationPre, id("n'")));
  CHECK(fr.has(Cue::NegationPost, id("pas")));
  CHECK(fr.has(Cue::Speech, id("declare")));  // accents are stripped, as in token forms
  CHECK(fr.has(Cue::Determiners, id("l'")));
  CHECK_FALSE(fr.has(Cue::Speech, id("said")));
  CHECK_FALSE(fr.has(Cue::Negation, id("not")));

  const auto& any = lex->cues("");
  for (const char* w : {"not", "said", "the", "ne", "pas", "le"})
    CHECK((any.has(Cue::Negation, id(w)) || any.has(Cue::NegationPre, id(w)) ||
           any.has(Cue::NegationPost, id(w)) || any.has(Cue::Speech, id(w)) ||
           any.has(Cue::Determiners, id(w))));
  CHECK(any.has(Cue::Speech, id("declare")));
  CHECK_FALSE(any.has(Cue::Speech, id("pas")));

  // Words no list holds, and ids past the vocabulary, are no cue at all.
  CHECK_FALSE(en.has(Cue::Negation, Vocabulary::kUnknown));
  CHECK_FALSE(any.has(Cue::Speech, static_cast<std::uint32_t>(vocab.size() + 100)));
}

TEST_CASE("a trigger word starts its rules in lexicon order") {
  LexiconDir d;
  d.write("en.test.json", R"({"lang": "en", "rules": [
      {"id": "first", "relation": "supports", "pattern": "B ~3 *backed by A"},
      {"id": "other", "relation": "accuses", "pattern": "A *blames|accuses B"},
      {"id": "second", "relation": "supports", "pattern": "A *backs|backed B"}]})");
  Vocabulary vocab;
  std::string error;
  const auto lex = Lexicon::load(d.dir.string(), vocab, error);
  REQUIRE(lex);
  CHECK(rule_ids(*lex, vocab.find("backed")) == std::vector<std::string>{"first", "second"});
  CHECK(rule_ids(*lex, vocab.find("backs")) == std::vector<std::string>{"second"});
  CHECK(rule_ids(*lex, vocab.find("accuses")) == std::vector<std::string>{"other"});
  CHECK(rule_ids(*lex, vocab.find("by")).empty());  // in a pattern, but no trigger
  CHECK(rule_ids(*lex, Vocabulary::kUnknown).empty());
  CHECK(rule_ids(*lex, static_cast<std::uint32_t>(vocab.size() + 5)).empty());
}
