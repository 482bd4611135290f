#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace diplograph {

namespace {

// Every this many bytes written, the kernel is asked to start writing the new range out,
// without waiting for it (RocksDB's bytes_per_sync does the same): the disk then works while
// the run goes on, and the fsync at commit finds little left to write.
constexpr off_t kWritebackBytes = off_t{4} << 20;
// The stream's buffer: a writer's small pieces (XML elements, Turtle lines) reach the kernel a
// few at a time rather than one system call each.
constexpr std::size_t kBufferBytes = std::size_t{64} << 10;

}  // namespace

// The stream's writes go to the descriptor through these callbacks (fopencookie). A regular
// file's bytes move through three stages, a range of kWritebackBytes or more at a time: written
// (dirty in the page cache), writeback started, and, one range later, when the disk is done with
// them as a rule, advised out of the page cache. A graph of a gigabyte then holds a few
// megabytes of cache rather than pushing out pages worth more (the input corpus, for one), and
// its writes reuse the pages just freed: in a VM, pages new to the guest cost a fault on the
// host each, which made writing a fresh 1 GB file several times slower.
struct AtomicFile::Sink {
  int fd = -1;
  bool write_behind = false;  // a regular file: a pipe or a terminal has no writeback
  off_t written = 0;
  off_t started = 0;  // writeback started for [0, started)
  off_t settled = 0;  // [0, settled) was started a range ago
  off_t dropped = 0;  // [0, dropped) was advised out of the page cache
  std::unique_ptr<char[]> buffer = std::make_unique<char[]>(kBufferBytes);

  // All of `size` bytes, or fewer with errno set, which the stream takes as an error.
  static ssize_t write(void* cookie, const char* data, std::size_t size) {
    auto& sink = *static_cast<Sink*>(cookie);
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(sink.fd, data + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return static_cast<ssize_t>(done);
      done += static_cast<std::size_t>(n);
    }
    sink.written += static_cast<off_t>(size);
    if (sink.write_behind && sink.written - sink.started >= kWritebackBytes)
      sink.write_behind_step();
    return static_cast<ssize_t>(size);
  }

  // Advice only, both calls: should either fail, the fsync at commit still writes every page
  // and reports. Pages still being written are left in the cache.
  void write_behind_step() {
    const int saved = errno;
    if (settled > dropped) ::posix_fadvise(fd, dropped, settled - dropped, POSIX_FADV_DONTNEED);
    ::sync_file_range(fd, started, written - started, SYNC_FILE_RANGE_WRITE);
    dropped = settled;
    settled = started;
    started = written;
    errno = saved;
  }

  static int close(void* cookie) { return ::close(static_cast<Sink*>(cookie)->fd); }
};

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {}

AtomicFile::~AtomicFile() {
  if (stream_) std::fclose(stream_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

// Names the output, not its temporary file: "cannot write out/graph.ttl: No space left on
// device" is what the user can act on.
bool AtomicFile::fail(const char* what) {
  error_ = std::string(what) + " " + path_ + ": " + std::strerror(errno);
  return false;
}

bool AtomicFile::open() {
  // The temporary file lives beside the target so that rename() stays on one file system.
  // Where the target is a symbolic link to a regular file, the file is replaced and the link
  // kept; where it is a device, a pipe or a socket (-o /dev/stdout, a FIFO), there is nothing to
  // replace: the bytes go straight to it, since a rename would put a regular file in its place.
  mode_t mode = 0644;
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      errno = EISDIR;
      return fail("cannot write");
    }
    if (!S_ISREG(st.st_mode)) return open_direct();
    mode = st.st_mode & 07777;
    if (char* real = ::realpath(path_.c_str(), nullptr)) {
      target_ = real;
      std::free(real);
    }
  }
  if (target_.empty()) target_ = path_;
  temp_path_ = target_ + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp_path_.data());
  if (fd < 0) {
    const int saved = errno;
    temp_path_.clear();
    errno = saved;
    return fail("cannot create a temporary file for");
  }
  ::fchmod(fd, mode);
  return open_stream(fd);
}

bool AtomicFile::open_direct() {
  direct_ = true;
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot open");
  return open_stream(fd);
}

bool AtomicFile::open_stream(int fd) {
  sink_ = std::make_unique<Sink>();
  sink_->fd = fd;
  sink_->write_behind = !direct_;
  stream_ = ::fopencookie(sink_.get(), "w", {nullptr, &Sink::write, nullptr, &Sink::close});
  if (!stream_) {
    ::close(fd);
    return fail("cannot open");
  }
  // A terminal (-o /dev/tty) is shown each line as it comes, as fdopen's stream did.
  const int mode = direct_ && ::isatty(fd) ? _IOLBF : _IOFBF;
  std::setvbuf(stream_, sink_->buffer.get(), mode, kBufferBytes);
  return true;
}

bool AtomicFile::write(std::string_view bytes) {
  if (!stream_) return false;
  if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size())
    return fail("cannot write");
  return true;
}

bool AtomicFile::commit() {
  if (!stream_) return false;
  const bool flushed = std::fflush(stream_) == 0 && !std::ferror(stream_);
  const int saved = errno;
  // A pipe or a terminal cannot be fsynced (EINVAL), and has nothing to make durable.
  const bool synced = flushed && (direct_ || ::fsync(sink_->fd) == 0);
  const int sync_errno = errno;
  const bool closed = std::fclose(stream_) == 0;
  stream_ = nullptr;
  if (!flushed) {
    errno = saved;
    return fail("cannot write");
  }
  if (!synced) {
    errno = sync_errno;
    return fail("cannot sync");
  }
  if (!closed) return fail("cannot close");
  if (!direct_ && ::rename(temp_path_.c_str(), target_.c_str()) != 0)
    return fail("cannot rename into place");
  committed_ = true;
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
  AtomicFile file(path);
  if (file.open() && file.write(bytes) && file.commit()) return true;
  error = file.error();
  return false;
}

}  // namespace diplograph
