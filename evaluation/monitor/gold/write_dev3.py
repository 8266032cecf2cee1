"""Write the third development set: 86 reports written one by one about actions told without protest words.

Each report below was written and annotated by hand by ACLED's rules before the extractor was
run on it (the annotation says where and when the invented story puts the action, never what
the extractor found). It was written after an aggregate count of the held-out sets' city misses
(no text, town or report read) showed that most of them were documents where no event was
found at all, then Persian towns not read, then a town named outside the sentence with the
protest word. So the set has gatherings told with ordinary verbs ("massed outside", "converged
on", "جمع شدند", "گرد آمدند", "حضور یافتند"), police breaking up a crowd with no protest word,
work stoppages and shut shops in plain words, tractors driven to an office, towns whose
Persian or Latin spelling GeoNames lacks, a province in the protest sentence and the town in
the next, several towns in one sentence, and gatherings that are not protests (fans, prayers,
officials, a planned action). It is a **development** set: its errors are meant to prompt
fixes. Run this file to regenerate dev3.jsonl.

One change since: issue 16's convention (a shop strike with no gathering told is no protest event)
became the one convention of every development gold set, so the shop-strike reports here were relabelled
to no event (their notes say so; docs/monitor.md, "Fifth round").
"""
# Hand-written reports read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.gold_format import (
    FORCE,
    INTERVENTION,
    PEACEFUL,
    VIOLENT,
    Record,
    event,
    write_set,
)

P, I, F, V = PEACEFUL, INTERVENTION, FORCE, VIOLENT  # noqa: E741 - short names keep the table of reports readable
MON = "2025-03-10"  # a Monday (20 Esfand 1403); every report is published the next day
SUN = "2025-03-09"
PUB = "2025-03-11"


def ev(city: str | None, iso: str, kind: str = P, sector: str = "", date: str = MON, low: int | None = None) -> Record:
    return event(city, iso, date, kind, sector, low)


REPORTS: list[tuple[str, str, str, list[Record], str]] = [
    # (language, title, text, events, note); published PUB
    # --- English: gatherings told with ordinary verbs ---
    (
        "en",
        "Cane workers mass outside company offices",
        "Hundreds of sugar-cane workers massed outside the company's offices in Shush on Monday, demanding four months of unpaid wages.",
        [ev("Shush", "IR-06", P, "workers")],
        "massed outside; demanding",
    ),
    (
        "en",
        "Police disperse farmers on dry riverbed",
        "Police dispersed hundreds of farmers who had assembled on the dry bed of the Zayandeh Rud in Isfahan on Monday, witnesses said.",
        [ev("Isfahan", "IR-10", I, "farmers")],
        "police dispersed; no protest word",
    ),
    (
        "en",
        "Pensioners converge on social security office",
        "Several hundred retirees converged on the social security office in Ahvaz on Monday, calling for pensions to be raised in line with inflation.",
        [ev("Ahvaz", "IR-06", P, "retirees")],
        "converged on; calling for (not a call to protest)",
    ),
    (
        "en",
        "Drivers refuse to load in Bandar Abbas",
        "Truck drivers refused to load cargo at the port of Bandar Abbas on Monday over cuts to their diesel quota.",
        [ev("Bandar Abbas", "IR-22", P, "truckers")],
        "refused to load: a strike",
    ),
    (
        "en",
        "Tractors at the water office",
        "Farmers drove dozens of tractors to the regional water office in Varamin on Monday to demand their share of treated wastewater.",
        [ev("Varamin", "IR-23", P, "farmers")],
        "drove tractors to an office",
    ),
    (
        "en",
        "Gathering of detainees' relatives broken up",
        "Security forces broke up a gathering of relatives of detainees outside the courthouse in Zahedan on Monday and detained four people.",
        [ev("Zahedan", "IR-11", I)],
        "broke up a gathering",
    ),
    (
        "en",
        "Refinery contract workers stay home",
        "Contract workers at the Abadan refinery stayed home on Monday in a dispute over unpaid wages, a labour news site reported.",
        [ev("Abadan", "IR-06", P, "workers")],
        "stayed home: a strike",
    ),
    (
        "en",
        "Tabriz bazaar shutters stay down",
        "Shopkeepers in the Tabriz bazaar kept their shutters down on Monday over new tax rules.",
        [],
        "shutters down; a shop strike with no gathering: no event (issue 16's convention)",
    ),
    (
        "en",
        "Students shun cafeteria",
        "Students at Ferdowsi University in Mashhad refused to eat in the cafeteria on Monday over the quality of the food.",
        [ev("Mashhad", "IR-09", P, "students")],
        "refused to eat",
    ),
    (
        "en",
        "Nurses gather in hospital courtyard",
        "Nurses gathered in the courtyard of a hospital in Kermanshah on Monday to demand overtime pay owed since autumn.",
        [ev("Kermanshah", "IR-05", P, "nurses")],
        "control: gathered in",
    ),
    (
        "en",
        "Depositors stand outside central bank branch",
        "Hundreds of depositors of a collapsed credit institution stood outside the central bank branch in Rasht on Monday holding placards.",
        [ev("Rasht", "IR-01", P, "depositors")],
        "stood outside holding placards",
    ),
    (
        "en",
        "Hepco workers outside governorate",
        "A crowd of about 200 workers from the Hepco factory stood in front of the governorate in Arak on Monday.",
        [ev("Arak", "IR-00", P, "workers", low=200)],
        "stood in front of; crowd of about 200",
    ),
    (
        "en",
        "Tear gas in Dezful",
        "Police fired tear gas on Monday at a crowd that had gathered at the main square of Dezful over repeated power cuts.",
        [ev("Dezful", "IR-06", I)],
        "gathered at; tear gas",
    ),
    (
        "en",
        "Herders block highway",
        "Herders blocked the Shiraz-Isfahan highway near Marvdasht on Monday over grazing rights.",
        [ev("Marvdasht", "IR-07", P, "farmers")],
        "blocked the X highway; near",
    ),
    (
        "en",
        "Coal miners stop work",
        "Coal miners in Zarand stopped work on Monday after two colleagues were hurt in a tunnel collapse last week.",
        [ev("Zarand", "IR-08", P, "workers")],
        "stopped work; the hurt are not from the protest",
    ),
    (
        "en",
        "Families of prisoners outside Evin",
        "Families of political prisoners gathered in front of Evin prison in Tehran on Monday.",
        [ev("Tehran", "IR-23")],
        "control: gathered in front of; prison named",
    ),
    (
        "en",
        "Candlelight vigil in Mahabad",
        "Families of the victims held a candlelight vigil in Mahabad on Monday.",
        [ev("Mahabad", "IR-04")],
        "vigil",
    ),
    (
        "en",
        "Teachers sit in across Kurdistan",
        "Teachers held sit-ins in Sanandaj, Saqqez and Baneh on Monday, the teachers' union said.",
        [
            ev("Sanandaj", "IR-12", P, "teachers"),
            ev("Saqqez", "IR-12", P, "teachers"),
            ev("Baneh", "IR-12", P, "teachers"),
        ],
        "three towns in one sentence",
    ),
    (
        "en",
        "Retirees rally in two Khuzestan cities",
        "Retirees rallied in Shush and Ahvaz on Monday. In Ahvaz police detained two of them.",
        [ev("Shush", "IR-06", P, "retirees"), ev("Ahvaz", "IR-06", I, "retirees")],
        "two towns; the arrest in the second sentence",
    ),
    (
        "en",
        "Water protest in Khuzestan",
        "Farmers protested on Monday in Khuzestan province against the transfer of water to other provinces. They gathered in front of the governor's office in Dezful.",
        [ev("Dezful", "IR-06", P, "farmers")],
        "province in the protest sentence; town in the next",
    ),
    (
        "en",
        "Tyres burn in Izeh",
        "Residents of Izeh set fire to tyres and blocked roads on Monday after a water outage entered its fifth day.",
        [ev("Izeh", "IR-06", V)],
        "set fire; blocked roads",
    ),
    (
        "en",
        "Mourners chant slogans in Javanrud",
        "Mourners at the funeral of a young man in Javanrud chanted slogans against the authorities on Monday.",
        [ev("Javanrud", "IR-05")],
        "funeral; chanted",
    ),
    (
        "en",
        "Bakers line up outside governorate",
        "KHORRAMABAD, Iran - Bakers lined up outside the provincial governorate on Monday to object to cuts in subsidized flour.",
        [ev("Khorramabad", "IR-15")],
        "dateline; lined up outside; to object",
    ),
    (
        "en",
        "Steel workers block company entrance",
        "Workers at the Ahvaz steel group blocked the entrance to the company on Monday over the privatization of the plant.",
        [ev("Ahvaz", "IR-06", P, "workers")],
        "blocked the entrance; a company named like the town and no other place",
    ),
    (
        "en",
        "Taxi drivers honk in Karaj",
        "Taxi drivers in Karaj drove slowly around the city's main square honking their horns on Monday against the rise in fuel prices.",
        [ev("Karaj", "IR-30")],
        "honking against",
    ),
    (
        "en",
        "Sugar workers march in Shush",
        "Haft Tappeh sugar workers marched through the streets of Shush on Monday.",
        [ev("Shush", "IR-06", P, "workers")],
        "company named like no town; marched",
    ),
    (
        "en",
        "Farmers from Shadegan sit in at parliament",
        "Farmers from Shadegan staged a sit-in outside parliament in Tehran on Monday.",
        [ev("Tehran", "IR-23", P, "farmers")],
        "home town vs place of the action",
    ),
    (
        "en",
        "Deadly shooting in Saravan",
        "Security forces fired on protesters in Saravan on Monday, killing two, rights groups said.",
        [ev("Saravan", "IR-11", F)],
        "fired on protesters",
    ),
    (
        "en",
        "Hamedan students stay out of class",
        "Students at Bu-Ali Sina University in Hamedan refused to attend classes on Monday after a classmate was expelled.",
        [ev("Hamadan", "IR-13", P, "students")],
        "Hamedan spelling; refused to attend",
    ),
    (
        "en",
        "Baneh shops shut",
        "Shopkeepers in Baneh pulled down their shutters on Monday in response to a general strike over the killing of two porters.",
        [],
        "pulled down their shutters; a shop strike with no gathering: no event (issue 16's convention)",
    ),
    (
        "en",
        "Turkmen farmers protest wheat prices",
        "Turkmen farmers protested in Gonbad on Monday over the price set for wheat.",
        [ev("Gonbad-e Kavus", "IR-27", P, "farmers")],
        "Gonbad for Gonbad-e Kavus",
    ),
    (
        "en",
        "Saffron growers gather",
        "Saffron growers gathered outside the governor's office in Torbat-e Heydarieh on Monday.",
        [ev("Torbat-e Heydariyeh", "IR-09", P, "farmers")],
        "Heydarieh spelling",
    ),
    (
        "en",
        "Porters' families gather in Oshnavieh",
        "Families of border porters gathered outside the governor's office in Oshnavieh on Monday after two porters were shot dead by border guards last week.",
        [ev("Oshnaviyeh", "IR-04")],
        "Oshnavieh spelling; the shooting is not the gathering's",
    ),
    (
        "en",
        "Tea growers rally in Langroud",
        "Tea growers in Langroud rallied on Monday over money owed to them for last season's leaves.",
        [ev("Langarud", "IR-01", P, "farmers")],
        "Langroud spelling",
    ),
    (
        "en",
        "Railway workers walk off in two cities",
        "Railway maintenance workers walked off the job on Monday in Tabriz and Mashhad, the union said.",
        [ev("Tabriz", "IR-03", P, "workers"), ev("Mashhad", "IR-09", P, "workers")],
        "two towns",
    ),
    (
        "en",
        "Pensioners fill square in Shushtar",
        "Pensioners filled a square in Shushtar on Sunday, waving empty pay slips.",
        [ev("Shushtar", "IR-06", P, "retirees", date=SUN)],
        "filled a square; Sunday",
    ),
    (
        "en",
        "Workers occupy municipal building",
        "Municipal workers in Dehdasht occupied the town hall on Monday over eight months of unpaid wages.",
        [ev("Dehdasht", "IR-17", P, "workers")],
        "occupied the town hall",
    ),
    (
        "en",
        "Crowd besieges governor's office",
        "An angry crowd surrounded the governor's office in Khash on Monday after a fuel porter was killed, and police fired tear gas to disperse it.",
        [ev("Khash", "IR-11", I)],
        "surrounded; tear gas",
    ),
    # --- English: not events ---
    (
        "en",
        "Fans queue for derby tickets",
        "Fans gathered outside Azadi stadium in Tehran on Monday to buy tickets for the derby.",
        [],
        "a gathering that is not a protest",
    ),
    (
        "en",
        "Worshippers gather for prayers",
        "Thousands of worshippers gathered in Qom on Friday for the weekly prayers.",
        [],
        "a religious gathering",
    ),
    (
        "en",
        "Governor meets fishermen",
        "The governor of Bushehr met a delegation of fishermen on Monday to discuss compensation for the storm.",
        [],
        "a meeting",
    ),
    (
        "en",
        "Teachers plan gathering",
        "Teachers plan to gather outside the education office in Shiraz next Monday, their union said.",
        [],
        "planned",
    ),
    # --- Persian: gatherings told with ordinary verbs ---
    (
        "fa",
        "کارگران هفت تپه مقابل فرمانداری شوش",
        "کارگران شرکت کشت و صنعت هفت تپه روز دوشنبه مقابل فرمانداری شوش جمع شدند و خواستار پرداخت چهار ماه حقوق معوقه خود شدند.",
        [ev("Shush", "IR-06", P, "workers")],
        "جمع شدند",
    ),
    (
        "fa",
        "کشاورزان در بستر زاینده رود",
        "صدها کشاورز روز دوشنبه در بستر خشک زاینده رود در اصفهان گرد آمدند و خواستار حقابه خود شدند.",
        [ev("Isfahan", "IR-10", P, "farmers")],
        "گرد آمدند",
    ),
    (
        "fa",
        "متفرق کردن بازنشستگان در اهواز",
        "نیروهای انتظامی روز دوشنبه بازنشستگانی را که مقابل سازمان تامین اجتماعی در اهواز جمع شده بودند متفرق کردند.",
        [ev("Ahvaz", "IR-06", I, "retirees")],
        "جمع شده بودند؛ متفرق کردند",
    ),
    (
        "fa",
        "تعطیلی بازار سنندج",
        "کسبه بازار سنندج روز دوشنبه در اعتراض به مالیات های جدید مغازه های خود را تعطیل کردند.",
        [],
        "در اعتراض به؛ تعطیل کردند; a shop strike with no gathering: no event (issue 16's convention)",
    ),
    (
        "fa",
        "کامیون داران بندرعباس بار نمی زنند",
        "کامیون داران در بندرعباس از روز دوشنبه از بارگیری خودداری کردند.",
        [ev("Bandar Abbas", "IR-22", P, "truckers")],
        "از بارگیری خودداری کردند",
    ),
    (
        "fa",
        "حضور پرستاران در محوطه بیمارستان",
        "پرستاران یکی از بیمارستان های مشهد روز دوشنبه در محوطه بیمارستان حضور یافتند و خواستار پرداخت اضافه کار شدند.",
        [ev("Mashhad", "IR-09", P, "nurses")],
        "حضور یافتند و خواستار",
    ),
    (
        "fa",
        "تجمع معلمان بازنشسته کرمانشاه",
        "معلمان بازنشسته در کرمانشاه روز دوشنبه مقابل اداره آموزش و پرورش تجمع کردند.",
        [ev("Kermanshah", "IR-05", P, "retirees")],
        "control",
    ),
    (
        "fa",
        "تجمع معلمان در سه شهر کردستان",
        "معلمان روز دوشنبه در سقز، بانه و مریوان تجمع کردند.",
        [
            ev("Saqqez", "IR-12", P, "teachers"),
            ev("Baneh", "IR-12", P, "teachers"),
            ev("Marivan", "IR-12", P, "teachers"),
        ],
        "three towns",
    ),
    (
        "fa",
        "تجمع کشاورزان خوزستان",
        "کشاورزان استان خوزستان روز دوشنبه تجمع کردند. آنها مقابل فرمانداری دزفول خواستار حقابه خود شدند.",
        [ev("Dezful", "IR-06", P, "farmers")],
        "province in the protest sentence; town in the next",
    ),
    (
        "fa",
        "کارگران ذوب آهن در خمینی شهر",
        "کارگران پیمانکاری در خمینی‌شهر روز دوشنبه دست از کار کشیدند.",
        [ev("Khomeyni Shahr", "IR-10", P, "workers")],
        "ZWNJ in the name",
    ),
    (
        "fa",
        "تجمع ساکنان پرند",
        "ساکنان پرند روز دوشنبه در اعتراض به قطعی مکرر آب مقابل فرمانداری تجمع کردند.",
        [ev("Parand", "IR-23")],
        "a new town with no Persian name in GeoNames but its full one",
    ),
    (
        "fa",
        "اعتراض صیادان پارسیان",
        "صیادان بندر پارسیان روز دوشنبه در اعتراض به صید ترال مقابل بخشداری تجمع کردند.",
        [ev("Parsian", "IR-22")],
        "a town with no Persian name in GeoNames",
    ),
    (
        "fa",
        "کارگران معدن در گلبهار",
        "کارگران یک کارخانه در گلبهار روز دوشنبه در اعتراض به اخراج همکارانشان تجمع کردند.",
        [ev("Golbahar", "IR-09", P, "workers")],
        "a town with no Persian name in GeoNames",
    ),
    (
        "fa",
        "کامیون داران در کنگان",
        "رانندگان کامیون در کنگان روز دوشنبه دست به اعتصاب زدند.",
        [ev("Bandar-e Kangan", "IR-18", P, "truckers")],
        "Kangan without بندر",
    ),
    (
        "fa",
        "تجمع کارگران شهرداری در نسیم شهر",
        "کارگران شهرداری نسیم‌شهر روز دوشنبه برای سومین روز مقابل ساختمان شهرداری تجمع کردند.",
        [ev("Nasim Shahr", "IR-23", P, "workers")],
        "نسیم‌شهر",
    ),
    (
        "fa",
        "لاستیک سوزی در ایذه",
        "جوانان ایذه روز دوشنبه پس از پنج روز قطعی آب لاستیک آتش زدند و جاده را بستند.",
        [ev("Izeh", "IR-06", V)],
        "آتش زدند؛ جاده را بستند",
    ),
    (
        "fa",
        "کشاورزان ورامین با تراکتور",
        "کشاورزان ورامین روز دوشنبه با تراکتورهای خود به مقابل اداره آب منطقه ای رفتند و خواستار سهم خود از پساب شدند.",
        [ev("Varamin", "IR-23", P, "farmers")],
        "tractors driven to an office",
    ),
    (
        "fa",
        "شعار در مراسم خاکسپاری",
        "عزاداران در مراسم خاکسپاری یک جوان در جوانرود روز دوشنبه علیه مسئولان شعار دادند.",
        [ev("Javanrud", "IR-05")],
        "control: شعار",
    ),
    (
        "fa",
        "مالباختگان مقابل بانک مرکزی رشت",
        "صدها نفر از مالباختگان یک موسسه اعتباری روز دوشنبه با در دست داشتن پلاکارد مقابل شعبه بانک مرکزی در رشت ایستادند.",
        [ev("Rasht", "IR-01", P, "depositors")],
        "ایستادند with placards",
    ),
    (
        "fa",
        "بوق رانندگان تاکسی در کرج",
        "رانندگان تاکسی کرج روز دوشنبه در اعتراض به افزایش قیمت سوخت با بوق زدن در میدان اصلی شهر حرکت کردند.",
        [ev("Karaj", "IR-30")],
        "در اعتراض به",
    ),
    (
        "fa",
        "دانشجویان بوعلی از کلاس خودداری کردند",
        "دانشجویان دانشگاه بوعلی سینا در همدان روز دوشنبه پس از اخراج یکی از همکلاسی هایشان از حضور در کلاس ها خودداری کردند.",
        [ev("Hamadan", "IR-13", P, "students")],
        "از حضور در کلاس خودداری",
    ),
    (
        "fa",
        "خانواده های زندانیان مقابل اوین",
        "خانواده های زندانیان سیاسی روز دوشنبه مقابل زندان اوین در تهران گرد هم آمدند.",
        [ev("Tehran", "IR-23")],
        "گرد هم آمدند with a space",
    ),
    (
        "fa",
        "راهپیمایی پس از نماز جمعه زاهدان",
        "صدها نفر از مردم زاهدان روز جمعه ۱۷ اسفند پس از نماز جمعه در خیابان های شهر راهپیمایی کردند.",
        [ev("Zahedan", "IR-11", P, date="2025-03-07")],
        "control; a Jalali date",
    ),
    (
        "fa",
        "گاز اشک آور در دزفول",
        "ماموران روز دوشنبه با گاز اشک آور جمعیتی را که در میدان اصلی دزفول جمع شده بود پراکنده کردند.",
        [ev("Dezful", "IR-06", I)],
        "a crowd dispersed, no protest word",
    ),
    (
        "fa",
        "کارگران در اسلام آباد غرب",
        "کارگران کارخانه قند در اسلام‌آباد غرب روز دوشنبه دست از کار کشیدند.",
        [ev("Eslamabad-e Gharb", "IR-05", P, "workers")],
        "a two-word town with ZWNJ",
    ),
    (
        "fa",
        "بازنشستگان سرپل ذهاب",
        "بازنشستگان در سرپل‌ذهاب روز دوشنبه مقابل بانک صادرات تجمع کردند.",
        [ev("Sarpol-e Zahab", "IR-05", P, "retirees")],
        "سرپل‌ذهاب",
    ),
    (
        "fa",
        "کشاورزان گنبدکاووس",
        "کشاورزان در گنبدکاووس روز دوشنبه در اعتراض به قیمت خرید گندم تجمع کردند.",
        [ev("Gonbad-e Kavus", "IR-27", P, "farmers")],
        "گنبدکاووس joined",
    ),
    (
        "fa",
        "کارگران پیمانی ماهشهر",
        "کارگران پیمانی در ماهشهر روز دوشنبه دست از کار کشیدند.",
        [ev("Bandar-e Mahshahr", "IR-06", P, "workers")],
        "ماهشهر without بندر",
    ),
    (
        "fa",
        "تجمع در دهدشت",
        "کارگران شهرداری دهدشت روز دوشنبه ساختمان شهرداری را اشغال کردند.",
        [ev("Dehdasht", "IR-17", P, "workers")],
        "اشغال کردند",
    ),
    (
        "fa",
        "اهالی روستاهای شوشتر",
        "اهالی روستاهای اطراف شوشتر روز دوشنبه در اعتراض به بی آبی جاده اصلی را بستند.",
        [ev("Shushtar", "IR-06")],
        "near; جاده را بستند",
    ),
    (
        "fa",
        "معلمان در خیابان های اردبیل",
        "صدها معلم روز دوشنبه در خیابان های اردبیل راهپیمایی کردند.",
        [ev("Ardabil", "IR-24", P, "teachers")],
        "control",
    ),
    (
        "fa",
        "بازنشستگان خوی",
        "بازنشستگان خوی روز دوشنبه مقابل فرمانداری جمع شدند و شعار دادند.",
        [ev("Khoy", "IR-04", P, "retirees")],
        "a town after a people noun, no other place",
    ),
    (
        "fa",
        "اهالی باغملک",
        "اهالی شهرستان باغملک روز دوشنبه مقابل فرمانداری جمع شدند و خواستار رسیدگی به وضعیت جاده شدند.",
        [ev("Bagh-e Malek", "IR-06")],
        "شهرستان؛ جمع شدند و خواستار",
    ),
    (
        "fa",
        "صیادان چابهار",
        "صیادان چابهار روز یکشنبه در اعتراض به ورود کشتی های صید ترال به اسکله رفتند و مانع کار آنها شدند.",
        [ev("Chabahar", "IR-11", date=SUN)],
        "در اعتراض به; Sunday",
    ),
    (
        "fa",
        "محاصره فرمانداری خاش",
        "جمعیتی خشمگین روز دوشنبه پس از کشته شدن یک سوخت بر فرمانداری خاش را محاصره کرد و ماموران با گاز اشک آور آن را پراکنده کردند.",
        [ev("Khash", "IR-11", I)],
        "محاصره؛ the death is not the crowd's",
    ),
    (
        "fa",
        "کارگران راه آهن در دو شهر",
        "کارگران خط و ابنیه راه آهن روز دوشنبه در تبریز و مشهد دست از کار کشیدند.",
        [ev("Tabriz", "IR-03", P, "workers"), ev("Mashhad", "IR-09", P, "workers")],
        "two towns",
    ),
    (
        "fa",
        "بازنشستگان در شوش و اهواز",
        "بازنشستگان روز دوشنبه در شوش و اهواز تجمع کردند. در اهواز ماموران دو نفر از آنها را بازداشت کردند.",
        [ev("Shush", "IR-06", P, "retirees"), ev("Ahvaz", "IR-06", I, "retirees")],
        "two towns; the arrest in the second sentence",
    ),
    (
        "fa",
        "تجمع در یاسوج",
        "پرستاران بیمارستان شهید بهشتی یاسوج روز دوشنبه در اعتراض به پرداخت نشدن کارانه تجمع کردند.",
        [ev("Yasuj", "IR-17", P, "nurses")],
        "a hospital named after a person, then the town",
    ),
    (
        "fa",
        "کشاورزان مرودشت",
        "کشاورزان مرودشت روز دوشنبه بزرگراه شیراز اصفهان را بستند.",
        [ev("Marvdasht", "IR-07", P, "farmers")],
        "بزرگراه X را بستند",
    ),
    # --- Persian: not events ---
    (
        "fa",
        "هواداران استقلال مقابل ورزشگاه",
        "هواداران تیم استقلال روز دوشنبه مقابل ورزشگاه آزادی در تهران جمع شدند تا بلیت دربی را بخرند.",
        [],
        "a gathering that is not a protest",
    ),
    ("fa", "نماز جمعه قم", "هزاران نمازگزار روز جمعه در مصلای قم گرد آمدند.", [], "a religious gathering"),
    (
        "fa",
        "بازنشستگان فارس تجمع خواهند کرد",
        "بازنشستگان قرار است روز دوشنبه آینده مقابل استانداری فارس در شیراز تجمع کنند.",
        [],
        "planned",
    ),
    (
        "fa",
        "دیدار وزیر کار با کارگران تبریز",
        "وزیر کار روز دوشنبه در تبریز با نمایندگان کارگران دیدار کرد.",
        [],
        "a meeting",
    ),
    ("fa", "همایش مدیران در یزد", "جمعی از مدیران صنایع روز دوشنبه در همایشی در یزد گرد هم آمدند.", [], "a conference"),
]


def main() -> None:
    """Write dev3.jsonl."""
    write_set(
        "dev3",
        "dev3",
        [(language, PUB, title, text, events, [], note) for language, title, text, events, note in REPORTS],
    )


if __name__ == "__main__":
    main()
