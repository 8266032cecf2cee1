"""Write the real-text set's fifth part: 16 Persian and Dari passages no one here wrote, all development.

The same rules as `write_real.py`, `write_real3.py` and `write_real4.py` (README.md beside this file, "Real
text", and the settled place-less follow-up rule): passages copied as the page gave them (a programme page's
date line and player furniture, a caption under a timeline heading, a Dari page's own month names, Kurdish
letters in Persian words, a passage cut before a sentence the copy broke off), labelled sentence by sentence
(E event, C tally, N neither) with ACLED-style events (one per place and day) and claims.

Sources: Voice of America's Persian and Dari services (works of the United States government, public
domain), found with the search tool by topic (protests, strikes, gatherings, arrests and tallies in Iran).
Persian first: every passage is Persian or Dari. Nothing here is split by hash: every passage is
**development** (read and fixed on), written and committed before the extractor first ran on it. Run this
file to regenerate `real_dev5.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, I, RealReport, cl, ev, jal, write_part

VOA_FA_TIMELINE = "https://voa.pangea-cms.com/preview/fa-IR/a/iran-protest/4187826.html"
VOA_DARI_TOLL = "https://darivoa.com/amp/iran-protest-death-toll-reached-440/6848373.html"
VOA_FA_TEACHERS_OCTOBER = "https://ir.voanews.com/episode/jamh-mdny-3-aktbr-2015-atrad-srasry-mlman-ayran-83337"
VOA_FA_TEACHERS_DAY = "https://ir.voanews.com/episode/teachers-day-100123"
VOA_FA_TEACHERS_DISMISSED = "https://ir.voanews.com/episode/jamh-mdny-2-my-2015-mlman-akhrajy-amwzsh-w-prwrsh-92085"
VOA_FA_BANDAR_ABBAS = "https://ir.voanews.com/episode/bazdasht-grwhy-az-mtrdan-dr-bndrbas-242749"
VOA_FA_DIASPORA_VOTE = "https://ir.voanews.com/episode/iranian-americans-iran-elections-54552"
VOA_DARI_WARNING = "https://www.darivoa.com/a/trump-says-if-iranian-security-forces-shoot-and-kill-peaceful-protesters-us-will-come-to-their-rescue-/8098342.html"
VOA_FA_WATER = "https://ir.voanews.com/episode/khuzestan-environmental-issue-71105"
VOA_FA_BANEH = "https://ir.voanews.com/episode/iran-kurdistan-strikes-34953"
VOA_FA_BERLIN = "https://voa.pangea-cms.com/preview/fa-IR/a/iran-nationalwide-protests-strikes-berlin/6801105.html"
VOA_FA_BERLIN_AMP = "https://ir.voanews.com/amp/iran-nationalwide-protests-strikes-berlin/6801105.html"
VOA_DARI_BAZAAR = "https://www.darivoa.com/a/iran-demonstrations-/8097111.html"
VOA_DARI_THIRD_DAY = "https://www.darivoa.com/a/iran-protest-third-day-continued-in-all-other-cities-tehran-karaj-kermanshah/8097701.html"
VOA_FA_HOOK = "https://ir.voanews.com/z/1696?p=1&aId=5175162"
VOA_FA_FUEL = "https://ir.voanews.com/a/iran-fuel-price-protest/5167720.html"
VOA_FA_FUEL_REACTIONS = "https://ir.voanews.com/a/iran-gas-price/5168681.html"

VOA_PAGE_TOP = [[("N", "لینکهای قابل دسترسی")], [("N", "خبر فوری")]]
VOA_PROGRAMME = [
    [("N", "اِمبد")],
    [("N", "آغاز این برنامه در ساعت:")],
    [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو میشود.")],
]
TIMELINE_TOLL = cl(10, "killed", "more than", period="روزهای گذشته")

REPORTS: list[RealReport] = [
    (
        "real-fa-401",
        "fa",
        None,
        "",
        VOA_FA_TIMELINE,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_TIMELINE} (the page's preview copy; cut before a caption the copy broke off)",
        [
            [
                (
                    "C",
                    "در حالیکه تعداد کشته های اعتراض های اخیر بیش از ده نفر شده، در پنجمین روز اعتراض ها، برخی منابع دولتی از یک کشته و سه زخمی در این روز خبر داده اند.",
                ),
                (
                    "C",
                    "وبسایت باشگاه خبرنگاران جوان دوشنبه شب ۱۱ دی گزارش داد که در تجمعها و ناآرامیها این روز، یک نفر به سمت نیروهای پلیس شلیک کرد که در جریان این حمله یک مامور کشته و سه نفر دیگر زخمی شدند.",
                ),
            ],
            [("N", "منابع مستقل هنوز این خبر را تایید نکرده اند.")],
            [
                (
                    "E",
                    "تجمعهای اعتراضی که از پنج روز پیش در ایران آغاز شد، روز دوشنبه نیز در تهران و برخی از شهرهای ایران ادامه پیدا کرد.",
                ),
                ("C", "به گفته برخی از مسئولان، تجمعهای اعتراضی روز یکشنبه حدود ۱۵ کشته برجای گذاشت."),
            ],
            [("N", "روز شمار اعتراضهای گسترده در ایران")],
            [("C", "اعتراضهای گسترده در ایران در روزهای گذشته، بیش از ده کشته برجای گذاشته است.")],
            [
                ("N", "از روز پنجشنبه ۷ دیماه، اعتراض های در شهرهای ایران آغاز شد."),
                (
                    "E",
                    "ابتدا این اعتراض ها شعارهای اقتصادی داشت اما به تدریج از مشهد، به کرمانشاه و سایر شهرهای ایران کشیده شد.",
                ),
                (
                    "N",
                    "در اعتراض های گسترده در شهرهای بزرگ و کوچک ایران، مردم معترض شعارهایی علیه نظام و رهبر جمهوری اسلامی سر دادند.",
                ),
            ],
            [
                (
                    "N",
                    "مقام های ایران اختلاف در اینترنت و شبکه های اجتماعی ایجاد کرده اند، موضوعی که با انتقاد شدید دولت آمریکا روبرو شده است.",
                )
            ],
            [("N", "تجمع روز پنجشنبه ۷ دی ۱۳۹۶ در مشهد")],
        ],
        [
            ev("Tehran", "IR-23", jal(1396, 10, 11)),
            ev("Mashhad", "IR-09", jal(1396, 10, 7)),
            ev("Kermanshah", "IR-05", None),
        ],
        [
            TIMELINE_TOLL,
            cl(1, "killed", claimant="برخی منابع دولتی", period="پنجمین روز اعتراض ها"),
            cl(3, "injured", claimant="برخی منابع دولتی", period="پنجمین روز اعتراض ها"),
            cl(15, "killed", "about", claimant="برخی از مسئولان", period="روز یکشنبه"),
        ],
        "A news page with no date line of its own, on the fifth day of the Dey 1396 protests: the death toll (“more than ten”, said twice: one claim) and state sources' tally of the fifth day (one killed, three injured: the same tally told twice, the second time as a police officer shot on Monday night 11 Dey with no place, so a tally and no event); Tehran on Monday 11 Dey 1396 (1 January 2018, the day named in the sentence before); Sunday's «حدود ۱۵ کشته»; the spread from Mashhad (where the protests began on Thursday 7 Dey, 28 December 2017) to Kermanshah (no day); a timeline heading and a photograph's caption (“the gathering of Thursday 7 Dey 1396 in Mashhad”, N, dating what the sentence before it tells); «پنجمین» an ordinal, «پنج روز» a span.",
    ),
    (
        "real-fa-402",
        "fa",
        None,
        "شمار جانباختگان اعتراضات در ایران به ۴۴۰ نفر رسید",
        VOA_DARI_TOLL,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI_TOLL} (cut before a sentence the copy broke off)",
        [
            [("N", "مراسم خاکسپاری یکی از کشته شدگان اعتراضات در ایران")],
            [
                (
                    "C",
                    "ارگان خبری فعالان حقوق بشر در ایران (هرانا) اعلام کرده است که از آغاز اعتراضات سرتاسری در ایران تا دوم قوس کم از کم ۴۴۰ نفر کشته شده اند که ۶۱ نفر کشته شدگان کمتر از ۱۸ سال سن داشته اند.",
                )
            ],
            [
                (
                    "C",
                    'خبرگزاری هرانا تعداد بازداشتشدگان را هم تا تاریخ دوم قوس ۱۸۰۵۹ نفر اعلام کرد و افزود: "از این تعداد هویت ۳۲۱۲ تن مشخص شده است".',
                )
            ],
            [
                (
                    "C",
                    "با ورود به سومین ماه از آغاز اعتراضات مردمی در ایران، شمار شهرهای معترض به ۱۵۷ شهر افزایش یافته و ۱۴۳ دانشگاه نیز به اعتراضات پیوستهاند که در این میان ۵۵۵ دانشجو بازداشت شدهاند.",
                )
            ],
            [
                (
                    "C",
                    "بر اساس گزارش هرانا، از آغاز تظاهرات در ایران ۱۰۷۵ تجمع شهری و دانشگاهی برگزار شده است که کماکان با برخورد خشونتبار از سوی نیروهای امنیتی همراه بوده است.",
                )
            ],
            [
                (
                    "N",
                    'در ادامۀ اعتراضات مردمی در ایران، دفتر حسینعلی منتظری، یکی از مراجع تقلید شیعیان و روحانی متنفذ ایرانی با صدور بیانیهای از حکومت ایران خواسته است تا "اجازه برگزاری رفراندوم" را صادر کند، چون به گفتۀ وی این "خواسته اصلی مردم شریف ایران است و با تداوم شرایط فعلی احتمال وقوع جنگ داخلی وجود دارد".',
                )
            ],
        ],
        [],
        [
            cl(440, "killed", "at least", claimant="هرانا", period="تا دوم قوس"),
            cl(61, "killed", claimant="هرانا", period="تا دوم قوس"),
            cl(18059, "arrested", claimant="هرانا", period="تا دوم قوس"),
            cl(157, "places", period="سومین ماه"),
            cl(555, "arrested", period="سومین ماه"),
            cl(1075, "protests", claimant="هرانا"),
        ],
        "A Dari page of tallies (November 2022, the Afghan month Qaws): a caption of a funeral (N); “at least” (Dari «کم از کم») 440 killed, 61 of them under 18 (the age is no count); 18,059 arrested (3,212 identified is no tally of the units); 157 cities with protests, 143 universities (not counted as places: campuses, not towns), 555 students arrested; 1,075 gatherings; «سومین» an ordinal, «دوم قوس» a day.",
    ),
    (
        "real-fa-403",
        "fa",
        jal(1394, 7, 11),
        "جامعه مدنی ۳ اکتبر ۲۰۱۵: اعتراض سراسری معلمان ایران",
        VOA_FA_TEACHERS_OCTOBER,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_TEACHERS_OCTOBER}",
        [
            [("N", "11 مهر 1394")],
            *VOA_PROGRAMME,
            [
                (
                    "C",
                    "شورای هماهنگی فرهنگیان ایران که دربرگیرنده تشکلهای مدنی معلمان سراسر کشور است اعلام کرده بود که ۱۳ مهر ۹۴ تجمع سراسری اعتراضی برگزار می کند اما با بازداشت شماری از رهبران سندیکایی معلمان، و تهدیدهای حکومت، ناگزیر تجمع سراسری را به ۱۶ مهر انتقال داد.",
                )
            ],
        ],
        [],
        [],
        "A programme page: a nationwide teachers' gathering planned for 13 Mehr 1394 and moved to 16 Mehr (a plan, no event), with «شماری» of union leaders arrested (a vague arrest tally: C, no claim); the title's Gregorian date and the page's Solar Hijri date line date nothing.",
    ),
    (
        "real-fa-404",
        "fa",
        jal(1393, 2, 12),
        "روز معلم در ایران",
        VOA_FA_TEACHERS_DAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_TEACHERS_DAY}",
        [
            [("N", "12 اردیبهشت 1393")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "This program has ended and is being processed for playback.")],
            [
                (
                    "N",
                    "53 سال پیش معلمان ایران در جریان یک اعتصاب تاریخ ساز، موفق شدند حکومت را به تن دردادن به خواست های خود وادار سازند.",
                ),
                (
                    "N",
                    "اعتصابی که موجب استعفای یک کابینه و روی کارآمدن کابینه ای دیگر شد و درآن محمد درخشش، رهبر اعتصاب درمقام وزیر فرهنگ به بخش عمده ای از خواستهای آن روز معلمان جامه عمل پوشاند.",
                ),
            ],
        ],
        [],
        [],
        "Teachers' Day: the teachers' strike of 53 years before (1961) told as history with no place and no day (N); «53 سال» a span; the player's furniture in English.",
    ),
    (
        "real-fa-405",
        "fa",
        jal(1394, 2, 12),
        "جامعه مدنی، ۲ می ۲۰۱۵ : معلمان اخراجی آموزش و پرورش",
        VOA_FA_TEACHERS_DISMISSED,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_TEACHERS_DISMISSED}",
        [
            [("N", "12 اردیبهشت 1394")],
            *VOA_PROGRAMME,
            [
                ("N", "۲۵۰۰ معلم از کل ۱۴۰۰۰معلم استان کردستان به دلائل عقیدتی، اخراج شده اند."),
                (
                    "C",
                    "این معلمان به اعتراض سراسری معلمان ایران پیوسته اند که حدود سه ماه است در ۷۰ شهر ایران جریان دارد.",
                ),
                ("N", "مهمانان برنامه یک معلم اخراجی و یک معلم باسابقه از استان کردستان ایران بودند."),
            ],
        ],
        [],
        [cl(70, "places", period="حدود سه ماه")],
        "A programme page: 2,500 of 14,000 teachers of Kurdistan province dismissed (no protest, not a tally of the units), a protest under way for about three months in 70 towns (a place count), the programme's guests from Kurdistan province (no event there).",
    ),
    (
        "real-fa-406",
        "fa",
        jal(1392, 7, 28),
        "بازداشت گروهی از معترضان در بندرعباس",
        VOA_FA_BANDAR_ABBAS,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_BANDAR_ABBAS}",
        [
            [("N", "28 مهر 1392")],
            *VOA_PROGRAMME,
            [
                (
                    "E",
                    "گروهی از معترضان به جدایی بخشی از استان هرمزگان و پیوستن آن به استان فارس در پی حمله نیروهای پلیس در بندر عباس بازداشت شده اند.",
                ),
                ("N", "هنوز آمار دقیقی از بازداشت شدگان منتشر نشده است."),
                (
                    "N",
                    "این برای چندمین بار در سالهای اخیر است که تغییر در تقسیمات استانی ایران با اعتراضات مردمی روبرو می شود.",
                ),
            ],
        ],
        [ev("Bandar Abbas", "IR-22", None, I)],
        [],
        "Protesters against moving part of Hormozgan province to Fars province arrested after a police attack in Bandar Abbas («بندر عباس», written apart): a protest with intervention, with no day in the text (the page's date line dates nothing told); two provinces named in the sentence are not places of events; no tally yet (N); «چندمین» no count.",
    ),
    (
        "real-fa-407",
        "fa",
        jal(1396, 2, 29),
        "دو کارزار متفاوت: تشویق به شرکت و تحریم انتخابات در بین ایرانیان خارج از کشور",
        VOA_FA_DIASPORA_VOTE,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_DIASPORA_VOTE}",
        [
            [("N", "29 اردیبهشت 1396")],
            *VOA_PROGRAMME,
            [
                (
                    "N",
                    "جمهوری اسلامی ایران، ایرانیان مقیم خارج از کشور را نیز، به رای دادن در انتخابات ریاست جمهوری فراخوانده است.",
                ),
                (
                    "N",
                    "اما بنظر می رسد این فراخوان با توصیه تحریم بسیاری از فعالان مواجه شده است، هر چند که یک کمپین ویژه تشویق به رای دادن نیز از چند هفته پیش به راه افتاده است.",
                ),
                ("N", "گزارش مسعود سفیری"),
            ],
        ],
        [],
        [],
        "Iranians abroad: a call to vote and a call to boycott (campaigns, no protest event, nothing in Iran); «یک کمپین» no count.",
    ),
    (
        "real-fa-408",
        "fa",
        "2026-01-02",
        "",
        VOA_DARI_WARNING,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI_WARNING} (cut before a sentence the copy broke off)",
        [
            [
                (
                    "N",
                    'دونالد ترمپ، رییس جمهور ایالات متحده به حاکمان اسلامگرای ایران هشدار داده است که اگر مظاهره کنندگان مسالمتآمیز ایرانی را که در این هفته به جاده های ایران برآمده اند هدف گلوله قرار داده و آنان را بکشند، ایالات متحدۀ امریکا "برای نجات" آن معترضان خواهد آمد.',
                )
            ],
            [("N", "این مظاهرات ضد حکومتی در سه سال گذشته بیپیشینه بوده است.")],
            [
                (
                    "N",
                    'رییس جمهور ترمپ، ساعت ۲:۵۸ دقیقۀ صبح جمعه به وقت محل از فلوریدا در یک پست در شبکۀ اجتماعی تروت سوشیل نگاشت: "اگر ایران به معترضان مسالمتآمیز شلیک کند و آنها را با خشونت بکشد، که این رسم آنان است، ایالات متحده امریکا به نجات آنان [مظاهره کنندگان] خواهد آمد."',
                )
            ],
            [("N", 'رییس جمهور ترمپ نگاشته است: "ما در حالت آمادهباش کامل هستیم و آمادهٔ اقدام."')],
            [
                (
                    "N",
                    'عبارت "آماده باش و آماده" در بخش نظامی به معنای آماده بودن کامل سلاح گرم برای شلیک است.',
                ),
                ("N", "این عبارت همچنین در بخشهای غیرنظامی برای نشان دادن آمادگی برای اقدام به کار میرود."),
            ],
            [
                (
                    "C",
                    "گزارشها و ویدیوهای رسانههای اجتماعی که توسط سرویس فارسی صدای امریکا معتبر تلقی میشوند، نشان میدهند که نیروهای امنیتی ایران در چند روز اول تظاهرات چندین معترض را به ضرب گلوله کشتهاند.",
                )
            ],
        ],
        [],
        [],
        "A Dari report of a warning from abroad (Friday 2 January 2026): a clock time and “Friday” that date a post in Florida, not a protest; protesters “on the roads of Iran” with no town (N); «چندین معترض» killed (a vague tally: C, no claim); «سه سال» a span.",
    ),
    (
        "real-fa-409",
        "fa",
        jal(1395, 4, 1),
        "فصل گرما و کمبود آب در استانهای مرکزی و جنوبی ایران",
        VOA_FA_WATER,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_WATER}",
        [
            [("N", "01 تیر 1395")],
            *VOA_PROGRAMME,
            [
                (
                    "N",
                    "همزمان با آغاز تابستان و فرارسیدن فصل گرما، وزارت نیروی ایران اعلام کرده که بیش از سیصد شهر با جمعیت ۳۵ میلیونی از جمله بسیاری از مناطق استانهای اصفهان، کرمان و خوزستان با تابستانی همراه با کمبود جدی آب آشامیدنی روبرو هستند.",
                )
            ],
        ],
        [],
        [],
        "Water shortage, no protest: “more than three hundred towns” and a list of three provinces are places short of water, not places with protests (no claim, no event); «۳۵ میلیونی» a population.",
    ),
    (
        "real-fa-410",
        "fa",
        jal(1397, 2, 8),
        "اعتصاب شهرهای مرزی غرب ایران به سقز کشیده شد",
        VOA_FA_BANEH,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_BANEH}",
        [
            [("N", "08 اردیبهشت 1397")],
            *VOA_PROGRAMME,
            [
                ("N", "اعتصاب در بانە واقع در استان کردستان بە شھرستان سقز ھم رسید."),
                (
                    "N",
                    "در دو ھفتە گذشتە بانە در اعتصاب بودە و بە گفتە فعالان مدنی کرد اکنون با پیوستن شھرستان سقز بە این اعتصاب، وضعیت بحرانی شھرستانھای غرب ایران وارد مرحلە تازە ای شدە است.",
                ),
                ("N", "گزارش علی جوانمردی"),
            ],
        ],
        [],
        [],
        "The town-wide strike of Baneh (the shopkeepers' strike of April 2018) reaching Saqqez: a strike of a town with no gathering told, no protest event by the shop-strike rule (as the part-4 Voice of America reports on Baneh's shops); the page writes Persian with Kurdish letters (ە for ه, ھ for ه), so «بانە» and «شھرستان» are not spelled as a gazetteer spells them; «دو ھفتە» a span.",
    ),
    (
        "real-fa-411",
        "fa",
        None,
        "اعتراض به جمهوری اسلامی از ایران تا اروپا؛ بیش از صدهزار نفر در برلین تظاهرات کردند",
        VOA_FA_BERLIN,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_BERLIN} (the page's preview copy: its clock line and caption; the rest of the text as {VOA_FA_BERLIN_AMP} gives it)",
        [
            *VOA_PAGE_TOP,
            [("N", "چهارشنبه ۱۶ آبان ۱۴۰۳ ایران ۰۹:۱۶")],
            [("N", "برلین.")],
            [("N", "برلین.")],
            [
                (
                    "N",
                    "همزمان با برگزاری اعتراضات در برخی شهرهای ایران که با شعار «مرگ بر دیکتاتور» و «امسال سال خونه، سیدعلی سرنگونه» همراه بوده، هزاران ایرانی ساکن اروپا روز شنبه در برلین پایتخت آلمان تظاهراتی بیسابقه با شعار «مرگ بر جمهوری اسلامی» بر پا کردند.",
                )
            ],
            [
                (
                    "N",
                    "خبرگزاری رویترز اعلام کرد:«دهها هزار نفر در برلین در حمایت از اعتراضات مردم ایران راهپیمایی کردند.»",
                )
            ],
            [
                (
                    "N",
                    "رویترز همچنین گزارش داد : اعتراضات اخیر در ایران که در پی کشته شدن مهسا امینی در بازداشت پلیس آغاز شد با وجود سرکوب مرگبار حکومت، وارد ششمین هفته شده است ، اعتراضاتی که یکی از جدیترین چالشها را برای حاکمیت جمهوری اسلامی، پس از انقلاب ۱۳۵۷ ایجاد کرده است، حتی اگر در ظاهر، سرنگونی حکومت نزدیک بهنظر نرسد.",
                )
            ],
            [
                (
                    "N",
                    "این خبرگزاری همچنین نوشت: راهپیمایی برلین، بزرگترین تظاهرات ایرانیان خارج از کشور برضد جمهوری اسلامی بوده است.",
                )
            ],
            [
                (
                    "N",
                    "رویترز از قول یکی از شرکتکنندگان در تظاهرات برلین هم، نوشت: «احساس بسیار خوبی دارم، زیرا ما اینجا هستیم تا بگوییم ما همه با مردم ایران هستیم، من صدای مهسا امینی هستم.»",
                )
            ],
            [
                (
                    "E",
                    "با فرا رسیدن شب در ایران، اعتراضات شامگاهی شنبه ۳۰ مهر آغاز شده و مردم معترض در چند محله پایتخت به خیابانها آمدهاند.",
                ),
                ("E", "ویدئوهایی نیز از اعتراضات در مشهد، مهاباد و دزفول منتشر شده است."),
            ],
        ],
        [
            ev("Tehran", "IR-23", jal(1401, 7, 30)),
            ev("Mashhad", "IR-09", jal(1401, 7, 30)),
            ev("Mahabad", "IR-04", jal(1401, 7, 30)),
            ev("Dezful", "IR-06", jal(1401, 7, 30)),
        ],
        [],
        "A rally abroad (Berlin, “tens of thousands”, “more than a hundred thousand” in the title: no event, no claim) told first, with protests in Iran “in some towns” (no place); then the evening of Saturday 30 Mehr (22 October 2022; the year from the sixth week since Mahsa Amini's death, not from the page's clock line of 1403, which dates nothing) in neighbourhoods of the capital (Tehran, not named) and, by the videos of that evening, in three towns in a list; a caption that is only a town abroad; «ششمین» an ordinal, «۱۳۵۷» a year.",
    ),
    (
        "real-fa-412",
        "fa",
        "2025-12-29",
        "",
        VOA_DARI_BAZAAR,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI_BAZAAR} (cut before a sentence the copy broke off)",
        [
            [
                (
                    "E",
                    "بازار تهران و مناطق مرکزی پایتخت ایران، برای دومین روز پیهم، به خاطر نوسانات پولی، شاهد اعتصاب و اعتراضات گستردۀ مردم بود.",
                )
            ],
            [
                (
                    "E",
                    "گزارشها حاکی از فلج شدن شریانهای اقتصادی شهر، سردادن شعارهای ضد حکومت و استفاده از گاز اشکآور علیه معترضان بود.",
                )
            ],
            [
                (
                    "N",
                    "بحران بیپیشینه در بازار ارز و طلا که نرخ تبادلۀ یک دالر را به ۱۴۴ هزار تومان رسانده است، موجی از خشم و اعتراض را در میان کسبه کاران و شهروندان تهران برانگیخت.",
                )
            ],
            [
                (
                    "N",
                    "روز دوشنبه، (۲۹ دسمبر) اعتصابات گسترده ای که از روز یکشنبه آغاز شده بود، با شدت بیشتری ادامه یافت و بخشهای وسیعی از بازار بزرگ تهران و جاده های استراتیژیک اطراف آن را تعطیل کرد.",
                )
            ],
            [
                (
                    "N",
                    'گزارشها و ویدیوهای منتشر شده نشان می دهد که بازار "بینالحرمین"، بازار "آهنگران"، "صرافان"، "چهارسوق" و بازار "جعفری" به طور کامل به اعتصاب پیوسته و مغازهداران دوکانهای خود را بسته اند.',
                )
            ],
            [("N", "این موج تعطیلی به خیابانهای کلیدی دیگر تهران سرایت کرده است.")],
            [
                (
                    "E",
                    "در جریان راهپیمایی کسبه کاران معترض به سمت میدان فردوسی و جاده های اطراف، شعارهایی سر داده شد که مستقیماً رهبران حکومت و وضعیت موجود را هدف قرار می داد.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", "2025-12-29", I)],
        [],
        "A Dari report of Monday 29 December 2025 (the page's date, and «روز دوشنبه، (۲۹ دسمبر)» in the text): the bazaar's strike and protests in Tehran on the second day, tear gas used on protesters (a protest with intervention), a march of shopkeepers with slogans; the shops closing and the strike spreading to other streets are a shop strike (N); «دومین» an ordinal, «۱۴۴ هزار تومان» a price.",
    ),
    (
        "real-fa-413",
        "fa",
        "2025-12-31",
        "",
        VOA_DARI_THIRD_DAY,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI_THIRD_DAY} (cut before a sentence the copy broke off)",
        [
            [
                (
                    "E",
                    "شهرهای مختلف ایران به شمول تهران، برای سومین روز پیهم شاهد موج جدید اعتراضات مردمی بود که با بلندرفتن ناگهانی قیمت ارز و طلا آغاز شد.",
                )
            ],
            [
                (
                    "N",
                    "در بازارهای مختلف تهران از آهنگران گرفته تا بازار جلوخان، کسبهکاران دکانهای خود را بستند و به اعتصاب کنندگان پیوستند.",
                )
            ],
            [("E", "معترضان در تهران با انتقاد از وضعیت اقتصادی، شعارهای ضد حکومت را نیز سر دادند.")],
            [("N", "دامنه این اعتصابات به خارج از پایتخت نیز کشیده شده است.")],
            [
                (
                    "N",
                    "شهرهای شیراز، اصفهان، اهواز و کرمانشاه، نیز شاهد اعتصاب کسبهکاران بود که در برخی از مناطق این شهرها مالکین دکانها، برای سومین روز پیهم مغازههایشان را بستند.",
                )
            ],
            [
                (
                    "E",
                    "گزارشهای رسیده از کرمانشاه حاکی از آن است که شهروندان و کسبه کاران با برگزاری راهپیماییهای اعتراضی، به سردادن شعارهای ضدحکومتی علیه سیاستهای منطقهای و داخلی نظام پرداختند که در پی حمله ماموران برای سرکوب، مردم با تندی علیه نیروهای حکومتی موضعگیری کردند.",
                )
            ],
            [
                (
                    "N",
                    "همزمان با این تجمعات اعتراضی، فضای بسیاری از شهرها به شمول تهران شاهد تدابیر شدید امنیتی است.",
                )
            ],
            [
                (
                    "N",
                    'در تهران، نیروهای حکومتی و وسایط سرکوب مظاهرهکنندگان در ساحات مختلف به شمول منطقۀ "ولیعصر" مستقر شدهاند.',
                )
            ],
        ],
        [ev("Tehran", "IR-23", None), ev("Kermanshah", "IR-05", None, I)],
        [],
        "A Dari report of the third day (the text names no day; the page is dated 31 December 2025): protests with slogans in Tehran; a list of four towns with shop strikes only (Shiraz, Isfahan, Ahvaz, Kermanshah: no events by the shop-strike rule); Kermanshah's marches, attacked by agents (a protest with intervention); security forces deployed (N); «سومین» an ordinal.",
    ),
    (
        "real-fa-414",
        "fa",
        None,
        "برایان هوک در مورد قصد کیمیا علیزاده برای پناهندگی در آمریکا ابراز بیاطلاعی کرد",
        VOA_FA_HOOK,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_HOOK} (a page of headlines with one story open)",
        [
            *VOA_PAGE_TOP,
            [("N", "دوشنبه ۳۰ دی ۱۳۹۸ ایران ۱۹:۲۷")],
            [("N", "سرخط خبرها")],
            [("N", "برایان هوک")],
            [
                (
                    "N",
                    "بخش انگلیسی صدای آمریکا – یک مقام دولتی آمریکا با بیان این که زنان پشت اعتراضات گسترده اخیر در ایران هستند، گفت ایالات متحده نمیداند که آیا «کیمیا علیزاده» ورزشکار زن ایران که از کشور خارج شده، قصد پناهندگی در آمریکا را دارد یا خیر.",
                )
            ],
            [
                (
                    "N",
                    "کیمیا علیزاده، قهرمان تکواندو و تنها مدالآور زن ایرانی در المپیک، هفته گذشته در رسانههای اجتماعی گفته بود برای همیشه ایران را ترک کرده است، چرا که به اندازه کافی برای اهداف سیاسی از سوی مسئولان مورد استفاده قرار گرفته است.",
                )
            ],
            [
                (
                    "N",
                    "نماینده ویژه وزارت خارجه آمریکا در امور ایران روز جمعه در پاسخ به صدای آمریکا در مورد احتمال پناهندگی علیزاده به آمریکا، گفت: «از این که او به دنبال پناهندگی [در آمریکا] باشد اطلاعی ندارم، برای همین نمیتوانم در این مورد صحبت کنم.»",
                )
            ],
            [
                (
                    "N",
                    "برایان هوک در ادامه اظهارات خود، با بیان این که «بخش زیادی از توان و انرژی پشت اعتراضات ضدرژیم توسط زنان ایرانی هدایت میشود،» گفت که معتقد است: «زنان ایرانی بیشتری میخواهند از زیر بار ستمی که رژیم بر آنها روا میدارد، خارج شوند.»",
                )
            ],
            [("N", "https://gdb.voanews.com")],
        ],
        [],
        [],
        "A page's clock line (Monday 30 Dey 1398) and headline furniture over a story told in Washington: protests in Iran only named (“recent widespread protests”), an athlete who left Iran, “Friday” dating a statement; a photograph's caption that is a name; no event, no tally.",
    ),
    (
        "real-fa-415",
        "fa",
        None,
        "روز نخست اعتراض به گرانی بنزین در برخی شهرهای ایران با برگزاری تجمع",
        VOA_FA_FUEL,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_FUEL} (cut before a sentence the copy broke off)",
        [
            *VOA_PAGE_TOP,
            [("N", "سه شنبه ۲۹ اسفند ۱۴۰۲ ایران ۱۲:۰۳")],
            [("N", "گروهی از مردم در شهر بهبهان با نشستن روی زمین، خیابان را بستند.")],
            [("N", "گروهی از مردم در شهر بهبهان با نشستن روی زمین، خیابان را بستند.")],
            [("N", "در پی اعلام ناگهانی افزایش نرخ بنزین، گزارشها حاکی از موج اعتراض ها در برخی از شهرهای ایران است.")],
            [
                (
                    "E",
                    "بر اساس ویدئوهای ارسالی به صدای آمریکا، گروهی از شهروندان در اهواز، مشهد، شیراز و برخی دیگر از شهرها تجمع های اعتراضی برگزار کردند.",
                )
            ],
            [
                (
                    "E",
                    "شهروندان اهوازی روز جمعه ۲۴ آبان با تجمع در مناطقی از شهر با سر دادن شعار «اهوازی با غیرت، ماشینتو خاموش کن» خواستار خودداری شهروندان از خرید و مصرف بنزین شدند.",
                )
            ],
            [
                (
                    "E",
                    "ویدئوی دیگری نیز نشان میدهد که معترضان در امیدیه، دیگر شهر استان خوزستان، در اعتراض به گرانی بنزین تجمع کرده و جاده این شهر به آغاجاری را بستند، که موجب ترافیک بسیار سنگین در این منطقه شد.",
                )
            ],
            [
                (
                    "E",
                    "تصاویر ویدئویی دیگری نیز نشان میدهد که مردم شهر بهبهان در اعتراض به افزایش نرخ سوخت تجمع کرده و شعار دادند: «بنزین گرونتر شده، فقیر فقیرتر شده.»",
                )
            ],
            [("E", "شهروندان خرمشهر نیز در تجمع خود در اعتراض به گرانی بنزین شعار دادند: «باغیرت ماشینتو خاموش کن.»")],
        ],
        [
            ev("Ahvaz", "IR-06", jal(1398, 8, 24)),
            ev("Mashhad", "IR-09", jal(1398, 8, 24)),
            ev("Shiraz", "IR-07", jal(1398, 8, 24)),
            ev("Omidiyeh", "IR-06", jal(1398, 8, 24)),
            ev("Behbahan", "IR-06", jal(1398, 8, 24)),
            ev("Khorramshahr", "IR-06", jal(1398, 8, 24)),
        ],
        [],
        "The first day of the fuel-price protests, Friday 24 Aban 1398 (15 November 2019; the day named for Ahvaz, and the title's “first day” for the rest), under a clock line of 1402 that dates nothing: three towns in a list, then Ahvaz, Omidiyeh (a road blocked to Aghajari, which is no place of an event), Behbahan and Khorramshahr, each one event; a photograph's caption about Behbahan given twice (N).",
    ),
    (
        "real-fa-416",
        "fa",
        None,
        "واکنشها به گرانی ناگهانی بنزین| یک نماینده: فاتحه مجلس خوانده شده، آن را هم تعطیل کنید",
        VOA_FA_FUEL_REACTIONS,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_FUEL_REACTIONS} (cut before a sentence the copy broke off)",
        [
            *VOA_PAGE_TOP,
            [("N", "پنجشنبه ۱ آذر ۱۴۰۳ ایران ۱۳:۲۲")],
            [("N", "گرانی ناگهانی بنزین علاوه بر اعتراض مردم، موجب اعتراض برخی از مقامات حکومتی در ایران هم شده است.")],
            [
                (
                    "N",
                    "پروانه سلحشوری نماینده تهران در مجلس شورای اسلامی در واکنش به این اقدام دولت در توئیتر خود روز شنبه ۲۵ آبان نوشت: «از وقتی بنزین گران شده، مردم در تماسهای مکرر ابراز نگرانی میکنند.",
                ),
                ("N", "هموطنان عزیز، مدتهاست مجلس در رأس امور نیست."),
                (
                    "N",
                    "وی با بیان اینکه تصمیم گرانی بنزین در «جلسه سران سه قوه تصمیمگیری شده»، گفت: «همین یک رکن دموکراسی را نیمبند داشتیم که فاتحه آن هم خوانده شد.",
                ),
                ("N", "مجلس بعدی را تعطیل کنید، خودش اقتصاد مقاومتی است.»"),
            ],
            [("N", "طعنه این نماینده به شعار اقتصاد مقاومتی آیت الله علی خامنهای رهبر جمهوری اسلامی است.")],
            [
                (
                    "N",
                    "دولت ایران بدون اعلام قبلی بامداد جمعه ۲۴ آبان ناگهان اعلام کرد قیمت بنزین معمولی غیرسهمیهای یا آزاد هر لیتر ۳ هزار تومان خواهد بود.",
                ),
                ("N", "این به معنی سه برابر شدن قیمت بنزین آزاد است."),
                ("N", "قیمت بنزین غیرسهمیهای پیش از این هر لیتر، هزار تومان بود."),
                ("N", "قیمت بنزین معمولی سهمیهای هم لیتری ۱۵۰۰ تومان اعلام شد."),
            ],
        ],
        [],
        [],
        "Reactions to the fuel-price rise: a Tehran member of parliament's tweet of Saturday 25 Aban (an objection, no protest event; Tehran is her constituency), the price rise announced on Friday 24 Aban; prices and «سه برابر» are no counts; the clock line of 1403 dates nothing.",
    ),
]


def write_real5() -> None:
    """Write real_dev5.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev5", REPORTS))


if __name__ == "__main__":
    write_real5()
