// Output files written whole or not at all: a temporary file beside the target, flushed and
// fsynced, then renamed over it. A failed or killed run leaves the previous file untouched.
// Writeback starts every few megabytes rather than at the fsync, so that a large file is on
// disk by the time it is committed, and the pages written out leave the page cache as it goes.
// A target that is a symbolic link keeps its link (the file it names is replaced); a target that
// is a device or a pipe (/dev/stdout, a FIFO) is written directly, as nothing can replace it.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace diplograph {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // discards the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens the temporary file; false with error() set when it cannot.
  bool open();
  std::FILE* stream() { return stream_; }
  bool write(std::string_view bytes);
  // Flushes, fsyncs and renames into place; false with error() set on any failure (ENOSPC,
  // EACCES, ...), in which case the target is left as it was.
  bool commit();
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  struct Sink;  // what the stream writes through: the descriptor and its writeback
  bool fail(const char* what);
  bool open_direct();
  bool open_stream(int fd);
  std::string path_;
  std::string target_;     // path_ with symbolic links resolved: what the rename replaces
  std::string temp_path_;  // empty when writing directly
  bool direct_ = false;
  std::unique_ptr<Sink> sink_;  // outlives stream_, whose writes go through it
  std::FILE* stream_ = nullptr;
  bool committed_ = false;
  std::string error_;
};

// `bytes` as the whole content of `path`, through an AtomicFile; false with `error` set when
// any step fails.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace diplograph
