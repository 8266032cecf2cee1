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

# Phrases by meaning, in each demo language: a message is composed from them, so its English and
# Persian translations are composed from the same meanings (never invented text).
OPENERS = {
    "people": {
        "en": "To the people of Iran:",
        "fa": "به مردم ایران:",
        "de": "An die Menschen im Iran:",
        "fr": "Au peuple iranien :",
        "es": "Al pueblo de Irán:",
        "it": "Al popolo iraniano:",
        "pt": "Ao povo do Irã:",
        "nl": "Aan de mensen in Iran:",
        "sv": "Till folket i Iran:",
        "tr": "İran halkına:",
        "ar": "إلى شعب إيران:",
        "ru": "Народу Ирана:",
    },
    "friends": {
        "en": "Dear friends in Iran,",
        "fa": "دوستان عزیز در ایران،",
        "de": "Liebe Freunde im Iran,",
        "fr": "Chers amis en Iran,",
        "es": "Queridos amigos en Irán,",
        "it": "Cari amici in Iran,",
        "pt": "Queridos amigos no Irã,",
        "nl": "Lieve vrienden in Iran,",
        "sv": "Kära vänner i Iran,",
        "tr": "İran'daki sevgili dostlar,",
        "ar": "أصدقاؤنا الأعزاء في إيران،",
        "ru": "Дорогие друзья в Иране,",
    },
    "women": {
        "en": "To the brave women of Iran,",
        "fa": "به زنان شجاع ایران،",
        "de": "An die mutigen Frauen im Iran,",
        "fr": "Aux femmes courageuses d'Iran,",
        "es": "A las valientes mujeres de Irán,",
        "it": "Alle donne coraggiose dell'Iran,",
        "pt": "Às mulheres corajosas do Irã,",
        "nl": "Aan de moedige vrouwen van Iran,",
        "sv": "Till de modiga kvinnorna i Iran,",
        "tr": "İran'ın cesur kadınlarına,",
        "ar": "إلى نساء إيران الشجاعات،",
        "ru": "Смелым женщинам Ирана,",
    },
}
BODIES = {
    "with_you": {"en": "we stand with you", "fa": "ما با شما هستیم", "de": "wir stehen an eurer Seite",
                 "fr": "nous sommes avec vous", "es": "estamos con ustedes", "it": "siamo con voi",
                 "pt": "estamos convosco", "nl": "wij staan naast jullie", "sv": "vi står med er",
                 "tr": "yanınızdayız", "ar": "نحن معكم", "ru": "мы с вами"},
    "hope": {"en": "your courage gives us hope", "fa": "شجاعت شما به ما امید می‌دهد", "de": "euer Mut gibt uns Hoffnung",
             "fr": "votre courage nous donne de l'espoir", "es": "su valentía nos da esperanza",
             "it": "il vostro coraggio ci dà speranza", "pt": "a vossa coragem dá-nos esperança",
             "nl": "jullie moed geeft ons hoop", "sv": "ert mod ger oss hopp", "tr": "cesaretiniz bize umut veriyor",
             "ar": "شجاعتكم تمنحنا الأمل", "ru": "ваше мужество даёт нам надежду"},
    "alone": {"en": "you are not alone", "fa": "شما تنها نیستید", "de": "ihr seid nicht allein",
              "fr": "vous n'êtes pas seuls", "es": "no están solos", "it": "non siete soli",
              "pt": "não estão sozinhos", "nl": "jullie zijn niet alleen", "sv": "ni är inte ensamma",
              "tr": "yalnız değilsiniz", "ar": "لستم وحدكم", "ru": "вы не одни"},
    "slogan": {"en": "woman, life, freedom", "fa": "زن، زندگی، آزادی", "de": "Frau, Leben, Freiheit",
               "fr": "femme, vie, liberté", "es": "mujer, vida, libertad", "it": "donna, vita, libertà",
               "pt": "mulher, vida, liberdade", "nl": "vrouw, leven, vrijheid", "sv": "kvinna, liv, frihet",
               "tr": "kadın, yaşam, özgürlük", "ar": "المرأة، الحياة، الحرية", "ru": "женщина, жизнь, свобода"},
    "march": {"en": "we march for your freedom every week", "fa": "هر هفته برای آزادی شما راهپیمایی می‌کنیم",
              "de": "wir demonstrieren jede Woche für eure Freiheit",
              "fr": "nous manifestons chaque semaine pour votre liberté",
              "es": "marchamos cada semana por su libertad", "it": "marciamo ogni settimana per la vostra libertà",
              "pt": "marchamos todas as semanas pela vossa liberdade", "nl": "wij lopen elke week voor jullie vrijheid",
              "sv": "vi demonstrerar varje vecka för er frihet", "tr": "her hafta özgürlüğünüz için yürüyoruz",
              "ar": "نسير كل أسبوع من أجل حريتكم", "ru": "каждую неделю мы выходим за вашу свободу"},
    "voice": {"en": "the whole world hears your voice", "fa": "همهٔ جهان صدای شما را می‌شنود",
              "de": "die ganze Welt hört eure Stimme", "fr": "le monde entier entend votre voix",
              "es": "el mundo entero escucha su voz", "it": "il mondo intero sente la vostra voce",
              "pt": "o mundo inteiro ouve a vossa voz", "nl": "de hele wereld hoort jullie stem",
              "sv": "hela världen hör er röst", "tr": "bütün dünya sesinizi duyuyor",
              "ar": "العالم كله يسمع صوتكم", "ru": "весь мир слышит ваш голос"},
}  # fmt: skip
FROM = {"en": "From {city}", "fa": "از {city}", "de": "Aus {city}", "fr": "Depuis {city}", "es": "Desde {city}",
        "it": "Da {city}", "pt": "De {city}", "nl": "Uit {city}", "sv": "Från {city}", "tr": "{city}'den",
        "ar": "من {city}", "ru": "Из города {city}"}  # fmt: skip
PLACES = {
    "en": [("GB", "Leeds"), ("US", "Portland"), ("CA", "Halifax"), ("AU", "Hobart"), ("IE", "Galway")],
    "fa": [("DE", "Köln"), ("CA", "Toronto"), ("SE", "Göteborg"), ("US", "Irvine"), ("GB", "London")],
    "de": [("DE", "Leipzig"), ("AT", "Graz"), ("CH", "Basel")],
    "fr": [("FR", "Lyon"), ("BE", "Liège")],
    "es": [("ES", "Valencia"), ("AR", "Rosario"), ("MX", "Puebla")],
    "it": [("IT", "Torino")],
    "pt": [("PT", "Porto"), ("BR", "Recife")],
    "nl": [("NL", "Utrecht")],
    "sv": [("SE", "Uppsala")],
    "tr": [("TR", "İzmir")],
    "ar": [("LB", "Beirut"), ("JO", "Irbid")],
    "ru": [("GE", "Batumi")],
}
NAMES = ["Ana", "Jonas", "Mina", "Léa", "Tomás", "Yuki", "Sara", "Omar", "Ingrid", "Paulo", "Elif", "Nour", "Katya", ""]
WEIGHTS = {"en": 30, "fa": 25, "de": 8, "fr": 7, "es": 7, "it": 4, "pt": 4, "nl": 3, "sv": 3, "tr": 3, "ar": 3, "ru": 3}
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

Meaning = tuple[str, tuple[str, ...], str, int]  # opener, bodies, city, serial


def compose(language: str, meaning: Meaning) -> str:
    """Write a meaning in a language: the original message, or its faithful translation."""
    opener, bodies, city, serial = meaning
    separator = "، " if language in {"fa", "ar"} else ", "
    lines = separator.join(BODIES[key][language] for key in bodies)
    place = FROM[language].format(city=city)
    return f"{OPENERS[opener][language]} {lines}. {place}. ({serial})"


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
