#include "ingest/input.h"

#include <cstring>

namespace diplograph::ingest::detail {

// Makes more bytes available after end_: drops the consumed ones when that frees room, grows
// the buffer when a look-ahead fills it (peek_content over a long run of white space).
bool Input::extend() {
  if (error_ != 0 || at_end_) return false;
  if (pos_ == end_) {
    consumed_ += pos_;
    pos_ = end_ = 0;
  } else if (end_ == buffer_.size()) {
    if (pos_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
      consumed_ += pos_;
      end_ -= pos_;
      pos_ = 0;
    } else {
      buffer_.resize(buffer_.size() * 2);
    }
  }
  const long got = source_.read(buffer_.data() + end_, buffer_.size() - end_);
  if (got < 0) {
    error_ = errno != 0 ? errno : EIO;
    return false;
  }
  if (got == 0) {
    at_end_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

void Input::skip_bom() {
  if (Tell() != 0) return;
  while (end_ - pos_ < 3 && extend()) {
  }
  if (end_ - pos_ >= 3 && std::memcmp(buffer_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) {
    pos_ += 3;
    line_start_ = Tell();  // columns count characters of the content
  }
}

int Input::peek_content() {
  std::size_t i = pos_;
  for (;;) {
    for (; i < end_; ++i) {
      const char c = buffer_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
        return static_cast<unsigned char>(c);
      }
    }
    const std::size_t ahead = i - pos_;  // extend() may move the bytes to the front
    if (!extend()) return -1;
    i = pos_ + ahead;
  }
}

bool Input::read_line(std::string& line, std::size_t limit, bool& too_long) {
  line.clear();
  too_long = false;
  if (pos_ == end_ && !extend()) return false;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const std::size_t available = end_ - pos_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
    const std::size_t take = newline ? static_cast<std::size_t>(newline - start) : available;
    if (!too_long && line.size() + take > limit) {
      too_long = true;
      line.clear();
    }
    if (!too_long) line.append(start, take);
    pos_ += take;
    if (newline) {
      ++pos_;
      start_line();
      break;
    }
    if (!extend()) break;  // a last line without "\n"
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool Input::read_all(std::string& out, std::size_t limit) {
  while (out.size() <= limit) {
    if (pos_ == end_ && !extend()) break;
    out.append(buffer_.data() + pos_, end_ - pos_);
    pos_ = end_;
  }
  return error_ == 0;
}

Position Input::position_of(std::size_t offset) const {
  if (offset >= line_start_) return {line_, offset - line_start_ + 1};
  if (line_ > 1 && offset >= previous_line_start_) {
    return {line_ - 1, offset - previous_line_start_ + 1};
  }
  return {line_, 0};
}

}  // namespace diplograph::ingest::detail
