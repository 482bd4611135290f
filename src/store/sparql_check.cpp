// unsupported_sparql(): a small lexer over the query, so that a feature is only seen in the
// query's syntax, never inside a string, an IRI or a comment.
#include <cctype>

#include "store/sparql_check.h"
#include "store/store.h"

namespace diplograph::store {
namespace {

enum class Kind { Iri, Name, Var, String, Word, Punct };

struct Token {
  Kind kind;
  std::string text;
  bool spaced = false;  // whitespace (or a comment) came before it
};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         c == '%' || static_cast<unsigned char>(c) >= 0x80;
}

std::size_t skip_string(std::string_view q, std::size_t i) {
  const char quote = q[i];
  const bool triple = q.substr(i, 3) == std::string(3, quote);
  i += triple ? 3 : 1;
  while (i < q.size()) {
    if (q[i] == '\\') {
      i += 2;
    } else if (triple ? q.substr(i, 3) == std::string(3, quote) : q[i] == quote) {
      return i + (triple ? 3 : 1);
    } else {
      ++i;
    }
  }
  return i;
}

// '<' starts an IRI when a '>' closes it before any character an IRI cannot hold; otherwise it
// is the less-than operator.
std::size_t iri_end(std::string_view q, std::size_t i) {
  for (std::size_t k = i + 1; k < q.size(); ++k) {
    const char c = q[k];
    if (c == '>') return k + 1;
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '"' || c == '{' ||
        c == '}')
      return 0;
  }
  return 0;
}

std::vector<Token> lex(std::string_view q) {
  std::vector<Token> out;
  bool spaced = true;
  for (std::size_t i = 0; i < q.size();) {
    const char c = q[i];
    std::size_t end = i + 1;
    Kind kind = Kind::Punct;
    if (std::isspace(static_cast<unsigned char>(c))) {
      spaced = true;
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < q.size() && q[i] != '\n') ++i;
      spaced = true;
      continue;
    }
    if (c == '"' || c == '\'') {
      kind = Kind::String, end = skip_string(q, i);
    } else if (c == '<' && iri_end(q, i)) {
      kind = Kind::Iri, end = iri_end(q, i);
    } else if ((c == '?' || c == '$') && i + 1 < q.size() && name_char(q[i + 1])) {
      kind = Kind::Var;
      while (end < q.size() && name_char(q[end])) ++end;
    } else if (name_char(c) || c == ':') {
      while (end < q.size() && (name_char(q[end]) || q[end] == ':')) ++end;
      kind = q.substr(i, end - i).find(':') != std::string_view::npos ? Kind::Name : Kind::Word;
    } else if (c == '^' && i + 1 < q.size() && q[i + 1] == '^') {
      end = i + 2;
    }
    out.push_back({kind, std::string(q.substr(i, end - i)), spaced});
    spaced = false;
    i = end;
  }
  return out;
}

bool is_word(const Token& t, std::string_view word) {
  if (t.kind != Kind::Word || t.text.size() != word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(t.text[i])) != word[i]) return false;
  return true;
}

bool is_predicate(const Token& t) {
  return t.kind == Kind::Iri || t.kind == Kind::Name || (t.kind == Kind::Word && t.text == "a");
}

// A path operator after a predicate ("dg:p/dg:q", "dg:p|dg:q", "dg:p+", "dg:p*", "dg:p?") or
// before one ("^dg:p", "!dg:p").
bool is_path(const std::vector<Token>& t, std::size_t i) {
  const Token& op = t[i];
  if (op.kind != Kind::Punct) return false;
  const bool after = i > 0 && is_predicate(t[i - 1]);
  const bool before = i + 1 < t.size() && (is_predicate(t[i + 1]) || t[i + 1].text == "(");
  if (op.text == "/" || op.text == "|") return after && before;
  if (op.text == "*" || op.text == "+" || op.text == "?") return after && !op.spaced;
  if (op.text == "^" || op.text == "!") return before && i + 1 < t.size() && is_predicate(t[i + 1]);
  return false;
}

constexpr const char* kPaths =
    "property paths (p/q, p|q, ^p, !p, p*, p+, p?) are not supported by Rasqal, the SPARQL engine "
    "of diplograph's stores. Workaround: write each step as its own triple pattern joined by a "
    "variable (?a dg:p ?x . ?x dg:q ?b), alternatives p|q as { ... } UNION { ... }, ^p by "
    "swapping subject and object, and p+ or p* as a UNION of the fixed lengths you need.";
constexpr const char* kExists =
    "FILTER EXISTS and FILTER NOT EXISTS are not supported by Rasqal, the SPARQL engine of "
    "diplograph's stores. Workaround: for NOT EXISTS { P }, write OPTIONAL { P } "
    "FILTER(!BOUND(?v)) with a variable ?v that only P binds; for EXISTS { P }, join P into the "
    "pattern and SELECT DISTINCT.";
constexpr const char* kMinus =
    "MINUS is not supported by Rasqal, the SPARQL engine of diplograph's stores. Workaround: "
    "write OPTIONAL { P } FILTER(!BOUND(?v)) with a variable ?v that only P binds.";
constexpr const char* kCountStar =
    "COUNT(*) returns no value in Rasqal, the SPARQL engine of diplograph's stores. Workaround: "
    "count a variable that every solution binds, COUNT(?x), or COUNT(DISTINCT ?x).";

bool is_count_star(const std::vector<Token>& t, std::size_t i) {
  return is_word(t[i], "COUNT") && i + 2 < t.size() && t[i + 1].text == "(" &&
         (t[i + 2].text == "*" ||
          (is_word(t[i + 2], "DISTINCT") && i + 3 < t.size() && t[i + 3].text == "*"));
}

}  // namespace

std::string unsupported_sparql(std::string_view query) {
  const auto tokens = lex(query);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_word(tokens[i], "EXISTS")) return kExists;
    if (is_word(tokens[i], "MINUS")) return kMinus;
    if (is_count_star(tokens, i)) return kCountStar;
    if (is_path(tokens, i)) return kPaths;
  }
  return {};
}

std::string sparql_form(std::string_view query) {
  for (const auto& token : lex(query))
    for (const char* form : {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
      if (is_word(token, form)) return form;
  return {};
}

}  // namespace diplograph::store
