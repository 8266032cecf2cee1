"""Geocode place names against the shipped offline gazetteer of Iran (GeoNames + OSM provinces).

Plain dictionary lookup takes ordinary words for towns ("bank" → Banak, "did" → Kord), so a
mention needs support: a cue word ("in", "در", "شهر", "استان"), a capital letter in English,
a population prior (small towns need a cue) and a stop-list of words that are towns only rarely.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path

from solidarity.core import months
from solidarity.core.text import fold_for_search, fold_letters
from solidarity.monitor.pipeline.records import Evidence, PlaceValue

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Words that are also the names of small places; never a place without a cue word, and
# some (the first set) never at all.
STOP_FA = frozenset(
    [
        "بانک",
        "کرد",
        "دار",
        "باغ",
        "سر",
        "ده",
        "آب",
        "کار",
        "بار",
        "نور",
        "امام",
        "مرکز",
        "شهر",
        "استان",
        "روز",
        "سال",
        "ماه",
        "هفته",
        "کوی",
        "میدان",
        "خیابان",
        "بازار",
        "دولت",
        "مجلس",
        "ملت",
        "مردم",
        "حق",
        "کشور",
        "دانشگاه",
        "پل",
        "چشمه",
        "چاه",
        "قلعه",
        "آباد",
        "تازه",
        "نو",
        "کهنه",
        "بالا",
        "پایین",
        "وسط",
        "شرق",
        "غرب",
        "شمال",
        "جنوب",
        "مقابل",
        "جلوی",
        "برابر",
        "پیش",
        "پس",
        "کنار",
        "حسن",
        "علی",
        "محمد",
        "رضا",
        "ولی",
        "کریم",
        "نظر",
        "امید",
        "صفا",
        "وفا",
        "آزادی",
        "انقلاب",
        "بهار",
        "پاییز",
        "زمستان",
        "تابستان",
        "گل",
        "سبز",
        "سفید",
        "سیاه",
        "سرخ",
        "زرد",
        "دشت",
        "کوه",
        "رود",
        "دریا",
        "بندر",
        "جزیره",
        "شیر",
        "گاو",
        "اسب",
        "خانه",
        "مدرسه",
        "معلم",
        "کارگر",
        "بیمارستان",
        "نیرو",
        "پلیس",
        "نیک",
        "قدس",
        "اسلام",
        "جمهوری",
        "خمینی",
        "رباط",
        "فرهنگ",
        "عدالت",
        "سلامت",
        "ایمان",
        "امین",
        "زمان",
        "ساعت",
        "اول",
        "دوم",
        "سوم",
        "حسین",
        "مهدی",
        "کمال",
        "جمال",
        "جلال",
        "سعادت",
        "شهید",
        "آزاد",
        "سرو",
        "لاله",
        "نرگس",
        "باران",
        "حمید",
        "سعید",
    ]
)
# Countries and cities beyond Iran's borders whose names GeoNames also gives a village of Iran
# ("Baghdad" → Baghdādeh, "Iraq" → Arāk): never a town of Iran, cue word or not.
FOREIGN = frozenset(
    [
        "iraq", "baghdad", "basra", "karbala", "kabul", "afghanistan", "pakistan", "turkey", "ankara",
        "istanbul", "syria", "damascus", "lebanon", "beirut", "gaza", "israel", "dubai", "kuwait", "qatar",
        "doha", "riyadh", "london", "paris", "berlin", "washington", "toronto",
        "عراق", "بغداد", "بصره", "کربلا", "کابل", "افغانستان", "پاکستان", "ترکیه", "آنکارا", "استانبول",
        "سوریه", "دمشق", "لبنان", "بیروت", "غزه", "اسرائیل", "دبی", "کویت", "قطر", "دوحه", "ریاض",
        "لندن", "پاریس", "برلین", "واشنگتن", "تورنتو",
    ]
)  # fmt: skip
# Where a sentence puts what it tells in another country: "in Libya", "near Kirkuk in Iraq", "in Bauchi, Nigeria",
# "in the U.S. state of Wisconsin", "the Yemeni capital", "Sudanese police", "in Khartoum", «در عراق». Literal
# alternatives after a fixed word: no backtracking beyond one name.
_COUNTRY_EN = (
    r"Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|"
    r"Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Burma|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|"
    r"Cuba|Cyprus|Denmark|Ecuador|Egypt|Eritrea|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Greenland|"
    r"Guatemala|Guinea|Haiti|Honduras|Hong Kong|Hungary|India|Indonesia|Iraq|Ireland|Israel|Italy|Japan|Jordan|"
    r"Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Lebanon|Libya|Madagascar|Malaysia|Mali|Mexico|Moldova|Mongolia|"
    r"Morocco|Mozambique|Myanmar|Nepal|the Netherlands|New Zealand|Nicaragua|Nigeria|North Korea|Norway|Oman|Pakistan|"
    r"Palestine|Panama|Paraguay|Peru|the Philippines|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|"
    r"Saudi Arabia|Senegal|Serbia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    r"Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|"
    r"the United Arab Emirates|the United Kingdom|the United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|"
    r"Zimbabwe|the U\.S\.|the US|the UK|U\.S\.|Britain|England|Scotland|Wales|Northern Ireland|Gaza|the West Bank|"
    r"Khartoum|Cairo|Tripoli|Benghazi|Manama|Sana'a|Sanaa|Baghdad|Basra|Kirkuk|Beirut|Damascus|Kabul|Islamabad|"
    r"Karachi|Lahore|Peshawar|Ankara|Riyadh|Amman|Beijing|Shanghai|Moscow|Kyiv|Kiev|Belfast|Dublin|Caracas|Bangkok|"
    r"Erbil|Sulaymaniyah|Iraqi Kurdistan"
)
_DEMONYM_EN = (
    r"Afghan|Bahraini|Chinese|Egyptian|Indian|Iraqi|Israeli|Jordanian|Kuwaiti|Lebanese|Libyan|Nigerian|Pakistani|"
    r"Palestinian|Peruvian|Russian|Saudi|Somali|Sudanese|Syrian|Thai|Tunisian|Turkish|Ukrainian|Venezuelan|Yemeni"
)
_PLACED_ABROAD = re.compile(
    rf"(?:\b(?:in|near|off|across|throughout|inside) (?:the (?:\w+ )?(?:state|province|city|capital|region) of )?|, ?)"
    rf"(?:[A-Z][\w'-]+ |(?:northern|southern|eastern|western|central) )?(?:{_COUNTRY_EN})(?![\w-])"
    rf"|\b(?:{_DEMONYM_EN}) (?:capital|city|town|government|police|security forces|army|troops|authorities|state|"
    r"province|airstrike|air strike)\b"
    r"|(?<![\u0600-\u06ff])در (?:کشور )?(?:عراق|افغانستان|پاکستان|ترکیه|سوریه|لبنان|یمن|بحرین|مصر|لیبی|عربستان|"
    r"اسرائیل|روسیه|چین|هند|اوکراین|اربیل|سلیمانیه|کردستان عراق)(?![\u0600-\u06ff])"
)
_IRAN_NAMED = re.compile(r"\bIran(?:ian)?s?\b|ایران", re.IGNORECASE)


def placed_abroad(sentence: str) -> bool:
    """Tell whether a sentence puts what it tells in another country and names Iran nowhere.

    "At least 67 people are killed … near Kirkuk in Iraq", "Thousands of people demonstrate in Bahrain",
    "Clashes take place … in the Yemeni capital Sana'a": the dead, the gathering are that country's. A
    sentence that names Iran too ("Iranian refugees in Turkey", "Iran's protests spread, while in Iraq …")
    is not judged by this.
    """
    return puts_abroad(sentence) and not _IRAN_NAMED.search(sentence)


def puts_abroad(text: str) -> bool:
    """Tell whether a text puts what it tells in another country, whether or not it names Iran too."""
    return bool(_PLACED_ABROAD.search(text)) or names_place_abroad(text)


@dataclass(frozen=True)
class _PlacesAbroad:
    """The names of places abroad shipped in places_abroad.json (GeoNames), as search keys."""

    cities_en: frozenset[str]  # read after any locative word, as are the countries
    common_en: frozenset[str]  # names that are also English words ("Nice", "Reading"): read with stronger context
    countries_en: frozenset[str]
    names_fa: frozenset[str]  # with their spaces and without («لس آنجلس», «لسآنجلس»)
    common_fa: frozenset[str]  # names that are also Persian words («امان», «کاری»): «شهر X», «مقیم X» only


@lru_cache(maxsize=1)
def _places_abroad() -> _PlacesAbroad:
    """Load places_abroad.json once, on first use (web workers that never read a sentence never load it)."""
    raw = json.loads((DATA_DIR / "places_abroad.json").read_text(encoding="utf-8"))

    def spaced(names: list[str]) -> frozenset[str]:
        return frozenset(names) | frozenset(name.replace(" ", "") for name in names)

    countries = frozenset(raw["countries"]) | frozenset(n.removeprefix("the ") for n in raw["countries"])
    return _PlacesAbroad(
        cities_en=frozenset(raw["cities"]),
        common_en=frozenset(raw["common_en"]),
        countries_en=countries,
        names_fa=spaced(raw["cities_fa"]),
        common_fa=spaced(raw["common_fa"]),
    )


# A locative word before a name ("in Lyon", "across Lagos", "the city of Nice"; «در لیون», «شهر لیون», «مقیم لیون»).
_LOCATIVE_EN = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Aa]cross|[Tt]hroughout|[Ii]nside|(?P<city>(?:city|town) of))"
    r" (?:the (?P<city2>city|town) of |the )?(?=[A-Z])"
)
# Where something is said or someone is based places the speaker, not what is told: "told reporters in Geneva that
# 326 people had been killed", "the office said in Geneva", "Speaking in Washington, …", "the group, based in Oslo".
_SPEAKER_BEFORE_EN = re.compile(
    r"\b(?:said|says|told|tells|speaking|spoke|briefing|conference|statement|interview|based|headquartered|issued|"
    r"office|offices|headquarters|spokes(?:man|woman|person))(?: (?:reporters|journalists|a|the|news|press))* $",
    re.IGNORECASE,
)
# «در ژنو گفت», «در ژنو به خبرنگاران گفت», «مستقر در اسلو»: likewise
_SPEAKER_AFTER_FA = re.compile(r"^ (?:به خبرنگاران )?(?:گفت|گفته|اعلام کرد|اعلام کرده)")
_BASED_BEFORE_FA = re.compile(r"مستقر $")
_NAME_RUN_EN = re.compile(r"[\w'’.]+(?:[ -][\w'’.]+){0,4}")
_POSSESSIVE_EN = re.compile(r"['’]s\b.*$")  # "in Lyon's streets": the run ends with the possessor
_NAME_LINKS_EN = frozenset({"de", "la", "le", "les", "am", "an", "der", "upon", "on", "del", "do", "da", "di", "sur"})
_TOWN_RUN_EN = re.compile(r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2}")
_COUNTRY_AFTER_EN = re.compile(r", ?((?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})")
# A capitalized word right after the name that is no part of it: a person ("Florence Nightingale") or an
# institution ("Victoria Station" is a place, but not a city's name); a day or month after a name is a date.
_NOT_AFTER_NAME_EN = frozenset(
    {name.lower() for name in months.GREGORIAN_EN}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "and", "or"}
)
_LOCATIVE_FA = re.compile(r"(?<![\u0600-\u06ff])(?:(?P<city>شهر|مقیم|ساکن)|در|شهرهای|نزدیکی) (?=[\u0621-\u06cc])")
_NAME_RUN_FA = re.compile(
    r"[\u0621-\u063a\u0641-\u064a\u067e-\u06cc]+(?:[ \u200c][\u0621-\u063a\u0641-\u064a\u067e-\u06cc]+){0,2}"
)


@lru_cache(maxsize=4096)
def names_place_abroad(text: str, *, countries: bool = True) -> bool:
    """Tell whether a text names a city (or a country) abroad after a locative word (GeoNames' names, not a list).

    "Iranians rallied in Lyon", "protesters in Lagos", «تجمع ایرانیان در لیون», «ایرانیان مقیم یوتبری»: a city
    of 100,000 people or more outside Iran, or a country, whose name the gazetteer of Iran does not read as a
    town of Iran. A name that is also a word ("Nice", "Reading"; «امان», «کاری») counts only with stronger
    context: "the city of Nice", "in Nice, France"; «شهر …», «مقیم …», «ساکن …». Countries are read in English
    only (the Persian ones are `_PLACED_ABROAD`'s), and not with `countries=False`.
    """
    abroad = None
    if any(cue in text for cue in ("in ", "In ", "near ", "cross ", "hroughout ", "nside ", " of ")):
        abroad = _places_abroad()
        for cue in _LOCATIVE_EN.finditer(text):
            if _SPEAKER_BEFORE_EN.search(text, max(0, cue.start() - 40), cue.start()):
                continue
            city_cue = bool(cue.group("city") or cue.group("city2"))
            if _abroad_name_en(text, cue.end(), city_cue=city_cue, countries=countries, abroad=abroad):
                return True
    if any(cue in text for cue in ("در ", "شهر", "مقیم ", "ساکن ", "نزدیکی ")):
        abroad = abroad or _places_abroad()
        for cue in _LOCATIVE_FA.finditer(text):
            run = _NAME_RUN_FA.match(text, cue.end())
            if run is None or _SPEAKER_AFTER_FA.match(text, run.end()) or _BASED_BEFORE_FA.search(text, 0, cue.start()):
                continue
            words = fold_for_search(run.group(0), joiners="space").split()
            for width in range(len(words), 0, -1):
                key = " ".join(words[:width])
                if key in abroad.names_fa or (cue.group("city") and key in abroad.common_fa):
                    return True
    return False


def _abroad_name_en(text: str, start: int, *, city_cue: bool, countries: bool, abroad: _PlacesAbroad) -> bool:
    """Tell whether the capitalized run of words at `start` begins with the name of a city or country abroad."""
    run = _NAME_RUN_EN.match(text, start)
    if run is None:
        return False
    words = re.split(r"[ -]", _POSSESSIVE_EN.sub("", run.group(0)).rstrip("."))
    for width in range(len(words), 0, -1):
        named = words[:width]
        if not all(word[:1].isupper() or word in _NAME_LINKS_EN for word in named) or named[-1] in _NAME_LINKS_EN:
            continue
        key = fold_for_search(" ".join(named).replace("’", "'"))
        common = key in abroad.common_en
        if not (common or key in abroad.cities_en or (countries and key in abroad.countries_en)):
            continue
        after = words[width] if width < len(words) else ""
        if after[:1].isupper() and after.lower() not in _NOT_AFTER_NAME_EN:
            return False  # "in Florence Nightingale's words": a person, not the city
        if not common or city_cue:
            return True
        country = _COUNTRY_AFTER_EN.match(text, start + len(" ".join(named)))
        return _is_country(country, abroad)
    # A town too small to be listed, then its country: "in Zomba, Malawi", "in Tartu, Estonia"
    town = _TOWN_RUN_EN.match(text, start)
    return countries and town is not None and _is_country(_COUNTRY_AFTER_EN.match(text, town.end()), abroad)


def _is_country(country: re.Match[str] | None, abroad: _PlacesAbroad) -> bool:
    named = fold_for_search(country.group(1).rstrip(".")) if country else ""
    return named in abroad.countries_en or named.removeprefix("the ") in abroad.countries_en


def names_iran(text: str) -> bool:
    """Tell whether a text names Iran or Iranians ("Iran", "Iranian", «ایران»)."""
    return bool(_IRAN_NAMED.search(text))


STOP_EN = frozenset(
    [
        "now",
        "bank",
        "bar",
        "dar",
        "deh",
        "sar",
        "ab",
        "kar",
        "gol",
        "bala",
        "pain",
        "no",
        "nur",
        "ali",
        "hasan",
        "hossein",
        "reza",
        "iran",
        "persia",
        "asia",
        "city",
        "province",
        "state",
        "media",
        "police",
        "islamic",
        "republic",
        "central",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "university",
        "bazaar",
        "square",
        "may",
        "march",
        "amir",
        "imam",
        "shahid",
        "azadi",
        "enghelab",
        "khomeini",
        "golestan",
        "fath",
        "sahand",
        "sina",
        "darya",
        "saba",
        "omid",
        "sadra",
        "pardis",
        "baharestan",
        "parliament",
        "union",
        "rud",
    ]
)
COMMON_PROVINCE_WORDS = frozenset({"مرکزی", "فارس", "گلستان", "البرز", "central"})
# Month names of both calendars are dates, not towns (Mehr → Mohr, Dey → Dey).
MONTH_WORDS = frozenset(name.lower() for name in months.SOLAR_HIJRI_LATIN) | frozenset(months.SOLAR_HIJRI_FA)
NEVER = (
    # "Shahid"/"شهید" (martyr) names streets, ports and people, almost never the hamlet of that name
    frozenset({"ایران", "iran", "بانک", "کرد", "دار", "امام", "قدس", "مرکز", "مردم", "may", "march", "now"})
    # "شهرستان" (county), opening «در شهرستان‌های ایذه، …», is a word before towns, not the village of that name
    | frozenset({"شهرستان"})
    | frozenset({"shahid", "شهید"})
    # "دشت ورامین", "the Moghan plain": dasht is the plain named after a town, not the hamlet Dasht
    | frozenset({"dasht", "دشت"})
    # "Shahrak Chamran", "شهرک غرب": shahrak (township) names a quarter, not the village Kian it is also a name of
    | frozenset({"shahrak", "شهرک"})
    # "Reza Shah", "the Shah": a title, once also a name of Bandar-e Torkaman (Bandar-e Shah); "New Shapur",
    # "Shapur Street": a king's name given to districts and streets, once also a name of Salmas
    | frozenset({"shah", "شاه", "shapur", "shahpur", "شاپور"})
    | MONTH_WORDS
)

# Seasons named like towns (بهار, Bahar in Hamadan) when a word of time follows them.
SEASONS_FA = frozenset({"بهار", "تابستان", "پاییز", "زمستان"})
SEASON_AFTER_FA = re.compile(r"^\s*(?:امسال|گذشته|آینده|پارسال|سال|\d)")

# The words that put something in a place ("in", "at", "near", "the city of"); "of", "from" and a comma before a name
# cue it too, but they come before people as well ("Killing of Kian Pirfalak").
_PLACING_WORDS_EN = r"\bin|\bat|\bnear|\bcity of|\btown of|\bvillage of|\bcapital"
CUE_BEFORE_EN = re.compile(rf"(?:{_PLACING_WORDS_EN}|\bof|\bfrom|,)\s*$", re.IGNORECASE)
CUE_AFTER_EN = re.compile(r"^(?:'s)?\s*(?:city|town|county|province|governorate)\b", re.IGNORECASE)
# "شهر مرزی بستان", "شهر بندری گناوه": a town with what kind of town it is, still a town
_TOWN_KIND_FA = r"(?:\s+(?:مرزی|بندری|ساحلی|صنعتی|کوچک|مذهبی|زیارتی|تاریخی|نفتی|کردنشین|عرب ?نشین))?"
# A cue is a word of its own: "شیراز" ends in «از» and "بوشهر" in «شهر», and neither cues the name after it
# («شیراز صحنه تجمعات بود»: the scene, not Sahneh). ZWNJ is a space after normalization: «شهر‌های», «روستا‌های».
CUE_BEFORE_FA = re.compile(
    r"(?<![\u0600-\u06ff])(?:در|شهر" + _TOWN_KIND_FA + r"|شهرستان(?: ?های)?|استان(?: ?های)?|روستای|روستا ?های|بخش|"
    r"شهر ?های|استانداری|فرمانداری|شهرداری|بندر|از|نزدیکی|نزدیک|حوالی|اطراف|حومه|دشت"
    # "towns such as …" («در شهرهایی مانند سروستان»)
    r"|شهر ?ها(?:یی)? (?:مانند|چون|همچون|نظیر|از جمله))\s*$"
)
PROVINCE_CUE_EN = re.compile(r"^\s*province\b", re.IGNORECASE)
# (normalized text: ZWNJ is a space, so «استان‌های» reads «استان های»)
# (and the Dari «ولایت»: «در ولایت فارس», the province of Fars)
PROVINCE_CUE_FA = re.compile(r"(?:استان|ولایت)(?: ?های)?\s*$")
# Words for a kind of place that GeoNames also gives as a village's name («ولایت», Dari for a province, is an
# alternate name of Jam): never a town.
KIND_OF_PLACE_FA = frozenset({"ولایت", "ولسوالی"})
# What opens a list of provinces: its names that are also towns («استان‌های تهران، اصفهان و کرمانشاه», "the provinces
# of Tehran, Isfahan and Kermanshah") are provinces, up to the list's end, even where GeoNames files a town of that
# name in another listed province ("Tehran" is an alternate name of Tiran, in Isfahan province).
PROVINCE_LIST_BEFORE = re.compile(r"(?:استان ?های|\b(?i:the provinces of))\s*$")
NEAR_EN = re.compile(r"(?:\bnear|\boutside|\boutskirts of|\bvillages? (?:near|around))\s*$", re.IGNORECASE)
NEAR_FA = re.compile(r"(?:نزدیکی|نزدیک|حوالی|اطراف|حومه)\s*$")


@dataclass(frozen=True)
class Place:
    """A populated place of the gazetteer."""

    geonameid: int
    name: str
    name_fa: str | None
    latitude: float
    longitude: float
    population: int
    province_iso: str


@dataclass(frozen=True)
class Province:
    """One of Iran's 31 provinces."""

    iso: str
    name_en: str
    name_fa: str
    latitude: float
    longitude: float


KNOWN_CACHE_SIZE = 1 << 17  # remembered look-ups of word runs; a few MiB at most


class Gazetteer:
    """Name index over places and provinces, in folded Latin and Persian forms."""

    def __init__(self, data: dict[str, object], alternates: dict[str, list[str]] | None = None) -> None:
        self.provinces: dict[str, Province] = {}
        self.place_names: dict[str, list[Place]] = {}
        self.province_names: dict[str, str] = {}
        self.places_by_id: dict[int, Place] = {}
        self._known: dict[str, tuple[str, list[Place]] | None] = {}
        alternates = {key: value for key, value in (alternates or {}).items() if not key.startswith("_")}
        raw_places = data["places"]
        raw_provinces = data["provinces"]
        if not isinstance(raw_places, list) or not isinstance(raw_provinces, list):
            raise ValueError("gazetteer.json must hold lists of places and provinces")
        centroids: dict[str, list[tuple[float, float, int]]] = {}
        for raw in raw_places:
            persian = [name for name in raw["persian"] if "،" not in name]
            # "شهر جدید پرند" (new town), "شهرک گلبهار" (township): the town's own name too
            persian += [short for name in persian if (short := _NEW_TOWN.sub("", name)) != name and len(short) >= 3]
            place = Place(
                geonameid=raw["id"],
                name=raw["name"],
                name_fa=_best_persian(raw["name"], persian),
                latitude=raw["lat"],
                longitude=raw["lon"],
                population=raw["pop"],
                province_iso=raw["iso"],
            )
            self.places_by_id[place.geonameid] = place
            centroids.setdefault(place.province_iso, []).append((place.latitude, place.longitude, place.population))
            for name in {*raw["latin"], *persian}:
                if not any(_agrees(latin, name) for latin in [raw["name"], *raw["latin"]]):
                    # GeoNames lists some neighbouring towns as alternate names; a Persian name is kept
                    # when it spells the primary name or one of the Latin names indexed anyway
                    # (Dogonbadan is also Gachsaran, گچساران)
                    continue
                for key in _keys(name):
                    _index(self.place_names, key, place)
        for geonameid, names in alternates.items():
            added = self.places_by_id.get(int(geonameid))
            if added is None:
                continue
            for name in names:
                for key in _keys(name):
                    _index(self.place_names, key, added)
        for raw in raw_provinces:
            points = centroids.get(raw["iso"], [(32.0, 53.0, 1)])
            biggest = max(points, key=lambda p: p[2])
            self.provinces[raw["iso"]] = Province(raw["iso"], raw["name_en"], raw["name_fa"], biggest[0], biggest[1])
            for name in [*raw["names"], raw["name_fa"], raw["name_en"]]:
                for key in _keys(name):
                    self.province_names[key] = raw["iso"]
        # A name a town holds as its own comes before the same name listed as another town's alternate:
        # GeoNames files ساوه under Arak and کرج under Qods, yet «ساوه» is Saveh and «کرج» Karaj. Only a town
        # whose own Persian name is known yields its place so (Khoy has none, and «خوی» stays Khoy).
        own: dict[int, set[str]] = {
            place.geonameid: _keys(place.name) | _keys(place.name_fa)
            for place in self.places_by_id.values()
            if place.name_fa
        }

        def order(key: str, place: Place) -> tuple[bool, int]:
            names = own.get(place.geonameid)
            return (names is not None and key not in names, -place.population)

        for key, candidates in self.place_names.items():
            candidates.sort(key=partial(order, key))
        # "Bandar-e Lengeh" is also "Lengeh", "بندر انزلی" also "انزلی": the port's own name, unless
        # another place already holds it.
        for key, candidates in list(self.place_names.items()):
            short = port_name(key)
            if short != key and len(short) >= 4 and short not in self.place_names:
                self.place_names[short] = list(candidates)
        # Latin spellings folded further ("Qaemshahr", "Qa'em Shahr"; "Khomeini", "Khomeyni";
        # "Bandar Lengeh", "Bandar-e Lengeh"), looked up only when the spelling itself is not known.
        self.variant_names: dict[str, list[Place]] = {}
        for key, candidates in self.place_names.items():
            if key.isascii():
                for place in candidates:
                    _index(self.variant_names, latin_variant(key), place)
        for candidates in self.variant_names.values():
            candidates.sort(key=lambda place: -place.population)
        self.max_words = 4

    def known_key(self, key: str) -> tuple[str, list[Place]] | None:
        """Return the index key and towns for a folded name, trying its spelling variants."""
        # Every word and run of up to four words of every sentence is looked up, and the same runs
        # recur across documents: remember the answers (bounded; the index never changes).
        if key in self._known:
            return self._known[key]
        if len(self._known) >= KNOWN_CACHE_SIZE:
            self._known.clear()
        found = self._known[key] = self._look_up(key)
        return found

    def _look_up(self, key: str) -> tuple[str, list[Place]] | None:
        if key in self.place_names or key in self.province_names:
            return key, self.place_names.get(key, [])
        if not key.isascii():
            joined = key.replace(" ", "")  # "سرپل ذهاب" (a ZWNJ turned into a space) and "سرپلذهاب"
            if joined != key and joined in self.place_names:
                return joined, self.place_names[joined]
            return None
        variant = latin_variant(key)
        if len(variant) >= 4 and variant in self.variant_names:
            return key, self.variant_names[variant]
        return None


# Lowercase words inside a name: Persian links ("Bandar-e", "va") and the English "and" of three provinces ("Sistan
# and Baluchestan", "Chaharmahal and Bakhtiari", "Kohgiluyeh and Boyer-Ahmad"; a name is looked up whole, so "Tehran
# and Karaj" is still two).
_LOWER_NAME_WORDS = frozenset({"e", "ye", "va", "o", "al", "ol", "os", "ed", "od", "and"})
# "the city of X", «شهر X», «شهر مرزی X» just before a name: the town, not a province of that name
_CITY_CUE_BEFORE = re.compile(r"(?:شهر" + _TOWN_KIND_FA + r"|city of|town of)\s*$", re.IGNORECASE)
_BANDAR = re.compile(r"^(?:bandar(?: e)? |بندر ?)")
_NEW_TOWN = re.compile(r"^(?:شهر جدید|شهرک)[ \u200c]+")


def port_name(key: str) -> str:
    """A port's own name without "Bandar(-e)"/"بندر" ("bandar e lengeh" -> "lengeh")."""
    return _BANDAR.sub("", key)


def _index(names: dict[str, list[Place]], key: str, place: Place) -> None:
    """File a place under a name key once."""
    bucket = names.setdefault(key, [])
    if place not in bucket:
        bucket.append(place)


def latin_variant(key: str) -> str:
    """Fold a Latin place name's transliteration variants.

    Apostrophes, the ezafe "-e", spaces, doubled letters (Zarrinshahr, Zarinshahr), ey/ei and
    ay/ai (Taybad, Taibad), ou/oo/u (Kahnuj, Kahnooj), ow/o (Nowshahr, Noshahr), w/v (Marivan,
    Mariwan), gh/q (Ghaemshahr, Qaemshahr) and iyeh/ieh (Torbat-e Heydariyeh, Heydarieh).
    """
    text = re.sub(r"['’‘ʼ`]", "", key)
    text = re.sub(r"(?<=\w) e(?= \w)", "", text)
    text = text.replace(" ", "").replace("oo", "u").replace("ee", "i")
    text = re.sub(r"(\w)\1", r"\1", text)
    text = text.replace("ey", "ei").replace("ay", "ai").replace("ou", "u")
    text = text.replace("ow", "o").replace("w", "v").replace("gh", "q").replace("iye", "ie").replace("iya", "ia")
    return text


def _keys(name: str) -> set[str]:
    folded = fold_for_search(name.replace("-", " "), joiners="space")
    keys = {folded}
    if " " in folded and not folded.isascii():
        keys.add(folded.replace(" ", ""))
    return {key for key in keys if len(key) >= 2}


_SKELETON_FA = str.maketrans(
    {
        "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j", "چ": "c", "ح": "h",
        "ه": "h", "خ": "k", "د": "d", "ذ": "z", "ز": "z", "ض": "z", "ظ": "z", "ژ": "j", "ر": "r", "ش": "c",
        "ع": "", "غ": "g", "ق": "g", "ف": "f", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
        "و": "v", "ی": "", "ي": "", "ا": "", "آ": "", "أ": "", "إ": "", "ئ": "", "ؤ": "v", "ة": "h", " ": "",
    }
)  # fmt: skip


def _skeleton_latin(name: str) -> str:
    text = fold_for_search(name)
    text = text.replace("kh", "k").replace("gh", "g").replace("sh", "c").replace("ch", "c").replace("zh", "j")
    text = text.replace("w", "v").replace("q", "g").replace("x", "ks").replace("y", "")
    return "".join(char for char in text if char.isalpha() and char not in "aeiou")


def _skeleton_persian(name: str) -> str:
    return "".join(char for char in fold_for_search(name).translate(_SKELETON_FA) if char.isascii() and char.isalpha())


def _agrees(primary: str, alternate: str) -> bool:
    """Tell whether a Persian alternate name plausibly spells the primary Latin name."""
    if alternate.isascii() or not any("\u0600" <= char <= "\u06ff" for char in alternate):
        return True
    latin, persian = _skeleton_latin(primary), _skeleton_persian(alternate)
    if not latin or not persian:
        return True
    return latin[:2] == persian[:2] or (latin[:1] == persian[:1] and latin[-1:] == persian[-1:])


PERSIAN_LETTERS = frozenset("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی ‌ءئ")


def _best_persian(primary: str, names: list[str]) -> str | None:
    """Pick the Persian spelling to show: Persian letters only, closest to the Latin name, shortest."""
    spelled = [fold_letters(name) for name in names]
    persian = sorted({name for name in spelled if set(name) <= PERSIAN_LETTERS and _agrees(primary, name)})
    if not persian:
        return None
    latin = _skeleton_latin(primary)

    starts_with_vowel = fold_for_search(primary)[:1] in set("aeiou")

    def closeness(name: str) -> tuple[int, int, int, int, str]:
        skeleton = _skeleton_persian(name)
        pairs = list(zip(latin, skeleton, strict=False))
        shared = next((i for i, (a, b) in enumerate(pairs) if a != b), len(pairs))
        # the spelling GeoNames lists most often (Arabic-letter variants folded), then the one
        # agreeing with the initial vowel and closest to the transliteration, then the shortest
        alef_agrees = starts_with_vowel == (name[:1] in {"ا", "آ"})  # Īlām is ایلام, not یلام
        return (-spelled.count(name), -alef_agrees, -shared, len(name), name)

    return min(persian, key=closeness)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer shipped in monitor/data (loaded once)."""
    return Gazetteer(
        json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8")),
        json.loads((DATA_DIR / "gazetteer_alternates.json").read_text(encoding="utf-8")),
    )


# Words: letters and digits only (Persian punctuation such as "،" sits in the Arabic block but is
# not part of a name), hyphenated parts kept together, a possessive "'s" left out.
_TOKEN = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Mention:
    """A candidate place or province mention in a sentence."""

    start: int
    end: int
    text: str
    place: Place | None
    province_iso: str | None
    score: float
    near: bool
    # an item of a list of provinces («استان‌های تهران، اصفهان و کرمانشاه», "the provinces of Tehran, Isfahan and
    # Kermanshah"): the province, even where the document names another province holding a town of that name
    in_province_list: bool = False


@lru_cache(maxsize=KNOWN_CACHE_SIZE)
def _surface_key(surface: str) -> str:
    """The search key of a run of words in a sentence (the same runs recur: cached)."""
    return fold_for_search(surface.replace("-", " "))


def find_mentions(sentence: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return the supported place and province mentions in a sentence, left to right."""
    gazetteer = gazetteer or default_gazetteer()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]
    mentions: list[Mention] = []
    province_list = False  # the mentions so far are a list opened by «استان‌های» / "the provinces of"
    index = 0
    while index < len(tokens):
        found = None
        for width in range(min(gazetteer.max_words, len(tokens) - index), 0, -1):
            start, end = tokens[index][0], tokens[index + width - 1][1]
            surface = sentence[start:end]
            key = _surface_key(surface)
            if key in NEVER or len(key) < 2:
                continue
            known = gazetteer.known_key(key)
            if known is not None:
                listed = _in_list(sentence, mentions, start, end)
                opens = bool(PROVINCE_LIST_BEFORE.search(sentence, max(0, start - 25), start))
                in_province_list = opens or (listed and province_list)
                mention = _judge(sentence, start, end, surface, key, gazetteer, known, listed, in_province_list)
                if mention is not None:
                    province_list = in_province_list and mention.place is None
                    found = (replace(mention, in_province_list=True) if province_list else mention, width)
                    break
        if found:
            mentions.append(found[0])
            index += found[1]
        else:
            index += 1
    return _named_after_places(sentence, _listed_before_provinces(sentence, mentions, gazetteer))


# Words that make a name an institution's ("Golestan hospital", "Kian Tire company", "بیمارستان گلستان").
INSTITUTION_AFTER_EN = re.compile(
    r"^(?:\s+[A-Z]\w*)?\s+(?:hospital|clinic|company|factory|plant|mill|refinery|university|school|complex|"
    r"industries|tire|tyre|steel|sugar|petrochemical|mine|hotel|stadium|port|street|avenue|boulevard|square|"
    r"road|prison|dam|river|bridge|airport|industrial|group)\b",
    re.IGNORECASE,
)
# Where one person named in a relative clause had been held or died ("a 22-year-old woman who had been detained by
# Iran's morality police in the capital of Tehran"): told about that person, not where a crowd gathered.
HELD_IN_BEFORE_EN = re.compile(
    r"\bwho (?:had |has )?(?:been )?(?:detained|arrested|held|jailed|killed|died)\b[^,.;:]{0,60}?\bin "
    r"(?:the (?:capital|city|town) of )?$",
    re.IGNORECASE,
)
# The capital's name for the state it is the seat of ("Tehran's nuclear deal with world powers", "Tehran's clerical
# rulers", "Tehran's support for …"): no place where anything happens.
STATE_AFTER_EN = re.compile(
    r"^['’]s (?:[\w-]+ ){0,2}?(?:nuclear|government|regime|rulers|leadership|leaders|clerics|clerical|theocracy|"
    r"foreign policy|allies|proxies|missile|support for|ties with|relations with)\b"
    # "the semi-official Fars news agency", "Khorasan newspaper", "Fars News": a news outlet's name, not where
    # anything happens (a word between is a capitalized part of the name, and "news" or "daily" alone must be
    # capitalized too: "protests in Tehran and news of arrests", "in Tehran daily" keep their place)
    r"|^(?:\s+(?-i:[A-Z])\w*)?\s+(?:news agency|newspaper|(?-i:News|Daily)\b)",
    re.IGNORECASE,
)
# "بزرگراه شیراز اصفهان", "جاده اهواز به خرمشهر": the towns a road joins, not where people stand on it.
ROAD_BEFORE_FA = re.compile(r"(?:بزرگراه|آزادراه|اتوبان|جاده|محور|راه آهن)\s*$")
ROAD_JOIN_FA = re.compile(r"^\s*(?:-|–|به|و)?\s*$")
INSTITUTION_BEFORE_FA = re.compile(
    r"(?:بیمارستان|شرکت|کارخانه|دانشگاه|مجتمع|پتروشیمی|هتل|ورزشگاه|خیابان|میدان|بلوار|سد|رودخانه|زندان|"
    r"فرودگاه|اسکله|گروه)\s*$"
)
# "Eslamshahr, south of Tehran": the second name only says where the first is.
RELATIVE_EN = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s*$", re.IGNORECASE)
# Where the people come from, not where they act: "workers from Ahvaz ... in Tehran",
# "کارگرانی از اهواز", "کشاورزان شهرستان فلاورجان ... مقابل استانداری اصفهان".
ORIGIN_EN = re.compile(r"\bfrom\s*$", re.IGNORECASE)
ORIGIN_FA = re.compile(r"(?:^|\s)(?:از|اهل)\s*$")
# Whom a gathering supports, not where it is: "gathered in Tehran in solidarity with the people of Zahedan",
# «در تهران در حمایت از مردم زاهدان تجمع کردند» (within the same clause).
SUPPORTED_BEFORE = re.compile(
    r"\bin (?:solidarity|support|sympathy) (?:with|of|for)\b[^,;.]{0,50}$"
    r"|(?<![\u0600-\u06ff])در (?:حمایت|همبستگی|پشتیبانی) (?:از|با)(?![\u0600-\u06ff])[^،,؛.]{0,50}$",
    re.IGNORECASE,
)
# An official named with the town of the office ("the governor of Sanandaj said …", «فرماندار سنندج گفت») speaks for
# that town; a gathering the sentence tells elsewhere is not there.
OFFICIAL_BEFORE_EN = re.compile(
    r"\b(?:governor|mayor|prosecutor|police chief|chief of police|(?:Friday )?prayer leader|MP|member of parliament|"
    r"representative)(?: general)? (?:of|for)\s*$",
    re.IGNORECASE,
)
OFFICIAL_BEFORE_FA = re.compile(
    r"(?:^|\s)(?:فرماندار|استاندار|شهردار|دادستان|امام جمعه(?: موقت)?|نماینده(?: مردم)?|فرمانده(?: نیروی)? انتظامی|"
    r"رئیس (?:پلیس|دادگستری|کل دادگستری))(?: (?:شهرستان|استان|شهر))?\s*$"
)
# "از مشهد، به کرمانشاه … کشیده شد", "spread from Mashhad to Kermanshah": where protests spread from is a
# place of protest too, not where people came from.
SPAN_AFTER = re.compile(r"^\s*[،,]?\s*(?:به|تا|to)\b")
SPREAD = re.compile(
    r"\b(?:spread|spreading|spreads)\b|(?:کشیده شد|کشیده شده|گسترش یافت|گسترش پیدا کرد|سرایت کرد|سرایت یافت)"
)
PEOPLE_BEFORE_FA = re.compile(r"(?:^|\s)(\S+)\s+(?:(?:شهرستان|شهر|روستای|روستاهای|استان|دشت)\s+)?$")
NOT_PEOPLE_FA = frozenset(
    {"شهرستان", "استان", "خیابان", "میدان", "تهران", "اصفهان", "کرمان", "زنجان", "سمنان", "لرستان"}
)
# A first name followed by a surname ("Shahriar Ahmadi", "شهریار احمدی") or after a title is a person.
PERSON_TITLE_EN = re.compile(
    r"\b(?:spokes(?:man|woman|person)|activist|lawyer|Mr|Mrs|Ms|Dr|journalist|unionist|secretary|head)\.?\s*$"
)
SURNAME_AFTER_EN = re.compile(r"^\s+[A-Z][a-z]+(?:i|y)\b(?!\s+(?:province|county|city|town))")
SURNAME_AFTER_FA = re.compile(r"^\s+\S+ی\s*[،,]")
# Plural people nouns right before a name ("the miners of Tabas") support a middling town.
PEOPLE_CUE_FA = re.compile(
    r"(?:^|\s)(?:کارگران|معلمان|فرهنگیان|دانشجویان|کشاورزان|پرستاران|بازنشستگان|رانندگان|معدنچیان|کسبه|"
    r"بازاریان|اهالی|مردم|باغداران|دامداران|نانوایان|شهروندان|کامیون داران|مالباختگان)\s+$"
)
NEAR_GAP = re.compile(
    r"^\s*,?\s*(?:near|outside|on the outskirts of|(?:در )?(?:نزدیکی|حومه|حوالی|اطراف))\s*$", re.IGNORECASE
)
# What separates the items of a list: a comma, and the Persian semicolon, a slash, a bullet or a spaced dash that
# real lists use instead («تهران - مشهد - اصفهان», «ایذه/بوکان», «سقز؛ بانه»). An unspaced dash joins a route's ends.
LIST_SEPARATOR = r"(?:[,،؛/•·]|(?<=\s)[-–](?=\s))"
LIST_AND = re.compile(r"^\s*(?:" + LIST_SEPARATOR + r"|and|و)\s*$", re.IGNORECASE)
# Between two items of one list: commas around items of at most three words that are no place the
# gazetteer knows or supports ("Shahriar, Qods, Malard": Qods is never read as a town), then a last
# comma, "and" or "و".
LIST_GAP = re.compile(
    r"^\s*"
    + LIST_SEPARATOR
    + r"\s*(?:[^\s,،.:;؛()!?؟/•·]+(?:\s+[^\s,،.:;؛()!?؟/•·]+){0,2}\s*"
    + LIST_SEPARATOR
    + r"\s*){1,2}(?:and\s+|و\s*)?$",
    re.IGNORECASE,
)
# A name alone at the head of a line, then a colon ("- ایذه: تجمع کارگران", a round-up's line; "Izeh: workers …",
# a dateline): where the line's news happened, a cue as "in" is.
LINE_HEAD = " \t-–•*·0123456789.)"
HEAD_COLON_AFTER = re.compile(r"^\s*[:：]\s*\S")
# A list opened by a colon ("… در این شهرها: ایذه، بوکان، …", "in the following towns: Izeh, Bukan, …"):
# the first item is a place because items follow it.
LIST_COLON_BEFORE = re.compile(r"[:：]\s*$")
LIST_NEXT_AFTER = re.compile(r"^\s*(?:" + LIST_SEPARATOR + r"|و\s)")


_PLACE_CUE_BEFORE_EN = re.compile(rf"(?:{_PLACING_WORDS_EN})\s*$", re.IGNORECASE)
# A capitalized word after a town's name that is a part of a place, a building or a body there ("Izeh Market", "Evin
# Prison", "Arak Petrochemical", "Tehran University"), not the surname after a first name ("Kian Pirfalak").
_NAME_AFTER_EN = re.compile(r"\s([A-Z][a-z]{2,})\b")
_PLACE_PART_EN = frozenset({
    "Province", "County", "City", "Town", "Village", "District", "Street", "Square", "Road", "Avenue", "Boulevard",
    "Highway", "Freeway", "Bazaar", "Market", "University", "College", "School", "Seminary", "Prison", "Airport",
    "Port", "Harbour", "Harbor", "Mosque", "Shrine", "Stadium", "Park", "Hospital", "Municipality", "Refinery",
    "Petrochemical", "Petrochemicals", "Steel", "Sugar", "Industrial", "Industries", "Company", "Factory", "Mine",
    "Mines", "Dam", "Lake", "River", "Mountain", "Mountains", "Plain", "Gate", "Bridge", "Central", "Governor",
    "Governorate", "Friday", "Police", "Court", "Council", "Station", "Metro", "Terminal", "Hall", "Cemetery",
    "Branch", "Office", "Oil", "Gas", "Power", "Plant", "Region", "Area", "Bay", "Island", "Islands", "Gulf", "Sea",
    "Airbase", "Base", "Garrison", "Barracks", "Division", "Brigade", "Team", "Club", "Football", "Assembly",
    "Chamber", "Bar", "Teachers", "Workers", "Unit", "Water", "Electricity", "Railway", "Railroad", "Metropolitan",
    "Grand", "Old", "New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper",
    "Lower", "Free", "Zone", "Zones", "Special", "Economic", "Agricultural", "Textile", "Tractor", "Automotive",
    "Copper", "Cement",
    # a title-case headline's next word after a small town ("Qorveh Protesters Clash With Police", "Naqadeh Erupts")
    "Protest", "Protests", "Protesters", "Protestors", "Demonstrators", "Demonstration", "Demonstrations", "Rally",
    "Rallies", "March", "Marches", "Strike", "Strikes", "Strikers", "Residents", "People", "Farmers", "Students",
    "Retirees", "Pensioners", "Nurses", "Truckers", "Drivers", "Miners", "Merchants", "Shopkeepers", "Shops",
    "Clashes", "Unrest", "Riots", "Uprising", "Funeral", "Mourners", "Women", "Youth", "Crowd", "Crowds", "Security",
    "Forces", "Authorities", "Officials", "Erupts", "Rocked", "Sees", "Mourns", "Rises", "Joins", "Killing",
    "Killings", "Victims", "Dead",
})  # fmt: skip


def _surname_after(sentence: str, end: int, gazetteer: Gazetteer) -> bool:
    """Tell whether the word right after a name at `end` is a surname: capitalized, no part of a place, no place."""
    word = _NAME_AFTER_EN.match(sentence, end)
    if word is None or word.group(1) in _PLACE_PART_EN:
        return False
    return gazetteer.known_key(_surface_key(word.group(1))) is None


def _in_list(sentence: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Tell whether the name at start–end is an item of a list of places (a cue, like "in" or "در")."""
    if mentions:
        gap = sentence[mentions[-1].end : start]
        if LIST_AND.match(gap) or LIST_GAP.match(gap):
            return True
    return bool(LIST_COLON_BEFORE.search(sentence[max(0, start - 4) : start])) and bool(
        LIST_NEXT_AFTER.match(sentence[end : end + 4])
    )


BETWEEN = re.compile(r"(?:\bbetween|بین|میان)\s*$", re.IGNORECASE)
AND = re.compile(r"^\s*(?:and|و)\s*$", re.IGNORECASE)


# "in Lorestan, Khuzestan, Isfahan, Markazi and Hamadan provinces": the word after a list that makes its names
# provinces (the singular "province" after one name is `PROVINCE_CUE_EN`); between two of its items, a separator, "and"
# or both.
PROVINCES_AFTER_EN = re.compile(r"\s+provinces\b", re.IGNORECASE)
LIST_ITEM_GAP_EN = re.compile(r"\s*(?:" + LIST_SEPARATOR + r"\s*)?(?:and\s+)?")


def _listed_before_provinces(sentence: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Read the names of a list that "provinces" follows as provinces, back from its last name to the first
    name that is not a province ("in Tehran and Arak, and in Isfahan and Hamadan provinces": Isfahan and Hamadan)."""
    result = list(mentions)
    for last, mention in enumerate(mentions):
        if not PROVINCES_AFTER_EN.match(sentence, mention.end):
            continue
        index = last
        while index >= 0:
            item = result[index]
            province_iso = gazetteer.province_names.get(_surface_key(item.text))
            if province_iso is None:
                break
            result[index] = Mention(item.start, item.end, item.text, None, province_iso, 2.0, item.near, True)
            if index == 0 or not LIST_ITEM_GAP_EN.fullmatch(sentence, result[index - 1].end, item.start):
                break
            index -= 1
    return result


def _named_after_places(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Drop names that are not where the event is, when the sentence says where it is.

    A hospital or company named like a town ("Golestan hospital in Ahvaz") and the second end
    of a stretch of road ("between Isfahan and Varzaneh") give way to the other place; a sentence
    with no other place keeps them (workers of "Ahvaz Steel" are most often in Ahvaz).
    """
    if len(mentions) < 2:
        return mentions
    # Secondary names (a locator, a home town, a person), and names listed after one ("from Sanandaj
    # and Marivan"), give way only to a name that is none of these.
    secondary: list[bool] = []
    for index, mention in enumerate(mentions):
        listed = (
            bool(index) and secondary[-1] and bool(LIST_AND.match(sentence[mentions[index - 1].end : mention.start]))
        )
        secondary.append(listed or _secondary(sentence, mention, index))
    road = [False] * len(mentions)
    for index, mention in enumerate(mentions):
        if not mention.text.isascii():
            road[index] = bool(ROAD_BEFORE_FA.search(sentence[max(0, mention.start - 12) : mention.start])) or (
                index > 0
                and road[index - 1]
                and bool(ROAD_JOIN_FA.match(sentence[mentions[index - 1].end : mention.start]))
            )
    kept: list[Mention] = []
    for index, mention in enumerate(mentions):
        if road[index] and not all(road):
            continue
        persian = not mention.text.isascii()
        institution = bool(
            INSTITUTION_BEFORE_FA.search(sentence[max(0, mention.start - 15) : mention.start])
            if persian
            else INSTITUTION_AFTER_EN.match(sentence[mention.end : mention.end + 40])
        )
        previous = mentions[index - 1] if index else None
        second_end = previous is not None and bool(
            BETWEEN.search(sentence[max(0, previous.start - 12) : previous.start])
            and AND.match(sentence[previous.end : mention.start])
        )
        # "Gheyzaniyeh, near Ahvaz", "غیزانیه در حومه اهواز": the near town only locates the one before
        locator = previous is not None and mention.near and bool(NEAR_GAP.match(sentence[previous.end : mention.start]))
        # A province containing the town ("شهر گلستان در استان تهران") only locates it: not another site.
        sited = any(
            not other.near
            and not secondary[i]
            and not road[i]
            and not (
                mention.place is not None and other.place is None and other.province_iso == mention.place.province_iso
            )
            for i, other in enumerate(mentions)
            if other is not mention
        )
        if not (institution or second_end or locator or (sited and secondary[index])):
            kept.append(mention)
    # Every name gave way: a person or a home town still gives way to a company's or a road's town.
    return kept or [m for i, m in enumerate(mentions) if not secondary[i]] or mentions


def _secondary(sentence: str, mention: Mention, index: int) -> bool:
    """Tell whether a mention only locates another place, names where people come from, or is a person."""
    before = sentence[max(0, mention.start - 30) : mention.start]
    after = sentence[mention.end : mention.end + 30]
    if SUPPORTED_BEFORE.search(sentence, max(0, mention.start - 75), mention.start):
        return True
    spread_from = bool(SPAN_AFTER.match(after)) and bool(SPREAD.search(sentence))
    if (OFFICIAL_BEFORE_EN if mention.text.isascii() else OFFICIAL_BEFORE_FA).search(before):
        return True
    if mention.text.isascii():
        return bool(
            (index and RELATIVE_EN.search(before))
            or (ORIGIN_EN.search(before) and not spread_from)
            or PERSON_TITLE_EN.search(before)
            or SURNAME_AFTER_EN.match(after)
        )
    if (ORIGIN_FA.search(before) and not spread_from) or SURNAME_AFTER_FA.match(after):
        return True
    return names_home(sentence, mention.start)


def names_home(sentence: str, start: int) -> bool:
    """Tell whether the Persian name at `start` follows a plural people noun ("کشاورزان فلاورجان")."""
    people = PEOPLE_BEFORE_FA.search(sentence[max(0, start - 30) : start])
    if people is None:
        return False
    word = people.group(1)
    return word.endswith("ان") and word not in NOT_PEOPLE_FA and not word.endswith("ستان")


def _judge(
    sentence: str,
    start: int,
    end: int,
    surface: str,
    key: str,
    gazetteer: Gazetteer,
    known: tuple[str, list[Place]] | None = None,
    listed: bool = False,
    province_listed: bool = False,
) -> Mention | None:
    """Decide whether a known name is a place here. `listed`: it follows a place and "and" or a comma;
    `province_listed`: it is an item of a list of provinces («استان‌های خوزستان، فارس و کرمانشاه»)."""
    before, after = sentence[max(0, start - 25) : start], sentence[end : end + 20]
    persian = not surface.isascii()
    if not persian and not all(
        word[:1].isupper() or word in _LOWER_NAME_WORDS for word in re.split(r"[\s-]+", surface)
    ):
        return None  # every word of an English name is capitalized: "Zayandeh Rud dam" is not "Rudam"
    if not persian and HELD_IN_BEFORE_EN.search(sentence[max(0, start - 80) : start]):
        return None  # "Mahsa Amini, … who had been detained by … in the capital of Tehran": where one person was held
    if not persian and STATE_AFTER_EN.match(sentence[end : end + 60]):
        return None  # "Tehran's nuclear deal": the capital named for the state; "Fars news agency": an outlet
    index_key, candidates = known if known is not None else (key, gazetteer.place_names.get(key, []))
    cue = (
        listed
        or (not sentence[:start].strip(LINE_HEAD) and bool(HEAD_COLON_AFTER.match(after)))
        or bool((CUE_BEFORE_FA if persian else CUE_BEFORE_EN).search(before))
        or bool(not persian and CUE_AFTER_EN.match(after))
    )
    province_cue = province_listed or (
        bool(PROVINCE_CUE_FA.search(before)) if persian else bool(PROVINCE_CUE_EN.match(after))
    )
    near = bool((NEAR_FA if persian else NEAR_EN).search(before))
    province_iso = gazetteer.province_names.get(key)
    city_cue = bool(_CITY_CUE_BEFORE.search(before))
    if province_iso and key in COMMON_PROVINCE_WORDS and not (cue or province_cue):
        return None
    if province_iso and not city_cue and (province_cue or not candidates or candidates[0].province_iso != province_iso):
        return Mention(start, end, surface, None, province_iso, 2.0, near)
    if not candidates:
        return None
    if persian and key in SEASONS_FA and SEASON_AFTER_FA.match(after):
        return None  # "بهار امسال", "پاییز گذشته": a season, not the town of Bahar
    if key in FOREIGN or index_key in FOREIGN or key in KIND_OF_PLACE_FA:
        return None
    place = candidates[0]
    stop = key in (STOP_FA if persian else STOP_EN) or index_key in (STOP_FA if persian else STOP_EN)
    if stop and not cue:
        return None
    needed = 50_000 if persian else 5_000
    if persian and (PEOPLE_CUE_FA.search(before) or names_home(sentence, start)):
        needed = 10_000  # "معدنچیان طبس", "صیادان چابهار": the miners, the fishermen of a town
    if place.population < needed and not cue:
        return None
    if (
        not persian
        and place.population < 100_000
        and not (listed or _PLACE_CUE_BEFORE_EN.search(before) or CUE_AFTER_EN.match(after))
        and _surname_after(sentence, end, gazetteer)
    ):
        # "Kian Pirfalak (… 2013 – 2022) was …", "Killing of Kian Pirfalak": a first name, then a surname, not the
        # town of Kīān ("of", "from" and a comma come before people too; "in", "at", "near" do not)
        return None
    # "کشاورزان بم": a listed people noun (not any plural: "کارشناسان بم" are bomb experts) before a
    # two-letter name supports it like a cue word.
    people = persian and bool(PEOPLE_CUE_FA.search(before))
    if persian and len(key) <= 2 and place.population < (5_000 if city_cue else 50_000 if cue or people else 500_000):
        return None
    score = 1.0 + (0.5 if cue else 0.0) + min(place.population, 1_000_000) / 1_000_000
    return Mention(start, end, surface, place, province_iso, score, near)


def resolve(mentions: list[Mention], context_provinces: set[str], gazetteer: Gazetteer | None = None) -> Mention | None:
    """Pick the mention that names the event's place: the first town, else the first province."""
    gazetteer = gazetteer or default_gazetteer()
    for mention in mentions:
        if mention.place is not None:
            if context_provinces and mention.place.province_iso not in context_provinces:
                key = fold_for_search(mention.text.replace("-", " "))
                for other in gazetteer.place_names.get(key, []):
                    if other.province_iso in context_provinces:
                        return Mention(
                            mention.start, mention.end, mention.text, other, None, mention.score, mention.near
                        )
            return mention
    for mention in mentions:
        if mention.province_iso is not None:
            return mention
    return None


def to_place_value(mention: Mention, evidence: Evidence | None, gazetteer: Gazetteer | None = None) -> PlaceValue:
    """Turn a resolved mention into the record's place value with ACLED geo precision."""
    gazetteer = gazetteer or default_gazetteer()
    if mention.place is not None:
        province = gazetteer.provinces[mention.place.province_iso]
        return PlaceValue(
            city=mention.place.name,
            city_fa=mention.place.name_fa,
            geonameid=mention.place.geonameid,
            province_iso=province.iso,
            province_en=province.name_en,
            province_fa=province.name_fa,
            latitude=mention.place.latitude,
            longitude=mention.place.longitude,
            precision=2 if mention.near else 1,
            text=mention.text,
            evidence=evidence,
        )
    if mention.province_iso is None:
        raise ValueError("a mention without a town must name a province")
    province = gazetteer.provinces[mention.province_iso]
    return PlaceValue(
        city=None,
        city_fa=None,
        geonameid=None,
        province_iso=province.iso,
        province_en=province.name_en,
        province_fa=province.name_fa,
        latitude=province.latitude,
        longitude=province.longitude,
        precision=3,
        text=mention.text,
        evidence=evidence,
    )


def geocode(name: str, province_iso: str | None = None, gazetteer: Gazetteer | None = None) -> Place | None:
    """Return the town a person means by `name` (in any shipped spelling): in `province_iso` if given.

    For an analyst's correction, not for running text: no cue or stop-list applies, and among towns
    of the same name the most populous wins.
    """
    gazetteer = gazetteer or default_gazetteer()
    candidates = {place for key in _keys(name) for place in gazetteer.place_names.get(key, [])}
    if province_iso:
        candidates = {place for place in candidates if place.province_iso == province_iso}
    return max(candidates, key=lambda place: (place.population, -place.geonameid), default=None)


def _province_skeleton(name: str) -> str:
    words = [word for word in fold_for_search(name.replace("-", " ")).split() if word not in {"and", "va", "e"}]
    return _skeleton_latin(" ".join(words)).replace("h", "")


def province_by_name(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """Return the ISO 3166-2 code of a province named in any spelling (ACLED's admin1, GeoNames, OSM).

    Exact folded names first, then a consonant skeleton ("Kohgiluyeh and Boyer-Ahmad" and
    "Kohgiluye and Buyer Ahmad"; "Esfahan" and "Isfahan") when it points at one province only.
    """
    gazetteer = gazetteer or default_gazetteer()
    cleaned = re.sub(r"^(?:استان|province of)\s+|\s+(?:province|ostan)$", "", name.strip(), flags=re.IGNORECASE)
    if cleaned.upper() in gazetteer.provinces:
        return cleaned.upper()
    for key in _keys(cleaned):
        if key in gazetteer.province_names:
            return gazetteer.province_names[key]
    if not cleaned.isascii():
        return None
    wanted = _province_skeleton(cleaned)
    found = {
        iso for key, iso in gazetteer.province_names.items() if key.isascii() and _province_skeleton(key) == wanted
    }
    return found.pop() if wanted and len(found) == 1 else None
