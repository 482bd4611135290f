// The graph as JSON for the two web libraries people load it into, as two files since neither
// reads the other's shape (DESIGN.md section 8):
//   graph.json  graphology's serialised graph: {"attributes", "options", "nodes": [{"key",
//               "attributes"}], "edges": [{"key", "source", "target", "attributes"}]}; a mixed
//               multigraph, allied-with edges marked "undirected".
//   graph.cyjs  Cytoscape's elements JSON: {"elements": {"nodes": [{"data": {...}}], "edges":
//               [...]}}, read by Cytoscape.js (cy.json) and Cytoscape desktop. Edges carry no id:
//               Cytoscape shares one id space between nodes and edges, and any id we chose could
//               be an actor's.
// The relation type is "relation" in attributes, as sigma.js reserves "type" for its renderers.
#include <rapidjson/filewritestream.h>
#include <rapidjson/writer.h>

#include "exporters/file_exporter.h"
#include "exporters/text.h"

namespace diplograph::exporters {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::FileWriteStream>;

void str(JsonWriter& w, std::string_view s) {
  const std::string clean = clean_text(s);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void field(JsonWriter& w, const char* key, std::string_view value) {
  if (value.empty()) return;
  w.Key(key);
  str(w, value);
}

// `"key": {...}` (or a bare object with no key) whose members f writes.
template <typename F>
void object(JsonWriter& w, const char* key, F&& f) {
  if (key) w.Key(key);
  w.StartObject();
  f();
  w.EndObject();
}

template <typename F>
void array(JsonWriter& w, const char* key, F&& f) {
  w.Key(key);
  w.StartArray();
  f();
  w.EndArray();
}

void node_fields(JsonWriter& w, const graph::ActorProps& actor) {
  field(w, "label", graph::display_label(actor));
  field(w, "kind", to_string(actor.kind));
  field(w, "code", actor.code);
  field(w, "qid", actor.qid);
  field(w, "color", hex_color(kind_color(actor.kind)));
  array(w, "aliases", [&] {
    for (const auto& alias : actor.aliases) str(w, alias);
  });
}

void edge_fields(JsonWriter& w, const graph::RelationProps& r) {
  field(w, "label", r.type);
  field(w, "relation", r.type);
  w.Key("weight");
  w.Uint64(r.weight);
  field(w, "first_date", r.first_date);
  field(w, "last_date", r.last_date);
  w.Key("evidence_count");
  w.Uint64(r.evidence_count);
  w.Key("rolled_up");
  w.Bool(r.rolled_up);
  array(w, "assertions", [&] {
    for (const auto& id : r.assertion_ids()) str(w, id);
  });
}

void graphology(JsonWriter& w, const graph::DiplomaticGraph& g) {
  object(w, nullptr, [&] {
    object(w, "attributes", [&] { field(w, "name", "diplograph"); });
    object(w, "options", [&] {
      field(w, "type", "mixed");
      w.Key("multi");
      w.Bool(true);
      w.Key("allowSelfLoops");
      w.Bool(true);
    });
    array(w, "nodes", [&] {
      for (const auto v : g.sorted_vertices()) {
        object(w, nullptr, [&] {
          field(w, "key", node_key(g.actor(v).id));
          object(w, "attributes", [&] { node_fields(w, g.actor(v)); });
        });
      }
    });
    array(w, "edges", [&] {
      std::size_t n = 0;
      for (const auto e : g.sorted_edges()) {
        object(w, nullptr, [&] {
          field(w, "key", edge_key(n++));
          field(w, "source", node_key(g.source(e).id));
          field(w, "target", node_key(g.target(e).id));
          if (graph::is_symmetric(g.relation(e).type)) {
            w.Key("undirected");
            w.Bool(true);
          }
          object(w, "attributes", [&] { edge_fields(w, g.relation(e)); });
        });
      }
    });
  });
}

void cytoscape(JsonWriter& w, const graph::DiplomaticGraph& g) {
  object(w, nullptr, [&] {
    field(w, "format_version", "1.0");
    field(w, "generated_by", "diplograph");
    field(w, "target_cytoscapejs_version", "~2.1");
    object(w, "data", [&] { field(w, "name", "diplograph"); });
    object(w, "elements", [&] {
      array(w, "nodes", [&] {
        for (const auto v : g.sorted_vertices()) {
          object(w, nullptr, [&] {
            object(w, "data", [&] {
              field(w, "id", node_key(g.actor(v).id));
              field(w, "name", graph::display_label(g.actor(v)));
              node_fields(w, g.actor(v));
            });
          });
        }
      });
      array(w, "edges", [&] {
        for (const auto e : g.sorted_edges()) {
          object(w, nullptr, [&] {
            object(w, "data", [&] {
              field(w, "source", node_key(g.source(e).id));
              field(w, "target", node_key(g.target(e).id));
              field(w, "interaction", g.relation(e).type);
              edge_fields(w, g.relation(e));
            });
          });
        }
      });
    });
  });
}

void write(AtomicFile& file, const graph::DiplomaticGraph& g,
           void (*shape)(JsonWriter&, const graph::DiplomaticGraph&)) {
  char buffer[65536];
  rapidjson::FileWriteStream out(file.stream(), buffer, sizeof buffer);
  JsonWriter w(out);
  shape(w, g);
  out.Flush();
  std::fputc('\n', file.stream());
}

}  // namespace

bool write_json(const graph::DiplomaticGraph& g, const std::vector<AtomicFile*>& files) {
  write(*files[0], g, graphology);
  write(*files[1], g, cytoscape);
  return true;  // write errors show when the files are committed
}

}  // namespace diplograph::exporters
