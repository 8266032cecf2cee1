"""Write the real-text set's ninth part: written blind, scored once, then retired to development (`real-dev9`).

The same rules as `write_real.py` … `write_real8.py` (README.md beside this file, "Real text"): passages copied as
the stored copy gave them (page furniture, captions given twice, citation markers, infobox lines, a copy's own
header, a sentence the copy broke off left out), labelled sentence by sentence (E event, C tally, N neither) with
ACLED-style events (one per place and day) and claims (count, unit, qualifier, claimant, period, place names).

This part was written **blind**: committed before the extractor first ran on it, by a helper who did not run the
extractor, the evaluation or any test on it. It was scored once, as `real-blind3`, at the end of issue 16's thirteenth
round (README.md, "ninth part"), and then retired to development: it is scored as `real-dev9`, its errors are read
and fixed, and its figures are development figures since. Sources: Voice of America in English, Persian and Dari (works of the United States government,
public domain; some read from pages that republished them, each named), and English Wikipedia articles read from
mirrors (CC BY-SA 4.0). None repeats a source of the other parts (checked against the list of sources already used,
by address and article). Run this file to regenerate `real_dev9.jsonl`.
"""

# Passages copied verbatim read best one per line, however long.
# ruff: noqa: E501

from __future__ import annotations

from evaluation.monitor.gold.write_real import VOA, WP, F, I, P, RealReport, cl, ev, jal, write_part

VOA_2009_COPY = "https://www.51voa.com/VOA_Standard_English/VOA_Standard_English_32220.html"
VOA_LIVE_BLOG_2018 = "https://www.voazimbabwe.com/a/live-blog-iran-protests-jan-6/4196727.html"
VOA_2020_COPY = "https://vistiua.com/news/2020/01/videos-third-day-of-protests-in-iranian-cities.htm"
VOA_2011_COPY = "https://www.globalsecurity.org/wmd/library/news/iran/2011/iran-110214-voa01.htm"
VOA_2021 = "https://www.voanews.com/a/middle-east_voa-news-iran_iran-protests-spread-tehran-which-sees-biggest-anti-government-march-18/6208757.html"
WIKI_CASUALTIES = "https://en.wikipedia.org/wiki/Casualties_of_the_Iranian_revolution"
WIKI_CASUALTIES_COPY = "https://wikimili.com/en/Casualties_of_the_Iranian_revolution"
WIKI_REVOLUTION = "https://en.wikipedia.org/wiki/Iranian_Revolution"
WIKI_REVOLUTION_COPY = (
    "http://the-uncensored-wiki.com:20141/2014-wikipedia_en_all_02_2014/A/html/I/r/a/n/Iranian_Revolution.html"
)
WIKI_MASSACRES = "https://en.wikipedia.org/wiki/2026_Iran_massacres"
WIKI_MASSACRES_COPY = "https://jmediawiki.org/wiki/2026_Iran_massacres"
WIKI_2019 = "https://en.wikipedia.org/wiki/2019_protests_in_Iran"
WIKI_2019_COPY = "https://wikimili.com/en/2019_protests_in_Iran"
VOA_FA_FARMERS = "https://ir.voanews.com/a/iran-farmers-protest/4340337.html"
VOA_DARI_TWELFTH_DAY = "https://www.darivoa.com/a/8101138.html"
VOA_FA_LABOUR_DAY = "https://ir.voanews.com/episode/iran-labor-day-92219"

REPORTS: list[RealReport] = [
    (
        "real-en-901",
        "en",
        "2009-06-20",
        "Thousands of Protesters Clash with Police in Tehran",
        VOA_2009_COPY,
        VOA,
        f"Voice of America, “Thousands of Protesters Clash with Police in Tehran”, 20 June 2009, as republished by {VOA_2009_COPY} (cut before a sentence the copy broke off)",
        [
            [("N", "20 June 2009")],
            [
                (
                    "N",
                    "Supporters of defeated presidential candidate Mir Hossein Mousavi shout slogans as they face riot police during demonstration in Tehran, 20 Jun 2009",
                ),
                (
                    "N",
                    "Supporters of defeated presidential candidate Mir Hossein Mousavi shout slogans as they face riot police during demonstration in Tehran, 20 Jun 2009",
                ),
            ],
            [
                (
                    "E",
                    "Iranian riot police in large numbers have clashed with thousands of protesters in the capital, Tehran.",
                ),
                (
                    "E",
                    "Witnesses tell VOA's Persian News Network that police have used tear gas, batons and water cannon in an effort to disperse thousands of demonstrators trying to stage protests against the results from the June 12 presidential election.",
                ),
                ("E", "There are unconfirmed reports of injuries."),
            ],
            [
                (
                    "E",
                    'Iranian government TV confirmed some incidents Saturday, saying police clashed with what it called "rioters" who were trying to stage, what it called , "illegal protests" against presidential election results which gave a landslide victory to President Mahmoud Ahmadinejad.',
                ),
            ],
            [
                (
                    "E",
                    "Witnesses speaking to VOA Persian News Network and other news agencies say thousands of residents were in the streets in defiance of warnings by the government.",
                ),
            ],
            [
                (
                    "N",
                    "Witnesses also report a heavy police presence, particularly around two Tehran squares where previous protests were held.",
                ),
            ],
            [("N", "Independent media coverage restricted")],
            [
                (
                    "N",
                    "Iran has severely restricted independent media coverage and video and audio coming into VOA from varied sources cannot be independently verified.",
                ),
            ],
            [
                (
                    "N",
                    "In a separate incident, Iranian state media reported Saturday that a suspected suicide bomber exploded near a shrine to the late Ayatollah Ruhollah Khomeini, the leader of the country's Islamic revolution, with at least two people hurt.",
                ),
            ],
            [("N", "National Security Council issues warning")],
            [
                (
                    "N",
                    'Earlier Saturday, Iran\'s National Security Council warned defeated presidential candidate Mir Hussein Mousavi not to hold any further public demonstrations or that he would be held "responsible for the consequences."',
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "2009-06-20", I, "", 1000)],
        [],
        "One gathering in Tehran on Saturday 20 June 2009 (the date line and the caption, given twice, say the day; the caption is N), broken up with tear gas, batons and water cannon (intervention; 'thousands': crowd low 1000); place-less follow-ups about the same clash (injuries, state TV's 'rioters', residents in the streets) are E by the settled rule; a heavy police presence alone is no gathering (N); a bombing near Khomeini's shrine with 'at least two people hurt' is no protest and no tally; a warning against demonstrations is N; 'June 12' dates the election.",
    ),
    (
        "real-en-902",
        "en",
        "2018-01-06",
        "LIVE BLOG: Iran Protests",
        VOA_LIVE_BLOG_2018,
        VOA,
        f"Voice of America, “LIVE BLOG: Iran Protests”, 6 January 2018, {VOA_LIVE_BLOG_2018} (VOA Zimbabwe's copy of VOA's live blog; cut before an entry the copy broke off)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [("N", "USA")],
            [
                (
                    "N",
                    "People demonstrate in solidarity with anti-government protests in Iran near the Iranian embassy in Paris, France, Jan. 6, 2018.",
                ),
                (
                    "N",
                    "People demonstrate in solidarity with anti-government protests in Iran near the Iranian embassy in Paris, France, Jan. 6, 2018.",
                ),
            ],
            [
                (
                    "N",
                    "1/6/218 6:04 p.m. -- Several hundred people protested against the Iranian government in Berlin on Saturday, gathering in front of the Brandenburg Gate and calling for regime change.",
                ),
            ],
            [
                (
                    "C",
                    "The rally, organized by the German wing of the National Council of Resistance of Iran, followed more than a week of unrest across Iran that has seen more than 20 people die and more than 1,000 arrested, according to Iranian officials.",
                ),
                ("N", "The anti-government protests have been the largest in the past decade."),
            ],
            [
                (
                    "N",
                    "People demonstrate in front of the Brandenburg Gate to support protests across Iran, in Berlin, Germany, Jan. 6, 2018.",
                ),
                (
                    "N",
                    "People demonstrate in front of the Brandenburg Gate to support protests across Iran, in Berlin, Germany, Jan. 6, 2018.",
                ),
            ],
            [
                (
                    "N",
                    "1/6/2018 4:43 p.m. -- Tehran University has set up a committee to track students who had been arrested during the recent anti-government protests, university Vice President Majid Sarsangi told ISNA, according to a Reuters report.",
                ),
            ],
            [
                (
                    "N",
                    '"Our efforts at the university are aimed at cooperating with the relevant authorities to create the conditions for the return of the detained students to the university and their families in the shortest possible time," Sarsangi told ISNA.',
                ),
            ],
            [
                (
                    "C",
                    "A member of parliament told Reuters that about 90 students had been detained during demonstrations -- 10 of the students have not yet been accounted for.",
                ),
            ],
            [
                (
                    "E",
                    "1/6/2018 3:13 p.m. -- This amateur video appears to show anti-government protests continuing on Friday in the capital, Tehran, where security forces were reportedly out in large numbers to prevent the gatherings from turning into a larger rally.",
                ),
                ("N", "The video was published by Radio Free Europe/Radio Liberty on Saturday."),
            ],
        ],
        [ev("Tehran", "IR-23", "2018-01-05")],
        [
            cl(20, "killed", "more than", claimant="Iranian officials", period="more than a week of unrest"),
            cl(1000, "arrested", "more than", claimant="Iranian officials", period="more than a week of unrest"),
            cl(90, "arrested", "about", claimant="A member of parliament"),
        ],
        "A live blog of Saturday 6 January 2018 (entries stamped with the time of day, one with the misprint '1/6/218'): rallies abroad (Berlin, and Paris in a caption given twice: N, no event); the week's tallies in Iran with their claimant (more than 20 dead, more than 1,000 arrested, 'according to Iranian officials'); about 90 students detained, per a member of parliament ('10 … not yet accounted for' is a part of the 90, no tally of its own); Tehran University's committee (N); protests in Tehran 'on Friday' (5 January 2018, the day before the blog's date; security forces present, no force told: peaceful).",
    ),
    (
        "real-en-903",
        "en",
        "2020-01-14",
        "Videos: Third Day of Protests in Iranian Cities",
        VOA_2020_COPY,
        VOA,
        f"Voice of America, “Videos: Third Day of Protests in Iranian Cities”, January 2020, as republished by {VOA_2020_COPY} (the copy's own header and posting line kept; the text says 'VOA could not independently verify')",
        [
            [("N", "Home  >>  Економіка  >>  Videos: Third Day of Protests in Iranian Cities")],
            [("N", "On January 14, 2020, Posted by , in Економіка, Новини, With No Comments")],
            [
                (
                    "E",
                    "The streets of Tehran turned bloody Monday, as police in riot gear confronted hundreds of protesters denouncing the government’s admission of shooting down a Ukrainian airliner, killing all 176 people on board, most of them Iranian citizens.",
                ),
            ],
            [
                (
                    "N",
                    "The protests entered a third day in several cities across the country, as anger shifted from the United States for the killing of Gen. Qassem Soleimani  on Jan. 3,  to Iran’s Islamic Revolutionary Guard Corps, which admitted its role in the downed airliner after days of denial.",
                ),
            ],
            [
                (
                    "N",
                    "Video taken by several citizen journalists across Iran showed peaceful demonstrations, as well as a bloody escalation of violence.",
                ),
            ],
            [
                (
                    "E",
                    "A citizen journalist describes the scene on a street in Tehran, “This is blood. It is people’s blood shed here. It is real blood.”",
                ),
                ("N", "VOA could not independently verify the authenticity of this content."),
            ],
            [
                ("E", "A citizen journalist captures two women wounded by pellet shots in Tehran."),
                ("E", "One confirms her injury, while the other is carried to a car by protesters."),
            ],
            [("E", "On Azadi Street, cars and protesters clogged the major artery.")],
            [("E", "Protesters on Azadi Street in Tehran chant, “You are tyrants. Don’t call us seditioners.”")],
            [("E", "Drivers honk their horns on Azadi Street in support of protesters.")],
            [("E", "Protesters on Azadi Street chant, “Security forces, support us.”")],
            [
                (
                    "E",
                    "Protesters on Azadi Street sing an Iranian resistance anthem, “Yar-e-Dabestani man (My Grade-School Friend).”",
                )
            ],
            [
                ("E", "At Sharif University of Technology in Tehran, students demand answers."),
                ("E", "“We want clarity,” they said."),
                (
                    "E",
                    "“This country is suffering from a lack of transparency. They lied to us for all these years.  … They treat us as donkeys.”",
                ),
            ],
            [("E", "West of Tehran in Kurdish Sanandaj city, police in riot gear used batons to disperse protesters.")],
        ],
        [
            ev("Tehran", "IR-23", "2020-01-13", F, "", 100),
            ev("Sanandaj", "IR-12", "2020-01-13", I),
        ],
        [],
        "Protests over the downing of flight PS752 on Monday 13 January 2020 (the copy's posting line says 14 January, a Tuesday; 'Monday' is the day before): Tehran, one event for the day however many of its streets and campuses the videos show (Azadi Street, Sharif University), with blood in the street and two women wounded by pellet shots (excessive force, a judgment: pellets are shot from firearms; 'hundreds': crowd low 100); Sanandaj, batons to disperse (intervention; no day in its own sentence, dated by the title's 'third day' and the lead's Monday, a judgment); the airliner's 176 dead are no protest tally; 'several cities across the country' and 'across Iran' place nothing (N); the copy's header and posting line (N); place-less follow-ups about the Tehran videos are E.",
    ),
    (
        "real-en-904",
        "en",
        "2011-02-14",
        "Iranian Police Fire Tear Gas at Protesters",
        VOA_2011_COPY,
        VOA,
        f"Voice of America (VOA News), “Iranian Police Fire Tear Gas at Protesters”, 14 February 2011, as republished by GlobalSecurity.org, {VOA_2011_COPY} (the copy's banner kept; cut before a sentence the copy broke off)",
        [
            [("N", "UNITED24 - Make a charitable donation in support of Ukraine!")],
            [("N", "Weapons of Mass Destruction (WMD)")],
            [("N", "VOA News February 14, 2011")],
            [
                (
                    "E",
                    "Iranian security forces have fired tear gas on Monday to disperse thousands of Iranians rallying in support of the uprisings in Tunisia and Egypt.",
                ),
            ],
            [
                (
                    "N",
                    "Witnesses say riot police, many of them on motorbikes, fanned out across central Tehran, as opposition groups vowed to rally despite the government's rejection of their request for a permit.",
                ),
            ],
            [
                (
                    "N",
                    "Security forces have deployed on the streets of Tehran and blocked off the home of an opposition leader.",
                ),
            ],
            [
                (
                    "N",
                    "Reformist leaders Mir Hossein Mousavi and Mahdi Karroubi said they called the gathering to show solidarity with uprisings that ousted authoritarian leaders in Egypt and Tunisia.",
                ),
                (
                    "N",
                    "Iranian authorities warned the reformists against proceeding with the rally, calling it a ploy to mobilize an anti-government protest and revive their Green movement.",
                ),
            ],
            [
                (
                    "N",
                    "Mousavi's website, Kaleme, says Iranian police stationed several cars outside his Tehran home Monday to prevent him and his wife, Zahra Rahnavard, from taking part in the planned gathering.",
                ),
                (
                    "N",
                    "It says authorities also cut telephone lines at Mousavi's house and severed his mobile phone connection.",
                ),
            ],
            [
                ("N", "Karroubi also has been placed under house arrest in Tehran in recent days."),
                ("N", 'Kaleme called the Iranian government\'s moves a sign of "weakness and fear."'),
            ],
            [
                (
                    "N",
                    "Mousavi and Karroubi led Iran's last major anti-government protests in 2009, mobilizing hundreds of thousands of people to protest the disputed re-election of conservative President Mahmoud Ahmadinejad that June.",
                ),
            ],
            [
                (
                    "N",
                    "Turkish President Abdullah Gul, on a visit to Tehran, called on Middle Eastern governments to listen to the demands of their people, although he did not mention Iran directly.",
                ),
            ],
            [
                (
                    "N",
                    "The two reformists ran against Mr. Ahmadinejad and accused him of rigging the vote, a charge the government denies.",
                ),
            ],
        ],
        [ev("Tehran", "IR-23", "2011-02-14", I, "", 1000)],
        [],
        "The 14 February 2011 rally ('on Monday', the report's own day), dispersed with tear gas (intervention; 'thousands': crowd low 1000): its sentence names no town, but the report is about Tehran alone (the next sentences name central Tehran), so it is E by the settled rule; riot police fanning out and deployed before the rally, a call, a warning, police outside an opposition leader's home and one man's house arrest are N; 2009's 'hundreds of thousands' is history (N); a visiting president in Tehran is no protest; the copy's banner lines (N).",
    ),
    (
        "real-en-905",
        "en",
        None,
        "Iran Protests Spread to Tehran, Which Sees Biggest Anti-Government March in 18 Months",
        VOA_2021,
        VOA,
        f"Voice of America, “Iran Protests Spread to Tehran, Which Sees Biggest Anti-Government March in 18 Months”, July 2021, {VOA_2021} (the stored copy shows no date line; cut before a sentence the copy broke off)",
        [
            [("N", "Accessibility links")],
            [("N", "Breaking News")],
            [
                (
                    "N",
                    "In this screen grab from video shared on social media, Iranians march chanting anti-government slogans on a street in central Tehran, July 26, 2021.",
                ),
                (
                    "N",
                    "In this screen grab from video shared on social media, Iranians march chanting anti-government slogans on a street in central Tehran, July 26, 2021.",
                ),
            ],
            [
                (
                    "E",
                    "A wave of antigovernment protests that began in Iran’s southwest 11 days ago has spread to the capital, Tehran, where demonstrators have marched and chanted slogans against their Islamist rulers for the first time in 18 months.",
                ),
            ],
            [
                (
                    "E",
                    "Video clips of Monday’s demonstration in central Tehran were widely shared on social media and acknowledged by the deputy governor of the Iranian capital region, Hamidreza Goudarzi.",
                ),
            ],
            [
                (
                    "E",
                    "The clips showed at least dozens of Iranians marching on Tehran’s Jomhuri Islami Avenue, or “Islamic Republic Avenue,” chanting slogans against Iranian Supreme Leader Ayatollah Ali Khamenei, the Islamist ruling system over which he presides, and his practice of using the recession-plagued nation’s wealth to pay and arm allied Islamist militias in Lebanon and the Palestinian territories.",
                ),
            ],
            [("N", "Bold chants by protesters")],
            [
                (
                    "E",
                    'The Tehran protesters’ chants included “Death to the dictator,” “Shame on Khamenei, let go of the country,” "Cannons, tanks, fireworks, mullahs must go,” and “Neither for Gaza nor Lebanon, I sacrifice my life only for Iran.”',
                ),
            ],
            [
                (
                    "E",
                    "Another social media video appeared to show protesters marching and chanting anti-government slogans on the grounds of a hospital in the northern city of Karaj on Monday.",
                ),
                ("N", "VOA could not independently verify the clip because it is barred from reporting inside Iran."),
            ],
            [
                (
                    "N",
                    "Iranian state media noted the Tehran demonstration but did not reference any of its anti-government chants.",
                ),
            ],
        ],
        [
            ev("Tehran", "IR-23", "2021-07-26", P, "", 10),
            ev("Karaj", "IR-30", "2021-07-26"),
        ],
        [],
        "The stored copy has no date line (published null); 'Monday' is dated by the caption (July 26, 2021, a Monday; the caption, given twice, is N). A march in central Tehran (one event; 'at least dozens': crowd low 10, a judgment) and a march on a hospital's grounds in Karaj, both peaceful; 'Iran's southwest 11 days ago' (Khuzestan's water protests) places nothing; state media's coverage is N; a section heading (N).",
    ),
    (
        "real-en-906",
        "en",
        None,
        "Casualties of the Iranian revolution",
        WIKI_CASUALTIES_COPY,
        WP,
        f"“Casualties of the Iranian revolution”, Wikipedia, {WIKI_CASUALTIES} (authors: Wikipedia contributors; read from the WikiMili copy {WIKI_CASUALTIES_COPY}: its 'Last updated' and 'Contents' lines, image captions with their file names; cut before a quotation the copy broke off)",
        [
            [("N", "Last updated")],
            [
                (
                    "N",
                    "Casualties of the Iranian revolution refers to those who lost their lives during the Iranian revolution.",
                ),
                ("N", "Observers differ on how many people died during the Iranian revolution."),
                (
                    "C",
                    "The current Islamic government uses the figure of 60,000 killed; in reference to this figure, the military historian Spencer C. Tucker notes that \"Khomeini's regime grossly overstated the revolution's death toll for propaganda purposes\". [1]",
                ),
                (
                    "C",
                    "The sociologist Charles Kurzman, drawing on later more detailed records from the Islamic Republic, believes the number was closer to 2,000-3,000.",
                ),
            ],
            [("N", "Contents")],
            [
                (
                    "C",
                    "Tucker explains that the consensus of historians regarding estimated deaths during the Iranian revolution (from January 1978 to February 1979), numbers between 532 and 2,781. [1]",
                ),
            ],
            [
                (
                    "C",
                    "The number of protesters and political prisoners killed after the fall of the Shah by the new Islamic Republic as it consolidated power is estimated by human rights groups to be several thousand. [2] [3] [4] [5] [6]",
                ),
                (
                    "C",
                    "According to Tucker's estimations, in the period of 1980 to 1985, between 25,000 to 40,000 Iranians were arrested, 15,000 Iranians were tried and 8,000 to 9,500 Iranians were executed. [1]",
                ),
            ],
            [("N", "Casualties of the monarchy")],
            [
                ("N", "Street clashes between protesters and Shah's regime in Tehran `trD mrdm nqlby.JPG"),
                ("N", "Street clashes between protesters and Shah's regime in Tehran"),
                ("N", "Killed protesters by Shah's regime in Tehran shhydn nqlby.JPG"),
                ("N", "Killed protesters by Shah's regime in Tehran"),
                ("N", "Iranian protesters on 5 June 1963 Khordad222.jpg"),
                ("N", "Iranian protesters on 5 June 1963"),
                ("N", "Killed protesters in Black Friday Dead Revolutionaries (17 Shahrivar).jpg"),
                ("N", "Killed protesters in Black Friday"),
            ],
            [
                (
                    "C",
                    'The Preamble of the 1979 Constitution of the Islamic Republic of Iran speaks of the Islamic revolution being "watered by the blood of more than 60,000 martyrs and 100,000 wounded and disabled". [7]',
                ),
            ],
        ],
        [],
        [
            cl(60000, "killed", claimant="The current Islamic government", period="the Iranian revolution"),
            cl(2000, "killed", "about", claimant="The sociologist Charles Kurzman", period="the Iranian revolution"),
            cl(532, "killed", claimant="the consensus of historians", period="January 1978 to February 1979"),
            cl(25000, "arrested", claimant="Tucker", period="1980 to 1985"),
            cl(8000, "executed", claimant="Tucker", period="1980 to 1985"),
            cl(100000, "injured", claimant="The Preamble of the 1979 Constitution"),
        ],
        "An article of death tolls and no event: ranges give their low end as the count (2,000-3,000; 532 and 2,781; 25,000 to 40,000; 8,000 to 9,500; 'closer to' read as about); 'several thousand' is vague (C, no claim); '15,000 … were tried' is no unit of the list; the Constitution's 'more than 60,000 martyrs' repeats the government's 60,000 (the same tally told twice, one claim, by the precedent of real-fa-401) beside its own 100,000 wounded; captions with their image file names place events of 1963 and 1978 in Tehran but are captions (N); years (1963, 1978, 1979, 1980 to 1985) are no counts.",
    ),
    (
        "real-en-907",
        "en",
        None,
        "Iranian Revolution",
        WIKI_REVOLUTION_COPY,
        WP,
        f"“Iranian Revolution”, Wikipedia, {WIKI_REVOLUTION} (authors: Wikipedia contributors; the February 2014 revision's infobox and lead, read from the Kiwix copy {WIKI_REVOLUTION_COPY}; cut before a sentence the copy broke off)",
        [
            [("N", "From Wikipedia, the free encyclopedia")],
            [
                ("N", "Iranian Revolution"),
                ("N", "(Islamic Revolution,"),
                ("N", "1979 Revolution)"),
                ("N", "انقلاب اسلامی"),
            ],
            [("N", "Protesters in Tehran, 1979")],
            [
                ("N", "Date January 1978 - February 1979"),
                ("N", "Location Iran"),
                ("N", "Causes"),
                ("N", "Goals Overthrow of the Pahlavi dynasty"),
                ("N", "Methods"),
                ("N", "Result"),
                ("N", "Parties to the civil conflict"),
                ("N", "Iran Imperial State of Iran"),
                ("N", "Supported by:"),
                ("N", "United States United States"),
                ("N", "Lead figures"),
                ("N", "Casualties"),
                ("C", "532[3]-2,781 killed in demonstrations during 1978–79[4][5]"),
            ],
            [
                (
                    "N",
                    "The Iranian Revolution (also known as the Islamic Revolution of Iran or the 1979 Revolution;[6][7][8][9][10][11] Persian: انقلاب اسلامی, Enghelābe Eslāmi or انقلاب بیست و دو بهمن) refers to events involving the overthrow of the Pahlavi dynasty under Mohammad Reza Shah Pahlavi, who was supported by the United States, and its eventual replacement with an Islamic republic under the Grand Ayatollah Ruhollah Khomeini, the leader of the revolution, supported by various leftist and Islamic organizations[12] and Iranian student movements.",
                ),
                (
                    "N",
                    "While the Soviet Union immediately recognized the new Islamic Republic, it did not actively support the revolution, initially making efforts to salvage the Shah's government.[13]",
                ),
            ],
            [
                (
                    "N",
                    "Demonstrations against the Shah commenced in October 1977, developing into a campaign of civil resistance that was religious based (with secular elements).[14][15][16] and intensified in January 1978.[17]",
                ),
                ("N", "Between August and December 1978 strikes and demonstrations paralyzed the country."),
                (
                    "N",
                    "The Shah left Iran for exile on January 16, 1979 as the last Persian monarch, leaving his duties to a regency council and an opposition based prime minister.",
                ),
                (
                    "N",
                    "The Ayatollah Khomeini was invited back to Iran by the government,[18][19] and returned to Tehran to a greeting by several million Iranians.[20][21]",
                ),
            ],
        ],
        [],
        [cl(532, "killed", period="1978–79")],
        "An infobox (labels with no values kept as the copy gave them, flags glued to country names, the title in Persian) and a lead that sums up a movement: its death toll glued to citation markers ('532[3]-2,781', the low end as the count); demonstrations 'in October 1977', 'in January 1978', 'between August and December 1978' with no town (N); a caption 'Protesters in Tehran, 1979' (N); Khomeini's return to Tehran greeted by 'several million' is a welcome, not a protest, and 'several million' is vague (N; a judgment).",
    ),
    (
        "real-en-908",
        "en",
        None,
        "2026 Iran massacres",
        WIKI_MASSACRES_COPY,
        WP,
        f"“2026 Iran massacres”, Wikipedia, {WIKI_MASSACRES} (authors: Wikipedia contributors; a January 2026 revision's infobox, lead and the start of 'Background', read from the copy {WIKI_MASSACRES_COPY}; cut before a sentence the copy broke off)",
        [
            [
                ("N", "2026 Iran massacres"),
                ("N", "Part of the 2025–2026 Iranian protests"),
                ("N", "LocationIran"),
                ("N", "Date30 December 2025 – present (18 days)"),
                ("N", "TargetProtesters"),
                ("N", "Attack type"),
                ("N", "Massacre, mass murder, mass shooting, executions, summary executions"),
                ("C", "Deaths12,000–20,000 protesters"),
                ("C", "(per CBS News via activist groups)[1]"),
                ("C", "12,000 protesters"),
                ("C", "(per Iran International)[2]"),
                ("C", "3,308–7,690 overall"),
                ("C", "(per HRANA)[a]"),
                ("C", "2,000–3,000 overall"),
                ("C", "(per Iranian government officials)[b]"),
                ("N", "PerpetratorGovernment of Iran"),
            ],
            [
                (
                    "N",
                    "Since late December 2025 Iranian state security forces have engaged in massacres of dissidents during the 2025–2026 Iranian protests.",
                ),
                (
                    "C",
                    "As of 13 January 2026[update], estimates of the total number of protesters killed range from 2,000 to 20,000, making them some of the largest massacres in modern Iranian history.[2][7][1]",
                ),
                (
                    "C",
                    "An estimated 135 security personnel have been killed, according to the organization Human Rights Activists in Iran (HRANA).[8]",
                ),
            ],
            [
                (
                    "N",
                    "The Iranian authorities imposed a near-total internet shutdown during the crackdown, restricting communication inside the country and limiting the flow of information about the killings to the outside world.[9]",
                ),
                (
                    "N",
                    "Esmaeil Baghayi, spokesperson for the Iranian Ministry of Foreign Affairs confirmed that security forces had shot protesters.[10]",
                ),
                (
                    "C",
                    "Iranian government officials have off-the-record claimed the death toll to be between 2,000 to 3,000 including both protesters and security forces.[11][12]",
                ),
            ],
            [("N", "Background")],
            [
                (
                    "C",
                    "Prior to the 2025–2026 protests, the higher range of numbers of protester deaths and mass political prisoner executions in events during the Islamic Republic have included 3,400 executions during the 1981–1982 Iran massacres[13] and 1,000 to 30,000 executions in 1988,[14][15][16] 72 protestor deaths during the 2009 Iranian presidential election protests,[17] 300–1,500 protestor deaths during the 2019–2020 protests,[18] and 551 during the 2022–2023 Mahsa Amini protests.[19]",
                ),
            ],
        ],
        [],
        [
            cl(12000, "killed", claimant="CBS News via activist groups"),
            cl(12000, "killed", claimant="Iran International"),
            cl(3308, "killed", claimant="HRANA"),
            cl(2000, "killed", claimant="Iranian government officials"),
            cl(135, "killed", claimant="Human Rights Activists in Iran (HRANA)", period="As of 13 January 2026"),
            cl(3400, "executed", period="1981–1982 Iran massacres"),
            cl(1000, "executed", period="1988"),
            cl(72, "killed", period="2009 Iranian presidential election protests"),
            cl(300, "killed", period="2019–2020 protests"),
            cl(551, "killed", period="2022–2023 Mahsa Amini protests"),
        ],
        "An infobox of death tolls per claimant, each claimant on its own line after its tally (those lines are C, part of the tally, with no claim of their own; labels glued to values: 'Deaths12,000–20,000', 'LocationIran'); ranges give their low end; CBS's and Iran International's 12,000 are two claims (two claimants); the lead's 'range from 2,000 to 20,000' and the officials' 'between 2,000 to 3,000' repeat the infobox's tallies (told twice: no new claim); 135 security personnel killed (HRANA); earlier movements' tolls with their years are claims of their own periods; '18 days', '13 January 2026', years and '[update]' are no counts; no event (no town, no day: the massacres summed up).",
    ),
    (
        "real-en-909",
        "en",
        None,
        "2019 protests in Iran",
        WIKI_2019_COPY,
        WP,
        f"“2019 protests in Iran”, Wikipedia, {WIKI_2019} (authors: Wikipedia contributors; infobox, lead, January and the start of February, read from the WikiMili copy {WIKI_2019_COPY}: the infobox as a table; cut before a sentence the copy broke off)",
        [
            [
                ("N", "2019 protests in Iran | |"),
                ("N", "---|---|"),
                ("N", "Part of 2018–2019 Iranian general strikes and protests | |"),
                ("N", "Date | January 1, 2019 – 29 July, 2019 |"),
                ("N", "Location | |"),
                ("N", "Caused by |"),
                ("N", "|"),
                ("N", "Goals |"),
                ("N", "|"),
                ("N", "Methods | Demonstrations, Strikes |"),
                ("N", "Resulted in |"),
                ("N", "|"),
                ("N", "Deaths and injuries | |"),
                ("C", "Death(s) | 1 |"),
            ],
            [
                (
                    "N",
                    "The 2019 protests in Iran was a series of peaceful rallies and nationwide strikes organised by activists and employees, and unemployed people across Iran in early-2019, as part of the 2018-2019 Iranian general strikes and protests. [1]",
                ),
            ],
            [
                (
                    "N",
                    "Hardships and protests are frequent in Iran, especially with sanctions, deals, agreements, tensions, interferences into other conflicts (the Syrian Civil War and Iraq), tensions among the economy, civilian issues and governmental problems.",
                ),
                (
                    "N",
                    "The 2017-2018 Iranian protests was a starter of protest movements and unrest that frequently hit the nation, colliding with the 2018-2019 Iranian general strikes and protests. [2] [3]",
                ),
            ],
            [
                (
                    "E",
                    "January: Farmers gathered in Isfahan on 2 January to protest the lack of water in the Zayanderud.",
                ),
                (
                    "E",
                    "The protestors were met by security forces who fired tear gas and live rounds into the air to disperse the crowds. [4] [5]",
                ),
                (
                    "E",
                    'On 22 January, retirees gathered in front of the parliament building in Tehran and chanted "Torture and forced confessions, have no effect anymore". [6]',
                ),
                (
                    "C",
                    "Two days later, on 24 January, teachers gathered in five provinces to protest their current living and teaching conditions. [7]",
                ),
            ],
            [
                (
                    "E",
                    "February: On 14 February, teachers in Ardabil, Mashhad, Marivan, Sanandaj, Orumieh, and Kermanshah gathered outside of the offices of the Ministry of Education and protested the arrest of teachers, and unfavourable living and teaching conditions. [8]",
                ),
                ("N", "On the same day a teacher's rights activist was arrested in Sanandaj. [9]"),
            ],
            [
                ("N", "On 26 February, railway workers in Tabriz and Shahroud went on strike. [10]"),
                (
                    "E",
                    "Earlier that day, a large group of retirees gathered in front of the parliament building in Tehran to protest low pensions.",
                ),
            ],
        ],
        [
            ev("Isfahan", "IR-10", "2019-01-02", I, "farmers"),
            ev("Tehran", "IR-23", "2019-01-22", P, "retirees"),
            ev("Ardabil", "IR-24", "2019-02-14", P, "teachers"),
            ev("Mashhad", "IR-09", "2019-02-14", P, "teachers"),
            ev("Marivan", "IR-12", "2019-02-14", P, "teachers"),
            ev("Sanandaj", "IR-12", "2019-02-14", P, "teachers"),
            ev("Urmia", "IR-04", "2019-02-14", P, "teachers"),
            ev("Kermanshah", "IR-05", "2019-02-14", P, "teachers"),
            ev("Tehran", "IR-23", "2019-02-26", P, "retirees"),
        ],
        [cl(1, "killed", period="2019 protests in Iran"), cl(5, "places", places=5, period="24 January")],
        "A month-by-month timeline whose days carry no year (the infobox's 'January 1, 2019 – 29 July, 2019' gives it), month names glued to the first sentence ('January: Farmers …'): farmers in Isfahan on 2 January, tear gas and live rounds fired into the air (intervention: shots into the air, not at the crowd); retirees at parliament in Tehran on 22 January and on 26 February ('Earlier that day', after a sentence that names the day); teachers in six towns on 14 February (one event per town; 'Orumieh' is Urmia); teachers 'in five provinces' named nowhere (a count of places, C); one activist's arrest in Sanandaj (N); railway workers' strike in Tabriz and Shahroud with no gathering told (N, by the shop-strike convention; a judgment, as in real-fa-902); the infobox's one death is the movement's tally (a claim); lone '|' lines are the copy's table cells (N).",
    ),
    (
        "real-fa-901",
        "fa",
        None,
        "",
        VOA_FA_FARMERS,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_FARMERS} (the stored copy: the text only, no title or date line)",
        [
            [
                (
                    "E",
                    "تصاویر و گزارشهای منتشر شده در شبکههای اجتماعی و برخی از وبسایتهای خبری حاکی از آن است که جمعی از کشاورزان اصفهان، در میدان خوراسگان شهر اصفهان یک تجمع اعتراضی برپا کردند.",
                ),
            ],
            [
                (
                    "E",
                    "در این تجمع که روز دوشنبه ۲۰ فروردین برگزار شد، کشاورزان خواستار رسیدگی به وضعیت معیشتی و بازگشت حقآبه خود از زایندهرود شدند.",
                ),
            ],
            [
                ("N", "اعتراض کشاورزان اصفهانی از اسفند ماه سال گذشته اوج گرفت."),
                (
                    "N",
                    "در یکی از این تجمعها، کشاورزان معترض با حضور در نماز جمعه به تریبون امام جمعه پشت کرده و با شعارهای خود برای مدتی مانع از برگزاری نماز جمعه شدند.",
                ),
            ],
            [
                (
                    "E",
                    "بنا به گزارشها، هنگام برگزاری تجمع روز دوشنبه کشاورزان، یگانهای ضدشورش برای مقابله با تظاهر کنندگان در خیابانها و در مسیرهای تظاهرات حضور داشتند و تلاش میکردند مانع حرکت تظاهرکنندگان بشوند.",
                ),
            ],
            [("E", "تظاهرکنندگان شعار میدادند: «عزا عزاست امروز، روز عزاست امروز، زندگی کشاورز رو به فناست امروز.»")],
            [
                (
                    "E",
                    "کشاورزان اصفهانی روز شنبه نیز تجمعی اعتراضی مقابل اداره منطقه ای آب برگزار کردند که با دخالت پلیس و ضرب و جرح برخی از کشاورزان مواجه شد.",
                ),
            ],
            [("E", "بنا به گزارشها امروز نیز تظاهرات کشاورزان اصفهان ادامه داشته است.")],
        ],
        [
            ev("Isfahan", "IR-10", jal(1397, 1, 20), I, "farmers"),
            ev("Isfahan", "IR-10", jal(1397, 1, 18), I, "farmers"),
            ev("Isfahan", "IR-10", None, P, "farmers"),
        ],
        [],
        "Isfahan's farmers, three days: Monday 20 Farvardin with no year on the page (1397, 9 April 2018, the year in which 20 Farvardin is a Monday and the one the page's address points to; no rule can know it from this copy alone), riot units trying to stop the march (intervention), in Khorasgan square (a square of Isfahan, not the town of Khorasgan); the Saturday before (18 Farvardin, 7 April 2018) at the regional water office, police beating farmers (intervention); 'today' on a copy with no date line (date null); the movement's history since Esfand and one earlier gathering at Friday prayers with no day are the movement summed up (N, a judgment; they could be read as an Isfahan event with no day); the copy lost the zero-width non-joiner (گزارشهای, حقآبه) and the text keeps that as read.",
    ),
    (
        "real-fa-902",
        "fa",
        "2026-01-08",
        "",
        VOA_DARI_TWELFTH_DAY,
        VOA,
        f"صدای امریکا (VOA دری), {VOA_DARI_TWELFTH_DAY} (the stored copy's text from its first sentence; cut before a sentence the copy broke off)",
        [
            [("N", "بزرگترین جنبش اعتراضی ایران در سه سال پسین، روز پنجشنبه وارد دوازدهمین روز خود شد.")],
            [
                (
                    "N",
                    "گزارشها و ویدیوهای رسانههای اجتماعی، حاکی از گسترش تجمعات خیابانی و اعتصابات کارگری در شهرهای مختلف ایران است که در مخالفت با حاکمان خودکامۀ اسلامگرا دست به اعتراض زده اند.",
                ),
            ],
            [
                (
                    "E",
                    "گزارشهایی که توسط سرویس فارسی صدای امریکا بررسی و معتبر تلقی شدهاند، حاکی از آن است که مظاهره کنندگان به خیابانها آمده و با سردادن شعارها، مردم را به پیوستن به صفوف معترضان در شهرهایی مانند سروستان در ولایت فارس و لاهیجان در ولایت گیلان تشویق کردهاند.",
                ),
            ],
            [
                (
                    "N",
                    "گزارشها همچنان حاکی از گسترش اعتصابات کارگری به بخشهای مختلف ایران به شمول گیلان و قزوین در شمال؛ کردستان، کرمانشاه و ایلام در غرب، بوشهر در جنوب، فارس، اصفهان و مرکزی در مرکز ایران و خراسان رضوی در شمالشرق ایران بود.",
                ),
            ],
            [("N", "اعتراضات به تاریخ ۲۸ دسمبر در تهران شعلهور شد و در روزهای بعدی به سرتاسر آنکشور گسترش یافت.")],
            [
                (
                    "N",
                    "این اعتراضات با خشم ناشی از وخامت شرایط اقتصادی، از جمله کاهش بیپیشینۀ ارزش پول ایران در برابر دالر، تشدید شده است.",
                ),
                ("N", "شعارهای که خواستار تغییر رژیم اند، بخش عمدۀ اعتراضات را تشکیل میدهند."),
            ],
        ],
        [
            ev("Sarvestan", "IR-07", None),
            ev("Lahijan", "IR-01", None),
        ],
        [],
        "A Dari report of Thursday 8 January 2026, the movement's twelfth day (the copy's date line; Dari wording: مظاهره کنندگان, ولایت, دسمبر, دالر, پسین): marches in Sarvestan (Fars) and Lahijan (Gilan) told with no day of their own (date null, by the precedent of real-en-707; they may be Thursday's); a spread of labour strikes told by ten provinces with no gathering named (N by the shop-strike convention and the nationwide truckers' strike of real-en-001; a judgment: a reader could count ten province-level strike events); 'in various cities' places nothing; the start in Tehran on 28 December is the movement's history (N); «دوازدهمین» an ordinal, «سه سال» a span.",
    ),
    (
        "real-fa-903",
        "fa",
        jal(1394, 2, 10),
        "روز جهانی کارگر در ایران؛ تداوم اعتراضات و بازداشت فعالان کارگری",
        VOA_FA_LABOUR_DAY,
        VOA,
        f"صدای آمریکا (VOA فارسی), {VOA_FA_LABOUR_DAY}",
        [
            [("N", "10 اردیبهشت 1394")],
            [("N", "اِمبد")],
            [("N", "آغاز این برنامه در ساعت:")],
            [("N", "این برنامه به پایان رسیده است و تا دقایقی دیگر آرشیو میشود.")],
            [
                (
                    "C",
                    "در آستانه فرارسیدن یازدهم اردیبهشت روز جهانی کارگر گروهی از فعالان کارگری در ایران بازداشت شده اند.",
                ),
                ("N", "همزمان تجمعات صنفی دامنه داری در کارخانه های مختلف ایران شکل گرفته است ."),
                ("N", "گزارش کوروش صحتی"),
            ],
        ],
        [],
        [],
        "A programme page of 10 Ordibehesht 1394 (30 April 2015; its date line in Latin digits and its player furniture): the arrest of 'a group' of labour activists before Labour Day (a vague tally: C, no claim); gatherings 'in various factories of Iran' with no town (N); «یازدهم اردیبهشت» is Labour Day's date, not a count; the reporter's byline (N).",
    ),
]


def write_real9() -> None:
    """Write real_dev9.jsonl beside this file and say how many reports and sentences it holds."""
    print(write_part("real_dev9", REPORTS))


if __name__ == "__main__":
    write_real9()
