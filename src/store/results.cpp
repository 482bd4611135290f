// format_results(): the W3C SPARQL 1.1 result formats, and an aligned table for terminals.
#include <cstdio>

#include "exporters/iri.h"
#include "store/store.h"

namespace diplograph::store {
namespace {

namespace iri = exporters::iri;

bool is_number_type(const std::string& datatype) {
  const std::string xsd(iri::kXsd);
  return datatype == xsd + "integer" || datatype == xsd + "decimal" || datatype == xsd + "double";
}

// Turtle string escapes, keeping UTF-8 as it is.
std::string quoted(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + '"';
}

std::string turtle(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Iri: return '<' + t.value + '>';
    case Term::Kind::Blank: return "_:" + t.value;
    case Term::Kind::Literal: break;
  }
  if (is_number_type(t.datatype)) return t.value;
  std::string out = quoted(t.value);
  if (!t.lang.empty()) return out + '@' + t.lang;
  if (!t.datatype.empty()) out += "^^<" + t.datatype + '>';
  return out;
}

std::string json_string(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (b < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", b);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string json_term(const Term& t) {
  const char* type = t.kind == Term::Kind::Iri     ? "uri"
                     : t.kind == Term::Kind::Blank ? "bnode"
                                                   : "literal";
  std::string out = "{\"type\": \"" + std::string(type) + "\", \"value\": " + json_string(t.value);
  if (!t.lang.empty()) out += ", \"xml:lang\": " + json_string(t.lang);
  if (!t.datatype.empty()) out += ", \"datatype\": " + json_string(t.datatype);
  return out + '}';
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// ---- Table --------------------------------------------------------------------------------------

constexpr std::size_t kMaxCell = 80;

std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Cut to kMaxCell code points, so that one sentence does not push the columns off screen.
std::string cut(const std::string& s) {
  if (width(s) <= kMaxCell) return s;
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == kMaxCell - 1) break;
  return s.substr(0, i) + "…";
}

std::string shortened(const std::string& value) {
  const iri::Prefix* best = nullptr;
  for (const auto& p : iri::prefixes())
    if (value.starts_with(p.iri) && (!best || p.iri.size() > best->iri.size())) best = &p;
  if (!best) return '<' + value + '>';
  return std::string(best->name) + ':' + value.substr(best->iri.size());
}

std::string cell(const std::optional<Term>& t) {
  if (!t) return "";
  switch (t->kind) {
    case Term::Kind::Iri: return cut(shortened(t->value));
    case Term::Kind::Blank: return "_:" + t->value;
    case Term::Kind::Literal: break;
  }
  return cut(t->lang.empty() ? t->value : t->value + '@' + t->lang);
}

std::string table(const QueryResult& r) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  cells.emplace_back();
  for (const auto& v : r.variables) cells.back().push_back(v), widths.push_back(width(v));
  for (const auto& row : r.rows) {
    auto& line = cells.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(cell(row[i]));
      widths[i] = std::max(widths[i], width(line.back()));
    }
  }
  std::string out;
  for (std::size_t n = 0; n < cells.size(); ++n) {
    for (std::size_t i = 0; i < cells[n].size(); ++i) {
      const bool last = i + 1 == cells[n].size();
      out += cells[n][i] + (last ? "" : std::string(widths[i] - width(cells[n][i]) + 2, ' '));
    }
    out += '\n';
    if (n == 0) {
      for (std::size_t i = 0; i < widths.size(); ++i)
        out += std::string(widths[i], '-') + (i + 1 < widths.size() ? "  " : "");
      out += '\n';
    }
  }
  return out + std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row\n" : " rows\n");
}

// ---- SPARQL result formats ----------------------------------------------------------------------

std::string csv(const QueryResult& r) {
  std::string out;
  for (std::size_t i = 0; i < r.variables.size(); ++i) {
    out += (i ? "," : "");
    out += csv_field(r.variables[i]);
  }
  out += "\r\n";
  for (const auto& row : r.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      if (row[i]) out += csv_field(row[i]->kind == Term::Kind::Blank ? "_:" + row[i]->value
                                                                     : row[i]->value);
    }
    out += "\r\n";
  }
  return out;
}

std::string tsv(const QueryResult& r) {
  std::string out;
  for (std::size_t i = 0; i < r.variables.size(); ++i) {
    out += (i ? "\t?" : "?");
    out += r.variables[i];
  }
  out += '\n';
  for (const auto& row : r.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += '\t';
      if (row[i]) out += turtle(*row[i]);
    }
    out += '\n';
  }
  return out;
}

std::string json(const QueryResult& r) {
  if (r.kind == QueryResult::Kind::Boolean)
    return std::string("{\"head\": {}, \"boolean\": ") + (r.boolean ? "true" : "false") + "}\n";
  std::string out = "{\"head\": {\"vars\": [";
  for (std::size_t i = 0; i < r.variables.size(); ++i) {
    out += (i ? ", " : "");
    out += json_string(r.variables[i]);
  }
  out += "]},\n \"results\": {\"bindings\": [";
  for (std::size_t n = 0; n < r.rows.size(); ++n) {
    out += n ? ",\n  {" : "\n  {";
    bool first = true;
    for (std::size_t i = 0; i < r.rows[n].size(); ++i) {
      if (!r.rows[n][i]) continue;
      out += first ? "" : ", ";
      out += json_string(r.variables[i]) + ": " + json_term(*r.rows[n][i]);
      first = false;
    }
    out += '}';
  }
  return out + "]}}\n";
}

}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  if (name == "table") return ResultFormat::Table;
  if (name == "csv") return ResultFormat::Csv;
  if (name == "tsv") return ResultFormat::Tsv;
  if (name == "json") return ResultFormat::Json;
  return std::nullopt;
}

std::string format_results(const QueryResult& result, ResultFormat format) {
  if (format == ResultFormat::Json) return json(result);
  if (result.kind == QueryResult::Kind::Boolean) return result.boolean ? "true\n" : "false\n";
  switch (format) {
    case ResultFormat::Table: return table(result);
    case ResultFormat::Csv: return csv(result);
    case ResultFormat::Tsv: return tsv(result);
    case ResultFormat::Json: break;
  }
  return json(result);
}

}  // namespace diplograph::store
