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
  hard_wrapped_ = detail::is_hard_wrapped(original.substr(body_begin, body_end - body_begin));
  detail::tokenize(original, body_begin, body_end,
                   detail::TokenSink{normalized_, norm_to_original_, tokens_});
  detail::segment(original, tokens_, normalized_, hard_wrapped_, max_sentence_tokens,
                  sentences_);
  char_index_.reserve(size / kCharCheckpoint + 1);
  std::uint32_t chars = 0;
  for (std::uint32_t at = 0; at <= size; at += kCharCheckpoint) {
    char_index_.push_back(chars);
    chars += count_chars(original.substr(at, kCharCheckpoint));
  }
}

std::uint32_t Document::original_offset(std::uint32_t norm_offset) const {
  return norm_to_original_[std::min<std::size_t>(norm_offset, normalized_.size())];
}

// A match may end inside the expansion of one character (the "o" of "œ" -> "oe"): the end then
// moves past the whole character.
std::uint32_t Document::original_end(std::uint32_t norm_end) const {
  std::size_t b = std::min<std::size_t>(norm_end, normalized_.size());
  while (b > 0 && b < normalized_.size() && norm_to_original_[b] == norm_to_original_[b - 1]) {
    ++b;
  }
  return norm_to_original_[b];
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
