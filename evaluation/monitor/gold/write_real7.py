"""Write the real-text set's seventh part: English passages no one here wrote, rallies abroad and tallies, all development.

The same rules as `write_real.py` … `write_real6.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (a copy's ticker lines, a caption, section headings glued to the next word, citation
markers, an excerpt cut mid-word), labelled sentence by sentence (E event, C tally, N neither: rallies abroad are
N) with ACLED-style events (one per place and day) and claims.

Issue 16's ninth round asked for day-by-day timeline sections of English Wikipedia articles; the search tool's
stored pages hold few of them, and the ones it holds are either pages already in parts 1 to 6 or the blind parts
(by source address: "2019–2020 Iranian protests", "Mahsa Amini protests") or news sites whose licence does not
allow redistribution. This part holds what was found and may be redistributed: two Voice of America reports
(public domain; one as republished in full by a site that names "VOA News" as its source) and one Wikipedia article
as a mirror gives it (CC BY-SA 4.0). Every passage is **development**, committed before the extractor first ran on
it. Run this file to regenerate `real_dev7.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

import json

from evaluation.monitor.gold.gold_format import HERE, Record
from evaluation.monitor.gold.write_real import VOA, WP, RealReport, _record, cl, ev

VOA_GLOBE = (
    "https://voa.pangea-cms.com/preview/en-US/a/thousands-around-globe-march-in-support-of-iran-protests/6772819.html"
)
VOA_TUESDAY_COPY = "https://greenwatchbd.com/woman/20521/iranian-protests-continue-defying-crackdown"
WIKI_DIASPORA_COPY = "https://datadosen.com/en/2022–2023_Iranian_Diaspora_Protests"

REPORTS: list[RealReport] = [
    (
        "real-en-701",
        "en",
        "2022-10-02",
        "Thousands Around Globe March in Support of Iran Protests",
        VOA_GLOBE,
        VOA,
        f"Voice of America, “Thousands Around Globe March in Support of Iran Protests”, {VOA_GLOBE} (the stored copy, cut where it ends)",
        [
            [
                (
                    "N",
                    "Thousands of people gathered in several countries Sunday to condemn Iran’s crackdown on protests in that country that began after the death of a young woman while in police custody.",
                ),
            ],
            [
                (
                    "N",
                    "Thousands of Iranians have taken to the streets over the last two weeks to protest the death of Mahsa Amini, a 22-year-old woman who had been detained by Iran's morality police in the capital of Tehran for allegedly not adhering to Iran's strict Islamic dress code.",
                ),
                ("N", "Her family alleged she was beaten, while officials claim she died of a heart attack."),
            ],
            [
                (
                    "C",
                    "At least 92 people have been killed in the crackdowns, the Norway-based group Iran Human Rights said Sunday.",
                ),
                ("N", "IHR also stated there have been severe cuts to internet access."),
            ],
            [
                (
                    "C",
                    "Iranian state TV has reported that at least 41 protesters and police have been killed since the demonstrations began Sept. 17.",
                ),
                (
                    "C",
                    "The Associated Press count of official statements by authorities tallied at least 14 dead, with more than 1,500 demonstrators arrested.",
                ),
            ],
            [
                (
                    "C",
                    "Iran's utmost authority, Supreme Leader Ayatollah Ali Khamenei, has not commented on the nationwide protests, which have spread to Iran's 31 provinces, Reuters reported.",
                ),
            ],
            [("N", "Iranian President Ebrahim Raisi has ordered an investigation into Amini's death.")],
            [("N", "Paris")],
            [
                (
                    "N",
                    "Following major rallies in key diaspora cities including Los Angeles and Toronto over the weekend, thousands walked from the French capital's traditional protest hub of Place de la Republique to Place de la Nation, Agence France-Presse reported.",
                ),
            ],
            [
                (
                    "N",
                    'They chanted "Death to the Islamic republic," "Death to the dictator," as well as "Woman. Life. Freedom,” the three words that have become the main slogan of the protests in Iran.',
                ),
            ],
            [
                (
                    "N",
                    'They also sang along to "Baraye" ("For"), which Iranian songwriter Shervin Hajipour put together using Twitter postings about the protests.',
                ),
                (
                    "N",
                    "The song became a huge viral hit on Instagram, and an anthem for the protesters— moving many to tears, but Hajipour has now been arrested in a symbol of the breadth of the crackdown against the protests",
                ),
            ],
        ],
        [],
        [
            cl(92, "killed", "at least", claimant="Iran Human Rights"),
            cl(41, "killed", "at least", claimant="Iranian state TV", period="since Sept. 17"),
            cl(14, "killed", "at least", claimant="The Associated Press"),
            cl(1500, "arrested", "more than", claimant="The Associated Press"),
            cl(31, "places", places=31, claimant="Reuters"),
        ],
        "Sunday 2 October 2022: rallies abroad (Paris, Los Angeles, Toronto: no event in Iran); four tallies, each with its claimant, and a place count of provinces; the two weeks of protests in Iran told with no gathering of their own (Tehran named only as where Amini was held).",
    ),
    (
        "real-en-702",
        "en",
        "2022-11-02",
        "Iranian Protests Continue, Defying Crackdown",
        VOA_TUESDAY_COPY,
        VOA,
        f"Voice of America (VOA News), “Iranian Protests Continue, Defying Crackdown”, as republished in full by {VOA_TUESDAY_COPY} with the source line “- VOA News”",
        [
            [("N", "News update")],
            [("N", "• US to unveil high-tech B-21 stealth bomber     |")],
            [("N", "• South Korea slide into World Cup final 16 after beating Portugal     |")],
            [("N", "Woman 2022-11-02, 11:32am")],
            [("N", "Map of Iran and its capital Tehran. AP Photo")],
            [
                (
                    "E",
                    "Hundreds of Iranian protesters held rallies in the capital, Tehran, on Tuesday, chanting, \"Don't be afraid, we're all together,” while students held sit-ins at several major universities.",
                ),
            ],
            [
                (
                    "N",
                    "Protests in Iran erupted in September after the death of 22-year-old Mahsa Amini in custody of the country’s morality police.",
                ),
                (
                    "N",
                    "Analysts say the daily demonstrations have become some of the most serious challenges to the Islamic Republic in its history.",
                ),
            ],
            [
                (
                    "N",
                    'The Kurdish woman was detained in Tehran for allegedly wearing her hijab, or head scarf, "improperly."',
                ),
                (
                    "N",
                    "She died while in police custody three days later, with the police reporting Amini had a heart attack.",
                ),
                ("N", "Her family says she had no history of heart trouble."),
            ],
            [
                (
                    "C",
                    "Rights groups say more than 200 people have died during the protests, and hundreds, if not thousands, have been arrested.",
                )
            ],
            [
                (
                    "N",
                    'Former Iranian national team footballer Mehdi Mahdavi Kia offered condolences to the families, saying the "blood of their loved ones was unjustly shed" in the past weeks. - VOA News',
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "2022-11-01")],
        [cl(200, "killed", "more than", claimant="Rights groups")],
        "Tuesday 1 November 2022 under the copy's date line of Wednesday 2 November: rallies in Tehran (one event; “Hundreds” is no number) and sit-ins at universities not named; a copy's ticker lines and caption (N); a death toll with its claimant, arrests told only as “hundreds, if not thousands” (no claim); Tehran named again only as where Amini was held.",
    ),
    (
        "real-en-703",
        "en",
        None,
        "2022–2023 Iranian Diaspora Protests",
        WIKI_DIASPORA_COPY,
        WP,
        f"“2022–2023 Iranian Diaspora Protests”, Wikipedia, as mirrored by {WIKI_DIASPORA_COPY} (lead, background and the start of the timeline; lists the copy dropped, section headings glued to the next word)",
        [
            [
                (
                    "N",
                    "2022–2023 Iranian Diaspora Protests were a series of global demonstrations held by Iranian expatriates and supporters around the world in solidarity with the 2022–2023 Iranian protests inside Iran.",
                ),
                (
                    "N",
                    "These protests began following the death of Mahsa Amini, a young Iranian woman who died in the custody of Iran's morality police, sparking widespread outrage.",
                ),
                (
                    "N",
                    "The diaspora protests condemned the violent crackdown by the Iranian government on peaceful protesters, demanding justice, freedom, and human rights.",
                ),
                (
                    "N",
                    "BackgroundThe death of Mahsa Amini on September 16, 2022, ignited widespread protests across Iran against the government's strict dress codes, authoritarianism, and human rights abuses.",
                ),
                (
                    "N",
                    "The Iranian diaspora worldwide mobilized to express solidarity and raise international awareness of the ongoing repression in Iran.",
                ),
                (
                    "N",
                    "Timeline and LocationsBetween late 2022 and throughout 2023, Iranians and their supporters organized demonstrations in over 150 cities worldwide.[1][2][3] Canada![]() Protests were held in many Canadian cities with some of the largest gatherings occurring in:",
                ),
            ],
            [("N", "United StatesProtests occurred in multiple states and cities including:")],
            [
                (
                    "N",
                    "February 11, 2023 Los Angeles ProtestOn February 11, 2023 (22 Bahman in the Iranian calendar), the largest Iranian demonstration in the history of the United States took place in Los Angeles.",
                ),
                (
                    "N",
                    "The Los Angeles Police Department estimated attendance at approximately 100,000 participants.[7][8] United Kingdom",
                ),
            ],
            [("N", "Australia")],
            [("N", "France")],
            [("N", "Austria")],
            [("N", "Norway")],
            [("N", "Turkey")],
            [("N", "Armenia")],
            [("N", "GermanySeveral large protests occurred in Germany, notably:")],
            [
                (
                    "N",
                    "BerlinThe Berlin protest on October 22, 2022, attracted Iranians from all over Germany and Europe.",
                ),
                (
                    "N",
                    "It was organized by Hamed Esmaeilion, spokesperson for the Association of Families of Flight PS752 Victims.[13][14][15] ReactionsThe protests received wide coverage internationally, with various governments and huma",
                ),
            ],
        ],
        [],
        [],
        "Rallies abroad only (Los Angeles, Berlin, a list of countries): no event in Iran and no Iranian tally (the 150 cities and 100,000 are abroad); the movement in Iran told as background; a Solar Hijri date beside a Gregorian one; citation markers and headings glued to the next sentence. The mirror shows only some of the article's country list (New Zealand, Indonesia, South Korea, Italy, Netherlands, Japan, Czech Republic also stand there; left out here, each a line of N).",
    ),
]


def write_real7() -> None:
    """Write real_dev7.jsonl beside this file and say how many reports and sentences it holds."""
    records: list[Record] = [_record(report) for report in REPORTS]
    with (HERE / "real_dev7.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    sentences = [label for report in REPORTS for paragraph in report[7] for label, _text in paragraph]
    tally = {label: sentences.count(label) for label in "ECN"}
    events = sum(len(report[8]) for report in REPORTS)
    claims = sum(len(report[9]) for report in REPORTS)
    print(f"real_dev7: {len(records)} reports, {len(sentences)} sentences {tally}, {events} events, {claims} claims")


if __name__ == "__main__":
    write_real7()
