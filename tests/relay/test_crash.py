"""A screening worker killed with SIGKILL mid-batch: `relay resume` finishes with no loss and no duplicate.

Unlike the in-process test that raises inside the transaction (test_services), this kills a real
process on a real SQLite file while it screens, then resumes in another process.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COUNT = 400
FLOOD = "Lonely? Hot girls in Tehran want to meet you tonight, message me on telegram @hotgirls"
WORKER = f"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from solidarity.relay import services
from solidarity.relay.models import Message
for i in range({COUNT}):
    text = {FLOOD!r} + "!" * (i % 4) if i % 2 else f"We stand with you, people of Iran. Message {{i}} from far away."
    services.submit_message(submission=services.Submission(text=text, consent=True), queue_screening=False)
ids = list(Message.objects.order_by("id").values_list("id", flat=True))
print("stored", flush=True)
for start in range(0, len(ids), 10):
    services.screen_messages(message_ids=ids[start : start + 10])
    print("batch", flush=True)
"""


@pytest.mark.slow
def test_worker_killed_while_screening_resumes_without_loss_or_duplicate(tmp_path: Path) -> None:
    database = tmp_path / "crash.sqlite3"
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "solidarity.settings",
        "SOLIDARITY_ENV": "test",
        "SOLIDARITY_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{database}",
        "SOLIDARITY_JOBS": "immediate",
    }
    environment.pop("REDIS_URL", None)
    worker = subprocess.Popen(  # noqa: S603  # a fixed argument list running our own program, no shell
        [sys.executable, "-c", WORKER], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True
    )
    assert worker.stdout is not None
    try:
        assert worker.stdout.readline().strip() == "stored"
        for _ in range(3):  # let it commit a few batches, then kill it in the middle of the next ones
            assert worker.stdout.readline().strip() == "batch"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        worker.stdout.close()
    with sqlite3.connect(database, timeout=30) as db:
        waiting = db.execute("SELECT COUNT(*) FROM relay_message WHERE status = 'received'").fetchone()[0]
    assert 0 < waiting < COUNT - 20  # the kill landed while screening was under way
    subprocess.run(  # fixed argument list, no shell
        [sys.executable, "manage.py", "relay", "resume"], cwd=ROOT, env=environment, check=True, capture_output=True
    )
    with sqlite3.connect(database, timeout=30) as db:
        total, received = db.execute("SELECT COUNT(*), SUM(status = 'received') FROM relay_message").fetchone()
        bands_per_message = {row[0] for row in db.execute("SELECT COUNT(*) FROM relay_messageband GROUP BY message_id")}
        unbanded = db.execute(
            "SELECT COUNT(*) FROM relay_message WHERE id NOT IN (SELECT message_id FROM relay_messageband)"
        ).fetchone()[0]
        cluster_sum, clustered = db.execute(
            "SELECT (SELECT SUM(size) FROM relay_cluster), COUNT(cluster_id) FROM relay_message"
        ).fetchone()
        flood_clusters = db.execute(
            "SELECT COUNT(DISTINCT cluster_id), COUNT(*) FROM relay_message WHERE text LIKE 'Lonely? Hot girls%'"
        ).fetchone()
        flood_size = db.execute(
            "SELECT size FROM relay_cluster WHERE id = (SELECT cluster_id FROM relay_message"
            " WHERE text LIKE 'Lonely? Hot girls%' LIMIT 1)"
        ).fetchone()[0]
    assert total == COUNT  # nothing lost, nothing stored twice
    assert received == 0  # everything screened
    assert bands_per_message == {16} and unbanded == 0  # each message banded exactly once
    assert cluster_sum == clustered == COUNT  # no message counted twice in a cluster
    assert flood_clusters == (1, COUNT // 2)  # copies before and after the kill are one cluster
    assert flood_size == COUNT // 2
