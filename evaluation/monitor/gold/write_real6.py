"""Write the real-text set's sixth part: Persian passages no one here wrote, lists of towns first, all development.

The same rules as `write_real.py` … `write_real5.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (joiners lost, a space before a comma, a word glued to the next, a first letter the copy
dropped), labelled sentence by sentence (E event, C tally, N neither) with ACLED-style events (one per place and
day; a list of towns is one event per town with the list's shared day and sub-type) and claims.

Sources: Voice of America's Persian service (works of the United States government, public domain): two reports
as republished in full by other Persian sites that name VOA as their author ("صدای امریکا:", "صدای آمریکا -"), and
three VOA pages the search tool holds that no other part uses (most of its VOA Persian pages were already in parts
1 to 5 or the blind parts). Each record names the page or copy it was read from. Persian first, lists of places
first: a list of 54 towns after a colon on its own line, a tally of provinces told twice, a tally of towns, a death
toll with its towns listed, a province's towns with a town named twice, a town named only in the headline and a
caption, a day with its weekday under a clock line three years later. Nothing is split by hash: every passage is
**development** (read and fixed on). The first two were committed before the extractor first ran on them; the
last three were added after one fix (ec60191) and committed before the extractor first ran on them. Run this file
to regenerate `real_dev6.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, RealReport, V, cl, ev, jal, write_part

SHAHRVAND_22_PROVINCES = "https://shahrvand.com/archives/111034"
GOOYA_THIRD_DAY = "https://news.gooya.com/2019/11/post-32207.php"
VOA_FA_WATER_THURSDAY = "https://ir.voanews.com/a/top-stories_iran-protests-water-shortage/6127230.html"
VOA_FA_WATER_FRIDAY = "https://ir.voanews.com/latestnews/iran-water-demonstrations"
VOA_FA_FORTIETH_DAY = "https://voa.pangea-cms.com/preview/fa-IR/a/iran-protests-mahsa-amini/6805988.html"
VOA_PAGE_TOP = [[("N", "لینکهای قابل دسترسی")], [("N", "خبر فوری")]]

# Saturday 25 Aban 1398 (16 November 2019), the second day of the fuel-price protests: the day of the list
SATURDAY = jal(1398, 8, 25)
LIST_TOWNS: list[tuple[str | None, str]] = [
    ("Abadan", "IR-06"),
    ("Arāk", "IR-00"),
    ("Ardabīl", "IR-24"),
    ("Orūmīyeh", "IR-04"),
    ("Isfahan", "IR-10"),  # and «ملک شهر», a district of Isfahan: the same place and day, one event
    ("Ahvaz", "IR-06"),
    ("Īlām", "IR-16"),
    ("Bandar Abbas", "IR-22"),
    ("Bushehr", "IR-18"),
    ("Behbahān", "IR-06"),
    (None, "IR-17"),  # «بهمئی (در استان کهگیلویه و بویراحمد)»: a county, no town named
    ("Pāsārgād", "IR-07"),
    ("Poldokhtar", "IR-15"),
    ("Parand", "IR-23"),  # «پرند رباط کریم»: Parand, in the county of Robat Karim
    ("Tabriz", "IR-03"),
    ("Tehran", "IR-23"),
    ("Khorramabad", "IR-15"),
    ("Khorramshahr", "IR-06"),
    ("Dorūd", "IR-15"),
    ("Dezful", "IR-06"),
    ("Damāvand", "IR-23"),
    ("Rasht", "IR-01"),
    ("Rūdehen", "IR-23"),
    ("Sari", "IR-02"),
    ("Sāveh", "IR-00"),
    ("Sarpol-e Z̄ahāb", "IR-05"),
    ("Sanandaj", "IR-12"),
    ("Sirjan", "IR-08"),
    ("Shahrud", "IR-20"),
    ("Shūshtar", "IR-06"),
    ("Shahr-e Kord", "IR-14"),
    ("Shahrīār", "IR-23"),
    ("Shiraz", "IR-07"),
    ("Fasā", "IR-07"),
    ("Qā’em Shahr", "IR-02"),
    ("Qazvin", "IR-26"),
    ("Qods", "IR-23"),  # «قلعه حسنخان، (شهرقدس) در غرب شهر تهران»: one town, its old and new names
    ("Qom", "IR-25"),
    ("Karaj", "IR-30"),
    ("Kermanshah", "IR-05"),
    ("Kahnūj", "IR-08"),
    ("Dogonbadan", "IR-17"),  # «گچساران»: the county's town
    ("Gorgān", "IR-27"),
    ("Garmsār", "IR-20"),
    ("Bandar-e Māhshahr", "IR-06"),
    ("Marīvān", "IR-12"),
    ("Mahdishahr", "IR-20"),  # «مهدیشهر (سنگسر) در سمنان»
    ("Mashhad", "IR-09"),
    ("Najafābād", "IR-10"),
    ("Neyshābūr", "IR-09"),
    ("Varāmīn", "IR-23"),
    ("Yasuj", "IR-17"),
    ("Yazd", "IR-21"),
]
WATER_THURSDAY = jal(1400, 4, 24)  # Thursday 15 July 2021
WATER_FRIDAY = jal(1400, 4, 25)  # Friday 16 July 2021
KILLED_TOWNS = ["شیراز", "بهارستان", "کرج", "شهریار", "بهبهان", "مریوان", "سیرجان"]

REPORTS: list[RealReport] = [
    (
        "real-fa-601",
        "fa",
        None,
        "اعتراضات گرانی بنزین",
        SHAHRVAND_22_PROVINCES,
        VOA,
        f"صدای آمریکا (VOA فارسی), as republished in full by Shahrvand, {SHAHRVAND_22_PROVINCES} (the copy names VOA as its author: «صدای امریکا:»; cut before a heading and a sentence the copy broke off)",
        [
            [
                (
                    "C",
                    "صدای امریکا: در حالیکه مقامات جمهوری اسلامی اطلاعات چندانی از تظاهرات اخیر و کشتهها نمیدهند، استاندار تهران در حاشیه یک اظهارنظر تائید کرد که اعتراضات اخیر تا ۲۲ استان ایران گسترده شد.",
                )
            ],
            [
                (
                    "C",
                    "انوشیروان محسنی بندپی در جلسه شورای برنامهریزی و توسعه استان تهران، گفته است در روز اول اعتراضات «۲۲ استان درگیر» بودند.",
                ),
                ("N", "اشاره او به شنبه ۲۴ آبان است."),
                (
                    "C",
                    "پیشتر صدای آمریکا با مرور ویدئوی اعتراضات تائید کرده بود که دست کم ۵۴ شهر ایران شاهد اعتراضات است.",
                ),
            ],
            [
                (
                    "E",
                    "براساس فیلمهای ارسالی به صدای آمریکا روز شنبه در شهرهای زیر (به ترتیب الفبا) تجمع اعتراضی برگزار شد:",
                )
            ],
            [
                (
                    "E",
                    "آبادان، اراک، اردبیل، ارومیه، اصفهان، اهواز، ایلام، بندرعباس، بوشهر ، بهبهان، بهمئی (در استان کهگیلویه و بویراحمد)، پاسارگاد، پلدختر، پرند رباط کریم، تبریز، تهران، خرمآباد، خرمشهر، دورود، دزفول، دماوند، رشت، رودهن، ساری، ساوه، سرپل ذهاب، سنندج، سیرجان، شاهرود، شوشتر، شهرکرد، شهریار، شیراز، فسا، قائمشهر، قزوین، قلعه حسنخان، (شهرقدس) در غرب شهر تهران، قم، کرج، کرمانشاه، کهنوج، گچساران، گرگان، گرمسار، ماهشهر، مریوان، مهدیشهر (سنگسر) در سمنان، مشهد، ملک شهر، نجف آباد، نیشابور، ورامین، یاسوج، یزد.",
                )
            ],
        ],
        [ev(city, iso, SATURDAY) for city, iso in LIST_TOWNS],
        [
            cl(22, "places", claimant="استاندار تهران", period="روز اول اعتراضات"),
            cl(54, "places", "at least", claimant="صدای آمریکا"),
        ],
        "The fuel-price protests of Aban 1398 (November 2019), a page with no date line: the Tehran governor's count of 22 provinces (told twice, one claim; VOA's gloss «شنبه ۲۴ آبان» puts the wrong weekday beside the first day, Friday 24 Aban), VOA's count of at least 54 towns, then a lead ending in a colon and, on its own line, the towns of Saturday's gatherings in alphabetical order: Saturday 25 Aban 1398 (16 November 2019; the day is known from the movement, the page gives no year). One event per town with the list's day: a county named with its province (Bahmai) is a province-level event, Qal'eh Hasan Khan and «(شهرقدس)» are one town (Qods), «پرند رباط کریم» is Parand, Malek Shahr is a district of Isfahan (the same event), Gachsaran is Dogonbadan; 53 events.",
    ),
    (
        "real-fa-602",
        "fa",
        None,
        "",
        GOOYA_THIRD_DAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), as republished in full by Gooya News, {GOOYA_THIRD_DAY} (the copy names VOA as its author: «صدای آمریکا -»; cut before a sentence the copy broke off)",
        [
            [
                (
                    "N",
                    "صدای آمریکا - روز یکشنبه برای سومین روز متوالی برخی شهرهای ایران شاهد برگزاری تجمعات اعتراضی بود.",
                ),
                (
                    "N",
                    "هنوز دسترسی شهروندان به ایران محدود است و همزمان، وزیر خارجه ایالات متحده تاکید کرد که آمریکا در کنار مردم ایران است.",
                ),
            ],
            [
                (
                    "N",
                    "پیشتر، مایک پمپئو وزیر خارجه ایالات متحده واکنش به اعتراضات گسترده در ایران، روز شنبه ۲۵ آبان ، ضمن بازنشر توئیت یک سال و نیم قبل خود، خطاب به مردم ایران نوشت ایالات متحده در کنار شما است.",
                )
            ],
            [
                ("N", "مقامات جمهوری اسلامی ایران هنوز آمار دقیقی از کشتهها توسط ماموران ارائه ندادند."),
                (
                    "C",
                    "تصاویر ویدئویی و گزارشهای ارسالی به صدای آمریکا از اعتراضات روز شنبه ۲۵ آبان نشان میدهد که بر اثر تیراندازی ماموران دست کم هفت نفر در شهرهای شیراز، بهارستان، کرج، شهریار، بهبهان، مریوان، و سیرجان کشته شدهاند.",
                ),
                ("N", "اما هنوز از هویت آنها اطلاعی در دست نیست."),
            ],
            [
                ("N", "ینترنت در ایران تقریبا قطع است و دسترسی مردم به آن محدود شده است."),
                (
                    "N",
                    "مورگان اورتگاس سخنگوی وزارت خارجه ایالات متحدهدر واکنش به این اقدام رژیم ایران گفت: «ما تلاش ها برای قطع اینترنت را محکوم می کنیم.",
                ),
                ("N", "بگذارید آنها [مردم] حرفشان را بزنند!»"),
            ],
            [
                (
                    "N",
                    "اعتراضات به گرانی بنزین از روز جمعه ۲۴ آبان ماه و پس از انتشار ناگهانی خبر سه برابر شدن قیمت بنزین آزاد در شهرهای مختلف ایران آغاز شد.",
                )
            ],
        ],
        [],
        [
            cl(
                7,
                "killed",
                "at least",
                claimant="صدای آمریکا",
                places=7,
                period="روز شنبه ۲۵ آبان",
                place_names=KILLED_TOWNS,
            )
        ],
        "The third day of the fuel-price protests, Sunday 26 Aban 1398 (17 November 2019), told only as “some towns of Iran” (no place, so no event); US reactions; a death toll of Saturday 25 Aban, at least seven killed, with its seven towns listed: a tally (C), whose towns are the tally's places and no evidence of seven events (a claim sentence is never evidence of the events it counts); «هفت» a number word; «یک سال و نیم» a span; the start of the protests on Friday 24 Aban “in various towns of Iran” is background.",
    ),
    (
        "real-fa-603",
        "fa",
        None,
        "اعتراضات نسبت به بیآبی در چند شهر خوزستان؛ برقراری جو امنیتی و شنیده شدن صدای تیراندازیهای مکرر",
        VOA_FA_WATER_THURSDAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_WATER_THURSDAY} (cut before a sentence the stored copy broke off)",
        [
            *VOA_PAGE_TOP,
            [("N", "شنبه ۳ آذر ۱۴۰۳ ایران ۰۱:۰۵")],
            [("N", "تصویری از یک فیلم منتسب به اعتراضات پنجشنبه شب خوزستان")],
            [("N", "تصویری از یک فیلم منتسب به اعتراضات پنجشنبه شب خوزستان")],
            [
                (
                    "E",
                    "براساس فیلمهای ارسالی به صدای آمریکا، چندین شهر استان خوزستان ایران پنجشنبه شب شاهد اعتراض به بی آبی بود.",
                )
            ],
            [
                (
                    "E",
                    "در این فیلمها، شهروندان خوزستان شامگاه پنجشنبه ۲۴ تیر به وقت ایران نسبت به بیآبی اعتراض کردند و شعارهایی چون «تشنهام، آب حق من است» و «هور ما کو، آب ما کو» سردادند.",
                ),
                (
                    "E",
                    "براساس این فیلمها صدای آمریکا میتواند تجمع و اعتراض در شهرهای اهواز، ماهشهر، حمیدیه، ماهشهر، سوسنگرد و شهر مرزی بستان را تائید کند.",
                ),
            ],
            [
                (
                    "N",
                    "به نظر میرسد جرقه اصلی اعتراضات در این استان جنوبی اعتراض به بیآبی باشد؛ در حالی که خوزستان این روزها با هوای گرمتر از ۵۰ درجه سانتیگراد روبهروست.",
                )
            ],
            [
                (
                    "N",
                    "بر اساس ویدئوهای منتشرشده در شبکههای اجتماعی جو خوزستان بهشدت امنیتی است و نیروهای انتظامی با تجهیزات سرکوب در مقابل مردم معترض قرار گرفتهاند.",
                )
            ],
            [("N", "مخاطبان برای صدای آمریکا دو ویدئو از این اعتراضات ارسال کردهاند.")],
        ],
        [
            ev("Ahvaz", "IR-06", WATER_THURSDAY),
            ev("Bandar-e Māhshahr", "IR-06", WATER_THURSDAY),
            ev("Ḥamīdiyeh", "IR-06", WATER_THURSDAY),
            ev("Sūsangerd", "IR-06", WATER_THURSDAY),
            ev("Bostān", "IR-06", WATER_THURSDAY),
        ],
        [],
        "The first night of the Khuzestan water protests, Thursday 24 Tir 1400 (15 July 2021), under the site's clock line of 1403 that dates nothing (24 Tir fell on a Thursday in 1400, not in 1401 to 1403); a caption given twice; the province's towns told in a list that names Mahshahr twice (one event); gunfire heard is in the headline only, and forces facing protesters are told for the province with no town, so each town's gathering is peaceful; «۵۰ درجه» a temperature and «دو ویدئو» a count of videos, no tallies.",
    ),
    (
        "real-fa-604",
        "fa",
        None,
        "اعتراضات گسترده به بیآبی در سوسنگرد و شادگان؛ دستکم یک نفر بر اثر تیراندازی کشته شد",
        VOA_FA_WATER_FRIDAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_WATER_FRIDAY} (cut before a sentence the stored copy broke off)",
        [
            *VOA_PAGE_TOP,
            [("N", "یکشنبه ۲۳ اردیبهشت ۱۴۰۳ ایران ۲۰:۰۸")],
            [("N", "تصویر یکی از ناآرامی های روز جمعه در سوسنگرد")],
            [("N", "تصویر یکی از ناآرامی های روز جمعه در سوسنگرد")],
            [
                (
                    "E",
                    "گزارشهای ارسالی به صدای آمریکا نشان میدهد شهرهای استان خوزستان، شامگاه جمعه ۲۵ تیر برای دومین روز پیاپی صحنه اعتراض مردم شهرها و مناطق مختلف این استان است.",
                )
            ],
            [
                (
                    "E",
                    "به رغم جو امنیتی سنگین در خوزستان و شنیده شدن صدای شلیک در چندین نقطه، مردم در خیابان ها با شعارهای «تشنهام»، «آب حق من است»، و «هور ما کو، آب ما کو»، اعتراض خود را به شرایط موجود نشان دادهاند.",
                )
            ],
            [
                (
                    "E",
                    "روز شنبه ۲۶ تیر، سرپرست فرمانداری شادگان، امید صبری پور، گفت یک شهروند اهل شادگان در اعتراضات به بیآبی در خوزستان کشته شده است.",
                ),
                (
                    "E",
                    "به گزارش خبرگزاری ایسنا، او گفت جمعه ۲۵ تیر، بر اثر تیراندازی «افراد فرصتطلب و اغتشاشگر» به سمت ماموران و تجمعکنندگان یک جوان ۳۰ ساله جان خود را از دست داد.",
                ),
                (
                    "N",
                    "او گفته است «مسببان این حادثه توسط نیروهای انتظامی و امنیتی شناسایی و شب گذشته برخی دستگیر شدهاند و دستگیری دیگر افراد نیز در دستور کار است.»",
                ),
            ],
        ],
        [
            ev("Shādegān", "IR-06", WATER_FRIDAY, V),
            ev("Sūsangerd", "IR-06", WATER_FRIDAY),
        ],
        [],
        "The second night of the Khuzestan water protests, Friday 25 Tir 1400 (16 July 2021), under a clock line of 1403: Shadegan, where the county's acting governor told of one man killed on Friday by shots of “opportunists and rioters” at the officers and the gathering (the event's own death, no tally; violent as the only account tells it, though the headline says only “by gunfire”), and Susangerd, named in the headline and a caption only (a caption is N, the event is the headline's); the province's gatherings told with no town; «۳۰ ساله» an age; the arrests of «برخی» (some) are no count.",
    ),
    (
        "real-fa-605",
        "fa",
        None,
        "گسترش اعتراضات در ایران؛ مراسم چهلم مهسا امینی: «مرگ بر رژیم بچهکش»",
        VOA_FA_FORTIETH_DAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_FORTIETH_DAY} (the page's preview copy; cut before a sentence the stored copy broke off)",
        [
            *VOA_PAGE_TOP,
            [("N", "شنبه ۳ آذر ۱۴۰۳ ایران ۱۹:۲۵")],
            [("N", "اعتراضات سراسری ایران، مراسم چهلم مهسا امینی، سقز چهارشنبه ۴ آبان ۱۴۰۱")],
            [("N", "اعتراضات سراسری ایران، مراسم چهلم مهسا امینی، سقز چهارشنبه ۴ آبان ۱۴۰۱")],
            [
                (
                    "N",
                    "در چهلمین روز پس از کشته شدن مهسا امینی در بازداشت، اعتراضات و اعتصابات سراسری در شهرهای مختلف ایران در جریان است.",
                ),
                (
                    "E",
                    "شمار کثیری از شهروندان که تعداد آنها بر اساس تصاویر منتشر شده به هزاران تن میرسد، روز چهارشنبه ۴ آبان در آرامستان آیچی سقز حاضر شدند و جمهوری اسلامی را «رژیم بچهکش» خطاب کردند.",
                ),
            ],
            [
                (
                    "N",
                    "این در حالی است که نت بلاکز، که در زمینه رصد اینترنت فعال است، با انتشار توییتی تایید کرد که از صبح چهارشنبه و همزمان با برگزاری چهلمین روز درگذشت مهسا امینی اینترنت منطقهای در سنندج و استان کردستان ایران قطع شده است.",
                )
            ],
            [
                (
                    "N",
                    "گزارشهای رسیده به صدای آمریکا حاکی از آن است که علاوه بر اعتراضات و اعتصابات گسترده، شماری از کارکنان ادارات همزمان با چهلم مهسا امینی با لباس سیاه به نشان سوگواری در محل کار خود حاضر شدهاند و درباره کشتهشدگان اعتراضات با هم صحبت میکنند.",
                )
            ],
            [("N", "• چهلم مهسا امینی")],
        ],
        [ev("Saqqez", "IR-12", jal(1401, 8, 4))],
        [],
        "The fortieth day after Mahsa Amini's death, Wednesday 4 Aban 1401 (26 October 2022), under a clock line of 1403: thousands at the Aichi cemetery of Saqqez (one event; «هزاران» is no number); a caption with the full date given twice (N); the nationwide protests and strikes “in various towns” (no place); the internet cut in Sanandaj and Kurdistan province (no gathering); office workers in black (no gathering); a link line; «چهلمین» an ordinal.",
    ),
]


def write_real6() -> None:
    """Write real_dev6.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev6", REPORTS))


if __name__ == "__main__":
    write_real6()
