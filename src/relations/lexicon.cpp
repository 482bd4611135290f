#include "relations/lexicon.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "text/document.h"

namespace diplograph::relations {

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool Element::matches(std::uint32_t word) const { return contains(words, word); }

void Cues::add(Cue cue, std::uint32_t word) {
  if (word >= lists_of_.size()) lists_of_.resize(word + 1, 0);
  lists_of_[word] |= 1u << static_cast<unsigned>(cue);
}

void Cues::add_all(const Cues& other) {
  if (other.lists_of_.size() > lists_of_.size()) lists_of_.resize(other.lists_of_.size(), 0);
  for (std::size_t w = 0; w < other.lists_of_.size(); ++w) lists_of_[w] |= other.lists_of_[w];
}

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool is_form_name(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) return false;
  return s.size() > 1 && s != "A" && s != "B";
}

std::string string_of(const rapidjson::Value& v, const char* key) {
  if (!v.HasMember(key) || !v[key].IsString()) return {};
  return v[key].GetString();
}

}  // namespace

class LexiconLoader {
 public:
  LexiconLoader(Lexicon& lex, actors::Vocabulary& vocab) : lex_(lex), vocab_(vocab) {}

  bool load(const std::string& dir, std::string& error);

 private:
  bool word_ids(const std::string& word, std::vector<std::uint32_t>& out, std::string& error);
  bool compile_element(const std::string& lang, std::string token, Element& e, std::string& error);
  bool compile_rule(const std::string& lang, const rapidjson::Value& v, std::string& error);
  void read_cues(const std::string& lang, const rapidjson::Value& v);
  bool compile_compound(const std::string& lang, const rapidjson::Value& v, std::string& error);
  void merge_cues();
  void index_anchors();

  Lexicon& lex_;
  actors::Vocabulary& vocab_;
  std::map<std::string, std::vector<std::uint32_t>> forms_;  // "fr:SOUTENIR" -> word ids
};

// Clitics written alone in a pattern ("d'", "l'", "'s") are tokens only next to a word, so
// they are normalised with a stand-in word beside them.
std::string normalize_word(const std::string& word) {
  if (word == "à") return word;
  const bool elided = word.ends_with("'") || word.ends_with("\u2019");
  const bool enclitic = word.starts_with("'") || word.starts_with("\u2019");
  if (word.size() < 2 || (!elided && !enclitic)) return text::normalize_phrase(word);
  const std::string phrase = text::normalize_phrase(elided ? word + "x" : "x" + word);
  const auto space = phrase.find(' ');
  if (space == std::string::npos) return phrase;
  return elided ? phrase.substr(0, space) : phrase.substr(space + 1);
}

bool LexiconLoader::word_ids(const std::string& word, std::vector<std::uint32_t>& out,
                             std::string& error) {
  const std::string norm = normalize_word(word);
  if (norm.empty()) return true;
  if (norm.find(' ') != std::string::npos) {
    error = "'" + word + "' is more than one token; write each word as its own element";
    return false;
  }
  out.push_back(vocab_.intern(norm));
  return true;
}

bool LexiconLoader::compile_element(const std::string& lang, std::string token, Element& e,
                                    std::string& error) {
  if (token.size() > 1 && token[0] == '~') {
    e.kind = Element::Kind::Gap;
    e.max_gap = static_cast<std::uint8_t>(std::min(12, std::atoi(token.c_str() + 1)));
    return true;
  }
  if (token[0] == '*' && token.size() > 1) {
    e.trigger = true;
    token.erase(0, 1);
  }
  if (token.size() > 1 && token.back() == '?') {
    e.optional = true;
    token.pop_back();
  }
  if (token == "A" || token == "B" || token.starts_with("A:") || token.starts_with("B:")) {
    e.kind = token[0] == 'A' ? Element::Kind::Source : Element::Kind::Target;
    const std::string kind = token.size() > 2 ? token.substr(2) : "";
    e.any_mention = kind == "any";
    e.subject = kind == "subj";
    e.alliance = kind == "alliance";
    if (!kind.empty() && !e.any_mention && !e.subject && !e.alliance) {
      error = "unknown slot " + token + " (A, B, A:any, B:any, A:subj, B:subj, B:alliance)";
      return false;
    }
    return true;
  }
  for (const auto& alt : split(token, '|')) {
    if (is_form_name(alt)) {
      const auto it = forms_.find(lang + ":" + alt);
      if (it == forms_.end()) {
        error = "unknown form " + alt;
        return false;
      }
      e.words.insert(e.words.end(), it->second.begin(), it->second.end());
    } else if (!word_ids(alt, e.words, error)) {
      return false;
    }
  }
  std::sort(e.words.begin(), e.words.end());
  e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
  return true;
}

bool LexiconLoader::compile_rule(const std::string& lang, const rapidjson::Value& v,
                                 std::string& error) {
  Rule rule;
  rule.id = string_of(v, "id");
  rule.relation = string_of(v, "relation");
  rule.lang = lang;
  const std::string pattern = string_of(v, "pattern");
  if (rule.id.empty() || rule.relation.empty() || pattern.empty()) {
    error = "a rule needs \"id\", \"relation\" and \"pattern\"";
    return false;
  }
  if (v.HasMember("confidence") && v["confidence"].IsNumber())
    rule.confidence = v["confidence"].GetDouble();
  rule.mutual = v.HasMember("mutual") && v["mutual"].IsBool() && v["mutual"].GetBool();
  rule.target_is_conflict = string_of(v, "target") == "conflict";
  if (string_of(v, "modality") == "offered") rule.modality = Modality::Offered;
  bool has_source = false;
  bool has_target = false;
  std::optional<std::size_t> anchor;
  for (const auto& token : split(pattern, ' ')) {
    Element e;
    if (!compile_element(lang, token, e, error)) {
      error = "rule " + rule.id + ": " + error;
      return false;
    }
    has_source |= e.kind == Element::Kind::Source;
    rule.subject_source |= e.kind == Element::Kind::Source && e.subject;
    has_target |= e.kind == Element::Kind::Target;
    if (e.trigger) anchor = rule.elements.size();
    rule.elements.push_back(std::move(e));
  }
  if (!anchor) {
    error = "rule " + rule.id + ": mark the trigger element with '*'";
    return false;
  }
  if (!has_source || (!has_target && !rule.target_is_conflict && !rule.mutual)) {
    error = "rule " + rule.id + ": a pattern needs an A slot and a B slot";
    return false;
  }
  rule.anchor = *anchor;
  lex_.rules_.push_back(std::move(rule));
  return true;
}

bool LexiconLoader::compile_compound(const std::string& lang, const rapidjson::Value& v,
                                     std::string& error) {
  CompoundRule c;
  c.id = string_of(v, "id");
  c.relation = string_of(v, "relation");
  c.lang = lang;
  if (v.HasMember("confidence") && v["confidence"].IsNumber())
    c.confidence = v["confidence"].GetDouble();
  c.target_is_conflict = string_of(v, "target") == "conflict";
  if (v.HasMember("followed_by") && v["followed_by"].IsArray())
    for (const auto& w : v["followed_by"].GetArray())
      if (w.IsString() && !word_ids(w.GetString(), c.followed_by, error)) return false;
  std::sort(c.followed_by.begin(), c.followed_by.end());
  if (v.HasMember("suffixes") && v["suffixes"].IsArray())
    for (const auto& w : v["suffixes"].GetArray())
      if (w.IsString() && !word_ids(w.GetString(), c.suffixes, error)) return false;
  if (c.id.empty() || c.relation.empty() || c.suffixes.empty()) {
    error = "a compound needs \"id\", \"relation\" and \"suffixes\"";
    return false;
  }
  std::sort(c.suffixes.begin(), c.suffixes.end());
  lex_.compounds_.push_back(std::move(c));
  return true;
}

void LexiconLoader::read_cues(const std::string& lang, const rapidjson::Value& v) {
  static constexpr std::pair<const char*, Cue> kLists[] = {
      {"negation", Cue::Negation},         {"prepositions", Cue::Prepositions},
      {"relative", Cue::Relative},         {"accusation", Cue::Accusation},
      {"gap_stop", Cue::GapStop},          {"first_person", Cue::FirstPerson},
      {"litotes", Cue::Litotes},           {"sides", Cue::Sides},
      {"according", Cue::According},       {"conflict", Cue::Conflict},
      {"cessation", Cue::Cessation},       {"complementizer", Cue::Complementizer},
      {"negation_pre", Cue::NegationPre},  {"negation_post", Cue::NegationPost},
      {"denial", Cue::Denial},             {"speech", Cue::Speech},
      {"hypothetical", Cue::Hypothetical}, {"call", Cue::Call},
      {"clause_break", Cue::ClauseBreak},  {"coordination", Cue::Coordination},
      {"determiners", Cue::Determiners}};
  Cues& cues = lex_.cues_[lang];
  std::string ignored;
  for (const auto& [key, cue] : kLists) {
    if (!v.HasMember(key) || !v[key].IsArray()) continue;
    std::vector<std::uint32_t> ids;
    for (const auto& w : v[key].GetArray())
      if (w.IsString()) word_ids(w.GetString(), ids, ignored);
    for (const auto id : ids) cues.add(cue, id);
  }
}

// The union over languages serves dispatches whose language is unknown.
void LexiconLoader::merge_cues() {
  for (const auto& [lang, cues] : lex_.cues_) lex_.all_cues_.add_all(cues);
}

// Each anchor word's rules, in lexicon order, as one run of a flat array.
void LexiconLoader::index_anchors() {
  std::vector<std::uint32_t> from(vocab_.size() + 1, 0);
  for (const auto& rule : lex_.rules_)
    for (const auto w : rule.elements[rule.anchor].words) ++from[w + 1];
  for (std::size_t w = 1; w < from.size(); ++w) from[w] += from[w - 1];
  std::vector<std::uint32_t> rules(from.back());
  std::vector<std::uint32_t> next(from.begin(), from.end() - 1);
  for (std::uint32_t r = 0; r < lex_.rules_.size(); ++r)
    for (const auto w : lex_.rules_[r].elements[lex_.rules_[r].anchor].words) rules[next[w]++] = r;
  lex_.anchored_from_ = std::move(from);
  lex_.anchored_rules_ = std::move(rules);
}

bool LexiconLoader::load(const std::string& dir, std::string& error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec))
    if (f.path().extension() == ".json") files.push_back(f.path());
  if (ec) {
    error = dir + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::filesystem::path, rapidjson::Document>> docs;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string content = ss.str();
    rapidjson::Document doc;
    doc.Parse(content.c_str(), content.size());
    if (doc.HasParseError() || !doc.IsObject()) {
      const auto off = doc.GetErrorOffset();
      error = f.string() + ":" +
              std::to_string(1 + std::count(content.begin(), content.begin() + std::min(off, content.size()), '\n')) +
              ": " + (doc.HasParseError() ? rapidjson::GetParseError_En(doc.GetParseError()) : "expected an object");
      return false;
    }
    docs.emplace_back(f, std::move(doc));
  }
  // Forms and cues first: rules in one file may use forms from another of the same language.
  for (const auto& [path, doc] : docs) {
    const std::string lang = string_of(doc, "lang");
    if (doc.HasMember("forms") && doc["forms"].IsObject()) {
      for (const auto& f : doc["forms"].GetObject()) {
        auto& ids = forms_[lang + ":" + f.name.GetString()];
        if (!f.value.IsArray()) continue;
        for (const auto& w : f.value.GetArray())
          if (w.IsString() && !word_ids(w.GetString(), ids, error)) {
            error = path.string() + ": form " + f.name.GetString() + ": " + error;
            return false;
          }
      }
    }
    if (doc.HasMember("cues") && doc["cues"].IsObject()) read_cues(lang, doc["cues"]);
  }
  for (const auto& [path, doc] : docs) {
    const std::string lang = string_of(doc, "lang");
    if (doc.HasMember("compounds") && doc["compounds"].IsArray())
      for (const auto& c : doc["compounds"].GetArray())
        if (!compile_compound(lang, c, error)) {
          error = path.string() + ": " + error;
          return false;
        }
    if (!doc.HasMember("rules") || !doc["rules"].IsArray()) continue;
    for (const auto& r : doc["rules"].GetArray())
      if (!compile_rule(lang, r, error)) {
        error = path.string() + ": " + error;
        return false;
      }
  }
  merge_cues();
  index_anchors();
  return true;
}

std::optional<Lexicon> Lexicon::load(const std::string& dir, actors::Vocabulary& vocabulary,
                                     std::string& error) {
  Lexicon lex;
  LexiconLoader loader(lex, vocabulary);
  if (!loader.load(dir, error)) return std::nullopt;
  return lex;
}

const Cues& Lexicon::cues(const std::string& lang) const {
  const auto it = cues_.find(lang);
  return it == cues_.end() ? all_cues_ : it->second;
}

std::vector<std::string> Lexicon::relation_types() const {
  std::set<std::string> types;
  for (const auto& r : rules_) types.insert(r.relation);
  for (const auto& c : compounds_) types.insert(c.relation);
  return {types.begin(), types.end()};
}

}  // namespace diplograph::relations
