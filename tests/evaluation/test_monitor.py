"""The monitor's scorer and gold sets (evaluation/monitor), and `python -m evaluation monitor`."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluation.monitor.scoring import (
    DEV2_PATH,
    DEV3_PATH,
    HELDOUT2_PATH,
    HELDOUT3_PATH,
    HELDOUT_PATH,
    _city_matches,
)
from solidarity.core.text import fold_for_search
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.places import default_gazetteer
from solidarity.monitor.pipeline.records import DocumentInput, SubEventType

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = datetime.date(2025, 3, 11)


def test_the_held_out_and_dev2_sets_are_well_formed_and_their_towns_are_in_the_gazetteer() -> None:
    gazetteer = default_gazetteer()
    kinds = {kind.value for kind in SubEventType}
    for path, at_least in (
        (HELDOUT_PATH, 40),
        (HELDOUT2_PATH, 100),
        (HELDOUT3_PATH, 100),
        (DEV2_PATH, 80),
        (DEV3_PATH, 80),
    ):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(records) >= at_least
        assert len({r["id"] for r in records}) == len(records)
        languages = [r["language"] for r in records]
        assert abs(languages.count("en") - languages.count("fa")) <= 2  # dev3: 42 and 44
        for record in records:
            datetime.date.fromisoformat(record["published"])
            for event in record["events"]:
                assert event["sub_event_type"] in kinds
                assert datetime.date.fromisoformat(event["date"]) <= datetime.date.fromisoformat(record["published"])
                if event["city"]:
                    towns = gazetteer.place_names.get(fold_for_search(event["city"].replace("-", " ")), [])
                    assert any(t.province_iso == event["province_iso"] for t in towns), event["city"]


def test_the_evaluator_matches_a_gold_town_in_another_transliteration() -> None:
    event = extract(DocumentInput(text="Workers in Asaluyeh went on strike on Monday.", published=PUBLISHED)).events[0]
    assert event.place is not None and event.place.geonameid in default_gazetteer().places_by_id
    assert _city_matches("Asaluyeh", event)
    assert not _city_matches("Bushehr", event)


@pytest.mark.slow
def test_the_command_without_data_skips_the_public_sets_and_scores_the_gold_sets(tmp_path: Path) -> None:
    """Run as a person does, from the repository root, with no Django settings in the environment."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-m", "evaluation", "monitor"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    for name, filename in (
        ("CASE 2021 dev", "case2021_task2_dev.tsv"),
        ("PLOVER GSR", "plover_gsr_cameo.json"),
        ("Arabic GSR", "arabic_protest_gsr_plover.csv"),
    ):
        assert f"SKIPPED {name}: no --data folder given, so no {filename} (the labelled sets are not shipped)" in lines
    assert lines[3].split() == ["dataset", "field", "P", "R", "F1", "tp/fp/fn", "target"]
    datasets = {line.split()[0] for line in lines[4:]}
    assert datasets == {
        "gold-templated",
        "gold-hand-dev",
        "gold-dev2",
        "gold-dev3",
        "gold-dev-retired-1",
        "gold-dev-retired-2",
        "gold-held-out-3",
    }
    assert len(lines[4:]) == 7 * 9  # nine fields per set
    assert any(line.startswith("gold-templated ") and "city exact" in line and "0.95 met" in line for line in lines)
