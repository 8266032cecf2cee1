"""Name the participants' sector from cue words in English and Persian."""

from __future__ import annotations

import re

from solidarity.monitor.pipeline.records import Evidence, Sector

# Checked in order: the first that matches wins ("retired teachers" are retirees).
SECTORS: tuple[tuple[str, str, str, str], ...] = (
    ("retirees", "Retirees", "بازنشستگان", r"retire(?:es|d)|pensioners|بازنشسته|بازنشستگ"),
    (
        "depositors",
        "Defrauded depositors",
        "مالباختگان",
        r"depositors|defrauded|investors who lost|(?:customers|buyers|clients|savers) who lost|"
        r"lost their (?:deposits|savings)|مالباخته|مالباختگ|سپرده گذار|سپردهگذار",
    ),
    ("truckers", "Truckers", "کامیون‌داران", r"truck(?:ers| drivers)|lorry drivers|کامیون ?دار|رانندگان کامیون"),
    ("nurses", "Nurses and health workers", "پرستاران", r"nurses|health ?care workers|medical staff|پرستار|کادر درمان"),
    # ("Thursday's education protests also were held in …": the teachers' protests)
    (
        "teachers",
        "Teachers",
        "معلمان",
        r"teachers|educators|education (?:protests?|rall(?:y|ies)|strikes?|activists)|معلم|فرهنگیان|فرهنگی",
    ),
    ("students", "Students", "دانشجویان", r"students|دانشجو|دانش آموز"),
    ("farmers", "Farmers", "کشاورزان", r"farmers|growers|herders|کشاورز|دامدار|باغدار"),
    (
        "bazaar",
        "Bazaar merchants",
        "بازاریان",
        r"bazaar(?:is| merchants| traders)?|shopkeepers|merchants|بازاری|کسبه|مغازه دار|بازار",
    ),
    (
        "workers",
        "Workers",
        "کارگران",
        r"\w*workers|labou?rers|(?:coal |copper |iron )?miners|employees|staff|strikers|"
        r"porters|kolbars?|cleaners|کارگر|کارکنان|پرسنل|کولبر|باربر|معدنچی",
    ),
)
_COMPILED = tuple(
    (slug, re.compile(r"(?<![\w\u0600-\u06ff])(?:" + pattern + ")", re.IGNORECASE))
    for slug, _en, _fa, pattern in SECTORS
)
SECTOR_NAMES = {slug: (en, fa) for slug, en, fa, _pattern in SECTORS}


# "Mothers of detained students", "families of porters", "خانواده های کارگران": the relatives, not the sector.
_RELATIVES = re.compile(
    r"(?:\b(?:mothers|fathers|families|wives|parents|relatives|widows|children)(?: of| of the)?"
    r"|(?<![\w\u0600-\u06ff])(?:مادران|خانواده های|خانواده ها|خانواده|همسران|والدین|پدران)) (?:\S+ ){0,2}$",
    re.IGNORECASE,
)
_RELATIVES_AFTER = re.compile(
    r"^\w*(?:'s?|’s?)? (?:families|mothers|fathers|wives|parents|relatives|widows)\b", re.IGNORECASE
)


def find_sector(evidence: Evidence) -> Sector | None:
    """Return the first sector named in a sentence, in the order of SECTORS."""
    for slug, pattern in _COMPILED:
        match = pattern.search(evidence.sentence)
        if match and (
            _RELATIVES.search(evidence.sentence[: match.start()])
            or _RELATIVES_AFTER.match(evidence.sentence[match.end() :])
        ):
            return None  # the crowd is the relatives of the people named
        if match:
            return Sector(slug=slug, text=match.group(0), evidence=evidence)
    return None
