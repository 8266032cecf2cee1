"""Write the second development set: 89 reports written one by one about reading places.

Each report below was written and annotated by hand by ACLED's rules before the extractor was
run on it (the annotation says where the invented story puts the action, never what the
extractor found). The set exists to find place-reading errors: datelines, "near", "outside",
"county", "district", شهرستان and بخش, villages, Persian spellings with and without ZWNJ and
with Arabic ي/ك, English transliteration variants, towns named like words, people,
institutions, streets, squares, universities, hospitals, companies, rivers and dams, provinces
named like their capitals, several towns in one report, a province named alone, and rallies
abroad. It is a **development** set: its errors are meant to prompt fixes. Run this file to
regenerate dev2.jsonl.
"""
# Hand-written reports read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
P, I, F, V = (  # noqa: E741 - short names keep the table of reports readable
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
)
MON = "2025-02-10"  # a Monday; every report is published the next day unless it says otherwise
PUB = "2025-02-11"


def ev(
    city: str | None, iso: str, kind: str = P, sector: str = "", date: str = MON, low: int | None = None
) -> dict[str, object]:
    return {
        "city": city,
        "province_iso": iso,
        "date": date,
        "sub_event_type": kind,
        "sector": sector,
        "crowd_low": low,
        "crowd_high": None,
    }


REPORTS: list[tuple[str, str, str, list[dict[str, object]], str]] = [
    # (language, title, text, events, note); published PUB
    (
        "en",
        "Dock workers protest unpaid wages",
        "BANDAR-E ABBAS — Dock workers at Shahid Rajaee port gathered outside the port authority on Monday over three months of unpaid wages.",
        [ev("Bandar Abbas", "IR-22", P, "workers")],
        "dateline in a variant spelling; Shahid Rajaee is a port",
    ),
    (
        "en",
        "Steel pensioners rally",
        "Retired steelworkers rallied in Esfahan on Monday, their association said.",
        [ev("Isfahan", "IR-10", P, "retirees")],
        "Esfahan for Isfahan",
    ),
    (
        "en",
        "Nurses sit in at Hajar hospital",
        "Nurses at Hajar hospital in Shahrekord held a sit-in on Monday over overtime pay.",
        [ev("Shahr-e Kord", "IR-14", P, "nurses")],
        "Shahrekord for Shahr-e Kord",
    ),
    (
        "en",
        "Farmers block road",
        "Farmers from villages near Borujen blocked a road on Monday against the transfer of water to Isfahan province.",
        [ev("Borujen", "IR-14", P, "farmers")],
        "near; another province named",
    ),
    (
        "en",
        "Bakers protest flour quotas",
        "Bakers protested outside the governor's office in the town of Izeh on Monday over flour quotas.",
        [ev("Izeh", "IR-06", P)],
        "town of",
    ),
    (
        "en",
        "Teachers gather in Sanandaj county",
        "Teachers in Sanandaj county gathered in front of the education department on Monday.",
        [ev("Sanandaj", "IR-12", P, "teachers")],
        "county",
    ),
    (
        "en",
        "Kian Tire strike",
        "Workers of the Kian Tire company in Eslamshahr, south of Tehran, went on strike on Monday.",
        [ev("Eslamshahr", "IR-23", P, "workers")],
        "south of Tehran",
    ),
    (
        "en",
        "Tabriz University students protest",
        "Students of Tabriz University staged a protest on the campus on Monday against the expulsion of two classmates.",
        [ev("Tabriz", "IR-03", P, "students")],
        "university named after its town",
    ),
    (
        "en",
        "Amirkabir students rally",
        "Students at Amirkabir University in Tehran held a rally on Monday.",
        [ev("Tehran", "IR-23", P, "students")],
        "university named after a person",
    ),
    (
        "en",
        "Power cuts protest on Azadi Square",
        "People gathered on Azadi Square in Karaj on Monday to protest against power cuts.",
        [ev("Karaj", "IR-30", P)],
        "square",
    ),
    (
        "en",
        "Sewage protest",
        "Residents of Golestan street in Ahvaz protested on Monday against sewage flooding their homes.",
        [ev("Ahvaz", "IR-06", P)],
        "street named like a province",
    ),
    (
        "en",
        "Fishermen protest trawlers",
        "Fishermen protested in Bandar Lengeh on Monday against Chinese trawlers.",
        [ev("Bandar-e Lengeh", "IR-22", P)],
        "Bandar Lengeh for Bandar-e Lengeh",
    ),
    (
        "en",
        "Truckers strike in Kerman province",
        "Truck drivers in Kerman province parked their lorries along the highway on Monday in a strike over diesel quotas.",
        [ev(None, "IR-08", P, "truckers")],
        "a province named like its capital, alone",
    ),
    (
        "en",
        "Teachers sit in at Harsin",
        "Teachers held a sit-in in Kermanshah province's town of Harsin on Monday.",
        [ev("Harsin", "IR-05", P, "teachers")],
        "province's town of",
    ),
    (
        "en",
        "Sugar workers walk out",
        "Workers of the Haft Tappeh sugar company in Shush and of the Karun sugar factory in Shushtar walked out on Monday.",
        [ev("Shush", "IR-06", P, "workers"), ev("Shushtar", "IR-06", P, "workers")],
        "two towns; Karun the company",
    ),
    (
        "en",
        "Farmers at the dam",
        "Farmers gathered at the Zayandeh Rud dam near Chadegan on Monday, demanding their share of water.",
        [ev("Chadegan", "IR-10", P, "farmers")],
        "dam near a small town",
    ),
    (
        "en",
        "London rally",
        "Iranians in London rallied outside the Iranian embassy on Saturday in solidarity with striking workers in Iran.",
        [],
        "abroad: no Iranian town",
    ),
    (
        "en",
        "Evin rally",
        "Supporters of jailed teachers rallied outside Evin prison in Tehran on Monday.",
        [ev("Tehran", "IR-23", P, "teachers")],
        "prison",
    ),
    (
        "en",
        "Petrochemical workers protest",
        "Contract workers protested in the town of Mahshahr on Monday over job security.",
        [ev("Bandar-e Mahshahr", "IR-06", P, "workers")],
        "Mahshahr for Bandar-e Mahshahr",
    ),
    (
        "en",
        "Water cuts protest",
        "Residents of Khomeini Shahr protested on Monday against water cuts.",
        [ev("Khomeyni Shahr", "IR-10", P)],
        "Khomeini Shahr spelling; Khomeini is a stop word",
    ),
    (
        "en",
        "Falavarjan farmers in Isfahan",
        "Farmers from Falavarjan county gathered outside the governorate in Isfahan on Monday.",
        [ev("Isfahan", "IR-10", P, "farmers")],
        "home county vs place of the action",
    ),
    (
        "en",
        "Mobarakeh Steel rally",
        "Workers of Mobarakeh Steel rallied in front of the plant on Monday.",
        [ev("Mobarakeh", "IR-10", P, "workers")],
        "company named after its town, no other place",
    ),
    (
        "en",
        "Urmia pensioners",
        "Pensioners gathered in Urmia on Monday in front of the social security office.",
        [ev("Orumiyeh", "IR-04", P, "retirees")],
        "Urmia",
    ),
    (
        "en",
        "Mashhad bus drivers",
        "MASHHAD — Bus drivers in the city stopped work on Monday over unpaid wages.",
        [ev("Mashhad", "IR-09", P)],
        "dateline",
    ),
    (
        "en",
        "Kahrizak road blocked",
        "Residents of the Kahrizak district, south of Tehran, blocked the road on Monday after a child was killed by a truck.",
        [ev("Kahrizak", "IR-23", P)],
        "district",
    ),
    (
        "en",
        "Teachers in two towns",
        "Teachers in Dehdasht and Likak in Kohgiluyeh and Boyer-Ahmad province held sit-ins on Monday.",
        [ev("Dehdasht", "IR-17", P, "teachers"), ev("Likak", "IR-17", P, "teachers")],
        "two towns and their province",
    ),
    (
        "en",
        "Imam Reza hospital nurses",
        "Nurses of Imam Reza hospital in Mashhad protested on Monday.",
        [ev("Mashhad", "IR-09", P, "nurses")],
        "hospital named after a person",
    ),
    (
        "en",
        "Retirees on Ferdowsi street",
        "Retirees rallied on Monday outside the social security office on Ferdowsi street in Sari.",
        [ev("Sari", "IR-02", P, "retirees")],
        "street named after a poet",
    ),
    (
        "en",
        "Medical students rally",
        "Students of Shiraz University of Medical Sciences held a rally in Shiraz on Monday.",
        [ev("Shiraz", "IR-07", P, "students")],
        "university and town",
    ),
    (
        "en",
        "Arak plant strike",
        "Workers went on strike on Monday at the Arak Machine Manufacturing plant in Arak.",
        [ev("Arak", "IR-00", P, "workers")],
        "company and town",
    ),
    (
        "en",
        "Pensioners in Chaharmahal",
        "Retirees in Shahr-e Kord and Borujen rallied on Monday.",
        [ev("Shahr-e Kord", "IR-14", P, "retirees"), ev("Borujen", "IR-14", P, "retirees")],
        "two towns",
    ),
    (
        "en",
        "Villagers want water",
        "Villagers from Gheyzaniyeh, near Ahvaz, protested on Monday over drinking water.",
        [ev("Ahvaz", "IR-06", P)],
        "village missing from the gazetteer, near a city",
    ),
    (
        "en",
        "Diaspora rallies",
        "Iranian students in Toronto and Berlin held rallies on Sunday in support of teachers in Iran.",
        [],
        "abroad",
    ),
    (
        "en",
        "Tabas miners strike",
        "Coal miners in Tabas went on strike on Monday after a colleague died.",
        [ev("Tabas", "IR-29", P, "workers")],
        "small town",
    ),
    (
        "en",
        "Port workers",
        "Workers at the petrochemical zone of Bandar Imam Khomeini protested on Monday.",
        [ev("Bandar-e Emam Khomeyni", "IR-06", P, "workers")],
        "Bandar Imam Khomeini",
    ),
    (
        "en",
        "Isfahan province farmers",
        "Farmers in Esfahan province protested on Monday against the water authority.",
        [ev(None, "IR-10", P, "farmers")],
        "province alone, variant spelling",
    ),
    (
        "en",
        "Oil pensioners",
        "Retirees of the oil industry gathered in Abadan and Ahvaz on Monday.",
        [ev("Abadan", "IR-06", P, "retirees"), ev("Ahvaz", "IR-06", P, "retirees")],
        "two towns",
    ),
    (
        "en",
        "Refinery strike",
        "Workers held a strike at the Bandar Abbas refinery on Monday.",
        [ev("Bandar Abbas", "IR-22", P, "workers")],
        "refinery named after its town",
    ),
    (
        "en",
        "Anzali fishermen",
        "Fishermen gathered at the port of Anzali on Monday over fishing bans.",
        [ev("Bandar-e Anzali", "IR-01", P)],
        "Anzali for Bandar-e Anzali",
    ),
    (
        "en",
        "Qaemshahr textile workers",
        "Textile workers in Qaemshahr rallied in front of the governor's office on Monday.",
        [ev("Qa'em Shahr", "IR-02", P, "workers")],
        "Qaemshahr in one word",
    ),
    (
        "en",
        "Masjed Soleyman nurses",
        "Nurses in Masjed-e Soleyman protested on Monday against unpaid overtime.",
        [ev("Masjed Soleyman", "IR-06", P, "nurses")],
        "Masjed-e Soleyman",
    ),
    (
        "en",
        "Teachers in Zanjan",
        "Union spokesman Shahriar Ahmadi said teachers gathered in Zanjan on Monday to demand the release of a colleague.",
        [ev("Zanjan", "IR-19", P, "teachers")],
        "a person named like a town",
    ),
    (
        "en",
        "Ahvaz workers in Tehran",
        "Workers from Ahvaz travelled to the capital and protested outside parliament in Tehran on Monday.",
        [ev("Tehran", "IR-23", P, "workers")],
        "home town vs place of the action",
    ),
    (
        "en",
        "Jam taxi drivers",
        "Taxi drivers protested outside the municipality in the city of Jam, Bushehr province, on Monday.",
        [ev("Jam", "IR-18", P)],
        "a town that is also a word",
    ),
    (
        "fa",
        "تجمع کارگران اسکله",
        "بندرعباس - کارگران اسکله شهید رجایی روز دوشنبه مقابل اداره بندر تجمع کردند.",
        [ev("Bandar Abbas", "IR-22", P, "workers")],
        "dateline written in one word",
    ),
    (
        "fa",
        "تجمع بازنشستگان فولاد",
        "بازنشستگان فولاد روز دوشنبه در اصفهان تجمع کردند.",
        [ev("Isfahan", "IR-10", P, "retirees")],
        "",
    ),
    (
        "fa",
        "تجمع پرستاران شهرکرد",
        "پرستاران بیمارستان هاجر شهرکرد روز دوشنبه تجمع کردند.",
        [ev("Shahr-e Kord", "IR-14", P, "nurses")],
        "town after a hospital name, no cue",
    ),
    (
        "fa",
        "بستن جاده توسط کشاورزان",
        "کشاورزان روستاهای اطراف بروجن روز دوشنبه جاده را بستند.",
        [ev("Borujen", "IR-14", P, "farmers")],
        "villages around a town",
    ),
    (
        "fa",
        "تجمع معلمان سقز",
        "معلمان شهرستان سقز روز دوشنبه مقابل اداره آموزش و پرورش تجمع کردند.",
        [ev("Saqqez", "IR-12", P, "teachers")],
        "شهرستان",
    ),
    (
        "fa",
        "اعتصاب کیان تایر",
        "کارگران شرکت کیان تایر در اسلامشهر روز دوشنبه دست به اعتصاب زدند.",
        [ev("Eslamshahr", "IR-23", P, "workers")],
        "",
    ),
    (
        "fa",
        "تجمع دانشجویان",
        "دانشجویان دانشگاه تبریز روز دوشنبه در محوطه دانشگاه تجمع کردند.",
        [ev("Tabriz", "IR-03", P, "students")],
        "university named after its town",
    ),
    (
        "fa",
        "تجمع در میدان آزادی",
        "مردم روز دوشنبه در میدان آزادی کرج در اعتراض به خاموشی‌ها تجمع کردند.",
        [ev("Karaj", "IR-30", P)],
        "square",
    ),
    (
        "fa",
        "اعتصاب کامیون‌داران",
        "کامیون‌داران استان کرمان روز دوشنبه دست به اعتصاب زدند.",
        [ev(None, "IR-08", P, "truckers")],
        "province named like its capital",
    ),
    (
        "fa",
        "اعتصاب کارگران نیشکر",
        "کارگران شرکت نیشکر هفت‌تپه در شوش و کارگران کارخانه قند کارون در شوشتر روز دوشنبه اعتصاب کردند.",
        [ev("Shush", "IR-06", P, "workers"), ev("Shushtar", "IR-06", P, "workers")],
        "two towns",
    ),
    (
        "fa",
        "تجمع کشاورزان کنار سد",
        "کشاورزان روز دوشنبه کنار سد زاینده‌رود در نزدیکی چادگان تجمع کردند.",
        [ev("Chadegan", "IR-10", P, "farmers")],
        "نزدیکی a small town",
    ),
    ("fa", "تجمع در لندن", "ایرانیان مقیم لندن روز شنبه مقابل سفارت جمهوری اسلامی تجمع کردند.", [], "abroad"),
    (
        "fa",
        "تجمع کارگران پیمانکاری",
        "کارگران پیمانکاری روز دوشنبه در بندر ماهشهر تجمع کردند.",
        [ev("Bandar-e Mahshahr", "IR-06", P, "workers")],
        "بندر ماهشهر with a space",
    ),
    (
        "fa",
        "اعتراض به قطعی آب",
        "اهالی خمینی‌شهر روز دوشنبه در اعتراض به قطعی آب تجمع کردند.",
        [ev("Khomeyni Shahr", "IR-10", P)],
        "ZWNJ",
    ),
    (
        "fa",
        "تجمع کشاورزان فلاورجان",
        "کشاورزان شهرستان فلاورجان روز دوشنبه مقابل استانداری اصفهان تجمع کردند.",
        [ev("Isfahan", "IR-10", P, "farmers")],
        "home county vs the governorate of Isfahan",
    ),
    (
        "fa",
        "تجمع کارگران فولاد مبارکه",
        "کارگران فولاد مبارکه روز دوشنبه مقابل کارخانه تجمع کردند.",
        [ev("Mobarakeh", "IR-10", P, "workers")],
        "company named after its town",
    ),
    (
        "fa",
        "تجمع بازنشستگان ارومیه",
        "بازنشستگان در اروميه روز دوشنبه مقابل اداره تامین اجتماعی تجمع کردند.",
        [ev("Orumiyeh", "IR-04", P, "retirees")],
        "Arabic ي",
    ),
    (
        "fa",
        "توقف کار رانندگان اتوبوس",
        "مشهد - رانندگان اتوبوس این شهر روز دوشنبه دست از کار کشیدند.",
        [ev("Mashhad", "IR-09", P)],
        "dateline",
    ),
    (
        "fa",
        "تجمع معلمان",
        "معلمان در دهدشت و لیکک روز دوشنبه تجمع کردند.",
        [ev("Dehdasht", "IR-17", P, "teachers"), ev("Likak", "IR-17", P, "teachers")],
        "two towns",
    ),
    (
        "fa",
        "تجمع پرستاران",
        "پرستاران بیمارستان امام رضا در مشهد روز دوشنبه تجمع کردند.",
        [ev("Mashhad", "IR-09", P, "nurses")],
        "hospital",
    ),
    (
        "fa",
        "تجمع در خیابان فردوسی",
        "بازنشستگان تامین اجتماعی روز دوشنبه در خیابان فردوسی ساری تجمع کردند.",
        [ev("Sari", "IR-02", P, "retirees")],
        "street named like a town",
    ),
    (
        "fa",
        "اعتصاب ماشین‌سازی",
        "کارگران ماشین‌سازی اراک روز دوشنبه اعتصاب کردند.",
        [ev("Arak", "IR-00", P, "workers")],
        "company named after its town",
    ),
    (
        "fa",
        "تجمع بازنشستگان",
        "بازنشستگان در شهرکرد و بروجن روز دوشنبه تجمع کردند.",
        [ev("Shahr-e Kord", "IR-14", P, "retirees"), ev("Borujen", "IR-14", P, "retirees")],
        "two towns",
    ),
    (
        "fa",
        "اعتراض به کم‌آبی",
        "اهالی روستای غیزانیه در حومه اهواز روز دوشنبه به کمبود آب آشامیدنی اعتراض کردند.",
        [ev("Ahvaz", "IR-06", P)],
        "village missing, حومه a city",
    ),
    (
        "fa",
        "اعتصاب معدنچیان",
        "معدنچیان طبس روز دوشنبه اعتصاب کردند.",
        [ev("Tabas", "IR-29", P, "workers")],
        "small town without a cue",
    ),
    (
        "fa",
        "تجمع کشاورزان استان اصفهان",
        "کشاورزان استان اصفهان روز دوشنبه مقابل اداره آب تجمع کردند.",
        [ev(None, "IR-10", P, "farmers")],
        "province named like its capital",
    ),
    (
        "fa",
        "تجمع کارگران پالایشگاه",
        "کارگران پالایشگاه بندرعباس روز دوشنبه تجمع کردند.",
        [ev("Bandar Abbas", "IR-22", P, "workers")],
        "refinery named after its town",
    ),
    (
        "fa",
        "تجمع بازنشستگان نفت",
        "بازنشستگان صنعت نفت در آبادان و اهواز روز دوشنبه تجمع کردند.",
        [ev("Abadan", "IR-06", P, "retirees"), ev("Ahvaz", "IR-06", P, "retirees")],
        "two towns",
    ),
    (
        "fa",
        "تجمع کارگران شهرداری کهریزک",
        "کارگران شهرداری کهریزک روز دوشنبه تجمع کردند.",
        [ev("Kahrizak", "IR-23", P, "workers")],
        "شهرداری",
    ),
    (
        "fa",
        "تجمع معلمان مریوان",
        "معلمان روستاهای بخش خاومیرآباد شهرستان مریوان روز دوشنبه تجمع کردند.",
        [ev("Marivan", "IR-12", P, "teachers")],
        "بخش and شهرستان",
    ),
    (
        "fa",
        "تجمع کارگران کرمانشاه",
        "كارگران در كرمانشاه روز دوشنبه تجمع كردند.",
        [ev("Kermanshah", "IR-05", P, "workers")],
        "Arabic ك",
    ),
    (
        "fa",
        "تجمع کارگران معدن",
        "کارگران معدن روز دوشنبه در کرمان مقابل استانداری تجمع کردند.",
        [ev("Kerman", "IR-08", P, "workers")],
        "the city named like its province",
    ),
    (
        "fa",
        "تجمع معلمان هرسین",
        "معلمان استان کرمانشاه روز دوشنبه در شهر هرسین تجمع کردند.",
        [ev("Harsin", "IR-05", P, "teachers")],
        "province then town",
    ),
    (
        "fa",
        "تجمع کارگران سرپل ذهاب",
        "کارگران بیکار روز دوشنبه در سرپل‌ذهاب تجمع کردند.",
        [ev("Sarpol-e Zahab", "IR-05", P, "workers")],
        "ZWNJ",
    ),
    (
        "fa",
        "تجمع دانشجویان امیرکبیر",
        "دانشجویان دانشگاه امیرکبیر تهران روز دوشنبه تجمع کردند.",
        [ev("Tehran", "IR-23", P, "students")],
        "university",
    ),
    (
        "fa",
        "تجمع ایرانیان خارج از کشور",
        "ایرانیان در تورنتو و برلین روز یکشنبه در حمایت از معلمان تجمع کردند.",
        [],
        "abroad",
    ),
    (
        "fa",
        "تجمع کارگران بندر امام",
        "کارگران منطقه ویژه پتروشیمی روز دوشنبه در بندر امام خمینی تجمع کردند.",
        [ev("Bandar-e Emam Khomeyni", "IR-06", P, "workers")],
        "بندر امام خمینی",
    ),
    (
        "fa",
        "تجمع معلمان بازنشسته",
        "معلمان بازنشسته روز دوشنبه در گچساران تجمع کردند.",
        [ev("Dogonbadan", "IR-17", P, "retirees")],
        "Gachsaran",
    ),
    (
        "fa",
        "تجمع کشاورزان اسلام‌آباد غرب",
        "کشاورزان روز دوشنبه در اسلام آباد غرب تجمع کردند.",
        [ev("Eslamabad-e Gharb", "IR-05", P, "farmers")],
        "space instead of ZWNJ",
    ),
    (
        "fa",
        "تجمع پرستاران مسجدسلیمان",
        "پرستاران در مسجدسلیمان روز دوشنبه تجمع کردند.",
        [ev("Masjed Soleyman", "IR-06", P, "nurses")],
        "written as one word",
    ),
    (
        "fa",
        "تجمع کارگران نساجی",
        "کارگران نساجی قائمشهر روز دوشنبه مقابل فرمانداری تجمع کردند.",
        [ev("Qa'em Shahr", "IR-02", P, "workers")],
        "قائمشهر in one word",
    ),
    (
        "fa",
        "تجمع معلمان زنجان",
        "شهریار احمدی، سخنگوی کانون صنفی معلمان، گفت معلمان روز دوشنبه در زنجان تجمع کردند.",
        [ev("Zanjan", "IR-19", P, "teachers")],
        "a person named like a town",
    ),
    (
        "fa",
        "تجمع کارگران اهواز در تهران",
        "کارگرانی از اهواز روز دوشنبه مقابل مجلس در تهران تجمع کردند.",
        [ev("Tehran", "IR-23", P, "workers")],
        "home town vs place of the action",
    ),
    (
        "fa",
        "تجمع رانندگان تاکسی",
        "رانندگان تاکسی در شهر جم روز دوشنبه مقابل شهرداری تجمع کردند.",
        [ev("Jam", "IR-18", P)],
        "two-letter town with a cue",
    ),
    (
        "fa",
        "تجمع باغداران ماهان",
        "باغداران ماهان روز دوشنبه مقابل استانداری در کرمان تجمع کردند.",
        [ev("Kerman", "IR-08", P, "farmers")],
        "home town vs place of the action",
    ),
]


def main() -> None:
    """Write dev2.jsonl."""
    with (HERE / "dev2.jsonl").open("w", encoding="utf-8") as handle:
        for number, (language, title, text, events, note) in enumerate(REPORTS, start=1):
            record = {
                "id": f"dev2-{number:03d}",
                "language": language,
                "source": "",
                "published": PUB,
                "title": title,
                "text": text,
                "events": events,
                "claims": [],
                "notes": note,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(REPORTS)} reports")


if __name__ == "__main__":
    main()
