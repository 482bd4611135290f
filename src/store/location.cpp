#include "store/location.h"

#include <cstdlib>
#include <fstream>

namespace diplograph::store {
namespace {

constexpr std::string_view kUsage =
    "a store URI is sqlite:PATH, postgresql://USER@HOST[:PORT]/DATABASE or "
    "virtuoso://[USER@]HOST:PORT";

[[noreturn]] void bad_uri(std::string_view uri, std::string_view why) {
  throw Error("store '" + std::string(uri) + "': " + std::string(why) + "; " +
              std::string(kUsage));
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "[USER@]HOST[:PORT]" into the location; the part after the scheme and before any '/'.
void parse_authority(std::string_view uri, std::string_view authority, Location& out) {
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    out.user = std::string(authority.substr(0, at));
    authority.remove_prefix(at + 1);
    // A "user:password@" form would put the secret in shell history and process lists; the
    // message does not repeat it.
    if (const auto colon = out.user.find(':'); colon != std::string::npos)
      bad_uri(redact(std::string(uri), out.user.substr(colon + 1)),
              "a password does not belong in the URI; set DIPLOGRAPH_STORE_PASSWORD or "
              "DIPLOGRAPH_STORE_PASSWORD_FILE");
  }
  if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    out.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    if (!is_digits(out.port)) bad_uri(uri, "the port is not a number");
  }
  out.host = std::string(authority);
  if (out.host.empty()) bad_uri(uri, "no host");
}

Location parse_postgresql(std::string_view uri, std::string_view rest) {
  Location out;
  out.kind = Location::Kind::Postgresql;
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) bad_uri(uri, "no database");
  parse_authority(uri, rest.substr(0, slash), out);
  out.database = std::string(rest.substr(slash + 1));
  if (out.database.empty()) bad_uri(uri, "no database");
  if (out.user.empty()) bad_uri(uri, "no user");
  if (out.port.empty()) out.port = "5432";
  return out;
}

Location parse_virtuoso(std::string_view uri, std::string_view rest) {
  Location out;
  out.kind = Location::Kind::Virtuoso;
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos) bad_uri(uri, "a Virtuoso URI has no path");
  parse_authority(uri, rest, out);
  if (out.port.empty()) out.port = "1111";
  if (out.user.empty()) out.user = "dba";
  return out;
}

}  // namespace

Location parse_location(std::string_view uri) {
  Location out;
  if (uri.starts_with("sqlite:")) {
    out.path = std::string(uri.substr(7));
    if (out.path.starts_with("//")) out.path.erase(0, 2);  // sqlite:///abs and sqlite://rel
    if (out.path.empty()) bad_uri(uri, "no file");
  } else if (uri.starts_with("postgresql://") || uri.starts_with("postgres://")) {
    out = parse_postgresql(uri, uri.substr(uri.find("//") + 2));
  } else if (uri.starts_with("virtuoso://")) {
    out = parse_virtuoso(uri, uri.substr(11));
  } else {
    bad_uri(uri, "unknown scheme");
  }
  out.display = std::string(uri);
  return out;
}

std::optional<std::string> store_password() {
  if (const char* value = std::getenv("DIPLOGRAPH_STORE_PASSWORD"); value && *value)
    return std::string(value);
  const char* file = std::getenv("DIPLOGRAPH_STORE_PASSWORD_FILE");
  if (!file || !*file) return std::nullopt;
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line))
    throw Error(std::string("cannot read the password file named by "
                            "DIPLOGRAPH_STORE_PASSWORD_FILE: ") + file);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string redact(std::string text, const std::optional<std::string>& secret) {
  if (!secret || secret->empty()) return text;
  for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at + 3))
    text.replace(at, secret->size(), "***");
  return text;
}

std::unique_ptr<Store> Store::open(std::string_view uri) {
  const Location location = parse_location(uri);
  if (location.kind == Location::Kind::Virtuoso) return open_virtuoso(location);
  return open_redland(location);
}

}  // namespace diplograph::store
