"""Demo: the delegates deliberate on the coalition's principles; groups and common ground emerge."""

from __future__ import annotations

import math
from random import Random

from django.db import transaction

from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.deliberation import services
from solidarity.deliberation.models import Conversation, Statement
from solidarity.demo import DemoContext

# (English, Persian, economic loading, federal loading, base support). Loadings set how a
# delegate's position moves their vote; base support is what everyone shares.
STATEMENTS = [
    (
        "Free and fair elections, observed by independent monitors, must decide Iran's future.",
        "انتخابات آزاد و عادلانه با نظارت ناظران مستقل باید آینده ایران را تعیین کند.",
        0.0,
        0.0,
        2.6,
    ),
    ("The death penalty must be abolished.", "مجازات اعدام باید لغو شود.", 0.3, 0.2, 1.8),
    ("All political prisoners must be released at once.", "همه زندانیان سیاسی باید فوراً آزاد شوند.", 0.0, 0.0, 2.8),
    (
        "Women and men must be equal before the law, in marriage, inheritance and testimony.",
        "زنان و مردان باید در برابر قانون، در ازدواج، ارث و شهادت برابر باشند.",
        0.2,
        0.0,
        2.2,
    ),
    ("The state must be separate from religion.", "دولت باید از دین جدا باشد.", 0.2, 0.0, 1.6),
    ("The transition must be non-violent.", "گذار باید بدون خشونت باشد.", 0.0, 0.0, 2.4),
    (
        "Children must be able to learn in their mother tongue at school.",
        "کودکان باید بتوانند در مدرسه به زبان مادری خود آموزش ببینند.",
        0.2,
        1.6,
        1.0,
    ),
    (
        "Iran should become a federal state with autonomous regions.",
        "ایران باید به کشوری فدرال با مناطق خودگردان تبدیل شود.",
        0.3,
        2.6,
        -0.2,
    ),
    (
        "Persian must remain the only official language of the whole country.",
        "فارسی باید تنها زبان رسمی سراسر کشور بماند.",
        -0.3,
        -2.4,
        0.0,
    ),
    (
        "The people should choose between a republic and a parliamentary monarchy in a referendum.",
        "مردم باید در یک همه‌پرسی میان جمهوری و پادشاهی مشروطه انتخاب کنند.",
        -2.0,
        0.0,
        0.6,
    ),
    (
        "The future state must be a republic; the monarchy must not return.",
        "حکومت آینده باید جمهوری باشد؛ سلطنت نباید بازگردد.",
        2.4,
        0.4,
        0.0,
    ),
    ("Oil and gas must stay in public ownership.", "نفت و گاز باید در مالکیت عمومی بماند.", 2.2, 0.0, 0.2),
    (
        "State companies should be privatised to build a market economy.",
        "شرکت‌های دولتی باید برای ساختن اقتصاد بازار خصوصی شوند.",
        -2.2,
        0.0,
        0.0,
    ),
    (
        "Workers must have the right to form independent unions and to strike.",
        "کارگران باید حق تشکیل سندیکای مستقل و اعتصاب داشته باشند.",
        1.4,
        0.2,
        1.4,
    ),
    (
        "The revenues of each province should largely stay in that province.",
        "درآمدهای هر استان باید تا حد زیادی در همان استان بماند.",
        0.2,
        2.0,
        0.0,
    ),
    (
        "Those responsible for killing protesters must face fair trials.",
        "مسئولان کشتار معترضان باید در دادگاه‌های عادلانه محاکمه شوند.",
        0.0,
        0.0,
        2.5,
    ),
    (
        "The press and the internet must be free of censorship.",
        "مطبوعات و اینترنت باید بدون سانسور باشند.",
        0.0,
        0.0,
        2.3,
    ),
    (
        "Religious minorities, including Baha'is, must have full civil rights.",
        "اقلیت‌های دینی، از جمله بهائیان، باید از حقوق شهروندی کامل برخوردار باشند.",
        0.3,
        0.3,
        1.7,
    ),
    (
        "A strong central government is needed to keep the country together.",
        "برای حفظ یکپارچگی کشور به دولت مرکزی قوی نیاز است.",
        -0.8,
        -2.2,
        0.2,
    ),
    (
        "A constituent assembly, elected by all, should write the new constitution.",
        "مجلس مؤسسانی که همه انتخاب می‌کنند باید قانون اساسی جدید را بنویسد.",
        0.2,
        0.2,
        2.0,
    ),
]

ECONOMIC = {
    "socialist": 1.6,
    "social-democrat": 1.0,
    "federalist": 0.6,
    "republican": 0.6,
    "liberal-democrat": -0.6,
    "non-partisan": 0.0,
    "nationalist": -1.2,
    "parliamentary-monarchist": -1.7,
}
FEDERAL_TIES = {
    "kurdish": 1.8,
    "baluch": 1.8,
    "arab": 1.5,
    "azerbaijani": 1.2,
    "turkmen": 1.4,
    "lur": 0.6,
    "gilak-mazandarani": 0.4,
    "persian": -1.2,
}

PARTICIPANTS = 80
# Delegates vote in rounds of this many, one transaction a round: the results are recomputed once a
# round (8 versions, as the recompute throttle gives a live conversation), not once a vote.
ROUND = 10
SUBMITTED = [
    ("Local councils should be elected in every city and village.", "en"),
    ("باید کمیسیون حقیقت‌یاب برای جنایات چهل سال گذشته تشکیل شود.", "fa"),
    ("Buy cheap followers here!!!", "en"),
]


def _position(delegate: Delegate) -> tuple[float, float]:
    economic, federal, counted_e, counted_f = 0.0, 0.0, 0, 0
    for organization in delegate.organizations.all():
        for term in organization.families.all():
            if term.slug in ECONOMIC:
                economic += ECONOMIC[term.slug]
                counted_e += 1
                if term.slug == "federalist":
                    federal += 1.5
                    counted_f += 1
        for term in organization.ties.all():
            if term.slug in FEDERAL_TIES:
                federal += FEDERAL_TIES[term.slug]
                counted_f += 1
    return economic / max(counted_e, 1), (federal / counted_f if counted_f else -0.3)


def _vote_round(conversation: Conversation, statements: list[Statement], delegates: list[Delegate], rng: Random) -> int:
    """Each delegate of the round joins and votes on 9–14 statements, as their position leans."""
    votes = 0
    for delegate in delegates:
        economic, federal = _position(delegate)
        economic += rng.gauss(0, 0.4)
        federal += rng.gauss(0, 0.4)
        participant = services.join(conversation=conversation, user=delegate.user, delegate=delegate)
        chosen = rng.sample(statements, k=min(len(statements), rng.randint(9, 14)))
        for statement in chosen:
            _en, _fa, load_e, load_f, base = STATEMENTS[statement.number]
            score = base + load_e * economic + load_f * federal
            agree = 1 / (1 + math.exp(-score))
            draw = rng.random()
            value = 0 if draw < 0.08 else (1 if rng.random() < agree else -1)
            services.cast_vote(participant=participant, statement=statement, value=value)
            votes += 1
    return votes


def build(context: DemoContext) -> None:
    rng = context.rng
    users = context.shared.get("users", {})
    organizer = users.get("organizer") or User.objects.get(username="organizer")
    moderator = users.get("moderator") or User.objects.get(username="moderator")
    conversation = services.open_conversation(
        organizer=organizer,
        topic_en="The coalition's principles",
        topic_fa="اصول ائتلاف",
        question_en="What should every member of the coalition be able to stand behind?",
        question_fa="همه اعضای ائتلاف پشت چه اصولی می‌توانند بایستند؟",
        participation=Conversation.Participation.DELEGATES,
        seed_statements=[services.SeedStatement(en, "en", fa) for en, fa, *_ in STATEMENTS],
        seed=2026,
    )
    statements = list(conversation.statements.order_by("number"))
    delegates = list(
        Delegate.objects.filter(is_accredited=True)
        .prefetch_related("organizations__families", "organizations__ties")
        .order_by("pk")
    )
    # Eighty delegates take part, so the demo holds a few hundred votes.
    delegates = sorted(rng.sample(delegates, k=min(PARTICIPANTS, len(delegates))), key=lambda d: d.pk)
    votes = 0
    for start in range(0, len(delegates), ROUND):
        with transaction.atomic():
            votes += _vote_round(conversation, statements, delegates[start : start + ROUND], rng)
    # statements from the floor, for the moderation queue
    authors = [services.join(conversation=conversation, delegate=d) for d in delegates[:3]]
    submitted = [
        services.submit_statement(participant=author, text=text, language=language)
        for author, (text, language) in zip(authors, SUBMITTED, strict=False)
    ]
    if len(submitted) == len(SUBMITTED):
        services.moderate_statement(statement=submitted[2], moderator=moderator, decision="reject")
    result = services.compute_results(conversation=conversation)
    charter = services.create_charter(
        organizer=organizer,
        title_en="Charter of the coalition (draft)",
        title_fa="منشور ائتلاف (پیش‌نویس)",
        conversation=conversation,
    )
    common = result.report.get("common_ground", [])[:5] if result is not None else []
    for number in common:
        services.add_to_charter(
            charter=charter, statement=conversation.statements.get(number=number), organizer=organizer
        )
    groups = result.report.get("k", 0) if result is not None else 0
    context.notes.append(
        f"deliberation: {len(delegates)} delegates cast {votes} votes, {groups} groups, "
        f"charter with {len(common)} statements"
    )
