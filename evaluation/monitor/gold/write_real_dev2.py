"""Write the real-text set's second development part: more passages no one here wrote, all development.

The same rules as `write_real.py` (README.md beside this file, "Real text"): passages copied as the page
gave them (infobox lines glued to their labels, citation markers, image file names), labelled sentence
by sentence (E event, C tally, N neither) with ACLED-style events and claims. Unlike the first part,
nothing here is split by hash: every passage is **development** (read and fixed on), since it was
added after the first part's blind run. It was written and committed before the extractor first ran
on it. Run this file to regenerate `real_dev2.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import WP, F, P, RealReport, cl, ev, write_part

WIKI_2021 = "https://en.wikipedia.org/wiki/2021%E2%80%932022_Iranian_protests"
WIKI_AMINI = "https://en.wikipedia.org/wiki/Mahsa_Amini_protests"
WIKI_AMINI_COPY = "https://worddisk.com/wiki/Mahsa_Amini_protests/"
WIKI_2016 = "https://en.wikipedia.org/wiki/2016%E2%80%932021_Iranian_protests"
WIKI_2016_COPY = "https://enwikipedia.net/wiki/2016%E2%80%932021_Iranian_protests"

REPORTS: list[RealReport] = [
    (
        "real-en-101",
        "en",
        None,
        "2021–2022 Iranian protests",
        WIKI_2021,
        WP,
        f"“2021–2022 Iranian protests”, Wikipedia, {WIKI_2021} (infobox, lead and the start of “Late 2020 and early 2021”)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2021–2022 Iranian protests")],
            [("N", "- Date: 15 July 2021 – 15 September 2022")],
            [("N", "- Place: Iran")],
            [("N", "- Causes: Water crisis in Iran, Unemployment, widespread poverty and inflation.")],
            [
                (
                    "N",
                    "- Goals: Deposition of Supreme Leader Ali Khamenei and President Ebrahim Raisi, Overthrow of the Islamic Republic",
                )
            ],
            [("N", "- Methods: Demonstrations , Strikes , Civil disobedience , Riots , Roadblocks and Barricades")],
            [
                (
                    "N",
                    "- Result: Protests spilled over into the larger Mahsa Amini protests, Police brutality, Continued growth of the Iranian Democracy Movement",
                )
            ],
            [("N", "- Side1: Iranian protesters, Pro Imperial State")],
            [
                (
                    "N",
                    "- Side2: Islamic Republic, * Police Command, ** Special Units Command, * Islamic Revolutionary Guard Corps, ** Basij, * Army, * Popular Mobilization Forces, * Hezbollah",
                )
            ],
            [("N", "- Leadfigures1: No centralised leadership Reza Pahlavi")],
            [
                (
                    "N",
                    "- Leadfigures2: Ali Khamenei, Ebrahim Raisi, Hassan Rouhani, Ahmad Vahidi, Abdolreza Fazli, Hossein Ashtari",
                )
            ],
            [("C", "- Fatalities: 10 protesters, 2 police")],
            [("C", "- Injuries: 100+")],
            [
                (
                    "N",
                    "Protests erupted in Iran on 15 July 2021 over water shortages, but were quickly met with police violence and brutality.",
                ),
                (
                    "N",
                    "November 2021 saw further protests due to water shortages; various other protests and strikes also took place due to the worsening economic situation.",
                ),
                (
                    "N",
                    "In August 2021, Amnesty International noted that brutal forces have been used by the Security Forces to oppress the protesters.",
                ),
            ],
            [("N", "== Late 2020 and early 2021 ==")],
            [
                (
                    "E",
                    "A nonviolent three-day strike campaign was launched by toll workers in Ghazvin against employment statuses, meaning high unemployment.",
                ),
                (
                    "C",
                    "On 14 February 2021, nationwide protests erupted in protest against an insufficient pension for retirees, fueled by inflation rates reaching 45%, demanding justice over the deaths of 1500 during the 2019–2020 Iranian protests and an end to poverty.",
                ),
                ("N", "Iran's Stock Market Exchange bubble finally burst on 24 January."),
                (
                    "E",
                    "As a result, many people lost investments, so there were large protests in Tehran where police fired on protesters.",
                ),
            ],
        ],
        [ev("Qazvin", "IR-26", None, P, "workers"), ev("Tehran", "IR-23", None, F)],
        [
            cl(10, "killed"),
            cl(2, "killed"),
            cl(100, "injured", "more than"),
            cl(1500, "killed", period="2019–2020 Iranian protests"),
        ],
        "An article named after its years: infobox tallies (10 and 2 killed, 100+ injured), movement-wide lead sentences with no place, a strike of toll workers in Qazvin (spelled Ghazvin) with no day, and stock-market protests in Tehran met with fire, dated by no day of their own (the bubble burst on 24 January; the protests followed it).",
    ),
    (
        "real-en-102",
        "en",
        None,
        "Mahsa Amini protests",
        WIKI_AMINI_COPY,
        WP,
        f"“Mahsa Amini protests”, Wikipedia, {WIKI_AMINI} (the December 2022 revision's lead and infobox, read from the copy {WIKI_AMINI_COPY})",
        [
            [
                (
                    "N",
                    "Civil unrest and protests against the government of Iran associated with the death in police custody of Mahsa Amini (Persian: مهسا امینی) began on 16 September 2022 and are ongoing as of early December 2022.",
                ),
                (
                    "N",
                    'Amini had been arrested by the Guidance Patrol for allegedly violating Iran\'s mandatory hijab law by wearing her hijab "improperly" while visiting Tehran from Saqqez.',
                ),
                ("N", "According to eyewitnesses, she had been severely beaten by Guidance Patrol officers.[15]"),
                (
                    "E",
                    "As the protests spread from Amini's hometown of Saqqez to other cities in the province of Kurdistan and throughout the country, the government responded with widespread internet blackouts, nationwide restrictions on social media usage,[16][17] tear gas and gunfire.[18][19][20]",
                ),
            ],
            [("N", "Mahsa Amini protests")],
            [
                (
                    "N",
                    "Part of the 2021–2022 Iranian protests, Iranian protests against compulsory hijab, and the aftermath of the death of Mahsa Amini",
                )
            ],
            [("N", "Date16 September 2022 – present (2022-09-16 – present)")],
            [("N", "(2 months, 3 weeks and 3 days)")],
            [("N", "Iran, with solidarity rallies worldwide[1]")],
            [("N", "Caused by")],
            [("N", "ConcessionsGuidance Patrol disbanded per Attorney General Mohammad Jafar Montazeri")],
            [("N", "Parties to the civil conflict")],
            [("N", "Iranian protesters")],
            [("N", "Support by most anti–Islamic Republic organizations")],
            [("N", "Lead figures")],
            [("N", "No centralized leadership[8]")],
            [
                (
                    "C",
                    "Death(s)At least 448 protesters including 60 minors killed (Iran Human Rights) as of 29 November[9]",
                )
            ],
            [
                (
                    "C",
                    "470 protesters including 64 minors killed, as well as 61 security force members (HRANA), as of 3 December[10]",
                )
            ],
            [
                (
                    "C",
                    "More than 300 protesters killed, including more than 30 minors, in 25 out of 31 provinces (United Nations), as of 22 November[11]",
                )
            ],
            [("C", "200 killed (state media) as of 3 December[12]")],
            [("N", "See casualties for details.")],
            [("C", "Injuries898+ as of 26 September[13]")],
            [("C", "Arrestedestimated 18,210 (HRANA, as of 3 December).[10]")],
            [
                (
                    "C",
                    "As of 4 November, over 14,000 were arrested throughout 134 cities and towns, and at 132 universities (HRANA).[14]",
                )
            ],
            [("N", "See detainees for notable cases.")],
        ],
        [ev("Saqqez", "IR-12", None, F)],
        [
            cl(448, "killed", "at least", "Iran Human Rights", period="as of 29 November"),
            cl(470, "killed", "", "HRANA", period="as of 3 December"),
            cl(61, "killed", "", "HRANA", period="as of 3 December"),
            cl(300, "killed", "more than", "United Nations", places=25, period="as of 22 November"),
            cl(200, "killed", "", "state media", period="as of 3 December"),
            cl(898, "injured", "more than", period="as of 26 September"),
            cl(18210, "arrested", "about", "HRANA", period="as of 3 December"),
            cl(14000, "arrested", "more than", "HRANA", places=134, period="as of 4 November"),
        ],
        "Death tolls per claimant, glued to their infobox labels (“Death(s)At least 448”, “Injuries898+”, “Arrestedestimated 18,210”), sub-counts of minors inside a count (part of it, as the other sets annotate “including”), a count of provinces and one of cities and towns; one event: the protests in Saqqez met with tear gas and gunfire, with no day; Tehran is where Amini was arrested, not a protest.",
    ),
    (
        "real-en-103",
        "en",
        None,
        "2016–2021 Iranian protests",
        WIKI_2016_COPY,
        WP,
        f"“2016–2021 Iranian protests”, Wikipedia, {WIKI_2016} (read from the copy {WIKI_2016_COPY}: image file names kept where the page showed them)",
        [
            [("N", "From Wikipedia, the free encyclopedia")],
            [("N", "2016–2021 Iranian protests")],
            [("N", "Hafttapeh strikes 13990511001137637319199314792161 80560 PhotoT.jpg")],
            [("N", "Hafttapeh strikes 13990511001137637319199393229803 55128 PhotoT.jpg")],
            [("N", "Hafttapeh strikes 13990511001137637319199321354644 51790 PhotoT.jpg")],
            [("N", "13990518000519637325074077198841 نماینده ولی فقیه در جمع کارگران معترض.jpg")],
            [("N", "Hafttapeh strikes 13990511001137637319199327135956 86530 PhotoT.jpg")],
            [("N", "Hafttapeh strikes 13990511001137637319199381042249 70792 PhotoT.jpg")],
            [("N", "DateJanuary 2016 – present")],
            [("N", "Location")],
            [("N", "Caused by")],
            [("N", "Methods")],
            [("N", "• Demonstrations")],
            [("N", "• General strikes")],
            [("N", "• Riots")],
            [("N", "• Rallies")],
            [("N", "• Sit-ins")],
            [("N", "• Occupations")],
            [("N", "StatusOngoing")],
            [("N", "Parties to the civil conflict")],
            [("N", "Trade unions")],
            [("N", "Workers")],
            [("N", "Teachers")],
            [("N", "Public and private sector workers")],
            [("N", "Retirees")],
            [("N", "Lead figures")],
            [("C", "Death(s)+500")],
            [
                (
                    "N",
                    "The Iranian protests are a series of ongoing demonstrations and government crackdowns erupting nationwide in Iran since 2016.",
                ),
                (
                    "N",
                    "The protests with the intention of removing the Iranian government are often fueled by low wages, unemployment, inflation, government corruption, an ongoing water crisis, Persian nationalist fervor and the government's handling of the COVID-19 pandemic.[1]",
                ),
            ],
            [("N", "Background[]")],
            [
                (
                    "C",
                    "The sequence of protests, which included the 2016 Cyrus the Great Revolt, 2017–2018 Iranian protests, 2018–2019 Iranian general strikes and protests, Ukraine International Airlines Flight 752 protests (in January 2020), 2019-2020 Iranian protests, 2020-2021 Iranian protests, met with violent responses by the Iranian authorities, including the killing of 1,500 protesters in November 2019 uprising and the violent crackdown on protests in Mahshahr.",
                ),
            ],
        ],
        [],
        [cl(500, "killed", "more than"), cl(1500, "killed", period="November 2019")],
        "An article about a movement of six years: image file names as captions (“Hafttapeh strikes …jpg”, a Persian file name with “کارگران معترض”), an infobox in bullet lines, a death toll written “+500”, a list of earlier movements with years and spans that are no counts, and the killing of 1,500 in November 2019 as a tally; the crackdown in Mahshahr is named as history, with no day, not as an event of this text.",
    ),
]


def write_real_dev2() -> None:
    """Write real_dev2.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev2", REPORTS))


if __name__ == "__main__":
    write_real_dev2()
