// Analysis of a built graph (issue 9): statistics computed with Boost.Graph algorithms, time
// slices, pictures drawn by Graphviz and a self-contained HTML report.
//
// It reads what `build` and `merge` leave in OUTDIR: assertions.jsonl is the durable input, and
// any slice of the graph (a month, a year, --since/--until) is rebuilt from it by adding the
// records that fall inside. No Graphviz or RapidJSON type appears here.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"
#include "model/record.h"

namespace diplograph::analysis {

// ---- Input -------------------------------------------------------------------------------

// OUTDIR/assertions.jsonl, or `path` itself when it names a file.
std::filesystem::path assertions_file(const std::filesystem::path& path);

// Calls `each` with every record of an assertion JSON Lines file, in file order, and returns
// the lines that are not records as "file:line:column: message" (those lines are skipped).
// Throws std::runtime_error when the file cannot be read.
std::vector<std::string> read_records(const std::filesystem::path& file,
                                      const std::function<void(DispatchRecord&&)>& each);

// ---- Time --------------------------------------------------------------------------------

// The days from `since` to `until`, both included, each written YYYY, YYYY-MM or YYYY-MM-DD
// ("--since 2020 --until 2020-06" is 2020-01-01 to 2020-06-30); an empty bound is open.
class DateRange {
 public:
  DateRange() = default;  // every record, dated or not
  // Throws std::invalid_argument for a date of another form, or when since is after until.
  DateRange(std::string_view since, std::string_view until);
  bool open() const { return first_.empty() && last_.empty(); }
  // True when the days `date` covers meet the range. A record without a usable date is inside
  // an open range only: nothing says when it happened.
  bool contains(std::string_view date) const;

 private:
  std::string first_;  // first day included, "" when open
  std::string last_;   // last day included, "" when open
};

enum class Period { All, Month, Year };
inline constexpr std::string_view kUndated = "undated";
// "2020-10" (Month), "2020" (Year) or "all"; kUndated when the date does not name the period
// (no date, or a bare year under Month).
std::string period_of(std::string_view date, Period by);

// ---- Statistics --------------------------------------------------------------------------

struct ActorName {
  std::string id;
  std::string label;  // graph::display_label
  bool operator==(const ActorName&) const = default;
};

// Counts are over relation edges (one per source, type and target; `represents` links are not
// relations). allied-with is undirected, so it counts in neither in_degree nor out_degree.
struct ActorStats {
  ActorName actor;
  ActorKind kind = ActorKind::State;
  std::size_t degree = 0;      // relation edges at the actor
  std::size_t in_degree = 0;   // directed relations it is the target of
  std::size_t out_degree = 0;  // directed relations it is the source of
  std::size_t weight = 0;      // dispatches behind those edges, summed
  // Brandes betweenness over the simple undirected graph of relations (any type): the number
  // of shortest paths between other actors, unordered pairs, that pass through the actor
  // (split between equally short paths); normalised divides by (m-1)(m-2)/2, m the actors
  // with a relation.
  double betweenness = 0.0;
  double betweenness_normalized = 0.0;
  std::size_t bloc = 0;               // 1-based index into Stats::blocs, 0 for none
  std::size_t unbalanced_triads = 0;  // unbalanced triads the actor is in
};

// A connected component (two actors or more) of the cooperative subgraph: supports and
// allied-with edges, taken in either direction.
struct Bloc {
  std::vector<ActorName> members;  // sorted by label, then id
};

struct Mediator {
  ActorName actor;
  std::size_t weight = 0;  // dispatches in which it mediates for exactly these parties
};

// A conflict is known by its parties: the actors that one mediator mediates for in one
// dispatch (the targets of its mediates edges: "Russia mediates between Armenia and
// Azerbaijan" names both; a region or an entity stands alone where the parties are unnamed).
struct Conflict {
  std::vector<ActorName> parties;   // sorted by label, then id
  std::vector<Mediator> mediators;  // most active first
  std::size_t weight = 0;           // dispatches that mediate in it
};

// Three actors whose three pairs each have a sign: cooperative (+) minus accuses (-) dispatch
// weights between the two, in both directions; a pair whose two sides cancel has none.
// Balanced when the product of the signs is +.
struct Triad {
  std::array<ActorName, 3> actors;  // sorted by id
  std::string signs;                // the signs of (0,1), (1,2), (0,2): "++-", "---", ...
  std::size_t weight = 0;           // |net weight| of the three pairs, summed
};

struct Balance {
  std::size_t triads = 0;
  std::size_t balanced = 0;
  // The most unbalanced triads first: the best evidenced (weight), then a partner's partner
  // who is an enemy (two + and one -) before three mutual enemies ("---"); at most
  // kMostUnbalanced of them.
  std::vector<Triad> unbalanced;
  // 1 when there is no triad: nothing is out of balance.
  double share() const { return triads == 0 ? 1.0 : double(balanced) / double(triads); }
};
inline constexpr std::size_t kMostUnbalanced = 20;

struct Stats {
  std::string period;               // period_of(), or "all"
  std::size_t dispatches = 0;       // set by PeriodGraphs; compute_stats cannot know it
  std::size_t relations = 0;        // relation edges
  std::vector<ActorStats> actors;   // actors with a relation; most central first
  std::vector<Bloc> blocs;          // largest first
  std::vector<Conflict> conflicts;  // most mediated first
  Balance balance;
};

Stats compute_stats(const graph::DiplomaticGraph& g);

// Records sorted into one graph per period, for `stats --by`.
class PeriodGraphs {
 public:
  explicit PeriodGraphs(Period by) : by_(by) {}
  void add(const DispatchRecord& record);
  // One Stats per period, in date order, kUndated last.
  std::vector<Stats> stats() const;

 private:
  struct Slice {
    graph::DiplomaticGraph graph;
    std::size_t dispatches = 0;
  };
  Period by_;
  std::map<std::string, Slice> slices_;
};

enum class StatsFormat { Table, Csv, Json };
std::optional<StatsFormat> stats_format_from_name(std::string_view name);
std::optional<Period> period_from_name(std::string_view name);  // "month", "year"

// Table: aligned columns for a terminal, sections per period. CSV: one row per actor and
// period (bloc and unbalanced triads as columns). JSON: everything, one object per period.
std::string format_stats(const std::vector<Stats>& periods, Period by, StatsFormat format);

// ---- Pictures ----------------------------------------------------------------------------

enum class ImageFormat { Svg, Png };
// From the extension of `file`: .svg or .png, in any case.
std::optional<ImageFormat> image_format_for(const std::filesystem::path& file);

// The actor that `name` names: its id, else its label, code or one of its aliases, compared
// without case. Throws std::invalid_argument when no actor or several match; the message
// lists the candidates.
graph::Vertex find_actor_named(const graph::DiplomaticGraph& g, std::string_view name);

// The actors at most `depth` edges away from `focus`, following relations and represents
// links in either direction; `focus` included.
std::vector<graph::Vertex> neighbourhood(const graph::DiplomaticGraph& g, graph::Vertex focus,
                                         int depth);

struct Drawing {
  std::vector<graph::Vertex> actors;   // drawn with every edge between two of them
  std::optional<graph::Vertex> focus;  // drawn highlighted
  std::string caption;                 // shown above the legend
  // Each edge links to "#e<n>", n its index in sorted_edges(): the report's evidence rows.
  bool link_edges = false;
};

// Every actor of `g` with an edge: a relation or a represents link.
Drawing whole_graph(const graph::DiplomaticGraph& g, std::string caption);

// Lays the drawing out with Graphviz (neato for a few actors, sfdp beyond) and renders it:
// actors coloured by kind, edges by relation, edge width by weight, a legend. Returns the
// SVG or PNG bytes. Throws std::runtime_error when Graphviz fails.
std::string render(const graph::DiplomaticGraph& g, const Drawing& drawing, ImageFormat format);

// ---- Report ------------------------------------------------------------------------------

// One self-contained HTML page about the graph built from `records`: the picture (inline
// SVG), the statistics, per-relation tables with weights and dates, and every edge's
// evidence sentences with their dispatch and date. No script, no external resource (a
// Content-Security-Policy forbids them); all text HTML-escaped. `source` names the input.
std::string report_html(const std::vector<DispatchRecord>& records, std::string_view source);

}  // namespace diplograph::analysis
