"""Write the real-text set's fourth part: 30 more passages no one here wrote, all development.

The same rules as `write_real.py` and `write_real3.py` (README.md beside this file, "Real text", and the
settled place-less follow-up rule): passages copied as the page or the copy that was read gave them
(infobox and table lines glued to their labels, citation markers, captions, datelines, a programme page's
furniture, a copy's unrelated captions and advertising text, tweets embedded in a report), labelled sentence
by sentence (E event, C tally, N neither) with ACLED-style events (one per place and day) and claims.

Sources: English Wikipedia (CC BY-SA 4.0; some passages read from copies of Wikipedia: WikiMili, Kiwix on
IPFS, mirrors, DBpedia), Voice of America in English, Persian and Dari, VOA editorials (works of the United
States government, public domain; two read from pages that copied them), and Persian Wikinews (CC BY 2.5).
Nothing here is split by hash: every passage is **development** (read and fixed on), written and committed
before the extractor first ran on it. Run this file to regenerate `real_dev4.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, WP, F, I, P, RealReport, V, cl, ev, jal, write_part

FAWN = "CC BY 2.5 (Persian Wikinews)"
DBPEDIA = "CC BY-SA 3.0 (DBpedia abstract of the English Wikipedia article)"

EN_FOOD = "https://en.wikipedia.org/wiki/2022_Iranian_food_protests"
EN_FOOD_MIRROR = "http://movatter.jp/mt/?dark=on&url=http%3A%2F%2Fen.wikipedia.org%2Fwiki%2F2022_Iranian_food_protests"
EN_FOOD_SAGA = "https://sagapedia.com/en/2022_Iranian_food_protests"
EN_AHVAZ = "https://en.wikipedia.org/wiki/2005_Ahvaz_unrest"
EN_AHVAZ_IPFS = (
    "https://cloudflare-ipfs.com/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/2005_Ahvaz_unrest.html"
)
EN_AHVAZ_DBPEDIA = "https://triplydb.com/MikelEganaAranguren/iris/browser?resource=http%3A%2F%2Fdbpedia.org%2Fresource%2F2005_Ahvaz_unrest"
EN_ASHURA = "https://en.wikipedia.org/wiki/Ashura_protests"
EN_ASHURA_OLD = "https://en.wikipedia.org/wiki/2009_Ashura_Iran_anti-government_protest"
EN_ASHURA_WIKIMILI = "https://wikimili.com/en/Ashura_protests"
EN_DERVISH_WIKIMILI = "https://wikimili.com/en/2018_Dervish_protests"
EN_MAHABAD = "https://en.wikipedia.org/wiki/Mahabad_riots"
EN_MAHABAD_COPY = "https://thcscience.wiki/term/cannabaceae/cannabis/cannabis-indica/?rdp_we_resource=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2FMahabad_riots"
EN_HAFT_TAPPEH = "https://en.wikipedia.org/wiki/Haft_Tappeh_Sugarcane_Agro-Industry_Co."
EN_COCKROACH = "https://en.wikipedia.org/wiki/Iran_newspaper_cockroach_cartoon_controversy"
EN_COCKROACH_COPY = "http://cryer.org.uk/Iran_newspaper_cockroach_cartoon_controversy"
VOA_KHASH = "https://voa.pangea-cms.com/preview/en-US/a/6831044.html"
VOA_ZAHEDAN = "https://voa.pangea-cms.com/preview/en-US/a/iran-protests-continue-friday-as-unrest-enters-fourth-month-/6879753.html"
VOA_TEN_CITIES = (
    "https://www.voanews.com/a/iran-protests-spread-to-10-cities-in-widest-unrest-since-january/4511936.html"
)
VOA_ISFAHAN = "https://www.voanews.com/a/second-day-of-anti-government-protests-in-iran-third-largest-city/4509737.html"
VOA_WATER_SHARPER = "https://webjosh.com/article/southwest-iran-s-water-shortage-protests-take-sharper-anti-government-tone-1626859785-270361"
VOA_WATER_DEADLY = "https://webjosh.com/article/southwest-iran-s-water-shortage-protests-turn-deadly-1626541747-262350"
VOA_EDITORIAL_STUDENTS = "https://editorials.voa.gov/a/a-41-2008-12-12-voa3-84653232/1480977.html"
VOA_BANEH = "https://voa.pangea-cms.com/preview/en-US/a/iranian-stores-remain-closed-in-protest/4365529.html"
VOA_KURDISH_SHOPS = "https://voa.pangea-cms.com/preview/en-US/a/iran-kurdish-protests/4362178.html"
VOA_FA_WORKERS_DAY = "https://ir.voanews.com/episode/iran-protests-4902"
VOA_FA_URMIA = "https://ir.voanews.com/episode/iran-workers-protests-35297"
VOA_FA_TABRIZ = "https://ir.voanews.com/episode/wdyt-kargran-dr-ayran-70726"
VOA_FA_DRIVERS = "https://ir.voanews.com/a/iran-drivers-srike/4514470.html"
VOA_FA_DRIVERS_COPY = "http://iranzone.net/2018/08/05/%D8%AA%D8%AF%D8%A7%D9%88%D9%85-%D8%A7%D8%B9%D8%AA%D8%B5%D8%A7%D8%A8-%DA%A9%D8%A7%D9%85%DB%8C%D9%88%D9%86%D8%AF%D8%A7%D8%B1%D8%A7%D9%86-%D9%88-%D8%B1%D8%A7%D9%86%D9%86%D8%AF%DA%AF%D8%A7%D9%86-%D9%87/"
VOA_FA_KAHRIZAK = "https://ir.voanews.com/episode/salgrd-qrbanyan-khryzk-nymh-tmam-mand-248468"
VOA_FA_AZADI = "https://ir.voanews.com/episode/shkst-dwlt-ahmdy-nzhad-dr-mytyng-pr-hzynh-azady-244946"
VOA_DARI = "https://www.darivoa.com/a/iran-protests-tenth-day-us-department-of-state-maintain-its-criticism-on-iran-goernment-reactions-on-proterstors/8099418.html"
FA_WIKINEWS = "https://fa.wikinews.org/wiki/%D8%AC%D9%85%D8%B9%DB%8C%D8%AA_%D8%BA%D8%A7%D9%81%D9%84%DA%AF%DB%8C%D8%B1_%DA%A9%D9%86%D9%86%D8%AF%D9%87_%D8%AF%D8%B1_%D8%AA%D8%B8%D8%A7%D9%87%D8%B1%D8%A7%D8%AA_%D9%85%D8%B9%D8%AA%D8%B1%D8%B6%D8%A7%D9%86_%D8%A7%DB%8C%D8%B1%D8%A7%D9%86%DB%8C"

VOA_PROGRAMME = [
    [("N", "اِمبد")],
    [("N", "آغاز این برنامه در ساعت:")],
    [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو میشود.")],
]

FOOD_LEAD = [
    "In May 2022, ongoing protests in Iran escalated into nationwide civil unrest as a result of government price hikes on staple foods including bread and pasta.",
    "The protests were part of a countrywide wave of protests beginning in July 2021.",
    "Protests were initially concentrated in the drought-stricken province of Khuzestan, but rapidly spread nationwide.",
    "Authorities responded by declaring riot control action and blocking internet access.",
]
KHARAZ_TEACHERS = cl(38, "arrested", period="1 May 2022")
AHVAZ_DAY = "2005-04-15"
ASHURA_QOM = "2009-12-21"

REPORTS: list[RealReport] = [
    (
        "real-en-301",
        "en",
        None,
        "2022 Iranian food protests",
        EN_FOOD,
        WP,
        f"“2022 Iranian food protests”, Wikipedia, {EN_FOOD} (infobox, lead, the start of the background; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Partof: 2021–2022 Iranian protests")],
            [("N", "- Place: Iran")],
            [("N", "- Title: 2022 Iran Regime Protests")],
            [("N", "- Date: 6 May 2022 – 15 September 2022, ()")],
            [("N", "- Causes: Inflation in commodities")],
            [
                (
                    "N",
                    "- Goals: End of price hikes, Restoration of subsidies on imported wheat, Deposition of President Ebrahim Raisi, Deposition of Supreme Leader Ali Khamenei",
                )
            ],
            [("N", "- Methods: Demonstrations, food riot")],
            [("N", "- Result: Protests spilled over into the larger Mahsa Amini protests")],
            [("N", "- Side1: Iranian demonstrators")],
            [("N", "- Side2: Government of Iran, * Police Command")],
            [("N", "- Leadfigures1: Non-centralized leadership")],
            [
                (
                    "N",
                    "- Leadfigures2: 25px Ebrahim Raisi , (President of Iran), Sadeq Khalilian , (Governor-general of Khuzestan), Hossein Ashtari , (Chief Commander of the Police Command of the Islamic Republic of Iran)",
                )
            ],
            [("N", sentence) for sentence in FOOD_LEAD],
            [
                (
                    "C",
                    "Prior to the start of the demonstrations, preceding and during International Workers' Day on 1 May, Iran preemptively detained 38 teachers in order to stymie planned nationwide protests during National Teachers' Day on 2 May.",
                ),
                (
                    "N",
                    "Workers' protests had increased over the past year as the result of a deterioration in living conditions caused by the re-imposition of US sanctions against Iran during the administration of Donald Trump and the economic effects of the COVID-19 pandemic.",
                ),
                (
                    "N",
                    "After the Iranian government ended subsidies for imported wheat, the price of flour soared by around 500%, exacerbating current inflation, which hovered around 50%.",
                ),
            ],
            [
                (
                    "E",
                    "The protests, beginning on 6 May in Khuzestan, were initially associated with the rising cost of living.",
                )
            ],
        ],
        [ev(None, "IR-06", "2022-05-06")],
        [KHARAZ_TEACHERS],
        "A movement's infobox and lead: the one event is the start in Khuzestan province on 6 May (a province, no town); 38 teachers detained before the protests is an arrest tally; 500% and 50% are no counts; “July 2021” and the infobox's date range date nothing; the province where protests were “initially concentrated” sums up the movement.",
    ),
    (
        "real-en-302",
        "en",
        None,
        "",
        EN_FOOD_MIRROR,
        WP,
        f"“2022 Iranian food protests”, Wikipedia, {EN_FOOD} (read from the mirror {EN_FOOD_MIRROR}: link text glued to the words around it; cut before a sentence glued to the next)",
        [
            [
                ("N", "Some of this article'slisted sourcesmay not bereliable."),
                ("N", "Please help improve this article by looking for better, more reliable sources."),
                (
                    "N",
                    "Unreliable citations may be challenged and removed.(May 2022) (Learn how and when to remove this message) |",
                ),
            ],
            [("N", "| 2022 Iran Regime Protests | |||")],
            [("N", "|---|---|---|---|")],
            [("N", "| Part of2021–2022 Iranian protests | |||")],
            [("N", "| Date | 6 May 2022 – 15 September 2022 | ||")],
            [("N", "| Location | |||")],
            [("N", "| Caused by |")],
            [("N", "| ||")],
            [("N", "| Goals |")],
            [("N", "| ||")],
            [("N", "| Methods | Demonstrations,food riot | ||")],
            [("N", "| Resulted in | Protests spilled over into the largerMahsa Amini protests | ||")],
            [("N", "| Parties | |||")],
            [("N", "| |||")],
            [("N", "| Lead figures | |||")],
            [("N", "Non-centralized leadership")],
            [("N", "| |||")],
            [
                (
                    "N",
                    "In May 2022, ongoing protests inIran escalated into nationwidecivil unrest[5] as a result of government price hikes onstaple foods includingbread andpasta.[6][7]",
                ),
                ("N", "The protests were part of acountrywide wave of protests beginning in July 2021."),
                (
                    "N",
                    "Protests were initially concentrated in the drought-stricken province ofKhuzestan,[8] but rapidly spread nationwide.",
                ),
                ("N", "Authorities responded by declaringriot control action[9] andblocking internet access.[10]"),
            ],
            [
                (
                    "C",
                    "Prior to the start of the demonstrations, preceding and duringInternational Workers' Day on 1 May, Iran preemptivelydetained 38 teachers[11] in order to stymie planned nationwide protests duringNational Teachers' Day on 2 May.",
                ),
                (
                    "N",
                    "Workers' protests had increased over the past year as the result of a deterioration in living conditions caused by the re-imposition ofUS sanctions against Iran during theadministration of Donald Trump and the economic effects of theCOVID-19 pandemic.[12]",
                ),
                (
                    "N",
                    "After the Iranian government endedsubsidies forimported wheat, the price offlour soared by around 500%,[13] exacerbating currentinflation, which hovered around 50%.[14]",
                ),
            ],
            [
                (
                    "E",
                    "The protests, beginning on 6 May in Khuzestan,[15] were initially associated with the risingcost of living.",
                )
            ],
        ],
        [ev(None, "IR-06", "2022-05-06")],
        [KHARAZ_TEACHERS],
        "The same article as real-en-301 as a mirror gives it: a maintenance banner dated “(May 2022)” (it dates nothing), the infobox as a table of pipes, link text glued to the words around it (“inIran”, “ofKhuzestan,[8]”), citation markers; one province-level event on 6 May, one arrest tally.",
    ),
    (
        "real-en-303",
        "en",
        None,
        "2005 Ahvaz unrest",
        EN_AHVAZ,
        WP,
        f"“2005 Ahvaz unrest”, Wikipedia, {EN_AHVAZ} (infobox, lead and the start of the background; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2005 Ahvaz unrest")],
            [("N", "- Partof: Arab separatism in Khuzestan")],
            [("N", "- Date: 15–18 April 2005")],
            [("N", "- Result: Unrest quelled")],
            [("N", "- Methods: Demonstrations, riots")],
            [("N", "- Side1: Iranian Arabs")],
            [("N", "- Side2: Iranian Government")],
            [("N", "- Leadfigures1: No centralized leadership")],
            [("N", "- Leadfigures2: Ali Khamenei, Supreme Leader of Iran Mohammad Khatami, President of Iran")],
            [("N", "- Injuries: dozens")],
            [("N", "- Fatalities: 1–20 (Iranian sources), 15–50 (external sources)")],
            [("N", "- Arrests: hundreds arrested")],
            [
                (
                    "E",
                    "2005 Ahvaz unrest or 15 April Ahvaz Protests were violent riots, initiated by Iranian Arabs in the city of Ahvaz in southwestern Iranian province of Khuzestan.",
                ),
                ("E", "The unrest erupted on 15 April 2005, and lasted for 4 days."),
                (
                    "E",
                    "Initially, the Iranian Interior Ministry stated that only one person had been killed, however an official at a hospital in Ahvaz said that there were between 15 and 20 mortal casualties.",
                ),
                (
                    "N",
                    "Government officials blamed the unrest on Britain, whose troops based just across the border in southern Iraq.",
                ),
                ("N", "Following the unrest, several bombings were carried out in Ahvaz, killing 28 people."),
                ("N", "In 2006, Iran executed five Arab separatists, convicted of carrying out the bombings in 2005."),
            ],
            [("N", "==Background==")],
            [
                (
                    "N",
                    "The Arabs of Iran are concentrated in the province of Khuzestan and number between half a million to 2 million.",
                ),
                (
                    "N",
                    "These Arabs are descendants of Shi'ite Arab tribes gradually migrating to Iran since the 16th century.",
                ),
                (
                    "N",
                    "Most Iranian Arabs are Shi'a, but a small minority of Sunni Muslim Arabs live along the Persian Gulf coastline.",
                ),
                (
                    "N",
                    "In Khuzestan, Arabs are the dominant ethnic group in Shadegan, Hoveyzeh and Susangerd, a majority in Mahshahr and Khorramshahr, a minority in Abadan and together with Persians, Arabs are one of the two main ethnic groups in Ahvaz.",
                ),
            ],
            [
                ("N", "The Constitution of Iran guarantees freedom of cultural expression and linguistic diversity."),
                ("N", "Khūzestān Province has radio and television stations in Arabic."),
            ],
        ],
        [ev("Ahvaz", "IR-06", AHVAZ_DAY, V)],
        [],
        "One town's riots: one event on the day the text names (15 April 2005; “lasted for 4 days” names no other day); the death tolls (1, 15–20, 1–20, 15–50) are that one event's own, so no claims (the infobox lines are N as in real-en-010, the lead sentence telling the deaths there is E); the 28 killed by later bombings and the five executed bombers are no protest and no tally; a background sentence lists seven Khuzestan towns with no event.",
    ),
    (
        "real-en-304",
        "en",
        None,
        "2005 Ahvaz unrest",
        EN_AHVAZ_IPFS,
        WP,
        f"“2005 Ahvaz unrest”, Wikipedia, {EN_AHVAZ} (an earlier revision, read from the Kiwix copy on IPFS {EN_AHVAZ_IPFS}; cut before a sentence the copy read broke off)",
        [
            [("N", "2005 Ahvaz unrest")],
            [("N", "Part of Arab separatism in Khuzestan")],
            [("N", "Iranian Khuzestan province")],
            [("N", "Date 15–18 April 2005")],
            [("N", "Methods demonstrations, riots")],
            [("N", "Status Unrest quelled")],
            [("N", "Parties to the civil conflict")],
            [("N", "Lead figures")],
            [("N", "1–20 (Iranian sources)[1][2]")],
            [("N", "15–50 (external sources)[3][4]")],
            [("N", "Injuries dozens")],
            [("N", "Arrested hundreds arrested")],
            [
                (
                    "E",
                    "2005 Ahvaz unrest[2][5] or 15 April Ahvaz Protests[3] were violent riots, initiated by Iranian Arabs in the city of Ahvaz in southwestern Iranian province of Khuzestan.",
                ),
                ("E", "The unrest erupted on 15 April 2005, and lasted for 4 days."),
                (
                    "E",
                    "Initially, the Iranian Interior Ministry stated that only one person had been killed, however an official at a hospital in Ahvaz said that between 15 and 20 mortal casualties.[2]",
                ),
                (
                    "N",
                    "Government officials blamed the unrest on Britain, whose troops based just across the border in southern Iraq.[6]",
                ),
                ("N", "Following the unrest, several bombings were carried out in Ahvaz, killing 28 people."),
                (
                    "N",
                    "In 2006, Iran executed five Arab separatists, convicted of carrying out the bombings in 2005.[6]",
                ),
            ],
            [
                (
                    "N",
                    "Before Iran-Iraq war in 1980s, Arab people in khuzestan were resided in rural region along Karkhe and Karun rivers in south west of province and number of those living in cities was very limited.",
                ),
                ("N", "The reason was Arab tribes nomadic life style."),
                (
                    "N",
                    "But after end of the said war, most of this refuged Arabs were stationed by the government in some urban regions and little towns.",
                ),
                (
                    "N",
                    "This conversion of life style directly from nomadic to civil life caused many problem and conflicts in structure of their societies and ultimately in some unrests.",
                ),
            ],
            [
                (
                    "N",
                    "The Arabs of Iran are concentrated in the province of Khuzestan and number between half a million to 2 million.[7]",
                ),
                (
                    "N",
                    "These Arabs are descendants of Shi'ite Arab tribes gradually migrating to Iran since 16th (During Ottomon sovereignty on Arabian peninsula).",
                ),
                (
                    "N",
                    "Most Iranian Arabs are Shi'a, but a small minority of Sunni Muslim Arabs live along the Persian Gulf coastline.[8]",
                ),
            ],
        ],
        [ev("Ahvaz", "IR-06", AHVAZ_DAY, V)],
        [],
        "An older revision of real-en-304's article: infobox lines with their labels lost (“1–20 (Iranian sources)[1][2]” alone on a line, “Arrested hundreds arrested”), a caption line naming the province, citation markers glued to the sentences; one event, its own death tolls no claim.",
    ),
    (
        "real-en-305",
        "en",
        None,
        "Ashura protests",
        EN_ASHURA,
        WP,
        f"“Ashura protests”, Wikipedia, {EN_ASHURA} (infobox, lead and the start of the background; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Ashura protests")],
            [("N", "- Partof: 2009 Iranian presidential election protests")],
            [("N", "- Date: 27 December 2009 (Day of Ashura)")],
            [("N", "- Place: Various cities in Iran")],
            [("N", "- Causes: Protesting the results of the national presidential election")],
            [
                (
                    "N",
                    "- Goals: attempts to overthrow the Islamic Republic of Iran and the removal of Mahmoud Ali Nejad from the president",
                )
            ],
            [("N", "- Methods: Protest")],
            [("N", "- Side1: Supporters of the Iranian Green Movement")],
            [("N", "- Side2: Iranian government")],
            [("C", "- Casualties1: 37 civilians + Seyed Ali Mousavi")],
            [("C", "- Fatalities: 37 people")],
            [("C", "- Injuries: At least 60 people")],
            [("N", "- Arrests: Ebrahim Yazdi, Heshmat Tabarzadi")],
            [("C", "- Detentions: More than 1400 300 to 550 people in Tehran, 400 to 500 people in Isfahan")],
            [
                (
                    "N",
                    "The Ashura protests occurred on 27 December 2009 in Iran against the outcome of the June 2009 presidential election, which demonstrators claim was illegitimate due to electoral fraud.",
                ),
                (
                    "N",
                    "The demonstrations were part of the 2009 Iranian election protests and were the largest since June.",
                ),
                ("N", "In December 2009, the protests saw an escalation in violence."),
            ],
            [
                (
                    "N",
                    "In response to this protest, pro-government protesters held a rally three days later on 30 December (9 Dey) to condemn Green Movement protesters.",
                )
            ],
            [("N", "==Background==")],
            [
                (
                    "N",
                    "Irregularities during the 2009 Iranian presidential election caused resentment among many Iranians.",
                ),
                (
                    "N",
                    "While post-election protests were mostly peaceful, some violence erupted, leading to clashes between security forces and protesters, while some outspoken political dissenters were detained.",
                ),
            ],
            [
                (
                    "N",
                    "Dissenters continued to speak out against the government, leading to further protests in December 2009.",
                ),
                (
                    "N",
                    "On 19 December 2009, the Grand Ayatollah Hossein Ali Montazeri, who had become a spiritual leader of the opposition, died.",
                ),
                (
                    "E",
                    "Montazeri's funeral, held on 21 December in Qom was attended by a large gathering of people and clashes ensued between security forces and mourners, leading on to further demonstrations in Qom and Isfahan.",
                ),
            ],
        ],
        [ev("Qom", "IR-25", ASHURA_QOM, I), ev("Qom", "IR-25", None), ev("Isfahan", "IR-10", None)],
        [
            cl(37, "killed", period="27 December 2009"),
            cl(60, "injured", "at least", period="27 December 2009"),
            cl(1400, "arrested", "more than", period="27 December 2009"),
            cl(300, "arrested", places=1, period="27 December 2009", place_names=["Tehran"]),
            cl(400, "arrested", places=1, period="27 December 2009", place_names=["Isfahan"]),
        ],
        "An infobox whose tallies name no place but two detention counts per town, glued (“More than 1400 300 to 550 people in Tehran”: 1400, then the range 300–550 in Tehran, then 400–500 in Isfahan; a range is claimed by its lower bound), a death toll said twice (one claim), two named detainees (no count); the Ashura day itself has no town in this passage (“Various cities”), so its events are not gold; the funeral in Qom with clashes on 21 December, then further demonstrations in Qom and Isfahan with no day (three events); a pro-government rally with no place.",
    ),
    (
        "real-en-306",
        "en",
        None,
        "Ashura protests",
        EN_ASHURA_OLD,
        WP,
        f"“Ashura protests” (then “2009 Ashura Iran anti-government protest”), Wikipedia, {EN_ASHURA_OLD} (an early revision as the corpus held it; cut before a sentence the copy read broke off)",
        [
            [("N", "From Wikipedia, the free encyclopedia")],
            [("N", "Jump to: navigation, search")],
            [("N", "3ashoraie sabz.jpg")],
            [("N", "Ashura protest in Iran")],
            [("N", "Date 27 December 2009 (Day of Ashura)")],
            [("N", "Location Various cities in Iran")],
            [("N", "Caused by Protesting the results of the national presidential election")],
            [("N", "Methods Protest")],
            [("N", "Parties to the civil conflict")],
            [("N", "Supporters of Green Movement")],
            [("N", "Iranian Government")],
            [
                (
                    "N",
                    "The 2009 Ashura protests were a series of protests which occurred on 27 December 2009 in Iran against the outcome of the June 2009 Iranian presidential election, which demonstrators claim was rigged.",
                ),
                (
                    "N",
                    "The demonstrations were part of the 2009 Iranian election protests and were the largest since June.",
                ),
                ("N", "In December 2009, the protests saw an escalation in violence.[1][2][3]"),
            ],
            [
                (
                    "N",
                    "Irregularities during the 2009 Iranian presidential election caused resentment among many Iranians.",
                ),
                (
                    "N",
                    "While post-election protests were mostly peaceful, some violence erupted, leading to clashes between security forces and protesters, while some outspoken political dissenters were detained.[4]",
                ),
            ],
            [
                (
                    "N",
                    "However, dissenters continued to speak out against the Government, leading to further protests in December 2009.",
                ),
                (
                    "N",
                    'On 19 December 2009, the Grand Ayatollah Hossein Ali Montazeri, who had become a "spiritual leader" of the opposition, died.',
                ),
                (
                    "E",
                    "Montazeri's funeral, held on 21 December in the city of Qom, was attended by a large gathering of people[1] and clashes ensued between security forces and mourners,[5] leading on to further demonstrations in Qom and Isfahan.[5]",
                ),
                (
                    "N",
                    "On 26 December, a paramilitary Basij force subordinate to the Iranian Revolutionary Guard stormed a mosque in Tehran where scholar and former President Mohammad Khatami was speaking.[1][6]",
                ),
                (
                    "E",
                    "This was followed by continued clashes in Tehran in which Jaras, a news media of the critics, estimated eight to ten people had died.[1]",
                ),
            ],
            [
                (
                    "N",
                    'Prior to Ashura, Ayatollah Kadivar said he could not "rule out the possibility" of state intervention in the planned protests.[7]',
                )
            ],
        ],
        [
            ev("Qom", "IR-25", ASHURA_QOM, I),
            ev("Qom", "IR-25", None),
            ev("Isfahan", "IR-10", None),
            ev("Tehran", "IR-23", None, I),
        ],
        [],
        "An early revision with its page furniture (“Jump to: navigation, search”, an image file name, a caption); the funeral clashes in Qom, further demonstrations in Qom and Isfahan, and clashes in Tehran “followed” the storming of a mosque on 26 December with no day of their own (the mosque storming is an attack on a speech, not a protest); “eight to ten” dead are that Tehran event's own (no claim).",
    ),
    (
        "real-en-307",
        "en",
        None,
        "",
        EN_ASHURA_WIKIMILI,
        WP,
        f"“Ashura protests”, Wikipedia, {EN_ASHURA} (read from the WikiMili copy {EN_ASHURA_WIKIMILI}: the infobox as a table, citation markers set apart by spaces; cut before a sentence the copy read broke off)",
        [
            [("N", "| Ashura protests | |||")],
            [("N", "|---|---|---|---|")],
            [("N", "| Part of 2009 Iranian presidential election protests | |||")],
            [("N", "| Ashura protest in Keshavarz Boulevard, Tehran. | |||")],
            [("N", "| Date | 27 December 2009 (Day of Ashura) | ||")],
            [("N", "| Location | Various cities in Iran | ||")],
            [("N", "| Caused by | Protesting the results of the national presidential election | ||")],
            [
                (
                    "N",
                    "| Goals | attempts to overthrow the Islamic Republic of Iran and the removal of Mahmoud Ali Nejad from the president | ||",
                )
            ],
            [("N", "| Methods | Protest | ||")],
            [("N", "| Parties | |||")],
            [("N", "| Casualties and losses | |||")],
            [("N", "| |||")],
            [
                (
                    "N",
                    "The Ashura protests occurred on 27 December 2009 in Iran against the outcome of the June 2009 presidential election, which demonstrators claim was illegitimate due to electoral fraud.",
                ),
                (
                    "N",
                    "The demonstrations were part of the 2009 Iranian election protests and were the largest since June.",
                ),
                ("N", "In December 2009, the protests saw an escalation in violence. [1] [2] [3]"),
            ],
            [
                (
                    "N",
                    "In response to this protest, pro-government protesters held a rally three days later on 30 December (9 Dey) to condemn Green Movement protesters. [4]",
                )
            ],
            [
                (
                    "N",
                    "Irregularities during the 2009 Iranian presidential election caused resentment among many Iranians.",
                ),
                (
                    "N",
                    "While post-election protests were mostly peaceful, some violence erupted, leading to clashes between security forces and protesters, while some outspoken political dissenters were detained. [5]",
                ),
            ],
            [
                (
                    "N",
                    "Dissenters continued to speak out against the government, leading to further protests in December 2009.",
                ),
                (
                    "N",
                    "On 19 December 2009, the Grand Ayatollah Hossein Ali Montazeri, who had become a spiritual leader of the opposition, died.",
                ),
                (
                    "E",
                    "Montazeri's funeral, held on 21 December in Qom was attended by a large gathering of people [1] and clashes ensued between security forces and mourners, [6] leading on to further demonstrations in Qom and Isfahan. [6]",
                ),
                (
                    "N",
                    "On 26 December, a paramilitary Basij force subordinate to the Iranian Revolutionary Guard stormed a mosque in Tehran where scholar and former President Mohammad Khatami was speaking. [1] [7]",
                ),
            ],
        ],
        [ev("Qom", "IR-25", ASHURA_QOM, I), ev("Qom", "IR-25", None), ev("Isfahan", "IR-10", None)],
        [],
        "The current article as WikiMili gives it: the infobox as a table whose caption names a Tehran boulevard on the Ashura day (a caption: N, and the Ashura events have no town in the text); citation markers set apart by spaces; the same three events as real-en-305.",
    ),
    (
        "real-en-308",
        "en",
        None,
        "2018 Dervish protests",
        EN_DERVISH_WIKIMILI,
        WP,
        f"“2018 Dervish protests”, Wikipedia, https://en.wikipedia.org/wiki/2018_Dervish_protests (read from the WikiMili copy {EN_DERVISH_WIKIMILI}; cut before a sentence the copy read broke off)",
        [
            [("N", "Last updated")],
            [("N", "2018 Dervish protests")],
            [("N", "Part of the Iranian Democracy Movement")],
            [("N", "Date4 February 2018 – 4 March 2018")],
            [("N", "(1 month)")],
            [("N", "Location Tehran, Iran")],
            [("N", "Caused byPossible arrest of Noor Ali Tabandeh")],
            [("C", "Several Dervishes arrested")],
            [("N", "Goals-Greater religious freedom, especially for Dervishes")],
            [("N", "Methods Demonstrations, riots")],
            [("N", "Status-Protests Quelled")],
            [("N", "-Continued rise of the Iranian Democracy Movement")],
            [("N", "Parties")],
            [("N", "Lead figures")],
            [("N", "Number")],
            [("N", "Hundreds")],
            [("N", "100+ [1]")],
            [("N", "Casualties")],
            [("C", "Death(s)Up to 5 protesters [2]")],
            [("C", "5 security forces [3]")],
            [("C", "Injuries170+ protesters [4]")],
            [("C", "30 security forces")],
            [("C", "Arrested400+ [5]")],
            [
                (
                    "N",
                    "The 2018 Dervish protests, which occurred in February and March 2018 in Tehran, led to clashes between security forces, and Dervishes, an Iranian Sufi group (Gonabadi Dervishes), protesting against the government, resulting in the bloody repression of protestors. [6]",
                ),
                (
                    "C",
                    "Tensions between Police, the IRGC, and the Basij with a number of Gonabadi Dervishes eventually led to the deaths of six people, the execution of Dervishes, and the arrest of hundreds of wounded Dervishes on March. [7]",
                ),
            ],
            [("N", "Contents")],
            [
                (
                    "N",
                    "The United States called the repression of the Dervishes the largest repression of religious minorities in the Islamic Republic, while the Ministry of Interior of Iran called the protests a plot to expand its scope to the national level by creating regional unrest. [8]",
                )
            ],
            [("N", "Background")],
            [
                ("N", "The Gonabadi Dervishes are Sufi Muslims; the Iranian government considers them a threat. [9]"),
                ("N", "Conversion to Sufism is frowned upon by the Shi'a religious establishment. [10]"),
            ],
            [
                (
                    "C",
                    "In January 2012, at least 10 of the group's members were imprisoned in Fars province, and others may be held at Evin Prison in Tehran, including Kasra Nouri [10] [11]",
                )
            ],
            [("N", "Protests")],
            [
                (
                    "E",
                    "On 19 February, the Sufis organized a sit-in protest at a police station, located in the Pasdaran district of Tehran, where one of their members was held.",
                ),
                ("E", "Later, clashes broke out between the Sufi protestors and security forces."),
            ],
        ],
        [ev("Tehran", "IR-23", "2018-02-19", V)],
        [
            cl(5, "killed", claimant="", period="4 February 2018 – 4 March 2018"),
            cl(5, "killed", period="4 February 2018 – 4 March 2018"),
            cl(170, "injured", "more than", period="4 February 2018 – 4 March 2018"),
            cl(30, "injured", period="4 February 2018 – 4 March 2018"),
            cl(400, "arrested", "more than", period="4 February 2018 – 4 March 2018"),
            cl(6, "killed", period="February and March 2018"),
            cl(10, "arrested", "at least", places=1, period="January 2012", place_names=["Fars"]),
        ],
        "A month of protests in one town, tallied over the month (so claims, not one event's own): deaths, injuries and arrests glued to their labels (“Death(s)Up to 5”, “Injuries170+”, “Arrested400+”), “Hundreds” and “100+” as the number taking part (no tally), six deaths; an imprisonment count from 2012 in Fars; the one event told with its day is the sit-in at a Pasdaran police station on 19 February that turned to clashes (the year from the infobox); the lead sums up the month.",
    ),
    (
        "real-en-309",
        "en",
        None,
        "",
        EN_MAHABAD_COPY,
        WP,
        f"“Mahabad riots”, Wikipedia, {EN_MAHABAD} (the whole short article, as copied under an unrelated page header by {EN_MAHABAD_COPY})",
        [
            [("N", "Cannabis Indica")],
            [
                (
                    "E",
                    "On 7 May 2015, ethnic Kurds rioted in Mahabad, Iran, following the unexplained death on 4 May 2015 of Farinaz Khosravani, a 25-year-old Kurdish hotel chambermaid.",
                ),
                (
                    "N",
                    "Khosravani fell to her death from a fourth-floor window of the Tara, the hotel where she worked.",
                ),
                (
                    "N",
                    "Anger mounted following reports that Khosravani died attempting to escape an Iranian Revolutionary Guard official who allegedly raped her.",
                ),
                ("E", "The rioters reportedly set fire to the hotel.[1]"),
                ("E", "At least 25 people were wounded in the riot.[2]"),
            ],
            [
                (
                    "E",
                    "Unrest and violence spread to other Kurdish cities in Iran, such as Sardasht, where police clashed with hundreds of protesters on 9 May 2015.[3]",
                ),
                (
                    "E",
                    "One protester was reportedly killed in the clashes, and that additionally, Kurdish insurgent group PJAK had attacked an Iranian checkpoint killing two Iranian personnel, according to PJAK.[4]",
                ),
                ("C", "According to ARA sources, as of May 11, the death toll climbed to 6 protesters killed.[5]"),
            ],
            [
                (
                    "C",
                    "In response to the mass protests, the Iranian government reacted by executing an alleged 84 of its supporters and arresting dozens more.",
                ),
                (
                    "N",
                    "As a result, the Democratic Party of Iranian Kurdistan announced it was reviving its armed struggle early in 2016.[6]",
                ),
            ],
            [("N", "See also[edit]")],
            [("N", "References[edit]")],
            [("N", "Leave a Reply")],
        ],
        [ev("Mahabad", "IR-04", "2015-05-07", V), ev("Sardasht", "IR-04", "2015-05-09", I, low=100)],
        [
            cl(6, "killed", claimant="ARA sources", period="as of May 11"),
            cl(84, "executed"),
        ],
        "A Wikipedia article copied under a page header about cannabis (furniture): the riot in Mahabad on 7 May 2015 (a death on 4 May dates nothing), the wounded (25) its own; clashes in Sardasht on 9 May with its own death; a death toll across both towns as of 11 May and 84 executions are tallies; a PJAK attack on a checkpoint is no protest.",
    ),
    (
        "real-en-310",
        "en",
        None,
        "Hundreds of Iranians Protest in the Country's Southeast",
        VOA_KHASH,
        VOA,
        f"Voice of America, “Hundreds of Iranians Protest in the Country's Southeast”, {VOA_KHASH} (cut before a sentence the copy read broke off)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [
                (
                    "N",
                    "This image grab from a UGC video posted on Nov. 11, 2022, shows protesters holding signs and chanting slogans during a march in Khash, in Iran's southeastern province of Sistan-Baluchistan. (Photo by UGC /AFP)",
                )
            ],
            [
                (
                    "N",
                    "This image grab from a UGC video posted on Nov. 11, 2022, shows protesters holding signs and chanting slogans during a march in Khash, in Iran's southeastern province of Sistan-Baluchistan. (Photo by UGC /AFP)",
                )
            ],
            [
                (
                    "E",
                    'Hundreds of Iranians took to the streets in the southeastern province of Sistan-Baluchistan Friday to mark the September 30 crackdown known as "Bloody Friday."',
                )
            ],
            [
                (
                    "E",
                    "Videos sent to VOA's Persian Service showed demonstrators marching in the provincial capital, Zahedan.",
                ),
                (
                    "E",
                    'Videos also showed demonstrators in the city of Khash chanting slogans such as "Death to Khamenei" and "Death to the dictator," referencing Iran\'s supreme leader, Ayatollah Ali Khamenei.',
                ),
            ],
            [
                (
                    "E",
                    "There were also reports of protests Friday in the cities of Chabahar, Rask, Pishin and Iranshahr.",
                )
            ],
            [
                (
                    "N",
                    "The protesters expressed their anger over recent security crackdowns on demonstrators in the region.",
                )
            ],
            [
                (
                    "E",
                    "Security forces killed at least 66 protesters in Zahedan on September 30, according to rights group Amnesty International.",
                ),
                (
                    "N",
                    "The protesters had taken to the streets over allegations that a police officer had raped a local teenager.",
                ),
            ],
            [
                (
                    "N",
                    "This image UGC image posted on Twitter on Nov. 11, 2022 shows two Iraninan men holding hands and showing the victory sign during protests in Zahedan, the capital city of Iran's Sistan-Baluchistan province. (Photo by UGC /AFP)",
                )
            ],
            [
                (
                    "N",
                    "This image UGC image posted on Twitter on Nov. 11, 2022 shows two Iraninan men holding hands and showing the victory sign during protests in Zahedan, the capital city of Iran's Sistan-Baluchistan province. (Photo by UGC /AFP)",
                )
            ],
        ],
        [
            ev("Zahedan", "IR-11", "2022-11-11", low=100),
            ev("Khash", "IR-11", "2022-11-11"),
            ev("Chabahar", "IR-11", "2022-11-11"),
            ev("Rask", "IR-11", "2022-11-11"),
            ev("Pishin", "IR-11", "2022-11-11"),
            ev("Iranshahr", "IR-11", "2022-11-11"),
            ev("Zahedan", "IR-11", "2022-09-30", F),
        ],
        [],
        "A report with no date line: the Friday is 11 November 2022, told only by the captions (each given twice, as the page does); six towns on that Friday (a list of four); “Bloody Friday” is a name; the crackdown in Zahedan on 30 September is another event in that town, its 66 dead its own (no claim).",
    ),
    (
        "real-en-311",
        "en",
        None,
        "",
        VOA_ZAHEDAN,
        VOA,
        f"Voice of America, “Iran Protests Continue Friday as Unrest Enters Fourth Month”, {VOA_ZAHEDAN}",
        [
            [
                (
                    "E",
                    "Hundreds of protesters marched Friday in the southeastern Iranian provincial capital, Zahedan, marking three months since the death of 22-year-old Mahsa Amini while in police custody, sparking nationwide anti-government unrest.",
                )
            ],
            [
                (
                    "E",
                    "Videos obtained by VOA's Persian News Network, PNN, along with similar video posted to social media, show crowds marching and chanting anti-government slogans.",
                ),
                (
                    "E",
                    "PNN reported they also taunted Iranian security forces, including the Iranian Revolutionary Guard, comparing them to the terrorist group Islamic State.",
                ),
            ],
            [
                (
                    "E",
                    'In one video, demonstrators packing the streets can be heard chanting, "This nation wants freedom, this nation wants a settlement."',
                )
            ],
            [
                (
                    "C",
                    "The government has responded with a harsh crackdown, leaving hundreds dead and thousands arrested, and leading to international condemnation and sanctions.",
                )
            ],
            [
                (
                    "N",
                    "PNN also quoted the Zahedan Sunni Imam Maulvi Abdul Hamid, who criticized the government Friday for not listening to the people as they have protested these past several months.",
                )
            ],
            [
                (
                    "N",
                    "Iranian officials have insisted the protests are being driven by agents of the United States and other Western nations.",
                )
            ],
            [
                (
                    "N",
                    "Amini died September 16, after being arrested days earlier for allegedly violating the country's strict dress code for women.",
                ),
                ("N", "Since then, Iran has seen waves of protests across the nation."),
            ],
            [
                (
                    "N",
                    "On Wednesday, the United Nations — in a U.S.-sponsored resolution — moved to remove Iran from a U.N. women's rights body, the Commission on the Status of Women.",
                ),
                ("N", 'Iran\'s foreign ministry dismissed the resolution as "invalid and illegitimate."'),
            ],
            [("N", "Some information was provided by the Associated Press, Reuters and Agence France-Presse.")],
            [("N", "Related")],
            [("N", "Middle East News")],
            [("N", "Special Report")],
        ],
        [ev("Zahedan", "IR-11", "2022-12-16", low=100)],
        [],
        "One march in Zahedan on a Friday the page gives no date for; “three months since” a death on 16 September makes it 16 December 2022 (the only way to date it); “hundreds dead and thousands arrested” is a vague tally (C, no claim); “22-year-old” is no count; the page's link furniture at the end.",
    ),
    (
        "real-en-312",
        "en",
        None,
        "Iran Protests Spread to 10 Cities in Widest Unrest Since January",
        VOA_TEN_CITIES,
        VOA,
        f"Voice of America, “Iran Protests Spread to 10 Cities in Widest Unrest Since January”, {VOA_TEN_CITIES} (cut before a sentence the copy read broke off)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [
                (
                    "N",
                    "In this photo sent by an Iranian citizen journalist and verified by VOA Persian, a crowd of anti-government protesters marches in the city of Karaj, adjacent to Tehran, Aug. 2, 2018.",
                )
            ],
            [
                (
                    "N",
                    "In this photo sent by an Iranian citizen journalist and verified by VOA Persian, a crowd of anti-government protesters marches in the city of Karaj, adjacent to Tehran, Aug. 2, 2018.",
                )
            ],
            [
                (
                    "C",
                    "Anti-government protests by Iranians fed up with their nation's economic woes have spread to 10 major cities, posing the biggest challenge to Iran's Islamist rulers since January's nationwide demonstrations.",
                )
            ],
            [
                (
                    "E",
                    "Images and reports sent by citizen journalists in Iran and verified by VOA Persian confirmed that street protests took place on Thursday in the capital, Tehran, and nine other cities: Ahvaz, Hamedan, Isfahan, Karaj, Kermanshah, Mashhad, Shiraz, Urmia and Varamin.",
                ),
                (
                    "E",
                    "Earlier reports from Tuesday and Wednesday showed anti-government demonstrations occurring in, but being limited to, Isfahan and Karaj.",
                ),
            ],
            [
                (
                    "N",
                    "Some citizen journalist reports said Iranian security forces tried to break up the demonstrations with tear gas and by beating and arresting protesters.",
                ),
                (
                    "N",
                    "But, there were no credible reports about how many Iranians were hurt and detained by the authorities.",
                ),
            ],
            [
                (
                    "N",
                    "The Iranian rial's slump to record lows against the dollar in unofficial trading earlier this week appears to have exacerbated many Iranians' frustrations with economic problems such as inflation and joblessness.",
                ),
                (
                    "N",
                    "The dollar's surging value has raised the prices of dollar-denominated imports, making them unaffordable for much of the public.",
                ),
            ],
            [
                (
                    "N",
                    "In a sign of Iranians' frustrations intensifying, the protesters of recent days have chanted slogans explicitly calling for an end to the rule of Iran's Islamist clerics, who took power in a 1979 revolution.",
                )
            ],
        ],
        [
            ev("Tehran", "IR-23", "2018-08-02"),
            ev("Ahvaz", "IR-06", "2018-08-02"),
            ev("Hamedan", "IR-13", "2018-08-02"),
            ev("Isfahan", "IR-10", "2018-08-02"),
            ev("Karaj", "IR-30", "2018-08-02"),
            ev("Kermanshah", "IR-05", "2018-08-02"),
            ev("Mashhad", "IR-09", "2018-08-02"),
            ev("Shiraz", "IR-07", "2018-08-02"),
            ev("Urmia", "IR-04", "2018-08-02"),
            ev("Varamin", "IR-23", "2018-08-02"),
            ev("Isfahan", "IR-10", "2018-07-31"),
            ev("Isfahan", "IR-10", "2018-08-01"),
            ev("Karaj", "IR-30", "2018-07-31"),
            ev("Karaj", "IR-30", "2018-08-01"),
        ],
        [cl(10, "places", period="2 August 2018")],
        "Ten towns on a Thursday (2 August 2018, told only by the caption's date) in a list after a colon, “nine other cities” (the list's own count, no claim) and “10 major cities” (a place count); two towns on Tuesday and Wednesday before it (another event per town and day); tear gas and beatings told of “the demonstrations” with no town (N; the events stay peaceful); a caption naming Karaj (N).",
    ),
    (
        "real-en-313",
        "en",
        None,
        "Anti-Government Protests Persist in Iranian City",
        VOA_ISFAHAN,
        VOA,
        f"Voice of America, “Anti-Government Protests Persist in Iranian City”, {VOA_ISFAHAN} (cut before a sentence the copy read broke off)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [
                (
                    "N",
                    "In this picture taken by a citizen journalist, Iranian security forces dressed in black confront anti-government protesters in Iran’s third-largest city, Isfahan, during demonstrations that began on July 31, 2018 and continued for a second day on Aug. 1. (Radio Farda)",
                )
            ],
            [
                (
                    "E",
                    "Several hundred Iranians have staged a second day of anti-government street protests in Iran’s third-largest city, Isfahan, in a sign of persistent public anger about the country’s economic woes.",
                )
            ],
            [
                (
                    "E",
                    "Video clips verified by VOA Persian and sent by residents showed the protesters marching and chanting opposition slogans on Wednesday in Isfahan’s northern district of New Shapur, the same area where hundreds of anti-government demonstrators had marched the day before.",
                )
            ],
            [
                (
                    "N",
                    "Residents said they were protesting sharply higher prices for imported products due to the dollar’s recent surge to record highs against the rial in unofficial trading.",
                ),
                ("N", "Other grievances include poverty and unemployment."),
            ],
            [
                (
                    "E",
                    "In one video clip, tires can be seen burning on a street after having been set alight by protesters, who chanted: “[Supreme Leader Ayatollah Ali] Khamenei, have some shame. Free the country.”",
                )
            ],
            [
                (
                    "E",
                    "In a second clip, marchers can be heard chanting: “The silence of any Iranian [in response to Iran’s current problems] is a betrayal against the country.”",
                )
            ],
            [
                (
                    "E",
                    "In a third clip showing a large number of the protesters, a male security officer can be heard using a megaphone to order people not to move any further, but the crowd appeared to ignore him.",
                )
            ],
            [
                (
                    "N",
                    "In calls from Iran to the Wednesday edition of VOA Persian's Straight Talk call-in show, a woman who identified herself as Sheyda from the southern part of Isfahan said she heard that security forces have been reluctant to confront the protesters in the New Shapur district to the north.",
                )
            ],
        ],
        [ev("Isfahan", "IR-10", "2018-08-01", low=100), ev("Isfahan", "IR-10", "2018-07-31", low=100)],
        [],
        "One town on two days: the second day (Wednesday, 1 August 2018) and “the day before”, dated only by the caption; “third-largest city” is an ordinal; a caller's hearsay is no account of the event.",
    ),
    (
        "real-en-314",
        "en",
        None,
        "Southwest Iran’s Water Shortage Protests Take Sharper Anti-government Tone",
        VOA_WATER_SHARPER,
        VOA,
        f"Voice of America, “Southwest Iran’s Water Shortage Protests Take Sharper Anti-government Tone” (as copied by {VOA_WATER_SHARPER}, with a tweet the page embedded and captions of unrelated photographs; cut before a sentence the copy read broke off)",
        [
            [("N", "Voice of America")],
            [
                (
                    "N",
                    "WASHINGTON - Water shortage protests in drought-plagued southwestern Iran appear to have spread to more cities and taken on a sharper anti-government tone as the unrest extended into a sixth night.",
                ),
                (
                    "E",
                    "روایت نرگس محمدی از #تجمع فعالان مدنی مقابل وزارت کشور در تهران برای حمایت از #اعتراضات مردم #خوزستان و برهم خوردن تجمع با حمله نیروهای امنیتی pic.twitter.com/eQIVzsZEoP",
                ),
                (
                    "E",
                    "نرگس محمدی دستگیر شد.به وسیله نیروی انتظامی و حمایت نیرو های امنیتی.چند نفر دیگر هم دستگیر شده اند.",
                ),
                ("E", "این دستگیری با ضرب و شتم بوده است."),
            ],
            [
                (
                    "E",
                    "Videos shared with VOA Persian and posted to social media showed what appeared to be protesters chanting “Death to Khamenei” and “Reza Shah, bless your soul” in the city of Izeh in Iran’s Khuzestan province on Tuesday night local time.",
                ),
                ("E", "Gunshots also were heard in some of those videos."),
                ("N", "VOA could not independently verify the videos."),
                ("N", "Iran has barred VOA from reporting inside the country."),
                (
                    "N",
                    "“Death to Khamenei” has been a common refrain of Iranian anti-government protesters angered by the authoritarian rule of Supreme Leader Ayatollah Ali Khamenei in recent years.",
                ),
                (
                    "N",
                    "“Reza Shah, bless your soul” also has been uttered in previous waves of Iranian street protests as a sign of affection toward the founder of the nation’s former monarchy Reza Shah.",
                ),
                (
                    "N",
                    "Khamenei’s predecessor, Ayatollah Ruhollah Khomeini, ousted Reza Shah’s son from power in Iran’s 1979 Islamic Revolution.",
                ),
            ],
            [
                (
                    "N",
                    "Dana Shem Tov, sister of Israeli hostage Omer Shem Tov, reacts as she watches his televised release by Hamas militants at the family home in Tel Aviv on Feb. 22, 2025.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", None, I), ev("Izeh", "IR-06", "2021-07-20")],
        [],
        "A Washington dateline, an English report with a Persian tweet embedded in it (a gathering of civil activists before the Interior Ministry in Tehran in support of Khuzestan, broken up by security forces, its arrests; no day), Izeh on “Tuesday night” of the sixth night of protests that began on 15 July 2021 (20 July 2021; the page gives no date line and no year); a caption of an unrelated photograph from 2025 (N, dates nothing).",
    ),
    (
        "real-en-315",
        "en",
        None,
        "Southwest Iran’s Water Shortage Protests Turn Deadly",
        VOA_WATER_DEADLY,
        VOA,
        f"Voice of America, “Southwest Iran’s Water Shortage Protests Turn Deadly” (as copied by {VOA_WATER_DEADLY}, with captions of unrelated photographs; cut before a sentence the copy read broke off)",
        [
            [("N", "Voice of America")],
            [
                (
                    "N",
                    "WASHINGTON - Iranian state media say two days of protests against water shortages in the country’s southwest have turned deadly, with gunfire killing one person late Friday.",
                ),
                (
                    "E",
                    "State news agency IRNA quoted Omid Sabripour, a local government chief of the city of Shadegan in Khuzestan province, as saying “a number of Shadegan's people had gathered to protest water shortages due to the drought, during which opportunists and rioters shot dead one of the demonstrators.”",
                ),
                ("E", "He said the person had been killed by a stray bullet fired into the air."),
                (
                    "N",
                    "Friday’s incident came on the second day of Khuzestan water shortage protests that have drawn attention to what experts say is long-running mismanagement of natural resources by Iran’s Islamist rulers.",
                ),
                (
                    "N",
                    "Videos shared on social media and with VOA Persian appeared to show Iranians marching and chanting in Arabic late Thursday and Friday in multiple cities of the province.",
                ),
                (
                    "N",
                    "It is home to ethnic minority Arabs who have long accused majority-Persian Iran's ruling clerics of discrimination and neglect.Israeli Ofer Kalderon, who has been held hostage by Hamas in Gaza since Oct. 7, 2023, waves before being handed over to the Red Cross by Hamas fighters in Khan Younis, southern Gaza Strip, Feb. 1, 2025.",
                ),
                (
                    "N",
                    "Israeli Yarden Bibas, 34, who has been held hostage by Hamas in Gaza since Oct. 7, 2023, is escorted by Hamas fighters before being handed over to the Red Cross in Khan Younis, southern Gaza Strip, Feb. 1, 2025.",
                ),
            ],
            [
                ("N", "A rescued pug plays in the home of Cheryl Gaw in Johannesburg, South Africa, Jan. 14, 2025."),
                (
                    "N",
                    "Cheryl Gaw plays with some of the 2,500 pugs she has rescued in South Africa at her home in Johannesburg, South Africa, Jan. 14, 2025.",
                ),
                (
                    "N",
                    "Pugs pause for a photograph at the home of Cheryl Gaw in Johannesburg, South Africa, Jan. 14, 2025.",
                ),
            ],
            [("N", "The homepage of the National Union of Journalists of Ukraine's website on Jan. 31, 2025.")],
        ],
        [ev("Shadegan", "IR-06", "2021-07-16", V)],
        [],
        "One gathering in Shadegan on “late Friday”, the second day of protests (16 July 2021; no date line, no year in the text), with one demonstrator shot dead by people the official calls rioters (its own death, no claim); “multiple cities” named by none; the copy glues an unrelated caption to the last sentence (“neglect.Israeli”) and follows with captions dated 2025 and a count of 2,500 pugs (no tally).",
    ),
    (
        "real-en-316",
        "en",
        "2008-12-12",
        "",
        VOA_EDITORIAL_STUDENTS,
        VOA,
        f"Voice of America editorial, {VOA_EDITORIAL_STUDENTS} (the body as the corpus held it, without its title)",
        [
            [
                (
                    "E",
                    "At Tehran University, hundreds of students from several Iranian universities rallied in support of academic freedom and respect for human rights.",
                ),
                (
                    "E",
                    "Organized by the student group, The Office to Consolidate Unity, the demonstration took place on December 7th to avoid conflict with authorities on Student Day itself.",
                ),
                ("E", "Still, security on the Tehran University campus on December 7th was tight."),
                (
                    "E",
                    'One student told the media, "There was tough control; they [the authorities] would not let anyone in, but students broke through the gate and came in."',
                ),
                (
                    "E",
                    "According to the media, the students called for basic rights including freedom of speech, human rights, and gender equality.",
                ),
            ],
            [
                (
                    "E",
                    "Two days later, on December 9th, several hundred students at Shiraz University held their own demonstrations.",
                ),
                (
                    "E",
                    'A student at that demonstration told Radio Farda the protestors were demonstrating against "President Ahmadinejad, the supreme leadership in Iran that does not accept criticism, the clampdowns on the political activities of university students, and the banning of publications."',
                ),
            ],
            [
                (
                    "C",
                    "Over the past several years in Iran, hundreds of students have been arrested, expelled from university and jailed for expressing dissenting views.",
                ),
                (
                    "N",
                    'The continuing willingness of Iranian students to stand up for their universal rights in the face of government repression is a testament to their courage and determination, and also to what U.S. Secretary of State Condoleezza Rice recently called "the desire inherent in every human heart for freedom."',
                ),
            ],
        ],
        [
            ev("Tehran", "IR-23", "2008-12-07", P, "students", 100),
            ev("Shiraz", "IR-07", "2008-12-09", P, "students", 100),
        ],
        [],
        "An editorial dated 12 December 2008 by its address: two students' rallies on days written as ordinals with no month year (“December 7th”, “December 9th”), the town given by the university's name (Tehran University, Shiraz University); “Student Day” is a name; “hundreds of students” arrested over years is a vague tally.",
    ),
    (
        "real-en-317",
        "en",
        None,
        "Haft Tappeh Sugarcane Agro-Industry Co.",
        EN_HAFT_TAPPEH,
        WP,
        f"“Haft Tappeh Sugarcane Agro-Industry Co.”, Wikipedia, {EN_HAFT_TAPPEH} (infobox, lead, history and byproducts; cut before a sentence the copy read broke off, at the start of “Protests”)",
        [
            [("N", "Infobox")],
            [("N", "- Type: Privately held company (since 2015)")],
            [("N", "- Industry: Food industry")],
            [("N", "- Founded: 1975")],
            [("N", "- Hq Location City: Tehran")],
            [("N", "- Hq Location Country: Iran")],
            [("N", "- Products: sugar, alcohol, wheat, barley, kraft paper, industrial coal, molasses, bagasse")],
            [("N", "- Owner: Omid Asadbeigi")],
            [("N", "- Num Employees: 5,700 formal and contract staff (2020)")],
            [
                (
                    "N",
                    "Haft Tappeh Sugarcane Agro-Industry Co (شرکت کشت و صنعت نیشکر هفتتپه) is located in the ancient area of Haft Tappeh and on the remnants of the Elamite civilization.",
                ),
                (
                    "N",
                    "This company is located near the historical city of Susa and Choghaznabil Temple and at a distance of 45 km from Andimeshk road to Ahvaz in Khuzestan province.",
                ),
                ("N", "Residential complexes have been built for employees in this area."),
            ],
            [("N", "Omid Asadbeigi is currently the owner and CEO of the company.")],
            [("N", "== History ==")],
            [
                (
                    "N",
                    "The history of sugarcane cultivation and exploitation in this region goes back to the distant past, but officially this company started its work in 1966.",
                ),
                (
                    "N",
                    "In 1969 and 1970 a Dutch consortium of Stork Sugar and Wescon International has extended the production facilities to a capacity 9,000 tons cane sugar per day.",
                ),
                (
                    "N",
                    "In 1975, it was officially registered in the name of the company to carry out agricultural operations to produce sugarcane and create related industries and products.",
                ),
                (
                    "N",
                    "In 2012, the project of reconstruction and modernization of mechanical equipment to increase sugar production was granted to Industrial Renovation Company of Iran.",
                ),
            ],
            [("N", "== Byproducts ==")],
            [
                (
                    "N",
                    'Besides production of sugar from sugarcane stalks, other active industries in the region include Pars Paper Factory (paper production using sugarcane pulp called "Bagasse"), Khuzestan Harir Company (production of toilet paper or tissue), livestock and poultry food and molasses production.',
                )
            ],
            [("N", "== Protests ==")],
        ],
        [],
        [],
        "The article on a company known for its workers' strikes, up to its “Protests” heading: no event and no tally (5,700 staff, 9,000 tons and 45 km are no counts; Tehran, Susa, Andimeshk and Ahvaz are named with no protest; the years date nothing).",
    ),
    (
        "real-en-318",
        "en",
        None,
        "",
        VOA_BANEH,
        VOA,
        f"Voice of America, “Iranian Stores Remain Closed in Protest”, {VOA_BANEH} (the body as the preview page gave it)",
        [
            [
                (
                    "N",
                    "Iranian Kurdish shopkeepers have extended a strike in a northwestern border town to an 11th day as they protest Tehran’s policies in the region, causing some distress within the local community.",
                )
            ],
            [
                (
                    "N",
                    "Residents of Baneh who contacted VOA Persian via social media shared images of stores remaining closed Wednesday, as part of a strike that began April 15.",
                )
            ],
            [
                (
                    "N",
                    "Shop workers are protesting the Iranian government’s monthslong closure of border footpaths that they rely upon for trade with Iraq’s Kurdistan region.",
                ),
                ("N", "Baneh’s economy is dependent on the sale of imported products from Iraq."),
                ("N", "Residents have said their inability to import has crippled economic activity."),
            ],
            [
                (
                    "N",
                    "But some locals said the prolonged closure of Baneh’s stores has raised tensions between supporters of the strike and people who want to buy and sell everyday goods.",
                ),
                (
                    "N",
                    "They said groups of strike supporters have searched for store owners who opened for business and pressured them into closing under threat of taking pictures of the open stores and sharing them on social media.",
                ),
            ],
            [
                (
                    "N",
                    "Some shopkeepers have complained of losses from food products that have spoiled during the closure.",
                )
            ],
            [
                (
                    "N",
                    "Other residents said that when people need to buy food, they contact shopkeepers covertly and make purchases at night under cover of darkness.",
                ),
                ("N", "But they said many locals are sympathetic to the strikers."),
            ],
            [
                ("N", "This report was produced in collaboration with VOA’s Persian Service."),
                ("N", "Michael Lipin contributed additional reporting from Washington."),
            ],
        ],
        [],
        [],
        "A shop strike in Baneh with no gathering (stores closed; “protest” as a verb): no event, by the set's rule; “11th day” is an ordinal; a strike that “began April 15” dates nothing.",
    ),
    (
        "real-en-319",
        "en",
        None,
        "",
        VOA_KURDISH_SHOPS,
        VOA,
        f"Voice of America, {VOA_KURDISH_SHOPS} (the body as the preview page gave it)",
        [
            [
                (
                    "N",
                    "Divisions have emerged within Iran’s Kurdistan province about how to pressure Tehran to stop blocking border footpaths used by residents to trade with fellow Kurds in Iraq.",
                )
            ],
            [
                (
                    "N",
                    "Iranian Kurdish activists who contacted VOA Persian from the region via social media said shopkeepers were back at work on Monday in seven towns where most had been on strike the previous week to protest the Iranian government’s border blockade.",
                ),
                (
                    "N",
                    "The activists said the workers in those areas wanted to give Iranian authorities several weeks to follow up on pledges to address their grievances.",
                ),
            ],
            [
                (
                    "N",
                    "Residents reported shops re-opening on Sunday in Javanrud, Mahabad, Saqqez, Sardasht and Sarpol Zahab, and on Monday in Marivan and Piranshahr.",
                ),
                (
                    "N",
                    "Workers in the seven towns had progressively joined the strike that began in Javanrud and the city of Baneh on April 15.",
                ),
            ],
            [
                (
                    "N",
                    "But activists said shopkeepers in Baneh extended their strike into a ninth day on Monday after rejecting government appeals to return to work.",
                ),
                (
                    "N",
                    "Baneh’s economy is more reliant than the other areas on porters, known as kolbars, importing goods from Iraqi Kurdistan via the blocked border footpaths.",
                ),
            ],
            [("N", "WATCH: Shops closed in protest")],
            [
                (
                    "N",
                    "Iranian state media said Interior Minister Abdolreza Rahmani Falzi discussed the concerns of Iranian Kurdish border traders at a meeting in Tehran on Monday and pledged to come up with solutions.",
                ),
                (
                    "N",
                    "Activists in the region said shopkeepers were threatening to resume their strikes in three weeks unless the border footpaths are re-opened by then.",
                ),
            ],
            [
                ("N", "This report was produced in collaboration with VOA’s Persian Service."),
                ("N", "Michael Lipin contributed additional reporting from Washington."),
            ],
        ],
        [],
        [],
        "Shops reopening in a list of seven towns on two days, a shop strike going on in Baneh, a strike that began in two towns: shop strikes with no gathering, so no event and no tally (“seven towns” counts shops' strikes, not protests); a ministry meeting in Tehran.",
    ),
    (
        "real-en-320",
        "en",
        None,
        "",
        EN_COCKROACH_COPY,
        WP,
        f"“Iran newspaper cockroach cartoon controversy”, Wikipedia, {EN_COCKROACH} (lead and contents, read from the copy {EN_COCKROACH_COPY}; cut before a sentence the copy read broke off)",
        [
            [
                (
                    "N",
                    "The Iran newspaper cockroach cartoon controversy occurred in response to a cartoon drawn by cartoonist Mana Neyestani and published in the Iranian Friday-magazine Iran-e-jomee on 12 May 2006.[1]",
                ),
            ],
            [
                (
                    "N",
                    "The cartoon describes nine methods of dealing with cockroaches by depicting a Persian-speaking child and a cockroach.",
                ),
                (
                    "N",
                    'During the first method, when the cockroach does not understand him, the child decides to talk to the cockroach in "cockroach language", but the cockroach replies by saying "Namana?" (\'what\' in the Azerbaijani language).',
                ),
                ("N", "The cartoon has been interpreted by people as an insult to Iranian Azerbaijanis."),
            ],
            [
                (
                    "N",
                    'The article which the cartoons accompany is entitled "How to Stop the Cockroaches from Making Us into Cockroaches?".',
                ),
                ("N", "It is a satirical article in a children's weekly newspaper."),
                (
                    "N",
                    "The cartoon depicts nine methods of dealing with cockroaches including dialogue, oppression, elimination, population control, and violence.",
                ),
                (
                    "N",
                    "The text of the paragraph in the first image describes the first method, translated as follows:",
                ),
            ],
            [
                (
                    "N",
                    'The child proceeds to speak in "cockroach language" to the cockroach, but the cockroach does not understand him and replies "Namana?" (\'what\').',
                ),
                (
                    "N",
                    "Namana is originally an Azerbaijani-Turkic word, but is also sometimes used in Persian as a slang.",
                ),
                (
                    "N",
                    "In other sections of the article where the violence option is entertained, the cockroach speaks in Persian to the child.",
                ),
            ],
            [
                (
                    "N",
                    'The article\'s use of the keywords "dialogue" (Persian: گفتمان) and "violence" (Persian: خشونت ورزی), plus discussions about problems understanding the language of the "cockroaches", can be interpreted as tacit references to the reformist nomenclature in contrast to the language of the conservatives in Iran.',
                ),
            ],
        ],
        [],
        [],
        "The lead of an article on a cartoon that set off protests in 2006, none of them told in the passage: no event, no tally (“nine methods”, a Friday magazine and its day are none).",
    ),
    (
        "real-en-321",
        "en",
        None,
        "2005 Ahvaz unrest",
        EN_AHVAZ_DBPEDIA,
        DBPEDIA,
        f"DBpedia abstract of “2005 Ahvaz unrest”, Wikipedia ({EN_AHVAZ}), as the page {EN_AHVAZ_DBPEDIA} shows it (the abstract given twice)",
        [
            [
                (
                    "E",
                    "2005 Ahvaz unrest or 15 April Ahvaz Protests were violent riots, initiated by Iranian Arabs in the city of Ahvaz in southwestern Iranian province of Khuzestan.",
                ),
                ("E", "The unrest erupted on 15 April 2005, and lasted for 4 days."),
                (
                    "E",
                    "Initially, the Iranian Interior Ministry stated that only one person had been killed, however an official at a hospital in Ahvaz said that between 15 and 20 mortal casualties.",
                ),
                (
                    "N",
                    "Government officials blamed the unrest on Britain, whose troops based just across the border in southern Iraq.",
                ),
                ("N", "Following the unrest, several bombings were carried out in Ahvaz, killing 28 people."),
                ("N", "In 2006, Iran executed five Arab separatists, convicted of carrying out the bombings in 2005."),
            ],
            [("N", "2005 Ahvaz unrest")],
            [
                (
                    "E",
                    "2005 Ahvaz unrest or 15 April Ahvaz Protests were violent riots, initiated by Iranian Arabs in the city of Ahvaz in southwestern Iranian province of Khuzestan.",
                ),
                ("E", "The unrest erupted on 15 April 2005, and lasted for 4 days."),
                (
                    "E",
                    "Initially, the Iranian Interior Ministry stated that only one person had been killed, however an official at a hospital in Ahvaz said that between 15 and 20 mortal casualties.",
                ),
                (
                    "N",
                    "Government officials blamed the unrest on Britain, whose troops based just across the border in southern Iraq.",
                ),
                ("N", "Following the unrest, several bombings were carried out in Ahvaz, killing 28 people."),
                ("N", "In 2006, Iran executed five Arab separatists, convicted of carrying out the bombings in 2005."),
            ],
        ],
        [ev("Ahvaz", "IR-06", AHVAZ_DAY, V)],
        [],
        "A data page that shows the abstract twice under a repeated title line: one event, not two (the same account said twice); the deaths its own; bombings and executions no protest and no tally.",
    ),
    (
        "real-en-322",
        "en",
        None,
        "",
        EN_FOOD_SAGA,
        WP,
        f"“2022 Iranian food protests”, Wikipedia, {EN_FOOD} (as copied by {EN_FOOD_SAGA} under a machine-written introduction; cut before a sentence the copy read broke off)",
        [
            [
                ("N", "In this article, we will delve into the fascinating world of 2022 Iranian food protests."),
                ("N", "From its origins to its relevance today, we will explore all aspects related to this topic."),
                (
                    "N",
                    "We will analyze its impact on society, its implications in different areas and the challenges it poses.",
                ),
                (
                    "N",
                    "Additionally, we will examine the latest trends, discoveries, and milestone advances in 2022 Iranian food protests.",
                ),
                (
                    "N",
                    "Through this journey, we aim to provide a comprehensive and updated vision of 2022 Iranian food protests, in order to enrich our knowledge and understanding of this exciting topic.",
                ),
            ],
            [("N", "2022 Iran Regime Protests | |||")],
            [("N", "---|---|---|---|")],
            [("N", "Part of 2021–2022 Iranian protests | |||")],
            [("N", "Date | 6 May 2022 – 15 September 2022 | ||")],
            [("N", "Location | |||")],
            [("N", "Caused by |")],
            [("N", "| ||")],
            [("N", "Goals |")],
            [("N", "| ||")],
            [("N", "Methods | Demonstrations, food riot | ||")],
            [("N", "Resulted in | Protests spilled over into the larger Mahsa Amini protests | ||")],
            [("N", "Parties | |||")],
            [("N", "| |||")],
            [("N", "Lead figures | |||")],
            [("N", "Non-centralized leadership")],
            [("N", "|")],
            [
                (
                    "N",
                    "In May 2022, ongoing protests in Iran escalated into nationwide civil unrest[5] as a result of government price hikes on staple foods including bread and pasta.[6][7]",
                ),
                ("N", "The protests were part of a countrywide wave of protests beginning in July 2021."),
                (
                    "N",
                    "Protests were initially concentrated in the drought-stricken province of Khuzestan,[8] but rapidly spread nationwide.",
                ),
                ("N", "Authorities responded by declaring riot control action[9] and blocking internet access.[10]"),
            ],
            [
                (
                    "C",
                    "Prior to the start of the demonstrations, preceding and during International Workers' Day on 1 May, Iran preemptively detained 38 teachers[11] in order to stymie planned nationwide protests during National Teachers' Day on 2 May.",
                ),
                (
                    "N",
                    "Workers' protests had increased over the past year as the result of a deterioration in living conditions caused by the re-imposition of US sanctions against Iran during the administration of Donald Trump and the economic effects of the COVID-19 pandemic.[12]",
                ),
            ],
        ],
        [],
        [KHARAZ_TEACHERS],
        "A copy under a machine-written introduction that names the article three times (furniture), the infobox as a table, the lead (no event: the movement and its province summed up) and one arrest tally.",
    ),
    (
        "real-fa-301",
        "fa",
        jal(1398, 2, 11),
        "تجمع روز جهانی کارگر مقابل مجلس: گرانی، تورم، بلای جان مردم",
        VOA_FA_WORKERS_DAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_WORKERS_DAY}",
        [
            [("N", "11 اردیبهشت 1398")],
            *VOA_PROGRAMME,
            [
                (
                    "E",
                    "جمعی از کارگران به مناسب روز جهانی کارگر روز چهارشنبه ۱۱ اردیبهشت مقابل مجلس شورای اسلامی دست به تجمع اعتراضی زدند و شعارهایی همچون «کارگر، معلم، دانشجو، اتحاد اتحاد سر»، «گرانی تورم بلای جان مردم»، سر دادند و خواستار رسیدگی به وضعیت صنفی خود شدند.",
                )
            ],
            [
                (
                    "C",
                    "خبرها حاکی از به درگیری کشیده شدن تجمعات کارگران در ایران و بازداشت چندین نفر از فعالان کارگری، فرهنگی و دانشجویی است.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", jal(1398, 2, 11), P, "workers")],
        [],
        "A programme page: its date line in Latin digits, the player's furniture; a workers' gathering before parliament (Tehran, not named) on Wednesday 11 Ordibehesht 1398 (1 May 2019), a day with no year in the sentence; clashes and arrests of «چندین نفر» in gatherings “in Iran” with no town (a vague tally, C; the Tehran event stays peaceful).",
    ),
    (
        "real-fa-302",
        "fa",
        jal(1397, 2, 2),
        "اعتراض کارگران در ارومیه و عسلویه",
        VOA_FA_URMIA,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_URMIA}",
        [
            [("N", "02 اردیبهشت 1397")],
            *VOA_PROGRAMME,
            [
                ("N", "در ایران، اعتراضات کارگری کماکان ادامه دارد."),
                (
                    "E",
                    "در ارومیه کارگران فولادسازی امروز برای اعتراض به پرداخت نشدن حقوق شان در یکسال گذشته با پهن کردن سفره ای خالی در خیابان اعتراض خود را نشان دادند.",
                ),
                ("E", "در عسلویه نیز کارگران اخراجی پارس جنوبی به تحصن، متوسل شدند"),
            ],
        ],
        [ev("Urmia", "IR-04", jal(1397, 2, 2), P, "workers"), ev("Asalu", "IR-18", jal(1397, 2, 2), P, "workers")],
        [],
        "Two workers' protests on the page's day (2 Ordibehesht 1397, 22 April 2018): «امروز» in Urmia, and a sit-in in Asaluyeh («نیز», the same report); «یکسال» is no count.",
    ),
    (
        "real-fa-303",
        "fa",
        jal(1395, 4, 10),
        "وضعیت کارگران در ایران",
        VOA_FA_TABRIZ,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_TABRIZ}",
        [
            [("N", "10 تیر 1395")],
            *VOA_PROGRAMME,
            [
                (
                    "N",
                    "کارگران کارخانه ماشین سازی تبریز می گویند از زمان خصوصی سازی این واحد صنعتی مطالبات مزدی آنها پرداخت نشده است.",
                ),
                (
                    "N",
                    "همزمان ۶۲ روز از اعتصاب غذای جعفرعظیم زاده، رهبر اتحادیه آزاد کارگران ایران در اعتراص به حکم زندان و شرایط آن می گذرد.",
                ),
                ("N", "به نظر شما بی اعتنایی دولت به وضع کارگران ناشی از چیست؟"),
            ],
        ],
        [],
        [],
        "A call-in programme's page: workers in Tabriz who say they are unpaid (no gathering), one man's hunger strike of 62 days (no event, no tally), a question to listeners.",
    ),
    (
        "real-fa-304",
        "fa",
        None,
        "تداوم اعتصاب کامیونداران و رانندگان همزمان با اعتصاب رانندگان تاکسی در ورامین",
        VOA_FA_DRIVERS_COPY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_DRIVERS} (as quoted with its source line by {VOA_FA_DRIVERS_COPY}, with the quoting blog's furniture)",
        [
            [
                (
                    "E",
                    "دامنه اعتصاب کامیونداران و رانندگان بین جاده ای در ایران که این روزها دور دوم خود را پشت سر میگذراند، به حوزه رانندگان درون شهری هم کشیده شده است.",
                ),
                ("N", "رانندگان معترض خواهان مجوز کار بیست و چهار ساعته برای مقابله با مشکلات معیشتی شان هستند."),
            ],
            [("N", "منبع پخش – https://ir.voanews.com/a/iran-drivers-srike/4514470.html")],
            [("N", "Post Author: admin")],
            [("N", "Leave a Reply")],
            [("N", "Your email address will not be published."), ("N", "Required fields are marked *")],
        ],
        [ev("Varamin", "IR-23", None, P, "workers")],
        [],
        "A drivers' strike (workers, not shops) whose town is only in the title (Varamin, Tehran province): the sentence telling that the strike reached city drivers is the Varamin event's (the passage is about that one town), with no day; «دور دوم» is an ordinal and «بیست و چهار ساعته» no count; the quoting blog's furniture.",
    ),
    (
        "real-fa-305",
        "fa",
        "2011-02-14",
        "جمعیت غافلگیرکننده در تظاهرات معترضان ایرانی",
        FA_WIKINEWS,
        FAWN,
        f"«جمعیت غافلگیرکننده در تظاهرات معترضان ایرانی»، ویکی‌خبر فارسی، {FA_WIKINEWS} (authors: Wikinews contributors)",
        [
            [("N", "پرش به محتوا")],
            [("N", "بررسیشده")],
            [("N", "از ویکیخبر، مرجع خبری آزاد")],
            [("N", "(تغییرمسیر از جمعیت غافلگیر کننده در تظاهرات معترضان ایرانی)")],
            [("N", "دوشنبه ۲۵ بهمن ۱۳۸۹، ۱۴ فوریه ۲۰۱۱، ۰۳:۳۰:۰۰ ق.ظ.")],
            [
                ("N", "معترضان ایرانی پس از بیش از یک سال، مجددا اعتراض خود را اعلام کردند."),
                (
                    "N",
                    "گزارشهای رسیده از سراسر کشور حاکی از آن است که علیرغم سرکوب شدید تجمعات، جمعیت حاضر در خیابانها بیش از انتظار است.",
                ),
                (
                    "N",
                    "اگرچه خبرگزاری الف معترضان را گروههای چندصد نفره اعلام کرده است، اما خبرگزاری کلمه جمعیت را میلیونی دانست.",
                ),
                ("N", "خبرگزاریهای دیگر مانند خبرگزاری فرانسه و سیانان جمعیت حاضر را هزاران نفر برآورد کردهاند."),
                ("E", "یکی از خبرنگاران شبکه سیانان فقط جمعیت حاضر در میدان آزادی را دهها هزار نفر تخمین میزند."),
                ("N", "گزارشها حاکیست با گذشت ساعات طولانی از آغاز تجمع، جمعیت همچنان درحال افزایش است."),
            ],
            [
                ("N", "سایت الف تجمع نیروهای انتظامی را «وسیع» توصیف کرده است."),
                ("E", "تجمعات شهرهای اصفهان، شیراز، رشت و کرمانشاه همچنان ادامه دارد."),
                ("E", "ولی تجمع اصلی تهران رو به پایان است."),
            ],
            [("N", "منابع")],
        ],
        [
            ev("Tehran", "IR-23", "2011-02-14", low=10000),
            ev("Isfahan", "IR-10", "2011-02-14"),
            ev("Shiraz", "IR-07", "2011-02-14"),
            ev("Rasht", "IR-01", "2011-02-14"),
            ev("Kermanshah", "IR-05", "2011-02-14"),
        ],
        [],
        "A Wikinews report with its date line (Monday 25 Bahman 1389, 14 February 2011, and a clock time that dates nothing else): crowd estimates with no place (N), Azadi Square (Tehran, not named) with «دهها هزار», four towns in a list; «بیش از یک سال» is no count.",
    ),
    (
        "real-fa-306",
        "fa",
        "2026-01-06",
        "",
        VOA_DARI,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI} (cut before a sentence the copy read broke off)",
        [
            [
                ("N", "مظاهرات ضد حکومت در ایران، روز سه شنبه ششم جنوری، وارد دهمین روز خود شد."),
                (
                    "N",
                    "این درحالیست که وزارت خارجۀ ایالات متحده هنوز هم به انتقادات خود از حکومت ایران، مبنی بر سرکوب خشونتآمیز مظاهره کنندگان ادامه داده است.",
                ),
            ],
            [
                (
                    "N",
                    "بدتر شدن وضعیت از قبل نابسامان اقتصادی ایران، باشندگان شهرهای مختلف این کشور را به خیابانها کشانیده است.",
                )
            ],
            [
                (
                    "E",
                    "گزارشهای رسانههای اجتماعی و ویدیوهای رسیده و بررسی شده توسط بخش فارسی صدای امریکا نشان میدهد که مظاهرات و اعتصاب کسبهکاران، روز سه شنبه در تهران و سایر شهرهای ایران راه اندازی شد.",
                )
            ],
            [
                (
                    "N",
                    'وزارت خارجۀ ایالات متحده در صفحۀ فارسی شبکۀ اجتماعی ایکس خود، با اشاره به نهمین روز اعتراضات گفت که ایرانیها "با شجاعت و عزم راسخ برای احقاق حقوق خود... علیرغم خشونت وحشیانه و سرکوب بیرحمانه" از سوی حاکمان اسلامگرای خود، همچنان ایستادهاند.',
                )
            ],
            [("N", "مظاهرات که به تاریخ ۲۸ دسمبر آغاز شد، گستردهترین مظاهرات در سه سال پسین در ایران میباشد.")],
            [
                (
                    "N",
                    "گزارشها و ویدیوها نشان میدهند که اعتصابات و گردهماییهای اعتراضی در مراکز شهرها روز دوشنبه در سراسر ایران به ویژه مارکیتها، برگزار شد.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", "2026-01-06")],
        [],
        "Dari rather than Iranian Persian (مظاهرات for تظاهرات, جنوری and دسمبر for January and December): one event named by a town, Tehran on Tuesday 6 January 2026; «دهمین» and «نهمین» are ordinals; Monday's strikes and gatherings “across Iran” name no town.",
    ),
    (
        "real-fa-307",
        "fa",
        jal(1391, 4, 31),
        "سالگرد قربانیان کهریزک، نیمه تمام ماند",
        VOA_FA_KAHRIZAK,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_KAHRIZAK}",
        [
            [("N", "31 تیر 1391")],
            *VOA_PROGRAMME,
            [
                (
                    "N",
                    "مراسم سومین سالمرگ سه نفر از کسانی که در سال ۸۸ در بازداشتگاه کهریزک تهران جان باختند، با اعتراض حاضران به سخنران مراسم، نیمه تمام ماند.",
                ),
                (
                    "C",
                    "سه سال بعد از کشته شدن حداقل سه معترض به نتایج انتخابات در بازداشتگاه کهریزک، مراسم سالگرد آنها در تهران برگزار شد اما وقتی سخنران مسجد نور تهران از واژه فتنه برای توصیف وقایع بعد از انتخابات سال ۸۸ استفاده کرد، حاضران اعتراض کردند.",
                ),
                ("N", "آرش سیگارچی گزارش می دهد:"),
            ],
        ],
        [],
        [cl(3, "killed", "at least", period="۱۳۸۸")],
        "A memorial ceremony in a Tehran mosque whose attendees objected to the speaker (a ceremony, not a protest event); “at least three” protesters killed in detention in 1388 is a tally (said twice, one claim); «سومین» is an ordinal, «۸۸» a year, «سه سال» a span.",
    ),
    (
        "real-fa-308",
        "fa",
        jal(1392, 1, 30),
        "شکست دولت احمدی نژاد در میتینگ پر هزینه آزادی",
        VOA_FA_AZADI,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_AZADI}",
        [
            [("N", "30 فروردین 1392")],
            *VOA_PROGRAMME,
            [
                (
                    "N",
                    "مراسم دولتی «تجلیل از خادمان ستاد تسهیلات سفرهای کشوری» که مخالفان محمود احمدی نژاد آن را «میتینگ انتخاباتی دولت» نامیده بودند ، با استقبال نسبتا سرد در ورزشگاه آزادی تهران برگزار شد بطوریکه از ۲۵۰ هزار نفری که دعوت شده بودند ، حدود هفتاد هزار نفراز آنان در مراسم حضور یافتند.",
                )
            ],
        ],
        [],
        [],
        "A government ceremony in a Tehran stadium: no protest, no tally (250,000 invited and about 70,000 attending are the ceremony's numbers).",
    ),
]


def write_real4() -> None:
    """Write real_dev4.jsonl beside this file and say how many reports and sentences it holds, per language."""
    print(write_part("real_dev4", REPORTS))
    for language in ("en", "fa"):
        chosen = [report for report in REPORTS if report[1] == language]
        sentences = [label for report in chosen for paragraph in report[7] for label, _text in paragraph]
        tally = {label: sentences.count(label) for label in "ECN"}
        print(f"real_dev4 {language}: {len(chosen)} reports, {len(sentences)} sentences {tally}")


if __name__ == "__main__":
    write_real4()
