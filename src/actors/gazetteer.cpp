#include "actors/gazetteer.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "text/document.h"

namespace diplograph::actors {

namespace {

constexpr std::uint32_t kNoEntry = UINT32_MAX;

std::string pad_date(const std::string& date) {
  // A month-only date is taken as the middle of the month.
  return date.size() == 7 ? date + "-15" : date;
}

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::vector<std::string> strings_of(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  if (v.IsArray())
    for (const auto& s : v.GetArray())
      if (s.IsString()) out.emplace_back(s.GetString(), s.GetStringLength());
  return out;
}

struct LangForm {
  std::string text;
  std::uint8_t lang;  // lang_bit() of the list it came from, 0 for a plain array
};

// Values of a {"en": [...], "fr": [...]} object, or of a plain array.
std::vector<LangForm> lang_forms_of(const rapidjson::Value& obj, const char* key) {
  std::vector<LangForm> out;
  if (!obj.HasMember(key)) return out;
  const auto& v = obj[key];
  if (v.IsObject()) {
    for (const auto& lang : v.GetObject())
      for (auto& s : strings_of(lang.value))
        out.push_back({std::move(s), lang_bit(lang.name.GetString())});
  } else {
    for (auto& s : strings_of(v)) out.push_back({std::move(s), 0});
  }
  return out;
}

std::vector<std::string> forms_of(const rapidjson::Value& obj, const char* key) {
  std::vector<std::string> out;
  for (auto& f : lang_forms_of(obj, key)) out.push_back(std::move(f.text));
  return out;
}

std::string string_of(const rapidjson::Value& obj, const char* key) {
  if (!obj.HasMember(key) || !obj[key].IsString()) return {};
  return {obj[key].GetString(), obj[key].GetStringLength()};
}

bool is_upper_ascii_word(const std::string& s) {
  int letters = 0;
  for (unsigned char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0;
}

}  // namespace

bool Role::holds_on(const std::string& date) const {
  if (date.empty()) return to.empty();
  const std::string d = pad_date(date);
  return pad_date(from) <= d && (to.empty() || d < pad_date(to));
}

const char* to_string(Form form) {
  switch (form) {
    case Form::Name: return "name";
    case Form::Acronym: return "acronym";
    case Form::Capital: return "capital";
    case Form::Seat: return "seat";
    case Form::Adjective: return "adjective";
    case Form::Demonym: return "demonym";
    case Form::FullName: return "name";
    case Form::Surname: return "surname";
    case Form::NonActor: return "non-actor";
  }
  return "name";
}

class GazetteerLoader {
 public:
  explicit GazetteerLoader(Gazetteer& g) : g_(g) {}

  bool load_dir(const std::string& dir, std::string& error);

 private:
  bool parse(const std::filesystem::path& path, rapidjson::Document& doc, std::string& error);
  bool load_actors(const std::filesystem::path& path, std::string& error);
  bool load_entry(const rapidjson::Value& v, const std::string& where, std::string& error);
  void load_non_actors(const rapidjson::Value& array);
  void load_titles(const rapidjson::Value& doc);
  void load_references(const rapidjson::Value& doc);
  // Tokenises and normalises a phrase exactly as document text is; returns the word ids and
  // which words are capitalised.
  std::vector<std::uint32_t> words_of(const std::string& phrase, std::uint32_t* capitalised);
  void add_name(const std::string& phrase, std::uint32_t entry, Form form, std::uint8_t lang);
  std::vector<std::vector<std::uint32_t>> phrases_of(const std::vector<std::string>& list);
  void index_keys(std::string& error);
  void index_roles();
  void index_phrase_starts();
  void seal_tries();

  Gazetteer& g_;
};

std::vector<std::uint32_t> GazetteerLoader::words_of(const std::string& phrase,
                                                     std::uint32_t* capitalised) {
  const text::Document doc(phrase, 0, static_cast<std::uint32_t>(phrase.size()));
  std::vector<std::uint32_t> words;
  std::uint32_t caps = 0;
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) {
    const auto& t = doc.tokens()[i];
    if (i < 32 && (t.has(text::kCapitalised) || t.has(text::kAllCaps))) caps |= 1u << i;
    words.push_back(g_.vocabulary_.intern(Vocabulary::match_form(doc, t)));
  }
  if (capitalised) *capitalised = caps;
  return words;
}

void GazetteerLoader::add_name(const std::string& phrase, std::uint32_t entry, Form form,
                               std::uint8_t lang) {
  std::uint32_t caps = 0;
  const auto words = words_of(phrase, &caps);
  if (words.empty()) return;
  NameSense sense{entry, form, caps, false, lang};
  if (form == Form::Adjective) sense.capitalised_words = 0;
  // Two- and three-letter upper-case acronyms collide with common words ("AU"/"au",
  // "UN"/"un"), so the text must spell them in capitals too; longer ones may be written
  // capitalised, as AFP writes "l'Otan".
  if (form == Form::Acronym && is_upper_ascii_word(phrase) && phrase.size() <= 3)
    sense.exact_caps = true;
  const std::uint32_t node = g_.names_.insert(words);
  for (const auto p : g_.names_.attached(node)) {
    auto& s = g_.name_senses_[p];
    if (s.entry != entry || s.form != form) continue;
    // Two spellings of one form that differ only in case ("OTAN", "Otan"): the text may use
    // either, so the looser case rule of the two applies.
    s.exact_caps = s.exact_caps && sense.exact_caps;
    s.capitalised_words &= sense.capitalised_words;
    s.langs |= lang;
    return;
  }
  g_.names_.attach(node, static_cast<std::uint32_t>(g_.name_senses_.size()));
  g_.name_senses_.push_back(sense);
}

std::vector<std::vector<std::uint32_t>> GazetteerLoader::phrases_of(
    const std::vector<std::string>& list) {
  std::vector<std::vector<std::uint32_t>> out;
  for (const auto& s : list) out.push_back(words_of(s, nullptr));
  return out;
}

bool GazetteerLoader::parse(const std::filesystem::path& path, rapidjson::Document& doc,
                            std::string& error) {
  std::string content;
  if (!read_file(path, content)) {
    error = path.string() + ": cannot read";
    return false;
  }
  doc.Parse(content.c_str(), content.size());
  if (doc.HasParseError()) {
    const auto offset = doc.GetErrorOffset();
    const auto line = 1 + std::count(content.begin(), content.begin() + offset, '\n');
    error = path.string() + ":" + std::to_string(line) + ": " +
            rapidjson::GetParseError_En(doc.GetParseError());
    return false;
  }
  return true;
}

bool GazetteerLoader::load_entry(const rapidjson::Value& v, const std::string& where,
                                 std::string& error) {
  Entry e;
  e.actor.id = string_of(v, "id");
  const auto kind = actor_kind_from_string(string_of(v, "kind"));
  if (e.actor.id.empty() || !kind) {
    error = where + ": an entry needs an \"id\" and a \"kind\" among State, Person, "
                    "InternationalOrganization, NonStateGroup, Region";
    return false;
  }
  e.actor.kind = *kind;
  e.actor.label = string_of(v, "label");
  e.actor.code = string_of(v, "code");
  e.actor.qid = string_of(v, "qid");
  const std::string gender = string_of(v, "gender");
  e.gender = gender.empty() ? 0 : gender[0];
  e.alliance = v.HasMember("alliance") && v["alliance"].IsBool() && v["alliance"].GetBool();
  e.parent = string_of(v, "parent");
  if (v.HasMember("roles") && v["roles"].IsArray()) {
    for (const auto& r : v["roles"].GetArray()) {
      Role role{string_of(r, "role"), string_of(r, "of"), string_of(r, "from"), string_of(r, "to")};
      if (!role.role.empty() && !role.of.empty()) e.roles.push_back(std::move(role));
    }
  }
  if (v.HasMember("context") && v["context"].IsObject()) {
    e.avoid_after = phrases_of(forms_of(v["context"], "avoid_after"));
    e.avoid_before = phrases_of(forms_of(v["context"], "avoid_before"));
  }
  const auto index = static_cast<std::uint32_t>(g_.entries_.size());
  const bool person = e.actor.kind == ActorKind::Person;
  const std::pair<const char*, Form> fields[] = {
      {"names", person ? Form::FullName : Form::Name}, {"acronyms", Form::Acronym},
      {"capitals", Form::Capital},  {"seats", Form::Seat},
      {"adjectives", Form::Adjective}, {"demonyms", Form::Demonym},
      {"surnames", Form::Surname}};
  std::vector<std::string> aliases;
  for (const auto& [key, form] : fields) {
    for (const auto& [phrase, lang] : lang_forms_of(v, key)) {
      add_name(phrase, index, form, lang);
      if (form != Form::Adjective && form != Form::Demonym && phrase != e.actor.label &&
          std::find(aliases.begin(), aliases.end(), phrase) == aliases.end())
        aliases.push_back(phrase);
    }
  }
  if (!e.actor.label.empty())
    add_name(e.actor.label, index, person ? Form::FullName : Form::Name, kEnglish);
  e.actor.aliases = std::move(aliases);
  g_.entries_.push_back(std::move(e));
  return true;
}

void GazetteerLoader::load_non_actors(const rapidjson::Value& array) {
  for (const auto& v : array.GetArray())
    for (const auto& phrase : forms_of(v, "names")) add_name(phrase, kNoEntry, Form::NonActor, 0);
}

void GazetteerLoader::load_titles(const rapidjson::Value& doc) {
  if (!doc.HasMember("titles") || !doc["titles"].IsArray()) return;
  for (const auto& t : doc["titles"].GetArray()) {
    const auto words = words_of(string_of(t, "phrase"), nullptr);
    if (words.empty()) continue;
    const auto node = g_.titles_.insert(words);
    g_.titles_.attach(node, static_cast<std::uint32_t>(g_.title_senses_.size()));
    TitleSense sense{string_of(t, "role"), string_of(t, "of"), string_of(t, "lang"), {}};
    if (t.HasMember("role_by_state") && t["role_by_state"].IsObject())
      for (const auto& r : t["role_by_state"].GetObject())
        if (r.value.IsString()) sense.role_by_state.emplace_back(r.name.GetString(), r.value.GetString());
    g_.title_senses_.push_back(std::move(sense));
  }
}

void GazetteerLoader::load_references(const rapidjson::Value& doc) {
  // Adds a phrase and returns its sense, for the caller to fill in; nullptr for an empty phrase.
  auto add = [&](const std::string& phrase, ReferenceKind kind,
                 const std::string& lang) -> ReferenceSense* {
    const auto words = words_of(phrase, nullptr);
    if (words.empty()) return nullptr;
    const auto node = g_.references_.insert(words);
    g_.references_.attach(node, static_cast<std::uint32_t>(g_.reference_senses_.size()));
    auto& sense = g_.reference_senses_.emplace_back();
    sense.kind = kind;
    sense.lang = lang;
    return &sense;
  };
  if (doc.HasMember("honorifics") && doc["honorifics"].IsObject())
    for (const auto& lang : doc["honorifics"].GetObject())
      for (const auto& h : strings_of(lang.value))
        add(h, ReferenceKind::Honorific, lang.name.GetString());
  if (doc.HasMember("pronouns") && doc["pronouns"].IsObject())
    for (const auto& lang : doc["pronouns"].GetObject())
      for (const auto& p : lang.value.GetObject())
        if (auto* sense = add(p.name.GetString(), ReferenceKind::Pronoun, lang.name.GetString()))
          sense->gender = p.value.IsString() ? p.value.GetString()[0] : '\0';
  for (const auto& [key, kind] : {std::pair{"institutions", ReferenceKind::Institution},
                                  std::pair{"institution_qualifiers", ReferenceKind::Qualifier},
                                  std::pair{"former", ReferenceKind::Former},
                                  std::pair{"recipient_heads", ReferenceKind::Recipient},
                                  std::pair{"classifiers", ReferenceKind::Classifier}})
    if (doc.HasMember(key) && doc[key].IsObject())
      for (const auto& lang : doc[key].GetObject())
        for (const auto& w : strings_of(lang.value)) add(w, kind, lang.name.GetString());
  // Every determiner + number + noun, and every standalone number + noun, is one phrase.
  if (doc.HasMember("groups") && doc["groups"].IsObject())
    for (const auto& lang : doc["groups"].GetObject()) {
      const auto& g = lang.value;
      if (!g.IsObject() || !g.HasMember("nouns") || !g["nouns"].IsObject()) continue;
      const auto counts = [&](const char* key) {
        std::vector<std::pair<std::string, std::uint32_t>> out;
        if (g.HasMember(key) && g[key].IsObject())
          for (const auto& n : g[key].GetObject())
            if (n.value.IsUint()) out.emplace_back(n.name.GetString(), n.value.GetUint());
        return out;
      };
      const auto numbers = counts("numbers");
      const auto standalone = counts("standalone");
      const auto determiners = g.HasMember("determiners") ? strings_of(g["determiners"])
                                                          : std::vector<std::string>{};
      for (const auto& noun : g["nouns"].GetObject()) {
        const auto kind = noun.value.IsString() ? actor_kind_from_string(noun.value.GetString())
                                                : std::nullopt;
        if (!kind) continue;
        const std::string n = noun.name.GetString();
        auto group = [&](const std::string& phrase, std::uint32_t count) {
          if (auto* sense = add(phrase, ReferenceKind::Group, lang.name.GetString())) {
            sense->refers_to = *kind;
            sense->count = count;
          }
        };
        for (const auto& [word, count] : standalone) group(word + " " + n, count);
        for (const auto& d : determiners)
          for (const auto& [word, count] : numbers) group(d + " " + word + " " + n, count);
      }
    }
  if (doc.HasMember("descriptions") && doc["descriptions"].IsArray())
    for (const auto& d : doc["descriptions"].GetArray())
      if (auto kind = actor_kind_from_string(string_of(d, "kind")))
        if (auto* sense =
                add(string_of(d, "phrase"), ReferenceKind::Description, string_of(d, "lang"))) {
          sense->refers_to = *kind;
          if (d.HasMember("among")) sense->among = strings_of(d["among"]);
        }
}

bool GazetteerLoader::load_actors(const std::filesystem::path& path, std::string& error) {
  rapidjson::Document doc;
  if (!parse(path, doc, error)) return false;
  const std::string name = path.filename().string();
  if (name == "titles.json") {
    load_titles(doc);
    return true;
  }
  if (name == "references.json") {
    load_references(doc);
    return true;
  }
  if (!doc.IsArray()) {
    error = path.string() + ": expected a JSON array of entries (see SCHEMA.md)";
    return false;
  }
  if (name == "non_actors.json") {
    load_non_actors(doc);
    return true;
  }
  std::size_t n = 0;
  for (const auto& v : doc.GetArray()) {
    ++n;
    if (!v.IsObject()) continue;
    if (!load_entry(v, path.string() + ": entry " + std::to_string(n), error)) return false;
  }
  return true;
}

void GazetteerLoader::index_keys(std::string& error) {
  std::map<std::string, std::uint32_t> keys;
  for (std::uint32_t i = 0; i < g_.entries_.size(); ++i) {
    const auto& a = g_.entries_[i].actor;
    if (!keys.emplace(a.id, i).second && error.empty()) error = "duplicate actor id " + a.id;
    if (!a.code.empty()) keys.emplace(a.code, i);
  }
  g_.by_key_.assign(keys.begin(), keys.end());
}

void GazetteerLoader::index_roles() {
  auto& roles = g_.roles_;
  roles.clear();
  for (std::uint32_t e = 0; e < g_.entries_.size(); ++e)
    for (std::uint32_t r = 0; r < g_.entries_[e].roles.size(); ++r) roles.push_back({e, r});
  // Stable, so that holders of one office stay in file order: holder() keeps the first of
  // several holders that took office the same day, as a scan of the files would.
  std::stable_sort(roles.begin(), roles.end(), [&](Gazetteer::RoleRef a, Gazetteer::RoleRef b) {
    const auto& x = g_.role_of(a);
    const auto& y = g_.role_of(b);
    return std::tie(x.role, x.of) < std::tie(y.role, y.of);
  });
}

namespace {

// The senses in the order seal() numbered them.
template <typename Sense>
void reorder(std::vector<Sense>& senses, const std::vector<std::uint32_t>& old_of_new) {
  std::vector<Sense> sealed;
  sealed.reserve(old_of_new.size());
  for (const auto old : old_of_new) sealed.push_back(std::move(senses[old]));
  senses = std::move(sealed);
}

}  // namespace

void GazetteerLoader::seal_tries() {
  reorder(g_.name_senses_, g_.names_.seal());
  reorder(g_.title_senses_, g_.titles_.seal());
  reorder(g_.reference_senses_, g_.references_.seal());
  for (auto& sense : g_.name_senses_) {
    if (sense.entry == kNoEntry) continue;
    const Entry& e = g_.entries_[sense.entry];
    sense.avoids_context = !e.avoid_after.empty() || !e.avoid_before.empty();
  }
}

void GazetteerLoader::index_phrase_starts() {
  auto starts = [](const PhraseTrie& trie, std::uint32_t word) {
    return trie.child(PhraseTrie::kRoot, word) != PhraseTrie::kNone;
  };
  g_.phrase_starts_.assign(g_.vocabulary_.size(), 0);
  for (std::uint32_t w = 0; w < g_.phrase_starts_.size(); ++w)
    g_.phrase_starts_[w] = static_cast<std::uint8_t>(
        (starts(g_.names_, w) ? kStartsName : 0) | (starts(g_.titles_, w) ? kStartsTitle : 0) |
        (starts(g_.references_, w) ? kStartsReference : 0));
}

bool GazetteerLoader::load_dir(const std::string& dir, std::string& error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec))
    if (f.path().extension() == ".json") files.push_back(f.path());
  if (ec) {
    error = dir + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files)
    if (!load_actors(f, error)) return false;
  index_keys(error);
  index_roles();
  seal_tries();
  index_phrase_starts();
  return error.empty();
}

std::optional<Gazetteer> Gazetteer::load(const std::string& dir, std::string& error) {
  Gazetteer g;
  GazetteerLoader loader(g);
  if (!loader.load_dir(dir, error)) return std::nullopt;
  return g;
}

std::optional<std::uint32_t> Gazetteer::find(const std::string& key) const {
  const auto it = std::lower_bound(by_key_.begin(), by_key_.end(), key,
                                   [](const auto& p, const std::string& k) { return p.first < k; });
  if (it == by_key_.end() || it->first != key) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Gazetteer::holder(const std::string& role, const std::string& of,
                                               const std::string& date) const {
  const auto key = std::tie(role, of);
  const auto office_of = [this](RoleRef r) { return std::tie(role_of(r).role, role_of(r).of); };
  const auto first = std::lower_bound(roles_.begin(), roles_.end(), key,
                                      [&](RoleRef r, const auto& k) { return office_of(r) < k; });
  const auto last = std::upper_bound(first, roles_.end(), key,
                                     [&](const auto& k, RoleRef r) { return k < office_of(r); });
  const Role* best = nullptr;
  std::optional<std::uint32_t> holder;
  for (auto it = first; it != last; ++it) {
    const Role& r = role_of(*it);
    if (!r.holds_on(date) || (best && r.from <= best->from)) continue;
    best = &r;
    holder = it->entry;
  }
  return holder;
}

}  // namespace diplograph::actors
