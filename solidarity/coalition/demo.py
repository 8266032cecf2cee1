"""A believable, entirely invented coalition: taxonomies, ~44 organizations, ~250 delegates."""

from __future__ import annotations

from solidarity.coalition import services
from solidarity.coalition.models import Organization, Term
from solidarity.core.models import User
from solidarity.demo import DemoContext

FAMILIES = [
    ("socialist", "Socialist", "سوسیالیست"),
    ("social-democrat", "Social democrat", "سوسیال‌دموکرات"),
    ("liberal-democrat", "Liberal democrat", "لیبرال‌دموکرات"),
    ("republican", "Republican", "جمهوری‌خواه"),
    ("federalist", "Federalist", "فدرالیست"),
    ("parliamentary-monarchist", "Parliamentary monarchist", "مشروطه‌خواه"),
    ("nationalist", "Nationalist", "ملی‌گرا"),
    ("non-partisan", "Non-partisan", "غیرحزبی"),
]
TIES = [
    ("kurdish", "Kurdish", "کرد"),
    ("azerbaijani", "Azerbaijani / Turkic", "آذربایجانی / ترک"),
    ("baluch", "Baluch", "بلوچ"),
    ("arab", "Arab", "عرب"),
    ("lur", "Lur", "لر"),
    ("turkmen", "Turkmen", "ترکمن"),
    ("gilak-mazandarani", "Gilak and Mazandarani", "گیلک و مازندرانی"),
    ("persian", "Persian", "فارس"),
]
SECTORS = [
    ("women", "Women", "زنان"),
    ("students", "Students", "دانشجویان"),
    ("ethnic-minorities", "Ethnic minorities", "اقلیت‌های قومی"),
    ("religious-minorities", "Religious minorities", "اقلیت‌های دینی"),
    ("political-prisoners", "Political prisoners and families", "زندانیان سیاسی و خانواده‌ها"),
    ("teachers", "Teachers", "معلمان"),
    ("journalists", "Journalists and bloggers", "روزنامه‌نگاران و وبلاگ‌نویسان"),
    ("dissident-clerics", "Dissident clerics", "روحانیون منتقد"),
    ("lawyers", "Civil-rights lawyers", "وکلای حقوق مدنی"),
    ("laborers", "Laborers", "کارگران"),
    ("unions", "Union members", "اعضای سندیکاها"),
    ("health", "Doctors and nurses", "پزشکان و پرستاران"),
    ("retirees", "Retirees", "بازنشستگان"),
    ("farmers", "Farmers", "کشاورزان"),
    ("artists", "Artists", "هنرمندان"),
    ("veterans", "Veterans", "ایثارگران و کهنه‌سربازان"),
]

# (English name, Persian name, kind, base, families, ties, sectors, countries, cities). All invented.
ORGANIZATIONS = [
    ("Alborz Workers' Solidarity Network", "شبکه همبستگی کارگران البرز", "union", "inside", ["socialist"], ["persian"], ["laborers", "unions"], "IR", "Karaj"),
    ("Caspian Teachers' Circle", "حلقه معلمان کاسپین", "civil", "inside", ["non-partisan"], ["gilak-mazandarani"], ["teachers"], "IR", "Rasht, Sari"),
    ("Front for a Secular Republic", "جبهه جمهوری سکولار", "party", "diaspora", ["republican"], ["persian"], ["students"], "DE,FR", "Berlin, Paris"),
    ("Constitutional Heritage Council", "شورای میراث مشروطه", "party", "diaspora", ["parliamentary-monarchist"], ["persian"], ["veterans"], "US,GB", "Los Angeles, London"),
    ("Zagros Federal Democrats", "دموکرات‌های فدرال زاگرس", "party", "both", ["federalist"], ["kurdish"], ["ethnic-minorities"], "IR,SE", "Sanandaj, Stockholm"),
    ("Union of Azerbaijani Democrats", "اتحاد دموکرات‌های آذربایجان", "ethnic", "both", ["federalist", "liberal-democrat"], ["azerbaijani"], ["ethnic-minorities"], "IR,TR", "Tabriz, Istanbul"),
    ("Makran Civic Forum", "انجمن مدنی مکران", "ethnic", "inside", ["non-partisan"], ["baluch"], ["ethnic-minorities", "religious-minorities"], "IR", "Zahedan, Chabahar"),
    ("Karun Arab Cultural Society", "انجمن فرهنگی عرب کارون", "ethnic", "both", ["federalist"], ["arab"], ["ethnic-minorities", "artists"], "IR,NL", "Ahvaz, The Hague"),
    ("Lorestan Mountain Assembly", "مجمع کوهستان لرستان", "ethnic", "inside", ["nationalist"], ["lur"], ["farmers"], "IR", "Khorramabad"),
    ("Gorgan Plain Turkmen Council", "شورای ترکمن‌های دشت گرگان", "ethnic", "inside", ["federalist"], ["turkmen"], ["farmers", "ethnic-minorities"], "IR", "Gonbad-e Kavus"),
    ("Women for Equal Citizenship", "زنان برای شهروندی برابر", "civil", "both", ["liberal-democrat", "social-democrat"], ["persian"], ["women"], "IR,CA", "Tehran, Toronto"),
    ("Free Students' Coordination", "هماهنگی دانشجویان آزاد", "civil", "inside", ["non-partisan"], [], ["students"], "IR", "Tehran, Isfahan, Mashhad"),
    ("Families for Justice", "خانواده‌ها برای دادخواهی", "civil", "both", ["non-partisan"], [], ["political-prisoners"], "IR,DE", "Tehran, Cologne"),
    ("Independent Press Collective", "جمع مطبوعات مستقل", "media", "diaspora", ["non-partisan"], [], ["journalists"], "GB,FR", "London, Paris"),
    ("Bloggers Without Borders Iran", "وبلاگ‌نویسان بی‌مرز ایران", "media", "both", ["liberal-democrat"], [], ["journalists"], "IR,NL", "Shiraz, Amsterdam"),
    ("Lawyers for the Rule of Law", "وکلا برای حاکمیت قانون", "civil", "both", ["liberal-democrat"], [], ["lawyers"], "IR,CH", "Tehran, Geneva"),
    ("White Coats Association", "انجمن روپوش سفیدها", "civil", "inside", ["non-partisan"], [], ["health"], "IR", "Tabriz, Tehran"),
    ("Nurses' Voice Syndicate", "سندیکای صدای پرستاران", "union", "inside", ["social-democrat"], [], ["health", "unions", "women"], "IR", "Isfahan"),
    ("Retirees' Dignity League", "اتحادیه کرامت بازنشستگان", "civil", "inside", ["non-partisan"], ["persian"], ["retirees"], "IR", "Ahvaz, Shush, Kermanshah"),
    ("Green Fields Farmers' Cooperative", "تعاونی کشاورزان کشتزار سبز", "union", "inside", ["non-partisan"], ["persian"], ["farmers"], "IR", "Isfahan, Varzaneh"),
    ("Artists for Freedom of Expression", "هنرمندان برای آزادی بیان", "civil", "diaspora", ["liberal-democrat"], [], ["artists"], "US,DE", "New York, Hamburg"),
    ("Veterans for Peace and Democracy", "کهنه‌سربازان برای صلح و دموکراسی", "civil", "both", ["nationalist"], [], ["veterans"], "IR,US", "Dezful, Washington"),
    ("Reformist Clerics' Circle", "حلقه روحانیون منتقد", "civil", "inside", ["republican"], ["persian"], ["dissident-clerics", "religious-minorities"], "IR", "Qom"),
    ("Democratic Left Alliance", "اتحاد چپ دموکراتیک", "party", "diaspora", ["socialist"], [], ["laborers", "students"], "SE,DE", "Gothenburg, Frankfurt"),
    ("Social Democratic Party of Iranian Citizens", "حزب سوسیال‌دموکرات شهروندان ایرانی", "party", "diaspora", ["social-democrat"], [], ["unions", "retirees"], "DE,AT", "Berlin, Vienna"),
    ("Liberty and Development Party", "حزب آزادی و توسعه", "party", "diaspora", ["liberal-democrat"], [], ["students", "women"], "US,CA", "Los Angeles, Vancouver"),
    ("National Unity Front", "جبهه وحدت ملی", "party", "diaspora", ["nationalist"], ["persian"], ["veterans"], "US,GB", "Houston, Manchester"),
    ("Constitutional Monarchy Youth", "جوانان مشروطه‌خواه", "party", "diaspora", ["parliamentary-monarchist"], [], ["students"], "US,AU", "San Diego, Sydney"),
    ("Union of Federal Peoples", "اتحاد مردمان فدرال", "party", "diaspora", ["federalist"], ["kurdish", "baluch", "arab", "azerbaijani", "turkmen"], ["ethnic-minorities"], "SE,NO", "Stockholm, Oslo"),
    ("Truck Drivers' Solidarity Committee", "کمیته همبستگی رانندگان کامیون", "union", "inside", ["non-partisan"], [], ["laborers", "unions"], "IR", "Bandar Abbas, Arak"),
    ("Oil and Petrochemical Contract Workers' Council", "شورای کارگران پیمانی نفت و پتروشیمی", "union", "inside", ["socialist"], ["arab", "lur"], ["laborers", "unions"], "IR", "Asaluyeh, Abadan"),
    ("Bahai and Minority Rights Watchers", "ناظران حقوق اقلیت‌ها", "civil", "diaspora", ["non-partisan"], [], ["religious-minorities"], "NL,CA", "Utrecht, Montreal"),
    ("Kurdistan Women's Association", "انجمن زنان کردستان", "ethnic", "both", ["social-democrat"], ["kurdish"], ["women", "ethnic-minorities"], "IR,IQ", "Mahabad, Erbil"),
    ("Tabriz Students' Union", "اتحادیه دانشجویان تبریز", "civil", "inside", ["non-partisan"], ["azerbaijani"], ["students"], "IR", "Tabriz, Urmia"),
    ("Baluch Teachers' Network", "شبکه معلمان بلوچ", "civil", "inside", ["non-partisan"], ["baluch"], ["teachers"], "IR", "Iranshahr"),
    ("Gilan Fishermen and Farmers", "ماهیگیران و کشاورزان گیلان", "union", "inside", ["non-partisan"], ["gilak-mazandarani"], ["farmers", "laborers"], "IR", "Bandar-e Anzali"),
    ("Republic Now", "جمهوری اکنون", "party", "diaspora", ["republican"], [], ["women", "journalists"], "FR,BE", "Paris, Brussels"),
    ("Human Rights Documentation Group", "گروه مستندسازی حقوق بشر", "civil", "diaspora", ["non-partisan"], [], ["political-prisoners", "lawyers"], "NO,GB", "Oslo, London"),
    ("Radio Daybreak", "رادیو سپیده", "media", "diaspora", ["non-partisan"], [], ["journalists", "artists"], "CZ", "Prague"),
    ("Bazaar Merchants' Guild", "صنف بازاریان", "union", "inside", ["nationalist"], ["persian"], ["unions"], "IR", "Tehran, Tabriz"),
]
PENDING = [
    ("Khuzestan Water Rights Campaign", "کارزار حق آب خوزستان", "civil", "inside", ["non-partisan"], ["arab", "lur"], ["farmers"], "IR", "Ahvaz"),
    ("Diaspora Doctors Network", "شبکه پزشکان مهاجر", "civil", "diaspora", ["non-partisan"], [], ["health"], "DE,GB", "Munich, Birmingham"),
    ("Mazandaran Youth Forum", "انجمن جوانان مازندران", "civil", "inside", ["social-democrat"], ["gilak-mazandarani"], ["students"], "IR", "Babol"),
    ("Assyrian and Armenian Citizens' Forum", "انجمن شهروندان آشوری و ارمنی", "civil", "both", ["non-partisan"], [], ["religious-minorities"], "IR,AM", "Urmia, Yerevan"),
]

FIRST = ["Azadeh", "Babak", "Bahar", "Dariush", "Elaheh", "Farhad", "Golnar", "Hamid", "Hengameh", "Iraj", "Jaleh",
         "Kamran", "Leila", "Mahsa", "Majid", "Mina", "Nader", "Niloofar", "Omid", "Parvaneh", "Payam", "Roya",
         "Saman", "Sepideh", "Shahram", "Simin", "Soheil", "Taraneh", "Vahid", "Yasmin", "Zhila", "Reza", "Hiwa",
         "Aylin", "Soran", "Dilan", "Abdullah", "Mariam", "Rostam", "Yousef"]
ROLES = ["delegate"] * 6 + ["alternate"] * 2 + ["speaker", "observer"]


def build(context: DemoContext) -> None:
    rng = context.rng
    organizer = context.shared["users"]["organizer"]
    officer = context.shared["users"]["officer"]
    terms: dict[tuple[str, str], Term] = {}
    for kind, entries in ((Term.Kind.FAMILY, FAMILIES), (Term.Kind.TIE, TIES), (Term.Kind.SECTOR, SECTORS)):
        for position, (slug, name_en, name_fa) in enumerate(entries):
            terms[(kind, slug)] = services.save_term(
                actor=organizer, kind=kind, slug=slug, name_en=name_en, name_fa=name_fa, position=position
            )

    def data(row: tuple[str, str, str, str, list[str], list[str], list[str], str, str]) -> services.OrganizationData:
        name_en, name_fa, kind, base, families, ties, sectors, countries, cities = row
        return services.OrganizationData(
            name_en=name_en,
            name_fa=name_fa,
            kind=kind,
            base=base,
            families=[terms[(Term.Kind.FAMILY, s)] for s in families],
            ties=[terms[(Term.Kind.TIE, s)] for s in ties],
            sectors=[terms[(Term.Kind.SECTOR, s)] for s in sectors],
            countries=countries,
            cities=cities,
            description_en=f"{name_en} is an invented demo organization: {kind}, based {base}, active in {cities}.",
            description_fa=f"«{name_fa}» یک سازمان ساختگی برای نمایش است، فعال در {cities}.",
        )

    members: list[Organization] = []
    for row in ORGANIZATIONS:
        organization = services.apply_for_membership(data=data(row))
        services.change_status(
            organization=organization, status=Organization.Status.MEMBER, reason="Demo: admitted at founding.", actor=organizer
        )
        members.append(organization)
    for row in PENDING:
        services.apply_for_membership(data=data(row))
    # One organization suspended, to show the status history.
    services.change_status(
        organization=members[-1], status=Organization.Status.SUSPENDED, reason="Demo: dues unpaid.", actor=organizer
    )
    context.progress("demo: coalition delegates")
    active = members[:-1]
    count = 0
    for organization in active:
        for _ in range(rng.randint(4, 9)):
            count += 1
            name = f"{rng.choice(FIRST)} {chr(ord('A') + rng.randrange(26))}."
            represented = [organization]
            if rng.random() < 0.06:
                represented.append(rng.choice(active))
            delegate = services.register_delegate(
                actor=officer,
                display_name=name,
                organizations=represented,
                role=rng.choice(ROLES),
                lives_inside=organization.base == Organization.Base.INSIDE and rng.random() < 0.7,
                legal_name=f"Demo Person {count:03d}",
                contact=f"demo{count:03d}@example.invalid",
            )
            if rng.random() < 0.85:
                services.accredit_delegate(delegate=delegate, actor=officer)
    # The demo delegate account represents the first organization.
    user = User.objects.get(username="delegate")
    delegate = services.register_delegate(
        actor=officer, display_name="Arash D.", organizations=[members[0]], legal_name="Demo Delegate", contact="demo@example.invalid"
    )
    services.accredit_delegate(delegate=delegate, actor=officer)
    delegate.user = user
    delegate.save(update_fields=["user"])
    context.notes.append(f"coalition: {len(members)} members, {len(PENDING)} pending applications, {count + 1} delegates")
