"""Write the real-text set's tenth part: written blind, scored once, then retired to development (`real-dev10`).

The same rules as `write_real.py` … `write_real9.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (infobox lines, a copy's table cells and reference list, citation markers, a programme
page's player furniture, a republishing site's header, the settled place-less follow-up rule), labelled sentence by
sentence (E event, C tally, N neither) with ACLED-style events (one per place and day) and claims (count, unit,
qualifier, claimant, period, place names). A sentence the stored copy broke off is left out, and the passage is cut
before it.

This part was written **blind**: committed before the extractor first ran on it, by a helper who did not run the
extractor, the evaluation or any monitor test on it (only the format test that reads it as data). It was scored
once, as `real-blind4`, at the start of issue 16's fourteenth round (README.md, "tenth part"), and then retired to
development: it is scored as `real-dev10`, its errors are read and fixed, and its figures are development figures
since. Sources: English
Wikipedia articles (CC BY-SA 4.0; one read from a Kiwix copy, named), and Voice of America in English and Persian
(works of the United States government, public domain; one read from a site that republished it, named). None
repeats a source of the other parts (checked against every address and article title in the other writers and
README.md). Radio Farda / RFE/RL text is not used (it is not public domain). Run this file to regenerate
`real_dev10.jsonl`. Read on 8 December 2026.
"""

# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, WP, F, I, P, RealReport, V, cl, ev, jal, write_part

WIKI_KHUZESTAN_2011 = "https://en.wikipedia.org/wiki/2011_Khuzestan_protests"
WIKI_KHUZESTAN_2018 = "https://en.wikipedia.org/wiki/2018_Khuzestan_protests"
WIKI_KHUZESTAN_2018_KIWIX = "https://wiki.inamatrix.xyz/content/wikipedia_en_all_maxi_2022-05/A/2018_Khuzestan_protests"
VOA_TEACHERS = "https://voa.pangea-cms.com/preview/en-US/a/iranian-security-forces-beat-arrest-teachers-at-tehran-protest/4389249.html"
WIKI_NAJAFI = "https://en.wikipedia.org/wiki/Death_of_Hadis_Najafi"
WIKI_PIRFALAK = "https://en.wikipedia.org/wiki/Killing_of_Kian_Pirfalak"
WIKI_STUDENT_DAY = "https://en.wikipedia.org/wiki/Student_Day_(Iran)"
WIKI_SHAKARAMI = "https://en.wikipedia.org/wiki/Killing_of_Nika_Shakarami"
WIKI_ESMAILZADEH = "https://en.wikipedia.org/wiki/Death_of_Sarina_Esmailzadeh"
WIKI_SHEKARI = "https://en.wikipedia.org/wiki/Execution_of_Mohsen_Shekari"
VOA_FA_NAQADEH = "https://ir.voanews.com/episode/naghadeh-farmers-protest-34143"
VOA_FA_BLACKOUT_COPY = "https://usa-iran.com/?p=26706"
VOA_FA_LABOUR_DAY_TALK = "https://ir.voanews.com/episode/rwzjhany-kargr-92207"

KARAJ = ("Karaj", "IR-30")

REPORTS: list[RealReport] = [
    (
        "real-en-1001",
        "en",
        None,
        "2011 Khuzestan protests",
        WIKI_KHUZESTAN_2011,
        WP,
        f"“2011 Khuzestan protests”, Wikipedia, {WIKI_KHUZESTAN_2011} (infobox, lead, background and the start of the history; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: 2011 Khuzestan protests")],
            [("N", "- Partof: the Khuzestan conflict, the 2011–12 Iranian protests and the Arab Spring")],
            [("N", "- Place: Ahvaz, Iran")],
            [("N", "- Date: 15–18 April 2011")],
            [("N", "- Status: Unrest quelled")],
            [("N", "- Methods: demonstrations, riots")],
            [("N", "- Side1: Iranian Arabs")],
            [("N", "- Side2: Iranian Government")],
            [("N", "- Leadfigures2: Ali Khamenei, Supreme Leader of Iran Mahmoud Ahmadinejad, President of Iran")],
            [("N", "- Injuries: dozens")],
            [("N", "- Fatalities: 12–15 protesters killed, 1 security officer killed")],
            [("N", "- Arrests: hundreds arrested")],
            [
                (
                    "E",
                    "The 2011 Khuzestan protests, known among protesters as the Ahvaz Day of Rage, relates to violent protests, which erupted on 15 April 2011 in Khuzestan province, to mark an anniversary of the 2005 Ahvaz unrest, and as a response to the regional Arab Spring.",
                ),
                (
                    "E",
                    "The protests lasted for 4 days and resulted in 12 to 15 protesters killed and many wounded and arrested.",
                ),
                ("E", "1 security officer was killed as well, and another wounded."),
                (
                    "N",
                    "Crackdown on Arab political opposition in the area continued since with arrests and executions.",
                ),
            ],
            [("N", "==Background==")],
            [
                (
                    "N",
                    "The Iranian Embassy Siege of 1980 in London was initiated by an Arab separatist group as an aftermath response to the regional crackdown in Khuzestan, after the 1979 uprising.",
                ),
                (
                    "N",
                    "Initially it emerged the terrorists wanted autonomy for Khuzestan; later they demanded the release of 91 of their comrades held in Iranian jails.",
                ),
            ],
            [
                (
                    "N",
                    "The latest developments of this conflict erupted in the recent decade, when a large scale violent unrest took place in April 2005 and consequently a series of bombings was carried out in Ahvaz and other cities in Iran, blamed upon Sunni Arab separatist groups of Ahvaz.",
                ),
            ],
            [("N", "==History==")],
            [
                (
                    "N",
                    'It is believed that initial calls for the protest were prompted by "a leaked secret government strategy to try to change the demographic chart of Ahwaz and make ethnic Arab residents a minority", when they are currently the majority ethnic group in the Khuzestan province.',
                ),
            ],
        ],
        [ev("Ahvaz", "IR-06", "2011-04-15", V)],
        [],
        "The 'Ahvaz Day of Rage': one event on the day the text names (15 April 2011; 'lasted for 4 days' names no other day), placed in Ahvaz by the infobox's 'Place: Ahvaz, Iran' although the lead's sentence says only 'Khuzestan province' (a judgment; a reader could put it at province level); violent protests and riots (violent demonstration, as the 2005 Ahvaz unrest in real-en-303); the deaths, wounded and arrests are that event's own account, so no claims and the infobox lines are N (the precedent of real-en-010 and real-en-303), the lead sentences telling them are E; the 1980 embassy siege in London, the 91 jailed comrades, the 2005 unrest and bombings are history (N); the crackdown 'since' sums up (N).",
    ),
    (
        "real-en-1002",
        "en",
        None,
        "2018 Khuzestan protests",
        WIKI_KHUZESTAN_2018_KIWIX,
        WP,
        f"“2018 Khuzestan protests”, Wikipedia, {WIKI_KHUZESTAN_2018} (the May 2022 revision, read from the Kiwix copy {WIKI_KHUZESTAN_2018_KIWIX}: the infobox as table cells, the timeline's text lost under its heading, the reference list and the copy's licence line)",
        [
            [
                (
                    "E",
                    "The 2018 Khuzestan protests, that are dubbed “the Uprising of Dignity”,[4][5] were a series of protests by Iranian Arabs located in the Khuzestan province of Iran.[6]",
                ),
                (
                    "E",
                    "The protests started on 28 March 2018, and were against discrimination towards the ethnic Arab minority.[7][8]",
                ),
            ],
            [("N", "2018 Khuzestan protests | |||")],
            [("N", "---|---|---|---|")],
            [("N", "Part of 2017–2018 Iranian protests and Khuzestan conflict | |||")],
            [("N", "Date | 28 March 2018 | ||")],
            [("N", "Location | ![]() | ||")],
            [("N", "Caused by | Discrimination against Iranian Arab minority | ||")],
            [("N", "Methods | Demonstrations, riots | ||")],
            [("N", "Status | ceased | ||")],
            [("N", "Parties to the civil conflict | |||")],
            [("N", "| |||")],
            [("N", "Lead figures | |||")],
            [("N", "| |||")],
            [("N", "Casualties | |||")],
            [("C", "Death(s) | 0[1]-1[2] | ||")],
            [("C", "Injuries | 11[1] | ||")],
            [("C", "Arrested | 200[3] |")],
            [("N", "Timeline")],
            [("N", "Arrests")],
            [("C", "Up to 140 people were arrested by the security forces in April 2018.[9]")],
            [("N", "References")],
            [("N", '- "Gunfire and clashes amid protests over water scarcity in Iran".')],
            [
                (
                    "N",
                    '- "UNPO: Ahwazi: Khuzestan Peaceful Protests over Safe Drinking Water Met with Violence and Arrests".',
                )
            ],
            [("N", "- http://www.dw.com/fa-ir/حدود-۲%DB%B0%DB%B0-نفر-در-ناآرامیهای-اهواز-دستگیر-شدهاند/av-43273316")],
            [
                (
                    "N",
                    '- "ASMLA chief says Ahwazi uprising threw Mullah regime into dilemma". The Baghdad Post. 2 April 2018.',
                )
            ],
            [
                (
                    "N",
                    '- "Ahwazi Intifada: March against racism continues spreading". Ahwaz Monitor: Information Centre. 31 March 2018.',
                )
            ],
            [("N", '- "ANALYSIS: As Ahwaz protests, downward spiral continues in Iran". Alarabiya. 5 April 2018.')],
            [("N", '- "26 arrested in major protest by Arab nationality residents in Ahwaz, Iran". 30 March 2018.')],
            [("N", '- "Fuelling the fire". Daily Star. 3 April 2018.')],
            [("N", '- "Iran: At least 140 Arab protesters against discrimination arrested in Ahwaz". 2 April 2018.')],
            [
                ("N", "This article is issued from Wikipedia."),
                ("N", "The text is licensed under Creative Commons - Attribution - Sharealike."),
                ("N", "Additional terms may apply for the media files."),
            ],
        ],
        [ev(None, "IR-06", "2018-03-28", P)],
        [
            cl(11, "injured", period="2018 Khuzestan protests"),
            cl(200, "arrested", period="2018 Khuzestan protests"),
            cl(140, "arrested", period="April 2018"),
        ],
        "A Kiwix copy whose timeline lost its text (the heading 'Timeline' stands alone, so Ahvaz, where the protests began, is named nowhere but in the reference titles): the series of protests 'in the Khuzestan province' starting on 28 March 2018 is one province-level event on that day (a judgment: the lead names the movement and its province, the next sentence its first day; peaceful, as nothing is told of that day); the infobox's tallies, glued to table cells and citation markers, are the movement's over days and towns, so claims (11 injured, 200 arrested; 'Death(s) | 0[1]-1[2]' is C but gives no one count, so no claim, a judgment) and 'Up to 140 … in April 2018' a claim with no qualifier (as “Up to 5” in real-en-308); the reference list and the Kiwix licence line are page furniture (N), even the reference titles that tell arrests in Ahwaz ('26 arrested …', 'At least 140 … arrested') and the Persian DW address with '۲00' in it.",
    ),
    (
        "real-en-1003",
        "en",
        None,
        "",
        VOA_TEACHERS,
        VOA,
        f"Voice of America, “Iranian Security Forces Beat, Arrest Teachers at Tehran Protest” (the address's words; the stored copy, a preview page, shows neither title nor date line), {VOA_TEACHERS} (cut before a sentence the copy broke off)",
        [
            [
                (
                    "E",
                    "Organizers of a teachers' protest in the Iranian capital, Tehran, say security forces have violently broken up their rally, beating up some of the demonstrators and arresting at least six of them.",
                ),
            ],
            [
                (
                    "E",
                    "Dozens of retired and practicing teachers attended Thursday's protest outside the Iranian government's planning and budget organization building in Tehran.",
                ),
                (
                    "N",
                    "It was one of several rallies around the country organized by the Coordinating Council of Iranian Teacher Trade Associations to protest what it says are poor salaries for teachers and insufficient funding of the public education system as a whole.",
                ),
            ],
            [
                (
                    "E",
                    "The teachers association of Tehran reported that Iranian security forces used force to break up the rally, beating several protesters including women.",
                ),
                (
                    "E",
                    "A member of the association, Sedighe Pakzamir, tweeted the names of six education activists who she said were arrested.",
                ),
                (
                    "E",
                    "Iran's Human Rights Activist News Agency quoted the Tehran association as saying the number of those detained was at least 15.",
                ),
            ],
            [("N", "No other reports of violence")],
            [
                (
                    "E",
                    "VOA sister network RFE/RL's Radio Farda said Thursday's education protests also were held in Divandarreh, Isfahan, Kazeroun, Kermanshah, Mamasani county, Marivan, Qorveh, Sari, Shiraz and Tabriz.",
                ),
                ("E", "But there were no immediate reports of violence or arrests at those demonstrations."),
            ],
            [
                (
                    "N",
                    "The demonstrators also denounced the privatization of state-run schools, saying the Iranian government should invest more in the public school sector that provides free education for all children.",
                ),
                (
                    "N",
                    "The lack of investment has driven many public school teachers to take up jobs at private schools to supplement their incomes.",
                ),
                ("N", "The teachers associations say that reduces the quality of teaching in the state sector."),
            ],
            [
                (
                    "N",
                    "Iran has seen frequent eruptions of public protests drawing dozens to hundreds of people around the country since December.",
                ),
                (
                    "N",
                    "Many have been fueled by anger toward local and national officials and business owners accused of mismanagement, corruption and suppressing freedoms.",
                ),
            ],
        ],
        [
            ev("Tehran", "IR-23", None, I, "teachers", 10),
            ev("Divandarreh", "IR-12", None, P, "teachers"),
            ev("Isfahan", "IR-10", None, P, "teachers"),
            ev("Kazerun", "IR-07", None, P, "teachers"),
            ev("Kermanshah", "IR-05", None, P, "teachers"),
            ev(None, "IR-07", None, P, "teachers"),
            ev("Marivan", "IR-12", None, P, "teachers"),
            ev("Qorveh", "IR-12", None, P, "teachers"),
            ev("Sari", "IR-02", None, P, "teachers"),
            ev("Shiraz", "IR-07", None, P, "teachers"),
            ev("Tabriz", "IR-03", None, P, "teachers"),
        ],
        [],
        "Teachers' rallies on one Thursday (10 May 2018 by the story's number, but the stored preview has no date line, so published and every date are null): Tehran, outside the planning and budget organization, broken up with beatings and arrests (intervention; 'Dozens': crowd low 10, a judgment); its arrests ('at least six', 'six', 'at least 15') are that event's own account, so no claims, and the sentences telling them are E; ten more places from Radio Farda, one event each, peaceful ('no immediate reports of violence'): 'Kazeroun' is Kazerun; 'Mamasani county' is a county of Fars, given at province level (city null, a judgment: its seat, Nurabad, is named nowhere); the place-less sentence after the list is E as a follow-up about those events; the demands and 'one of several rallies around the country' place nothing (N); 'frequent eruptions … since December' sums up (N); the section heading is N.",
    ),
    (
        "real-en-1004",
        "en",
        None,
        "Death of Hadis Najafi",
        WIKI_NAJAFI,
        WP,
        f"“Death of Hadis Najafi”, Wikipedia, {WIKI_NAJAFI} (infobox, lead, background and the start of “Death”; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Murder of Hadis Najafi")],
            [("N", "- Native Name Lang: fa")],
            [("N", "- Date: 21 September 2022")],
            [("N", "- Location: Mehrshahr, Alborz province, Iran")],
            [("N", "- Reported Deaths: Hadis Najafi")],
            [("N", "- Burial: Behesht-e Sakineh")],
            [
                (
                    "E",
                    "Hadis Najafi (حدیث نجفی; January 5, 2000 – September 21, 2022) was an Iranian woman who was murdered after being shot in Mehrshahr, Karaj, during the 2022 Iranian protests following the death of Mahsa Amini.",
                ),
                (
                    "N",
                    "Her death has been widely reported in international media, and like Amini before her, Najafi also became a symbol of female empowerment and the ongoing protests against the Iranian government.",
                ),
            ],
            [("N", "== Background ==")],
            [
                ("N", "Hadis Najafi was born in Karaj on 5 January 2000."),
                ("N", "She was the fourth child of the family, having three older sisters and one younger brother."),
                ("N", "Her parents were born in Mianeh in the East Azerbaijan province and were Iranian Azerbaijanis."),
                (
                    "N",
                    "Najafi had a diploma in fashion design and worked as a cashier at a restaurant in Mehrshahr, Karaj.",
                ),
            ],
            [
                (
                    "N",
                    "Najafi had joined the Mahsa Amini protests of September 2022, which were sparked by the death of Mahsa Amini, who died due to injuries while in police custody.",
                ),
                (
                    "N",
                    "Amini was accused by police of violating the mandatory hijab law, and related demonstrations have shown wide support for increasing women's rights in Iran.",
                ),
                ("N", "Najafi participated in protests in Karaj."),
                (
                    "N",
                    "Najafi had no known prior engagement in activist causes and had not previously spoken openly on women's rights in Iran.",
                ),
                (
                    "N",
                    'On the night of 21 September, she sent a video to a friend in which she said "I like to think that when I think about this a few years later I\'ll be pleased I joined the protest."',
                ),
                ("N", "She left her house around thirty minutes before she was killed."),
            ],
            [("N", "== Death ==")],
            [
                (
                    "E",
                    "Hadis Najafi is reported to have been shot on Eram Boulevard in Mehrshahr, Karaj, on 21 September 2022, around 8 pm.",
                ),
                ("E", "She was reportedly shot at least six times in the face, hand, neck, abdomen and heart."),
                ("E", "According to her family, she had been hit by at least twenty bullets."),
            ],
        ],
        [ev(*KARAJ, "2022-09-21", F)],
        [],
        "One protester shot dead during the protests in Mehrshahr, a district of Karaj (the town is Karaj), on 21 September 2022 (the infobox, the lifespan and 'Death' give the day): force at a protest (excessive force: live fire, a death), one event whose one death is its own account; the lead sentence and the account of the shooting are E; 'at least six times', 'at least twenty bullets' count shots, not people (no claims); her background, her joining the movement and 'participated in protests in Karaj' with no day are about her, not an event told (N, a judgment: a reader could make an undated Karaj event of it); the video to a friend and leaving home are N.",
    ),
    (
        "real-en-1005",
        "en",
        None,
        "Killing of Kian Pirfalak",
        WIKI_PIRFALAK,
        WP,
        f"“Killing of Kian Pirfalak”, Wikipedia, {WIKI_PIRFALAK} (infobox, lead, “Incident” and the start of “Attribution of blame”; cut before a sentence the copy read broke off)",
        [
            [("N", "Kian Pirfalak")],
            [("N", "- Born: 11 June 2013")],
            [("N", "- Nationality: Iranian")],
            [
                (
                    "E",
                    "Kian Pirfalak (کیان پیرفلک; 11 June 2013 – 16 November 2022) was an Iranian nine-year-old boy who was killed in Izeh during the crackdown on the Mahsa Amini protests.",
                ),
                (
                    "E",
                    "He was shot by government security forces while sitting in his parents' vehicle during the attack on Izeh market.",
                ),
                ("E", "His father, Meysam Pirfalak, was critically injured in the assault and was hospitalized."),
            ],
            [
                (
                    "N",
                    "Pirfalak's mother and other family members who witnessed the incident blame the attack on Iranian security forces.",
                ),
                (
                    "N",
                    "Islamic Republic news agencies, including IRNA, initially blamed Pirfalak's death on ISIS terrorists, circulating a statement attributed to the group claiming responsibility for the shooting.",
                ),
                ("N", "BBC Monitoring, however, investigated the statement and concluded that it was fake."),
            ],
            [
                (
                    "N",
                    "Pirfalak's death sparked nationwide outrage against the government and its use of extreme lethal force against protestors.",
                ),
                (
                    "N",
                    "He is thought to be the youngest victim of the government suppression of protests in the wake of the death of Mahsa Amini.",
                ),
            ],
            [
                (
                    "N",
                    "In 2023, the Supreme Court of the Islamic Republic of Iran issued a death sentence for Abbas Mujahed Kurkur after he was tortured in prison and they obtained a forced confession.",
                ),
            ],
            [("N", "== Incident ==")],
            [
                (
                    "E",
                    "On 16 November 2022, during the crackdown on the Mahsa Amini protests in the city of Izeh, there was an armed attack on Izeh the market by government security forces.",
                ),
                (
                    "E",
                    "Nine-year-old Kian Pirfalak, who was sitting in his parents' vehicle, was shot by government security forces during the attack.",
                ),
                ("E", "His father, Meysam Pirfalak, was also critically injured in the assault and was hospitalized."),
                (
                    "E",
                    "Kian Pirfalak was among the seven people who died during the attack, as were two teenagers, Artin Rahmani and Sepehr Maghsoodi (who was shot in the head).",
                ),
            ],
            [("N", "== Attribution of blame ==")],
            [
                (
                    "N",
                    "Pirfalak's mother and other family members who witnessed the incident blame the attack on Iranian security forces.",
                ),
            ],
        ],
        [ev("Izeh", "IR-06", "2022-11-16", F)],
        [],
        "The crackdown on the protests in Izeh on 16 November 2022 (the lifespan and 'Incident' give the day): security forces' armed attack at the market during the protests, a boy and six others dead (excessive force), one event; 'the seven people who died during the attack' is that event's own account, so no claim, and the sentences telling the shooting, the father's wounds and the dead are E (the lead's place-less follow-ups too, by the settled rule); blame, the claim by IRNA, BBC Monitoring's finding, nationwide outrage, 'youngest victim' and one man's death sentence are N; the infobox lines and headings are N. The copy's 'the attack on Izeh the market' is kept as read.",
    ),
    (
        "real-en-1006",
        "en",
        None,
        "Student Day (Iran)",
        WIKI_STUDENT_DAY,
        WP,
        f"“Student Day (Iran)”, Wikipedia, {WIKI_STUDENT_DAY} (an older revision as stored, with its navigation lines and infobox glued to its labels; cut before the reference list)",
        [
            [("N", "From Wikipedia, the free encyclopedia")],
            [("N", "Jump to navigation Jump to search")],
            [("N", "16 Azar incident")],
            [("N", "Part of Constitutionalization attempts in Iran")],
            [("N", "Date7 December 1953")],
            [("N", "Caused byOpposition to American vice president Richard Nixon's impending visit to Iran")],
            [("N", "MethodsStudent strike, student riot")],
            [("N", "Resulted inProtests suppressed")],
            [("N", "Parties to the civil conflict")],
            [
                (
                    "E",
                    "Student Day (Persian: روز دانشجو) is the anniversary of the murder of three students of University of Tehran on December 7, 1953 (16 Azar 1332 in the Iranian calendar) by Iranian police in the Pahlavi era.[2]",
                ),
                ("N", "Every year there are local demonstrations at many universities organised by students."),
                (
                    "N",
                    "The government also organises a national demonstration which sometimes clashes with student organised protests.",
                ),
                ("N", "The 2016 date is December 6.[3]"),
            ],
            [
                (
                    "N",
                    "It is commemorated by various sections of the student movement in Iran, including Leftist, Islamic, and Nationalist groups.",
                ),
                (
                    "E",
                    "Ahmad Ghandchi who belonged to Jebhe-e Melli (Nationalist Front) and two other students, Shariat-Razavi and Bozorg-Nia who were claimed by Hezb-e Tudeh (a communist Party), were killed when the Shah's police forces opened fire on the students of University of Tehran going on strike in protest at the resumption of Iran's relations with Great Britain and Richard Nixon's visit to Iran, following the coup d'état of 1953.[4]",
                ),
                (
                    "N",
                    "On the anniversary of Student Day in 2009, large student protests broke out in opposition to the 2009 Iranian Presidential election.",
                ),
            ],
            [
                (
                    "N",
                    'Following the December 7, 2009 Student Day protests in Iran, Heshmat Tabarzadi published an opinion piece in the Wall Street Journal, writing, "One thing is certain: Dec. 7 proved that the movement for a free, democratic Iran is robust and only growing in strength.',
                ),
                (
                    "N",
                    "If the government continues to opt for violence, there very well may be another revolution in Iran.",
                ),
                ("N", "One side has to step down."),
                ("N", 'And that side is the government—-not the people."[5]'),
            ],
        ],
        [ev("Tehran", "IR-23", "1953-12-07", F, "students")],
        [],
        "The 16 Azar incident: students of the University of Tehran on strike in protest, fired on by police, three killed, on 7 December 1953 (the town from the university's name; excessive force); the lead sentence telling the three students' murder that day is E (what happened at the event), as is the sentence telling the shooting; 'three' is that event's own account (no claim); yearly demonstrations 'at many universities', the government's national demonstration and the 2016 date are N; the 2009 anniversary protests name no town (N, 'in Iran'); an opinion piece quoted over four sentences is N; the navigation lines and the infobox glued to its labels ('Date7 December 1953') are N.",
    ),
    (
        "real-en-1007",
        "en",
        None,
        "Killing of Nika Shakarami",
        WIKI_SHAKARAMI,
        WP,
        f"“Killing of Nika Shakarami”, Wikipedia, {WIKI_SHAKARAMI} (infobox, lead and the start of the background; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Death of Nika Shakarami")],
            [("N", "- Native Name Lang: fa")],
            [("N", "- Date: 20 September 2022")],
            [("N", "- Location: Tehran, Iran")],
            [("N", "- Burial: Hayat ol Gheyb")],
            [("N", "- Suspects: Iranian security forces")],
            [
                (
                    "N",
                    "On 20 September 2022, 16-year-old Iranian girl Nika Shakarami (نیکا شاکرمی) vanished in Tehran during the 2022 Iranian protests following the death of Mahsa Amini.",
                ),
                (
                    "N",
                    "She was allegedly abducted, tortured, and sexually assaulted by several agents of the Islamic Revolutionary Guard Corps and ultimately killed.",
                ),
                (
                    "N",
                    "After her body was identified by her family, they planned to bury her in Khorramabad, but the body was allegedly stolen by Iranian authorities and instead buried in Hayat ol Gheyb, reportedly to exercise leverage over her family and to avoid a funeral procession which could cause further protests.",
                ),
            ],
            [
                (
                    "N",
                    "The Iranian authorities denied wrongdoing, spread several contradictory stories concerning her fate, and allegedly coerced some of her family members to support these narratives.",
                ),
                (
                    "N",
                    "Shakarami's death and the attempts of government suppression regarding information on her fate was widely publicized in international media and further fanned the ongoing protests.",
                ),
            ],
            [
                (
                    "N",
                    "Her official cause of death by Islamic republic was later described as blunt force trauma in a Behesh-e Zahra document.",
                ),
                (
                    "N",
                    "An Iranian document leaked to the BBC in 2024 concluded that Shakarami was killed by security forces that had taken her captive, after she fought back while being sexually assaulted by her captors.",
                ),
            ],
            [
                (
                    "N",
                    "Shakarami, Sarina Esmailzadeh and Hadis Najafi, according to media sources, became the new faces of the ongoing protests in Iran, and their pictures appeared on posters, that were secretly plastered on the walls in Iranian cities.",
                ),
            ],
            [("N", "== Background ==")],
            [
                ("N", "Nika Shakarami was born on 2 October 2005 in Khorramabad, Lorestan province, to a Lur family."),
                ("N", "Little is publicly known of her background."),
                (
                    "N",
                    "She had family ties to Khorramabad in southwestern Iran, the city having been her father's hometown.",
                ),
            ],
        ],
        [],
        [],
        "No event: a girl who vanished in Tehran 'during the 2022 Iranian protests' and was killed in custody (a disappearance and a killing away from any gathering this copy tells; the copy never says she was at a protest that day, so N, a judgment); a burial moved to avoid a procession that 'could cause further protests' (a fear, no event); posters in 'Iranian cities' place nothing; the leaked document and the official cause of death are N; Khorramabad is her birthplace.",
    ),
    (
        "real-en-1008",
        "en",
        None,
        "Death of Sarina Esmailzadeh",
        WIKI_ESMAILZADEH,
        WP,
        f"“Death of Sarina Esmailzadeh”, Wikipedia, {WIKI_ESMAILZADEH} (infobox, lead and the start of the background; cut before a sentence the copy read broke off)",
        [
            [("N", "Infobox")],
            [("N", "- Title: Death of Sarina Esmailzadeh")],
            [("N", "- Native Name Lang: fa")],
            [("N", "- Location: Mehrshahr, Alborz province, Iran")],
            [("N", "- Reported Deaths: Sarina Esmailzadeh")],
            [("N", "- Burial: Behesht-e Sakineh")],
            [
                (
                    "E",
                    "On 23 September 2022, Iranian teenager Sarina Esmailzadeh (سارینا اسماعیلزاده) died of severe beating on the head by security forces during the Mahsa Amini protests in Karaj, Alborz province, Iran, according to human rights organizations.",
                ),
                ("N", "She was 16 years old."),
            ],
            [
                (
                    "N",
                    "The local Justice Department denied any responsibility for her death, claiming that she died by suicide after jumping from the rooftop of a building, and similar claims were made by the authorities about 16-year-old Nika Shakarami who had also attended the protests and died under suspicious circumstances.",
                ),
            ],
            [
                (
                    "N",
                    "After their deaths, pictures of Shakarami and Esmailzadeh appeared on banners during protests and on posters in Iranian cities.",
                ),
                (
                    "N",
                    "Videos created by Esmailzadeh were shared online after her death, and hackers interrupted a government-run news broadcast in Iran with pictures of Esmailzadeh and other women killed during the protests.",
                ),
            ],
            [("N", "== Background ==")],
            [
                ("N", "Sarina Esmailzadeh was born in 2006."),
                (
                    "N",
                    "Her father died when she was a child and she was raised by her mother and had an older brother.",
                ),
                (
                    "N",
                    "She attended a high school in Karaj for gifted students, and could speak English and French in addition to her native Persian.",
                ),
            ],
            [
                (
                    "N",
                    "Esmailzadeh was also a YouTuber who created videos with her talking about topics such as music, food, and school, as well as restrictions on women in Iran.",
                ),
                (
                    "N",
                    'In one of her videos, after finishing school exams, she stated "Nothing feels better than freedom".',
                ),
                (
                    "N",
                    "In a YouTube video posted on May 22, she talked about restrictions on women in Iran and a need for freedom.",
                ),
                (
                    "N",
                    "In another video, she said, \"We're not like the previous generation 20 years ago who didn't know what life was like outside Iran.\"",
                ),
            ],
        ],
        [ev(*KARAJ, "2022-09-23", F)],
        [],
        "A girl beaten to death by security forces during the protests in Karaj on 23 September 2022 (the lead's day; other sources say 22 September, the text is followed): excessive force (a death by beating), one event, its one death its own account; her age, the denial, banners and posters 'in Iranian cities', hackers and her videos are N; 'May 22' dates a video, '20 years ago' and '16 years old' are no counts.",
    ),
    (
        "real-en-1009",
        "en",
        None,
        "Execution of Mohsen Shekari",
        WIKI_SHEKARI,
        WP,
        f"“Execution of Mohsen Shekari”, Wikipedia, {WIKI_SHEKARI} (infobox, lead and “Reported crime”; cut before a sentence the copy read broke off)",
        [
            [("N", "Mohsen Shekari")],
            [("N", "- Birth Date: 2000-02-24")],
            [("N", "- Death Date: 2022-12-08")],
            [("N", "- Death Cause: Execution by hanging")],
            [("N", "- Known For: First execution in Iran as a direct result of the Mahsa Amini protests")],
            [("N", "- Criminal Status: Executed")],
            [("N", '- Criminal Charge: Moharebeh ("waging war against God")')],
            [("N", "- Criminal Penalty: Death")],
            [("N", "- Nationality: Iranian")],
            [
                (
                    "N",
                    'Mohsen Shekari (محسن شکاری; 24 February 2000 – 8 December 2022) was a 22-year-old Iranian man who was executed by the state of Iran after being convicted of injuring a member of Iran\'s Basij militia and being accused of Moharebeh, an Arabic word translating to "waging war against God".',
                ),
            ],
            [
                (
                    "N",
                    "Shekari's death was the first known state-sanctioned execution to have occurred as a direct result of the 2022 Mahsa Amini protests.",
                ),
                (
                    "N",
                    "His execution drew immediate condemnation from human rights organizations who expressed concerns that Shekari's execution, as well as the subsequent execution of Majidreza Rahnavard four days later, would catalyze a rash of state executions of protesters.",
                ),
            ],
            [("N", "== Reported crime ==")],
            [
                (
                    "E",
                    "On 25 September 2022, Shekari attended a protest against the death of Mahsa Amini in Tehran, Iran's capital city.",
                ),
                (
                    "E",
                    "During the protest, Iranian authorities asserted that he blocked or closed off a main road in Tehran, Sattar Khan Street, and wounded a member of the Basij militia, which had been sent in to quell the protests, with a machete.",
                ),
                (
                    "E",
                    "The militiaman required 13 stitches in his left shoulder as a result of the injury, according to the Iranian Student News Agency.",
                ),
            ],
            [
                (
                    "E",
                    "Shekari's family has disputed the Iranian authorities' version of events and claimed that Shekari used non-violent means to separate protestors and security forces.",
                ),
                (
                    "E",
                    "Shekari's uncle, Mahmoud Shekari, told reporters that after witnessing security forces attacking protestors, Shekari had removed a guardrail and placed it in the middle of the street to block off the area.",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "2022-09-25", V)],
        [],
        "One protest in Tehran on 25 September 2022 (Sattar Khan Street): a road blocked and, by the authorities' account, a Basij militiaman wounded with a machete (violent demonstration, a judgment: the family's account has security forces attacking protesters, which would make it an intervention); the follow-ups about what happened there, both accounts, are E; one man's execution and another's four days later are single persons, not tallies (N); 'first' is an ordinal, '13 stitches' no count of people; the infobox lines (a date written 2022-12-08) are N.",
    ),
    (
        "real-fa-1001",
        "fa",
        jal(1397, 2, 22),
        "اعتراض چغندرکاران در نقده",
        VOA_FA_NAQADEH,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_NAQADEH}",
        [
            [("N", "22 اردیبهشت 1397")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "This program has ended and is being processed for playback.")],
            [
                (
                    "E",
                    "در نقده واقع در استان آذربایجان غربی کشاورزان چغندرکار در اعتراض به عدم دریافت مطالباتشان پس از ماههای متوالی پی گیری با پهن کردن سفره خالی اعتراض شان را نشان دادند.",
                ),
                (
                    "N",
                    "رشید ناصرزاده خبرنگار محلی که با کشاورزان درباره مشکلات شان گفتگو کرده است به بخش فارسی صدای آمریکا از دلایل اعتراض کشاورزان نقده گفت",
                ),
            ],
        ],
        [ev("Naqadeh", "IR-04", None, P, "farmers")],
        [],
        "A programme page of 22 Ordibehesht 1397 (12 May 2018; its date line in Latin digits, its player furniture, one line left in English): sugar-beet farmers in Naqadeh (West Azerbaijan) spreading an empty tablecloth in protest (peaceful; no day of its own, so date null: the page's day is not the protest's); 'ماه‌های متوالی' is no count; the reporter's introduction to his interview is N (it ends with no full stop, as read); the copy lost the zero-width non-joiner (ماههای, مطالباتشان) and the text keeps that as read.",
    ),
    (
        "real-fa-1002",
        "fa",
        None,
        "گسترش اعتراضات به قطع مکرر برق در ایران؛ شعار شبانه «مرگ بر خامنهای» در تهران – صدای آمریکا",
        VOA_FA_BLACKOUT_COPY,
        VOA,
        f"صدای آمریکا (VOA فارسی), as republished by {VOA_FA_BLACKOUT_COPY} (its title ends “– صدای آمریکا”; the copy shows no date line; cut before a sentence the copy broke off)",
        [
            [("N", "یو ای نیوز")],
            [
                (
                    "E",
                    "با گسترش اعتراضات به ناتوانی جمهوری اسلامی در تامین آب و برق مردم ایران، ویدیویی که به تازگی منتشر شده نشان میدهد که ساکنان منطقهای در تهران در تاریکی شب و در پی قطعی برق در گرمای تابستان، شعار «مرگ بر خامنهای» و «مرگ بر دیکتاتور» سر میدهند.",
                ),
            ],
            [("N", "این ویدیو را حساب کاربری «وحید آنلاین» به تازگی در شبکه اجتماعی ایکس منتشر کرد.")],
            [
                (
                    "E",
                    "در این ویدیو، در حالی که منطقهای مسکونی در تاریکی مطلق به سر میبرد، صدای زنان و مردانی به گوش میرسد که شعارهای ضدحکومتی از جمله «مرگ بر خامنهای» سر میدهند.",
                ),
            ],
            [("E", "فردی که این ویدیو را گرفته است میگوید که آن را در ۳۰ مرداد ۱۴۰۴ ضبط کرده است.")],
            [
                (
                    "N",
                    "این شعارها در حالی است که نخست وزیر اسرائیل، بنیامین نتانیاهو، گفته است کشورش میتواند به ایران در حل مشکل آب کمک کند.",
                ),
                (
                    "N",
                    "اما عباس علیآبادی وزیر نیروی جمهوری اسلامی، در شرایط قطع مکرر برق و آب و در پاسخ به نتانیاهو گفته است «اگر بگویم که [نخست وزیر اسرائیل] چقدر آب برای مردم خودش تامین میکند خجالت میکشد.»",
                ),
            ],
            [("N", "اسرائیل یک کشور پیشرو در عرصه فناوریهای مربوط به آب و کشاورزی است.")],
        ],
        [ev("Tehran", "IR-23", jal(1404, 5, 30), P)],
        [],
        "Residents of a Tehran district chanting anti-government slogans at night in a power cut (a peaceful protest, a judgment: chanting from a dark residential area, no gathering in a street told), dated by the videographer's '۳۰ مرداد ۱۴۰۴' (21 August 2025; the follow-ups about the same video are E by the settled rule, the one telling the day too); the account that posted the video, Netanyahu's offer, the energy minister's retort and a sentence on Israel are N; the republishing site's name line is N; the copy lost the zero-width non-joiner (خامنهای, میدهد, منطقهای) and the text keeps that as read; 'گسترش اعتراضات' places nothing.",
    ),
    (
        "real-fa-1003",
        "fa",
        jal(1394, 2, 10),
        "روزجهانی کارگر",
        VOA_FA_LABOUR_DAY_TALK,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_LABOUR_DAY_TALK}",
        [
            [("N", "10 اردیبهشت 1394")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو میشود.")],
            [
                (
                    "N",
                    "بیش از یک قرن از حوادث شیکاگو که منجر به جهانی شدن روز اول ماه می به عنوان روز کارگر شد گذشته است، اما کارگران هنوز در بسیاری از کشورها از حقوق اولیه خود محروم هستند.",
                ),
                ("N", "به نظر شما چرا کارگران ایرانی از حق تشکیل سندیکا برخوردار نیستند؟"),
                ("N", "و دولت چه نقشی می تواند در حل این مشکلات ایفا کند؟"),
            ],
        ],
        [],
        [],
        "A call-in programme page of 10 Ordibehesht 1394 (30 April 2015; its date line in Latin digits and its player furniture), a different page from real-fa-903's of the same day: Chicago's events over a century ago, workers' rights in many countries and two questions to listeners; no event and no tally ('یک قرن' a span, 'اول ماه می' a date).",
    ),
]


def write_real10() -> None:
    """Write real_dev10.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev10", REPORTS))


if __name__ == "__main__":
    write_real10()
