// The text layer: a dispatch body cut into sentences and tokens, each token with its original
// byte range and a normalised form for matching (NFC, case folded, accents stripped,
// typographic apostrophes and quotes made plain, non-breaking spaces made spaces).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph::text {

enum TokenFlag : std::uint16_t {
  kWord = 1 << 0,          // letters (possibly with inner hyphens or digits: F-16, al-Sarraj)
  kNumber = 1 << 1,        // digits only, no letter (possibly with . , or - inside: 1,5 2020-21)
  kPunct = 1 << 2,         // one punctuation character
  kCapitalised = 1 << 3,   // first letter upper case in the original
  kAllCaps = 1 << 4,       // every letter upper case, two letters or more
  kElided = 1 << 5,        // French elided article/pronoun ending in an apostrophe: l' d' qu'
  kQuote = 1 << 6,         // a quotation mark of any style (not a lone apostrophe)
  kLineStart = 1 << 7,     // first token after a line break
};

struct Token {
  std::uint32_t begin = 0;       // byte offset in the original text
  std::uint32_t end = 0;         // byte offset in the original text, exclusive
  std::uint32_t norm_begin = 0;  // byte offset in Document::normalized
  std::uint32_t norm_end = 0;
  std::uint16_t flags = 0;
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

// A sentence holds at most this many tokens unless the Document is given another limit, so
// that later stages stay linear-time: past three quarters of the limit the next ';' or ','
// ends it, and at the limit it is cut. Sentence::cut marks both, for the user to be told.
inline constexpr std::uint32_t kMaxSentenceTokens = 400;

struct Sentence {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // exclusive
  std::uint32_t begin = 0;      // byte range in the original text
  std::uint32_t end = 0;
  bool cut = false;  // ended by the length limit, not by the text
};

class Document {
 public:
  // `original` must be valid UTF-8 and outlive the Document. Only [body_begin, body_end) is
  // segmented and tokenised; offsets stay relative to `original`.
  Document(std::string_view original, std::uint32_t body_begin, std::uint32_t body_end,
           std::uint32_t max_sentence_tokens = kMaxSentenceTokens);
  // The whole of `original` is the body.
  explicit Document(std::string_view original);

  std::string_view original() const { return original_; }
  // Tokens' normalised forms, separated by single spaces, in token order.
  const std::string& normalized() const { return normalized_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }

  // A token's ranges lie inside the texts by construction, so they are cut without the bounds
  // check of substr(): these are asked at every token by every later pass.
  std::string_view token_text(const Token& t) const {
    return std::string_view(original_.data() + t.begin, t.end - t.begin);
  }
  std::string_view token_norm(const Token& t) const {
    return std::string_view(normalized_.data() + t.norm_begin, t.norm_end - t.norm_begin);
  }
  std::string_view sentence_text(const Sentence& s) const {
    return original_.substr(s.begin, s.end - s.begin);
  }
  std::string_view token_text(std::uint32_t i) const { return token_text(tokens_[i]); }
  std::string_view token_norm(std::uint32_t i) const { return token_norm(tokens_[i]); }

  // The original byte offset of a byte in normalized(): for any match [a, b) found in
  // normalized(), [original_offset(a), original_end(b)) is the exact original text. Asked
  // rarely, so answered by normalising the token again rather than from a map kept per byte.
  std::uint32_t original_offset(std::uint32_t norm_offset) const;
  std::uint32_t original_end(std::uint32_t norm_end) const;

  // Code point offset of a byte offset in the original text (for the output contract).
  std::uint32_t char_offset(std::uint32_t byte_offset) const;

  // True when the body was laid out as hard-wrapped lines with a blank line after each (then a
  // single blank line is white space and only two or more end a sentence).
  bool hard_wrapped() const { return hard_wrapped_; }

 private:
  // The original offset of the character that gave byte k of token t's normalised form, or of
  // the character after it when `past` (k inside a character's form moves to its end first).
  std::uint32_t origin_in_token(const Token& t, std::uint32_t k, bool past) const;
  // The token whose normalised form or following space holds byte n, or tokens_.end().
  std::vector<Token>::const_iterator token_at_norm(std::uint32_t n) const;

  std::string_view original_;
  std::string normalized_;
  std::uint32_t body_begin_ = 0;  // what the end of an empty normalized() maps to
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<std::uint32_t> char_index_;  // sparse byte->char offset checkpoints
  bool hard_wrapped_ = false;
};

// Normalises one string the way token forms are normalised (for lexicon and gazetteer entries).
// Multi-word input keeps single spaces between tokens; apostrophes are split as the tokenizer
// splits them ("l'Élysée" -> "l' elysee").
std::string normalize_phrase(std::string_view phrase);

}  // namespace diplograph::text
