// diplograph: the command line. Parses options and hands each subcommand to cli/cmd_*.cpp.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace {

using namespace diplograph::cli;

constexpr const char* kExitCodes =
    "\nExit status:\n"
    "  0  success\n"
    "  1  some input was reported on stderr and skipped; the rest was processed\n"
    "  2  bad options\n"
    "  3  failure: the ontology, an output file or a store could not be used\n";

void add_common(CLI::App& cmd, CommonOptions& common) {
  cmd.add_option("--ontology", common.ontology,
                 "ontology directory (default: $DIPLOGRAPH_ONTOLOGY, else the installed one)");
  cmd.add_flag("-q,--quiet", common.quiet, "no progress or summary on stderr");
  cmd.add_flag("--strict", common.strict, "stop at the first input error");
  cmd.add_option("--threads", common.threads,
                 "extraction threads (default: all cores); the output is the same for any number")
      ->check(CLI::Range(0, 1024));
  cmd.add_option("--max-dispatch-bytes", common.max_dispatch_bytes,
                 "a larger dispatch is reported and skipped")
      ->capture_default_str();
  cmd.add_option("--max-sentence-tokens", common.max_sentence_tokens,
                 "a longer sentence is cut into pieces of this size, with a warning")
      ->check(CLI::Range(16, 100000))
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"diplograph: a knowledge graph of diplomatic actors and relations from "
               "news-wire dispatches"};
  app.set_version_flag("--version", "diplograph " DIPLOGRAPH_VERSION);
  app.footer(kExitCodes);
  app.require_subcommand(1);

  CommonOptions common;
  ExtractOptions extract;
  BuildOptions build;
  EvalOptions eval;
  MergeOptions merge;
  LoadOptions load;
  QueryOptions query;
  ExplainOptions explain;
  int status = kOk;

  auto* build_cmd = app.add_subcommand(
      "build", "extract, build the graph and write its exports (default: samples/dispatches -> out/)");
  add_common(*build_cmd, common);
  build_cmd->add_option("inputs", build.inputs, "files, directories or - (stdin)");
  build_cmd->add_option("-o,--output", build.outdir, "output directory")->capture_default_str();
  build_cmd->add_option("--format", build.formats, "comma-separated export formats")
      ->capture_default_str();
  build_cmd->add_option("--store", build.store, "also load into a triple store URI");
  build_cmd->add_flag("--mpi", build.mpi,
                      "run under mpirun: ranks extract shares of the input files, rank 0 merges "
                      "and writes (docs/SCALE-OUT.md)");
  build_cmd->footer(kExitCodes);
  build_cmd->callback([&] { status = run_build(common, build); });

  auto* extract_cmd = app.add_subcommand(
      "extract", "the map step: one assertion JSON line per dispatch, in input order");
  add_common(*extract_cmd, common);
  extract_cmd->add_option("inputs", extract.inputs, "files, directories or - (stdin)")->required();
  extract_cmd->add_option("-o,--output", extract.output, "output file (default: stdout)");
  extract_cmd->footer(kExitCodes);
  extract_cmd->callback([&] { status = run_extract(common, extract); });

  auto* eval_cmd = app.add_subcommand(
      "eval", "precision, recall and F1 per relation type and language against a gold file");
  add_common(*eval_cmd, common);
  eval_cmd->add_option("--gold", eval.gold, "gold JSON Lines (shared/eval/GUIDELINES.md)")
      ->required();
  eval_cmd->add_option("inputs", eval.inputs, "the dispatches the gold describes")->required();
  eval_cmd->add_flag("--errors", eval.errors, "list every false positive and miss");
  eval_cmd->add_flag("--json", eval.json, "the report as JSON");
  eval_cmd->footer(kExitCodes);
  eval_cmd->callback([&] { status = run_eval(common, eval); });

  auto* merge_cmd = app.add_subcommand(
      "merge", "the reduce step: assertion JSON Lines from extract into one graph and its exports");
  add_common(*merge_cmd, common);
  merge_cmd->add_option("parts", merge.parts, "assertion JSON Lines files")->required();
  merge_cmd->add_option("-o,--output", merge.outdir, "output directory")->capture_default_str();
  merge_cmd->add_option("--format", merge.formats, "comma-separated export formats")
      ->capture_default_str();
  merge_cmd->footer(kExitCodes);
  merge_cmd->callback([&] { status = run_merge(common, merge); });

  auto* load_cmd = app.add_subcommand(
      "load", "load RDF files (.nq, .nt, .ttl) or assertions (.jsonl) into a triple store; each "
              "dispatch's graph is replaced, so loading twice adds nothing");
  add_common(*load_cmd, common);
  load_cmd->add_option("--store", load.store,
                       "sqlite:PATH, postgresql://USER@HOST:PORT/DB or virtuoso://HOST:PORT; the "
                       "password comes from $DIPLOGRAPH_STORE_PASSWORD or "
                       "$DIPLOGRAPH_STORE_PASSWORD_FILE")
      ->capture_default_str();
  load_cmd->add_option("files", load.files, "files to load")->required();
  load_cmd->footer(kExitCodes);
  load_cmd->callback([&] { status = run_load(common, load); });

  auto* query_cmd = app.add_subcommand(
      "query", "run a SPARQL query (text or a .rq file) on a store (docs/STORES.md: what Rasqal "
               "does not run)");
  add_common(*query_cmd, common);
  query_cmd->add_option("--store", query.store, "store URI, as for load")->capture_default_str();
  query_cmd->add_option("query", query.query, "SPARQL text or a .rq file")->required();
  query_cmd->add_option("--format", query.format, "table, csv, tsv or json (SPARQL results)")
      ->capture_default_str();
  query_cmd->footer(kExitCodes);
  query_cmd->callback([&] { status = run_query(common, query); });

  auto* explain_cmd = app.add_subcommand(
      "explain", "the edges of an actor (a relation, a pair) with weight, dates and evidence");
  add_common(*explain_cmd, common);
  explain_cmd->add_option("--store", explain.source, "a store URI, or an OUTDIR of build")
      ->required();
  explain_cmd->add_option("actor", explain.actor, "actor id, code, label or alias")->required();
  explain_cmd->add_option("relation", explain.relation, "supports, allied-with, mediates, accuses");
  explain_cmd->add_option("other", explain.other, "the actor on the other side");
  explain_cmd->footer(kExitCodes);
  explain_cmd->callback([&] { status = run_explain(common, explain); });

  StatsOptions stats;
  auto* stats_cmd = app.add_subcommand(
      "stats", "centrality, blocs, mediators per conflict and structural balance, per period");
  auto* stats_outdir = stats_cmd->add_option(
      "outdir", stats.outdir, "OUTDIR written by build or merge, or its assertions.jsonl");
  stats_cmd->add_option("--store", stats.store, "read the graph from a store URI, as for load")
      ->excludes(stats_outdir);
  stats_cmd->add_option("--by", stats.by, "one section per month or year")
      ->check(CLI::IsMember({"month", "year"}));
  stats_cmd->add_option("--format", stats.format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  stats_cmd->footer(kExitCodes);
  stats_cmd->callback([&] { status = run_stats(common, stats); });

  RenderOptions render;
  auto* render_cmd = app.add_subcommand(
      "render", "draw the graph with Graphviz to SVG or PNG, whole, around an actor or over dates");
  render_cmd->add_option("outdir", render.outdir,
                         "OUTDIR written by build or merge, or its assertions.jsonl")
      ->required();
  render_cmd->add_option("-o,--output", render.output, "FILE.svg or FILE.png")->required();
  auto* focus = render_cmd->add_option(
      "--focus", render.focus, "draw only around this actor: an id (state/TUR), name or code");
  render_cmd->add_option("--depth", render.depth, "with --focus: how many edges away to draw")
      ->needs(focus)
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  render_cmd->add_option("--since", render.since, "dispatches from this date: YYYY[-MM[-DD]]");
  render_cmd->add_option("--until", render.until, "dispatches up to this date: YYYY[-MM[-DD]]");
  render_cmd->add_flag("-q,--quiet", common.quiet, "no summary on stderr");
  render_cmd->footer(kExitCodes);
  render_cmd->callback([&] { status = run_render(common, render); });

  ReportOptions report;
  auto* report_cmd = app.add_subcommand(
      "report", "one self-contained HTML page: picture, statistics, relations and their evidence");
  report_cmd->add_option("outdir", report.outdir,
                         "OUTDIR written by build or merge, or its assertions.jsonl")
      ->required();
  report_cmd->add_option("-o,--output", report.output, "the HTML file")->required();
  report_cmd->add_flag("-q,--quiet", common.quiet, "no summary on stderr");
  report_cmd->footer(kExitCodes);
  report_cmd->callback([&] { status = run_report(common, report); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  return status;
}
