// Document: runs the text passes over the body and answers offset questions.
#include <algorithm>

#include "text/detail.h"
#include "util/utf8.h"

namespace diplograph::text {

namespace {

// char_index_[k] is the number of code points before byte k * kCharCheckpoint, so char_offset
// counts at most kCharCheckpoint bytes.
constexpr std::uint32_t kCharCheckpoint = 64;

std::uint32_t count_chars(std::string_view s) {
  return static_cast<std::uint32_t>(utf8::count_chars(s));
}

}  // namespace

Document::Document(std::string_view original)
    : Document(original, 0, static_cast<std::uint32_t>(original.size())) {}

Document::Document(std::string_view original, std::uint32_t body_begin, std::uint32_t body_end,
                   std::uint32_t max_sentence_tokens)
    : original_(original) {
  const auto size = static_cast<std::uint32_t>(original.size());
  body_end = std::min(body_end, size);
  body_begin = std::min(body_begin, body_end);
  body_begin_ = body_begin;
  hard_wrapped_ = detail::is_hard_wrapped(original.substr(body_begin, body_end - body_begin));
  detail::tokenize(original, body_begin, body_end,
                   detail::TokenSink{normalized_, tokens_});
  detail::segment(original, tokens_, normalized_, hard_wrapped_, max_sentence_tokens,
                  sentences_);
  char_index_.reserve(size / kCharCheckpoint + 1);
  std::uint32_t chars = 0;
  for (std::uint32_t at = 0; at <= size; at += kCharCheckpoint) {
    char_index_.push_back(chars);
    chars += count_chars(original.substr(at, kCharCheckpoint));
  }
}

std::vector<Token>::const_iterator Document::token_at_norm(std::uint32_t n) const {
  return std::lower_bound(tokens_.begin(), tokens_.end(), n,
                          [](const Token& t, std::uint32_t at) { return t.norm_end < at; });
}

std::uint32_t Document::origin_in_token(const Token& t, std::uint32_t k, bool past) const {
  std::string form;
  std::uint32_t at = 0;  // where the current character's form starts in the token's
  for (std::uint32_t i = t.begin; i < t.end;) {
    const detail::Char c = detail::char_at(original_, i);
    std::uint32_t size = 1;
    if (c.cp >= 0x80) {
      form.clear();
      detail::append_normalized(c.cp, form);
      size = static_cast<std::uint32_t>(form.size());
    }
    if (size > 0 && (past ? k <= at : k < at + size)) return i;
    at += size;
    i += c.len;
  }
  // Past the last form, or a token whose characters have none and that stands for itself.
  return past ? t.end : t.begin;
}

std::uint32_t Document::original_offset(std::uint32_t norm_offset) const {
  if (tokens_.empty()) return body_begin_;
  const auto n = std::min<std::uint32_t>(norm_offset, static_cast<std::uint32_t>(normalized_.size()));
  const auto t = token_at_norm(n);
  if (t == tokens_.end()) return tokens_.back().end;
  if (n == t->norm_end) return t->end;  // the space after the token, or the end
  return origin_in_token(*t, n - t->norm_begin, false);
}

// A match may end inside the form of one character (the "o" of "œ" -> "oe"): the end then
// moves past the whole character.
std::uint32_t Document::original_end(std::uint32_t norm_end) const {
  if (tokens_.empty()) return body_begin_;
  const auto b = std::min<std::uint32_t>(norm_end, static_cast<std::uint32_t>(normalized_.size()));
  const auto t = token_at_norm(b);
  if (t == tokens_.end()) return tokens_.back().end;
  if (b == t->norm_end) return t->end;
  if (b == t->norm_begin) return t->begin;
  return origin_in_token(*t, b - t->norm_begin, true);
}

std::uint32_t Document::char_offset(std::uint32_t byte_offset) const {
  const auto byte = std::min<std::size_t>(byte_offset, original_.size());
  const std::size_t k = byte / kCharCheckpoint;
  const std::size_t from = k * kCharCheckpoint;
  return char_index_[k] + count_chars(original_.substr(from, byte - from));
}

std::string normalize_phrase(std::string_view phrase) {
  return Document(phrase).normalized();
}

}  // namespace diplograph::text
