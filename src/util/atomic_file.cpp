#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace diplograph {

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
  stream_ = ::fdopen(fd, "wb");
  if (!stream_) {
    ::close(fd);
    return fail("cannot open");
  }
  return true;
}

bool AtomicFile::open_direct() {
  direct_ = true;
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot open");
  stream_ = ::fdopen(fd, "wb");
  if (!stream_) {
    ::close(fd);
    return fail("cannot open");
  }
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
  const bool synced = flushed && (direct_ || ::fsync(::fileno(stream_)) == 0);
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
