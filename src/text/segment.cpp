// Sentence boundaries over the tokens of the body.
//
// A sentence ends after . ! ? … (a run of them, then the closing quotes and brackets that
// follow, which belong to the sentence they close) when white space follows and the next token
// can start a sentence: a word that does not begin with a lower-case letter, a number, an
// opening quote or bracket; or at the end of the body. For a period right after a word:
// - titles and abbreviations (M. MM. Mme Dr. Gen. etc. cf. ...) never end a sentence;
// - number and month abbreviations (No. p. vol., oct. févr. Oct.) do not end one before a
//   number ("1 oct. 2020", "No. 5"); before a lower-case word nothing ends anyway;
// - a single capital initial ("George W. Bush") and a dotted abbreviation token ("U.S.") end one
//   only before a capitalised function word that usually starts a sentence: "...sanctions on
//   the U.S. The ministry said" splits, "The U.S. ambassador said" does not, and the ambiguous
//   "...on the U.S. Officials said" stays one sentence.
// Nothing ends inside a short (...) or [...] (at most kMaxParenthesisBytes); a longer or
// unclosed one is segmented as usual.
// A blank line ends a sentence in ordinary text (headlines, bylines); in hard-wrapped text one
// blank line is white space and two end a sentence.
// Length: past three quarters of the limit (kMaxSentenceTokens by default, document.h) the next
// ';' or ',' ends a sentence, and the limit cuts it, so that later stages stay linear-time.
#include <algorithm>

#include "text/detail.h"

namespace diplograph::text::detail {

namespace {

constexpr std::uint32_t kMaxParenthesisBytes = 300;

// Normalised words after which a period never ends a sentence.
constexpr std::string_view kTitles[] = {
    "m",   "mm",   "mme",  "mmes", "mlle", "mlles", "dr",  "mr",  "mrs",  "ms",  "messrs",
    "prof", "pr",  "gen",  "lt",   "col",  "sgt",   "capt", "maj", "adm", "cmdr", "brig",
    "st",  "ste",  "mgr",  "jr",   "sr",   "sen",   "rep", "gov", "pres", "amb", "hon",
    "rev", "etc",  "cf",   "env",  "ex",   "av",    "apr", "vs",  "approx"};

// Normalised words after which a period does not end a sentence before a number.
constexpr std::string_view kBeforeNumber[] = {
    "no",  "nos",  "n",    "p",   "pp",  "vol", "art", "ch",  "chap", "fig",
    "janv", "jan", "fevr", "fev", "feb", "mar", "avr", "jun", "juil", "jul",
    "aug", "sept", "sep",  "oct", "nov", "dec"};

// Capitalised function words that usually start a sentence (normalised).
constexpr std::string_view kStarters[] = {
    "the",  "a",     "an",   "this",  "that",  "these", "those", "it",    "he",   "she",
    "they", "we",    "but",  "in",    "on",    "at",    "for",   "however", "meanwhile",
    "there", "his",  "her",  "their", "its",   "our",   "le",    "la",    "les",  "l'",
    "un",   "une",   "des",  "il",    "elle",  "ils",   "elles", "ce",    "cette", "ces",
    "c'",   "mais",  "et",   "en",    "dans",  "pour",  "selon", "nous",  "je",   "j'",
    "son",  "sa",    "ses",  "leur",  "leurs", "au",    "aux",   "du",    "d'",   "par",
    "apres"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Line breaks in white space between two tokens: \n, \r\n, lone \r, U+0085, U+2028, U+2029.
int count_newlines(std::string_view gap) {
  int n = 0;
  for (std::size_t k = 0; k < gap.size(); ++k) {
    const auto c = static_cast<unsigned char>(gap[k]);
    const auto next = k + 1 < gap.size() ? static_cast<unsigned char>(gap[k + 1]) : 0;
    if (c == '\n' || (c == '\r' && next != '\n') || (c == 0xC2 && next == 0x85)) {
      ++n;
    } else if (c == 0xE2 && next == 0x80 && k + 2 < gap.size()) {
      const auto third = static_cast<unsigned char>(gap[k + 2]);
      n += third == 0xA8 || third == 0xA9;
    }
  }
  return n;
}

struct Parentheses {
  std::uint32_t open = 0;
  std::uint32_t close = 0;
};

class Segmenter {
 public:
  Segmenter(std::string_view text, const std::vector<Token>& tokens, std::string_view normalized,
            bool hard_wrapped, std::uint32_t max_tokens)
      : text_(text),
        tokens_(tokens),
        normalized_(normalized),
        n_(static_cast<std::uint32_t>(tokens.size())),
        hard_wrapped_(hard_wrapped),
        max_tokens_(std::max(max_tokens, 1u)),
        soft_tokens_(max_tokens_ - max_tokens_ / 4) {}

  void run(std::vector<Sentence>& out);

 private:
  // Cut without substr()'s bounds check, as Document::token_text does: asked at every token.
  std::string_view text(std::uint32_t i) const {
    return std::string_view(text_.data() + tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  std::string_view norm(std::uint32_t i) const {
    return std::string_view(normalized_.data() + tokens_[i].norm_begin,
                            tokens_[i].norm_end - tokens_[i].norm_begin);
  }
  // White space (or a skipped "-t-") between token i - 1 and token i.
  bool spaced(std::uint32_t i) const { return tokens_[i].begin > tokens_[i - 1].end; }
  bool attached_after(std::uint32_t i) const { return i + 1 < n_ && !spaced(i + 1); }
  bool paragraph_break(std::uint32_t i) const;
  bool is_terminal_punct(std::uint32_t i) const;
  bool is_terminal(std::uint32_t i) const;
  bool is_closer(std::uint32_t i) const;
  bool is_clause_end(std::uint32_t i) const;
  bool starts_sentence(std::uint32_t i) const;
  bool is_starter(std::uint32_t i) const;
  bool is_initial(std::uint32_t i) const;
  bool period_blocked(std::uint32_t t, std::uint32_t next) const;
  std::uint32_t absorb(std::uint32_t t, std::uint32_t limit) const;
  bool ends_at(std::uint32_t t, std::uint32_t last) const;
  void find_parentheses();
  bool inside_parentheses(std::uint32_t last);
  Sentence sentence(std::uint32_t first, std::uint32_t end) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::string_view normalized_;
  std::uint32_t n_;
  bool hard_wrapped_;
  std::uint32_t max_tokens_;
  std::uint32_t soft_tokens_;  // past this many tokens a ';' or ',' ends the sentence
  std::vector<Parentheses> parentheses_;  // short pairs, by opening token
  std::size_t next_parentheses_ = 0;
  std::uint32_t protected_until_ = 0;  // no sentence ends before this closing token
};

void Segmenter::run(std::vector<Sentence>& out) {
  find_parentheses();
  std::uint32_t start = 0;
  for (std::uint32_t t = 0; t < n_;) {
    std::uint32_t last = t;
    bool ends = false;
    if (is_terminal(t)) {
      last = absorb(t, start + max_tokens_);
      ends = !inside_parentheses(last) && ends_at(t, last);
    }
    const std::uint32_t count = last + 1 - start;
    const bool by_text = ends || last + 1 == n_ || paragraph_break(last + 1);
    const bool by_length =
        count >= max_tokens_ || (count >= soft_tokens_ && is_clause_end(last));
    if (by_text || by_length) {
      out.push_back(sentence(start, last + 1));
      out.back().cut = !by_text;
      start = last + 1;
    }
    t = last + 1;
  }
}

// Asked after every token: the common answer (one byte of white space or none) is decided
// inline, and only wider gaps are scanned.
inline bool Segmenter::paragraph_break(std::uint32_t i) const {
  const std::uint32_t from = tokens_[i - 1].end;
  if (tokens_[i].begin - from < 2) return false;  // two line breaks take two bytes at least
  return count_newlines(std::string_view(text_.data() + from, tokens_[i].begin - from)) >
         (hard_wrapped_ ? 2 : 1);
}

inline bool Segmenter::is_terminal_punct(std::uint32_t i) const {
  if (!tokens_[i].has(kPunct)) return false;
  const auto s = norm(i);
  return s == "." || s == "!" || s == "?" || s == "...";
}

// A terminal punctuation mark, or a dotted abbreviation token that ends in its period.
inline bool Segmenter::is_terminal(std::uint32_t i) const {
  return is_terminal_punct(i) || (tokens_[i].has(kWord) && text_[tokens_[i].end - 1] == '.');
}

// A bracket closes; a quote closes when it leans on what precedes it, or stands apart from the
// next token (French « ... » with spaces). One leaning on the next token opens ("Interfax. »La").
bool Segmenter::is_closer(std::uint32_t i) const {
  if (tokens_[i].has(kQuote)) return !spaced(i) || !attached_after(i);
  const auto s = text(i);
  return tokens_[i].has(kPunct) && (s == ")" || s == "]" || s == "}");
}

bool Segmenter::is_clause_end(std::uint32_t i) const {
  return tokens_[i].has(kPunct) && (norm(i) == ";" || norm(i) == ",");
}

bool Segmenter::starts_sentence(std::uint32_t i) const {
  if (tokens_[i].has(kQuote)) return true;
  const auto s = text(i);
  if (tokens_[i].has(kPunct)) return s == "(" || s == "[" || s == "{";
  return !char_at(s, 0).lower;
}

bool Segmenter::is_starter(std::uint32_t i) const {
  return tokens_[i].has(kCapitalised) && contains(kStarters, norm(i));
}

bool Segmenter::is_initial(std::uint32_t i) const {
  const auto s = text(i);
  return tokens_[i].has(kCapitalised) && char_at(s, 0).len == s.size();
}

bool Segmenter::period_blocked(std::uint32_t t, std::uint32_t next) const {
  if (tokens_[t].has(kWord)) return !is_starter(next);  // "U.S."
  if (norm(t) != "." || t == 0 || spaced(t) || !tokens_[t - 1].has(kWord)) return false;
  const auto word = norm(t - 1);
  if (contains(kTitles, word)) return true;
  if (contains(kBeforeNumber, word) && char_at(text(next), 0).cls == CharClass::kDigit) {
    return true;
  }
  return is_initial(t - 1) && !is_starter(next);
}

// The last token of the candidate sentence ending at terminal t: further terminals attached to
// it ("?!", "..."), then closing quotes and brackets.
std::uint32_t Segmenter::absorb(std::uint32_t t, std::uint32_t limit) const {
  std::uint32_t j = t;
  while (j + 1 < n_ && j + 1 < limit && !paragraph_break(j + 1)) {
    const std::uint32_t k = j + 1;
    if (!(is_terminal_punct(k) && !spaced(k)) && !is_closer(k)) break;
    j = k;
  }
  return j;
}

bool Segmenter::ends_at(std::uint32_t t, std::uint32_t last) const {
  const std::uint32_t next = last + 1;
  if (next == n_) return true;
  return spaced(next) && !period_blocked(t, next) && starts_sentence(next);
}

void Segmenter::find_parentheses() {
  std::vector<std::uint32_t> open;
  for (std::uint32_t i = 0; i < n_; ++i) {
    if (!tokens_[i].has(kPunct)) continue;
    const auto s = text(i);
    if (s == "(" || s == "[") {
      open.push_back(i);
    } else if ((s == ")" || s == "]") && !open.empty() &&
               text(open.back()) == (s == ")" ? "(" : "[")) {
      const std::uint32_t o = open.back();
      open.pop_back();
      if (tokens_[i].end - tokens_[o].begin <= kMaxParenthesisBytes) {
        parentheses_.push_back({o, i});
      }
    }
  }
  std::sort(parentheses_.begin(), parentheses_.end(),
            [](const Parentheses& a, const Parentheses& b) { return a.open < b.open; });
}

// Whether token `last` lies inside a short pair of brackets; `last` never decreases.
bool Segmenter::inside_parentheses(std::uint32_t last) {
  while (next_parentheses_ < parentheses_.size() &&
         parentheses_[next_parentheses_].open < last) {
    protected_until_ = std::max(protected_until_, parentheses_[next_parentheses_].close);
    ++next_parentheses_;
  }
  return last < protected_until_;
}

Sentence Segmenter::sentence(std::uint32_t first, std::uint32_t end) const {
  return Sentence{first, end, tokens_[first].begin, tokens_[end - 1].end};
}

}  // namespace

void segment(std::string_view text, const std::vector<Token>& tokens,
             std::string_view normalized, bool hard_wrapped, std::uint32_t max_tokens,
             std::vector<Sentence>& sentences) {
  sentences.reserve(tokens.size() / 16 + 1);
  Segmenter(text, tokens, normalized, hard_wrapped, max_tokens).run(sentences);
}

}  // namespace diplograph::text::detail
