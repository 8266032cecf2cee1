"""Coordination benchmark: issuing and pledging 10,000 tokens, and a release of 100 × 500 cells.

Issuance (the server's partially blind signature, with the code spent in the database) stands
beside raw RFC 9474 blind signing (elections/blind.py) with a key of the same size, in the same
run. Pledging is the full service (signature check under the derived key, one insert) on SQLite in
a scratch directory; the release is the pure disclosure computation (bands, issuer rules,
complementary suppression) over synthetic counts.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench import support
from bench.table import Row

CHILD = r"""
import json, random, secrets, statistics, time
from datetime import timedelta
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from solidarity.coalition.models import Organization
from solidarity.core.models import User
from solidarity.coordination import disclosure, pbrsa, services
from solidarity.elections import blind

call_command("migrate", verbosity=0)
coordinators = []
for index in range(3):
    user = User.objects.create_user(username=f"c{index}", password=secrets.token_hex(8))
    user.groups.add(Group.objects.get_or_create(name="coordinator")[0])
    coordinators.append(user)
issuers = [
    Organization.objects.create(name_en=f"Issuer {i}", kind="civil", base="inside", status="member")
    for i in range(5)
]
now = timezone.now()
places = (("IR-23", "Tehran"), ("IR-03", "Tabriz"))
cells = [services.CellSpec(p, c, s, 100) for p, c in places for s in ("bazaar", "workers")]
campaign = services.propose_campaign(actor=coordinators[0], organization=issuers[0], slug="bench", title_en="Bench",
    title_fa="محک", action="strike", action_date=(now + timedelta(days=10)).date(), closes_at=now + timedelta(days=5),
    cells=cells, go_word="alpha bravo", abort_word="charlie delta")
services.approve_campaign(actor=coordinators[1], campaign=campaign)
services.approve_campaign(actor=coordinators[2], campaign=campaign)
started = time.perf_counter()
services.open_campaign(campaign_id=campaign.pk)
keygen = time.perf_counter() - started
campaign.refresh_from_db()
public = services.public_key(campaign)
codes = []
for cell in campaign.cells.all():
    for issuer in issuers:
        remaining = COUNT // 20 + 1
        while remaining > 0:
            batch = min(500, remaining)
            codes += services.issue_codes(actor=coordinators[0], cell=cell, issuer=issuer, count=batch)
            remaining -= batch
codes = codes[:COUNT]
pending = []
started = time.perf_counter()
for code in codes:
    info = services.code_info(campaign=campaign, code=code)
    prepared = secrets.token_bytes(64)
    pending.append((code, info, prepared, pbrsa.blind(public, prepared, info)))
client_blind = COUNT / (time.perf_counter() - started)
signed = []
started = time.perf_counter()
for code, info, prepared, blinding in pending:
    signed.append(services.redeem_code(campaign=campaign, code=code, blinded_message=blinding.blinded_message))
issuance = COUNT / (time.perf_counter() - started)
raw_key = blind.generate_signing_key()
raw_public = raw_key.public_key()
raw_messages = [blind.blind(raw_public, blind.prepare(secrets.token_bytes(32))).blinded_message for _ in range(COUNT)]
started = time.perf_counter()
for message in raw_messages:
    blind.blind_sign(raw_key, message)
raw = COUNT / (time.perf_counter() - started)
tokens = [(info, prepared, pbrsa.finalize(public, prepared, info, s, blinding.inverse))
          for (code, info, prepared, blinding), s in zip(pending, signed)]
latencies = []
started = time.perf_counter()
for info, prepared, signature in tokens:
    t0 = time.perf_counter()
    services.pledge(campaign=campaign, info=info, prepared=prepared, signature=signature)
    latencies.append(time.perf_counter() - t0)
pledges = COUNT / (time.perf_counter() - started)
p99 = statistics.quantiles(latencies, n=100)[98] * 1000
rng = random.Random(1)
synthetic = []
for c in range(CAMPAIGNS):
    synthetic.append([disclosure.CellCount(f"{c}-{i}", f"IR-{i % 31:02d}:{i // 31}", f"s{i % 7}", 50, n,
        {f"org{j}": n // 5 + (1 if j < n % 5 else 0) for j in range(5)}) for i, n in
        ((i, rng.choice([0, 3, 8, 12, 40, 90, 300])) for i in range(CELLS))])
started = time.perf_counter()
for counts in synthetic:
    disclosure.compute_release(counts)
release = time.perf_counter() - started
Path(OUT).write_text(json.dumps({"keygen": keygen, "client_blind": client_blind, "issuance": issuance, "raw": raw,
    "pledges": pledges, "p99": p99, "release": release}))
"""


def run(*, quick: bool) -> list[Row]:
    count = 500 if quick else 10_000
    campaigns, cells = (10, 100) if quick else (100, 500)
    with support.scratch_dir() as data_dir, tempfile.NamedTemporaryFile(suffix=".json") as out:
        env = support.environment(None, data_dir)
        prelude = (
            f"from pathlib import Path\nCOUNT = {count}\nCAMPAIGNS = {campaigns}\nCELLS = {cells}\nOUT = {out.name!r}\n"
        )
        support.django_run(prelude + CHILD, env)
        figures = json.loads(Path(out.name).read_text())
    name = "coordination"
    return [
        Row(name, "campaign key: two 1024-bit safe primes (OpenSSL)", figures["keygen"], "s"),
        Row(
            name,
            f"issue {count:,} tokens: partially blind sign + code spent (SQLite)",
            figures["issuance"],
            "tokens/s",
            "raw RFC 9474 blind sign, RSA-2048, same run",
            figures["raw"],
        ),
        Row(name, "pledger's blinding (derived exponent, Python client)", figures["client_blind"], "tokens/s"),
        Row(name, f"pledge {count:,} tokens: verify + insert (SQLite)", figures["pledges"], "accepted/s"),
        Row(name, "pledge latency p99", figures["p99"], "ms"),
        Row(name, f"release of {campaigns} campaigns × {cells} cells", figures["release"], "s"),
    ]
