#include "store/rdf_input.h"

#include <raptor2/raptor2.h>

#include <cstdio>
#include <exception>

#include "store/raptor_terms.h"

namespace diplograph::store {
namespace {

const char* parser_name(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".nq") return "nquads";
  if (ext == ".nt") return "ntriples";
  if (ext == ".ttl") return "turtle";
  return nullptr;
}

// Raptor calls back from C: nothing may be thrown through it, so the first failure is kept
// here, parsing is aborted, and the failure is rethrown once raptor has returned.
struct Reading {
  const std::filesystem::path* path;
  const std::function<void(std::string, Statement)>* on_statement;
  raptor_parser* parser = nullptr;
  std::exception_ptr failure;
  std::string syntax_error;
};

void on_statement(void* user_data, raptor_statement* st) {
  auto* r = static_cast<Reading*>(user_data);
  if (r->failure) return;
  try {
    std::string graph;
    if (st->graph && st->graph->type == RAPTOR_TERM_TYPE_URI) graph = from_raptor(st->graph).value;
    (*r->on_statement)(std::move(graph), Statement{from_raptor(st->subject),
                                                   from_raptor(st->predicate),
                                                   from_raptor(st->object)});
  } catch (...) {
    r->failure = std::current_exception();
    raptor_parser_parse_abort(r->parser);
  }
}

void on_log(void* user_data, raptor_log_message* message) {
  auto* r = static_cast<Reading*>(user_data);
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || !r->syntax_error.empty()) return;
  const int line = message->locator ? message->locator->line : -1;
  const int column = message->locator ? message->locator->column : -1;
  std::string& out = r->syntax_error;
  out = r->path->string();
  if (line > 0) out += ':' + std::to_string(line);
  if (column > 0) out += ':' + std::to_string(column);
  out += ": ";
  out += message->text ? message->text : "syntax error";
  // Stop at the first error: what follows it would be loaded while the file is reported bad.
  if (r->parser) raptor_parser_parse_abort(r->parser);
}

}  // namespace

void read_rdf_file(const std::filesystem::path& path,
                   const std::function<void(std::string, Statement)>& on_statement_fn) {
  const char* name = parser_name(path);
  if (!name)
    throw Error(path.string() + ": unknown kind of file; load reads .nq, .nt, .ttl and .jsonl");
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw Error(path.string() + ": cannot read");
  Reading r{&path, &on_statement_fn, nullptr, nullptr, {}};
  raptor_world* world = raptor_new_world();
  raptor_world_open(world);
  raptor_world_set_log_handler(world, &r, on_log);
  r.parser = raptor_new_parser(world, name);
  raptor_parser_set_statement_handler(r.parser, &r, on_statement);
  raptor_uri* base = raptor_new_uri_from_uri_or_file_string(
      world, nullptr, reinterpret_cast<const unsigned char*>(path.c_str()));
  const int rc = raptor_parser_parse_file_stream(r.parser, file, path.c_str(), base);
  raptor_free_uri(base);
  raptor_free_parser(r.parser);
  raptor_free_world(world);
  std::fclose(file);
  if (r.failure) std::rethrow_exception(r.failure);
  if (!r.syntax_error.empty()) throw Error(r.syntax_error);
  if (rc != 0) throw Error(path.string() + ": cannot parse");
}

}  // namespace diplograph::store
