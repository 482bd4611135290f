#!/usr/bin/env python3
"""Writes an assertion JSON Lines file (DESIGN.md section 6) with N assertions, for the store
load bench: store_bench.sh. Deterministic for a given N and seed; four assertions per dispatch,
over a few hundred actors, with French text so that literals hold non-ASCII characters."""
import json
import random
import sys

TYPES = ["supports", "allied-with", "mediates", "accuses"]
MODALITIES = ["asserted", "asserted", "claimed", "offered", "denied"]


def actor(i):
    return {"id": f"state/S{i:03d}", "label": f"État {i}", "code": f"S{i:03d}", "kind": "State",
            "aliases": [f"Capitale {i}"]}


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    out = sys.stdout
    for d in range((total + 3) // 4):
        n = min(4, total - 4 * d)
        relations = []
        for k in range(n):
            s, t = rng.sample(range(300), 2)
            modality = rng.choice(MODALITIES)
            relations.append({
                "type": rng.choice(TYPES), "source": actor(s), "target": actor(t),
                "polarity": "negated" if rng.random() < 0.05 else "positive",
                "modality": modality, "speaker": actor(rng.randrange(300)) if modality == "claimed" else None,
                "sentence": k, "span": [10 * k, 10 * k + 8], "trigger": "soutient",
                "evidence": f"L'État {s} « soutient » l'État {t}, selon la dépêche n°{d}.",
                "rule": "fr.supports.active", "confidence": 0.9, "rolled_up_from": None})
        record = {"id": f"bench-{d:06d}", "date": f"20{10 + d % 14}-{1 + d % 12:02d}-{1 + d % 28:02d}",
                  "lang": "fr", "agency": "AFP", "title": f"Dépêche {d}", "relations": relations,
                  "actors": []}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
