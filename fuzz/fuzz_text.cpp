// The text layer: any bytes that pass UTF-8 validation (as ingest guarantees) become a Document,
// whole and with a body range inside the text, and what document.h promises is checked: tokens
// in order inside the body, sentences covering them without gap or overlap and within
// kMaxSentenceTokens, the normalised forms mapped back to the exact original bytes, and
// character offsets that agree with counting code points.
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "text/document.h"
#include "util/utf8.h"

namespace {

using diplograph::text::Document;

bool is_boundary(std::string_view s, std::size_t i) {
  return i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// The first character boundary at or after i.
std::uint32_t boundary_from(std::string_view s, std::size_t i) {
  while (!is_boundary(s, i)) ++i;
  return static_cast<std::uint32_t>(std::min(i, s.size()));
}

void check_tokens(const Document& doc, std::uint32_t body_begin, std::uint32_t body_end) {
  const auto& tokens = doc.tokens();
  const std::string& norm = doc.normalized();
  FUZZ_CHECK(diplograph::utf8::validate(norm));
  std::uint32_t previous_end = body_begin;
  std::uint32_t previous_norm_end = 0;
  for (const auto& t : tokens) {
    FUZZ_CHECK(t.begin < t.end);
    FUZZ_CHECK(t.begin >= previous_end);
    FUZZ_CHECK(t.end <= body_end);
    FUZZ_CHECK(is_boundary(doc.original(), t.begin) && is_boundary(doc.original(), t.end));
    FUZZ_CHECK(t.norm_begin < t.norm_end);
    FUZZ_CHECK(t.norm_begin >= previous_norm_end);
    FUZZ_CHECK(t.norm_end <= norm.size());
    // A match over the whole normalised token maps back to the whole original token.
    FUZZ_CHECK(doc.original_end(t.norm_end) == t.end);
    const std::uint32_t from = doc.original_offset(t.norm_begin);
    FUZZ_CHECK(from >= t.begin && from < t.end);
    FUZZ_CHECK(!doc.token_text(t).empty());
    previous_end = t.end;
    previous_norm_end = t.norm_end;
  }
}

void check_sentences(const Document& doc) {
  const auto& tokens = doc.tokens();
  const auto& sentences = doc.sentences();
  FUZZ_CHECK(tokens.empty() == sentences.empty());
  std::uint32_t next = 0;
  for (const auto& s : sentences) {
    FUZZ_CHECK(s.first_token == next);
    FUZZ_CHECK(s.first_token < s.end_token);
    FUZZ_CHECK(s.end_token - s.first_token <= diplograph::text::kMaxSentenceTokens);
    // Only a long sentence is cut for its length (and the user told).
    if (s.cut)
      FUZZ_CHECK(s.end_token - s.first_token >= diplograph::text::kMaxSentenceTokens * 3 / 4);
    FUZZ_CHECK(s.begin == tokens[s.first_token].begin);
    FUZZ_CHECK(s.end == tokens[s.end_token - 1].end);
    next = s.end_token;
  }
  FUZZ_CHECK(next == tokens.size());
}

void check_char_offsets(const Document& doc) {
  const std::string_view text = doc.original();
  std::uint32_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_boundary(text, i)) {
      FUZZ_CHECK(doc.char_offset(static_cast<std::uint32_t>(i)) == chars);
      ++chars;
    }
  }
  FUZZ_CHECK(doc.char_offset(static_cast<std::uint32_t>(text.size())) == chars);
  FUZZ_CHECK(chars == diplograph::utf8::count_chars(text));
}

void check(std::string_view text, std::uint32_t body_begin, std::uint32_t body_end) {
  const Document doc(text, body_begin, body_end);
  check_tokens(doc, body_begin, body_end);
  check_sentences(doc);
  check_char_offsets(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!diplograph::utf8::validate(text)) return 0;
  check(text, 0, static_cast<std::uint32_t>(size));
  // A body that starts after a header and stops before a sign-off, as ingest cuts it.
  const std::uint32_t begin = boundary_from(text, size / 3);
  const std::uint32_t end = std::max(begin, boundary_from(text, size - size / 5));
  check(text, begin, end);
  const std::string phrase = diplograph::text::normalize_phrase(text);
  FUZZ_CHECK(diplograph::utf8::validate(phrase));
  return 0;
}
