#include "store/raptor_terms.h"

#include <cstdio>

namespace diplograph::store {
namespace {

const unsigned char* bytes(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.c_str());
}

std::string text(const unsigned char* s, std::size_t n) {
  return s ? std::string(reinterpret_cast<const char*>(s), n) : std::string();
}

// N-Triples string escapes; everything outside ASCII as \u or \U, so the text is pure ASCII and
// no driver's character set conversion can touch it.
void append_escaped(std::string& out, const std::string& value, bool iri) {
  for (std::size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > value.size()) len = 1;
    unsigned long cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (value[i + k] & 0x3F);
    i += len;
    if (!iri && (cp == '"' || cp == '\\')) {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (!iri && cp == '\n') {
      out += "\\n";
    } else if (!iri && cp == '\r') {
      out += "\\r";
    } else if (cp >= 0x20 && cp < 0x7F && !(iri && (cp == '<' || cp == '>' || cp == '"'))) {
      out += static_cast<char>(cp);
    } else {
      char buf[12];
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08lX" : "\\u%04lX", cp);
      out += buf;
    }
  }
}

}  // namespace

Term from_raptor(const raptor_term* t) {
  Term out;
  if (!t) return out;
  switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
      out.value = reinterpret_cast<const char*>(raptor_uri_as_string(t->value.uri));
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      out.kind = Term::Kind::Blank;
      out.value = text(t->value.blank.string, t->value.blank.string_len);
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      out.kind = Term::Kind::Literal;
      out.value = text(t->value.literal.string, t->value.literal.string_len);
      out.lang = text(t->value.literal.language, t->value.literal.language_len);
      if (t->value.literal.datatype)
        out.datatype =
            reinterpret_cast<const char*>(raptor_uri_as_string(t->value.literal.datatype));
      break;
    case RAPTOR_TERM_TYPE_UNKNOWN: break;
  }
  return out;
}

raptor_term* to_raptor(raptor_world* world, const Term& t) {
  switch (t.kind) {
    case Term::Kind::Iri: return raptor_new_term_from_uri_string(world, bytes(t.value));
    case Term::Kind::Blank: return raptor_new_term_from_blank(world, bytes(t.value));
    case Term::Kind::Literal: break;
  }
  raptor_uri* datatype = t.datatype.empty() ? nullptr : raptor_new_uri(world, bytes(t.datatype));
  raptor_term* out = raptor_new_term_from_counted_literal(
      world, bytes(t.value), t.value.size(), datatype,
      t.lang.empty() ? nullptr : bytes(t.lang), static_cast<unsigned char>(t.lang.size()));
  if (datatype) raptor_free_uri(datatype);
  return out;
}

std::string ntriples(const Term& t) {
  std::string out;
  switch (t.kind) {
    case Term::Kind::Iri:
      out += '<';
      append_escaped(out, t.value, true);
      return out + '>';
    case Term::Kind::Blank: return "_:" + t.value;
    case Term::Kind::Literal: break;
  }
  out += '"';
  append_escaped(out, t.value, false);
  out += '"';
  if (!t.lang.empty()) return out + '@' + t.lang;
  if (!t.datatype.empty()) out += "^^<" + t.datatype + '>';
  return out;
}

}  // namespace diplograph::store
