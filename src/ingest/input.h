// Internal to the ingest module: buffered byte input shared by the format readers. It counts
// lines, reads lines of any length without quadratic copies, can look ahead without consuming
// (stdin sniffing), and is the stream RapidJSON's SAX reader pulls from.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace diplograph::ingest::detail {

// Where the bytes come from. POSIX descriptors rather than std::ifstream, because a failed
// read (EISDIR, EIO) must surface as an error, not as a silent end of file.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes: the count, 0 at the end, or -1 with errno set on failure.
  virtual long read(char* buffer, std::size_t n) = 0;
};

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  long read(char* buffer, std::size_t n) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, n);
      if (got >= 0 || errno != EINTR) return static_cast<long>(got);
    }
  }

 private:
  int fd_;
  bool owned_;
};

class StreamSource final : public ByteSource {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  long read(char* buffer, std::size_t n) override {
    in_.read(buffer, static_cast<std::streamsize>(n));
    const auto got = static_cast<long>(in_.gcount());
    if (got == 0 && in_.bad()) {
      errno = EIO;
      return -1;
    }
    return got;
  }

 private:
  std::istream& in_;
};

struct Position {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based byte column; 0 when unknown
};

class Input {
 public:
  using Ch = char;  // RapidJSON stream concept: Peek, Take, Tell

  explicit Input(ByteSource& source) : source_(source), buffer_(kChunk) {}

  char Peek() { return (pos_ < end_ || extend()) ? buffer_[pos_] : '\0'; }
  char Take() {
    if (pos_ == end_ && !extend()) return '\0';
    const char c = buffer_[pos_++];
    if (c == '\n') start_line();
    return c;
  }
  std::size_t Tell() const { return consumed_ + pos_; }
  // The concept also names in-situ writing, which RapidJSON compiles but never calls without
  // kParseInsituFlag.
  char* PutBegin() { return nullptr; }
  std::size_t PutEnd(char*) { return 0; }
  void Put(char) {}

  // Consumes a UTF-8 byte order mark, which Windows tools put before any format; only at the
  // very start, so calling it twice is harmless.
  void skip_bom();
  // The first byte that is not white space, without consuming anything; -1 at the end.
  int peek_content();
  // The next line without its "\n" or "\r\n"; false at the end of input. A line longer than
  // `limit` is skipped to its end without being stored: `line` is left empty and `too_long` set.
  bool read_line(std::string& line, std::size_t limit, bool& too_long);
  // Appends the rest of the input to `out`, stopping once it holds more than `limit` bytes.
  // False on a read error.
  bool read_all(std::string& out, std::size_t limit);

  // Line and column of a byte offset on the current or the previous line (where RapidJSON
  // reports errors); column 0 when the offset is further back.
  Position position_of(std::size_t offset) const;
  // errno of a failed read, 0 when none failed.
  int error() const { return error_; }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  bool extend();
  void start_line() {
    ++line_;
    previous_line_start_ = line_start_;
    line_start_ = Tell();
  }

  ByteSource& source_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;       // next byte in buffer_
  std::size_t end_ = 0;       // end of the valid bytes in buffer_
  std::size_t consumed_ = 0;  // input offset of buffer_[0]
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t previous_line_start_ = 0;
  int error_ = 0;
  bool at_end_ = false;
};

}  // namespace diplograph::ingest::detail
