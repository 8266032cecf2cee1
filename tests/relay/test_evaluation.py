"""The relay evaluation reads its labelled data and measures screening on it."""

from __future__ import annotations

from evaluation.relay import PARTS, Example, evaluate, load, report


def test_parts_are_disjoint_and_labelled() -> None:
    dev, blind = (load(part) for part in PARTS)
    assert dev and blind
    assert not {e.text for e in dev} & {e.text for e in blind}
    assert {e.label for e in dev + blind} == {"spam", "genuine"}
    assert len(load("all")) == len(dev) + len(blind)


def test_tallies_count_holds_and_passes() -> None:
    examples = [
        Example("spam", "URGENT! You have won a prize, call 09061701461 now", "t"),
        Example("genuine", "We stand with you. Woman, life, freedom.", "t"),
    ]
    tallies = evaluate(examples)
    assert tallies["all"].spam == 1 and tallies["all"].spam_held == 1
    assert tallies["all"].genuine == 1 and tallies["all"].genuine_passed == 1
    assert "phone" in tallies["all"].reasons
    assert "all" in report(tallies)


def test_files_added_with_the_classifier_keep_their_hash_split() -> None:
    """The files added in 2026-12 were split by sha256(text) % 3 == 0 before their first run."""
    import hashlib

    names = ["genuine_public.tsv", "youtube_spam_uci.tsv", "genuine_public_2.tsv"]
    names += ["sms_spam_uci_2.tsv", "sms_spam_uci_3.tsv", "genuine_open_licence.tsv"]
    for name in names:
        for part in PARTS:
            rows = [e for e in load(part) if e.source == name]
            assert rows, (name, part)
            for example in rows:
                blind = int(hashlib.sha256(example.text.encode()).hexdigest(), 16) % 3 == 0
                assert blind == (part == "blind"), example.text


def test_every_public_statement_names_its_source() -> None:
    import csv

    from evaluation.relay import DATA

    for part, name in ((p, n) for p in PARTS for n in ("genuine_public.tsv", "genuine_public_2.tsv")):
        with (DATA / part / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                assert row["source"], row


def test_every_open_licence_statement_names_its_source_and_licence() -> None:
    """genuine_open_licence.tsv may be redistributed: each line says where it was read and under which licence."""
    import csv

    from evaluation.relay import DATA

    known = ("public domain", "Open Government Licence v3.0", "Open Parliament Licence v3.0", "European Union")
    for part in PARTS:
        with (DATA / part / "genuine_open_licence.tsv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert rows
        for row in rows:
            assert row["label"] == "genuine" and row["source"], row
            assert any(name in row["licence"] for name in known), row


def test_the_real_persian_spam_names_its_source_and_licence() -> None:
    examples = [e for e in load("dev") if e.source == "fa_spam_sms_mit.tsv"]
    assert len(examples) == 5 and {e.label for e in examples} == {"spam"}
    import csv

    from evaluation.relay import DATA

    with (DATA / "dev" / "fa_spam_sms_mit.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            assert "AmirLavasani/SpamDetection" in row["source"] and row["licence"].startswith("MIT"), row


def test_the_second_open_licence_batch_is_blind_only_and_names_source_and_licence() -> None:
    """genuine_open_licence_2.tsv is a blind batch (none of it in dev, none of it trained on), each line attributed."""
    import csv

    from evaluation.relay import DATA

    assert not (DATA / "dev" / "genuine_open_licence_2.tsv").exists()
    with (DATA / "blind" / "genuine_open_licence_2.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 25
    known = ("public domain", "Open Government Licence v3.0", "Open Parliament Licence v3.0")
    for row in rows:
        assert row["label"] == "genuine" and row["source"].strip(), row
        assert any(name in row["licence"] for name in known), row
    others = {e.text for e in load("all") if e.source != "genuine_open_licence_2.tsv"}
    assert not {row["text"] for row in rows} & others
