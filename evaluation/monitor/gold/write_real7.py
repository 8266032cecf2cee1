"""Write the real-text set's seventh part: English passages no one here wrote, rallies abroad and tallies, all development.

The same rules as `write_real.py` … `write_real6.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (a copy's ticker lines, a caption, section headings glued to the next word, citation
markers, an excerpt cut mid-word), labelled sentence by sentence (E event, C tally, N neither: rallies abroad are
N) with ACLED-style events (one per place and day) and claims.

Issue 16's ninth round asked for day-by-day timeline sections of English Wikipedia articles; the search tool's
stored pages hold few of them, and the ones it holds are either pages already in parts 1 to 6 or the blind parts
(by source address: "2019–2020 Iranian protests", "Mahsa Amini protests") or news sites whose licence does not
allow redistribution. This part holds what was found and may be redistributed: five Voice of America reports
(public domain; two as republished in full by sites that name VOA as their source) and two Wikipedia articles as
mirrors give them (CC BY-SA 4.0), one of them a timeline under day headings. Every passage is **development**.
Committed in two steps, each before the extractor first ran on it: the first three passages (7f3192b), then four
more (real-en-704 to -707) after the round's first fix (0580112). Run this file to regenerate `real_dev7.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, WP, I, P, RealReport, V, cl, ev, write_part

VOA_GLOBE = (
    "https://voa.pangea-cms.com/preview/en-US/a/thousands-around-globe-march-in-support-of-iran-protests/6772819.html"
)
VOA_TUESDAY_COPY = "https://greenwatchbd.com/woman/20521/iranian-protests-continue-defying-crackdown"
WIKI_DIASPORA_COPY = "https://datadosen.com/en/2022–2023_Iranian_Diaspora_Protests"
# Added after the round's first fix (0580112), committed before the extractor first ran on them.
WIKI_WATER_2018 = "https://en.wikipedia.org/wiki/2018_Iranian_water_protests"
WIKI_WATER_2018_COPY = "https://en.wikipedia-on-ipfs.org/wiki/2018_Iranian_water_protests"
VOA_BAZAAR = "https://voa.pangea-cms.com/preview/en-US/a/khamenei-orders-crackdown-after-tehran-protests/4457474.html"
VOA_INTERNET_COPY = "https://smallwarsjournal.com/2019/11/18/iran-shuts-down-internet-protests-continue/"
VOA_TEAR_GAS = "https://voa.pangea-cms.com/preview/en-US/a/iran-police-use-tear-gas-water-cannon-to-disperse-protest-over-woman-s-death-/6753436.html"

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
    (
        "real-en-704",
        "en",
        None,
        "2018 Iranian water protests",
        WIKI_WATER_2018,
        WP,
        f"“2018 Iranian water protests”, Wikipedia, {WIKI_WATER_2018} (read from the copy {WIKI_WATER_2018_COPY}: lead, infobox as the copy flattened it, and the timeline's days 20, 23 and 30 June; cut before 1 July, where the copy broke off)",
        [
            [
                (
                    "N",
                    "The 2018 Iranian water protests were a series of protests by the Iranians living in the cities of Khorramshahr and Abadan, who are protesting the shortage of clean drinking water.[7]",
                ),
                (
                    "E",
                    "The protests started on 20 June in Abadan, before escalating on 30 June in Khorramshahr and turning violent.[7]",
                ),
            ],
            [("N", "2018 Iranian water protests")],
            [("N", "Part of 2017–2018 Iranian protests")],
            [("N", "Date20 June 2018 – July 2018")],
            [("N", "LocationAbadan, Khorramshahr, Ahvaz")],
            [("N", "Mahshahr, Bandar-e Emam Khomeyni")],
            [("N", "Caused byLack of clean drinking water")],
            [("N", "MethodsDemonstrations, riots")],
            [("N", "Parties to the civil conflict")],
            [("N", "Protesters")],
            [("N", "Lead figures")],
            [("N", "Unknown Ali Khamenei")],
            [("N", "Hassan Rouhani")],
            [("N", "Number")],
            [("N", "Thousands[1]")],
            [("N", "Unknown")],
            [("N", "Casualties")],
            [("C", "Death(s)Up to 4 protesters[2][3]")],
            [("C", "Injuries11+ protesters[4]")],
            [("C", "10 security forces[5]")],
            [("C", "Arrested10[6]")],
            [("N", "Timeline")],
            [("N", "20 June")],
            [
                (
                    "E",
                    "On 20 June, people in Abadan gathered in front of the water and sewage system offices and protested undrinkable water.",
                ),
                (
                    "N",
                    "A day before the protests, the water and sewage department in Abadan had declared that water would be rationed in Abadan.[8]",
                ),
            ],
            [("N", "23 June")],
            [
                (
                    "E",
                    "Hundreds of people in Abadan again protested the lack of clean water in front of the Governor's office.",
                ),
                (
                    "E",
                    "The protesters chanted against the Governor and authorities responsible for the city's supply of water.[8]",
                ),
            ],
            [("N", "30 June")],
            [
                (
                    "E",
                    "Hundreds of people, who were protesting the lack of clean drinking water, clashed with police on 30 June in Khorramshahr.",
                ),
                (
                    "E",
                    "IRNA news agency reported that the protesters were chanting slogans against the authorities.[7]",
                ),
                ("E", "Police fired tear gas into the crowd which led to the protesters throwing rocks and garbage."),
                (
                    "E",
                    "Security forces eventually opened fire on the crowd, which left up to four people dead, which the authorities deny.[9][4]",
                ),
            ],
            [
                (
                    "N",
                    'The protests, which were solely directed at the lack of clean water in the beginning, turned political, with people chanting "In the name of religion, they plundered us", and "Get lost, governor".[4]',
                ),
            ],
        ],
        [
            ev("Abadan", "IR-06", "2018-06-20", P),
            ev("Abadan", "IR-06", "2018-06-23", P),
            ev("Khorramshahr", "IR-06", "2018-06-30", V),
        ],
        [
            cl(4, "killed", "about"),
            cl(11, "injured", "more than"),
            cl(10, "injured"),
            cl(10, "arrested"),
        ],
        "A day-by-day timeline under day headings with no year (the year from the title and the infobox): Abadan on 20 and 23 June (two events in one town, kept apart), Khorramshahr on 30 June (protesters throwing rocks at police who fired tear gas and then live rounds: a violent demonstration); the lead tells the first and the last day again; the infobox's places (Ahvaz, Mahshahr, Bandar-e Emam Khomeyni) have no day and no account (N); the infobox's tallies glued to their labels and citation markers (“Up to 4” is about four); the dead of Khorramshahr in the timeline are that event's own account.",
    ),
    (
        "real-en-705",
        "en",
        "2018-06-27",
        "Khamenei Orders Crackdown After Tehran Protests",
        VOA_BAZAAR,
        VOA,
        f"Voice of America, “Khamenei Orders Crackdown After Tehran Protests”, {VOA_BAZAAR} (the stored copy, cut where it ends)",
        [
            [
                (
                    "N",
                    "Iran's supreme leader has called on his judiciary to confront anti-government protesters after they staged the biggest strikes and street demonstrations in the capital Tehran in years.",
                ),
            ],
            [
                (
                    "N",
                    'State news agency Tasnim says Ayatollah Ali Khamenei met Wednesday with a group of judiciary officials in Tehran and told them that they should "confront those disrupting economic security."',
                ),
            ],
            [
                (
                    "N",
                    "Tehran workers angered by Iran's worsening economy have staged a series of strikes since Sunday, with the biggest strike shutting down the city's Grand Bazaar on Monday.",
                ),
                (
                    "E",
                    "Hundreds of bazaar workers and other protesters also marched on major Tehran streets Monday, while smaller street protests were observed Tuesday.",
                ),
            ],
            [
                (
                    "E",
                    "One video shared on social media showed riot police firing tear gas at Monday's marchers, while another video showed two wounded men apparently beaten by police Tuesday.",
                ),
            ],
            [
                (
                    "N",
                    "ISNA, another state news agency, posted a report Wednesday quoting Tehran's police chief Hussein Rahimi as saying police officers were maintaining a powerful presence at the Grand Bazaar.",
                ),
                ("N", "He said that presence would continue as long as necessary."),
            ],
            [
                (
                    "N",
                    "Tehran's chief prosecutor, Abbas Jafari Dowlatabadi, told state media Tuesday that some of the protesters had been arrested and their leaders identified.",
                ),
            ],
            [
                ("N", "U.S. Secretary of State Mike Pompeo denounced Iran's crackdown on the protests."),
                (
                    "N",
                    "In a Wednesday statement, he said Washington \"condemns the government's same futile tactics of suppression, imprisonment of protestors, and the denial of Iranians' frustrations.\"",
                ),
                (
                    "N",
                    'In another part of the statement shared on Twitter, Pompeo said the Iranian people are "tired of the corruption, injustice, and incompetence from their leaders. The world hears their voice."',
                ),
            ],
            [
                (
                    "N",
                    "The heads of several Iranian merchant associations told state media that the situation at Tehran's Grand Bazaar was almost back to normal Wednesday, with a limited number of shops being closed.",
                ),
                ("N", "It was not clear if the closures represented a continuation of the anti-government strikes."),
            ],
        ],
        [
            ev("Tehran", "IR-23", "2018-06-25", I, "bazaar"),
            ev("Tehran", "IR-23", "2018-06-26", I),
        ],
        [],
        "Wednesday 27 June 2018: Tehran's bazaar protests told by weekday, two days in one town kept apart (Monday 25 June, marchers met with tear gas; Tuesday 26 June, smaller street protests, two men beaten by police: both protests with intervention); the strikes and the bazaar's closure (no gathering told: N); officials' words on Wednesday (no event); arrests told as “some of the protesters” (no count).",
    ),
    (
        "real-en-706",
        "en",
        "2019-11-18",
        "Iran Shuts Down Internet as Protests Continue",
        VOA_INTERNET_COPY,
        VOA,
        f"Voice of America, “Iran Shuts Down Internet as Protests Continue”, as republished in full by {VOA_INTERNET_COPY} under the line “Voice of America” (cut where the copy's excerpt ends)",
        [
            [("N", "Voice of America")],
            [
                (
                    "N",
                    "Iran’s supreme leader backed Sunday a government decision to increase fuel prices which sparked deadly protests over the weekend.",
                ),
            ],
            [
                (
                    "C",
                    "Ayatollah Ali Khamenei blamed “thugs” for damaging property in protests that left at least two people dead.",
                ),
                (
                    "N",
                    "His comments come as the government shut off internet across Iran in an attempt to quell protests over the raising of government-set gasoline prices by 50%.",
                ),
            ],
            [
                (
                    "N",
                    "In a televised address to the nation, Khamenei said “some lost their lives” without elaborating.",
                ),
                ("N", "He also ordered security forces “to implement their tasks.”"),
            ],
            [
                (
                    "N",
                    "After his remarks, the Intelligence Ministry said “key perpetrators of the past two days’ riot have been identified and proper action is ongoing.”",
                ),
            ],
            [("N", "The statements might mean that a major crackdown in looming.")],
            [
                (
                    "N",
                    "The protests have put renewed pressure on Iran’s government as it struggles to overcome the U.S. sanctions strangling the country after President Donald Trump unilaterally withdrew the United States from Tehran’s nuclear deal with world powers.",
                ),
            ],
            [
                ("N", "State news agency IRNA reported that one police officer was killed on Saturday."),
                ("C", "The semi-official Fars news agency said 1,000 protesters had been arrested."),
            ],
            [
                ("N", "The Trump administration lashed out at Iran Sunday."),
                (
                    "N",
                    "“Tehran has fanatically pursued nuclear weapons and missile programs, and supported terrorism, turning a proud nation into another cautionary tale of what happens when a ruling class abandons its people and embarks on a crusade for personal power and riches,” the White House statement said.",
                ),
            ],
            [
                (
                    "C",
                    "The demonstrations took place in over a dozen cities in the hours following President Hassan Rouhani’s decision early Friday to cut gasoline subsidies to fund handouts for Iran’s poor.",
                ),
            ],
            [
                (
                    "N",
                    "Gasoline in the country still remains among the cheapest in the world, with the new prices jumping up to a minimum of 15,000 rials per liter of gas — 50% up from the d",
                ),
            ],
        ],
        [],
        [
            cl(2, "killed", "at least"),
            cl(1000, "arrested", claimant="The semi-official Fars news agency"),
            cl(12, "places", "more than", places=12),
        ],
        "The weekend of 16 and 17 November 2019 told with no town: a death toll, an arrest tally with its claimant and a count of places (“over a dozen cities”); one officer's death (no tally, no place); “50%” and a price are no counts; “the past two days’ riot” in an official's words.",
    ),
    (
        "real-en-707",
        "en",
        "2022-09-20",
        "Iran Police Use Tear Gas, Water Cannon to Disperse Protest Over Woman's Death",
        VOA_TEAR_GAS,
        VOA,
        f"Voice of America, “Iran Police Use Tear Gas, Water Cannon to Disperse Protest Over Woman's Death”, {VOA_TEAR_GAS} (the stored copy, cut where it ends)",
        [
            [
                (
                    "E",
                    "Iranians gathered in multiple cities to protest the treatment of 22-year-old Mahsa Amini who died last week, days after she was detained by the country’s morality police for violating the dress code.",
                ),
            ],
            [
                (
                    "E",
                    "The demonstrations drew crowds in Tehran, Mashhad and Esfehan, as well as cities in Kurdish areas of western Iran, including Marivan, Divandarreh and Amini’s hometown of Saghghez.",
                ),
            ],
            [
                (
                    "E",
                    "Protesters chanted slogans and, in some areas, blocked streets as they called for justice for Amini.",
                )
            ],
            [
                (
                    "N",
                    "Demonstrators in Toronto, Canada held up pictures of Amini along with a sign that said “How many more lives?”",
                )
            ],
            [("N", "Amini was detained September 13 in Tehran and authorities announced her death three days later.")],
            [
                ("N", "Police denied Amini was mistreated, saying she died of a heart attack."),
                ("N", "Her family said she had no history of heart problems."),
            ],
            [
                (
                    "N",
                    "Her father, Amjad Amini, told VOA Persian that authorities were insistent that her burial take place without delay, and that when the family went to the coroner’s office, he was shown “a sealed box with the body inside.”",
                ),
            ],
            [("N", "“I have no idea what they have done to the body,” Amjad Amini said.")],
            [
                (
                    "N",
                    "Iranian President Ebrahim Raisi ordered an investigation, and Iran’s judiciary said it began a probe.",
                )
            ],
            [
                (
                    "N",
                    "Amjad Amini told VOA Persian he does not believe the government’s promises and that he wants “everyone to keep asking for accountability.”",
                ),
            ],
            [
                (
                    "N",
                    "“I am sure they are lying to me since the body of my daughter is gone. She is not coming back to life. I just want this never happen to anyone else,” he said.",
                ),
            ],
            [("N", "International pressure")],
            [
                (
                    "N",
                    "Outside of Iran, calls for accountability have grown in the days since Amini’s death, including protests in Los Angeles and in front of the Interests Section of the Islamic Republic of Iran in Washington.",
                ),
            ],
            [("N", "“Mahsa Amini should be alive today,” U.S. Secretary of State Antony Blinken tweeted late Monday.")],
        ],
        [
            ev("Tehran", "IR-23", None),
            ev("Mashhad", "IR-09", None),
            ev("Isfahan", "IR-10", None),
            ev("Marivan", "IR-12", None),
            ev("Divandarreh", "IR-12", None),
            ev("Saqqez", "IR-12", None),
        ],
        [],
        "Gatherings in six towns told with no day (the page's date is the report's, the gatherings are of the days before: date null), a town spelled “Saghghez” and “Esfehan”; the headline's tear gas and water cannon placed nowhere in the text (all peaceful); rallies abroad (Toronto, Los Angeles, Washington: N); Tehran named as where Amini was held; “September 13” and “three days later” date her arrest and death, no gathering.",
    ),
]


def write_real7() -> None:
    """Write real_dev7.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev7", REPORTS))


if __name__ == "__main__":
    write_real7()
