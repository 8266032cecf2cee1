"""Write the real-text set's eighth part: days of Wikipedia's “Current events” portal, all development.

The same rules as `write_real.py` … `write_real7.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them, labelled sentence by sentence (E event, C tally, N neither) with ACLED-style events (one
per place and day) and claims. Each passage is one day of the portal (a list of one-sentence news items from every
country, each item as the portal wrote it, with the portal's topic heading glued to it where the copy kept one),
read from a copy of the portal kept in a public GitHub repository (nixworks/public), which gives under each item an
excerpt of the news source it cites: those excerpts are not Wikipedia's text and are left out, as are the copy's
context lines. A long day is cut to the items named in its note. The day of the page is its `published` date and
the day of the events it tells (the portal lists events under the day they happened).

Issue 16's twelfth round asked for new real text with the shapes the extractor does worst on; the search tool's
stored pages held no Voice of America, Wikinews or Wikipedia text on protests in Iran that no other part holds (see
README.md, "eighth part"), so this part holds what could be found and may be redistributed: English only, Iranian
items among protests, clashes, bombings and tallies in other countries (Bahrain, Yemen, Egypt, Libya, China, Sudan,
Belfast, Wisconsin, Iraq), with Iranian calls, warnings, arrests and tallies beside three gatherings in Tehran and
one town's week of protests. Every passage is **development**; committed before the extractor first ran on it. Run
this file to regenerate `real_dev8.jsonl`.
"""
# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.gold_format import Record
from evaluation.monitor.gold.write_real import WP, I, P, Paragraph, RealReport, V, cl, ev, write_part

PORTAL = "https://en.wikipedia.org/wiki/Portal:Current_events/"
COPY = "https://github.com/nixworks/public/blob/"


def _day(
    rid: str,
    day: str,
    portal_day: str,
    commit: str,
    path: str,
    cut: str,
    paragraphs: list[Paragraph],
    events: list[Record],
    claims: list[Record],
    note: str,
) -> RealReport:
    """One portal day as a report: its source, licence and attribution."""
    url = PORTAL + portal_day
    attribution = f"“Portal:Current events/{portal_day.replace('_', ' ')}”, Wikipedia, {url} (authors: Wikipedia contributors; read from the copy {COPY}{commit}/{path}; {cut})"
    return (rid, "en", day, "", url, WP, attribution, paragraphs, events, claims, note)


REPORTS: list[RealReport] = [
    _day(
        "real-en-801",
        "2009-06-14",
        "2009_June_14",
        "19bf79d0e28c8d796b4e35eaeffdd0cbb59d83ae",
        "news/2009/06/14/index.md",
        "the whole day",
        [
            [
                ("N", "The Los Angeles Lakers defeat the Orlando Magic four games to one to win the 2009 NBA Finals."),
                ("N", "Lakers coach Phil Jackson wins his tenth NBA Championship, becoming the all-time leader."),
            ],
            [("N", "Europe's first death from H1N1 is reported in Paisley, Scotland.")],
            [
                (
                    "C",
                    "Around 170 people are arrested in Iran in connection with the post-election protests and street riots in Tehran.",
                )
            ],
            [("N", "At least seven people are killed and 50 injured by a bomb blast in Dera Ismail Khan, Pakistan.")],
            [
                (
                    "N",
                    "''Jodhaa Akbar'' wins the prize for best film at the Tenth International Indian Film Academy Awards held in Macau, China.",
                )
            ],
            [("N", "Seven Germans, one Briton and a South Korean are captured by Shia rebels in Sa'dah, Yemen.")],
            [
                (
                    "N",
                    "President of Belarus Alexander Lukashenko refuses to attend the Collective Security Treaty Organisation summit in Moscow after Russia's ban of Belarusian milk and dairy imports.",
                )
            ],
            [
                (
                    "N",
                    "United Nations barges carrying aid and their Sudanese People's Liberation Army escort are attacked by tribesmen on the Sobat River, Sudan.",
                )
            ],
            [
                (
                    "N",
                    "Prime Minister of Israel Binyamin Netanyahu states he can visualise a Palestinian state, under certain conditions.",
                )
            ],
        ],
        [],
        [cl(170, "arrested", "about", place_names=["Tehran"])],
        "An arrest tally in connection with protests and riots in Tehran (a claim, “around” as its qualifier; the riots have no day of their own: no event); a bombing's dead and injured in Pakistan and hostages in Yemen beside it (no tally of Iran).",
    ),
    _day(
        "real-en-802",
        "2009-06-17",
        "2009_June_17",
        "14da38a26e2aadf3e9d1612824c1d02a673922ee",
        "news/2009/06/17/index.md",
        "items 1 to 10 of 13",
        [
            [
                (
                    "N",
                    "Pope Benedict XVI warns traditionalist Catholic organisation Society of St. Pius X (SSPX) not to go ahead with plans to ordain more than 30 priests on June 19 and 27, saying the move could incur disciplinary action.",
                )
            ],
            [
                (
                    "N",
                    "Kitty Ussher resigns as Exchequer Secretary to the Treasury and announces that she will stand down as Member of Parliament for Burnley at the next general election following involvement in the United Kingdom Parliamentary expenses scandal.",
                )
            ],
            [
                (
                    "N",
                    "United States President Barack Obama extends some benefits to the same-sex partners of federal government workers.",
                )
            ],
            [
                (
                    "C",
                    "2009 Iranian election protests: Mir-Hossein Mousavi calls for a day of mourning and rallies after several people die in protests following the presidential election.",
                )
            ],
            [("N", "Over 100 Romanians flee their homes in Belfast after being attacked.")],
            [
                (
                    "N",
                    "Burma's  Supreme Court accepts an appeal by lawyers for National League for Democracy General Secretary Aung San Suu Kyi on whether to allow more defense witnesses to testify at her trial.",
                )
            ],
            [
                (
                    "N",
                    "Seventeen people, including the head of Mogadishu's police force, are killed in fighting between the Transitional Federal Government and al-Shabaab.",
                )
            ],
            [("N", "Maoist fighters kill 3 members of the ruling Communist Party in West Bengal.")],
            [("N", "Indian Prime Minister Manmohan Singh meets with Pakistani President Asif Ali Zardari.")],
            [
                (
                    "N",
                    "The Peruvian government is to revoke land laws that resulted in deadly clashes with indigenous protesters in the Amazon.",
                )
            ],
        ],
        [],
        [],
        "A call for a day of mourning and rallies (a call: no event) told with a vague death tally (“several people die”: a C sentence, no claim); the topic heading glued to the item; deadly clashes with protesters in Peru and a count of Romanians in Belfast (no Iranian tally).",
    ),
    _day(
        "real-en-803",
        "2009-06-20",
        "2009_June_20",
        "13bd2d15672dfc83ae41fee361fb42fc7c14d643",
        "news/2009/06/20/index.md",
        "the whole day",
        [
            [("N", "At least 67 people are killed and over 200 are injured in a suicide attack near Kirkuk in Iraq.")],
            [("N", "Indian troops enter Lalgarh, a Maoist stronghold in West Bengal, claiming a partial victory.")],
            [("N", '"New York Times" reporter David S. Rohde, kidnapped by the Taliban seven months ago, escapes.')],
            [
                (
                    "N",
                    "An anti-racism rally is held in Belfast following the removal of 100 Romanian people from their homes.",
                )
            ],
            [("N", "The bodies of two British hostages in Iraq are discovered.")],
            [("N", "Greece's Acropolis Museum in Athens is unveiled.")],
            [
                (
                    "N",
                    "A New Zealand jury convicts Nai Yin Xue, who sparked an international hunt in 2007, of murdering his wife.",
                )
            ],
            [
                (
                    "N",
                    "The United States admits its forces failed to follow their own rules in an Afghan airstrike that may have led up to 140 civilian deaths.",
                )
            ],
            [
                (
                    "N",
                    "A sunken ship believed to carry over US$15 million in gold is located in the Magellan Straits off the coast of Argentina.",
                )
            ],
            [("E", "Riot police clash with protesters in Tehran.")],
        ],
        [ev("Tehran", "IR-23", "2009-06-20", I)],
        [],
        "Riot police clashing with protesters in Tehran on the page's day (police the actor: intervention); a rally in Belfast, a bombing near Kirkuk and hostages in Iraq (“Iraq” twice: no Iranian place), an airstrike's deaths in Afghanistan.",
    ),
    _day(
        "real-en-804",
        "2009-06-21",
        "2009_June_21",
        "14da38a26e2aadf3e9d1612824c1d02a673922ee",
        "news/2009/06/21/index.md",
        "items 1 to 10 of 13",
        [
            [("N", "Archaeologists find evidence showing that the manioc plant was a staple food of the Maya.")],
            [
                (
                    "N",
                    "The Pakistan Cricket Team wins the 2009 ICC World Twenty20 world cup after a hard match against Sri Lanka at Lord's Cricket Ground in London, England.",
                )
            ],
            [("N", "England defeats New Zealand in the 2009 ICC Women's World Twenty20.")],
            [("N", "A new pro-Treaty of Lisbon group led by Pat Cox is launched in Ireland.")],
            [("N", "The Somali government declares a state of emergency.")],
            [("N", "Self-rule is introduced in Greenland following a 2008 referendum.")],
            [
                (
                    "N",
                    "Seven people, including six amusement park employees, are killed in a French rural helicopter crash.",
                )
            ],
            [
                (
                    "C",
                    "2009 Iranian election protests: Iranian state television claims at least ten people are dead following protests over the recent election.",
                )
            ],
            [("N", "The death toll from the Taza bombing rises to 73.")],
            [("N", "At least sixteen people are killed in a factory blast in Fengyang county, Anhui, China.")],
        ],
        [],
        [cl(10, "killed", "at least", "Iranian state television")],
        "A death toll with its claimant and qualifier, in a number word (“at least ten”), the topic heading glued to it; other tolls of other places beside it (73, sixteen, seven), a referendum's year.",
    ),
    _day(
        "real-en-805",
        "2009-06-22",
        "2009_June_22",
        "1aff3d32939833b5528db1aa07774db58d7f78ef",
        "news/2009/06/22/index.md",
        "items 1 to 6 of 11",
        [
            [
                (
                    "N",
                    "A subway train derailment and collision on the Red Line of the Washington Metro kills at least nine and injures at least 70.",
                )
            ],
            [
                (
                    "N",
                    "2009 Iranian election protests: The Iranian Revolutionary Guard warns that it will 'crush' any further protests.",
                )
            ],
            [("N", "A major international conference in Sydney looks at how to expand Internet domain names.")],
            [
                (
                    "N",
                    "A plan to create a modern Silk Route of roads and railways linking East Asia with Europe makes its first substantial progress.",
                )
            ],
            [("N", "Brazilian officials identify the first 11 of 50 bodies recovered from Air France Flight 447.")],
            [
                (
                    "N",
                    "Officials gather in Madeira to strike a deal on whaling, with Japan and Iceland likely to insist on their right to hunt.",
                )
            ],
        ],
        [],
        [],
        "A warning against protests to come (no event); a gathering of officials and a conference (no protest); a train crash's tolls in Washington.",
    ),
    _day(
        "real-en-806",
        "2009-07-09",
        "2009_July_9",
        "19a8f9cda1ed42caeb037edd9fa2d489085e9263",
        "news/2009/07/9/index.md",
        "items 1 to 6 of 13",
        [
            [
                (
                    "N",
                    "A magnitude 5.7 earthquake strikes Yunnan province of China, killing one person and destroying over 10,000 homes.",
                )
            ],
            [
                (
                    "N",
                    'Chinese President Hu Jintao returns to Beijing and chairs Politburo Meeting, vowing "severe punishment" on culprits as the social order in rmqi is being restored.',
                )
            ],
            [("N", 'Tehran Governor Morteza Tamaddon vows to "smash" any new protests.')],
            [
                (
                    "N",
                    "Sudan confirms negotiations are underway to free the kidnapped Irish and Ugandan aid workers Sharon Commins and Hilda Kawuki.",
                )
            ],
            [("N", "New cyber attacks strike South Korean websites, after several successive days of attacks.")],
            [
                (
                    "N",
                    "The death toll from a mass poisoning involving home-brewed alcohol in Gujarat, India rises to 71.",
                )
            ],
        ],
        [],
        [],
        "A governor's threat against protests to come, naming Tehran (no event); riots in Ürümqi (written “rmqi” by the copy) and an earthquake in China.",
    ),
    _day(
        "real-en-807",
        "2009-12-07",
        "2009_December_7",
        "1d0081211f69160e3028abcda5f1061597835665",
        "news/2009/12/7/index.md",
        "items 1 to 10 of 14",
        [
            [
                (
                    "N",
                    "Pakistan's Raffatullah Momand and Aamer Sajjad set a new world record for a second wicket partnership scoring 580 runs in a first-class Quaid-i-Azam Trophy match, breaking the previous record of 576 held by Sri Lanka's Sanath Jayasuriya and Roshan Mahanama.",
                )
            ],
            [
                (
                    "N",
                    "Incumbent President of Romania Traian Basescu is declared the winner of Sunday's presidential election run-off, with the opposition demanding that the Constitutional Court annul the vote due to electoral fraud.",
                )
            ],
            [
                (
                    "N",
                    "Incumbent Northern Mariana Islands Governor Benigno Fitial of the Covenant Party is declared the winner of the 2009 gubernatorial election and runoff over Republican Rep. Heinz Hofschneider.",
                )
            ],
            [
                (
                    "N",
                    "President of Guinea Moussa Dadis Camara is reportedly unable to communicate following surgery due to an assassination attempt.",
                )
            ],
            [
                (
                    "N",
                    "At least seven soldiers are shot to death and at least three others are wounded in an ambush at Resadiye, Tokat Turkey, in the region's deadliest attack this decade.",
                )
            ],
            [
                (
                    "N",
                    'Bishop Dermot O\'Mahony resigns as patron of The Irish Pilgrimage Trust after his response to child sexual abuse was described as "worse than that of any other living auxiliary bishop of Dublin".',
                )
            ],
            [("N", "The United Nations Climate Change Conference opens in Copenhagen.")],
            [
                (
                    "E",
                    "Iranian police clash with thousands of opposition supporters at the annual Student's Day in Tehran, with reports of gunfire being heard.",
                )
            ],
            [("N", "At least five people are killed in a blast outside a court complex in Peshawar, Pakistan.")],
            [
                (
                    "N",
                    "Sudanese police detain three senior figures from the Sudan People's Liberation Movement, the ruling party in South Sudan, at a demonstration calling for electoral reform in Khartoum.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", "2009-12-07", I)],
        [],
        "Police clashing with thousands at Students' Day in Tehran on the page's day, gunfire only reported (intervention; “thousands” is no count); a demonstration in Khartoum with its arrests, a cricket score and an ambush's tolls (no Iranian tally); “Sunday's” run-off in Romania.",
    ),
    _day(
        "real-en-808",
        "2009-12-27",
        "2009_December_27",
        "1ef1679ff34853101227f6b3e12b7659528337f0",
        "news/2009/12/27/index.md",
        "the whole day",
        [
            [
                (
                    "N",
                    "A consortium led by Korea Electric Power gets a US$20.4-billion contract to build nuclear power plants in the United Arab Emirates, the largest-ever energy deal in the Middle East.",
                )
            ],
            [
                (
                    "N",
                    "Officials in Yemen say top Houthi leader Abdul-Malik al-Houthi has been killed during an offensive in the north of the country.",
                )
            ],
            [
                (
                    "N",
                    "At least six people are dead and many missing after a ferry sinks off Verde Island near Batangas, Philippines, the second such disaster in as many days.",
                )
            ],
            [
                (
                    "N",
                    "The nephew of opposition leader Mir-Hossein Mousavi is killed by security forces in clashes with protestors.",
                )
            ],
            [("N", "Uzbekistan holds a parliamentary election to elect members of the Supreme Assembly.")],
            [("N", "Croatia holds a presidential election.")],
            [
                (
                    "N",
                    "A tomb, believed to be that of Cao Cao, one of the Chinese leaders during the Three Kingdoms period, is discovered in Henan Province.",
                )
            ],
        ],
        [],
        [],
        "One named man killed in clashes with protesters on Ashura, with no place in the page (the page names no Iranian town: no event; one person's death: no tally); elections and a ferry's dead elsewhere.",
    ),
    _day(
        "real-en-809",
        "2009-12-28",
        "2009_December_28",
        "1a24474165b420822dd3505108085f0b531b462a",
        "news/2009/12/28/index.md",
        "items 7 to 19 of 24",
        [
            [
                (
                    "N",
                    "Authorities in Guangdong, China shut down a battery factory and commence health checks of all children in the region after it is discovered that dozens of poisoned children had high levels of lead in their blood.",
                )
            ],
            [
                (
                    "N",
                    "Clashes between joint military-police forces and an Islamic sect in Bauchi, Nigeria, result in at least 35 deaths.",
                )
            ],
            [("E", "Iran declares martial law in Najafabad following a week of protest and 2 days of violence.")],
            [("N", 'Ireland\'s most senior Cardinal, Cahal Daly, is reported to be "seriously ill" in hospital.')],
            [
                (
                    "N",
                    "25 dead and dozens injured in a suicide bombing on a Shia procession on the  day of Ashura, in Karachi, Pakistan.",
                )
            ],
            [
                (
                    "N",
                    "Russian Prime Minister Vladimir Putin opens the Eastern Siberia - Pacific Ocean oil pipeline.",
                )
            ],
            [
                (
                    "N",
                    "At least 2,000 hectares and 20 homes are destroyed and hundreds of people are evacuated after a suspected arson causes forest fires in Valparaiso, Chile.",
                )
            ],
            [
                (
                    "N",
                    'President of Venezuela Hugo Chavez quotes Mary and Karl Marx in a New Year message broadcast by state media, describing an end to the "illusion" of Barack Obama and predicting a global ecological disaster.',
                )
            ],
            [
                (
                    "N",
                    "At least 25 people are confirmed wounded after battles over a fatal stabbing between local people and gold miners from Brazil in Albina, Suriname.",
                )
            ],
            [("N", "Seven people die in a series of avalanche incidents in Italy.")],
            [
                (
                    "N",
                    "At least 10 people die and 19 others are injured when more than 100 vehicles smash into each other near Poyang Lake in Jiangxi, China.",
                )
            ],
            [
                (
                    "N",
                    "One woman dies and at least 18 people are injured after a bus overturns in Gorey, Ireland.",
                ),
                ("N", "An ambulance also overturns."),
            ],
            [("N", "Security forces in Iran arrest several opposition figures after recent demonstrations.")],
        ],
        [ev("Najafabad", "IR-10", None, V)],
        [],
        "A week of protests in Najafabad with two days of violence, told only as the cause of martial law (one event, no day; violent); arrests of several opposition figures (targeted arrests, no count: N); clashes, a procession bombed on Ashura in Karachi and many tolls in other countries.",
    ),
    _day(
        "real-en-810",
        "2011-02-14",
        "2011_February_14",
        "14da38a26e2aadf3e9d1612824c1d02a673922ee",
        "news/2011/02/14/index.md",
        "items 1 to 8 of 28",
        [
            [("N", "At least seven people are killed in clashes between rival militant groups in Somalia.")],
            [
                (
                    "N",
                    "Julian Assange's mother criticises leading figures in the U.S. government who called for her son's assassination on television, and expresses concerns that her son is being targeted by an American fatwa similar to the one brought against the writer Salman Rushdie in 1989.",
                )
            ],
            [("N", "The FARC organisation in Colombia releases a fourth hostage in the past week.")],
            [("N", "2011 Iranian protests:Anti-regime protests are due to occur in Iran.")],
            [("N", "2011 Bahraini protests:Anti-regime protests occur in Bahrain.")],
            [
                (
                    "N",
                    "Other Arab Spring events:New protests erupt in Egypt demanding a civilian leadership, an end to the emergency law and better pay.",
                )
            ],
            [
                (
                    "N",
                    "A British Army soldier from 2nd Battalion, The Parachute Regiment is killed in an explosion in Afghanistan.",
                )
            ],
            [("N", "Scientists blame chemicals for Vincent van Gogh's bright yellows turning brown.")],
        ],
        [],
        [],
        "Protests in Iran told only as due (a plan: no event), beside protests that happened in Bahrain and Egypt; topic headings glued to the items without a space.",
    ),
    _day(
        "real-en-811",
        "2011-02-15",
        "2011_February_15",
        "0c5f77dba9fef5d01aa431fc3276c247075a94a7",
        "news/2011/02/15/index.md",
        "items 1 to 5 of 25",
        [
            [
                (
                    "N",
                    "Clashes take place for a fifth day in the Yemeni capital Sana'a, amid demonstrations calling for political reform.",
                )
            ],
            [
                (
                    "N",
                    "Thousands of people demonstrate in Bahrain after a protester was shot dead at a funeral for another protester.",
                )
            ],
            [("N", "Iranian politicians call for the execution of opposition leaders.")],
            [
                (
                    "N",
                    "The Government of the Philippines and Communist Party of the Philippines hold their first peace talks in six years in Oslo, Norway.",
                )
            ],
            [
                (
                    "N",
                    "The Prime Minister of Japan Naoto Kan vows to find the remains of the 12,000 Japanese soldiers still missing after the Battle of Iwo Jima of World War II.",
                )
            ],
        ],
        [],
        [],
        "Iranian politicians' call (no event) between a fifth day of clashes in Sana'a (an ordinal) and thousands demonstrating in Bahrain.",
    ),
    _day(
        "real-en-812",
        "2011-02-20",
        "2011_February_20",
        "07c860ff26dbd9e106d2defb6e8d4aaa82abeaaa",
        "news/2011/02/20/index.md",
        "items 1 to 5, 11 and 20 of 20",
        [
            [
                (
                    "N",
                    "Arab Spring:2011 Libyan civil war:More than 200 people are killed and 900 other are injured as military troops attack protestors in Libya.",
                )
            ],
            [
                (
                    "N",
                    'Protests in other parts of the world:2011 Chinese protests:Police in China show up in force in several cities after a call for  a "Jasmine Revolution", and disperse protesters in Beijing and Shanghai.',
                )
            ],
            [
                (
                    "N",
                    "NATO pledges to investigate itself amid reports of its recent killing of dozens of civilians in eastern Afghanistan.",
                )
            ],
            [
                (
                    "N",
                    "War in Pakistan:The Pakistan Army kills up to 15 insurgents in operations in the Mohmand Agency near the Afghan border.",
                )
            ],
            [
                (
                    "N",
                    "War in Afghanistan:Sapper Jamie Larkham of the 1st Combat Engineer Regiment (Australia) and an Afghan interpreter die in overnight fighting.",
                )
            ],
            [
                (
                    "N",
                    "German-Iranian relations:Following a visit by German Foreign Minister Guido Westerwelle to Iran, two German journalists charged with espionage are released and return to Germany having been imprisoned since October for interviewing the son and lawyer of Sakineh Mohammadi Ashtiani.",
                )
            ],
            [
                (
                    "N",
                    "Thousands of protesters continue to demonstrate in the U.S. state of Wisconsin over reform of unions and taxes.",
                )
            ],
        ],
        [],
        [],
        "Tolls of protesters killed and injured in Libya (“more than 200”, 900: no tally of Iran), protests dispersed in Beijing and Shanghai and protests in Wisconsin; two journalists released in Iran (no protest).",
    ),
    _day(
        "real-en-813",
        "2012-02-14",
        "2012_February_14",
        "14da38a26e2aadf3e9d1612824c1d02a673922ee",
        "news/2012/02/14/index.md",
        "items 1 to 6 and 21 of 21",
        [
            [
                (
                    "N",
                    "2011-2012 Syrian uprising:The Syrian army continues its bombardments of Homs, as Arab officials confirm that regional governments would be prepared to arm the opposition if the fighting does not cease.",
                )
            ],
            [
                (
                    "N",
                    "2011-2012 Bahraini uprising:Security forces fire tear gas on anti-government demonstrators on the first anniversary of the start of protests calling for reforms in the nation.",
                )
            ],
            [
                (
                    "N",
                    "The U.S. aircraft carrier Abraham Lincoln|CVN-72|2, accompanied by the cruiser Cape St. George|CG-71|2 and the destroyer Sterett|DDG-104|2, sails through the Strait of Hormuz, close to the coast of Iran, for the second time in recent weeks.",
                )
            ],
            [
                (
                    "N",
                    "A Sudanese air strike hits the South Sudanese state of Unity, injuring four soldiers in a contested area.",
                )
            ],
            [("N", "Two explosions are reported in the Thai capital Bangkok, injuring one Iranian man.")],
            [("N", "A Tibetan monk sets himself on fire in western China, in the latest self-immolation protest.")],
            [
                (
                    "E",
                    "Thousands of opposition supporters from Iran's Green Movement march silently through the capital Tehran calling for the release of political prisoners.",
                )
            ],
        ],
        [ev("Tehran", "IR-23", "2012-02-14", P)],
        [],
        "A silent march in Tehran on the page's day (peaceful; “thousands” is no count); tear gas on demonstrators in Bahrain, a self-immolation protest in China, a carrier near Iran's coast, one Iranian man injured in Bangkok; wiki markup left in ship names.",
    ),
]


def write_real8() -> None:
    """Write real_dev8.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev8", REPORTS))


if __name__ == "__main__":
    write_real8()
