// A small streaming XML writer for GraphML and GEXF: it escapes markup, and every string passes
// through clean_text() first, which drops the characters XML 1.0 cannot carry at all. Calls
// chain; the first failure is remembered and reported by close().
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace diplograph::exporters {

class XmlWriter {
 public:
  explicit XmlWriter(std::FILE* out);  // writes the UTF-8 declaration; output is indented
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  XmlWriter& start(const char* name);
  XmlWriter& attr(const char* name, std::string_view value);
  XmlWriter& text(std::string_view value);
  XmlWriter& end();
  // start(name), text(value), end().
  XmlWriter& element(const char* name, std::string_view value);
  // start(name), attr(attr_name, attr_value), text(value), end(): GraphML's <data key="k">v</data>,
  // written in one piece when neither value needs escaping, as nearly all do.
  XmlWriter& element(const char* name, const char* attr_name, std::string_view attr_value,
                     std::string_view value);

  // Closes open elements and flushes to the file; false when any call failed.
  bool close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// node_key() of every actor, by vertex: made once, as an actor names the end of many edges.
std::vector<std::string> node_keys(const graph::DiplomaticGraph& g);

// Opens <edge id="e<n>" source="..." target="..." label="<type>">, the same in GraphML and GEXF:
// the label is what keeps Gephi from merging parallel edges of different types. `keys` is
// node_keys(g).
XmlWriter& start_edge(XmlWriter& xml, const graph::DiplomaticGraph& g, graph::Edge e,
                      std::size_t n, const std::vector<std::string>& keys);

struct KeyValue {
  const char* key;
  std::string value;
};
// The values GraphML and GEXF both attach to an edge, under the same keys: type, first_date,
// last_date, evidence_count, rolled_up ("true"/"false"). Not the weight: each format has its own
// place for it, and Gephi's edge table already has a weight column.
std::vector<KeyValue> edge_values(const graph::RelationProps& r);

}  // namespace diplograph::exporters
