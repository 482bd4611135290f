// Helpers of the store tests: child processes without a shell, the sample files (built once per
// test binary with the diplograph CLI), and throwaway servers started once per test binary.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "store/store.h"

extern char** environ;

namespace store_test {

namespace fs = std::filesystem;

inline fs::path tests_dir() { return fs::path(DG_TEST_DATA).parent_path(); }

// A new empty directory; each call gets its own.
inline fs::path temp_dir(const std::string& name) {
  static int count = 0;
  const auto dir = fs::temp_directory_path() / ("dg-store-" + name + "-" +
                                                std::to_string(::getpid()) + "-" +
                                                std::to_string(++count));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs argv (no shell) with stdout to `out` (or inherited); returns the exit status.
inline int run(const std::vector<std::string>& argv, const fs::path& out = {}) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!out.empty())
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return 127;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

inline std::string diplograph_binary() {
  if (const char* env = std::getenv("DG_DIPLOGRAPH")) return env;
#ifdef DG_DIPLOGRAPH
  return DG_DIPLOGRAPH;
#else
  return "diplograph";
#endif
}

// graph.ttl, graph.nq and assertions.jsonl of the samples, built once.
inline const fs::path& samples() {
  static const fs::path dir = [] {
    const auto out = temp_dir("samples");
    run({diplograph_binary(), "build", "-q", "-o", out.string(), "--format", "ttl,nq,nt,jsonl",
         std::string(DG_SAMPLES_DIR) + "/dispatches"});
    return out;
  }();
  return dir;
}

inline std::vector<fs::path> sample_queries() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(DG_SAMPLES_DIR) / "queries"))
    if (e.path().extension() == ".rq") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// A query's answer as sorted TSV lines, the form every store and roqet can be compared in.
inline std::vector<std::string> answer(diplograph::store::Store& store, const fs::path& rq) {
  const auto text = diplograph::store::format_results(store.query(read_file(rq)),
                                                      diplograph::store::ResultFormat::Tsv);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// A throwaway server from tests/store/<script>: its URI and password, or why it did not start.
struct Server {
  fs::path dir;
  std::string script;
  std::string uri;
  std::string password;
  std::string skipped;

  Server(const std::string& name, const std::string& script_name)
      : dir(temp_dir(name)), script((tests_dir() / "store" / script_name).string()) {
    const auto out = dir / "uri.txt";
    const int rc = run({"bash", script, "start", (dir / "server").string()}, out);
    std::string text = read_file(out);
    text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
    if (rc != 0 || text.empty()) {
      skipped = name + " server could not start (" + script_name + " exited " +
                std::to_string(rc) + ", see " + (dir / "server").string() + ")";
      return;
    }
    uri = text;
    password = read_file(dir / "server" / "password");
    password.erase(std::remove(password.begin(), password.end(), '\n'), password.end());
  }
  ~Server() {
    run({"bash", script, "stop", (dir / "server").string()});
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace store_test
