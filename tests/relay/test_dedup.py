"""Near-duplicate clustering: a flood becomes one cluster with a count."""

from __future__ import annotations

import json
from collections import defaultdict

from solidarity.relay import dedup
from solidarity.relay.screening import matching_key
from tests.relay.test_screening import corpus


def test_flood_with_edits_becomes_one_cluster() -> None:
    clusterer = dedup.Clusterer()
    template = "Hot girls in Tehran want to date you tonight, message me on telegram"
    variants = [template, template + "!!", template.upper(), "😍 " + template, template.replace("tonight", "today")]
    for i in range(200):
        clusterer.add(f"f{i}", matching_key(variants[i % len(variants)] + " " * (i % 3)))
    clusterer.add("clean", matching_key("We stand with the brave people of Iran"))
    largest = clusterer.largest(1)[0]
    assert largest.count == 200
    assert clusterer.cluster_of("clean").count == 1


def test_corpus_floods_cluster_by_template() -> None:
    rows = [r for r in corpus() if r.get("flood")]
    clusterer = dedup.Clusterer()
    for i, row in enumerate(rows):
        clusterer.add(str(i), matching_key(row["text"]))
    by_flood: dict[str, set[str]] = defaultdict(set)
    for i, row in enumerate(rows):
        by_flood[row["flood"]].add(clusterer.cluster_of(str(i)).representative)
    assert all(len(clusters) == 1 for clusters in by_flood.values()), json.dumps(
        {k: len(v) for k, v in by_flood.items()}
    )
    assert len({next(iter(v)) for v in by_flood.values()}) == len(by_flood)


def test_distinct_messages_stay_apart() -> None:
    clusterer = dedup.Clusterer()
    texts = [r["text"] for r in corpus() if r["kind"] == "clean"]
    for i, text in enumerate(texts):
        clusterer.add(str(i), matching_key(text))
    assert len(clusterer.clusters) >= len(texts) - 2


def test_band_keys_find_the_same_candidates_across_processes() -> None:
    a = dedup.signature(matching_key("Hot girls in Tehran want to date you tonight"))
    b = dedup.signature(matching_key("Hot girls in Tehran want to date you tonight!!! 😍"))
    c = dedup.signature(matching_key("We stand with the brave people of Iran"))
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(b))
    assert not set(dedup.band_keys(a)) & set(dedup.band_keys(c))
    assert dedup.similarity(a, dedup.from_bytes(dedup.signature_bytes(a))) == 1.0
    assert all(0 <= key < 2**63 for key in dedup.band_keys(a))
