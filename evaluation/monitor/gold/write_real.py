"""Write the real-text set: passages of published text no one here wrote, annotated sentence by sentence.

Every passage below is copied from a page whose licence allows it (README.md beside this file,
"Real text"): English Wikipedia and Simple English Wikipedia articles (CC BY-SA 4.0; each record
names its article and address, and says when the copy was read from a mirror of Wikipedia), and
Voice of America's Persian service (a work of the United States government, in the public domain).
Nothing was rewritten: spelling mistakes, missing spaces where a link was, citation markers, page
furniture (dates above the text, "اِمبد", a page's own clock), captions and infobox lines are kept
as the page gave them, because the extractor meets them so.

Each report is its paragraphs of sentences; each sentence carries a label, written by hand:
E — it reports a protest event in Iran that a place can be given to (it is evidence of an event);
C — it states a tally (killed, injured, arrested, executed, striking, places with protests), an
    aggregate that is not one event's own account, whether or not its number is exact;
N — neither (background, furniture, a call, a rally abroad, a ceremony, a caption, an arrest of one
    person, a strike of shops with no gathering).
The events are ACLED-style rows (one per place and day; a list of places is one event per place);
the claims are the tallies whose number is written as a numeral or a number word ("at least twelve",
"10+"); vague words ("hundreds", "ده‌ها") make a C sentence but no claim. A year ("the 2018 protests")
or an ordinal ("پنجمین روز") is never a count. A tally that is one event's own casualties (Zahedan,
30 September 2022) stays with that event, not a claim. Rallies abroad are not events.

The set is split by a hash of each report's id: `real_blind.jsonl` (about a third) was written and
committed with `real_dev.jsonl` before the extractor first ran on either; the blind part is scored
once, at the end of the round of fixes (`python -m evaluation monitor --real-blind`). Run this file
to regenerate both.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import jdatetime

from evaluation.monitor.gold.gold_format import FORCE, HERE, INTERVENTION, PEACEFUL, VIOLENT, Record

P, I, F, V = PEACEFUL, INTERVENTION, FORCE, VIOLENT  # noqa: E741 - short names keep the reports readable
WP = "CC BY-SA 4.0 (Wikipedia)"
SWP = "CC BY-SA 4.0 (Simple English Wikipedia)"
VOA = "public domain (Voice of America, a work of the United States government)"

Paragraph = Sequence[tuple[str, str]]  # (label, sentence)


def jal(year: int, month: int, day: int) -> str:
    """A Solar Hijri date as an ISO Gregorian date."""
    return str(jdatetime.date(year, month, day).togregorian().isoformat())


def ev(
    city: str | None, iso: str, date: str | None, kind: str = PEACEFUL, sector: str = "", low: int | None = None
) -> Record:
    """A gold event: town (None at province level), province, day (None when the text gives none), sub-type, sector, crowd low."""
    return {
        "city": city,
        "province_iso": iso,
        "date": date,
        "sub_event_type": kind,
        "sector": sector,
        "crowd_low": low,
        "crowd_high": None,
    }


def cl(
    count: int,
    unit: str,
    qualifier: str = "",
    claimant: str = "",
    places: int | None = None,
    period: str = "",
    place_names: Sequence[str] = (),
) -> Record:
    """A gold claim: the count, its unit (protests, places, killed, injured, arrested, executed, striking), qualifier, claimant, places, period, place names."""
    return {
        "count": count,
        "unit": unit,
        "qualifier": qualifier,
        "claimant": claimant,
        "places": places,
        "period": period,
        "place_names": list(place_names),
    }


# (id, language, published or None, title ("" when the page as read had none), source URL, licence, attribution, paragraphs, events, claims, note)
RealReport = tuple[str, str, str | None, str, str, str, str, Sequence[Paragraph], list[Record], list[Record], str]

WIKI_2018 = "https://en.wikipedia.org/wiki/2018%E2%80%932019_Iranian_general_strikes_and_protests"
WIKI_2018_OLD = "https://kiwix.casplantje.nl/wikipedia_en_all_maxi_2018-10/A/2018_Iranian_general_strikes.html"
WIKI_2018_MIRROR = "http://movatter.jp/mt/?dark=on&url=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2F2018%25E2%2580%25932019_Iranian_general_strikes_and_protests"
WIKI_2019 = "https://en.wikipedia.org/wiki/2019%E2%80%932020_Iranian_protests"
WIKI_2017 = "https://en.wikipedia.org/wiki/2017%E2%80%932018_Iranian_protests"
WIKI_WATER = "https://en.wikipedia.org/wiki/2021_Iranian_water_protests"
WIKI_ZAHEDAN = "https://en.wikipedia.org/wiki/2022_Zahedan_massacre"
WIKI_AUG = "https://en.wikipedia.org/wiki/August_2018_Iranian_protests"

REPORTS: list[RealReport] = [
    (
        "real-en-001",
        "en",
        None,
        "2018–2019 Iranian general strikes and protests",
        WIKI_2018,
        WP,
        "“2018–2019 Iranian general strikes and protests”, Wikipedia, " + WIKI_2018 + " (infobox, lead, April and May)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2018–2019 Iranian general strikes and protests")],
            [("N", "- Date: 14 April 2018 – 23 June 2019")],
            [("N", "- Place: Throughout Iran, especially in bazaars")],
            [("N", "- Methods: Demonstrations, civil disobedience, strikes")],
            [
                (
                    "N",
                    "- Side1: Bazaaris, Workers, Truckers, Teachers, University students, Farmers, Women, Bus drivers, Railway workers, Retirees",
                )
            ],
            [("N", "- Howmany1: Tens of thousands")],
            [("C", "- Arrests: 10+ in Bazaar strikes , 261 truckers , 5 Kurdish activists , 40+ teachers 61 workers")],
            [
                (
                    "N",
                    "The 2018–2019 Iranian general strikes and protests were a series of strikes and protests that took place across Iran from early 2018 until mid-2019 against the country's economic situation, as well as the Iranian government.",
                )
            ],
            [("N", "==Timeline==")],
            [("N", "=== 2018 ===")],
            [("N", "====April====")],
            [("N", "On 14 April 2018, Baneh shopkeepers started strikes which continued for twenty days.")],
            [("N", "====May====")],
            [
                (
                    "N",
                    "In late May, Iranian truckers staged a major nationwide strike over low wages and poor working conditions.",
                )
            ],
        ],
        [],
        [
            cl(10, "arrested", "more than", places=None),
            cl(261, "arrested"),
            cl(5, "arrested"),
            cl(40, "arrested", "more than"),
            cl(61, "arrested"),
        ],
        "Infobox tallies of arrests with 10+ and 40+; a shop strike with no gathering; a nationwide strike with no place.",
    ),
    (
        "real-en-002",
        "en",
        None,
        "2018–2019 Iranian general strikes and protests",
        WIKI_2018_MIRROR,
        WP,
        "“2018–2019 Iranian general strikes and protests”, Wikipedia, "
        + WIKI_2018
        + " (read from the mirror "
        + WIKI_2018_MIRROR
        + ": link text glued to the words around it)",
        [
            [
                ("N", "This article'slead sectionmay be too short to adequatelysummarize the key points."),
                (
                    "N",
                    "Please consider expanding the lead toprovide an accessible overview of all important aspects of the article.(December 2019)",
                ),
            ],
            [
                (
                    "N",
                    "In late May, Iranian truckers staged a major nationwide strike over low wages and poor working conditions.",
                ),
                (
                    "N",
                    "It lasted until mid-June and was the first in a series of strikes that continued until late 2018 (see below).[10]",
                ),
            ],
            [
                (
                    "E",
                    "25 June:On 25 June 2018, shops were shut and thousands gathered in the Bazaar area ofTehran to protest the economic situation.[11][12]",
                ),
                ("E", "This was met with security forces firing tear gas at the protestors.[13]"),
                (
                    "E",
                    "Protests against the economic situation also occurred inShahriar,Karaj,Qeshm,Bandar Abbas, andMashhad.[14]",
                ),
                ("N", "Some of the stores were closed enforcedly by unknown individuals.[15][16]"),
            ],
            [
                (
                    "E",
                    "26 June:People inTehran took to the streets for the third straight day on 26 June, with many shops inTehran's Bazaar remaining closed.[17]",
                ),
                (
                    "E",
                    'Videos from social media showed the crowd in downtown Tehran chanting "Death to the dictator".[17]',
                ),
                (
                    "E",
                    "Security forces clamped down on the protesters once again, arresting a large number of people.[18]",
                ),
            ],
            [
                (
                    "E",
                    '27 June:Protests continued for a third day in Tehran, despite a heavy security presence,[19] Reuters referred to the three days as "the biggest unrest since the start of the year".',
                ),
                (
                    "N",
                    "Iran's Supreme Leader,Ali Khamenei, addressed the protests for the first time and called on the judiciary to punish those who disrupted economic security.[20]",
                ),
            ],
        ],
        [
            ev("Tehran", "IR-23", "2018-06-25", I, "bazaar", 1000),
            ev("Shahriar", "IR-23", "2018-06-25"),
            ev("Karaj", "IR-30", "2018-06-25"),
            ev("Qeshm", "IR-22", "2018-06-25"),
            ev("Bandar Abbas", "IR-22", "2018-06-25"),
            ev("Mashhad", "IR-09", "2018-06-25"),
            ev("Tehran", "IR-23", "2018-06-26", I, "bazaar"),
            ev("Tehran", "IR-23", "2018-06-27"),
        ],
        [],
        "Three events in Tehran on three days; a list of five towns glued to the words before them; citation markers between sentences.",
    ),
    (
        "real-en-003",
        "en",
        None,
        "2018 Iranian general strikes",
        WIKI_2018_OLD,
        WP,
        "“2018 Iranian general strikes” (now “2018–2019 Iranian general strikes and protests”), Wikipedia, "
        + WIKI_2018
        + " (the October 2018 revision, read from the Kiwix copy "
        + WIKI_2018_OLD
        + ")",
        [
            [
                (
                    "N",
                    "The 2018 Iranian general strikes are a series of protests that took place across Iran against economic situation.",
                )
            ],
            [("N", "Timeline")],
            [("N", "May")],
            [
                ("C", "The first strikes was started on 22 May 2018 with truckers stop working in 160 cities."),
                ("N", "Their strikes was continued for ten days."),
            ],
            [("N", "June")],
            [("N", "26 June")],
            [
                (
                    "E",
                    "People in Tehran took to the streets for the third straight day on 26 June, with many shops in Tehran's Bazaar remaining closed.[10]",
                ),
                (
                    "E",
                    'Videos from social media showed the crowd in downtown Tehran chanting "Death to the dictator" and "Death to Palestine".[11][10]',
                ),
                (
                    "E",
                    "Security forces clamped down on the protesters once again, arresting a large number of people.[12]",
                ),
            ],
            [("E", "Strikes and protests were also seen in Kermanshah, Arak and Tabriz.[12]")],
        ],
        [
            ev("Tehran", "IR-23", "2018-06-26", I, "bazaar"),
            ev("Kermanshah", "IR-05", "2018-06-26"),
            ev("Arak", "IR-00", "2018-06-26"),
            ev("Tabriz", "IR-03", "2018-06-26"),
        ],
        [cl(160, "places", places=160, period="22 May 2018")],
        "Dates as headings above the text with no year; the year is the title's; a place count of striking truckers.",
    ),
    (
        "real-en-004",
        "en",
        None,
        "August 2018 Iranian protests",
        "https://wikimili.com/en/August_2018_uprising_in_Iran",
        WP,
        "“August 2018 Iranian protests”, Wikipedia, "
        + WIKI_AUG
        + " (read from the WikiMili copy https://wikimili.com/en/August_2018_uprising_in_Iran)",
        [
            [
                (
                    "N",
                    "The August 2018 uprising in Iran is a mass movement and political demonstrations that began on 31 July, sharing dissatisfaction with the economy and continued for five days in Iran. [1]",
                )
            ],
            [
                ("N", "Iran has a history of protest movements, revolts, uprisings and revolutions."),
                (
                    "N",
                    "Protests first began with the 1963 demonstrations in Iran, then the outbreak of the 1979 Iranian Revolution, then the 20 June 1981 Iranian protests, then the Iran student protests, July 1999, the 2003 Iranian student protests, the 2009 Iranian presidential election protests, 2011-2012 Iranian protests and more.",
                ),
                (
                    "N",
                    "Economic turmoil has also triggered protests across Iran, and it was the case of the movement in 2018, August. [2]",
                ),
            ],
            [
                ("N", "On 1 August, protests occurred in several Iranian cities."),
                ("E", "The protests began in Isfahan and continued in Karaj."),
                (
                    "N",
                    "The new wave of protests began with dissatisfaction and disappointment at deteriorating economic conditions and perceptions of government corruption.",
                ),
                (
                    "E",
                    'In videos that circulated on social media, purportedly filmed in the town of Gohardasht, a suburb of Karaj, dozens of demonstrators were seen in the streets setting fire to police vehicles and shouting "Death to the dictator".',
                ),
                ("E", "Police responded with tear gas."),
                ("N", "The authenticity of the videos could not immediately be verified."),
                (
                    "E",
                    "Police vehicles was pelted over and demonstrators threw stones and chanted slogans depicting the regime.",
                ),
                ("N", "Dissatisfaction grew amid growing street opposition. [3]"),
            ],
            [
                (
                    "E",
                    "Protests popped up on August 2 across several Iranian cities, including Mashhad, Kara, and Shiraz, and Tehran.",
                ),
                ("E", 'Chants during demonstrators included "death to the dictator".'),
                (
                    "E",
                    "Protesters again were met with a violent response, Bloodless protests occurred throughout the country and Countrywide protests continued onto 3–4 August.",
                ),
            ],
        ],
        [
            ev("Isfahan", "IR-10", "2018-08-01"),
            ev("Karaj", "IR-30", "2018-08-01", V, "", 12),
            ev("Mashhad", "IR-09", "2018-08-02", I),
            ev("Karaj", "IR-30", "2018-08-02", I),
            ev("Shiraz", "IR-07", "2018-08-02", I),
            ev("Tehran", "IR-23", "2018-08-02", I),
        ],
        [],
        "Year-less dates under a title with the year; a list of years and historic protests that are no events; “Kara” is the page's misspelling of Karaj.",
    ),
    (
        "real-en-005",
        "en",
        None,
        "2021 Iranian water protests",
        WIKI_WATER,
        WP,
        "“2021 Iranian water protests”, Wikipedia, " + WIKI_WATER + " (lead and background)",
        [
            [
                (
                    "E",
                    "Protests broke out in Iran's Khuzestan province on 15 July 2021 due to the ongoing water crisis in Iran but spread across the country to other provinces and cities where people organised rallies in solidarity with Khuzestan, including Tehran, Kermanshah, Isfahan, Bushehr, Lorestan, Kurdistan, East Azerbaijan, North Khorasan and Alborz.",
                )
            ],
            [
                (
                    "N",
                    "Protests were soon dubbed 'The Uprising of the Thirsty\" and turned violent as police forces attempted to suppress them due to demands for the end of the current regime.",
                ),
                ("N", "Casualties were recorded both amongst police forces and civilian demonstrators."),
                ("N", "Protests in Khuzestan lasted for around 10 days and were predominantly urban."),
                (
                    "E",
                    "The last large-scale demonstration in solidarity with Khuzestan took place on 31 July in Tehran.",
                ),
                (
                    "N",
                    "The violent nature of the protests received a lot media-attention and various government officials made statements promising extended and specific support to the region.",
                ),
                (
                    "N",
                    "This included releasing more water from Karkheh Dam in northern Khuzestan and sending emergency water tanks to most affected regions.",
                ),
            ],
            [("N", "== Background ==")],
            [("N", "=== Water scarcity ===")],
            [
                (
                    "N",
                    "The water crisis has worsened across Iran over the past decade due to over-pumping of groundwater resources, environmental damage, climate change and government policy regarding water management, dam building and river diversion.",
                ),
                (
                    "N",
                    'Kaveh Madani, former deputy head of the Iranian Environment Department, states that "the problem is rooted in decades of bad management, poor environmental governance and lack of foresight, and not getting prepared for a situation like this."',
                ),
            ],
        ],
        [
            ev(None, "IR-06", "2021-07-15"),
            ev("Tehran", "IR-23", None),
            ev("Kermanshah", "IR-05", None),
            ev("Isfahan", "IR-10", None),
            ev("Bushehr", "IR-18", None),
            ev(None, "IR-15", None),
            ev(None, "IR-12", None),
            ev(None, "IR-03", None),
            ev(None, "IR-28", None),
            ev(None, "IR-30", None),
            ev("Tehran", "IR-23", "2021-07-31"),
        ],
        [],
        "A province where it began, then a list of four towns and five provinces with no day; a later rally in Tehran with its own day.",
    ),
    (
        "real-en-006",
        "en",
        None,
        "2019–2020 Iranian protests",
        WIKI_2019,
        WP,
        "“2019–2020 Iranian protests”, Wikipedia, " + WIKI_2019 + " (infobox)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2019–2020 Iranian protests")],
            [
                (
                    "N",
                    "- Date: 15–19 November 2019 (4 days, main phase), Spillover clashes lasted until 16 July 2020, ()",
                )
            ],
            [("N", "- Methods: Demonstrations, riots, sit-ins, civil resistance, strikes, online activisms, arson")],
            [("N", "- Leadfigures1: No centralized leadership")],
            [("N", "- Howmany1: 200,000")],
            [("N", "- Howmany2: 100,000-150,000")],
            [
                (
                    "C",
                    "- Casualties1: 225 killed (per Interior Ministry), 305+ protesters and bystanders killed (per Amnesty International and HRW), 1,500 in total killed (per Reuters), 1,000+ killed (per United States Department of State, 7,000+ arrested",
                )
            ],
            [("N", "- Casualties2: 731 banks and 140 government sites torched (per Abdolreza Rahmani Fazli)")],
            [
                (
                    "N",
                    "- Result: Protests violently crushed by government troops, Internet blackout imposed by government, Continued growth and rise of the Iranian Democracy Movement, leading to further protests in the movement such as 2021–2022 Iranian protests and the Mahsa Amini protests",
                )
            ],
            [("C", "- Arrests: 7,000+ arrested")],
            [("N", "- Place: Throughout Iran")],
        ],
        [],
        [
            cl(225, "killed", claimant="Interior Ministry", period="15–19 November 2019"),
            cl(305, "killed", "more than", "Amnesty International and HRW"),
            cl(1500, "killed", claimant="Reuters"),
            cl(1000, "killed", "more than", "United States Department of State"),
            cl(7000, "arrested", "more than"),
        ],
        "Five tallies in one infobox line, each with its claimant in brackets and “+” for “more than”; the arrests line repeats 7,000+ (one claim, said twice).",
    ),
    (
        "real-en-007",
        "en",
        None,
        "2019–2020 Iranian protests",
        "http://chaos.owiki.org/wiki/2019%E2%80%932020_Iranian_protests",
        WP,
        "“2019–2020 Iranian protests”, Wikipedia, "
        + WIKI_2019
        + " (an earlier revision's lead, read from the copy http://chaos.owiki.org/wiki/2019%E2%80%932020_Iranian_protests)",
        [
            [
                (
                    "N",
                    "The 2019–2020 Iranian protests were a series of nationwide civil protests in Iran, initially caused by a 50%–200% increase in fuel prices, and leading to calls for the overthrow of the government in Iran and Supreme Leader Ali Khamenei.",
                )
            ],
            [
                (
                    "C",
                    "The protests commenced as peaceful gatherings on the evening of 15 November but spread to 21 cities within hours, as videos of the protest circulated online,",
                )
            ],
            [
                (
                    "N",
                    "eventually becoming the most violent and severe anti-government unrest since the rise of Iran's Islamic Republic in 1979.",
                )
            ],
            [
                (
                    "N",
                    "To block the sharing of information regarding the protests and the deaths of hundreds of protesters on social media platforms, the government shutdown the Internet nationwide, resulting in a near-total internet blackout of around six days.",
                )
            ],
            [
                (
                    "N",
                    "In an effort to crush the protests the Iranian government,, shot protesters dead from rooftops, helicopters, and at close range with machine gun fire.",
                )
            ],
            [
                (
                    "N",
                    "In an effort to mask the scale and casualty count of the protests, it hauled away large numbers of bodies of the dead protesters, and threatened families of slain protesters not to speak to the media or hold funerals,.",
                )
            ],
            [
                ("C", "An many as 1,500 Iranian protesters were killed."),
                (
                    "N",
                    "The government crackdown prompted a violent reaction from protesters who destroyed 731 government banks including Iran's central bank, nine Islamic religious centres, tore down anti-American billboards, and posters and statues of the Supreme Leader Ali Khamenei as well as former leader Khomeini.",
                ),
                ("N", "Fifty government military bases were also attacked by protesters."),
            ],
            [
                (
                    "N",
                    "The uprising differed from earlier 2009 protests in not being limited to students and large cities, and in the speed, severity and higher death toll of the government crackdown, which crushed the uprising in three days, although protests flared up periodically in the months after.",
                )
            ],
        ],
        [],
        [cl(21, "places", places=21, period="15 November"), cl(1500, "killed", "about")],
        "Place count and a death toll; percentages, years and counts of banks and bases that are not tallies of people.",
    ),
    (
        "real-en-008",
        "en",
        None,
        "2017–2018 Iranian protests",
        "https://simple.wikipedia.org/wiki/2017%E2%80%932018_Iranian_protests",
        SWP,
        "“2017–2018 Iranian protests”, Simple English Wikipedia, https://simple.wikipedia.org/wiki/2017%E2%80%932018_Iranian_protests",
        [
            [("N", "Jump to content")],
            [("N", "2017–2018 Iranian protests")],
            [("N", "From Simple English Wikipedia, the free encyclopedia")],
            [("N", "The protests seen in Tehran")],
            [
                (
                    "N",
                    "The 2017–2018 Iranian protests were many public protests which happened in many cities throughout Iran beginning on 28 December 2017 and continuing into 2018.",
                )
            ],
            [
                ("E", "The first protest took place in Mashhad, Iran's second-largest city by population."),
                (
                    "N",
                    "At first, they focused on the economic policies of the country; however, as protests spread throughout the country and soon protested the regime of Ali Khamenei.[1]",
                ),
            ],
            [
                (
                    "N",
                    'According to The Washington Post,[2] protesters\' chants and attacks on government buildings and chanted "Death to the dictator!".',
                )
            ],
            [
                (
                    "C",
                    "In a backlash against the protests, thousands of government supporters staged pro-government rallies in more than a dozen cities across Iran.[3]",
                )
            ],
            [("N", "[change | change source]")],
            [
                (
                    "N",
                    '1. "Five things you need to know about protests in Iran". Al Jazeera. Archived from the original on 2 January 2018. Retrieved 2 January 2018.',
                )
            ],
            [
                (
                    "N",
                    '2. Eltagouri, Marwa (3 January 2018). "Tens of thousands of people have protested in Iran. Here\'s why". Washington Post. Archived from the original on 3 January 2018. Retrieved 3 January 2018.',
                )
            ],
        ],
        [ev("Mashhad", "IR-09", "2017-12-28")],
        [cl(12, "places", "more than", places=12)],
        "A caption (“The protests seen in Tehran”) and reference lines with dates; the first protest's day is in the sentence before.",
    ),
    (
        "real-en-009",
        "en",
        None,
        "2017–2018 Iranian protests",
        "http://www.dailyvideoreports.net/upozit/",
        WP,
        "“2017–2018 Iranian protests”, Wikipedia, "
        + WIKI_2017
        + " (a January 2018 revision's lead, read from a page that copied it, http://www.dailyvideoreports.net/upozit/)",
        [
            [
                ("N", "The 2017–18 Iranian protests are a series of protests occurring throughout Iran."),
                (
                    "E",
                    "Protests began 28 December 2017 in Mashhad, which at the beginning was named “No to High prices” and protest against the policies of the government of Hassan Rouhani, but its scope went beyond economic problems and turned to opposition to the politics of Iran, particularly against Velayat-e Faqih and its office-holder, Ali Khamenei, Supreme Leader of Iran.",
                ),
                (
                    "E",
                    "The demonstrations were started by crowds protesting across Iran, including in Mashhad, the second-most populous city, as well as a several hundred-person protest in Tehran, the capital.",
                ),
                ("N", "There were also widespread protests in several other cities.[18]"),
                (
                    "N",
                    "The 2017 events are the largest protest in Iran since the 2009 Iranian presidential election protests.[19]",
                ),
                (
                    "N",
                    "Initially, the protests were about the high price of goods and commodities, but later evolved into more far-reaching political demands.",
                ),
                (
                    "N",
                    "In some cities the demonstrations turned violent with protesters attacking police and setting cars on fire.",
                ),
                (
                    "C",
                    "At least twelve people have been killed in the protests, and hundreds of people were arrested by the Iranian government.[22]",
                ),
            ],
        ],
        [ev("Mashhad", "IR-09", "2017-12-28"), ev("Tehran", "IR-23", None, P, "", 200)],
        [cl(12, "killed", "at least")],
        "A death toll in words; “hundreds … arrested” is a tally with no number.",
    ),
    (
        "real-en-010",
        "en",
        None,
        "2022 Zahedan massacre",
        WIKI_ZAHEDAN,
        WP,
        "“2022 Zahedan massacre”, Wikipedia, " + WIKI_ZAHEDAN + " (infobox, lead and background)",
        [
            [("N", "Infobox")],
            [("N", "- Conflict: 2022 Zahedan massacre")],
            [("N", "- Partof: Mahsa Amini protests")],
            [("N", "- Date: 30 September 2022")],
            [("N", "- Place: Zahedan, Sistan and Baluchestan province, Iran")],
            [("N", "- Casualties1: 4 killed")],
            [("N", "- Casualties2: 96 killed, 300+ injured")],
            [
                (
                    "E",
                    "The Zahedan massacre, also known as Bloody Friday (جمعه خونین)(زائدانءِ ھۏنݔن آدݔنَگ), was a series of violent crackdowns starting with protesters gathering and chanting in front of a police station near the Great Mosalla of Zahedan, Iran on 30 September 2022 leading to many casualties.",
                )
            ],
            [
                (
                    "E",
                    "Security forces opened fire on protesters, violently cracked down on protesters in Zahedan, and later opened fire on worshipers holding the Friday Prayers in the Jameh Mosque of Makki, leading to street clashes resulting in at least 96 protesters killed and 300 injured.",
                )
            ],
            [
                (
                    "N",
                    "The clashes were mainly in response to the alleged rape of a 15-year-old Baloch girl in June by Colonel Ebrahim Kouchakzai, the commander of the police force in Chabahar, and the 16 September 2022 death of Mahsa Amini following her arrest by the Guidance Patrol.",
                )
            ],
            [
                (
                    "N",
                    "Schools in Zahedan and Nosratabad were shut down temporarily due to concerns for the welfare of schoolchildren.",
                )
            ],
            [("N", "== Background ==")],
            [
                (
                    "N",
                    "The main cause of the incident was the death of the Iranian woman Mahsa Amini, and an alleged prior incidence of rape by Colonel Ebrahim Kouchakzai in Chabahar during an interview with a 15-year-old girl because of the incidence of a murder case in a nearby house.",
                )
            ],
        ],
        [ev("Zahedan", "IR-11", "2022-09-30", F)],
        [],
        "“Bloody Friday” is a name, not a weekday; one event's casualties; Chabahar and Nosratabad named without protests.",
    ),
    (
        "real-en-011",
        "en",
        None,
        "2022 Zahedan massacre",
        "https://wiki.1209k.com/content/wikipedia_en_all_maxi_2024-01/A/2022_Zahedan_attack",
        WP,
        "“2022 Zahedan massacre”, Wikipedia, "
        + WIKI_ZAHEDAN
        + " (the January 2024 revision's findings, read from the Kiwix copy https://wiki.1209k.com/content/wikipedia_en_all_maxi_2024-01/A/2022_Zahedan_attack)",
        [
            [("N", "Findings")],
            [
                (
                    "E",
                    'A 6 October 2022 Amnesty International report found that on 30 September government forces had "unlawfully fired live ammunition, metal pellets and teargas" directly into the vicinity of the Great Mosalla of Zahedan prayer si',
                )
            ],
        ],
        [ev("Zahedan", "IR-11", "2022-09-30", F)],
        [],
        "The report's day comes first; the event's day has no year (the report's); the page cut the sentence.",
    ),
    (
        "real-en-012",
        "en",
        None,
        "2009 Iranian presidential election protests",
        "https://wiki.kidzsearch.com/wiki/2009_Iranian_presidential_election_protests",
        SWP,
        "“2009 Iranian presidential election protests”, Simple English Wikipedia, https://simple.wikipedia.org/wiki/2009_Iranian_presidential_election_protests (read from the KidzSearch copy https://wiki.kidzsearch.com/wiki/2009_Iranian_presidential_election_protests)",
        [
            [("N", "2009 Iranian presidential election protests")],
            [
                (
                    "N",
                    "Protests against the results of the controversial 2009 Iranian presidential election (Persian: اعتراضات علیه نتایج انتخابات ریاست جمهوری سال ۱۳۸۸), a controversial victory by President Mahmoud Ahmadinejad happened in major cities nationwide from 2009 into early 2010.[1]",
                )
            ],
            [
                (
                    "N",
                    "The protests were titled the Iranian Green Movement (Persian: جنبش سبز Jonbesh-e Sabz) by its supporters and Persian Awakening, Persian Spring or Green Revolution.[2][3][4]",
                )
            ],
            [
                ("N", "Protests began the night of 12 June 2009."),
                ("N", 'Ahmadinejad called the protests a little more than "passions after a soccer match".[5]'),
            ],
            [
                (
                    "C",
                    "The Iranian government confirmed the deaths of 36 people during the protests,[6] while unconfirmed reports by Mousavi supporters allege at least 72 deaths (over twice as many) in the three months following the election.",
                )
            ],
            [("N", "2009 Iranian Presidential Election Protests Media")],
            [
                (
                    "N",
                    "Former vice-president Mohammad-Ali Abtahi was among those arrested on 16 June, according to Reuters.",
                )
            ],
            [
                (
                    "N",
                    "Silent demonstration from Hafte Tir Square to Enqelab Square, on Karim Khan Zand Street and Karim Khan Zand Bridge. Tehran, 16 June 2009",
                )
            ],
            [
                (
                    "N",
                    "Presidential candidate Mir-Hossein Mousavi and his wife, Zahra Rahnavard in the protests of 15 June which recorded as the biggest unrest since the 1979 revolution",
                )
            ],
        ],
        [],
        [
            cl(36, "killed", claimant="The Iranian government"),
            cl(72, "killed", "at least", "Mousavi supporters", period="three months following the election"),
        ],
        "Two death tolls with claimants; image captions (a silent march in Tehran, a candidate at a protest) are not events; one person's arrest is not a tally.",
    ),
    (
        "real-fa-001",
        "fa",
        "2018-01-02",
        "",  # the page as read carried no title
        "https://ir.voanews.com/amp/iran-protest/4188793.html",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/amp/iran-protest/4188793.html",
        [
            [
                (
                    "C",
                    "پس از گذشت شش روز از آغاز اعتراض‌های مردمی در ایران هنوز آمار کامل و دقیقی از بازداشت شدگان این ناآرامی ها منتشر نشده است اما بنا به اظهارنظر برخی مقام‌های شهرهای مختلف، بیش از هزار نفر نفر در روزهای اخیر بازداشت شده‌اند.",
                )
            ],
            [
                (
                    "C",
                    "علی اصغر ناصربخت، معاون سیاسی امنیتی فرماندار تهران روز سه شنبه ۱۲ دی از بازداشت دست کم ۴۵۰ نفر در حوادث اخیر در شهر تهران خبر داد.",
                )
            ],
            [
                ("C", "در مشهد نیز سرپرست دادسرای انقلاب اعلام کرد که ۱۳۲ نفر در جریان اعتراضات دستگیر شدند."),
                ("C", "گزارش‌ها از دستگیری حدود ۹۰ نفر در تبریز پیش از برگزاری تجمع اعتراضی در این شهر حکایت دارد."),
            ],
            [
                ("C", "همچنین گزارش شده که در شهرهای مختلف استان اصفهان بیش از یکصد نفر بازداشت شدند."),
                ("E", "این شهرها در پنجمین روز اعتراض‌ها شاهد بیشترین ناآرامی‌ها بود که چند کشته به جای گذاشت."),
            ],
            [
                ("C", "از سوی دیگر، دادستان کرج نیز اعلام کرد که تا کنون ۲۰ نفر در جریان ناآرامی‌ها بازداشت شدند."),
                ("C", "فرماندار همدان نیز بازداشت شدگان را حدود ۱۵۰ نفر اعلام کرد."),
                ("C", "گزارش‌هایی هم از بازداشت ده‌ها نفر در شهرهای قم، اردبیل، تاکستان، شادگان و ایذه حکایت دارد."),
            ],
            [
                (
                    "N",
                    "این بازداشت‌ها در حالیست که رئیس جمهوری ایران در سخنان دو روز پیش خود اعتراض را حق طبیعی مردم دانسته بود.",
                )
            ],
            [("N", "روز شمار اعتراض‌های گسترده در ایران")],
        ],
        [ev(None, "IR-10", "2018-01-01", V)],
        [
            cl(1000, "arrested", "more than", "برخی مقام‌های شهرهای مختلف"),
            cl(450, "arrested", "at least", "علی اصغر ناصربخت", place_names=["تهران"]),
            cl(132, "arrested", claimant="سرپرست دادسرای انقلاب", place_names=["مشهد"]),
            cl(90, "arrested", "about", place_names=["تبریز"]),
            cl(100, "arrested", "more than", place_names=["استان اصفهان"]),
            cl(20, "arrested", claimant="دادستان کرج", place_names=["کرج"]),
            cl(150, "arrested", "about", "فرماندار همدان", place_names=["همدان"]),
        ],
        "Arrest tallies town by town (none of them an event); a date and an ordinal that are not counts; a list of five towns with “dozens” arrested; the cities of Isfahan province on the fifth day (1 January) are the one event.",
    ),
    (
        "real-fa-002",
        "fa",
        jal(1393, 12, 16),
        "جامعه مدنی، ۷ مارس: تجمع سراسری معلمان کشور",
        "https://ir.voanews.com/episode/jamh-mdny-7-mars-tjm-srasry-mlman-kshwr-95114",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/jamh-mdny-7-mars-tjm-srasry-mlman-kshwr-95114",
        [
            [("N", "16 اسفند 1393")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                (
                    "E",
                    "اعتراض مدنی معلمان ایران با سازماندهی کانون صنفی معلمان ایران، دهم اسفند، فقط تو تهران ۶ هزارتا معلم جمع شدن.",
                ),
                ("C", "تو ۱۷ شهر دیگه تجمع اعتراضی معلمان همزمان، انجام شد."),
                ("E", "معلم‌ها شعار نمی دادند."),
                ("E", "اسمش را گذاشتند «تجمع سکوت»."),
                ("N", "حکومت، مجوز تجمع نداد."),
                ("E", "اما تجمع انجام شد."),
            ],
        ],
        [ev("Tehran", "IR-23", jal(1393, 12, 10), P, "teachers", 6000)],
        [cl(17, "places", places=17, period="دهم اسفند")],
        "Spoken Persian (تو, شدن, دیگه); a date line above the text is the publication date; the day is a year-less ordinal word (دهم اسفند); a place count of teachers' gatherings.",
    ),
    (
        "real-fa-003",
        "fa",
        jal(1394, 2, 17),
        "روحانی می گوید تجمع حق معلمان است اما همزمان معلمان احضار می شوند",
        "https://ir.voanews.com/episode/teachers-protest-iran-91866",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/teachers-protest-iran-91866",
        [
            [("N", "17 اردیبهشت 1394")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                ("C", "امروز سومین تجمع سراسری معلمان در ده ها شهر ایران برگزار شد."),
                ("N", "این معلمان به آنچه دستمزدهای ناعادلانه می نامند، معترض اند."),
                (
                    "N",
                    "با اینکه تجمع معلمان در سکوت برگزار شد، اما شماری از معلمان در ایران به نهادهای امنیتی احضار شدند.",
                ),
                ("N", "گزارش آرش سیگارچی"),
            ],
        ],
        [],
        [],
        "An ordinal (سومین) and “dozens of cities” with no town; “Iran” is the country.",
    ),
    (
        "real-fa-004",
        "fa",
        jal(1397, 7, 22),
        "اعتصاب رانندگان کامیون در برخی از مناطق ایران همچنان ادامه دارد",
        "https://ir.voanews.com/episode/truck-drivers-strike-21171",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/truck-drivers-strike-21171",
        [
            [("N", "22 مهر 1397")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                (
                    "N",
                    "اعتصاب سراسری رانندگان کامیون در ایران، که از اول مهرماه برای بار سوم در اعتراض به برآورده نشدن مطالبات آنها شروع شده است، در برخی از نقاط همچنان ادامه دارد.",
                ),
                ("N", "تعدادی از رانندگان کامیون در کلیپی ویدیویی از مشکلات معیشتی و دلایل اعتصاب سراسری خود می‌گویند."),
            ],
        ],
        [],
        [],
        "A nationwide truckers' strike with no place; “Iran” and “برخی از نقاط” name no town.",
    ),
    (
        "real-fa-005",
        "fa",
        jal(1397, 10, 17),
        "«مرگ بر دشمن زاینده رود»؛ شعار کشاورزان معترض ورزنه در اصفهان",
        "https://ir.voanews.com/episode/iran-protest-14591",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/iran-protest-14591",
        [
            [("N", "17 دی 1397")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                ("E", "کشاورزان ورزنه اصفهان روز دوشنبه ۱۷ دی‌ماه بار دیگر دست به تجمع اعتراضی زدند."),
                (
                    "E",
                    "تجمع کنندگان نسبت به کم‌آبی و حق‌آبه، همچنین طرح انتقال آب زاینده رود معترض هستند و معتقدند که این طرح باعث کم شدن آب زاینده رود و از بین رفتن کشاورزی شده است.",
                ),
            ],
        ],
        [ev("Varzaneh", "IR-10", jal(1397, 10, 17), P, "farmers")],
        [],
        "A small town named with its province's capital after it (ورزنه اصفهان); the Zayandeh river is no place.",
    ),
    (
        "real-fa-006",
        "fa",
        jal(1393, 7, 1),
        "تجمع اعتراضی کارگران مقابل مجلس",
        "https://ir.voanews.com/episode/workers-protest-97957",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/workers-protest-97957",
        [
            [("N", "01 مهر 1393")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                (
                    "E",
                    "نمایندگان ۴۰ هزار کارگر معترض به شرایط کارگران در ایران روز سه شنبه مقابل مجلس دست به تجمع زدند.",
                ),
                (
                    "N",
                    "در سال‌های اخیر کارگران از جمله به پایین بودن دستمزد اخراج و برخوردهای قضایی و امنیتی با تجمعات اعتراضی خود معترض بوده اند .",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", jal(1393, 7, 1), P, "workers")],
        [],
        "Parliament (مجلس) is in Tehran though no town is named; “representatives of 40,000 workers” is no crowd size; “Tuesday” is the publication day.",
    ),
    (
        "real-fa-007",
        "fa",
        jal(1392, 2, 11),
        "روز کارگر در فضای سرپوشیده جنوب تهران",
        "https://ir.voanews.com/episode/rwz-kargr-dr-fday-srpwshydh-jnwb-thran-244824",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/rwz-kargr-dr-fday-srpwshydh-jnwb-thran-244824",
        [
            [("N", "11 اردیبهشت 1392")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                ("N", "وزارت کشور ایران به در خواست مجوز راهپیمایی روز کارگر پاسخی نداد."),
                ("N", "مراسم روز کارگر برای ششمین سال متوالی در فضای سرپوشیده برگزار شد."),
                ("N", "دبیر کل خانه کارگر، مهار تورم و افزایش مزد را مهم ترین خواسته کارگران عنوان کرد."),
                ("N", "گزارش از وفا آذربهاری."),
            ],
        ],
        [],
        [],
        "A Labour Day ceremony indoors, a march never permitted: no protest event; an ordinal.",
    ),
    (
        "real-fa-008",
        "fa",
        None,
        "تصاویری از برپایی گردهمایی ایرانیان خارج از کشور در حمایت از توافق هسته ای",
        "http://ir.voanews.com/a/iran-nuclear-support-protest/2921129.html",
        VOA,
        "صدای آمریکا (VOA فارسی), http://ir.voanews.com/a/iran-nuclear-support-protest/2921129.html",
        [
            [("N", "لینک‌های قابل دسترسی")],
            [("N", "خبر فوری")],
            [("N", "پنجشنبه ۳۰ فروردین ۱۴۰۳ ایران ۰۹:۱۲")],
            [("N", "تصاویری از برپایی گردهمایی ایرانیان خارج از کشور در حمایت از توافق هسته ای")],
            [("N", "گردهمایی ایرانیان در شیکاگو در حمایت از توافق هسته ای")],
            [("N", "گردهمایی ایرانیان در شیکاگو در حمایت از توافق هسته ای")],
            [
                (
                    "N",
                    "شماری از ایرانیان اروپا و آمریکا در پی حضور در کمپین ایرانیان خارج از کشور برای حمایت از توافق هسته‌ای، تصاویر خود را از این گردهمایی ها برای بخش فارسی صدای آمریکا فرستادند.",
                )
            ],
            [
                (
                    "N",
                    "گردهمایی‌های ایرانیان خارج از کشور روز شنبه ۱۵ اوت، ۲۴ مرداد در نقاط مختلف جهان برای دفاع از توافق هسته‌ای ایران و قدرت‌های جهانی برگزار شد.",
                )
            ],
            [
                (
                    "N",
                    "این گردهمایی‌ها در پی آن برگزار شد که گروه حامیان توافق، طی کمتر از دو هفته پیش از آغاز آن، موفق شدند مقدمات تجمع روز شنبه را در حدود ۱۰۰ شهر کوچک و بزرگ کشورهای مختلف دنیا فراهم کنند.",
                )
            ],
            [
                (
                    "N",
                    "یکی از مخاطبان از گردهمایی که در میدان کاپلی شهر بوستون آمریکا برگزار شده بود، این تصاویر را برای صدای آمریکا فرستاد.",
                )
            ],
        ],
        [],
        [],
        "Rallies abroad (Chicago, Boston, about 100 cities of the world), with a caption repeated; the page's own clock (Thursday 30 Farvardin 1403, “ایران ۰۹:۱۲”) is the day it was read, not of any event; no publication date.",
    ),
    (
        "real-fa-009",
        "fa",
        "2004-04-11",
        "",  # the page as read carried no title
        "https://ir.voanews.com/persiannews/31-2004-04-11-22-1-62842612",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/persiannews/31-2004-04-11-22-1-62842612",
        [
            [
                (
                    "N",
                    "روز شنبه دهم آوريل جنبش ايرانيان دمکرات در شهر برلن آلمان از چند تن از صاحب نظران و فعالان سياسی که در خارج از کشور زندگی می کنند دعوت کرد تا درباره اوضاع سياسی ايران و آيندگان به بحث بپردازند.",
                ),
                (
                    "N",
                    "به گزارش خبرنگار ويژه بخش فارسی صدای آمريکا در اين زمينه که، شامل گفتگو با تنی چند از فعالان سياسی و حقوق بشر است، توجه فرمائيد.",
                ),
            ],
        ],
        [],
        [],
        "A meeting in Berlin, written with Arabic yeh; no event.",
    ),
    (
        "real-fa-010",
        "fa",
        "2018-05-16",
        "",  # the page as read carried no title
        "https://ir.voanews.com/a/kazeroon-gathering/4396366.html",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/a/kazeroon-gathering/4396366.html (as quoted with its source line by http://iranzone.net/2018/05/16/)",
        [
            [
                ("E", "روز چهارشنبه مردم کازرون در اعتراض به تقسیم این شهرستان بار دیگر راهپیمایی کردند."),
                ("E", "اجتماع و تظاهرات مردم از میدان شهدای این شهر آغاز شد."),
                ("E", "مردم با تجمع در یکی از میدان‌های اصلی شهر کازرون با سر دادن شعارهایی اعتراض خود را نشان دادند."),
            ],
        ],
        [ev("Kazerun", "IR-07", "2018-05-16")],
        [],
        "“Wednesday” is the publication day; “this town” after the name.",
    ),
    (
        "real-en-013",
        "en",
        None,
        "1999 Iranian student protests",
        "https://en.wikipedia.org/wiki/1999_Iranian_student_protests",
        WP,
        "“1999 Iranian student protests”, Wikipedia, https://en.wikipedia.org/wiki/1999_Iranian_student_protests (lead and overview)",
        [
            [
                (
                    "N",
                    "The Iranian student protests of July 1999 (also known as 18th of Tir and Kuye Daneshgah Disaster (فاجعهٔ کوی دانشگاه) in Iran) (7–13 July) were student protests which were violently repressed by the Basij and Ansar-e Hezbollah.",
                ),
                (
                    "N",
                    "Before the 2009 Iranian election protests, they were the most widespread and violent public protests to occur in Iran since the early years of the Iranian Revolution.",
                ),
            ],
            [
                (
                    "E",
                    "The protests began on 8 July with peaceful demonstrations in Tehran against the closure of the reformist newspaper Salam.",
                ),
                (
                    "E",
                    "Following the demonstrations, a student dormitory was raided by riot police that night during which a student was killed.",
                ),
                (
                    "C",
                    "The raid sparked six days of demonstrations and rioting throughout the country, during which at least three other people were killed and more than 200 injured.",
                ),
            ],
            [
                ("N", "In the aftermath of these incidents, more than seventy students disappeared."),
                (
                    "C",
                    'In addition to an estimated 1,200–1,400 detainees, the "whereabouts and condition" of five students named by Human Rights Watch who are believed to be detained by Iranian authorities remain unknown.',
                ),
            ],
            [("N", "== Overview ==")],
            [
                (
                    "E",
                    "The protests began on the eve of 9 July 1999 after a peaceful demonstration by a group of students of Tehran University against the closure of the reformist newspaper, Salam, by the press court.",
                ),
                (
                    "N",
                    "The Salam newspaper (Persian: روزنامه سلام) was operated by the Association of Combatant Clerics, the reformist political party to which the then president, Mohammad Khatami belonged.",
                ),
                (
                    "E",
                    "The student groups, which at the time were considered one of the major supporters of Khatami and his reform programs, were protesting in support of Khatami against the closure of the newspaper by the judiciary, which was controlled by the hardline opponents of President Khatami.",
                ),
            ],
            [
                (
                    "E",
                    'On the evening of the protests, "about 400 plainclothes paramilitaries descended on a university dormitory, whispering into short-wave radios and wielding green sticks."',
                )
            ],
        ],
        [ev("Tehran", "IR-23", "1999-07-08", P, "students")],
        [
            cl(3, "killed", "at least", period="six days"),
            cl(200, "injured", "more than", period="six days"),
            cl(1200, "arrested", "about"),
        ],
        "Tallies in words and numerals; a range of detainees; “about 400 plainclothes paramilitaries” are no crowd of protesters; the raid on the dormitory is violence against students, not the protest.",
    ),
    (
        "real-en-014",
        "en",
        None,
        "Ukraine International Airlines Flight 752 protests",
        "http://wiki.richxsearch.com/view_html.php?lang=en&q=Ukraine_International_Airlines_Flight_752_protests",
        WP,
        "“Ukraine International Airlines Flight 752 protests”, Wikipedia, https://en.wikipedia.org/wiki/Ukraine_International_Airlines_Flight_752_protests (read from the copy http://wiki.richxsearch.com/view_html.php?lang=en&q=Ukraine_International_Airlines_Flight_752_protests)",
        [
            [("N", "Ukraine International Airlines Flight 752 protests")],
            [("N", "Part of the 2019–2020 Iranian protests")],
            [("N", "Protesters at the Amirkabir University of Technology in the city of Tehran, 11 January 2020")],
            [("N", "Date11 January 2020 – 16 January 2020")],
            [("N", "(5 days)")],
            [("N", "Location")],
            [("N", "Iran")],
            [("N", "Casualties and losses")],
            [("N", "Unknown (censored)")],
            [
                (
                    "N",
                    "The Ukraine International Airlines Flight 752 protests were anti-government protests, forming part of the spillover clashes that took place in January 2020 resulting from the crackdown of the 2019 Iranian protests, which swept Iran in January 2020.",
                ),
                (
                    "N",
                    "The protests took place after it was revealed that Ukraine International Airlines Flight 752 was shot down by the Islamic Revolutionary Guard Corps of Iran, on the 8th of January 2020.",
                ),
            ],
            [
                (
                    "N",
                    "The Boeing 737-800 operating the route was shot down shortly after takeoff from Tehran Imam Khomeini International Airport;[1][2][3] all 176 passengers and crew were killed.[4]",
                ),
                (
                    "N",
                    "Initially, Iranian aviation authorities said that the plane crashed due to a technical error;.[5]",
                ),
                (
                    "N",
                    "However, investigation by western intelligence agencies later revealed the aircraft had been shot down by a Tor-M1 surface-to-air missile launched by Iran.",
                ),
                (
                    "N",
                    "Three days later, on 11 January, the Islamic Revolutionary Guard Corps said they had shot down the aircraft after mistaking it for a cruise missile.[6]",
                ),
                (
                    "E",
                    "Soon after, vigils held in Iran intended to pay respect to the victims turned into protests, first at universities in Tehran and then across other Iranian cities.[7]",
                ),
                (
                    "E",
                    'Protests began at the Amirkabir University of Technology, with Iranians chanting "death to the dictator" and calling for Supreme L',
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "2020-01-11", P, "students")],
        [],
        "A caption and infobox lines; 176 killed in a plane, not at a protest; the day of the protests is in the sentence before (“on 11 January” … “Soon after”).",
    ),
    (
        "real-en-015",
        "en",
        None,
        "Tabriz University's student movement, July 1999",
        "http://piglix.com/piglix/Tabriz_University%27s_student_movement,_July_1999",
        WP,
        "“Tabriz University's student movement, July 1999”, Wikipedia (read from the copy http://piglix.com/piglix/Tabriz_University%27s_student_movement,_July_1999)",
        [
            [("N", "Iranian Student Protests of July, 1999 | |||")],
            [("N", "Location | Iran: Tehran, Tabriz, Isfahan | ||")],
            [("N", "Lead figures | |||")],
            [
                (
                    "E",
                    "On July 9th of 1999 the students of Tabriz University start to protest to support the students demand for more freedom.",
                ),
                ("N", "The protest was in continuation of the suppression two days earlier in Tehran University."),
                (
                    "E",
                    "The police forces blockade the students inside the university’s main campus fences preventing the protest s spread into the city.",
                ),
                (
                    "E",
                    "While the hardliner supporters of the state, Basij paramilitary guards, broke the fences and start beating students and destroying the University’s properties.",
                ),
                (
                    "E",
                    "They also attacked to the dormitories inside the campus beating and arresting any student they could catch.",
                ),
                ("E", "Later a group of this Basij attacked to the hospital and arrested the wounded students."),
                (
                    "N",
                    "Even though this protests has been suppressed with more brutality and an unknown number of the victims the event never covered in the media as much as the simultaneous events happening in Tehran University.",
                ),
                ("N", "Even in the court that has been held for these events nobody has been recognized guilty."),
            ],
        ],
        [ev("Tabriz", "IR-03", "1999-07-09", I, "students")],
        [],
        "An ordinal day (“July 9th of 1999”); a location line listing three towns; Tehran University named for the other event.",
    ),
    (
        "real-en-016",
        "en",
        None,
        "2009 Iranian presidential election protests",
        "https://en.wikipedia.org/wiki/2009_Iranian_presidential_election_protests",
        WP,
        "“2009 Iranian presidential election protests”, Wikipedia, https://en.wikipedia.org/wiki/2009_Iranian_presidential_election_protests (infobox, date and place lines, cut after Israel)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2009 Iranian presidential election protests")],
            [("N", "- Date: 13 June 2009 – 7 December 2010")],
            [
                (
                    "N",
                    "- Place: Iran: Tehran, Abadan, Ahvaz, Arak, Ardabil, Bandar Abbas, Birjand, Bojnord, Borujerd, Dezful, Sari, Babol, Bandar Torkaman, Bushehr, Hamadan, Isfahan, Ilam, Karaj, Kashan, Kerman, Kermanshah, Khorramshahr, Khoy, Mashhad, Najafabad, Qazvin, Qom, Rasht, Sanandaj, Shahr Kord, Shiraz, Tabriz, Urmia, Yasuj, Yazd, Zabol, Zanjan, Zahedan United States: Atlanta, Charlotte, Cincinnati, Preston, Iowa, Dallas, Denver, Houston, Indianapolis, Irvine, Kansas City, Las Cruces, Las Vegas, Los Angeles, Madison, Miami, Minneapolis, New York City, Orlando, Philadelphia, Portland, San Diego, San Francisco, San Jose, Seattle, State College, Tempe, Washington, D.C. , Canada: Calgary, Edmonton, Halifax, Hamilton, London, Montreal, Ottawa, Toronto, Vancouver, Waterloo , Germany: Berlin, Bochum, Cologne, Dortmund, Düsseldorf, Frankfurt, Hamburg, Hannover, Heidelberg, Münster, Stuttgart , United Kingdom: London, Edinburgh, Glasgow, Manchester, Sheffield, Nottingham, Bristol , France: Paris, Lyon , Armenia: Yerevan , Israel: Tel Aviv",
                )
            ],
        ],
        [],
        [],
        "An infobox place list over eighteen months: 38 Iranian towns and dozens abroad, no day for any of them, so no event row (an ACLED row needs a day); the towns abroad are never Iranian.",
    ),
    (
        "real-fa-011",
        "fa",
        jal(1391, 9, 29),
        "افزایش حوادث برای کارگران: اینبار معدن طبس",
        "https://ir.voanews.com/episode/afzaysh-hwadth-bray-kargran-aynbar-mdn-tbs-246374",
        VOA,
        "صدای آمریکا (VOA فارسی), https://ir.voanews.com/episode/afzaysh-hwadth-bray-kargran-aynbar-mdn-tbs-246374",
        [
            [("N", "29 آذر 1391")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو می‌شود.")],
            [
                ("N", "کارگران در ایران به نداشتن امنیت شغلی و ایمنی اعتراض دارند."),
                ("E", "روزسه شنبه تعدادی از کارگران در مقابل مجلس شورای اسلامی تجمع کردند."),
                (
                    "N",
                    "بنا بر اعلام پزشکی قانونی، درسال جاری میزان حوادث ناشی از کار که به مرگ کارگران منجر شده، افزایش داشته است.",
                ),
                ("N", "ظهر روزسه شنبه ریزش معدن در طبس به مرگ حداقل چهار معدنچی منجر شد."),
                ("N", "گزارش از آرش سیگارچی."),
            ],
        ],
        [ev("Tehran", "IR-23", "2012-12-18", P, "workers")],
        [],
        "A peaceful gathering at parliament (Tehran) and, the same Tuesday, a mine collapse in Tabas that killed four: the deaths belong to no protest and make no tally; روزسه شنبه is glued.",
    ),
]


def _record(report: RealReport) -> Record:
    rid, language, published, title, url, licence, attribution, paragraphs, events, claims, note = report
    text = "\n".join(" ".join(sentence for _label, sentence in paragraph) for paragraph in paragraphs)
    sentences = [{"label": label, "text": sentence} for paragraph in paragraphs for label, sentence in paragraph]
    return {
        "id": rid,
        "language": language,
        "source": url,
        "licence": licence,
        "attribution": attribution,
        "published": published,
        "title": title,
        "text": text,
        "sentences": sentences,
        "events": events,
        "claims": claims,
        "notes": note,
    }


def is_blind(rid: str) -> bool:
    """A report is in the blind part when the first hex digit of the SHA-256 of its id is 0–4 (5 of 16)."""
    return hashlib.sha256(rid.encode("utf-8")).hexdigest()[0] in "01234"


def write_part(name: str, reports: Sequence[RealReport]) -> str:
    """Write `name`.jsonl beside this file from `reports`; return a line saying what it holds."""
    with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
        for report in reports:
            handle.write(json.dumps(_record(report), ensure_ascii=False) + "\n")
    sentences = [label for report in reports for paragraph in report[7] for label, _text in paragraph]
    tally = {label: sentences.count(label) for label in "ECN"}
    events = sum(len(report[8]) for report in reports)
    claims = sum(len(report[9]) for report in reports)
    return f"{name}: {len(reports)} reports, {len(sentences)} sentences {tally}, {events} events, {claims} claims"


def write_real() -> None:
    """Write real_dev.jsonl and real_blind.jsonl beside this file and say how many reports each holds."""
    print(write_part("real_dev", [report for report in REPORTS if not is_blind(report[0])]))
    print(write_part("real_blind", [report for report in REPORTS if is_blind(report[0])]))


if __name__ == "__main__":
    write_real()
