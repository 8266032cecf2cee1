"""Relay demo: about 5,000 invented messages in a dozen languages, with spam, ads and a flood.

Everything goes through the services: submission, screening (with clusters), moderation,
translation, two radio bulletins and one daily bundle approved by two moderators and signed with
the demo's offline key (kept outside the database, in <data dir>/offline-keys/).
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from solidarity.core.models import User
from solidarity.demo import DemoContext
from solidarity.relay import conf, services
from solidarity.relay.channels import bundle
from solidarity.relay.models import Message, Transmission
from solidarity.relay.phrases import BODIES, OPENERS, PLACES, WEIGHTS, Meaning, compose

NAMES = ["Ana", "Jonas", "Mina", "Léa", "Tomás", "Yuki", "Sara", "Omar", "Ingrid", "Paulo", "Elif", "Nour", "Katya", ""]
SPAM = [
    "Cheap VPN for Iran, best price, buy now at fastvpn-{n}.com",
    "Invest in Bitcoin today and double your money, contact telegram: @coin{n}",
    "Work from home and earn money ${n}00 per day, click here",
    "خرید فالوور اینستاگرام با تخفیف ویژه، آیدی: shop{n}",
    "Congratulations you have won a prize! Claim your reward at prize{n}.net",
    "Free USDT airdrop number {n}! Connect your wallet now",
]
FLOOD = "Lonely? Hot girls in Tehran want to meet you tonight, message me on telegram @hotgirls"
FINGLISH = [
    "salam be hamvatanaye aziz, ma ba shoma hastim",
    "zan zendegi azadi! tanha nistid",
    "dorood bar mardome shojaa iran",
]


def _make_submissions(rng: random.Random, total: int) -> list[tuple[services.Submission, Meaning | None]]:
    languages = list(WEIGHTS)
    weights = [WEIGHTS[code] for code in languages]
    made: list[tuple[services.Submission, Meaning | None]] = []
    flood_size = total // 6
    spam_size = total // 12
    finglish_size = total // 50
    for serial in range(total - flood_size - spam_size - finglish_size):
        language = rng.choices(languages, weights)[0]
        country, city = rng.choice(PLACES[language])
        meaning: Meaning = (
            rng.choice(list(OPENERS)),
            tuple(rng.sample(list(BODIES), k=rng.choice([1, 2, 3]))),
            city,
            serial,
        )
        submission = services.Submission(
            text=compose(language, meaning), display_name=rng.choice(NAMES), country=country, city=city, consent=True
        )
        made.append((submission, meaning))
    for serial in range(spam_size):
        made.append((services.Submission(text=rng.choice(SPAM).format(n=serial), consent=True), None))
    for serial in range(flood_size):
        tail = rng.choice(["", "!", "!!", " 😍", " now", "  ", " ❤"])
        made.append(
            (services.Submission(text=(FLOOD.upper() if serial % 9 == 0 else FLOOD) + tail, consent=True), None)
        )
    for serial in range(finglish_size):
        made.append((services.Submission(text=f"{rng.choice(FINGLISH)} ({serial})", consent=True), None))
    rng.shuffle(made)
    return made


def build(context: DemoContext, *, total: int = 5000) -> None:
    rng = context.rng
    users: dict[str, User] = context.shared.get("users", {})
    moderator = users.get("moderator") or User.objects.get(username="moderator")
    moderator2 = users.get("moderator2") or User.objects.get(username="moderator2")
    translator = users.get("translator") or User.objects.get(username="translator")
    submissions = _make_submissions(rng, total)
    meanings: dict[int, tuple[str, Meaning]] = {}
    start = timezone.now() - timedelta(days=3)
    context.progress(f"relay: {len(submissions)} submissions, screened and clustered")
    for chunk_start in range(0, len(submissions), 500):
        ids = []
        with transaction.atomic():
            for submission, meaning in submissions[chunk_start : chunk_start + 500]:
                message = services.submit_message(submission=submission, queue_screening=False)
                if meaning is not None:
                    meanings[message.pk] = (_language_of(submission.text), meaning)
                ids.append(message.pk)
            # Spread the demo over three days, one step a chunk (one UPDATE, not one a row).
            Message.objects.filter(pk__in=ids).update(created_at=start + timedelta(minutes=7 * chunk_start // 50))
        services.screen_messages(message_ids=ids)
    screened = list(Message.objects.filter(status=Message.Status.SCREENED).order_by("id").values_list("id", flat=True))
    # Moderators approve most screened messages, reject the flood and most spam, leave some open.
    services.decide_messages(
        message_ids=screened[: int(len(screened) * 0.9)], moderator=moderator, decision="approve", reason="fine"
    )
    held = Message.objects.filter(status=Message.Status.HELD)
    flood = held.filter(text__icontains="hot girls").values_list("id", flat=True)[:1]
    services.decide_messages(
        message_ids=list(flood), moderator=moderator2, decision="reject", reason="dating", whole_clusters=True
    )
    spam_ids = list(held.filter(screening_reasons__icontains="commercial").values_list("id", flat=True)[:150])
    services.decide_messages(message_ids=spam_ids, moderator=moderator2, decision="reject", reason="commercial")
    context.progress("relay: translations")
    published = Message.objects.filter(is_published=True).order_by("id")
    translated = 0
    for message in published.filter(pk__in=list(meanings)).iterator():
        if translated >= 150:
            break
        written_in, meaning = meanings[message.pk]
        target = "en" if written_in == "fa" else "fa"
        if message.language == target:
            continue
        services.translate_message(
            message=message, language=target, text=compose(target, meaning), translator=translator
        )
        translated += 1
    context.progress("relay: two bulletins and one signed bundle")
    today = timezone.localdate()
    for day in (today - timedelta(days=1), today):
        bulletin = services.create_transmission(kind=Transmission.Kind.BULLETIN, day=day, moderator=moderator)
        services.build_transmission(transmission_id=bulletin.pk)
        services.approve_transmission(transmission=bulletin, moderator=moderator)
        services.approve_transmission(transmission=bulletin, moderator=moderator2)
    daily = services.create_transmission(kind=Transmission.Kind.BUNDLE, day=today, moderator=moderator)
    services.build_transmission(transmission_id=daily.pk)
    services.approve_transmission(transmission=daily, moderator=moderator)
    services.approve_transmission(transmission=daily, moderator=moderator2)
    daily.refresh_from_db()
    key_path = conf.offline_keys_dir() / "relay-signing.key"
    if key_path.exists():  # the demo's own offline key; a real deployment signs on another machine
        signed = bundle.sign_bundle(services.unsigned_path(daily).read_bytes(), bundle.load_signing_key(key_path))
        services.attach_signature(transmission=daily, signed_data=signed, actor=moderator2)
    context.notes.append(
        f"relay: {Message.objects.count()} messages; bundle #{daily.pk} signed by {conf.signing_fingerprint()}; "
        f"DEMO private keys in {conf.offline_keys_dir()} (never on a real server)"
    )


def _language_of(text: str) -> str:
    """Return the demo language a composed text was written in (by its opener)."""
    for openers in OPENERS.values():
        for language, opener in openers.items():
            if text.startswith(opener):
                return language
    return "und"
