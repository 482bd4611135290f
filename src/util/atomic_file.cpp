#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace diplograph {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {}

AtomicFile::~AtomicFile() {
  if (stream_) std::fclose(stream_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

bool AtomicFile::fail(const char* what) {
  error_ = std::string(what) + " " + (temp_path_.empty() ? path_ : temp_path_) + ": " +
           std::strerror(errno);
  return false;
}

bool AtomicFile::open() {
  // The temporary file lives beside the target so that rename() stays on one file system.
  temp_path_ = path_ + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp_path_.data());
  if (fd < 0) {
    const int saved = errno;
    temp_path_.clear();
    errno = saved;
    return fail("cannot create a temporary file for");
  }
  ::fchmod(fd, 0644);
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
  const bool synced = flushed && ::fsync(::fileno(stream_)) == 0;
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
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) return fail("cannot rename into place");
  committed_ = true;
  return true;
}

}  // namespace diplograph
