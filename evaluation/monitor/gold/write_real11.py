"""Write the real-text set's eleventh part: written blind, scored once, then retired to development (`real-dev11`).

The same rules as `write_real.py` … `write_real10.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (infobox lines as table cells, a translation notice, a live blog's time stamps and player
furniture, captions, a republishing site's header and breadcrumb, citation markers, link text glued to the words
around it), labelled sentence by sentence (E event, C tally, N neither) with ACLED-style events (one per place and
day) and claims (count, unit, qualifier, claimant, period, place names). A sentence the stored copy broke off is left
out, and the passage is cut before it; a caption the page itself truncates ("… in cities acr") is kept as read.

This part was written **blind**: committed before the extractor first ran on it, by a helper who did not run the
extractor, the evaluation or any monitor test on it (only the format test that reads it as data). It was scored
once, as `real-blind5`, at the end of issue 16's fourteenth round (README.md, "eleventh part"), and then retired to
development: it is scored as `real-dev11`, its errors are read and fixed, and its figures are development figures
since. Sources: English
Wikipedia (CC BY-SA 4.0; read from copies, named), Voice of America in English and Persian (works of the United States
government, public domain; four read from sites that republished them, named). None repeats a source of the other
parts (checked against every address and article title in the other writers and README.md). Radio Farda / RFE/RL,
Reuters and other agencies' text is not used (a Reuters item inside a VOA live blog is cut off). Run this file to
regenerate `real_dev11.jsonl`. Read on 8 December 2026.
"""

# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, WP, F, P, RealReport, V, cl, ev, write_part

WIKI_SISTAN = "https://en.wikipedia.org/wiki/2021_Sistan_and_Baluchestan_protests"
WIKI_SISTAN_MOVATTER = (
    "http://movatter.jp/mt/?dark=on&url=http%3A%2F%2Fen.wikipedia.org%2Fwiki%2F2021_Sistan_and_Baluchestan_protests"
)
WIKI_SISTAN_PROFILBARU = "https://profilbaru.com/article/2021_Sistan_and_Baluchestan_protests"
WIKI_MASSACRES = "https://en.wikipedia.org/wiki/List_of_massacres_in_Iran"
WIKI_MASSACRES_WIKIMILI = "https://wikimili.com/en/List_of_massacres_in_Iran"
VOA_NURSES_COPY = "https://listeningexpress.com/englishreading/voacorr/2024/08/voacorr-2024-08-30-Iran's-crackdown-on-nurses'-protests-prompts-concern-from-US,-global-nurses'-federation.html"
VOA_LIVE_BLOG_JAN2 = "https://www.voanews.com/a/live-blog-iran-protests-jan-2/4190253.html"
VOA_LIVE_BLOG_DEC31_COPY = (
    "https://stellasplace1.com/2017/12/31/live-blog-iranians-take-to-the-streets-in-massive-protests/"
)
VOA_TEACHERS_STRIKE = (
    "https://voa.pangea-cms.com/preview/en-US/a/iran-poorly-paid-teachers-on-nationwide-strike-for-2nd-day/4659545.html"
)
VOA_TEACHERS_STRIKE_COPY = "http://persian-heritage.com/wordpress/?p=71944"
VOA_ISFAHAN_SIT_IN_COPY = "https://vistiua.com/news/2020/01/irans-students-stage-isfahan-sit-in-on-day-5-of-protests-but-tehran-rallies-blocked.htm"
VOA_FA_EDITORIAL = "https://ir.voanews.com/a/editorial-iran-demonstrations/4468927.html"
WIKI_GREEN = "https://en.wikipedia.org/wiki/Iranian_Green_Movement"
WIKI_GREEN_GRAVY = "https://wiki.gravy.cc/wiki/Iranian_Green_Movement"

SISTAN = "IR-11"
TEACHERS_DAY = "2018-11-14"

SISTAN_LEAD = [
    (
        "E",
        "The2021 Sistan and Baluchestan protests were a series of protests in theSistan and Baluchestan province ofIran.",
    ),
    (
        "E",
        "The protests started on 23 February 2021 after multiple Baloch fuel traders were killed at the Iran–Pakistan border.",
    ),
]

REPORTS: list[RealReport] = [
    (
        "real-en-1101",
        "en",
        None,
        "2021 Sistan and Baluchestan protests",
        WIKI_SISTAN_MOVATTER,
        WP,
        f"“2021 Sistan and Baluchestan protests”, Wikipedia, {WIKI_SISTAN} (a 2022 revision's maintenance banners, infobox as table cells, lead and the start of the timeline, read from the mirror {WIKI_SISTAN_MOVATTER}: link text glued to the words around it; cut before a sentence the copy broke off)",
        [
            [
                ("N", "This article needs to beupdated."),
                (
                    "N",
                    "Please help update this article to reflect recent events or newly available information.(February 2022) |",
                ),
            ],
            [
                (
                    "N",
                    "You can helpexpand this article with text translated fromthe corresponding article in Persian.",
                ),
                ("N", "(June 2021)Click [show] for important translation instructions."),
            ],
            [("N", "|")],
            [("N", "| 2021 Sistan and Baluchestan protests | |||")],
            [("N", "|---|---|---|---|")],
            [("N", "| Part of2016–2022 Iranian protests | |||")],
            [("N", "| Date | 23 February 2021 – 27 February 2021 | ||")],
            [("N", "| Location | |||")],
            [("N", "| Caused by | Killing of Baloch fuel traders | ||")],
            [("N", "| Methods | Demonstrations,Road closures | ||")],
            [("N", "| Parties | |||")],
            [("N", "| |||")],
            [("N", "| Lead figures | |||")],
            [("N", "| Casualties | |||")],
            [("C", "| Deaths | 37+ killed during protests and 17 workers[1] | ||")],
            [("N", "| Injuries | unknown | ||")],
            [("C", "| Arrested | +300 arrested[2] | ||")],
            SISTAN_LEAD,
            [
                (
                    "E",
                    "After at least ten fuel traders, including a 17-year-old,[3] were shot and killed by the armed forces of the Islamic Republic the previous day, protests and strikes erupted acrossSistan and Baluchestan province on 23 February.",
                ),
                (
                    "E",
                    "InSaravan, protesters were met with live ammunition after they occupied the governor's office.[4]",
                ),
            ],
            [
                ("E", "On 24 February, protests intensified across the province."),
                (
                    "E",
                    "InZahedan, protesters clashed heavily with the security forces, and overran a police outpost.[5]",
                ),
                ("E", "Demonstrations were also reported inKhash,Iranshahr, andSaravan.[6]"),
                (
                    "N",
                    "Internet service in various areas of the province, including Zahedan and Saravan, was completely cut.[7]",
                ),
                (
                    "C",
                    "According to Iran Human Rights Monitor, two protesters, Mohammad Saleh Motaghedi and 13-year-old Hassan Mohammadzehi were killed after they were shot by theIslamic Revolutionary Guard Corps.Mahmoud Vaezi blamedPakistani authorities for the killings.[8]",
                ),
            ],
        ],
        [
            ev("Saravan", SISTAN, "2021-02-23", V),
            ev("Zahedan", SISTAN, "2021-02-24", V),
            ev("Khash", SISTAN, "2021-02-24", P),
            ev("Iranshahr", SISTAN, "2021-02-24", P),
            ev("Saravan", SISTAN, "2021-02-24", P),
        ],
        [
            cl(37, "killed", "more than", period="23–27 February 2021"),
            cl(300, "arrested", "more than", period="23–27 February 2021"),
            cl(2, "killed", claimant="Iran Human Rights Monitor", period="24 February 2021"),
        ],
        "A mirror that glued link text to the words around it ('InSaravan', 'inKhash,Iranshahr') and kept the infobox as table cells. Events, one per town and day: Saravan on 23 February 2021 (protesters occupied the governor's office and were met with live ammunition: violent demonstration, a judgment, as the occupation comes first; a reader could code excessive force), Zahedan on 24 February (clashes, a police outpost overrun: violent demonstration), Khash, Iranshahr and Saravan again on 24 February (the day of the paragraph; 'Demonstrations were also reported': peaceful). 'Protests and strikes erupted across the province' and 'protests intensified across the province' are E as the days' summaries with their towns told in the next sentences, but no province-level event is added beside the towns (a judgment; real-en-1002 added one where no town was named). The lead's two sentences are E (the movement in its province and its first day, as real-en-1002). Claims: the infobox's '37+ killed during protests' (more than, as 'Arrested400+' in real-en-308) and '+300 arrested' (more than; the '+' before the number read the same way); the '17 workers' beside it and 'at least ten fuel traders' killed at the border are the killing that caused the protests, not protesters' deaths (no claim, a judgment); the two protesters killed by the Guards, with their claimant, name no town (C, a claim of 2 killed; the glued sentence about Vaezi is kept in the same sentence as read). The internet cut is N.",
    ),
    (
        "real-en-1102",
        "en",
        None,
        "2021 Sistan and Baluchestan protests",
        WIKI_SISTAN_PROFILBARU,
        WP,
        f"“2021 Sistan and Baluchestan protests”, Wikipedia, {WIKI_SISTAN} (another copy of the article as {WIKI_SISTAN_PROFILBARU} gives it: the maintenance and translation notices in full, the lead and the timeline under day headings, no infobox; cut before a sentence the copy broke off)",
        [
            [
                ("N", "This article needs to be updated."),
                (
                    "N",
                    "Please help update this article to reflect recent events or newly available information.(February 2022)",
                ),
            ],
            [
                (
                    "N",
                    "You can help expand this article with text translated from the corresponding article in Persian.",
                ),
                ("N", "(June 2021) Click [show] for important translation instructions."),
            ],
            [
                (
                    "N",
                    "Machine translation, like DeepL or Google Translate, is a useful starting point for translations, but translators must revise errors as necessary and confirm that the translation is accurate, rather than simply copy-pasting machine-translated text into the English Wikipedia.",
                ),
            ],
            [
                ("N", "Do not translate text that appears unreliable or low-quality."),
                ("N", "If possible, verify the text with references provided in the foreign-language article."),
            ],
            [
                (
                    "N",
                    "You must provide copyright attribution in the edit summary accompanying your translation by providing an interlanguage link to the source of your translation.",
                ),
                (
                    "N",
                    "A model attribution edit summary is Content in this edit is translated from the existing Persian Wikipedia article at [[:fa:اعتراضات ۱۳۹۹ سیستان و بلوچستان]]; see its history for attribution.",
                ),
            ],
            [
                (
                    "N",
                    "You may also add the template {{Translated|fa|اعتراضات ۱۳۹۹ سیستان و بلوچستان}} to the talk page.",
                )
            ],
            [
                (
                    "E",
                    "The 2021 Sistan and Baluchestan protests were a series of protests in the Sistan and Baluchestan province of Iran.",
                ),
                (
                    "E",
                    "The protests started on 23 February 2021 after multiple Baloch fuel traders were killed at the Iran–Pakistan border.",
                ),
            ],
            [("N", "Timeline")],
            [("N", "23 February")],
            [
                (
                    "E",
                    "After at least ten fuel traders, including a 17-year-old,[3] were shot and killed by the armed forces of the Islamic Republic the previous day, protests and strikes erupted across Sistan and Baluchestan province on 23 February.",
                ),
                (
                    "E",
                    "In Saravan, protesters were met with live ammunition after they occupied the governor's office.[4]",
                ),
            ],
            [("N", "24 February")],
            [
                ("E", "On 24 February, protests intensified across the province."),
                (
                    "E",
                    "In Zahedan, protesters clashed heavily with the security forces, and overran a police outpost.[5]",
                ),
            ],
        ],
        [
            ev("Saravan", SISTAN, "2021-02-23", V),
            ev("Zahedan", SISTAN, "2021-02-24", V),
        ],
        [],
        "The same article as real-en-1101 from another copy (a different page, one passage): no infobox, so no tallies; the translation notice (with the Persian article's title in brackets) and the day headings ('23 February', '24 February', no year under them: the year is the lead's) are N. Events as in real-en-1101 as far as the copy goes: Saravan on 23 February 2021 (violent demonstration, the same judgment) and Zahedan on 24 February (violent demonstration); the copy breaks off before Khash and Iranshahr. 'At least ten fuel traders' shot at the border the day before is the cause, not a protest tally (no claim).",
    ),
    (
        "real-en-1103",
        "en",
        None,
        "Iran's crackdown on nurses' protests prompts concern from US, global nurses' federation",
        VOA_NURSES_COPY,
        VOA,
        f"Voice of America, “Iran's crackdown on nurses' protests prompts concern from US, global nurses' federation” (August 2024), as republished by {VOA_NURSES_COPY} (the copy's reader-tool lines in Chinese; no date line; cut before a sentence the copy broke off)",
        [
            [("N", "源 稿 窗")],
            [("N", "在文章中双击或划词查词典")],
            [("N", "字号 +")],
            [("N", "字号 -")],
            [("N", "折叠显示")],
            [("N", "全文显示")],
            [
                (
                    "N",
                    "Iran's crackdown on nurses who have staged unprecedented peaceful protests over poor working conditions in the past month has prompted new concern from the United States and a global federation of nurses' associations.",
                ),
            ],
            [
                (
                    "N",
                    'In one of two statements sent exclusively to VOA on Thursday, a State Department official said the Biden administration is "closely monitoring protests by nurses and other medical personnel in Iran and is concerned by reports that many peaceful protesters are being unjustly arrested and sentenced."',
                ),
            ],
            [
                (
                    "N",
                    "The U.S. official said the reports are \"particularly worrisome given the [Iranian] regime's brutal history of suppressing peaceful protests, including its continued use of harsh sentences against those who participated in the 'Woman, Life, Freedom' protests\" of 2022.",
                ),
            ],
            [
                (
                    "N",
                    'In the other statement, the International Council of Nurses, or ICN, CEO Howard Catton said the Geneva-based federation is "gravely concerned about these reports coming out of Iran about nurses taking part in peaceful protests being victimized."',
                ),
            ],
            [
                (
                    "N",
                    "Catton said the federation has been in contact with its Iranian member, the state-run Iranian Nursing Organization, and other nurses' groups in the country regarding their efforts to raise concerns about staff shortages and low pay.",
                ),
                (
                    "N",
                    '"What is clear from all the reports we are receiving is that the protection of nurses\' rights and the safety of their patients are paramount," he said.',
                ),
            ],
            [("C", "Protests in 21 cities")],
            [
                (
                    "N",
                    "Iranian nurses began going on strike at the Imam Ali hospital in the northern city of Karaj on July 31, according to a Telegram post by the Free Union of Iranian Workers, a labor group that Iran's Islamist rulers refuse to recognize.",
                ),
                (
                    "C",
                    "Since then, VOA's Persian Service has monitored credible reports of peaceful strikes and protest gatherings by nurses spreading to at least 50 state-run hospitals in 21 Iranian cities.",
                ),
            ],
        ],
        [],
        [
            cl(21, "places", claimant="VOA's Persian Service", period="31 July – August 2024"),
            cl(50, "places", "at least", "VOA's Persian Service", period="31 July – August 2024"),
        ],
        "Nurses' protests of summer 2024 told only as a tally: the strike at the Imam Ali hospital in Karaj on July 31 is a strike with no gathering told (N, no event, by the shop-strike convention as applied to labour strikes in real-dev9); 'peaceful strikes and protest gatherings … at least 50 state-run hospitals in 21 Iranian cities' is C with two claims of places (21 cities; at least 50 hospitals, a judgment: hospitals counted as places), the claimant VOA's Persian Service; the subheading 'Protests in 21 cities' is the same tally told again (C, no second claim); the US and ICN statements, 'the past month' and the 2022 protests are N; the copy's Chinese reader-tool lines are page furniture. The story's own day (a Thursday in late August 2024) is not on the copy, so published is null.",
    ),
    (
        "real-en-1104",
        "en",
        "2018-01-02",
        "Iran Protests Live Blog: Jan. 2",
        VOA_LIVE_BLOG_JAN2,
        VOA,
        f"Voice of America, “Iran Protests Live Blog: Jan. 2”, {VOA_LIVE_BLOG_JAN2} (the page's header, caption given twice, time-stamped entries and player furniture; cut before an entry that is a Reuters report, not Voice of America's text)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [
                (
                    "N",
                    "This frame grab from video provided by Iran Press, a pro-government news agency based in Beirut, shows pro-government demonstrators marching in Qom, Iran, Jan. 3, 2018.",
                ),
                ("N", "Iranian state TV channels aired footage of pro-government demonstrations in cities acr"),
            ],
            [
                (
                    "N",
                    "This frame grab from video provided by Iran Press, a pro-government news agency based in Beirut, shows pro-government demonstrators marching in Qom, Iran, Jan. 3, 2018.",
                ),
                ("N", "Iranian state TV channels aired footage of pro-government demonstrations in cities acr"),
            ],
            [
                (
                    "N",
                    "1/2/18 9:20 p.m. -- U.S. National Security Adviser General H.R. McMaster comments on the Iran protests during an interview with VOA Contributor Greta Van Susteren:",
                ),
            ],
            [("N", "General H.R. McMaster, National Security Adviser, Speaks on Iran")],
            [("N", "please wait")],
            [("N", "No media source currently available")],
            [("N", "0:00 0:00:34 0:00")],
            [("E", "1/2/18 9:15 p.m. -- Footage shows protests, clashes in East Azerbaijan Province, Iran:")],
            [("N", "Footage Showing Protests, Clashes in East Azerbaijan Province, Iran")],
            [("N", "please wait")],
            [("N", "No media source currently available")],
            [("N", "0:00 0:01:59 0:00")],
            [("N", "1/2/18 8:15 p.m. -- Tehran Residents Share Economic Grievances Amid Protests")],
            [
                (
                    "C",
                    "WATCH: Some residents of Tehran described their financial struggles as days of protests took place in dozens of towns and cities across the country:",
                ),
            ],
        ],
        [ev(None, "IR-03", None, V)],
        [],
        "A live blog of 2 January 2018 (published from its entries' stamps '1/2/18'; the page shows no other date line): the caption, given twice and truncated by the page itself ('in cities acr'), shows pro-government marchers in Qom on Jan. 3 (a government rally, N). One event: 'Footage shows protests, clashes in East Azerbaijan Province' (province level, no town; date null, a judgment: the footage's own day is not told, only the entry's time; 'clashes' read as a violent demonstration, a judgment); the player's title repeating it is page furniture (N). 'Days of protests … in dozens of towns and cities' is a vague tally (C, no claim); Tehran residents' grievances and McMaster's interview are N. The blog's next entry is a Reuters dispatch (not public domain), so the passage is cut before it.",
    ),
    (
        "real-en-1105",
        "en",
        "2017-12-31",
        "LIVE BLOG: Iranians Take to the Streets in Massive Protests",
        VOA_LIVE_BLOG_DEC31_COPY,
        VOA,
        f"Voice of America (VOA News), “LIVE BLOG: Iranians Take to the Streets in Massive Protests”, 31 December 2017, as republished by {VOA_LIVE_BLOG_DEC31_COPY} (the copy names “Voice of America coverage” and “VOA News”; cut before a sentence the copy broke off)",
        [
            [("N", "Voice of America coverage of the Iranian protests.")],
            [
                (
                    "N",
                    "A university student attends a protest inside Tehran University while a smoke grenade is thrown by anti-riot Iranian police, in Tehran, Iran, Dec. 30, 2017.",
                ),
                (
                    "N",
                    "A wave of spontaneous protests over Iran’s weak economy swept into Tehran Saturday, with college",
                ),
            ],
            [("N", "VOA News")],
            [
                (
                    "N",
                    "12/31/17 5:45 p.m. — VOA Persian Division Director Setareh Derakhshesh got exclusive comments from senior U.S. official Michael Anton, deputy assistant to the president for strategic communications, on the latest developments in Iran on Sunday.",
                ),
                ("N", "Story to come."),
            ],
            [
                (
                    "N",
                    "12/31/17 5:45 p.m. — Iranian callers to the Sunday edition of VOA Persian’s Straight Talk program disagreed about whether foreign intervention in the protests is desirable:",
                ),
            ],
            [
                ("N", "A caller named Farhad from Tehran said, “Right now, we are on the streets for a revolution."),
                ("N", "(President) Trump — you pledged to help us — please do so.”"),
            ],
            [
                ("N", "But the next caller, named Siamak and also from Tehran, said Farhad was mistaken."),
                ("N", "“We should take care of our own business,” he said."),
            ],
            [
                (
                    "N",
                    "12/31/17 5:39 p.m. Behnam Ben Taleblu, senior Iran analyst for Foundation for Defense of Democracies, talking about the Iran protests with VOA’s Pentagon correspondent Carla Babb: “Whether you’re urban or rural, you see the governing elite, and in fact the system of the Islamic Republic of Iran, as an impediment to your daily life.”",
                ),
            ],
            [
                (
                    "N",
                    "12/31/17 5:18 p.m. — Behnam Ben Taleblu, senior Iran analyst for Foundation for Defense of Democracies, tells VOA’s Pentagon correspondent Carla Babb: “What is true is the Iranian people want accountability, respect, justice, and they want their government to put their interests … their national interests ahead of the narrow, factional or regime interests.",
                ),
                ("N", "That’s why you heard slogans like, ‘Not Gaza, Not Lebanon. My life for Iran.’ ”"),
            ],
        ],
        [],
        [],
        "A live blog of 31 December 2017 (its entries' stamps; the copy's own date is the same day): no event told in its text. The caption (a student at a protest inside Tehran University, 'Dec. 30, 2017', and its agency line truncated by the page, 'with college') is N by the caption convention, and no event is made from it (a judgment: the passage tells the protest nowhere else); a caller from Tehran saying 'we are on the streets' places nothing on a day (N); analysts' comments, slogans quoted in general and 'Story to come.' are N.",
    ),
    (
        "real-en-1106",
        "en",
        None,
        "Iran's Poorly Paid Teachers on Nationwide Strike for 2nd Day",
        VOA_TEACHERS_STRIKE,
        VOA,
        f"Voice of America, “Iran's Poorly Paid Teachers on Nationwide Strike for 2nd Day” (the address's words; the stored preview page shows neither title nor date line), {VOA_TEACHERS_STRIKE} (its first four paragraphs; the rest of the story is real-en-1108, read from a page that republished it)",
        [
            [
                (
                    "N",
                    "Iranian teachers have gone on a nationwide strike for a second consecutive day to demand better working conditions for their poorly paid profession, one month after their last mass protest.",
                ),
            ],
            [
                (
                    "C",
                    "Photos posted on the Telegram channel of the Coordinating Council of Teachers Syndicates in Iran (CCTSI) showed elementary and high school teachers staging sit-ins and holding protest signs in and outside their offices in at least 27 Iranian cities Wednesday.",
                ),
            ],
            [
                (
                    "N",
                    "In a statement published on Telegram, CCTSI said it was staging its “second round” of strikes since October to pressure the government to carry out educational reforms and end mismanagement.",
                ),
                (
                    "N",
                    "It said teachers also were protesting low wages and perceived violations of the educational rights of students and minorities.",
                ),
            ],
            [
                (
                    "C",
                    "Iranian social media users earlier had posted photos of what they said were teachers on strike in at least a dozen cities Tuesday.",
                ),
                (
                    "N",
                    "Images of the previous round of Iranian teacher strikes in mid-October also were shared widely on Persian-language social media platforms.",
                ),
            ],
        ],
        [],
        [
            cl(27, "places", "at least", "CCTSI", period="Wednesday"),
            cl(12, "places", "at least", "Iranian social media users", period="Tuesday"),
        ],
        "The opening of a teachers' strike story (14 November 2018 by the republished copy, real-en-1108; this preview shows no date line, so published is null): sit-ins and signs 'in at least 27 Iranian cities Wednesday' and strikes 'in at least a dozen cities Tuesday' are tallies of places with no town named (C; 'a dozen' is a number word, 12); the nationwide strike 'for a second consecutive day' (an ordinal), the statement, the demands and the October round are N. The towns are named in the part of the story cut off here (real-en-1108).",
    ),
    (
        "real-en-1107",
        "en",
        "2020-01-16",
        "Iran’s Students Stage Isfahan Sit-In on Day 5 of Protests, But Tehran Rallies Blocked",
        VOA_ISFAHAN_SIT_IN_COPY,
        VOA,
        f"Voice of America, “Iran’s Students Stage Isfahan Sit-In on Day 5 of Protests, But Tehran Rallies Blocked”, 15 January 2020, as republished by {VOA_ISFAHAN_SIT_IN_COPY} (the copy's breadcrumb and posting line of 16 January 2020; cut before a sentence the copy broke off)",
        [
            [
                (
                    "N",
                    "Home  >>  Економіка  >>  Iran’s Students Stage Isfahan Sit-In on Day 5 of Protests, But Tehran Rallies Blocked",
                ),
            ],
            [("N", "On January 16, 2020, Posted by , in Економіка, Новини, With No Comments")],
            [
                (
                    "E",
                    "Students in Iran have protested against their Islamist rulers for a fifth day, with dozens staging a sit-in at a central university as police surrounded other universities in Tehran to block more rallies at those sites.",
                ),
            ],
            [
                (
                    "E",
                    "Photos obtained by VOA appeared to show at least 100 students staging Wednesday’s sit-in next to a campus restaurant at Isfahan University of Technology in the central city of Isfahan.",
                ),
                (
                    "E",
                    "The protest seemed to be a silent one, with many of those gathered wearing surgical white masks over their faces with black “X” marks to symbolize their voices being silenced.",
                ),
            ],
            [
                (
                    "E",
                    "Signs held up by the demonstrators indicated that their grievances were directed toward the Iranian government, which has faced daily protests since its Saturday admission that Iranian forces shot down a Ukrainian passenger plane mistaken for an enemy threat as it departed Tehran for Kyiv Jan. 8.",
                ),
            ],
            [
                (
                    "N",
                    "Students at Isfahan University of Technology stage an apparent silent sit-in on January 15, 2020, the 5th day of anti-government student protests in Iran.",
                ),
                ("N", "VOA could not independently verify the authenticity of this photo."),
            ],
            [
                (
                    "E",
                    "Several students at the Isfahan sit-in held a sign saying “1,500 + 176”, referencing the number of people the U.S. government has accused Iran of killing in a crackdown on nationwide protests last November, plus the number of people killed in the crash of the Ukraine International Airlines Boeing 737 jet.",
                ),
            ],
            [
                (
                    "N",
                    "The crash killed 82 Iranians and 57 Canadians, many of them students with dual Iranian citizenship who were flying to Kyiv en route to Canada to resume university studies after the winter break.",
                ),
            ],
        ],
        [ev("Isfahan", "IR-10", "2020-01-15", P, "students", 100)],
        [cl(1500, "killed", claimant="U.S. government", period="November 2019")],
        "One event: the students' silent sit-in at Isfahan University of Technology on Wednesday 15 January 2020 (the caption's date and the copy's posting line of the 16th agree; peaceful; 'at least 100 students', crowd low 100); the lead's place-less 'a sit-in at a central university' and the follow-ups about the masks, the signs and the '1,500 + 176' sign are E (the same gathering; the title names Isfahan). Police surrounding universities in Tehran 'to block more rallies' is no gathering (no event, by the heavy-presence precedent of real-dev9). The sign's 1,500 is the U.S. government's toll of the November 2019 crackdown (a claim of 1,500 killed, though told inside an E sentence); 176, 82 and 57 are a plane's dead (no claim, the precedent of the Flight 752 passages); 'fifth day', 'Day 5' and '5th day' are ordinals; the caption is N.",
    ),
    (
        "real-en-1108",
        "en",
        "2018-11-15",
        "",
        VOA_TEACHERS_STRIKE_COPY,
        VOA,
        f"Voice of America, “Iran's Poorly Paid Teachers on Nationwide Strike for 2nd Day” (its second half), as republished by {VOA_TEACHERS_STRIKE_COPY} (dated 15 November 2018; its last lines name VOA's Persian and Kurdish services); the first half is real-en-1106, read from {VOA_TEACHERS_STRIKE}",
        [
            [
                (
                    "E",
                    "Most of Wednesday’s striking teacher photos on the CCTSI Telegram feed were identified as coming from schools in northwestern Iran’s predominantly Kurdish regions.",
                ),
                (
                    "E",
                    "The locations included the cities of Saqqez, Marivan, Sanandaj and Divandarreh in Kurdistan province, and the cities of Kermanshah, Eslamabad-e-Gharb and Sarpol Zahab in Kermanshah province.",
                ),
            ],
            [
                (
                    "E",
                    "CCTSI also posted photos of what it said were striking teachers in the capital, Tehran, and the cities of Eslamshahr and Baharestan in Tehran province.",
                ),
                (
                    "E",
                    "Other northern Iranian cities identified in the group’s photo stream included Sari, Babel, Ghaem Shahr and Juybar in Mazandaran province and Mashhad, Qazvin, Mahabad and Jolfa.",
                ),
            ],
            [
                (
                    "E",
                    "Several central Iranian cities appeared among the captions for the striking teacher photos, including Isfahan and Khomeinishahr in Isfahan province and Hamadan, Karaj and Yazd.",
                ),
                (
                    "E",
                    "Southern cities identified in the picture descriptions included Ahvaz and Bushehr and the Fars provincial cities of Shiraz and Kazerun.",
                ),
            ],
            [
                (
                    "N",
                    "CCTSI, the umbrella organization for Iranian teachers’ unions, said its strike actions were legal and not associated with any domestic or foreign political faction.",
                ),
            ],
            [
                (
                    "N",
                    "In a September report, Iran’s Human Rights Activist News Agency said Iranian authorities had tightened their grip on labor unions in recent years and had shown a “particular vitriol” toward those representing educators.",
                ),
                (
                    "N",
                    "Three prominent Iranian education activists serving multiyear jails terms for alleged national security offenses at Tehran’s Evin prison include Mohammad Habibi, Mahmoud Beheshti Langroodi and Esmail Abdi.",
                ),
            ],
            [
                ("N", "This article originated in VOA’s Persian Service."),
                ("N", "Shahed Alavi of VOA’s Kurdish Service contributed."),
            ],
        ],
        [
            ev("Saqqez", "IR-12", TEACHERS_DAY, P, "teachers"),
            ev("Marivan", "IR-12", TEACHERS_DAY, P, "teachers"),
            ev("Sanandaj", "IR-12", TEACHERS_DAY, P, "teachers"),
            ev("Divandarreh", "IR-12", TEACHERS_DAY, P, "teachers"),
            ev("Kermanshah", "IR-05", TEACHERS_DAY, P, "teachers"),
            ev("Eslamabad-e Gharb", "IR-05", TEACHERS_DAY, P, "teachers"),
            ev("Sarpol-e Zahab", "IR-05", TEACHERS_DAY, P, "teachers"),
            ev("Tehran", "IR-23", TEACHERS_DAY, P, "teachers"),
            ev("Eslamshahr", "IR-23", TEACHERS_DAY, P, "teachers"),
            ev(None, "IR-23", TEACHERS_DAY, P, "teachers"),
            ev("Sari", "IR-02", TEACHERS_DAY, P, "teachers"),
            ev("Babol", "IR-02", TEACHERS_DAY, P, "teachers"),
            ev("Qa'em Shahr", "IR-02", TEACHERS_DAY, P, "teachers"),
            ev("Juybar", "IR-02", TEACHERS_DAY, P, "teachers"),
            ev("Mashhad", "IR-09", TEACHERS_DAY, P, "teachers"),
            ev("Qazvin", "IR-26", TEACHERS_DAY, P, "teachers"),
            ev("Mahabad", "IR-04", TEACHERS_DAY, P, "teachers"),
            ev("Julfa", "IR-03", TEACHERS_DAY, P, "teachers"),
            ev("Isfahan", "IR-10", TEACHERS_DAY, P, "teachers"),
            ev("Khomeyni Shahr", "IR-10", TEACHERS_DAY, P, "teachers"),
            ev("Hamadan", "IR-13", TEACHERS_DAY, P, "teachers"),
            ev("Karaj", "IR-30", TEACHERS_DAY, P, "teachers"),
            ev("Yazd", "IR-21", TEACHERS_DAY, P, "teachers"),
            ev("Ahvaz", "IR-06", TEACHERS_DAY, P, "teachers"),
            ev("Bushehr", "IR-18", TEACHERS_DAY, P, "teachers"),
            ev("Shiraz", "IR-07", TEACHERS_DAY, P, "teachers"),
            ev("Kazerun", "IR-07", TEACHERS_DAY, P, "teachers"),
        ],
        [],
        "The second half of the teachers' strike story (real-en-1106 is the first), as a site republished it on 15 November 2018: the towns where striking teachers were photographed on 'Wednesday' (14 November 2018, the day before the copy's date). The story's first half tells these as teachers 'staging sit-ins and holding protest signs in and outside their offices', so each town is one peaceful protest of teachers on that day (a judgment: a sit-in is a protest, as the Asaluyeh sit-in of real-fa-302; a reader applying the strike convention strictly would make no events). Twenty-seven events: the first sentence names only 'Kurdish regions' and is E as the lead-in to the list; 'Babel' is Babol, 'Ghaem Shahr' Qa'em Shahr, 'Khomeinishahr' Khomeyni Shahr, 'Sarpol Zahab' Sarpol-e Zahab, 'Jolfa' Julfa (East Azerbaijan; the text gives no province); 'Baharestan in Tehran province' is a county of Tehran province whose towns are not named (province level, city null, as 'Mamasani county' in real-en-1003). 'Three prominent … activists' jailed is no tally of the units counted here (N), the September report and the legality statement are N, and the credit lines are furniture.",
    ),
    (
        "real-en-1109",
        "en",
        None,
        "List of massacres in Iran",
        WIKI_MASSACRES_WIKIMILI,
        WP,
        f"“List of massacres in Iran”, Wikipedia, {WIKI_MASSACRES} (the lead and the first rows of the table, cells glued together, read from the WikiMili copy {WIKI_MASSACRES_WIKIMILI}; cut before a row the copy broke off)",
        [
            [("N", "Last updated")],
            [("N", "This is a list of massacres in Iran.")],
            [("N", "NameDateLocationDeathsPerpetratorsNotes")],
            [
                (
                    "N",
                    "Destruction of Persepolis February 330 BC Persepolis Unknown Ancient Macedonian army Civilian population and captives slaughtered at random upon conquest of the city.",
                ),
                ("N", "City burned to the ground in May 330 BC."),
            ],
            [
                (
                    "N",
                    "Massacre of the Cossaei December 324 BC/Early 323 BC Zagros Mountains Unknown Ancient Macedonian army Alexander III put the entire Iranian Cossaei people to the sword in forty days.",
                ),
                ("N", "Unknown death toll but most likely a few hundred to a thousand or so ."),
            ],
            [
                (
                    "N",
                    "Istakhr massacre 651 Istakhr 150,000 [Dubious source?] [1] Rashidun Caliphate Part of Arab conquest of Persia [ citation needed ]",
                ),
            ],
            [("N", "Siege of Isfahan (1387) 1387 Isfahan 70,000 Timurid Empire [2] [3]")],
            [("N", "1903 Isfahan anti-Baháʼí riots 1903 Isfahan UnknownCrowds")],
            [("N", "1910 Shiraz blood libel 30 October 1910 Shiraz 12Angry mobsAnti-Jewish pogrom")],
            [
                (
                    "N",
                    "Ottoman genocide of Assyrians during the Persian Campaign 1914–1918North-west Iran 12,000 Ottoman Empire According to The New York Times [4]",
                ),
            ],
            [("N", "Simko Shikak revolt (1918–1922) 1918 to 1922North-Western Iran5,000")],
            [("N", "Cinema Rex fire 19 August 1978 Abadan 470Unknown")],
            [
                (
                    "E",
                    "Black Friday 8 September 1978 Tehran 88–4,000State flag of Iran (1964-1980).svg Imperial Army of Iran",
                ),
            ],
            [
                (
                    "N",
                    "Haft-e Tir bombing 28 June 1981Tehran74 MEK 74 people are killed in a bombing targeting a meeting of leaders of the Islamic Republican Party at the party's headquarters",
                ),
            ],
            [
                (
                    "N",
                    "1981 Iranian Prime Minister's office bombing 30 August 1981Tehran8 Masoud Keshmiri (agent of MEK)",
                )
            ],
            [
                (
                    "N",
                    "Chemical bombing of Sardasht 28 June 1987 Sardasht, West Azerbaijan 130 Flag of Iraq (1963-1991); Flag of Syria (1963-1972).svg Iraq Iraq dropped mustard gas bombs on Sardasht, West Azerbaijan, In two separate bombing runs on four residential areas, the attack killed 130 people and injured 8,000",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "1978-09-08", F)],
        [],
        "A table of massacres whose cells the copy glued together (death tolls glued to places and perpetrators: 'Tehran74 MEK 74', '12Angry mobs', '470Unknown'). One row is a protest: Black Friday, 8 September 1978 in Tehran, the Imperial Army's shooting of demonstrators (excessive force; E; its '88–4,000' dead are that event's own account, no claim, and the flag's file name '(1964-1980)' is no count). Every other row is a conquest, a pogrom, riots against Baháʼís, a genocide, a revolt, a cinema fire, bombings or a chemical attack: no protest event and no protest tally (N), however many dead they count; 'forty days' is a span, the years are no counts.",
    ),
    (
        "real-en-1110",
        "en",
        None,
        "Iranian Green Movement",
        WIKI_GREEN_GRAVY,
        WP,
        f"“Iranian Green Movement”, Wikipedia, {WIKI_GREEN} (an older revision's lead and the start of “Development of the Green Movement”, read from the copy {WIKI_GREEN_GRAVY}; cut before a sentence the copy broke off)",
        [
            [
                (
                    "N",
                    "The Iranian Green Movement (Persian: جنبش سبز ایران) or Green Wave of Iran (Persian: موج سبز ایران),[1] also referred to as the Persian Awakening or Persian Spring by the western media,[2] refers to a political movement that arose after the June 12, 2009 Iranian presidential election and lasted until early 2010,[3] in which protesters demanded the removal of Mahmoud Ahmadinejad from office.",
                ),
                (
                    "N",
                    "Green was initially used as the symbol of Mir Hossein Mousavi's campaign, but after the election it became the symbol of unity and hope for those asking for annulment of what they regarded as a fraudulent election.",
                ),
                (
                    "N",
                    "Mir Hossein Mousavi and Mehdi Karroubi are recognized as political leaders of the Green Movement.[4]",
                ),
                (
                    "N",
                    "Grand Ayatollah Hossein-Ali Montazeri was also mentioned as spiritual leader of the movement.[5]",
                ),
            ],
            [
                (
                    "N",
                    "The Green Movement protests were a major event in Iran's modern political history and observers claimed that these protests were the largest since the Iranian Revolution of 1978–79.[6][7][8]",
                ),
                (
                    "C",
                    "While the protests started out as a peaceful, non-violent movement, hundreds of people were arrested and several died as protests turned more violent in the following months.",
                ),
                ("N", "The movement eventually had trouble with retaining its momentum."),
            ],
            [("N", "Development of the Green Movement[edit]")],
            [
                (
                    "N",
                    "The Green Movement spread throughout the nation as a non-violent protest movement, bringing about hope of more democratization.",
                ),
                ("N", "Protests lasted all through the fall of 2009, with big events happening on national holidays."),
                (
                    "N",
                    "On Quds Day (September 18), the anniversary of the US Embassy takeover (November 4), National Students Day (December 7th) and the day of Grand Ayatollah Montazeri's death (December 19) there were turnouts of thousands of people.[65]",
                ),
                (
                    "N",
                    "On the holy day of Ashura (December 7), the protests turned more violent as hundreds of thousands took to the streets once again, the highest turnout since June, and clashed with state security forces.",
                ),
            ],
        ],
        [],
        [],
        "The movement of 2009–2010 summed up: no town is named anywhere in the passage, so the protests on Quds Day (18 September), 4 November, Student Day (7 December), Montazeri's death (19 December) and Ashura (given by the copy as 'December 7', kept as read) are days with no place (N by the settled place-less rule, a judgment: a reader who knows the movement would put them in Tehran and other towns, but the passage does not); 'hundreds of people were arrested and several died' is a vague tally (C, no claim); 'thousands', 'hundreds of thousands' are no counts; 'the largest since … 1978–79', the years and the section heading with its '[edit]' are N.",
    ),
    (
        "real-fa-1101",
        "fa",
        None,
        "",
        VOA_FA_EDITORIAL,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_EDITORIAL} (a Voice of America editorial in Persian, 2018; the stored copy shows no title or date line; cut before a sentence the copy broke off)",
        [
            [
                (
                    "N",
                    "از زمان تظاهرات گسترده زمستان گذشته علیه جنگهای نیابتی رژیم، و فساد، و استبداد حکومت، تظاهراتی از سوی بخشهای مختلف جامعه ایران در گوشه و کنار کشور برپا شده است: زنان انزجارشان به حجاب اجباری را نشان می دهند؛ دانشجویان دانشگاهها به محکومیتهای شدید زندان برای همتایان شان اعتراض دارند؛ کامیون داران در اعتراض به افزایش هزینهها و کمی درآمد اعتصاب می کنند؛ اقلیتهای قومی ایران به تبعیضهای حکومتی اعتراض دارند؛ و دراویش گنابادی علیه سرکوب مذهبی دست به تظاهرات میزنند.",
                ),
            ],
            [
                (
                    "N",
                    'مایک پمپئو وزیر خارجه آمریکا در توئیتی اعلام کرد حقوق بشر مردم ایران باید محترم شمرده شود، و از اقدام رژیم در ماجراجوئی در خارج که "ثروت ملی را در جنگهای نیابتی در خارج هدر می دهد و در همان حال خانوادههای ایرانی سختی معیشت دارند "، ابراز انزجار کرد.',
                ),
            ],
            [
                (
                    "N",
                    'هدر نائرت سخنگوی وزارت خارجه آمریکا می گوید؛ "ما شاهد نگرانی عظیم مردم ایران در مورد نبود هر نوع پیشرفت در وضعیت اقتصادی شان بوده ایم":',
                ),
            ],
            [("N", '"بعد هم شاهد بودهایم که مردم، با انواع اعتراضها سرخوردگی شان را به نبود آزادی بیان نشان میدهند."')],
            [
                (
                    "N",
                    'در ماه مه هنگامی که مایک پمپئو برنامه استراتژی آمریکا در قبال ایران را اعلام کرد این پرسش را مطرح ساخت که "انقلاب برای مردم ایران چه ارمغانی داشته است؟"',
                ),
            ],
        ],
        [],
        [],
        "An editorial of 2018 (the story number 4468927; the copy shows no date, so published is null): protests by women, students, truckers, ethnic minorities and Gonabadi dervishes 'در گوشه و کنار کشور' since 'last winter' with no town and no day (N: a summary of the movement; the truckers' strike has no gathering), statements by Pompeo and Nauert in Washington (N). No event and no tally. The copy lost the zero-width non-joiner (جنگهای، بخشهای، بودهایم) and the text keeps that as read.",
    ),
]


def write_real11() -> None:
    """Write real_dev11.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev11", REPORTS))


if __name__ == "__main__":
    write_real11()
