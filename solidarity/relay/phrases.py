"""Solidarity phrases by meaning in twelve languages, for the demo and the benchmark (no Django).

A demo message is composed from meanings, so its English and Persian translations can be composed
from the same meanings: the demo never shows invented text as a translation.
"""

from __future__ import annotations

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
WEIGHTS = {"en": 30, "fa": 25, "de": 8, "fr": 7, "es": 7, "it": 4, "pt": 4, "nl": 3, "sv": 3, "tr": 3, "ar": 3, "ru": 3}
Meaning = tuple[str, tuple[str, ...], str, int]  # opener, bodies, city, serial


def compose(language: str, meaning: Meaning) -> str:
    """Write a meaning in a language: the original message, or its faithful translation."""
    opener, bodies, city, serial = meaning
    separator = "، " if language in {"fa", "ar"} else ", "
    lines = separator.join(BODIES[key][language] for key in bodies)
    place = FROM[language].format(city=city)
    return f"{OPENERS[opener][language]} {lines}. {place}. ({serial})"
