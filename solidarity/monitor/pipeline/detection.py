# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Decide whether a sentence reports a protest, and which ACLED sub-event type, from cue words.

English and Persian cue lists are kept here; text must be normalized first (language.normalize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from solidarity.monitor.pipeline.records import SubEventType

# Persian words are matched between non-letters, since \b does not hold for all Persian letters.
_FA_LEFT = r"(?<![\u0600-\u06ffA-Za-z])"


def _en(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


def _fa(*patterns: str) -> re.Pattern[str]:
    return re.compile(_FA_LEFT + "(?:" + "|".join(patterns) + ")")


PROTEST_EN = _en(
    r"protest(?:s|ed|ers?|ing)?\b",
    r"demonstrat(?:ion|ions|ors?|ed|ing|e)\b",
    r"rall(?:y|ies|ied|ying)\b",
    r"(?-i:march(?:ed|ers|es|ing)?)\b",
    r"Marche(?:d|rs)\b",
    r"sit-?ins?\b",
    r"walk-?outs?\b",
    r"picket(?:s|ed|ing|ers)?\b",
    r"(?:went|go|going|are|were|was|remain(?:ed)?|stayed) on (?:a |an )?(?:\w+ )?strike",
    r"strik(?:e|es|ing) (?:workers|teachers|nurses|drivers|truckers|employees)",
    # "extended a strike", "began their strike": a strike under way, not a military one.
    r"(?:extend(?:ed|s)?|continu(?:ed|es|e)|beg(?:an|un)|staged|held|joined|start(?:ed)?) "
    r"(?:a |an |their |the )?(?!(?:air|drone|missile|rocket|military|artillery|precision|pre-?emptive) )"
    r"(?:\w+ )?strikes?\b(?! (?:on (?!(?:mon|tues|wednes|thurs|fri|satur|sun)day)|against|targeting)\b)",
    r"(?:general|labou?r|workers'?|teachers'?|nationwide|national|truckers'?|hunger|sit-down) strikes?\b",
    # "a three-day strike campaign was launched by toll workers": a strike told in the passive
    r"strikes?(?: campaign)? (?:was|were|has been|had been) (?:launched|staged|held|begun|started) by\b",
    r"strikes? (?:by|of|at) (?:the )?(?:\w+ )?(?:workers|teachers|nurses|drivers|truckers|employees|staff|merchants|shopkeepers)",
    r"strikers?\b",
    # "the strike spread to hospitals in X", "the strike entered its third day": a strike under way
    r"(?<!air )(?<!drone )(?<!missile )strikes? (?:\w+ ){0,2}(?:spread|spreads|has spread|reached|entered|continued)\b",
    r"stopped work",
    r"downed tools",
    r"walked off the job",
    r"stay(?:ed)? away from (?:work|classrooms|their jobs)",
    r"boycott(?:ed|ing)? (?:their |the )?(?:classes|classrooms|cafeteria|exams?)",
    r"vigils?\b",
    r"chant(?:ed|ing|s)\b",
    r"took to the streets",
    r"take to the streets",
    r"human chain",
    r"(?<!anti-)(?<!anti )riot(?:s|ed|ers|ing)?\b(?! (?:police|gear|squad|units?|officers|troops|forces|control|shields?))",
    r"die-in",
    r"gathered (?:in front of|outside|at|in)",
    r"gathered (?:yesterday|today|this morning|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)",
    r"gathering (?:in front of|outside)",
    r"(?:similar |protest )gatherings?\b",
    r"gatherings? (?:of \w+ )?(?:was|were) (?:held|staged)",
    r"assembled (?:in front of|outside)",
    r"blocked (?:the |a )?(?:main )?(?:road|roads|streets?|highway)",
    r"blocked (?:the |a )?[\w-]+ (?:road|highway|motorway|railway)",
    r"blocked (?:the |a )?(?:main )?(?:entrance|gates?)\b",
    r"refus(?:ed|ing) to (?:work|load|unload|teach|attend (?:classes|lectures|school)|eat in the (?:cafeteria|canteen))",
    r"(?:kept|pulled down|lowered) their (?:shop )?shutters",
    r"shuttered their (?:shops|stores)",
    r"walked out\b(?! of (?:prison|jail|hospital))",
    r"walk-?outs?\b",
    r"unrest\b",
    r"shut (?:down )?their (?:shops|stores)",
    r"closed their (?:shops|stores)",
)
PROTEST_FA = _fa(
    r"تجمع",
    r"اعتراض",
    r"معترض",
    r"تظاهر",
    r"راهپیمایی",
    r"راه پیمایی",
    r"اعتصاب",
    r"تحصن",
    r"متحصن",
    r"شعار",
    r"گردهمایی",
    r"گردهم آمدند",
    r"به خیابان(?: ?ها)? (?:آمدند|آمده اند|آمده بودند|ریختند|ریخته اند|ریخته بودند)",  # took to the streets
    r"دست از کار کشید",
    r"کارها را تعطیل",
    r"مغازه ها را بست",
    r"مغازه هایشان را بست",
    r"بازار را بست",
    r"(?:جاده|راه|خیابان|بزرگراه)(?: \S+){0,2} را (?:بستند|مسدود کردند)",
    r"مغازه ها(?:ی|ی خود|یشان|ی شان)? را (?:بستند|تعطیل کردند)",
    r"کرکره (?:\S+ ){0,2}را پایین کشیدند",
    r"از (?:کار|بارگیری|تخلیه بار|تدریس|حضور در (?:کلاس|محل کار)|رفتن (?:به|سر) (?:کلاس|کار))(?: \S+){0,2} خودداری",
    r"اغتشاش",
    r"آشوبگر",  # rioters, the state's word for protesters
    r"شورش",
    r"زنجیره انسانی",
    r"احتجاج",  # Arabic: protest
    r"مظاهر",  # Arabic: demonstration(s)
    r"اعتصام",  # Arabic: sit-in
)

# Ordinary verbs of gathering, standing, surrounding or stopping ("massed outside", "converged on",
# "جمع شدند", "حضور یافتند"): a protest only when the same sentence gives a grievance, a site of
# authority or police action; fans queueing at a stadium or worshippers at prayers are not.
GATHER_EN = _en(
    r"gather(?:ed|ing|ings)\b",
    r"assembl(?:ed|ing)\b",
    r"mass(?:ed|ing) (?:outside|in front of|at|in|on)\b",
    r"converg(?:ed|ing) on\b",
    r"(?:stood|standing|lined up|queued) (?:outside|in front of)",
    r"fill(?:ed|ing) (?:a |the )?(?:\w+ )?(?:square|streets?)",
    r"(?:surrounded|besieged|occupied|stormed) (?:the |a )?(?:[\w']+ ){0,2}(?:office|offices|building|town hall|hall|governorate|headquarters|municipality|ministry|courthouse)",
    r"drove (?:\w+ ){0,2}tractors",
    r"honk(?:ed|ing) (?:their )?horns",
    r"stay(?:ed)? (?:at )?home\b",
    r"crowds?\b",
)
GATHER_FA = _fa(
    r"جمع (?:شدند|شده بودند|شده بود|شده اند)",
    r"گرد (?:هم )?(?:آمدند|آمده بودند|آمده اند)",
    r"حضور (?:یافتند|پیدا کردند)",
    r"ایستادند",
    r"(?:را )?محاصره کرد",
    r"(?:را )?اشغال کردند",
    r"با تراکتور",
    r"بوق زد",
    r"جمعیت",
)
GRIEVANCE_EN = _en(
    r"demand(?:s|ed|ing)?\b",
    r"call(?:ed|ing) for\b",
    r"to (?:object|complain|press|denounce|condemn|oppose)\b",
    r"against\b",
    r"in (?:a )?(?:dispute|protest)\b",
    r"unpaid|wages|salar(?:y|ies)|pensions?\b|arrears",
    r"placards?|banners?|slogans?|chant(?:ed|ing)|waving",
    r"over (?:the )?(?:\w+ ){0,2}(?:price|prices|cost|quality|rise|cuts?|lack|shortages?|delays?|closure|killing|death|arrests?|dismissals?|privati[sz]ation|transfer|outages?|power cuts)\b",
)
GRIEVANCE_FA = _fa(r"خواستار", r"مطالب", r"معوق", r"پلاکارد", r"پارچه نوشته", r"در اعتراض", r"علیه", r"شعار")
SITE_EN = _en(
    r"governor(?:'s)? office|governorate|parliament|town hall|city hall|municipality|ministry|courthouse|"
    r"(?:company|water|labou?r|education|pension|social security|tax|customs)(?:'s)? (?:\w+ )?offices?|"
    r"(?:central )?bank branch|prison"
)
SITE_FA = _fa(
    r"(?:مقابل|جلوی|روبروی|محوطه) (?:\S+ ){0,2}(?:فرمانداری|استانداری|بخشداری|مجلس|اداره|ساختمان|سازمان|بانک|شعبه|"
    r"شرکت|شهرداری|دادگستری|دادگاه|وزارت|زندان|بیمارستان|دفتر|کارخانه)",
    r"(?:فرمانداری|استانداری|بخشداری|شهرداری|دادگستری) (?:\S+ )?را (?:محاصره|اشغال)",
)


# A crowd of civilians doing violence ("angry residents set fire to the town hall's gate", "villagers
# stormed the governor's office") is a riot, ACLED's violent demonstration, with or without a protest word.
CROWD_VIOLENCE_EN = _en(
    r"(?:angry|furious|enraged|irate)\s+(?:[\w']+\s+){0,2}(?:residents|villagers|locals|youths?|crowds?|mob|people|citizens|farmers|workers|men)\b(?:\s+[\w'-]+){0,5}?\s+(?:set fire|set ablaze|torched|burned|burnt|smashed|looted|vandali[sz]ed|stormed|attacked|ransacked|threw|hurled|pelted)\b",
    r"(?:residents|villagers|locals|youths|crowds?|mob)\b(?:\s+[\w'-]+){0,4}?\s+(?:set fire to|set ablaze|torched|looted|vandali[sz]ed|stormed|ransacked|hurled stones|threw stones|pelted)\b",
)
# The security forces clashing with a crowd ("Riot police clash with protesters in Tehran", "police clashed with
# thousands of opposition supporters"): a gathering met by the forces (an intervention), not one whose people
# started the violence (“protesters clashed with police” stays violent).
POLICE_CLASH_EN = _en(
    r"(?:riot\s+)?(?:police|policemen|security forces|troops|soldiers|officers|agents|militiamen|Basij(?:is)?)\s+(?:\w+\s+){0,4}?"
    r"clash(?:ed|es|ing)?\s+with\s+(?:[\w']+\s+){0,5}?(?:protesters|demonstrators|crowds?|mourners|students|supporters|youths|marchers)\b",
    # "clashes ensued between security forces and mourners" (the gold's Montazeri funeral, a protest with
    # intervention), "Clashes broke out between police and protesters": the forces named first, as above
    r"clash(?:es)?(?:\s+\w+){0,2}?\s+between\s+(?:the\s+)?(?:riot\s+|anti-riot\s+|Iranian\s+)?(?:police|policemen|security forces|troops|soldiers|officers|agents|militiamen|Basij(?:is)?)"
    r"\s+and\s+(?:[\w']+\s+){0,4}?(?:protesters|demonstrators|crowds?|mourners|students|supporters|youths|marchers)\b",
)
# Someone's label for the crowd, told as theirs ('police clashed with what it called "rioters"', 'so-called
# "rioters"'): the speaker's word, shown with its source, not the monitor's reading of violence; the crowd is read as
# protesters.
_LABEL_TOLD_EN = re.compile(
    r"\b(?:what (?:it|they|he|she|officials|authorities|state media) (?:called|calls|described as|describes as|termed)|"
    r"so-called)\s*,?\s*[\"“'‘][^\"”'’]{1,40}[\"”'’]",
    re.IGNORECASE,
)
CROWD_VIOLENCE_FA = _fa(
    r"(?:معترضان|جوانان|مردم|اهالی|ساکنان|روستاییان|جمعیت)(?: \S+){0,6} (?:را )?(?:به آتش کشیدند|آتش زدند|سنگ پرانی کردند|تخریب کردند)",
)
# The same in Persian («نیروهای امنیتی با معترضان در بوکان درگیر شدند»): the forces clashing with the crowd.
POLICE_CLASH_FA = _fa(
    r"(?:نیروهای (?:امنیتی|انتظامی|یگان ویژه|سرکوب|سرکوبگر|نظامی)|ماموران|پلیس|یگان ویژه|بسیجیان|لباس ?شخصی ?ها)(?: \S+){0,3}? با "
    r"(?:\S+ ){0,3}?(?:معترضان|معترضین|تظاهرکنندگان|مردم|جمعیت|سوگواران|عزاداران|دانشجویان|تجمع ?کنندگان)(?: \S+){0,6}? درگیر (?:شدند|شده اند|شد)",
    # «درگیری میان نیروهای امنیتی و معترضان»: the forces named first, as "clashes between security forces and …"
    r"درگیری ?(?:ها)?(?: \S+){0,2}? (?:میان|بین) (?:نیروهای (?:امنیتی|انتظامی|یگان ویژه|سرکوب|سرکوبگر|نظامی)|ماموران|پلیس|یگان ویژه|بسیجیان)"
    r"(?: \S+)? و (?:معترضان|معترضین|تظاهرکنندگان|مردم|جمعیت|سوگواران|عزاداران|دانشجویان|تجمع ?کنندگان)",
)
# A crowd attacking a building or the police («آشوبگران به ساختمان استانداری در اهواز حمله کردند», «معترضان به
# فرمانداری حمله کردند»); not the forces attacking the crowd after it («…، نیروهای امنیتی به آنها حمله کردند»).
_CROWD_ATTACK_FA = (
    r"(?:معترضان|معترضین|تظاهرکنندگان|آشوبگران|اغتشاشگران|جوانان|جمعیت)(?: (?!نیرو|مامور|پلیس|یگان|بسیج)\S+){0,6}? به "
    r"(?:\S+ ){0,4}?حمله (?:کردند|بردند|کرده اند|برده اند)"
)


def _gathering_protest(sentence: str, persian: bool) -> bool:
    """Tell whether an ordinary verb of gathering or stopping reports a protest in this sentence."""
    if not (GATHER_FA if persian else GATHER_EN).search(sentence):
        return False
    context = (GRIEVANCE_FA, SITE_FA, INTERVENTION_FA) if persian else (GRIEVANCE_EN, SITE_EN, INTERVENTION_EN)
    return any(pattern.search(sentence) for pattern in context)


# The protests named as what people were charged, tried, sentenced or held for ("1,000 people have been charged over
# the protests in Tehran", "indictments in connection with the unrest", «یک هزار نفر در ارتباط با اعتراضات تهران متهم
# شده اند», «متهمان اغتشاشات تهران», «بازداشت شدگان اعتراضات»): the judiciary's count or its people, not a gathering.
_JUDGED_PROTESTS_EN = (
    r"(?:charged|indicted|sentenced|convicted|tried|prosecuted|charges|indictments|sentences|trials|verdicts) (?:[\w'-]+ ){0,12}?(?:over|for|in connection with|in relation to|related to|linked to) (?:(?:taking part|participating|their (?:role|part|participation)|involvement) in )?(?:the )?(?:[\w-]+ ){0,2}?(?:protests?|unrest|riots?|demonstrations?|rallies|disturbances)\b",
)
_JUDGED_PROTESTS_FA = (
    r"(?:در ارتباط با|مرتبط با|به اتهام (?:مشارکت|شرکت|حضور) در)(?: \S+)?? (?:اعتراضات|اغتشاشات|ناآرامی ?ها|تجمعات|تظاهرات|اعتراض ها|آشوب ?ها)ی?(?![\u0600-\u06ff])(?=(?: \S+){0,4}? (?:متهم|محکوم|محاکمه|کیفرخواست|تفهیم اتهام))",
    r"(?:متهمان|متهمین|محکومان|محکومین|کیفرخواست|پرونده(?: ?های)?|محاکمه|بازداشت ?شدگان|دستگیر ?شدگان|زندانیان)(?: \S+){0,2}? (?:اعتراضات|اغتشاشات|ناآرامی ?ها|تجمعات|تظاهرات|اعتراض ها|آشوب ?ها)ی?(?![\u0600-\u06ff])",
    # the protesters as those charged or tried («برای ۲۰۰ نفر از اغتشاشگران تهران کیفرخواست صادر شد»)
    r"(?:اغتشاشگران|آشوبگران|معترضان|معترضین|تظاهرکنندگان)(?: \S+){0,3}? (?:کیفرخواست|متهم|محاکمه|محکوم|تفهیم اتهام)",
)
JUDGED_PROTESTS_EN = _en(*_JUDGED_PROTESTS_EN)
JUDGED_PROTESTS_FA = _fa(*_JUDGED_PROTESTS_FA)


def names_protests_judged(sentence: str, language: str) -> bool:
    """Tell whether a sentence names the protests as what people were charged, tried, sentenced or held for."""
    return bool((JUDGED_PROTESTS_FA if language in {"fa", "ar"} else JUDGED_PROTESTS_EN).search(sentence))


# Uses of the cue words that are not protests.
NOT_PROTEST_EN = _en(
    r"(?:air|drone|missile|rocket|air-|military|artillery|precision|pre-emptive|preemptive) ?strikes?",
    r"strikes? (?:on|against|hit|killed|targeted)",
    r"lodged? (?:a )?(?:formal |diplomatic |strong )?protest",
    r"protested (?:his|her|their) innocence",
    r"under protest",
    r"demonstrat(?:ed|es|ing) (?:that|how|the|its|their|his|her|a|an)\b",
    # protesters before a court, sentenced or executed: what was done to them later, not a gathering
    r"(?:sentenc(?:ed|es|ing)|convict(?:ed|s|ing)|indict(?:ed|s)|charg(?:ed|es|ing)|prosecut(?:ed|es|ing)|executed|executes|executing|hanged|hangs) (?:[\w-]+ ){0,3}?(?:protesters|protestors|demonstrators)\b",
    r"(?:protesters|protestors|demonstrators) (?:were |was |have been |had been |are |is )?(?:sentenced|convicted|indicted|charged|prosecuted|executed|hanged|put on trial|tried)\b",
    *_JUDGED_PROTESTS_EN,
    r"(?:trials?|executions?) of (?:[\w-]+ ){0,3}?(?:protesters|protestors|demonstrators)\b",
    # troops "marched deeper into a rebel-held neighborhood"
    r"march(?:ed)? (?:\w+ )?(?:toward|towards|into) (?:the |a |an )?(?:[\w'-]+ ){0,2}(?:city|town|village|capital|neighbou?rhood|territory|region)",
    r"(?:march|marched) on (?:the )?(?:capital|city|town)",
    r"trooops",
    r"rally(?:ing)? (?:support|behind|round|around)",
    r"(?:stock|market|shares?|prices?|dollar|rupee|oil|stocks|index|euro|gold) (?:\w+ )?rall(?:y|ied|ies)",
    r"rall(?:y|ied) (?:\d|by|on the)",
    r"election rally",
    # a crowd at a match, a concert or prayers ("fans gathered outside the stadium to buy tickets")
    r"(?:fans|spectators|worshippers|pilgrims|tourists|shoppers) (?:\w+ ){0,3}(?:gathered|assembled|queued|lined up)",
    r"(?:gathered|assembled|queued|lined up) (?:[\w']+ ){0,8}(?:to (?:buy|watch|celebrate|pray)\b|for (?:the )?(?:\w+ )?(?:prayers?|match|game|concert|festival|celebrations?))",
    r"campaign rally",
    # one person's or prisoners' hunger strike is no gathering
    r"hunger[- ]strik(?:e|es|ing|ers?)",
)
NOT_PROTEST_FA = _fa(
    r"اعتراض نامه",
    r"لایحه اعتراض",
    r"اعتراض به رأی دادگاه",
    r"اعتصاب غذا",
    # protesters before a court, sentenced or executed («پنج معترض را به اعدام محکوم کرد», «اعدام معترضان»)
    r"(?:معترض|معترضان|معترضین|تظاهرکنندگان)(?: \S+){0,2}? (?:را )?به (?:اعدام|حبس|زندان)",
    r"(?:اعدام|محاکمه|محکومیت)(?: \S+){0,2}? (?:معترض|معترضان|معترضین|تظاهرکنندگان)(?![\u0600-\u06ff])",
    *_JUDGED_PROTESTS_FA,
)

PLANNED_EN = _en(
    r"(?:will|would|plan(?:s|ned)? to|intend(?:s|ed)? to|are set to|is set to|vow(?:ed|s)? to|threaten(?:ed|s)? to|(?<!trying )(?<!tried )(?<!attempting )(?<!attempted )to hold|planning to|are expected to|is expected to) (?:\w+ ){0,3}(?:protest|demonstrat|rally|march|strike|gather|stage)",
    r"call(?:ed|s|ing)? (?:for|on) (?:[\w']+ ){0,12}(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|marches|gathering|to (?:protest|gather|strike|rally|join))",
    r"(?:upcoming|planned|scheduled|proposed) (?:\w+ )?(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|marches|gatherings?)",
    r"(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|marches|gatherings?) (?:\w+ ){0,3}(?:planned|scheduled) for",
    r"next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    # protests only threatened or awaited: "vows to \"smash\" any new protests", "will 'crush' any further protests",
    # "protests are due to occur"
    r"any (?:new |further |more |future )?(?:protests?|demonstrations?|rall(?:y|ies)|gatherings?|unrest)\b",
    r"(?:is|are|was|were) due to (?:occur|take place|be held|begin|start)\b",
    r"(?:was|were) (?:cancelled|canceled|called off|postponed|banned before)",
    r"(?:cancelled|canceled|called off|postponed)\b",
    r"(?:did not|didn't|failed to) (?:take place|materiali[sz]e|happen)",
    # a gathering warned against or banned before it was held: "authorities warned the reformists against
    # proceeding with the rally", "police warned people against joining the protests"
    r"warn(?:ed|s|ing)? (?:[\w']+ ){0,4}against (?:proceeding with|holding|staging|joining|attending|taking part in|"
    r"any) (?:\w+ ){0,2}(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|marches|gatherings?)",
    r"(?:went|go|was|were|remained) (?:\w+ )?unheeded",
    # protests something only might bring ("a funeral procession which could cause further protests", "to avoid
    # sparking protests")
    r"(?:could|might|may|would|to avoid|to prevent|for fear of) (?:\w+ ){0,2}(?:cause|causing|spark|sparking|trigger|"
    r"triggering|provoke|provoking|ignite|igniting|fuel|fuelling|fueling|lead to|leading to) (?:\w+ ){0,2}"
    r"(?:protests?|demonstrations?|unrest|rall(?:y|ies)|riots?)\b",
    r"call by (?:[\w']+ ){1,6}for (?:an? )?(?:\w+ )?(?:strikes?|protests?|demonstrations?|rall(?:y|ies)|sit-ins?|boycotts?)",
    r"appeal(?:ed|s)? (?:to|for) (?:\w+ ){0,4}(?:join|protest)",
    # "announcements … inviting students and professors to close the university and join the demonstrators"
    r"invit(?:ing|ed|es?) (?:[\w']+ ){0,10}to (?:(?:[\w']+ ){0,6}and )?(?:join|attend|take part)",
    # a headline's "Union calls national sit-in", "Teachers call strike" (not "called the rally peaceful")
    r"call(?:ed|s|ing)? (?:for )?(?:an? )?(?:(?!the\b|this\b|that\b|its\b|their\b)\w+ )?(?:sit-ins?|protests?|demonstrations?|rall(?:y|ies)|strikes?|marches|gatherings?|boycotts?)\b",
)
PLANNED_FA = _fa(
    r"فراخوان",
    r"قرار است",
    r"خواهند",
    r"خواهد",
    r"دعوت (?:کرده|کردند|کرد)",
    r"برنامه ریزی",
    r"لغو شد",
    r"برگزار نشد",
    # warned against holding or joining a gathering («نسبت به برگزاری تجمع هشدار داد»)
    r"نسبت به (?:برگزاری|شرکت در|حضور در) (?:هرگونه |هر گونه )?(?:تجمع|تظاهرات|اعتراض|راهپیمایی)",
    r"تهدید کرده اند",
    r"تهدید کردند",
    r"هفته آینده",
    r"روز آینده",
)
ONLINE_EN = _en(
    r"online (?:campaign|petition|protest)",
    r"on social media",
    r"(?:twitter|x|telegram|instagram) (?:campaign|storm)",
    r"hashtag",
    r"(?:signed|sign) (?:a|an|the) petition",
    r"petition",
    r"virtual protest",
)
ONLINE_FA = _fa(r"کارزار", r"فضای مجازی", r"شبکه های اجتماعی", r"هشتگ", r"طومار", r"توییتر", r"اینستاگرام", r"امضا")
# Footage posted online ("videos posted on social media showed …", «ویدئوهای منتشرشده در شبکه‌های اجتماعی …»): where
# the report saw a gathering, not a protest held online.
FOOTAGE_EN = _en(r"videos?\b", r"footage\b", r"video clips?\b")
FOOTAGE_FA = _fa(r"ویدئو", r"ویدیو", r"فیلم", r"تصاویر", r"کلیپ")

VIOLENT_EN = _en(
    r"(?<!anti-)(?<!anti )riot(?:s|ed|ers|ing)?\b(?! (?:police|gear|squad|units?|officers|troops|forces|control|shields?))",
    r"(?:threw|throwing|hurled|hurling|pelted|pelting) (?:\w+ ){0,3}(?:stones|rocks|bottles|molotov|petrol bombs|firebombs|fireworks|bricks|objects)",
    r"(?:protesters|demonstrators|crowd|crowds|strikers|students|workers|youths|rioters) (?:\w+ ){0,3}(?:set fire|torched|burned|burnt|smashed|looted|vandali[sz]ed|attacked|stormed|clashed|ransacked|set ablaze)",
    r"(?:set fire to|set ablaze|torched|looted|vandali[sz]ed|smashed (?:\w+ )?windows)",
    r"molotov",
    r"petrol bombs?",
    r"barricades?",
    r"clash(?:ed|es)? with (?:police|security|riot|troops|officers|the police|security forces|anti-riot)",
    r"clashes (?:broke out|erupted)",
    r"clash(?:ed|es|ing)?\b",
    r"scuffles?",
    r"aggressive",
    r"pelted",
    # "violent crackdowns", "the violent nature of the protests received attention": force or comment, not rioters
    # "police violence", "state violence": what the crowd protests, not what it did
    r"(?<!non-)(?<!non)(?<!police )(?<!state )violen(?:ce|t)\b(?! (?:crackdowns?|repression|suppression|response|nature|dispersal|reaction of))",
    r"stone-?throwing",
    r"(?<!non-)(?<!non)violent (?:protests?|demonstrations?|clashes)",
    r"(?:broke|smashed|damaged|wrecked) (?:its|the|their|some) (?:\w+ )?(?:furniture|windows|doors|gates?|cars?|vehicles?)",
    # arson told in the passive after the gathering ("A bank and several cars were set on fire")
    r"set on fire",
    r"(?:were|was|had been|have been) (?:\w+ )?(?:set alight|looted|ransacked|vandali[sz]ed)",
    r"(?:residents|villagers|locals|youths|crowds?|mob)\b(?:\s+[\w'-]+){0,4}?\s+(?:set fire|torched|stormed|ransacked|attacked|looted)\b",
)
# Burning a picture, a poster, a flag, an effigy or a headscarf ("Protesters burned pictures of the supreme leader",
# "women burned their headscarves", «تصاویر رهبر را آتش زدند»): a protest's symbol, no one's property destroyed, so
# no violent demonstration (a bank, a car or a billboard set on fire still is).
SYMBOLIC_BURNING_EN = _en(
    r"(?:burn(?:ed|t|ing|s)?|set fire to|set ablaze|torched) (?:\w+ ){0,3}?(?:pictures?|photos?|photographs?|posters?|portraits?|images?|banners?|flags?|effig(?:y|ies)|headscarf|headscarves|hijabs?|scarves|veils?|chadors?)\b"
)
SYMBOLIC_BURNING_FA = _fa(
    r"(?:تصاویر|تصویر|عکس|پوستر|بنر|پرچم|روسری|حجاب|آدمک|مقنعه)\S*(?: \S+){0,3}? (?:را )?(?:به آتش کشیدند|آتش زدند|سوزاندند|به آتش کشید|آتش زد)"
)
# Toppling or defacing a statue ("tore down the statue", "attempted to tear it down") is a violent
# demonstration; read only in a sentence that names a statue or monument (a separate pattern, so that
# VIOLENT_EN's search is not slowed by more first words).
_MONUMENT_EN = re.compile(r"statue|monument", re.IGNORECASE)
TOPPLE_EN = _en(
    r"(?:tore|pulled|toppled|knocked|brought|defaced|vandali[sz]ed) (?:down )?(?:a |the |its |their )?(?:[\w'-]+ ){0,2}(?:statues?|monuments?)\b",
    r"(?:attempted|tried|trying|attempting) to (?:tear|pull|topple|bring) (?:it|them|(?:a |the )?(?:[\w'-]+ ){0,2}(?:statues?|monuments?)) down\b",
)
VIOLENT_FA = _fa(
    r"آتش زدند",
    r"به آتش کشیدند",
    r"سنگ پرانی",
    r"سنگپرانی",
    r"پرتاب سنگ",
    r"درگیر شدند",
    r"درگیری معترضان",
    r"شورش",
    r"اغتشاش",
    r"تخریب",
    r"حمله معترضان",
    r"کوکتل مولوتف",
    r"آتش زدن",
    r"به آتش کشیدن",
    # clashes between protesters and agents, an attack on the police's car
    r"درگیری (?:\S+ ){0,3}(?:میان|بین|با) ",
    r"به (?:\S+ ){0,2}(?:پلیس|ماموران|نیروی انتظامی|نیروهای انتظامی)(?: \S+)? حمله (?:کردند|کرد|بردند)",
    r"آشوبگر",
    _CROWD_ATTACK_FA,
    # arson told in the passive («یک بانک و چند خودرو به آتش کشیده شد»), stones thrown («به سوی ماموران سنگ پرتاب
    # کردند»), windows smashed («شیشه های بانک را شکستند»), shops looted
    r"به آتش کشیده (?:شد|شدند|شده)",
    r"آتش زده (?:شد|شدند|شده)",
    r"سنگ پرتاب",
    r"شیشه\S*(?: \S+){0,3}? (?:را )?(?:شکستند|شکسته شد)",
    r"(?:بانک|فروشگاه|مغازه|اموال)\S*(?: \S+){0,3}? (?:را )?غارت",  # looting (not the slogan «به نام دین غارت کردند»)
)
FORCE_EN = _en(
    r"(?:shot|shooting) (?:dead|and killed)",
    r"live (?:ammunition|fire|rounds|bullets)",
    r"opened fire",
    r"fired (?:live|on|at|into) (?:\w+ ){0,2}(?:protesters|demonstrators|crowds?|rounds)",
    r"(?:protesters?|demonstrators?|people|persons|students|workers|civilians) (?:\w+ ){0,3}(?:were |was )?(?:killed|shot dead|died)",
    r"(?:killed|kills|killing) (?:\w+ ){0,3}(?:protesters|demonstrators|people)",
    r"deadly crackdown",
    r"violent crackdowns?",
    r"violently (?:suppressed|dispersed|attacked|broke up|broken up)",
    r"excessive force",
    r"(?:were|was) (?:\w+ )?(?:injured|wounded|hurt)",
    r"(?:injuring|wounding) (?:\w+ ){0,3}(?:protesters|demonstrators|people)",
    r"(?:\d+|several|dozens|many|scores) (?:of )?(?:protesters |demonstrators |people )?(?:were )?(?:killed|injured|wounded|dead)",
    r"pellets?",
    # "talk about police brutality": the movement's cause, not force at this protest
    r"brutal(?:ly)?\b|(?<!police )brutality",
    # one person's death or wounding at the forces' hands ("was shot by government security forces", "was murdered
    # after being shot", "died of severe beating on the head by security forces"), and the forces' armed attack
    r"(?:was|were|been|being) (?:\w+ )?(?:shot|murdered)\b",
    r"died (?:of|from) (?:\w+ ){0,3}(?:beating|beatings|gunshot|gunshots|bullet|bullets|wounds|injuries)\b",
    r"armed attack",
)
# "three die in protest crackdown", "two dead at the march": read only when "die / died / dead in, at,
# during" occurs (a separate pattern, for the same reason as TOPPLE_EN).
_DIE_EN = re.compile(r"\b(?:die|died|dead) (?:in|at|during)\b", re.IGNORECASE)
DEATHS_EN = _en(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores) (?:\w+ ){0,2}(?:die|died|dead) (?:in|at|during)\b"
)
FORCE_FA = _fa(
    r"شلیک(?! گاز)(?! گلوله پلاستیکی)",
    r"تیراندازی",
    r"گلوله جنگی",
    r"ساچمه",
    r"کشته",
    r"جان باخت",
    r"جان خود را از دست",
    r"زخمی",
    r"مجروح",
)
INTERVENTION_EN = _en(
    r"(?:to |were |was |been |forcibly |violently )dispers(?:e|ed)\b",
    r"dispers(?:ed|ing) (?:the |a )?(?:crowds?|protesters|demonstrators|gathering|rally|sit-in|protest|demonstration|them|people|marchers|workers)",
    r"dispersal",
    r"(?:police|security forces|riot police|agents|officers) (?:\w+ ){0,2}dispersed\b",
    r"tear ?gas",
    r"pepper[- ]?spray(?:ed)?",
    r"water cannons?",
    r"rubber bullets",
    r"batons?|baton-charged|baton charged",
    # "mothers of detained students" names who they are, not what happened at this protest
    r"(?<!of )(?<!the )(?<!their )(?<!for )(?:arrested|detain(?:s|ed|ing)?\b)",
    r"(?:rounded up|took into custody|taken into custody|arrests|detentions|detaining|arresting)",
    r"broke up|broken up|break up",
    r"suppress(?:ed|ion)",
    r"crack(?:ed)? down|crackdown",
    r"riot police (?:\w+ ){0,3}(?:charged|moved in|cleared|intervened)",
    # "security forces struggled to drag them out of the way": forces trying to remove the crowd
    r"(?:police|security forces|agents) (?:\w+ ){0,3}(?:intervened|prevented|blocked|cleared|removed|dragged|confronted|attacked|charged|raided|stormed|to (?:drag|remove|clear|evict|push back|disperse)\b)",
    r"prevented (?:\w+ ){0,3}from",
    r"beat(?:en|ing)?\b",
    r"(?:were|was) (?:forcibly )?(?:removed|dragged away|evicted|driven away|pushed back|chased away) by",
    # "A rally in Izeh was attacked by security forces": the forces' attack told in the passive
    r"(?:were|was) (?:\w+ )?(?:attacked|raided|stormed|charged) by (?:the )?(?:\w+ )?(?:police|security forces|forces|agents|officers|troops|plainclothes|Basij\w*|militiamen)\b",
)
INTERVENTION_FA = _fa(
    r"متفرق",
    r"ضرب و شتم",
    r"کتک",
    r"گاز اشک آور",
    r"گاز اشکآور",
    r"گاز فلفل",
    r"باتوم",
    r"بازداشت(?! شدگان)(?!ی)",
    r"دستگیر",
    r"یورش",
    r"سرکوب",
    r"ممانعت",
    r"جلوگیری",
    r"پراکنده",
    r"ماموران (?:\w+ ){0,3}(?:حمله|مانع)",
    r"نیروهای (?:امنیتی|انتظامی|یگان ویژه)",
)


@dataclass(frozen=True)
class SentenceCues:
    """What the cue lists found in one sentence."""

    is_protest: bool
    planned: bool
    online: bool
    violent: bool
    force: bool
    intervention: bool


_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|not|without|never|nor)|(?<![\u0600-\u06ff])(?:بدون|هیچ|بی))\s+(?:\S+\s+){0,1}$", re.IGNORECASE
)


# A cue noun that is the object of a verb of complaint ("to decry the arrests and violence", "condemning
# the crackdown") names the crowd's grievance, not what happened at this protest; a verb between them
# ("protested outside the ministry and were arrested") ends the object.
_GRIEVANCE_VERB_BEFORE = re.compile(
    r"\b(?:decr(?:y|ying|ied|ies)|denounc(?:e|ed|es|ing)|condemn(?:s|ed|ing)?|protest(?:s|ed|ing)?(?: against| over)?"
    r"|against|oppos(?:e|ed|es|ing)|mourn(?:s|ed|ing)?"
    # "Iranian Protests Continue, Defying Crackdown", "despite the crackdown": what the crowd braved, not what
    # happened at this protest
    r"|def(?:y|ying|ied|ies)|despite|in spite of)"
    r"\s+(?:(?!(?:were|was|is|are|had|has|have|been|be|then|when|after|but|while|as)\b)[\w'-]+\s+){0,4}$",
    re.IGNORECASE,
)
_GRIEVANCE_NOUN = re.compile(
    r"(?:arrests|detentions|violence|crackdowns?|brutality|repression|suppression|killings|raids)$", re.IGNORECASE
)


def _affirmed(
    pattern: re.Pattern[str], sentence: str, persian: bool = False, reason: re.Pattern[str] | None = None
) -> bool:
    """Tell whether a cue occurs without a negation just before it ("no clashes were reported") and,
    in English, not as the object of a complaint ("to decry the arrests"); with `reason`, not as the
    crowd's reason either ("gathered … days after she was detained": see `_told_as_reason`)."""
    for m in pattern.finditer(sentence):
        if _NEGATION_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]):
            continue
        if reason is not None and _told_as_reason(sentence, m, reason):
            continue
        if (
            not persian
            and _GRIEVANCE_NOUN.search(m.group(0))
            and _GRIEVANCE_VERB_BEFORE.search(sentence[max(0, m.start() - 60) : m.start()])
        ):
            continue
        return True
    return False


# Words that give the crowd's reason: a killing or injury told after them ("gathered after a porter
# was shot dead", "در اعتراض به کشته شدن") happened before the protest, not to these protesters.
REASON_EN = re.compile(
    r"\b(?:after|following|over|because of|in protest (?:at|against|over)|to protest|angered by|outraged by|"
    r"in anger (?:at|over)|mourning|demanding justice for)\b",
    re.IGNORECASE,
)
REASON_FA = re.compile(r"(?:پس از|بعد از|در پی|در اعتراض به|به دلیل|به خاطر|در واکنش به|به علت)(?![\u0600-\u06ff])")
# A new clause ("; police then fired on them") ends the reason.
_CLAUSE_BREAK = re.compile(
    r"[;؛:]|,\s+(?:and|but|while|when)\b|\b(?:and then|but|while|whereas)\b|،\s*(?:و|اما|ولی)|(?<![\u0600-\u06ff])(?:اما|ولی|و سپس|سپس)(?![\u0600-\u06ff])"
)


_PROTEST_OBJECT = re.compile(
    r"\b(?:protest|rally|demonstration|gathering|sit-in|march|crowd)s?\b|\b(?:protesters|demonstrators|marchers)\b"
    # in Persian the object comes before its verb and takes «را» («تجمع را متفرق کردند», «معترضان را»): a protest
    # word with no «را» after it is the sentence's own gathering («… در اعتراض به کشته شدن او تجمع کردند»)
    r"|(?<![\u0600-\u06ff])(?:تجمع|معترض|تظاهر|راهپیمایی)\S*(?: \S+){0,2}? را(?![\u0600-\u06ff])"
    r"|(?<![\u0600-\u06ff])به (?:تجمع|معترض|تظاهر|راهپیمایی)",
    re.IGNORECASE,
)
# The Persian words that give the crowd's grievance itself: an arrest told after them («در اعتراض به بازداشت
# همکاران») is why they gathered, not an intervention at the gathering («در پی»، «پس از» may tell either).
GRIEVANCE_REASON_FA = re.compile(r"(?:در اعتراض به|در اعتراض نسبت به|در واکنش به)(?![\u0600-\u06ff])")


# The movement's dead named as a group ("درباره کشته‌شدگان اعتراضات صحبت می‌کنند", "یکی از جان‌باختگان
# اعتراضات"): who they are, not force told at this gathering.
_DEAD_OF_PROTESTS_FA = re.compile(
    r"(?:کشته ?شدگان|کشته ?شده ?ها|جان ?باختگان)(?: \S+){0,2}? (?:اعتراضات|اعتراض ها|اعتراض‌ها|تظاهرات|ناآرامی ?ها|خیزش|قیام)"
    r"(?![\u0600-\u06ff])"
)


def _force_at_protest(sentence: str, persian: bool) -> bool:
    """Tell whether lethal or injuring force is told as done at the protest, not as the crowd's reason."""
    pattern, reason = (FORCE_FA, REASON_FA) if persian else (FORCE_EN, REASON_EN)
    matches = list(pattern.finditer(sentence))
    if not persian and _DIE_EN.search(sentence):
        matches += DEATHS_EN.finditer(sentence)
    dead_named = [(m.start(), m.end()) for m in _DEAD_OF_PROTESTS_FA.finditer(sentence)] if persian else []
    for match in matches:
        if _NEGATION_BEFORE.search(sentence[max(0, match.start() - 30) : match.start()]):
            continue
        if any(start <= match.start() < end for start, end in dead_named):
            continue  # the protests' dead named as a group, not killed at this gathering
        if not _told_as_reason(sentence, match, reason):
            return True
    return False


# English past perfect in a relative or time clause before a cue of force or intervention ("a student who had been
# beaten in custody", "a day after a boy had been shot dead"): done before the protest, so part of its reason (not
# reported speech's past perfect: "the prosecutor said some of the protesters had been arrested").
_PLUPERFECT_BEFORE_EN = re.compile(
    r"\b(?:who|whom|after|since|because|once|when)(?: [\w'-]+){0,3}? had (?:been |already been )?$", re.IGNORECASE
)


def _told_as_reason(sentence: str, match: re.Match[str], reason: re.Pattern[str]) -> bool:
    """Tell whether a cue of force or intervention is part of the crowd's reason ("after she was detained"), not of the protest."""
    if reason is REASON_EN and _PLUPERFECT_BEFORE_EN.search(sentence, max(0, match.start() - 60), match.start()):
        return True
    # the reason phrase is short: "after two porters were shot dead", "پس از کشته شدن"; a force word
    # further on ("در اعتراض به بسته شدن مرز … تیراندازی کردند") is what happened at the protest
    before = sentence[max(0, match.start() - 60) : match.start()]
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] :] if breaks else before
    markers = list(reason.finditer(clause))
    if not markers or len(clause[markers[-1].end() :].split()) > 6:
        return False
    # "after security forces violently dispersed a protest": the force was used on a protest
    return not _PROTEST_OBJECT.search(sentence[match.start() : match.end() + 30])


# Shops and their keepers as the ones who act ("Shopkeepers in Baneh pulled down their shutters", "کسبه
# بازار سنندج مغازه های خود را تعطیل کردند"): a shop strike. With no gathering told in the same sentence it
# is no protest event (the convention of every gold set since issue 16: a strike of shops is not a
# gathering); shopkeepers who gather, march or sit in are one.
SHOP_ACTORS_EN = _en(
    r"(?:shopkeepers?|shop ?owners?|shop workers|storekeepers?|store ?owners?|(?:bazaar |market )?(?:merchants|traders)|"
    r"bazaaris?|shops|stores|bakeries|bakery owners|bakers)\b"
)
SHOP_ACTORS_FA = _fa(
    r"کسبه",
    r"بازاریان",
    r"مغازه ?داران",
    r"مغازه ها",
    r"مغازه های",
    r"اصناف",
    r"کرکره",
    r"نانوایی",
    r"نانوا",
    # Dari "دوکان"/"دکان" (shop); a bazaar shut ("بخش‌هایی از بازار بزرگ تهران … را تعطیل کرد")
    r"دوکان",
    r"دکان",
    r"بازار(?:[^.،]{0,60}) را (?:تعطیل کرد|تعطیل کردند|بست|بستند|بسته اند)",
)
GATHERING_TOLD_EN = _en(
    r"gather(?:ed|ing|ings)?\b",
    r"rall(?:y|ies|ied|ying)\b",
    r"march(?:ed|es|ing)?\b",
    r"sit-?ins?\b",
    r"demonstrat(?:ion|ions|ors?|ed|ing|e)\b",
    r"(?:took|take|taking) to the streets",
    r"crowds?\b",
    r"chant(?:ed|ing|s)?\b",
    r"assembl(?:ed|ing)\b",
    r"(?:outside|in front of)\b",
    r"clash(?:ed|es)?\b",
    # "the protest by the bakers was held in Tabriz", "staged a protest": a gathering held
    r"(?:was|were|been) (?:\w+ )?(?:held|staged)\b",
    r"(?:held|staged) (?:a |an )?(?:[\w-]+ )?(?:protest|rally|demonstration|gathering|sit-in)s?\b",
)
GATHERING_TOLD_FA = _fa(
    r"تجمع",
    r"مظاهر",  # Dari and Arabic: demonstration(s)
    r"احتجاج",
    r"راهپیمایی",
    r"راه پیمایی",
    r"تظاهر",
    r"تحصن",
    r"متحصن",
    r"گرد هم",
    r"گردهم",
    r"جمع شد",
    r"شعار",
    r"مقابل",
    r"جلوی",
    r"درگیر",
    r"برگزار (?:کردند|شد|کرده|شده)",
)


# A rally of the government's supporters ("pro-government protesters held a rally", "government supporters
# staged pro-government rallies") is no protest against anyone in power (issue 16's real-text rule).
PRO_GOVERNMENT_EN = _en(
    r"pro-?government (?:protesters|demonstrators|rall(?:y|ies)|demonstrations?|marches|marchers|supporters)\b",
    r"government supporters (?:\w+ ){0,3}(?:rall(?:y|ies|ied)|march(?:ed|es)?|gathered|demonstrat(?:ed|ions?))\b",
)
PRO_GOVERNMENT_FA = _fa(
    r"راهپیمایی (?:\S+ )?حامیان (?:دولت|حکومت|نظام)", r"(?:تجمع|راهپیمایی) (?:\S+ )?(?:حکومتی|دولتی)"
)
# A ceremony (a memorial, an anniversary, a commemoration) where those present objected to a speaker: no
# gathering of protest is told, unless the sentence tells one (slogans, a march, clashes). Funerals are
# left out: a funeral that turns into a protest is one.
CEREMONY_EN = _en(r"memorial(?! (?:march|rally|protest))", r"ceremony", r"commemoration", r"anniversary service")
CEREMONY_FA = _fa(r"مراسم", r"سالمرگ", r"بزرگداشت")
CEREMONY_PROTEST_EN = _en(
    r"march(?:ed|es|ing)?\b",
    r"rall(?:y|ies|ied)\b",
    r"chant(?:ed|ing|s)?\b",
    r"slogans?\b",
    r"clash(?:ed|es)?\b",
    r"demonstrat(?:ion|ions|ors|ed)\b",
    r"(?:took|take) to the streets",
)
CEREMONY_PROTEST_FA = _fa(r"تجمع", r"راهپیمایی", r"شعار", r"درگیر", r"تظاهر", r"مظاهر")


# A funeral, a memorial or its mourners met by the forces ("Police fired tear gas at mourners at a memorial ceremony",
# "Security forces opened fire on mourners at a funeral", «ماموران … مراسم تشییع جنازه در مهاباد را متفرق کردند»,
# «… برای مراسم چهلم … رفتند و نیروهای امنیتی با گاز اشک آور به مردم حمله کردند»): the gathering is met as a protest
# is (the gold's Montazeri funeral, where "clashes ensued between security forces and mourners", is a protest with
# intervention); the force says which sub-type. Not a funeral of someone shot before it ("the funeral of a man shot
# dead by security forces"): the force must come to the mourners or the ceremony, or the ceremony be dispersed.
MOURNING_MET_EN = _en(
    r"(?:fired|firing|opened fire|shot at|shooting at|tear[- ]?gas(?:sed)?|pellets|attacked|attacking|dispers(?:e|ed|ing)|beat|beating|raided|stormed|broke up|breaking up)"
    r"(?: [\w'-]+){0,5}? (?:mourners|funerals?|memorials?|ceremony|ceremonies|commemorations?|burial|procession|mourning)\b",
    r"(?:mourners|funerals?|memorials?|ceremony|ceremonies|commemorations?|burial|procession)(?: [\w'-]+){0,6}? (?:was|were) (?:\w+ )?"
    r"(?:attacked|dispersed|tear-gassed|fired (?:up)?on|shot at|raided|broken up|stormed)\b",
    # "Mourners gathered at the cemetery …; security forces fired tear gas": the forces in the next clause
    r"(?:mourners|funerals?|memorials?|ceremony|commemorations?|burial|procession)\b[^;.!?]{0,160}?(?:;|,? and|, but|, where|, when)\s+"
    r"(?:the )?(?:riot )?(?:police|security forces|security agents|agents|officers|troops|Basij\w*|militiamen|plainclothes\w*)"
    r" (?:\w+ ){0,2}?(?:fired|opened fire|used|attacked|dispersed|beat|charged|shot|raided|stormed)\b",
)
_MOURNING_FA = _fa(r"مراسم", r"تشییع", r"سوگوار", r"عزادار", r"خاکسپاری", r"چهلم", r"آرامستان", r"گورستان", r"مزار")
_MOURNER_WORDS_FA = r"سوگواران|عزاداران|حاضران|حاضرین|شرکت ?کنندگان|مردم|جمعیت"
_MOURNERS_FA = rf"(?:{_MOURNER_WORDS_FA})"
MOURNING_MET_FA = _fa(
    rf"(?:به|بر|به سوی|به سمت|بر روی) {_MOURNERS_FA}(?: \S+){{0,6}}? (?:حمله|شلیک|تیراندازی|یورش)",
    rf"(?:{_MOURNER_WORDS_FA}|مراسم)(?: \S+){{0,5}}? را (?:\S+ ){{0,2}}?(?:متفرق|سرکوب|به گلوله بستند|هدف)",
    rf"(?:گاز اشک ?آور|شلیک|تیراندازی|ساچمه|گلوله)(?: \S+){{0,3}}? (?:به|بر|به سوی|به سمت|بر روی) {_MOURNERS_FA}",
)


def _mourning_met_by_force(sentence: str, persian: bool) -> bool:
    """Tell whether a sentence tells a funeral, a memorial or its mourners met by the forces."""
    if persian:
        return bool(_MOURNING_FA.search(sentence)) and bool(MOURNING_MET_FA.search(sentence))
    return bool(MOURNING_MET_EN.search(sentence))


def _ceremony_objection(sentence: str, persian: bool) -> bool:
    """Tell whether a sentence tells a ceremony where people objected, with no protest gathering told."""
    ceremony, protest = (CEREMONY_FA, CEREMONY_PROTEST_FA) if persian else (CEREMONY_EN, CEREMONY_PROTEST_EN)
    return bool(ceremony.search(sentence)) and not protest.search(sentence)


def _shop_strike_alone(sentence: str, persian: bool) -> bool:
    """Tell whether a sentence tells shops closing or shopkeepers striking, with no gathering of them."""
    actors = SHOP_ACTORS_FA if persian else SHOP_ACTORS_EN
    gathering = GATHERING_TOLD_FA if persian else GATHERING_TOLD_EN
    return bool(actors.search(sentence)) and not gathering.search(sentence)


def read_cues(sentence: str, language: str) -> SentenceCues:
    """Return the cues found in a normalized sentence."""
    persian = language in {"fa", "ar"}
    protest_hits = list((PROTEST_FA if persian else PROTEST_EN).finditer(sentence))
    if persian and not protest_hits:
        protest_hits = list(PROTEST_EN.finditer(sentence))
    blockers = (NOT_PROTEST_FA if persian else NOT_PROTEST_EN).finditer(sentence)
    blocked = [(m.start(), m.end()) for m in blockers]
    real_hits = [hit for hit in protest_hits if not any(s <= hit.start() < e for s, e in blocked)]
    # the crowd under someone's label is the crowd ('clashed with what it called "rioters"': with the protesters)
    unlabelled = sentence if persian else _LABEL_TOLD_EN.sub(" protesters ", sentence)
    police_clash = (POLICE_CLASH_FA if persian else POLICE_CLASH_EN).search(unlabelled)
    mourning_met = _mourning_met_by_force(sentence, persian)
    # violence is read without the forces' clash with the crowd and without a burned symbol
    violence_told = (
        unlabelled if police_clash is None else (POLICE_CLASH_FA if persian else POLICE_CLASH_EN).sub(" ", unlabelled)
    )
    violence_told = (SYMBOLIC_BURNING_FA if persian else SYMBOLIC_BURNING_EN).sub(" ", violence_told)
    is_protest = (
        bool(real_hits)
        or police_clash is not None
        or mourning_met
        or _gathering_protest(sentence, persian)
        or bool((CROWD_VIOLENCE_FA if persian else CROWD_VIOLENCE_EN).search(sentence))
    ) and not (
        _shop_strike_alone(sentence, persian)
        or (_ceremony_objection(sentence, persian) and not mourning_met)
        or bool((PRO_GOVERNMENT_FA if persian else PRO_GOVERNMENT_EN).search(sentence))
    )
    return SentenceCues(
        is_protest=is_protest,
        planned=bool((PLANNED_FA if persian else PLANNED_EN).search(sentence)),
        online=bool((ONLINE_FA if persian else ONLINE_EN).search(sentence))
        and not (FOOTAGE_FA if persian else FOOTAGE_EN).search(sentence),
        violent=_affirmed(VIOLENT_FA if persian else VIOLENT_EN, violence_told, persian)
        or (not persian and bool(_MONUMENT_EN.search(sentence)) and _affirmed(TOPPLE_EN, sentence)),
        force=_force_at_protest(sentence, persian),
        # In Persian «در پی حمله ماموران … بازداشت شده‌اند» tells the arrest's circumstance, not the crowd's
        # reason, so only English reads an intervention after "after", "to protest" as the reason.
        intervention=police_clash is not None
        or _affirmed(INTERVENTION_FA, sentence, persian, reason=GRIEVANCE_REASON_FA)
        if persian
        else police_clash is not None or _affirmed(INTERVENTION_EN, sentence, reason=REASON_EN),
    )


def sub_event_type(cues: list[SentenceCues]) -> SubEventType:
    """Apply ACLED's precedence: violent demonstrators, then lethal or injuring force, then intervention."""
    if any(c.violent for c in cues):
        return SubEventType.VIOLENT_DEMONSTRATION
    if any(c.force for c in cues):
        return SubEventType.EXCESSIVE_FORCE
    if any(c.intervention for c in cues):
        return SubEventType.PROTEST_WITH_INTERVENTION
    return SubEventType.PEACEFUL_PROTEST
