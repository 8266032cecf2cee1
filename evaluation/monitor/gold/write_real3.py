"""Write the real-text set's third part: more Wikipedia passages in Persian and English, split dev/blind by hash.

The same rules as `write_real.py` (README.md beside this file, "Real text"): passages copied as the copy that
was read gave them (infobox lines glued to their labels, citation markers, reference lines with the day they
were read, image file names, lists of towns), labelled sentence by sentence (E event, C tally, N neither)
with ACLED-style events and claims. Every passage is Wikipedia text (CC BY-SA; Persian Wikipedia's 2006
and 2007 pages were GFDL and are CC BY-SA since the 2009 relicensing). The copies read had lost Persian's
zero-width non-joiner (U+200C: "میشود", "تجمعهای"); the text keeps that as read, because the extractor meets
such copies too. Nothing from Voice of America is here.

Split: `is_blind(id)` (the rule of `write_real.py`: first hex digit of the id's SHA-256 is 0–4) puts a part
in `real_blind2.jsonl`, written and committed before the extractor first ran on any passage of this file;
the rest is `real_dev3.jsonl` (development). Run this file to regenerate both.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import F, I, P, RealReport, V, cl, ev, is_blind, jal, write_part

WP = "CC BY-SA 4.0 (Wikipedia)"
FAWP = "CC BY-SA 4.0 (Persian Wikipedia)"
FANDOM = "CC BY-SA 3.0 (Historica Wiki, Fandom)"
GLOBAL_VOICES = "CC BY 3.0 (Global Voices)"
FAWP_OLD = "CC BY-SA 3.0 (Persian Wikipedia; GFDL when the dump was made, relicensed in 2009)"

FA_KHORDAD = "http://fa.wikipedia.org/wiki/%D8%AA%D8%B8%D8%A7%D9%87%D8%B1%D8%A7%D8%AA%20%D8%A7%D8%B9%D8%AA%D8%B1%D8%A7%D8%B6%DB%8C%20%D8%AD%D8%A7%D9%85%DB%8C%D8%A7%D9%86%20%D9%85%D9%88%D8%B3%D9%88%DB%8C%20%D8%AF%D8%B1%20%D8%A7%DB%8C%D8%B1%D8%A7%D9%86%20%28%DB%B2%DB%B5%20%D8%AE%D8%B1%D8%AF%D8%A7%D8%AF%20%DB%B1%DB%B3%DB%B8%DB%B8%29"
FA_1401_COPY = (
    "https://roozonline.net/%d8%ae%db%8c%d8%b2%d8%b4-%db%b1%db%b4%db%b0%db%b1-%d8%a7%db%8c%d8%b1%d8%a7%d9%86-2"
)
FA_DUMP_2007 = "https://mirror.wmcloud.org/other/static_html_dumps/September_2007/fa/wikipedia-fa-html.7z"
FA_DUMP_2006 = "https://dumps.wikimedia.org/other/static_html_dumps/December_2006/fa/wikipedia-fa-html.7z"
EN_BLACK_FRIDAY = "https://en.wikipedia.org/wiki/Black_Friday_(1978)"
EN_BLACK_FRIDAY_COPY = "https://review.clateway.com/wiki/view_html.php?lang=en&q=Black_Friday_%281978%29&sq=Facebook"
EN_BLACK_FRIDAY_OLD = "https://brorelol.gay/Wikipedia/articles/b/l/a/Black_Friday_%281978%29_472c.html"
EN_MAHSHAHR = "https://en.wikipedia.org/wiki/Mahshahr_massacre"
EN_2011 = "https://en.wikipedia.org/wiki/2011%E2%80%932012_Iranian_protests"
EN_2011_COPY = "https://owiki.org/wiki/2011_Iranian_protests"
EN_2011_REV_LATE = "https://talk.dob.jp/enwiki/w/index.php?oldid=414093631&title=2011%E2%80%932012_Iranian_protests"
EN_2011_REV_EARLY = "https://talk.dob.jp/enwiki/w/index.php?oldid=413882105&title=2011%E2%80%932012_Iranian_protests"
EN_AMINI = "https://en.wikipedia.org/wiki/Mahsa_Amini_protests"
EN_AMINI_COPY = "https://detailedpedia.com/wiki-Mahsa_Amini_protests"
EN_TABRIZ = "https://en.wikipedia.org/wiki/1978_Tabriz_protests"
EN_HIJAB = "https://en.wikipedia.org/wiki/Iranian_protests_against_compulsory_hijab"
EN_MOVAHED = "https://en.wikipedia.org/wiki/Vida_Movahed"
EN_MOVAHED_COPY = "https://pinocchiopedia.com/wiki/Vida_Movahed"
EN_QOM_OLD = "https://en.wikipedia.org/wiki/?oldid=999055655&title=1978_Qom_protest"
EN_QOM = "https://en.wikipedia.org/wiki/1978_Qom_protest"
EN_QOM_COPY = "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/1978_Qom_protest"
EN_1963 = "https://en.wikipedia.org/wiki/1963_demonstrations_in_Iran"
HISTORICA_1963 = "https://historica.fandom.com/wiki/15_Khordad"
GV_ABADAN = (
    "https://globalvoices.org/2022/05/29/iranian-protesters-demand-justice-after-deaths-in-abadans-building-collapse/"
)

KHORDAD_25 = jal(1388, 3, 25)

REPORTS: list[RealReport] = [
    (
        "real-fa-201",
        "fa",
        None,
        "تظاهرات ۲۵ خرداد ۱۳۸۸ معترضان به نتیجه انتخابات ریاستجمهوری در ایران",
        FA_KHORDAD,
        FAWP,
        f"«تظاهرات اعتراضی حامیان موسوی در ایران (۲۵ خرداد ۱۳۸۸)»، ویکی‌پدیای فارسی، {FA_KHORDAD} (infobox and lead, cut before a sentence the copy read broke off)",
        [
            [("N", "از ویکیپدیا، دانشنامهٔ آزاد")],
            [("N", "راهپیمایی اعتراضی حامیان موسوی در ایران (۲۵ خرداد ۱۳۸۸)")],
            [("N", "تظاهرات میلیونها نفر از حامیان میرحسین موسوی در تهران")],
            [
                (
                    "E",
                    "جایگاه ایران: تهران، شیراز، قم،مشهد، اصفهان، اهواز، خرمآباد، ارومیه، اراک، تبریز، کرمانشاه، رشت، کرمان، یزد، بوشهر.",
                )
            ],
            [("N", "مالزی: کوالالامپور")],
            [("N", "فرانسه: پاریس")],
            [("N", "تاریخ۲۵ خرداد ۱۳۸۸")],
            [("N", "گونهتظاهرات خیابانی")],
            [("N", "کشتهشدگاننامشخص")],
            [("N", "زخمیهانامشخص")],
            [
                (
                    "E",
                    "تظاهرات اعتراضی حامیان موسوی در ایران راهپیمایی اعتراضآمیزی بود که در تاریخ ۲۵ خرداد ۱۳۸۸، ۳ روز پس از اعلام نتایج انتخابات ریاست جمهوری، با حضور میلیونی ایرانیان در شهر تهران، دیگر شهرهای ایران، و برخی شهرهای دیگر کشورها صورت گرفت.",
                ),
                (
                    "N",
                    "این تظاهرات یکی از بزرگترین تظاهراتهای غیرحکومتی تاریخ ایران بود و در تاریخ ۳۰ساله پس از انقلاب بیسابقه بودهاست.[۱][۲]",
                ),
            ],
            [
                (
                    "E",
                    "این تظاهرات در تهران و حومه بهدعوت میرحسین موسوی و بدون مجوز وزارت کشور جمهوری اسلامی ایران برگزار شد.",
                ),
                ("N", "اتهام تعدادی از بازداشتشدگان حوادث بعد از انتخابات نیز شرکت در این راهپیمایی بود."),
            ],
        ],
        [
            ev("Tehran", "IR-23", KHORDAD_25),
            ev("Shiraz", "IR-07", KHORDAD_25),
            ev("Qom", "IR-25", KHORDAD_25),
            ev("Mashhad", "IR-09", KHORDAD_25),
            ev("Isfahan", "IR-10", KHORDAD_25),
            ev("Ahvaz", "IR-06", KHORDAD_25),
            ev("Khorramabad", "IR-15", KHORDAD_25),
            ev("Urmia", "IR-04", KHORDAD_25),
            ev("Arak", "IR-00", KHORDAD_25),
            ev("Tabriz", "IR-03", KHORDAD_25),
            ev("Kermanshah", "IR-05", KHORDAD_25),
            ev("Rasht", "IR-01", KHORDAD_25),
            ev("Kerman", "IR-08", KHORDAD_25),
            ev("Yazd", "IR-21", KHORDAD_25),
            ev("Bushehr", "IR-18", KHORDAD_25),
        ],
        [],
        "An infobox in Persian whose place line lists fifteen towns (one pair glued by a comma with no space: «قم،مشهد») and whose date, kind and casualty lines are glued to their labels («تاریخ۲۵ خرداد ۱۳۸۸», «کشتهشدگاننامشخص»); rallies abroad (Kuala Lumpur, Paris) as country: town lines; a caption naming Tehran; «۳۰ساله» is no count. Every town of the list is one event on 25 Khordad 1388 (15 June 2009), the day the infobox and the lead give.",
    ),
    (
        "real-fa-202",
        "fa",
        None,
        "",
        FA_1401_COPY,
        FAWP,
        f"«خیزش ۱۴۰۱ ایران»، ویکی‌پدیای فارسی (lead, read from the copy {FA_1401_COPY}; its Persian citation markers are Wikipedia's; cut before a sentence the copy read broke off)",
        [
            [
                (
                    "N",
                    "خیزش ۱۴۰۱ ایران، که همچنین با نامهای انقلاب مهسا،[۱۵][۱۶] یا انقلاب زن، زندگی، آزادی[۱۷] نیز شناخته میشود، خیزشی در ایران بود که در پی کشتهشدن مهسا (ژینا) امینی[۱۸][۱۹] به دلیل ضربوشتم در بازداشتگاه گشت ارشاد، آغاز شد.",
                ),
                (
                    "E",
                    "نخستین تجمعهای اعتراضی این خیزش ۲۶ شهریور ۱۴۰۱ در مقابل بیمارستان محل درگذشت مهسا امینی در تهران شکل گرفت و روزهای بعد به همهٔ ۳۱ استان[۲۰] ایران گسترش یافت.",
                ),
                ("C", "معترضان در خارج از کشور نیز در بیش از ۱۵۰ شهر در سراسر جهان تجمعهای اعتراضی برگزار کردند.[۲۱]"),
                (
                    "N",
                    "این قیام در هفتههای بعدی با حضور دانشآموزان، دانشجویان، اعتصاب استادهای دانشگاه، کسبه و بازاریان گستردهتر شد.",
                ),
            ],
            [
                ("N", "جمهوری اسلامی هیچگاه این اعتراضات را به رسمیت نشناخت و از آن بهعنوان «اغتشاش» یاد میکند."),
                (
                    "N",
                    "حکومت با نادیدهگرفتن حقوق بشر،[۲۲] کودکان را برای سرکوب قیامکنندگان بهکار گرفت[۲۳] و نیز اینترنت و رسانههای اجتماعی، بهطور گسترده از دسترس خارج یا فیلتر شدند.",
                ),
                (
                    "C",
                    "فعالان سیاسی و اجتماعی، دانشجویان، هنرمندان و ورزشکاران متعددی در ایران دستگیر شدند و مورد تهدید و فشار روانی قرار گرفتند.[۲۴]",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", jal(1401, 6, 26))],
        [cl(31, "places"), cl(150, "places", "more than")],
        "A movement's lead in Persian: the first gathering in Tehran on 26 Shahrivar 1401 (17 September 2022) in a sentence that also says it spread to all 31 provinces (a place count); a count of more than 150 cities abroad (rallies abroad, a tally, no event); arrests of «متعددی» (vague: a C sentence, no claim); «۱۴۰۱» in a name is no count; citation markers in Persian digits inside and after sentences.",
    ),
    (
        "real-fa-203",
        "fa",
        None,
        "وقایع هیجده تیر",
        FA_DUMP_2007,
        FAWP_OLD,
        f"«وقایع هیجده تیر»، ویکی‌پدیای فارسی، the September 2007 static HTML dump of Persian Wikipedia ({FA_DUMP_2007})",
        [
            [("N", "از ویکیپدیا، دانشنامهٔ آزاد.")],
            [
                (
                    "N",
                    "وقایع هیجده تیر یا وقایع کوی دانشگاه (همچنین خوانده میشود:فاجعه کوی دانشگاه[۱]) به مجموعه ناآرامیها و درگیریها بین روزهای هجدهم تا بیست وسوم تیرماه ۱۳۷۸ میان دانشجویان ، نیروهای انتظامی و افراد موسوم به لباس شخصیها ،اطلاق میشود[۲]که طی آن یک نفر (عزت الله ابراهیم نژاد) کشته شد و تخلیه چشم یک دانشجوی پزشکی بر اثر اصابت گلوله و همچنین شکستگی دست و پا و ضرب وشتم تعداد زیادی دانشجو تایید شد[۲].از این حادثه به عنوان بزرگترین چالش جنبش دانشجویی در ایران بعد از انقلاب ۱۳۵۷ نیز یاد میشود.[۳]",
                )
            ],
            [("N", "[ویرایش] منابع")],
            [("N", "1. ویکیپدیای انگلیسی. بازدید در تاریخ ۱۸ اوت ۲۰۰۷.")],
            [("N", "2. ۲٫۰ ۲٫۱ وبگاه فارسی بیبیسی. بازدید در تاریخ ۱۸ اوت ۲۰۰۷.")],
            [("N", "3. وبگاه فارسی بیبیسی. بازدید در تاریخ ۱۸ اوت ۲۰۰۷.")],
            [("N", "این نوشتار دربارهٔ سیاست خُرد است."), ("N", "با گسترش آن به ویکیپدیا کمک کنید.")],
            [("N", "زبانهای دیگر")],
        ],
        [],
        [],
        "A Persian stub on the events of 18–23 Tir 1378 at the university dormitory («کوی دانشگاه»), which names no town: no event can be placed from the text alone, so none is gold (one sentence, glued to the next by «[۲].از», is labelled as a whole). One death is that event's own. Reference lines carry the day the sources were read (18 August 2007): they date nothing.",
    ),
    (
        "real-fa-204",
        "fa",
        None,
        "انقلاب ۱۳۵۷",
        FA_DUMP_2006,
        FAWP_OLD,
        f"«انقلاب ۱۳۵۷»، ویکی‌پدیای فارسی, the December 2006 static HTML dump of Persian Wikipedia ({FA_DUMP_2006})",
        [
            [("N", "از ویکیپدیا، دانشنامهٔ آزاد.")],
            [
                (
                    "N",
                    "انقلاب ۱۳۵۷ (خورشیدی) ایران، همچنین شناخته شده به انقلاب اسلامی، قیامی بود که با شرکت اكثر مردم و احزاب ملی، مذهبی، کمونیستی، و روشنفکران ایران، نظام پادشاهی این کشور را سرنگون، و پیشزمینهٔ روی کار آمدن نظام جمهوری اسلامی در ایران را فراهم کرد.",
                ),
                ("N", "۲۲ بهمن سال ۱۳۵۷ را روز پیروزی این انقلاب میدانند."),
            ],
            [("N", "این انقلاب به رهبری آیتالله خمینی به پیروزی رسید.")],
            [("N", "این نوشتار ناقص است."), ("N", "با گسترش آن به ویکیپدیا کمک کنید.")],
        ],
        [],
        [],
        "A Persian stub on the 1979 revolution: an uprising named by its year, a victory day, no gathering at a place and day; the years are no counts. Nothing here is an event or a claim.",
    ),
    (
        "real-en-201",
        "en",
        None,
        "Black Friday (1978)",
        EN_BLACK_FRIDAY_COPY,
        WP,
        f"“Black Friday (1978)”, Wikipedia, {EN_BLACK_FRIDAY} (lead and three reference lines, read from the copy {EN_BLACK_FRIDAY_COPY})",
        [
            [
                (
                    "E",
                    "Black Friday (Persian: جمعه سیاه, romanized: Jom'e-ye Siyāh) is the name given to an incident occurring on 8 September 1978 (17 Shahrivar 1357 in the Iranian calendar) in Iran,[9] in which 64,[1] or at least 100[10][11] people were shot dead and 205 injured by the Pahlavi military in Jaleh Square (Persian: میدان ژاله, romanized: Meydān-e Jāleh) in Tehran.[12][13]",
                ),
                (
                    "N",
                    "According to the military historian Spencer C. Tucker, 94 were killed on Black Friday, consisting of 64 protesters and 30 government security forces.[2]",
                ),
                (
                    "N",
                    'The deaths were described as the pivotal event in the Iranian Revolution that ended any "hope for compromise" between the protest movement and the regime of Shah Mohammad Reza Pahlavi.[14]',
                ),
            ],
            [("N", "^ abFoltz, Richard (2016). Iran in World History. Oxford University Press. p. 108.")],
            [
                (
                    "N",
                    "^ abTucker, Spencer C. (2017). The Roots and Consequences of Civil Wars and Revolutions: Conflicts that Changed World History. ABC-CLIO. p. 439.",
                )
            ],
            [("N", "^Cite error: The named reference Baghi was invoked but never defined (see the help page).")],
        ],
        [ev("Tehran", "IR-23", "1978-09-08", F)],
        [],
        "A named day with a weekday in it (Black Friday is 8 September 1978, a Friday, and no other Friday): one crackdown in Tehran whose deaths (64, 100, 94, 30) are its own, no claims; reference lines with years and page numbers.",
    ),
    (
        "real-en-202",
        "en",
        None,
        "Black Friday (1978)",
        EN_BLACK_FRIDAY_OLD,
        WP,
        f"“Black Friday (1978)”, Wikipedia, {EN_BLACK_FRIDAY} (a 2008 revision, read from the static copy {EN_BLACK_FRIDAY_OLD})",
        [
            [("N", "From Wikipedia, the free encyclopedia")],
            [
                (
                    "E",
                    "Black Friday was named after the protests that occurred on September 8, 1978 (17 Shahrivar 1357 AP) in Zhaleh Square Tehran, Iran.",
                ),
                ("N", "The Iranian Government declared martial law in response to protests against the Shah's Rule."),
                (
                    "N",
                    "According to the anti-government sources, the military of Iran used deadly force, including tanks and helicopter gunships, to break up the largely peaceful demonstrators.",
                ),
                (
                    "N",
                    "Unsubstantiated reports at the time put the death toll at 88 to 89 demonstrators (including three women) [1] [2] [3] killed.",
                ),
            ],
            [
                ("N", 'The clerical leadership announced that "thousands have been massacred by Zionist troops."[4]'),
                (
                    "N",
                    'Official accounts dealing with the history of the Islamic revolution write of "15,000 dead and wounded".',
                ),
                (
                    "N",
                    "However the non-Persian-speaking troops were later reported to have been Iranian ethnic Kurds, not Israelis, who had been fired on by snipers.",
                ),
                (
                    "N",
                    'According to Emad al-Din Baghi, a former researcher at the Martyrs Foundation (Bonyad Shahid) hired "to make sense of the data" on those killed fighting the Shah\'s regime, 64 killed were killed in Jaleh Square on Black Friday, among them two females – one woman and a young girl.',
                ),
                (
                    "C",
                    "On the same day in other parts of the capital a total of 24 people died in clashes with martial law forces, among them one female.",
                ),
                (
                    "N",
                    "[5] In the mean time, the appearance of government brutality alienated much of the rest of the Iranian people as well as the Shah's allies abroad.",
                ),
            ],
            [
                ("N", "Protests continued for another four months."),
                (
                    "N",
                    "A general strike in October shut down the petroleum industry that was essential to the administration's survival, \"sealing the Shah's fate\".[6]",
                ),
                (
                    "N",
                    "Support for the Shah, in Iran and abroad, dissolved clearing the way for the Iranian Revolution, led by Ayatollah Khomeini, which saw the abolition of the monarchy less than a year later.",
                ),
            ],
            [("N", "[edit] See also")],
            [("N", "[edit] References and notes")],
            [("N", "- ^ A Question of Numbers.")],
            [("N", "- ^ Islamic Revolution of Iran.")],
        ],
        [ev("Tehran", "IR-23", "1978-09-08", F)],
        [cl(24, "killed", period="8 September 1978", place_names=("Tehran",))],
        "An older revision of the same article: the event's own death tolls per claimant (88 to 89, 15,000 dead and wounded, 64) are no claims; a total of 24 dead across other parts of the capital the same day is a tally; a general strike with no place and a citation marker opening a sentence.",
    ),
    (
        "real-en-203",
        "en",
        None,
        "Mahshahr massacre",
        EN_MAHSHAHR,
        WP,
        f"“Mahshahr massacre”, Wikipedia, {EN_MAHSHAHR} (infobox, lead, background and the start of “Massacre”)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Mahshahr massacre")],
            [("N", "- Partof: the 2019–2020 Iranian protests")],
            [("N", "- Location: Mahshahr, Iran")],
            [("N", "- Date: 16–20 November 2019")],
            [("N", "- Fatalities: 40–148")],
            [("N", "- Injuries: Unknown")],
            [("N", "- Perps: Islamic Revolutionary Guard Corps")],
            [
                (
                    "E",
                    "The Mahshahr massacre (قتلعام ماهشهر) refers to the mass killing of protesters in the city of Mahshahr, Iran, which occurred between 16 November and 20 November 2019, during the 2019–2020 Iranian protests.",
                ),
                ("N", "Estimates of fatalities range between 40 and 148."),
            ],
            [("N", "==Background==")],
            [
                (
                    "C",
                    "Protests erupted across Iran on 15 November 2019, after the government announced a sudden gasoline price hike, spreading to more than 100 cities nationwide.",
                ),
                (
                    "N",
                    "The protests quickly extended into opposition to Supreme Leader Ali Khamenei and the current government.",
                ),
            ],
            [
                (
                    "N",
                    "Internet inside the country was completely shutdown by the government on 16 November which made reporting on the details nearly impossible.",
                )
            ],
            [("N", "==Massacre==")],
            [
                (
                    "E",
                    "During the first few days of demonstrations in Mahshahr in mid-November, protesters gained control over much of the city.",
                ),
                (
                    "E",
                    "Security forces clashed with protesters in Mahshahr on 16 and 17 November, and attempted to suppress protests between 16 and 18 November in the suburbs of Sarbandar and Jarahi.",
                ),
            ],
            [
                (
                    "N",
                    "The New York Times, based on interviews with residents, including a journalist and a nurse at the hospital where casualties of the crackdown were treated, dated the arrival of a large force of Revolutionary Guards to 18 November.",
                ),
                (
                    "E",
                    "According to The New York Times, Revolutionary Guard forces entered Shahrak Chamran, a suburb of Mahshahr, and indiscriminately shot at protesters, several who died.",
                ),
                ("E", "Other protesters gathered in a marsh near the location of the initial killing."),
                (
                    "E",
                    'One protester, "apparently armed with an AK-47", according to The New York Times, fired at the Revolutionary Guards.',
                ),
                (
                    "N",
                    'Iranian state media described the protesters in these events as a "separatist group" armed with "semi-heavy weapons."',
                ),
            ],
        ],
        [
            ev("Mahshahr", "IR-06", "2019-11-16", I),
            ev("Mahshahr", "IR-06", "2019-11-17", I),
            ev("Mahshahr", "IR-06", "2019-11-18", F),
        ],
        [cl(100, "places", "more than", period="15 November 2019")],
        "One town over several days: clashes on 16 and 17 November (two events), the Guards' shooting in a suburb on 18 November (the day the sentence before gives); the massacre's own death toll (40–148) is no claim; “more than 100 cities” is a place count; Sarbandar and Jarahi are named as suburbs here, so no event of their own; a day with no protest (the internet shutdown) dates nothing.",
    ),
    (
        "real-en-204",
        "en",
        None,
        "2011–2012 Iranian protests",
        EN_2011_COPY,
        WP,
        f"“2011–2012 Iranian protests”, Wikipedia, {EN_2011} (lead, background and the start of “2011 protests”, read from the copy {EN_2011_COPY})",
        [
            [
                (
                    "N",
                    'The 2011–2012 protests in Iran were a series of demonstrations in Iran which began on 14 February 2011, called "The Day of Rage".',
                ),
                (
                    "N",
                    "The protests followed the 2009–2010 Iranian election protests and were influenced by other concurrent protests in the region.",
                ),
                (
                    "C",
                    "Security forces quickly suppressed the demonstrations, resulting in two deaths and numerous injuries.",
                ),
                (
                    "C",
                    "Further protests followed, including on 20 February and 1 March, when the opposition reported around 200 arrests.",
                ),
                ("N", "Authorities subsequently managed to prevent large-scale demonstrations."),
                (
                    "N",
                    "The leaders of the Green Movement that had organized the protests, Mehdi Karroubi and Mir Hossein Mousavi, were placed under house arrest in early 2011 and have remained out of public view, with some government supporters demanding their execution.",
                ),
            ],
            [("N", "Background")],
            [
                (
                    "N",
                    "Following the highly controversial 2009 Iranian presidential elections, massive protests erupted across Iran.",
                ),
                (
                    "N",
                    "The Iranian government suppressed the protests and stopped the mass demonstrations in 2009, with only very minor flare-ups in 2010.",
                ),
                (
                    "N",
                    "However, not many of the protesters' demands were met.Then, the Arab Spring spread across the West Asia and North Africa.",
                ),
                (
                    "N",
                    "After the ousting of President Zine El Abidine Ben Ali in Tunisia on 14 January 2011, millions of people began demonstrating across the region in a broad movement aimed at various issues such as their standards of living or influencing significant reforms, with varying degrees of success.",
                ),
                (
                    "N",
                    "With the successful ousting of Egyptian President Hosni Mubarak on 11 February 2011 following that of President Ben Ali of Tunisia, renewed protests began in Iran.",
                ),
            ],
            [("N", "2011 protests")],
            [
                (
                    "N",
                    'On 27 January, the opposition group Green Movement of Iran announced a series of protests against the Iranian government scheduled to take place prior to the "Revolution Day" march on 11 February.',
                )
            ],
        ],
        [],
        [cl(2, "killed"), cl(200, "arrested", "about", "the opposition", period="20 February and 1 March")],
        "A movement's lead that names no town: tallies (two deaths, around 200 arrests) and days with no place; protests abroad (Tunisia, Egypt), a call for protests, and two sentences glued where a line break was (“met.Then”).",
    ),
    (
        "real-en-205",
        "en",
        None,
        "2011–2012 Iranian protests",
        EN_2011_REV_LATE,
        WP,
        f"“2011–2012 Iranian protests”, Wikipedia, {EN_2011} (the revision of 14 February 2011, oldid 414093631, read from the copy {EN_2011_REV_LATE})",
        [
            [
                ("N", "This article documents a current event."),
                (
                    "N",
                    "Information may change rapidly as the event progresses, and initial news reports may be unreliable.",
                ),
                ("N", "The latest updates to this article may not reflect the most current information."),
                ("N", "(February 2011) |"),
            ],
            [("N", "2011 Iranian protests | |")],
            [("N", "File:Iranian 2011 protests.jpg | |")],
            [("N", "Date | 14 February 2011 – ongoing |")],
            [("N", "Casualties | |")],
            [("C", "Death(s) | 2[1] |")],
            [("C", "Injuries | Dozens hospitalised[2] |")],
            [
                (
                    "N",
                    "The 2011 Iranian protests are a series of demonstrations across Iran which began on 14 February 2011 and were, at least partly, a continuation of the 2009–2010 Iranian election protests.",
                )
            ],
            [("N", "Background")],
            [
                (
                    "N",
                    "In December of 2010, less than a year after the 2009–2010 Iranian election protests, the 2010–2011 Arab world protests spread across Western Asia and North Africa.",
                ),
                (
                    "N",
                    "Beginning with the ouster of President Ben Ali in Tunisia on 14 January 2011, millions of people began demonstrating in a broad movement aimed at toppling authoritarian governments or influencing significant reforms, with varying degrees of success.",
                ),
                (
                    "N",
                    "On 27 January, the opposition Green Movement announced a series of protests against the Iranian government scheduled to take place prior to the Revolution-day march on 11 February.[3]",
                ),
            ],
            [
                (
                    "N",
                    "On 8 February 2011, various opposition groups of Iran sent a letter to the Ministry of Interior to request a protest under the control of the police, but the government officials denied it.[4]",
                ),
                (
                    "N",
                    "While specific opposition leaders, such as Mir Hossein Mousavi and Mehdi Karroubi have called for protests, there are reports of crackdowns on activists and members of opposition parties.[5][6]",
                ),
            ],
            [("N", "Protests")],
            [
                (
                    "N",
                    "The date of 14 February was chosen for protests to coincide with the 25th day of Bahman, the 11th month of the Persian calendar.[7]",
                ),
                (
                    "N",
                    "The day before the protests were due to begin, opposition leaders Mousavi and Karroubi were placed under house arrest, without cell, landline phone, or internet.",
                ),
            ],
        ],
        [],
        [cl(2, "killed")],
        "The same article on its first day, in table lines: a death count glued to a citation marker (“2[1]”), “Dozens hospitalised” (vague), ordinals (“25th day”, “11th month”) that are no counts, an image file name, a current-event banner; no town is named.",
    ),
    (
        "real-en-206",
        "en",
        None,
        "2011–2012 Iranian protests",
        EN_2011_REV_EARLY,
        WP,
        f"“2011–2012 Iranian protests”, Wikipedia, {EN_2011} (the revision of 14 February 2011, oldid 413882105, read from the copy {EN_2011_REV_EARLY})",
        [
            [
                ("N", "This article needs attention from an expert in Politics."),
                (
                    "N",
                    "Please add a reason or a talk parameter to this template to explain the issue with the article.(February 2011) |",
                ),
            ],
            [
                ("N", "This article may be affected by a current event."),
                ("N", "Information in this article may change rapidly as the event progresses."),
                ("N", "Initial news reports may be unreliable."),
                (
                    "N",
                    "The last updates to this article may not reflect the most current information. (February 2011) |",
                ),
            ],
            [("N", "2011 Iranian protests | |")],
            [("N", "File:Iranian 2011 protests.jpg | |")],
            [("N", "Date | 14 February 2011 – ongoing |")],
            [("N", "Casualties | |")],
            [("N", "Injuries | 0 |")],
            [
                (
                    "N",
                    "The 2011 Iranian protests are a continuing series of street demonstrations taking place throughout Iran from 14 February 2011 onwards with organisers counting on the Tunisian and Egyptian uprising to inspire the crowds to mobilize.",
                ),
                (
                    "N",
                    "The demonstrations and riots were reported to have started over police brutality, unemployment, raising the minimum wage, democracy, corruption, freedom of speech and free election.[1].",
                ),
                (
                    "N",
                    "The protests main goal is to oust Supreme Leader Ali Khamenei who has been leader since 1989 and other goal is to forming a Secular Government.",
                ),
                (
                    "N",
                    'While localised protests were already commonplace over previous years (2009-2010 Iranian election protests), major protests and riots erupted all over the country will be starting in "14 February".',
                ),
                ("E", "The protests held in Tehran, Shiraz, Isfahan, Rasht and other cities."),
            ],
            [("N", "Background")],
            [
                ("N", "Iran's political system is the Islamic Republic that based on the 1979 Constitution."),
                (
                    "N",
                    "Accordingly, it is the duty of the Islamic government to furnish all citizens with equal and appropriate opportunities, to provide them with work, and to satisfy their essential needs, so that the course of their progress may be assured.",
                ),
                ("N", "Ali Khamenei has been Supreme Leader since 1989 when Ruhollah Khomeini died."),
                (
                    "N",
                    "Mahmoud Ahmadinejad is President since 2005 and his re-election for a second time in 2009 made a big protests across country.",
                ),
            ],
        ],
        [
            ev("Tehran", "IR-23", "2011-02-14"),
            ev("Shiraz", "IR-07", "2011-02-14"),
            ev("Isfahan", "IR-10", "2011-02-14"),
            ev("Rasht", "IR-01", "2011-02-14"),
        ],
        [],
        "The same article hours earlier, in broken English: a list of four towns whose day is the one the lead gives (14 February 2011, quoted and written “starting in”); “Injuries | 0” is a zero, no tally; years (1979, 1989, 2005, 2009) are no counts; maintenance banners.",
    ),
    (
        "real-en-207",
        "en",
        None,
        "Mahsa Amini protests",
        EN_AMINI_COPY,
        WP,
        f"“Mahsa Amini protests”, Wikipedia, {EN_AMINI} (a September 2022 revision's infobox and lead, read from the copy {EN_AMINI_COPY})",
        [
            [("N", "Detailed Pedia")],
            [("N", "Mahsa Amini protests")],
            [("N", "Mahsa Amini Protests")],
            [
                (
                    "N",
                    "Part of the 2021–2022 Iranian protests, the Iranian Democracy Movement, Opposition to Compulsary Hijab in Iran, and the death of Mahsa Amini",
                )
            ],
            [("N", "Uprising in Tehran, Keshavarz Boulvard September 2022 (3).jpg")],
            [("N", "Protests in Tehran, Keshavarz Boulvard")],
            [("N", "Date16 September 2022 – present")],
            [("N", "Towns and cities across Iran")],
            [("N", "Caused by")],
            [("N", "• Overthrow of the Islamic Republic of Iran")],
            [("N", "• Establishment of a Democracy")],
            [("N", "• Revoking of mandatory requirements in public law")],
            [("N", "• Disbandment of Morality Police")],
            [("N", "• Ending violence against women in Iran")],
            [("N", "• Prosecuting the perpetrators of Mahsa Amini's death")],
            [("N", "Roadblocks and Barricades")],
            [("N", "Disobeying of hijab laws in public")],
            [("N", "Parties to the civil conflict")],
            [("N", "Iranian protesters")],
            [("N", "Lead figures")],
            [("N", "No centralised leadership Iran Ali Khamenei")],
            [("N", "Iran Ebrahim Raisi")],
            [
                (
                    "N",
                    'A series of demonstrations began in Iran on 16 September 2022, following the death of Mahsa Amini (Persian: مهسا امینی), who died while in police custody, allegedly having been beaten by the Guidance Patrol, the Islamic "morality police" of Iran, and accused of a fashion violation related to an "improper hijab".',
                ),
                (
                    "E",
                    "The protests began in the cities of Saqqez, Sanandaj, Divandarreh, Baneh and Bijar in Kurdistan province, and later spread to other parts of Iran.",
                ),
                (
                    "E",
                    "These protests spread rapidly after one day and the cities of Tehran, Hamedan, Kermanshah, Mashhad, Sabzevar, Amol, Isfahan, Kerman, Shiraz, Tabriz, Rasht, Sari, Karaj, Tonekabon, Arak, Ilam, and many other cities joined these protests.",
                ),
            ],
            [
                (
                    "C",
                    "As of 22 September 2022, at least thirty one protesters have been killed, making these the most deadly protests since the 2019–2020 protests with more than 1,500 fatalities.",
                )
            ],
            [
                (
                    "N",
                    "In response to the protests, the government of Iran blocked access to apps like Instagram and WhatsApp, and limited Internet accessibility, to reduce the protesters' ability to organize.",
                )
            ],
        ],
        [
            ev("Saqqez", "IR-12", None),
            ev("Sanandaj", "IR-12", None),
            ev("Divandarreh", "IR-12", None),
            ev("Baneh", "IR-12", None),
            ev("Bijar", "IR-12", None),
            ev("Tehran", "IR-23", None),
            ev("Hamedan", "IR-13", None),
            ev("Kermanshah", "IR-05", None),
            ev("Mashhad", "IR-09", None),
            ev("Sabzevar", "IR-09", None),
            ev("Amol", "IR-02", None),
            ev("Isfahan", "IR-10", None),
            ev("Kerman", "IR-08", None),
            ev("Shiraz", "IR-07", None),
            ev("Tabriz", "IR-03", None),
            ev("Rasht", "IR-01", None),
            ev("Sari", "IR-02", None),
            ev("Karaj", "IR-30", None),
            ev("Tonekabon", "IR-02", None),
            ev("Arak", "IR-00", None),
            ev("Ilam", "IR-16", None),
        ],
        [
            cl(31, "killed", "at least", period="as of 22 September 2022"),
            cl(1500, "killed", "more than", period="2019–2020 protests"),
        ],
        "Two lists of towns (five in Kurdistan province, then sixteen across Iran) with no day of their own (“began”, “after one day”): twenty-one events, undated; a photo file name and a caption naming Tehran; an infobox glued to its labels (“Date16 September 2022”); a number in words (“thirty one”) and a comparison (“more than 1,500 fatalities” of 2019–2020) as claims.",
    ),
    # Added after the first run of the passages above (and after fixes made from their development half),
    # split by the same hash and committed before the extractor first ran on them.
    (
        "real-en-208",
        "en",
        None,
        "1978 Tabriz protests",
        EN_TABRIZ,
        WP,
        f"“1978 Tabriz protests”, Wikipedia, {EN_TABRIZ} (infobox, lead and the start of “Prelude”)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 1978 Tabriz protests")],
            [("N", "- Partof: Iranian Revolution")],
            [("N", "- Date: 18 and 19 February 1978")],
            [("N", "- Place: Tabriz, Iran")],
            [("N", "- Causes: The 40th day commemoration for the people killed during the 1978 Qom protest")],
            [("N", "- Result: Countrywide demonstrations and strikes finally leading to the Iranian Revolution")],
            [("N", "- Methods: Demonstration")],
            [("N", "- Fatalities: 14, 27")],
            [("N", "- Injuries: 125, 262")],
            [
                (
                    "E",
                    "1978 Tabriz protests refers to the events that occurred on 18 February 1978, 40 days after the 1978 Qom protest.",
                ),
                (
                    "N",
                    "Several clerics in Qom and other major cities across Iran had announced the 40th-day commemoration for those killed during the Qom incidents.",
                ),
                (
                    "N",
                    "Also, announcements were published in universities a few days before the 40th-day commemoration of the events in Qom, inviting students and professors to close the university and join the demonstrators.",
                ),
                ("N", "The most prominent of the developments occurred in Tabriz."),
            ],
            [
                (
                    "E",
                    "On the announced day, 18 February 1978, a large crowd was led by Ayatollah Seyyed Mohammad Ali Qazi Tabataba'ei towards the Qezelli mosque, which was closed by the police to prevent the 40th-day commemoration from being held.",
                ),
                (
                    "E",
                    "The clash over the mosque closure, between police and the people, led to the death of a young student protester, Mohammad Tajalli, whose body was then taken to the streets.",
                ),
                ("E", "People attacked wine stores and cinemas and set fire to the Rastakhiz Party headquarters."),
                ("E", "As a result, at least 14 people were killed and 125 others injured."),
            ],
            [("N", "==Prelude==")],
            [("N", "=== Announcements ===")],
            [
                (
                    "N",
                    "Given the large number of people killed during the 1978 Qom incident, several clerics in Qom and several other major cities across Iran announced the 40th-day commemoration, the most prominent of which was Tabriz.",
                )
            ],
            [
                (
                    "N",
                    'Ayatollah Golpayegani and Marashi issued notices on 14 and 15 February 1978 and called for the formation of 40th day anniversary of Qom "martyrs."',
                )
            ],
        ],
        [ev("Tabriz", "IR-03", "1978-02-18", V)],
        [],
        "One town's uprising on 18 February 1978 (a riot: stores, cinemas and a party office burnt): its infobox names one town, so its fatality and injury lines (14, 27; 125, 262) and the lead's “at least 14 killed” are its own, no claims; a 40th-day commemoration announced in Qom and other cities is a call, no event; “40 days”, “40th day” and the 1978 Qom protest are no counts and no events; the sentences telling the crowd and the clash name no town (the mosque only), so they are N by this set's rule.",
    ),
    (
        "real-en-209",
        "en",
        None,
        "Iranian protests against compulsory hijab",
        EN_HIJAB,
        WP,
        f"“Iranian protests against compulsory hijab”, Wikipedia, {EN_HIJAB} (infobox and lead)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Iranian protests against compulsory hijab")],
            [("N", "- Date: (as Mahsa Amini protests), ()")],
            [("N", "- Place: Iran")],
            [("N", "- Partof: the Iranian Democracy Movement")],
            [("N", "- Goals: Removal of mandatory hijab law in Iran, enforced since 1979")],
            [("C", "- Arrests: At least 40")],
            [
                (
                    "N",
                    "- Result: Continued rise of Iranian democracy movement, Escalation into Mahsa Amini protests following the death of Mahsa Amini in September 2022",
                )
            ],
            [("N", "- Side1: House of Pahlavi, Tudeh Party of Iran")],
            [
                (
                    "N",
                    "- Side2: , * FARAJA, ** YEGUP, ** Morality police, * IRGC, ** Basij, Plainclothes, Iranian counter-protesters",
                )
            ],
            [("N", "- Leadfigures1: Reza Pahlavi Ali Karimi")],
            [("N", "- Leadfigures2: Ali Khamenei Hassan Rouhani Ebrahim Raisi")],
            [("N", '- Subtitle: "Girls of Enghelab" protests')],
            [("N", "- Methods: Civil disobedience Nonviolent resistance")],
            [
                (
                    "N",
                    "The Girls of Enghelab protests (دختران انقلاب) are protests against the compulsory hijab in Iran, part of the wider Iranian Democracy Movement.",
                ),
                (
                    "E",
                    "The protests were inspired by Vida Movahed, an Iranian woman known as the Girl of Enghelab Street (دختر خیابان انقلاب), who stood in the crowd on a utility box on Enghelab Street (Revolution Street) in Tehran on 27 December 2017 during the 2017–2018 Iranian protests who tied a white headscarf, to a stick, and waved it to the crowd as a flag.",
                ),
                (
                    "N",
                    "She was arrested on that day and was released temporary on bail a month later, on 28 January 2018.",
                ),
                (
                    "N",
                    "Some people interpreted Movahed's action as being based on Masih Alinejad's call for White Wednesdays, a protest movement that the presenter at VOA Persian Television started in early 2017.",
                ),
                ("N", "Other women later re-enacted her protest and posted photos of their actions on social media."),
                (
                    "N",
                    'These women are described as the "Girls of Enghelab Street" and the "Girls of Revolution Street" in English sources.',
                ),
                ("N", "Some of the protesters however claim that they were not following Masih Alinejad's call."),
                ("N", "The protests intensified in 2022 due to the death of Mahsa Amini."),
            ],
            [("N", "==Symbol==")],
        ],
        [ev("Tehran", "IR-23", "2017-12-27")],
        [cl(40, "arrested", "at least")],
        "A movement's infobox (place: Iran) whose arrest line is a tally (“At least 40”), and one woman's protest on a utility box in Tehran on 27 December 2017 amid the crowd of that day; her arrest and release (one person), re-enactments with no place or day, a movement founded by a broadcaster's call, years (1979, 2017, 2022) that are no counts.",
    ),
    (
        "real-en-210",
        "en",
        None,
        "Vida Movahed",
        EN_MOVAHED_COPY,
        WP,
        f"“Vida Movahed”, Wikipedia, {EN_MOVAHED} (read from the copy {EN_MOVAHED_COPY})",
        [
            [
                (
                    "N",
                    "Vida Movahed (Persian: ویدا موحدی; born 1985 in Tehran[1]), more commonly known as Vida Movahed,[2] is an Iranian human rights activist, protester, and women's rights activist who is considered the initiator of the Girls of Enghelab movement.",
                ),
                (
                    "E",
                    "On December 27, 2017, on the Enghelab Street in Tehran, she symbolically took her white headscarf off to protest against the mandatory hijab in Iran.",
                ),
                ("N", 'Subsequently, her picture was published as "The Girl of Enghelab Street".[3][4][5][6][7][8]'),
            ],
            [("N", "Vida Movahed")],
            [("N", "Born")],
            [("N", "1985 (age 38–39)")],
            [("N", "Tehran, Iran")],
            [("N", "NationalityIranian")],
            [("N", "Occupation")],
            [("N", "• Women's right activist")],
            [("N", "Years activeSince 2018")],
            [("N", "Known forLeading protests against the compulsory hijab in Iran.")],
            [("N", "The first protest")],
            [("N", "edit")],
            [
                (
                    "N",
                    "On December 27, 2017, Vida Movahed removed her headscarf and stood on a utility box to protest against the mandatory hijab while moving her headscarf, which was tied to a stick.",
                ),
                ("N", "She was immediately arrested."),
                ("N", "On January 27, she was released after spending a month in custody.[9]"),
            ],
            [("N", "The second protest")],
            [("N", "edit")],
            [
                (
                    "N",
                    "On October 29, 2018, Movahed held a number of balloons and went to the top of the turquoise dome of the Enghelab square to protest against the compulsory hijab.",
                ),
                (
                    "N",
                    "Subsequently, she was arrested again and sentenced to one year in prison for the crime of encouraging people to commit corruption and prostitution through the removal of the hijab.[2][10][11][12]",
                ),
            ],
            [
                (
                    "N",
                    "The original utility box that Vida Movahed and other protesters stood on top of, located in the Enghelab–Vesal Junction in Tehran.",
                ),
                ("N", "It has since been altered by the government to prevent protesters from standing on its top."),
            ],
            [("N", "References")],
            [("N", "edit")],
            [
                (
                    "N",
                    '1. ^ Radio Zamaneh (17 October 2022). "ویدا موحد آزاد شد". Radio Zamaneh. Retrieved 9 December 2022.',
                )
            ],
        ],
        [ev("Tehran", "IR-23", "2017-12-27")],
        [],
        "A biography: one woman's protest in Tehran on 27 December 2017 (the lead names the town; the section telling it again names none), her second protest on a square with no town named, arrests of one person, a caption naming Tehran, a birth year and place, a reference line with two days.",
    ),
    # A third batch, added after the blind parts were scored at the end of the round (so never the source
    # of a fix in it), split by the same hash and committed before the extractor first ran on it.
    (
        "real-en-211",
        "en",
        None,
        "1978 Qom protest",
        EN_QOM_OLD,
        WP,
        f"“1978 Qom protest”, Wikipedia, {EN_QOM} (the revision of 8 January 2021, oldid 999055655, {EN_QOM_OLD})",
        [
            [("N", "Jump to content")],
            [("N", "1978 Qom protest")],
            [("N", "From Wikipedia, the free encyclopedia")],
            [
                (
                    "N",
                    "This is an old revision of this page, as edited by Mhhossein (talk | contribs) at 07:55, 8 January 2021 (aftermath).",
                ),
                (
                    "N",
                    "The present address (URL) is a permanent link to this revision, which may differ significantly from the current revision.",
                ),
            ],
            [
                (
                    "E",
                    "1978 Qom protests refers to the demonstrations against the Pahlavy dynasty ignited by the Iran and Red and Black Colonization article published in Ettela'at newspaper on 7 January 1978.",
                ),
                (
                    "N",
                    "The article insulted Khomeini,[1] describing him as Indian Sayyed, who later founded the Islamic Republic of Iran.[2]",
                ),
            ],
            [("E", "9 January 1978 (19 Dey) is regarded as a bloody day in Qom.[3]")],
            [("N", "Prelude")],
            [
                ("N", "The 1978 Qom protest was precedented by 1978 Qom protest also staged by the seminary students."),
                (
                    "N",
                    "On 7 January 1978, an article insulting Khomeini was published by a pseudonymous author in Ettela'at, an afternoon newspaper in Tehran.[1]",
                ),
                ("E", "Reacting to the article, huge protests were formed in Qom.[2]"),
            ],
            [("N", "The event")],
            [
                (
                    "N",
                    "At the evening of the 7 January 1978, students of seminary in Qom made hand copies of the article, a cheap and safe method, adding the addendum that the next day a meeting was to be hold at the Khan seminary in protest to the contents of the article.",
                ),
                ("E", "Students protested the next day, on 8 January, and bazaar were closed on 9 January 1978."),
                (
                    "E",
                    "The 9 January protests turned violent when someone, protestors or provocateurs, threw stone breaking the window of a nearby bank which resulted in the security forces using live ammunition to disperse and attack people.",
                ),
                ("E", "Between 5-300 people were consequently killed in the protest.[1]"),
            ],
            [("N", "Aftermath")],
            [
                (
                    "N",
                    "The incident was spread throughout Iran and quickly became an important landmark triggering a revolutionary mobilization.[1]",
                )
            ],
            [("N", "References")],
            [
                (
                    "N",
                    '1. ^ a b c d Kurzman, Charles (2003). "The Qum Protests and the Coming of the Iranian Revolution, 1975 and 1978". Social Science History. 27 (3): 287–325. doi:10.1017/S0145553200012554. ISSN 1527-8034.',
                )
            ],
        ],
        [ev("Qom", "IR-25", "1978-01-08", P, "students"), ev("Qom", "IR-25", "1978-01-09", F)],
        [],
        "One town on two days: seminary students' protest on 8 January 1978 and the shooting on 9 January (“a bloody day in Qom”); the newspaper article's day (7 January) and Tehran, where it was published, are no event; copying leaflets for a meeting the next day is a call; the revision's own time stamp (8 January 2021) dates nothing; “5-300” killed is the event's own; a reference line full of numbers.",
    ),
    (
        "real-en-212",
        "en",
        None,
        "1978 Qom protest",
        EN_QOM_COPY,
        WP,
        f"“1978 Qom protest”, Wikipedia, {EN_QOM} (the June 2025 revision's infobox and lead, read from the Kiwix copy {EN_QOM_COPY})",
        [
            [("N", "1978 Qom protest")],
            [("N", "| 1978 Qom protests | |")],
            [("N", "|---|---|")],
            [("N", "| Part of Iranian Revolution | |")],
            [("N", "| Date | 9 January 1978 |")],
            [("N", "| Location | Qom, Iran |")],
            [("N", "| Caused by | Publication of an article in Ettela'at insulting Imam Khomeini |")],
            [("N", "| Methods | Demonstration |")],
            [
                (
                    "N",
                    "| Resulted in | Countrywide demonstrations and strikes, subsequently leading to the Iranian Revolution |",
                )
            ],
            [("N", "| Casualties | |")],
            [("N", "| Death(s) | 5–300 (40–200) |")],
            [
                (
                    "E",
                    "The 1978 Qom protest (Persian: تظاهرات ۱۹ دی قم) was a demonstration against the Pahlavi dynasty ignited by the Iran and Red and Black Colonization article published on 7 January 1978 in Ettela'at newspaper, one of the two publications with the largest circulation in Iran.",
                ),
                (
                    "N",
                    "The article insulted Khomeini, who later founded the Islamic Republic of Iran, describing him as an Indian Sayyed.",
                ),
            ],
            [
                (
                    "E",
                    "The events started on 7 January 1978, followed by the closing of bazaars and seminaries, with students rallying towards the homes of religious leaders on the next day.",
                ),
                (
                    "E",
                    "On 9 January 1978, seminary students and others held a demonstration in the city, which faced a crackdown by the Shah's security forces, who used live ammunition to disperse the crowd when the peaceful demonstration turned violent.",
                ),
                ("E", "Between 5 and 300 of the demonstrators were reportedly killed in the protest."),
                ("E", "9 January 1978 (19 Dey) is regarded as a bloody day in Qom."),
            ],
        ],
        [ev("Qom", "IR-25", "1978-01-08", P, "students"), ev("Qom", "IR-25", "1978-01-09", F)],
        [],
        "The same events in the current text: an infobox as table cells (“| Location | Qom, Iran |”, “| Death(s) | 5–300 (40–200) |”: one town's own dead, no claim), a Persian name with a Solar Hijri day in Persian digits («۱۹ دی»), students rallying “on the next day” (8 January) and the crackdown “in the city” on 9 January, both told with no town named (N by this set's rule).",
    ),
    (
        "real-en-213",
        "en",
        None,
        "1963 demonstrations in Iran",
        EN_1963,
        WP,
        f"“1963 demonstrations in Iran”, Wikipedia, {EN_1963} (infobox, lead and the start of “Background”)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 15 Khordad incident")],
            [("N", "- Partof: the prelude to the Iranian Revolution")],
            [("N", "- Date: 5 June 1963")],
            [("N", "- Place: Tehran and Qom, Iran")],
            [("N", "- Result: Protests suppressed")],
            [("N", "- Side1: Islamic Coalition Freedom Movement")],
            [("N", "- Side2: Imperial State of Iran Shahrbani SAVAK Imperial Iranian Army")],
            [
                (
                    "N",
                    "The demonstrations of 5 and 6 June, also called the events of June 1963 or (using the Iranian calendar) the 15 Khordad protests (تظاهرات پانزده خرداد), were protests in Iran against the arrest of Ruhollah Khomeini after his denouncement of the Shah, Mohammad Reza Pahlavi, and Israel.",
                ),
                (
                    "N",
                    "Although the protests were crushed within days by the police and military, the events established the importance and power of (Shia) religious opposition to the Shah, and Ayatollah Khomeini as a major political and religious leader.",
                ),
                (
                    "N",
                    "Fifteen years later, Khomeini led the Iranian Revolution which overthrew the Shah and the Imperial State of Iran and established the Islamic Republic of Iran.",
                ),
            ],
            [("N", "==Background==")],
            [
                (
                    "N",
                    'In 1963, Mohammad Reza Pahlavi, the Shah of Iran, started several programs which were known as "the Revolution of the Shah and the People" or the White Revolution.',
                ),
                ("N", "It was referred to as white due to it being a bloodless revolution."),
                ("N", "These plans were to make social and economic changes in Iran."),
                (
                    "N",
                    "Therefore, on 26 January 1963, the Shah held a national referendum for 19 rules of the White Revolution.",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "1963-06-05", F), ev("Qom", "IR-25", "1963-06-05", F)],
        [],
        "Two towns given only by the infobox (“Place: Tehran and Qom”, “Date: 5 June 1963”, suppressed by police and military): two events and no sentence that is one; a day named by its Solar Hijri date («پانزده خرداد», 15 Khordad), a referendum day, “19 rules” and “Fifteen years later” that are no counts.",
    ),
    (
        "real-en-214",
        "en",
        None,
        "15 Khordad",
        HISTORICA_1963,
        FANDOM,
        f"“15 Khordad”, Historica Wiki (Fandom), {HISTORICA_1963}",
        [
            [("N", "Historica Wiki")],
            [("N", "Advertisement")],
            [("N", "15 Khordad")],
            [
                (
                    "N",
                    "15 Khordad was a wave of demonstrations in Iran that occurred from 5 to 6 June 1963 when the supporters of the imprisoned cleric Ruhollah Khomeini rose up against Shah Mohammad Reza Pahlavi's government.",
                ),
                (
                    "E",
                    "Khomeini was arrested after accusing Pahlavi of spreading moral corruption and being an agent of the United States and Israel, and his supporters reacted with uprisings in Qom, Tehran, Shiraz, Mashhad, and Varamin.",
                ),
                (
                    "N",
                    'General Gholam Ali Oveissi was ordered to crush the uprisings, with tanks and soldiers in combat gear being ordered to "shoot to kill".',
                ),
                (
                    "E",
                    "In Tehran, hundreds of villagers from Pishva were dispersed by the army, with the death toll ranging from the tens to the hundreds.",
                ),
                (
                    "C",
                    "Police files claimed that 320 people were arrested and 380 were killed or wounded, although the latter did not include wounded people who avoided hospitals out of fear of arrest, and also did not take into account those who had been buried by the police.",
                ),
                (
                    "N",
                    "The uprising was one of the first instances of an anti-Shahist and Islamist uprising in Iran, and it is celebrated by the people of Iran, who would carry out the Iranian Revolution in 1978 to avenge the martyrs of 15 Khordad.",
                ),
            ],
            [("N", "Advertisement")],
        ],
        [
            ev("Qom", "IR-25", None, F),
            ev("Tehran", "IR-23", None, F),
            ev("Shiraz", "IR-07", None, F),
            ev("Mashhad", "IR-09", None, F),
            ev("Varamin", "IR-23", None, F),
        ],
        [cl(320, "arrested", claimant="police files"), cl(380, "killed", claimant="police files")],
        "A wave of uprisings in five towns over two days (5 and 6 June 1963, no day per town), crushed under shoot-to-kill orders; villagers from Pishva (their home, not a place of protest) dispersed in Tehran; the police files' tallies (320 arrested, 380 killed or wounded); “15 Khordad” is a name and a day, never a count; wiki furniture (“Advertisement”).",
    ),
    (
        "real-en-215",
        "en",
        "2022-05-29",
        "Iranian protesters demand justice after deaths in Abadan's building collapse",
        GV_ABADAN,
        GLOBAL_VOICES,
        f"Global Voices, 29 May 2022, {GV_ABADAN} (CC BY 3.0; the embedded posts as the page shows them)",
        [
            [
                (
                    "E",
                    "Hundreds of Iranians took to the streets in Abadan, the capital of the southwestern oil-rich province of Khuzestan, demanding justice after a 10-storey Metropol building collapsed on May 23, killing at least 29 people.",
                )
            ],
            [
                (
                    "N",
                    "Officials said 37 people were also wounded and it remains unknown how many people may still be trapped under the rubble as rescue operations continue.",
                )
            ],
            [
                (
                    "E",
                    "The protesters in Abadan chanted against “corrupt authorities” and “Ali Khamenei, Supreme Leader of Iran”.",
                ),
                (
                    "E",
                    "Some also chanted pro-Pahlavi dynasty slogans, in reference to the monarchy that ruled the Islamic republic before the 1979 revolution.",
                ),
            ],
            [
                (
                    "E",
                    "Thousands of Abadan residents took to the streets to protest against the incompetence of the Islamic Republic's regime after the catastrophic collapse of the #Metropol، building and chanted anti-government slogans#IranTruthpic.twitter.com/8qt4AUqJDT — Fariba🦋 (@fariba1121) May 26, 2022",
                )
            ],
            [
                (
                    "E",
                    "Several mourners chanted slogans against Hossein Abdolbaghi, the builder and owner of Metropol who reportedly has strong ties with the authorities.",
                ),
                (
                    "N",
                    "Iranian officials initially announced Abdolbaghi’s arrest, then reported that he was among the dead, prompting many to reject the official claim that he is among the casualties.",
                ),
            ],
            [
                (
                    "E",
                    "On social media, videos taken of the protests showed Abadan security forces using tear gas and gunfire to disperse protesters.",
                )
            ],
            [
                ("E", "In Abadan, #Iran they are shooting protesters with live bullets."),
                (
                    "E",
                    "They are shooting with the intent to kill as a young man is shouting “don’t shoot!” اینها مردم هستند، تیر نزن بیشرف.pic.twitter.com/yrOEQgnvmi — Hossein Ronaghi (@HosseinRonaghi) May 27, 2022",
                ),
            ],
            [("N", ".")],
            [("E", "استفاده از گاز اشک آور برای متفرق کردن مردم#متروپل #آبادان#گزارشگرمنوتو")],
            [("N", "…")],
            [("N", "WhatsApp/Telegram: +44 7590 899 999 pic.twitter.com/H5pm0DJg8e — اتاق خبر")],
        ],
        [ev("Abadan", "IR-06", None, F, low=100)],
        [],
        "A news report (Global Voices, CC BY 3.0) of protests in Abadan after a building collapse, told with embedded posts: the collapse's dead and wounded (29, 37) are no tally of protests; the protests are given no day of their own (the posts' dates, 26 and 27 May, are when they were posted); tear gas and live fire to disperse them; a Persian post naming the town only as a hashtag («#آبادان»); a contact line with a telephone number.",
    ),
]


def write_real3() -> None:
    """Write real_dev3.jsonl and real_blind2.jsonl beside this file and say how many reports and sentences each holds."""
    print(write_part("real_dev3", [report for report in REPORTS if not is_blind(report[0])]))
    print(write_part("real_blind2", [report for report in REPORTS if is_blind(report[0])]))


if __name__ == "__main__":
    write_real3()
