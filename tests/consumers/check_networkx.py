#!/usr/bin/python3
"""Reads diplograph's graph exports with independent readers and checks they agree.

    /usr/bin/python3 check_networkx.py OUTDIR NODES EDGES [--parallel]

GraphML and GEXF through NetworkX (read_graphml, read_gexf), graph.json and graph.cyjs through
the json module, nodes.csv and edges.csv through the csv module. Every reader must see NODES nodes
and EDGES edges, the same node ids and the same typed edges; GraphML booleans must come back as
Python bools; with --parallel, some pair of nodes must carry parallel edges of different types.
Exit 0 when all holds, 1 with the failures listed.
"""
import csv
import json
import os
import sys

import networkx as nx
from networkx.readwrite import gexf as nx_gexf

FAILURES = []


def check(ok, message):
    if not ok:
        FAILURES.append(message)


def read_gexf_13(path):
    # NetworkX 2.x knows GEXF 1.1draft and 1.2draft only; 1.3 reads the same way once the reader
    # knows its namespaces.
    nx_gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
    return nx.read_gexf(path, version="1.3")


def typed_edges(graph, type_key):
    return sorted((u, v, d[type_key]) for u, v, d in graph.edges(data=True))


def weighted_edges(graph):
    return sorted((u, v, d["type"], d["weight"]) for u, v, d in graph.edges(data=True))


def check_graphml(path, nodes, edges, parallel):
    g = nx.read_graphml(path)
    # NetworkX returns a DiGraph when no two edges share their ends, a MultiDiGraph otherwise.
    expected = nx.MultiDiGraph if parallel else nx.DiGraph
    check(isinstance(g, expected), f"GraphML: expected a {expected.__name__}, got {type(g).__name__}")
    check(g.number_of_nodes() == nodes, f"GraphML: {g.number_of_nodes()} nodes, expected {nodes}")
    check(g.number_of_edges() == edges, f"GraphML: {g.number_of_edges()} edges, expected {edges}")
    for u, v, d in g.edges(data=True):
        check(isinstance(d.get("rolled_up"), bool), f"GraphML: rolled_up of {u}->{v} is not a bool")
        check(isinstance(d.get("weight"), float), f"GraphML: weight of {u}->{v} is not a float")
        check(isinstance(d.get("evidence_count"), int), f"GraphML: evidence_count of {u}->{v} not an int")
        check(d.get("label") == d.get("type"), f"GraphML: label and type differ on {u}->{v}")
    for n, d in g.nodes(data=True):
        check(bool(d.get("label")), f"GraphML: node {n!r} has no label")
        check(str(d.get("color", "")).startswith("#"), f"GraphML: node {n!r} has no colour")
    if parallel:
        pairs = {}
        for u, v, d in g.edges(data=True):
            pairs.setdefault((u, v), []).append(d["type"])
        multi = [types for types in pairs.values() if len(types) > 1]
        check(multi, "GraphML: no parallel edges between the same pair")
        check(all(len(set(t)) == len(t) for t in multi), "GraphML: parallel edges of one type")
    return g


def check_gexf(path, nodes, edges):
    g = read_gexf_13(path)
    check(g.graph.get("mode") == "dynamic", "GEXF: the graph is not dynamic")
    check(g.number_of_nodes() == nodes, f"GEXF: {g.number_of_nodes()} nodes, expected {nodes}")
    check(g.number_of_edges() == edges, f"GEXF: {g.number_of_edges()} edges, expected {edges}")
    for u, v, d in g.edges(data=True):
        check(isinstance(d.get("rolled_up"), bool), f"GEXF: rolled_up of {u}->{v} is not a bool")
        check(d.get("label") == d.get("type"), f"GEXF: label and type differ on {u}->{v}")
    for n, d in g.nodes(data=True):
        check("color" in d.get("viz", {}), f"GEXF: node {n!r} has no viz:color")
        check("size" in d.get("viz", {}), f"GEXF: node {n!r} has no viz:size")
    return g


def check_json(outdir, nodes, edges):
    with open(os.path.join(outdir, "graph.json"), encoding="utf-8") as f:
        graphology = json.load(f)
    check(len(graphology["nodes"]) == nodes, "graph.json: wrong node count")
    check(len(graphology["edges"]) == edges, "graph.json: wrong edge count")
    check(graphology["options"]["multi"] is True, "graph.json: not a multigraph")
    with open(os.path.join(outdir, "graph.cyjs"), encoding="utf-8") as f:
        cy = json.load(f)["elements"]
    check(len(cy["nodes"]) == nodes, "graph.cyjs: wrong node count")
    check(len(cy["edges"]) == edges, "graph.cyjs: wrong edge count")
    ids = {n["key"] for n in graphology["nodes"]}
    check(ids == {n["data"]["id"] for n in cy["nodes"]}, "graph.json and graph.cyjs disagree on nodes")
    return ids, sorted((e["source"], e["target"], e["attributes"]["relation"]) for e in graphology["edges"])


def unformula(cell):
    # csv_cell() puts a quote before cells a spreadsheet would run as formulas.
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def check_csv(outdir, nodes, edges):
    with open(os.path.join(outdir, "nodes.csv"), encoding="utf-8", newline="") as f:
        node_rows = list(csv.DictReader(f))
    with open(os.path.join(outdir, "edges.csv"), encoding="utf-8", newline="") as f:
        edge_rows = list(csv.DictReader(f))
    check(len(node_rows) == nodes, f"nodes.csv: {len(node_rows)} rows, expected {nodes}")
    check(len(edge_rows) == edges, f"edges.csv: {len(edge_rows)} rows, expected {edges}")
    for row in node_rows + edge_rows:
        for key, value in row.items():
            check(value[:1] not in ("=", "+", "-", "@"), f"CSV: formula-like cell {key}={value!r}")
    return {unformula(r["Id"]) for r in node_rows}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__)
        return 2
    outdir, nodes, edges = args[0], int(args[1]), int(args[2])
    graphml = check_graphml(os.path.join(outdir, "graph.graphml"), nodes, edges, "--parallel" in sys.argv)
    gexf = check_gexf(os.path.join(outdir, "graph.gexf"), nodes, edges)
    json_ids, json_edges = check_json(outdir, nodes, edges)
    csv_ids = check_csv(outdir, nodes, edges)
    check(set(graphml.nodes) == set(gexf.nodes), "GraphML and GEXF disagree on node ids")
    check(set(graphml.nodes) == json_ids, "GraphML and graph.json disagree on node ids")
    check(set(graphml.nodes) == csv_ids, "GraphML and nodes.csv disagree on node ids")
    check(typed_edges(graphml, "type") == typed_edges(gexf, "type"), "GraphML and GEXF disagree on edges")
    check(typed_edges(graphml, "type") == json_edges, "GraphML and graph.json disagree on edges")
    check(weighted_edges(graphml) == weighted_edges(gexf), "GraphML and GEXF disagree on weights")
    labels = {n: d["label"] for n, d in graphml.nodes(data=True)}
    check(labels == {n: d["label"] for n, d in gexf.nodes(data=True)}, "GraphML and GEXF disagree on labels")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"networkx {nx.__version__}: {nodes} nodes, {edges} edges, {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
