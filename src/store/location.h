// Internal to the store module: a parsed store URI, the password, and the backends' factories.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace diplograph::store {

struct Location {
  enum class Kind { Sqlite, Postgresql, Virtuoso };
  Kind kind = Kind::Sqlite;
  std::string path;  // sqlite
  std::string user;
  std::string host;
  std::string port;
  std::string database;  // postgresql
  std::string display;   // the URI as given (it holds no secret: URIs with one are refused)
};

// Throws Error for a URI of no known form, or one that embeds a password.
Location parse_location(std::string_view uri);

// $DIPLOGRAPH_STORE_PASSWORD, else the first line of $DIPLOGRAPH_STORE_PASSWORD_FILE, else none.
// Throws Error when the file is named but cannot be read.
std::optional<std::string> store_password();

// Replaces every occurrence of `secret` in `text` with "***": driver messages may quote it.
std::string redact(std::string text, const std::optional<std::string>& secret);

std::unique_ptr<Store> open_redland(const Location& location);   // sqlite and postgresql
std::unique_ptr<Store> open_virtuoso(const Location& location);

}  // namespace diplograph::store
