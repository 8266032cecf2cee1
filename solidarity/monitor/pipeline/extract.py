"""Turn one document into protest events, aggregate claims and skipped non-events."""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from solidarity.core.text import fold_for_search
from solidarity.monitor.pipeline import budget, claims, dates, detection, numbers, places, sectors
from solidarity.monitor.pipeline.language import identify_language, normalize, split_sentences
from solidarity.monitor.pipeline.records import (
    ClaimRecord,
    DateValue,
    DocumentInput,
    EventRecord,
    Evidence,
    Extraction,
    NonEvent,
    PlaceValue,
    SubEventType,
)


@dataclass
class _Group:
    """Sentences about one event (one place) while reading a document."""

    place: PlaceValue | None
    protest: list[Evidence] = field(default_factory=list)
    context: list[Evidence] = field(default_factory=list)
    cues: list[detection.SentenceCues] = field(default_factory=list)
    date: DateValue | None = None  # set when a sentence gives each of its towns its own day
    placeless: bool = False  # the movement as a whole: it takes no place from elsewhere in the document
    day: datetime.date | None = None  # the day its own sentences give: another day in the town is another event
    undated: bool = False  # "leading on to further demonstrations in Qom": later, with no day of its own

    @property
    def sentences(self) -> list[Evidence]:
        return sorted(self.protest + self.context, key=lambda e: e.start)


def _place_key(place: PlaceValue | None) -> object:
    if place is None:
        return None
    return place.geonameid or place.province_iso


def extract(document: DocumentInput) -> Extraction:
    """Extract events, claims and non-events from a document; every value keeps its sentence."""
    title = normalize(document.title)
    body = normalize(document.text)
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    language = document.language or identify_language(text)
    text = _join_list_sentences(_join_list_lines(_unglue(text)))
    sentence_list = split_sentences(text)
    movement_title = _names_movement(title, language)
    references = _references_start(text)
    # (a labelled or credited caption is furniture too: each sentence's line is read for it once)
    captions = [_is_labelled_caption(e, text, title) for e in sentence_list]
    furniture = [
        caption or e.start >= references or _is_furniture(e, text, title)
        for e, caption in zip(sentence_list, captions, strict=True)
    ]
    # A page's own clock ("پنجشنبه ۳۰ فروردین ۱۴۰۳ ایران ۰۹:۱۲") shows the day it was read: it dates nothing,
    # but no day the page tells is later.
    clocks = {e.start for e, line in zip(sentence_list, furniture, strict=True) if line and _CLOCK.search(e.sentence)}
    year = None if document.published else _year_hints(title, body, sentence_list, clocks, language)
    section_dates = _section_dates(sentence_list, furniture, document, language, year, clocks)
    gazetteer = places.default_gazetteer()
    budget.check()  # the time budget (when ingestion set one) is checked per sentence and per event
    mentions_by_sentence = [places.find_mentions(e.sentence, gazetteer) for e in budget.paced(sentence_list)]
    # With no publication date, the day the report gives itself (a caption's "Aug. 2, 2018") dates its weekdays.
    anchor = None if document.published else _report_day(sentence_list, mentions_by_sentence, clocks, language, year)
    context_provinces = {
        m.province_iso for found in mentions_by_sentence for m in found if m.place is None and m.province_iso
    }
    area = next(iter(sorted(context_provinces))) if len(context_provinces) == 1 else "IR"

    # An infobox whose place line names one town ("- Location: Mahshahr, Iran") heads an article about
    # one event: its casualty lines ("- Fatalities: 40–148") are that event's own account, no tally.
    # With no place line, a title that names one town ("2005 Ahvaz unrest") over an infobox does the same.
    place_lines = list(_INFOBOX_PLACE.finditer(text))
    one_event_infobox = any(
        len({m.place.geonameid for m in places.find_mentions(line.group("value"), gazetteer) if m.place}) == 1
        for line in place_lines
    ) or (
        not place_lines
        and bool(_INFOBOX_CASUALTIES.search(text))
        and len({m.place.geonameid for m in places.find_mentions(title, gazetteer) if m.place and m.place.geonameid})
        == 1
    )
    cues_by_sentence = [detection.read_cues(e.sentence, language) for e in sentence_list]
    # (a report of the judiciary's counts names the protests only as what people were charged for: it is about them)
    about_protests = any(c.is_protest for c in cues_by_sentence) or any(
        detection.names_protests_judged(e.sentence, language) for e in sentence_list
    )
    # A document that names Iran is read for Iran: its protests placed in another country are not its events (a
    # text with no word of Iran, such as a news item from India, keeps them).
    about_iran = (
        places.names_iran(document.text)
        or places.names_iran(document.title)
        or any(m.place is not None for found in mentions_by_sentence for m in found)
    )
    found_claims: list[ClaimRecord] = []
    non_events: list[NonEvent] = []
    groups: list[_Group] = []
    current: _Group | None = None
    movement = _Group(place=None)  # sentences about the movement as a whole
    last_index = -2  # the index of the last sentence the current event took
    last_background = -2  # the index of the last protest sentence read as history or summary
    last_day: datetime.date | None = None  # the day of the gathering told last: "the following day" counts from it
    listed: list[_Group] = []  # the events of the sentence just read when it named several places
    # Sentences that tell a gathering or its outcome without a place, away from the event just told: in a
    # passage about one town they are that town's (the gold rule for place-less follow-ups).
    placeless: list[tuple[Evidence, detection.SentenceCues, bool]] = []
    for index, (evidence, mentions, cues) in enumerate(
        budget.paced(zip(sentence_list, mentions_by_sentence, cues_by_sentence, strict=True))
    ):
        if current is not None and index > last_index + 1:
            current = None  # a sentence joins the event just told, not one told sentences before
        if index > last_index + 1:
            listed = []
        sentence_claims = claims.find_claims(evidence, language, document.published, area)
        tells_gathering = (
            cues.is_protest and _tells_gathering(evidence.sentence, language) and not _background(evidence.sentence)
        )
        if not sentence_claims:
            follow_up = current is not None and (cues.force or cues.intervention or cues.violent)
            sentence_claims = claims.find_tallies(
                evidence,
                language,
                document.published,
                area,
                event_sentence=tells_gathering or follow_up,
                named_place=bool(mentions),
                about_protests=about_protests,
            )
        if (
            sentence_claims
            and one_event_infobox
            and (
                _INFOBOX_LINE.match(evidence.sentence)
                or (
                    all(claim.unit != "places" for claim in sentence_claims)
                    and not claims.marks_aggregate(evidence.sentence, language)
                )
            )
        ):
            current = None
            continue  # the one event's own casualties, in its infobox or its lead ("As a result, 14 were killed")
        if sentence_claims:
            found_claims.extend(sentence_claims)
            if not (
                tells_gathering
                and mentions
                and all(claim.unit == "places" for claim in sentence_claims)
                and (
                    dates.find_date(evidence, document.published, language, year=year, anchor=anchor) is not None
                    or sum(m.place is not None for m in mentions) >= 2
                )
            ):
                # A claim sentence is never evidence of a counted event. (Only a gathering told with
                # its town and day, then a count of places it spread to, is both: "The first rallies
                # were in Tehran on 17 September and spread to all 31 provinces"; and a count of places
                # told with their towns, «در ۱۵ شهر تجمع برگزار شد: تهران، مشهد، …», day or none.)
                current = None
                continue
        if (
            not sentence_claims
            and not tells_gathering
            and claims.states_toll(evidence.sentence, language)
            and not _tells_action(detection.read_cues(claims.without_toll(evidence.sentence), language))
        ):
            # "The number of protesters … killed … is estimated by human rights groups to be several thousand": a
            # toll with no number to count (vague words) and nothing else told, still a claim's sentence: never
            # evidence of an event (not "Security forces opened fire on them, and the death toll is unknown")
            current = None
            continue
        if cues.is_protest and (cues.planned or cues.online):
            non_events.append(NonEvent(reason="planned" if cues.planned else "online_only", evidence=evidence))
            current = None
            continue
        support = _IN_SUPPORT_OF.search(evidence.sentence) if cues.is_protest and about_iran else None
        if support is not None and _rally_abroad_for(evidence.sentence, support.start(), mentions):
            # "Iranians in London rallied in solidarity with the people of Zahedan", «ایرانیان مقیم لندن در حمایت از
            # مردم زاهدان تجمع کردند»: the town of Iran is whom the rally supports, not where it was
            non_events.append(NonEvent(reason="abroad", evidence=evidence))
            current = None
            continue
        if (
            (cues.is_protest or cues.force or cues.violent or cues.intervention)
            and about_iran
            and not any(m.place for m in mentions)
            and places.placed_abroad(evidence.sentence)
        ):
            # "Thousands of people demonstrate in Bahrain", "… a demonstration … in Khartoum" beside Iran's news,
            # and "At least five people are killed in a blast … in Peshawar, Pakistan" after a gathering in Tehran:
            # another country's, neither an event of Iran nor what happened at the gathering told before.
            if cues.is_protest:
                non_events.append(NonEvent(reason="abroad", evidence=evidence))
            current = None
            continue
        if furniture[index] and not (cues.is_protest and _roundup_item(evidence.sentence, mentions)):
            # a caption, heading, infobox or date line is no evidence of an event; a labelled or credited caption
            # between a gathering and what happened at it ("Police fired tear gas") does not part them
            if captions[index] and current is not None and not _CAPTION.search(current.sentences[-1].sentence):
                last_index = index  # (not after a caption's own sentence: "This image grab … shows …")
            else:
                current = None
            continue
        if (
            cues.is_protest
            and evidence.sentence != title
            and (
                (
                    _protest_as_topic(evidence.sentence, language)
                    # (not the forces' attack in a named town on a named day during the protests: "On 16 November
                    # 2022, during the crackdown on the Mahsa Amini protests in the city of Izeh, there was an armed
                    # attack on Izeh market by government security forces")
                    and not (
                        (cues.force or cues.intervention)
                        and any(m.place for m in mentions)
                        and dates.find_date(evidence, document.published, language, year=year, anchor=anchor)
                    )
                )
                or (  # a span of the protests' days, or a judgment of the protests, told with no town of its own
                    (_protest_as_span(evidence.sentence, language) or _protest_judged(evidence.sentence, language))
                    and not any(m.place for m in mentions)
                    and not _THESE_PLACES.search(evidence.sentence)
                )
                or _DESCRIBED_AS.search(evidence.sentence)
            )
        ):
            current = None
            continue
        if cues.is_protest and (
            (
                _background(evidence.sentence)
                and dates.find_date(evidence, document.published, language, year=year, anchor=anchor) is None
            )
            or (index == last_background + 1 and _RESUMED.match(evidence.sentence))
            or _earlier_years_only(evidence, document.published, language, year, anchor)
        ):
            # "the largest protests since 1979", "lasted for ten days", "were dubbed …" with no day of
            # its own: the movement's history or summary, evidence of no gathering; and the sentence after
            # it that takes up the same action again ("اعتصابی که موجب استعفای یک کابینه … شد": "a strike that …")
            last_background = index
            current = None
            continue
        if (
            cues.is_protest
            and language == "en"
            and _TOLD_BEFORE.match(evidence.sentence)
            and dates.find_date(evidence, document.published, language, year=year, anchor=anchor) is None
        ):
            # "The protesters had taken to the streets over allegations …", "Workers' protests had increased
            # over the past year": the past perfect of the sentence's own verb tells what came before
            current = None
            continue
        if (
            cues.is_protest
            and not mentions
            and (_WHY_TOLD.search(evidence.sentence) or (language == "en" and _COURSE_EN.search(evidence.sentence)))
        ):
            # "Residents said they were protesting sharply higher prices", "The protesters expressed their
            # anger over …": why they protest, told with no place of its own, is no account of a gathering;
            # nor is the movement's course summed up ("protests were mostly peaceful, some violence erupted")
            current = None
            continue
        if (
            cues.is_protest
            and language in {"fa", "ar"}
            and _SAID_FA.search(evidence.sentence)
            and not detection.read_cues(_SAID_FA.sub(" ", evidence.sentence), language).is_protest
        ):
            # "با بیان این که زنان پشت اعتراضات گسترده اخیر هستند، گفت", «… پشت اعتراضات … هدایت می‌شود» گفت:
            # protests named only in someone's words, quoted or reported
            current = None
            continue
        if cues.is_protest and _deployment_only(evidence.sentence, language):
            # "نیروهای حکومتی و وسایط سرکوب مظاهره‌کنندگان ... مستقر شده‌اند", "Security forces were deployed to
            # disperse protesters": forces posted where protesters may come, no gathering told
            current = None
            continue
        if cues.is_protest and evidence.sentence == title and movement_title:
            continue  # "2019–2020 Iranian protests": the name of a movement, not a report of a gathering
        if not cues.is_protest:
            named_town = _town_of_province(current, mentions, groups, context_provinces, evidence)
            if current is not None and named_town is not None:
                # "Farmers of Khuzestan province gathered. They stood outside the governor's office in
                # Dezful.": the next sentence names the province's town where the action was.
                current.place = named_town
                current.context.append(evidence)
                current.cues.append(cues)
                last_index = index
                continue
            follows = (cues.force or cues.intervention or cues.violent) and not (
                _protest_as_topic(evidence.sentence, language)
                or _background(evidence.sentence)
                or (language == "en" and _PAST_PERFECT.search(evidence.sentence))
                or _DESCRIBED_AS.search(evidence.sentence)
                or (language == "en" and not mentions and _COURSE_EN.search(evidence.sentence))
                or _DISASTER.search(evidence.sentence)
                or _said_only(evidence.sentence, language)
            )  # "The clashes were mainly in response to …", "she had been beaten": a cause, not an outcome
            if current is None and listed and follows:
                # "Retirees rallied in Shush and Ahvaz. In Ahvaz police detained two of them.": an outcome
                # that names one of the places just listed is that place's
                named = {_place_key(t) for t in _distinct_places(mentions, context_provinces, evidence)}
                current = next((g for g in listed if named == {_place_key(g.place)}), None)
            listed = []
            own_day = (
                dates.find_date(evidence, document.published, language, year=year, anchor=anchor) if current else None
            )
            if own_day is not None and current is not None and current.day not in {None, own_day.date}:
                current = None  # an outcome on another day is not this gathering's ("dated … to 18 November")
            crowd = (
                not mentions
                and not _DISASTER.search(evidence.sentence)
                and numbers.crowd_size(evidence, language) is not None
            )
            if current is not None and (follows or crowd):
                # the outcome of the gathering just told ("Police fired tear gas."): the next sentence only
                current.context.append(evidence)
                current.cues.append(cues)
                last_index = index
            else:
                if follows and not mentions and not _abroad(evidence.sentence):
                    placeless.append((evidence, cues, False))
                current = None
            continue
        towns = _distinct_places(mentions, context_provinces, evidence)
        if not towns and (_AT_PARLIAMENT.search(evidence.sentence) or _IN_THE_CAPITAL.search(evidence.sentence)):
            # "مقابل مجلس", "outside parliament": the national parliament is in Tehran; "در چند محله پایتخت": so is
            # the capital (not "پایتخت آلمان", nor "خارج از پایتخت")
            towns = _distinct_places(places.find_mentions("در تهران", gazetteer), context_provinces, evidence)
        if not towns and index > 0 and _THESE_PLACES.search(evidence.sentence):
            # "این شهرها …", "these cities …": the places the sentence before named, even in a tally
            towns = _distinct_places(mentions_by_sentence[index - 1], context_provinces, sentence_list[index - 1])
        if towns and all(t.geonameid is None for t in towns) and _movement_wide(evidence.sentence):
            towns = []  # "Protests were initially concentrated in Khuzestan province, but rapidly spread nationwide"
        if not towns and language == "en" and _COURSE_EN.search(evidence.sentence):
            current = None  # the movement's course summed up, its province named only as where it began
            continue
        if not towns and (_movement_wide(evidence.sentence) or (movement_title and current is None)):
            # "Protests spread across the country", "the 2018–2019 strikes were a series of ...": the
            # movement as a whole, evidence of no one town's event (kept alone when nothing is placed).
            movement.protest.append(evidence)
            movement.cues.append(cues)
            if not _movement_wide(evidence.sentence) and not mentions and not _abroad(evidence.sentence):
                placeless.append((evidence, cues, True))
            current = None
            continue
        if not towns:
            day_after = _DAY_AFTER_ANOTHER.search(evidence.sentence)
            if (
                day_after is not None
                and current is not None
                and current.place is not None
                and current.day is not None
                and dates.find_date(evidence, document.published, language, year=year, anchor=anchor) is None
            ):
                # "Students protested in Qom on Monday. The following day, they protested again.": the next day's
                # gathering in the same town, another event
                next_day = DateValue(
                    date=current.day + datetime.timedelta(days=1),
                    precision=1,
                    calendar="relative",
                    text=day_after.group(0),
                    evidence=evidence,
                )
                current = _Group(place=current.place, date=next_day, day=next_day.date)
                groups.append(current)
                last_day = next_day.date
            if current is None:
                current = _Group(place=None)
                groups.append(current)
            current.protest.append(evidence)
            current.cues.append(cues)
            last_index = index
            continue
        town_cues = _cues_by_town(evidence, towns, cues, language)
        town_dates = _dates_by_town(evidence, towns, document, language, year, anchor)
        sentence_day = dates.find_date(evidence, document.published, language, year=year, anchor=anchor)
        # "The following day, students protested again in Qom", «روز بعد … در قم»: the day after the gathering told
        # last, another event in the town; with no such day, still another event (its day unknown), not that one
        day_after = _DAY_AFTER_ANOTHER.search(evidence.sentence) if sentence_day is None and not town_dates else None
        counted: DateValue | None = None
        if day_after is not None and last_day is not None:
            counted = DateValue(
                date=last_day + datetime.timedelta(days=1),
                precision=1,
                calendar="relative",
                text=day_after.group(0),
                evidence=evidence,
            )
            sentence_day = counted
        before, after = _later_towns(evidence.sentence, towns)
        if not (after and before):
            after = []
        else:
            towns = before  # the later towns are read after the towns of the gathering the sentence tells first
        together: list[DateValue | None] = list(_days_together(evidence, towns, document, language, anchor, year))
        # A sentence with no day of its own falls under its section's day heading ("23 June" above "Hundreds of
        # people in Abadan again protested …"): a gathering there is not the same town's gathering of another day.
        heading_day = section_dates[index]
        for place, own in [
            (town, day)
            for town in towns
            for day in (together or [town_dates.get(_place_key(town)) or sentence_day or heading_day])
        ]:
            match = next(
                (
                    g
                    for g in groups
                    if _place_key(g.place) == _place_key(place)
                    and not g.undated
                    and (own is None or g.day in {None, own.date})
                    and (day_after is None or own is not None)
                ),
                None,
            )
            if match is None:
                unplaced = next((g for g in groups if g.place is None), None)
                if unplaced is not None and len(towns) == 1 and not together:
                    _drop_abroad(unplaced)  # a rally abroad told before is not this town's
                    unplaced.place = place
                    match = unplaced
                else:
                    match = _Group(place=place)
                    groups.append(match)
            match.protest.append(evidence)
            match.cues.append(town_cues[_place_key(place)])
            last_index = index
            if match.date is None:
                match.date = own if together else (town_dates.get(_place_key(place)) or counted)
            if match.day is None and own is not None:
                match.day = own.date
            current = match
            last_day = match.day or last_day
        for place in after:
            # "… held on 21 December in Qom …, leading on to further demonstrations in Qom and Isfahan": the
            # later demonstrations are other events, with no day of their own
            later = next((g for g in groups if g.undated and _place_key(g.place) == _place_key(place)), None)
            if later is None:
                later = _Group(place=place, undated=True)
                groups.append(later)
            later.protest.append(evidence)
            marker = _LATER_EVENTS.search(evidence.sentence)
            later.cues.append(detection.read_cues(evidence.sentence[marker.start() :], language) if marker else cues)
        listed = []
        if len(towns) > 1:
            # "… also in Shiraz, Karaj and Qeshm. Police fired tear gas.": which town's? Only an outcome
            # that names its town follows one of them.
            listed = [g for g in groups if any(e is evidence for e in g.protest)]
            current = None
    placed = [g for g in groups if g.place is not None]
    if movement.protest and not groups and not movement_title:
        # (an article about a movement that places no gathering reports no event of its own)
        movement.placeless = True  # a report of the movement alone is a report with no place
        groups.append(movement)
    if placed:
        # Sentences with no place of their own before the first town (a headline, a lead) belong to
        # the placed events, not to an extra event at "the first place the document names"; later
        # ones name no town and join no event told sentences before.
        first_town = min(e.start for g in placed for e in g.protest)
        several_towns = len({_place_key(g.place) for g in placed}) > 1
        for group in [g for g in groups if g.place is None]:
            if all(e.start < first_town for e in group.protest):
                _drop_abroad(group)  # a rally in Berlin told first is no evidence of the gatherings in Iran after it
                if several_towns:
                    # A headline that names no town ("Police Use Tear Gas to Disperse Protest") over gatherings
                    # in several towns does not say which of them met the force: it is no cue of the first one's.
                    headline = {i for i, e in enumerate(group.protest) if e.sentence == title}
                    group.cues = [_unforced(c) if i in headline else c for i, c in enumerate(group.cues)]
                if group.protest or group.context:
                    _fold(group, into=placed[0], groups=groups)
                else:
                    groups.remove(group)
            else:
                groups.remove(group)
                if not any(_abroad(e.sentence) for e in group.protest):
                    placeless.extend(
                        (e, c, True) for e, c in zip(group.protest, group.cues, strict=False) if e.start > first_town
                    )
        _join_one_town(
            placeless, groups, document, language, year, title=title, infobox_town=one_event_infobox, anchor=anchor
        )
    for group in list(groups):
        # A headline naming the people's home town ("تجمع کشاورزان فلاورجان") over a report that
        # says where they gathered (in Isfahan) is that report's action, not one more event.
        headline_place = group.place
        if (
            headline_place is None
            or not all(e.sentence == title for e in group.protest)
            or headline_place.text not in title
            or not places.names_home(title, title.index(headline_place.text))
        ):
            continue
        body_town = next(
            (g for g in groups if g is not group and g.place and any(e.sentence != title for e in g.protest)), None
        )
        if body_town is not None:
            _fold(group, into=body_town, groups=groups)
    for group in list(groups):
        # A province named alone ("Teachers' sit-in in Kurdistan") over towns of that province is
        # the same action, not one more event at the province's centre.
        if group.place is None or group.place.geonameid is not None:
            continue
        province = group.place.province_iso
        town = next((g for g in groups if g.place and g.place.geonameid and g.place.province_iso == province), None)
        if town is not None:
            _fold(group, into=town, groups=groups)
    # A rally abroad ("Iranians in London", "ایرانیان مقیم تورنتو") with no town of Iran is out of scope.
    groups = [g for g in groups if not (g.place is None and any(_abroad(e.sentence) for e in g.protest))]
    if non_events and title:
        # A headline ("Teachers announce rally", "لغو تجمع رانندگان") over a body that reports the action
        # only as planned, called off or online is not an event of its own.
        groups = [g for g in groups if not all(e.sentence == title for e in g.protest)]
    if found_claims and title:
        # A headline over an aggregate claim ("Monthly tally of protests") is not an event itself.
        groups = [g for g in groups if not (g.place is None and all(e.sentence == title for e in g.protest))]
    index_of = {e.start: i for i, e in enumerate(sentence_list)}
    # The headline's cues, as read with every sentence: each event it tells weighs them against its body's.
    headline_cues = next(
        (c for e, c in zip(sentence_list, cues_by_sentence, strict=True) if title and e.sentence == title), None
    )
    events = tuple(
        _event(
            group,
            sentence_list,
            mentions_by_sentence,
            context_provinces,
            document,
            language,
            year,
            section_dates[index_of[group.protest[0].start]] if group.protest else None,
            clocks,
            anchor,
            headline_cues,
        )
        for group in budget.paced(groups)
    )
    return Extraction(
        language=language, events=events, claims=tuple(claims.drop_repeats(found_claims)), non_events=tuple(non_events)
    )


# Citation markers ("[12]", "[citation needed]") glue a sentence to the next: drop them.
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+|nb \d+)\]", re.IGNORECASE)
# Link text glued to the words around it when a page's links were stripped ("inTehran",
# "25 June:On 25 June"): a lower-case letter then a capitalised word, a colon then a capital.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])|(?<=[a-z0-9]:)(?=[A-Z])")


_FA_ORDINALS = {
    "یکم": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9,
    "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14, "پانزدهم": 15, "شانزدهم": 16,
    "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20, "بیست و یکم": 21, "بیست و دوم": 22,
    "بیست و سوم": 23, "بیست و چهارم": 24, "بیست و پنجم": 25, "بیست و ششم": 26, "بیست و هفتم": 27,
    "بیست و هشتم": 28, "بیست و نهم": 29, "سی ام": 30, "سی و یکم": 31,
}  # fmt: skip
# "دهم اسفند", "روز بیست و دوم بهمن": a day of a Solar Hijri month written as an ordinal word.
_FA_ORDINAL_DAY = re.compile(
    r"(?<![\u0600-\u06ff])(?P<day>"
    + "|".join(sorted(_FA_ORDINALS, key=len, reverse=True))
    + r") (?P<month>"
    + "|".join(m for m in dates.JALALI_MONTHS if not m.isascii())
    + r")(?![\u0621-\u06cc])"
)


# A line that opens a list with a colon, then its items one a line ("- Izeh", "۲. بوکان", "Bukan,").
_LIST_OPENER = re.compile(r"^[^\n]*\S[ \t]*[:：][ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-–•*·]|\d{1,2}[.)-])?[ \t]*(?P<item>[^\n.!?؟:;؛|]{1,40}?)[ \t]*[,،.؛;]?[ \t]*$")
# A lead that points at the list under it with no colon («… در این شهرها برگزار شد», «در شهرهای زیر», "in the
# following towns"): its items need a bullet or a number, as a list's lines do.
_LIST_LEAD = re.compile(
    r"(?:شهر ?ها|شهرستان ?ها|استان ?ها)(?:ی)? (?:زیر|ذیل)|این (?:شهر ?ها|شهرستان ?ها|استان ?ها)"
    r"|\b(?:the following|these) (?:cities|towns|places|provinces)\b",
    re.IGNORECASE,
)
_BULLETED = re.compile(r"^[ \t]*(?:[-–•*·]|\d{1,2}[.)-])[ \t]*\S")


# "… protests in at least 15 cities. These cities were: Tehran, Mashhad, …": the second sentence only
# names the places of the first (normalized text: ZWNJ is a space, so «شهرها» may read «شهر ها»).
_LIST_SENTENCE = re.compile(
    r"(?<=[^\s.])\.(?P<space>[ \t]+)"
    r"(?P<opener>(?:(?:the|these|those) (?:cities|towns|places|provinces|cities and towns) "
    r"(?:were|are|included|include)"
    r"|they included|among them were"
    r"|(?:این|آن) (?:شهر ?ها|شهرستان ?ها|استان ?ها) (?:عبارتند از|عبارت بودند از|عبارت اند از|شامل))"
    r"[ \t]*[:：]?)[ \t]*(?=(?P<rest>[^\n.!?؟]*))",
    re.IGNORECASE,
)


def _join_list_sentences(text: str) -> str:
    """Join a sentence that only lists the places of the one before it to that sentence.

    "Protests were held in at least 15 cities. The cities were: Tehran, Mashhad and Isfahan." reads as
    one sentence, "… in at least 15 cities; The cities were: Tehran, Mashhad and Isfahan.", a list of
    places of the first sentence's protest (the words are kept, so the evidence still quotes them; only
    the full stop becomes a semicolon); the same for «… در ۱۵ شهر. این شهرها عبارتند از: …». Only when
    what follows names two places or more.
    """

    def joined(match: re.Match[str]) -> str:
        rest = match.group("rest")
        language_prefix = "in " if rest.isascii() else "در "
        if (
            sum(1 for part in re.split(r"[,،]| and | و ", rest) if places.find_mentions(language_prefix + part.strip()))
            < 2
        ):
            return match.group(0)
        stop = "؛" if not rest.isascii() else ";"
        opener = match.group("opener").rstrip()
        return f"{stop}{match.group('space')}{opener}{'' if opener.endswith((':', '：')) else ':'} "

    return _LIST_SENTENCE.sub(joined, text) if "." in text else text


def _join_list_lines(text: str) -> str:
    """Join a list of places told one a line under the sentence that opens it, as one sentence.

    "They protested in these towns:" above "- Izeh", "- Bukan" is one sentence listing two towns (each
    line alone would be page furniture). Only a list of two items or more, at least half of which name a
    place, is joined; other lists (demands, names) are left as they are.
    """
    if ":" not in text and "：" not in text and not _LIST_LEAD.search(text):
        return text
    lines = text.split("\n")
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        items: list[str] = []
        opener = bool(_LIST_OPENER.match(line))
        if opener or _LIST_LEAD.search(line):
            following = index + 1
            while (
                following < len(lines)
                and (item := _LIST_ITEM.match(lines[following]))
                and (opener or _BULLETED.match(lines[following]))
            ):
                items.append(item.group("item").strip())
                following += 1
        persian = not line.isascii()
        named = sum(bool(places.find_mentions(("در " if not item.isascii() else "in ") + item)) for item in items)
        if len(items) >= 2 and named * 2 >= len(items):
            # (a lead with no colon ends in one before its items, not in a full stop that would cut them off)
            lead = line.rstrip() if opener else line.rstrip().rstrip(".") + ":"
            result.append(lead + " " + ("، " if persian else ", ").join(items) + ".")
            index += len(items) + 1
            continue
        if len(items) < 2 and _LIST_OPENER.match(line) and index + 1 < len(lines) and _runs_places(lines[index + 1]):
            # the whole list on the next line, «…برگزار شد:» above «آبادان، اراک، اردبیل، …»: one sentence
            result.append(line.rstrip() + " " + lines[index + 1].strip())
            index += 2
            continue
        result.append(line)
        index += 1
    return "\n".join(result)


# The items of a list told on one line: commas, «و»/"and", or the other separators real lists use («تهران - مشهد»).
_LINE_ITEMS = re.compile(places.LIST_SEPARATOR + r"| and | و ")


def _runs_places(line: str) -> bool:
    """Tell whether a line is a run of three places or more, told one after another with a list's separators."""
    parts = [part.strip(" \t.()•·") for part in _LINE_ITEMS.split(line)]
    parts = [part for part in parts if part]
    if len(parts) < 3:
        return False
    prefix = "in " if line.isascii() else "در "
    named = sum(bool(places.find_mentions(prefix + part)) for part in parts)
    return named * 2 >= len(parts)


def _unglue(text: str) -> str:
    """Undo what stripping a page's markup did: citation markers between sentences, words glued to links.

    Also write a Solar Hijri day given as an ordinal word ("دهم اسفند") as the numeral the date
    patterns read ("10 اسفند").
    """
    text = _CITATION.sub("", text)
    text = _FA_ORDINAL_DAY.sub(lambda m: f"{_FA_ORDINALS[m.group('day')]} {m.group('month')}", text)
    return _GLUED.sub(" ", text)


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def _year_of(title: str, body: str) -> int | None:
    """The year a document with no publication date is about: its title's, else the first its text names."""
    found = _YEAR.search(title) or _YEAR.search(body)
    return int(found.group(1)) if found else None


def _year_hints(
    title: str, body: str, sentence_list: list[Evidence], clocks: Collection[int], language: str
) -> dates.YearHints:
    """What a document with no publication date says of its years, its page's clock apart (dates.YearHints)."""
    unclocked = _CLOCK_LINE.sub("", body)
    read_on = next(
        (day.date for e in sentence_list if e.start in clocks and (day := dates.find_date(e, None, language))), None
    )
    return dates.YearHints(
        year=_year_of(title, unclocked), solar_year=dates.solar_year_written(f"{title}\n{unclocked}"), read_on=read_on
    )


# "- Place: Tehran, Abadan, …", "Location | Iran: Tehran, Tabriz |": a field of an infobox or table.
_INFOBOX_LINE = re.compile(r"^(?:[-•*]\s*)?[A-Z][\w ]{1,30}\d?\s*[:|]|^[^|]{1,40}\|")
_END_PUNCTUATION = (".", "!", "?", "؟", "…", "!", '"', "”", "»", "'", ")")


# A round-up's line: a town, a colon, what happened there («- تهران: تجمع بازنشستگان مقابل مجلس»).
_ROUNDUP_HEAD = re.compile(r"^[\s\-–•*·\d.)]*(?P<head>[^:：\n]{2,30}?)\s*[:：]\s*\S")


def _roundup_item(sentence: str, mentions: list[places.Mention]) -> bool:
    """Tell whether a line is an item of a round-up: it opens with a place alone, then a colon and what happened."""
    head = _ROUNDUP_HEAD.match(sentence)
    return head is not None and any(
        m.start == head.start("head") and m.end == head.end("head") and (m.place or m.province_iso) for m in mentions
    )


def _tells_action(cues: detection.SentenceCues) -> bool:
    """Tell whether a sentence's cues tell a protest or the force, intervention or violence at one."""
    return cues.is_protest or cues.force or cues.intervention or cues.violent


def _is_furniture(evidence: Evidence, text: str, title: str) -> bool:
    """Tell whether a sentence is a line of page furniture: a caption, a heading, an infobox or date line.

    Such a line stands alone on its line and does not end as a sentence does; it is no evidence of
    an event (the title is read as the headline it is). A labelled or credited caption, furniture
    wherever it stands, is told by `_is_labelled_caption`, which the caller reads first.
    """
    line = _line_of(evidence, text)
    if evidence.sentence == title or text.count("\n") < 2:
        return False  # a snippet of one or two lines is all sentence
    if line.endswith(_END_PUNCTUATION):
        return False
    if line == evidence.sentence.strip():
        return len(line) <= 160 or bool(_INFOBOX_LINE.match(line))
    # A caption of two sentences ("Silent march on Enqelab Street. Tehran, 16 June 2009"): a short line
    # whose last words do not end as a sentence does is furniture as a whole.
    return len(line) <= 200


# The heading of an article's closing lists ("References", "External links", «منابع»): what follows it is the titles of
# other pages ("- \"26 arrested in major protest … in Ahwaz\". 30 March 2018."): furniture, not the report.
_REFERENCES_HEADING = re.compile(
    r"^[ \t#=*]*(?:References|Notes|Citations|Sources|Footnotes|Bibliography|Further reading|External links|"
    r"Notes and references|منابع|پانویس|پانوشت|پیوند به بیرون|جستارهای وابسته)[ \t=:]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _references_start(text: str) -> int:
    """Return where an article's closing lists begin (the end of the text when it has none)."""
    heading = _REFERENCES_HEADING.search(text)
    return len(text) if heading is None else heading.start()


def _line_of(evidence: Evidence, text: str) -> str:
    """Return the line of the text a sentence stands on."""
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.end)
    return text[line_start : len(text) if line_end < 0 else line_end].strip()


def _is_labelled_caption(evidence: Evidence, text: str, title: str) -> bool:
    """Tell whether a sentence is on a line that says it is a caption or a link: labelled ("Photo: …") or credited.

    Such a line, put between a gathering and what happened at it, does not part them.
    """
    if _LABELLED_FURNITURE.match(evidence.sentence):
        return True
    line = _line_of(evidence, text)
    if evidence.sentence != title and len(line) <= _GALLERY_LINE and _IMAGE_FILE.search(line):
        return True  # a gallery's captions, each beside its picture's file ("… in Tehran Khordad222.jpg Iranian …")
    # a caption told as a sentence, then credited ("… in Tehran on 19 September. Photo: AFP"); one that says it
    # shows a picture ("This image grab … shows …") is read by the caption rule: it gives its place and day
    return (
        evidence.sentence != title
        and len(line) <= _CREDITED_LINE
        and _CREDIT.search(line, max(0, len(line) - 160)) is not None
        and not _CAPTION.search(evidence.sentence)
    )


# A line that says what it is: a caption or photograph's label ("Image caption: …", "File photo: …", «عکس: …») or a link
# to another report ("Read more: Truckers strike in Bandar Abbas", «بیشتر بخوانید: …»): the page's furniture.
_LABELLED_FURNITURE = re.compile(
    r"^\W{0,3}(?:(?:image |photo |picture )?caption|(?:file |archive )?(?:photo|photograph|picture|image)|credit|"
    r"read more|read also|also read|related(?: stories| articles| news)?|see also|more on this|watch|"
    r"(?:عکس|تصویر)(?: (?:آرشیوی|تزئینی|تزیینی))?|بیشتر بخوانید|بخوانید|مطالب مرتبط|مطلب مرتبط|خبر مرتبط|بیشتر"
    r")\s*[:：]",
    re.IGNORECASE,
)
# A photograph's credit ending a line: after the caption's full stop ("Protesters gather in Tehran on 19 September
# 2022. Photo: AFP", ". REUTERS/Stringer", ". Credit: Reuters", ". AFP via Getty Images", «. عکس از: ایسنا»), in
# brackets ("(Photo by Stringer/Getty Images)", "(AP Photo/Vahid Salemi)", «(عکس: تسنیم)»), or told as the
# caption's last clause (", in this picture obtained by Reuters."). The line it ends is a caption, not a report.
_CREDIT = re.compile(
    r"(?:[.!?؟»”\"؛;|]\s+|\s[-–—]\s+)(?:"
    r"(?:photo|photograph|picture|image|video|footage)s?(?: credit)?\s*(?:[:：]|by\b)|credit\s*[:：]|courtesy\b"
    r"|(?:AP|AFP|EPA|Reuters|WANA|ISNA|IRNA|Tasnim|Mehr|Fars)\s?(?:/|photo\b|via\b)|[\w ]{0,30}\bvia Getty Images"
    r"|Getty Images|(?:عکس|تصویر|عکاس|فیلم)(?: از)?\s*[:：]|(?:عکس|تصویر) از "
    r")[^.!?؟\n]{0,80}$"
    r"|\((?:[^()\n]{0,30}\s)?(?:photo|photograph|picture|image|عکس|تصویر)s?(?![\w\u0600-\u06ff])[^()\n]{0,60}\)\s*$"
    r"|,\s+in this (?:[\w-]+ ){0,3}(?:image|photo|photograph|picture|video|screen ?grab|still|handout)s?\b"
    r"[^.!?\n]{0,80}\.?\s*$",
    re.IGNORECASE,
)
# A picture's file name ("Khordad222.jpg", "Dead Revolutionaries (17 Shahrivar).jpg"), left on a line where a copy of
# a page's gallery kept the files beside their captions: the line is the gallery, not a report.
_IMAGE_FILE = re.compile(r"\S\.(?:jpe?g|png|gif|svg|webp|tiff?)(?![\w.])", re.IGNORECASE)
_GALLERY_LINE = 1200  # a gallery of a dozen captions; a longer line is a paragraph that names a file in passing
_CREDITED_LINE = 400  # longer lines are paragraphs: a credit glued to one does not make it a caption
# A photograph's caption told as a sentence ("This image grab from a video posted on Nov. 11, 2022, shows
# protesters …", "In this photo sent by a citizen journalist, a crowd marches in Karaj"): it describes a
# picture: it may give the event's place and day, but it is not a sentence that tells the event.
_CAPTION = re.compile(
    r"^\W{0,3}(?:in )?this (?:[\w-]+ ){0,2}(?:image|photo|photograph|picture|video|screen ?grab|still|frame)s?\b"
    r"|^\W{0,3}(?:a |an )?(?:file )?(?:image|photo|photograph|picture|screen ?grab) (?:grab |still )?"
    r"(?:taken|sent|posted|released|provided|obtained|shared|published|circulated|from)\b[^.]{0,120}\bshows?\b"
    r"|^\W{0,3}(?:در )?این (?:تصویر|عکس|ویدیو|ویدئو|فیلم)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)


# A time of day ("09:12"): on a line of its own, the page's clock.
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
# An infobox's casualty line ("- Fatalities: 1–20 (Iranian sources)").
_INFOBOX_CASUALTIES = re.compile(
    r"^[ \t\-•*]*(?:Fatalities|Deaths?|Death\(s\)|Casualties\d?|Injuries|Arrests|Detentions)\s*[:|]",
    re.IGNORECASE | re.MULTILINE,
)
_INFOBOX_PLACE = re.compile(r"^[ \t\-•*]*(?:Place|Location|Locale)\s*:\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
_INFOBOX_LINE = re.compile(r"^[\s\-•*]*[A-Z][\w()]*\d?\s*[:|]")
_CLOCK_LINE = re.compile(r"^[^\n.!?؟]{0,80}(?<!\d)\d{1,2}:\d{2}(?!\d)[^\n.!?؟]{0,40}$", re.MULTILINE)


def _section_dates(
    sentence_list: list[Evidence],
    furniture: list[bool],
    document: DocumentInput,
    language: str,
    year: dates.YearHints | None,
    clocks: Collection[int] = (),
) -> list[DateValue | None]:
    """The day each sentence falls under: the last line of furniture that is a date alone ("26 June")."""
    current: DateValue | None = None
    result: list[DateValue | None] = []
    for evidence, is_line in zip(sentence_list, furniture, strict=True):
        if is_line and len(evidence.sentence) <= 30 and evidence.start not in clocks:
            day = dates.find_date(evidence, document.published, language, year=year)
            if day is not None and day.calendar != "relative" and len(day.text) >= len(evidence.sentence) * 0.6:
                current = day
        result.append(current)
    return result


# In front of the national parliament, which is in Tehran.
# The capital, of Iran or named alone in a report about Iran; not another country's ("پایتخت آلمان"), nor
# outside it ("خارج از پایتخت").
_IN_THE_CAPITAL = re.compile(
    r"(?<!خارج از )(?<![\u0600-\u06ff])پایتخت(?: ایران)?(?![\u0600-\u06ff])"
    r"(?! (?:آلمان|فرانسه|انگلیس|بریتانیا|آمریکا|امریکا|کانادا|عراق|افغانستان|ترکیه|سوئد|سوئیس|اتریش|بلژیک|هلند|"
    r"ایتالیا|اسپانیا|روسیه|چین|ژاپن|استرالیا|لبنان|سوریه|اردن|مصر|عربستان|امارات|قطر|کویت|بحرین|پاکستان|"
    r"آذربایجان|ارمنستان|گرجستان|ترکمنستان|تاجیکستان|ازبکستان|نروژ|دانمارک|فنلاند|کشور))"
)
_AT_PARLIAMENT = re.compile(
    r"(?<![\u0600-\u06ff])(?:مقابل|جلوی|برابر|روبروی|در مقابل) (?:ساختمان )?"
    r"(?:مجلس|مجلس شورای اسلامی|بهارستان)(?![\u0600-\u06ff])"
    r"|\b(?:outside|in front of|before) (?:the )?(?:Iranian )?(?:parliament|Majlis)\b",
    re.IGNORECASE,
)


# The movement as a whole rather than one gathering: "nationwide", "across Iran", a span of years.
_MOVEMENT_WIDE = re.compile(
    r"\b(?:nationwide|countrywide|country-wide|across (?:the country|Iran)|throughout (?:the country|Iran)|"
    r"all over (?:the country|Iran)|"
    r"series of|in (?:many|several|various|dozens of|scores of) (?:\w+ )?(?:cities|towns)|"
    r"(?:19|20)\d\d\s*[–-]\s*(?:(?:19|20)?\d\d)\b|^(?:the )?(?:19|20)\d\d \w+|Iranian (?:\w+ ){0,2}protests of)"
    r"|\b(?:are|is|remain|remains) ongoing\b"
    # (ZWNJ is a space after normalization: «شهر‌های مختلف» reads «شهر های مختلف»)
    r"|(?<![\w\u0600-\u06ff])(?:سراسری|سراسر کشور|سراسر ایران|شهر ?های مختلف|ده ?ها شهر|چندین شهر|"
    r"برخی از نقاط|شهر ?های (?:ایران|کشور|بزرگ و کوچک)|(?:برخی|بسیاری|شماری|تعدادی|اکثر)(?: از)? شهر ?ها(?:ی)?)"
    r"(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


# "addressed the protests", "Following the demonstrations, …", "the 2009 protests": the protests named
# as a topic, not told as a gathering; a definite subject that an action follows ("the protest was held
# outside the governor's office") is still told.
_TOPIC_EN = re.compile(
    r"\b(?:the|this|these|those|its|their|earlier|previous|recent|(?:19|20)\d\d) (?:(?!to\b)[\w-]+ ){0,2}?"
    r"(?:protests?|demonstrations?|uprising|unrest|clashes|movement)\b"
    r"(?!,? (?:beginning|starting|which began|that began) (?:on|in)\b)"
    r"(?! (?:(?:was|were)(?! (?:mainly|largely|mostly|partly|in response|in reaction|in continuation|titled|named|"
    r"called|known|dubbed|seen as|considered|described|sparked|caused|triggered|due to|a series))|took place|"
    r"began|begun|started|continued|erupted|broke out|spread|turned))",
    re.IGNORECASE,
)


_TOLD_EN = re.compile(
    r"\b(?:took place|held|occurred|happened|erupted|broke out|gathered|marched|rallied|staged|assembled|"
    # "The demonstrations drew crowds in Tehran, Mashhad and Esfehan": a gathering told, not a topic
    r"drew (?:large |big |huge )?(?:crowds|thousands|hundreds))\b",
    re.IGNORECASE,
)


# "اعتراض را حق طبیعی مردم دانسته بود", "اعتراضات را محکوم کرد": the protests as the object of someone's
# judgment (called them a right, condemned them), not a gathering told.
_TOPIC_FA = re.compile(
    r"(?<![\u0600-\u06ff])(?:اعتراض|اعتراضات|اعتراض ها|اعتراضها|تظاهرات|تجمعات|ناآرامی ها|اعتصاب|اعتصابات)"
    r"(?: \S+){0,3}? را(?: \S+){0,4}? (?:دانست|دانسته|دانستند|خواند|خوانده|خواندند|نامید|نامیده|توصیف کرد|"
    r"محکوم کرد|محکوم کرده|تایید کرد|به رسمیت شناخت)"
    # "با اشاره به نهمین روز اعتراضات گفت", "در واکنش به اعتراضات", "درباره اعتراضات": spoken about
    r"|(?<![\u0600-\u06ff])(?:با اشاره به|در واکنش به|درباره|در باره|در مورد)(?: \S+){0,2}? "
    r"(?:اعتراض|اعتراضات|اعتراض ها|اعتراضها|تظاهرات|تجمعات|مظاهرات|ناآرامی ها|اعتصاب|اعتصابات)(?![\u0600-\u06ff])"
    # "همزمان با این تجمعات اعتراضی" (at the same time as these gatherings), "دامنه این اعتصابات" (the reach of
    # these strikes): the protests just told, named as a time or a topic
    # ("در ادامه اعتراضات مردمی در ایران، ..." : in the course of the protests, with or without "these")
    r"|(?<![\u0600-\u06ff])(?:(?:همزمان با|دامنه|دامنۀ|دامنه ی|ادامه|ادامۀ|ادامه ی) (?:این|آن)|"
    r"در (?:ادامه|ادامۀ|ادامه ی)(?: (?:این|آن))?) "
    r"(?:اعتراض|اعتراضات|اعتراض ها|اعتراضها|تظاهرات|تجمعات|تجمع ها|تجمعها|مظاهرات|ناآرامی ها|اعتصاب|اعتصابات)"
    r"(?: اعتراضی| مردمی)?(?![\u0621-\u064a\u0671-\u06d3])"  # (a Persian comma may follow)
    # "جرقه اصلی اعتراضات در این استان … اعتراض به بی‌آبی باشد" (the protests' spark was …): their cause, to the
    # clause's end
    r"|(?<![\u0600-\u06ff])جرقه(?: اصلی| نخست)? "
    r"(?:اعتراض|اعتراضات|اعتراض ها|اعتراضها|تظاهرات|تجمعات|مظاهرات|ناآرامی ها|اعتصاب|اعتصابات)[^.؛!?؟]*"
)


# The protests named as a span of days, not a gathering told: "two days of protests against water shortages",
# "the second day of Khuzestan water shortage protests", "in the first days of the demonstrations", "در چند روز
# اول تظاهرات", "در پنجمین روز اعتراض ها". Read only in a sentence with no town of its own ("During the first
# few days of demonstrations in Mahshahr, protesters gained control of the city" tells Mahshahr's gathering).
_PROTEST_WORDS_EN = r"(?:protests?|demonstrations?|unrest|strikes?|rallies|riots|clashes|uprising)"
_PROTEST_WORDS_FA = (
    r"(?:اعتراض|اعتراضات|اعتراض ?ها(?:ی)?|تظاهرات|تجمعات|تجمع ?ها(?:ی)?|مظاهرات|ناآرامی ?ها(?:ی)?|اعتصاب|اعتصابات)"
)
_ORDINAL_EN = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|last|final|opening)"
)
_ORDINAL_FA = r"(?:نخستین|اولین|دومین|سومین|چهارمین|پنجمین|ششمین|هفتمین|هشتمین|نهمین|دهمین|آخرین|\d+ ?مین)"
_SPAN_OF_PROTESTS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|many) (?:days|nights|weeks|months) of "
    rf"(?:[\w’'-]+ ){{0,3}}?{_PROTEST_WORDS_EN}\b"
    rf"|\b(?:the )?{_ORDINAL_EN}(?: (?:few|two|three))? (?:days?|nights?|weeks?) of (?:the )?(?:[\w’'-]+ ){{0,4}}?"
    rf"{_PROTEST_WORDS_EN}\b"
    rf"|(?<![\u0600-\u06ff])(?:(?:{_ORDINAL_FA}|چند) )?(?:روز|روزهای|روز های|شب|شبهای|شب های|هفته|هفته های)"
    r"(?: (?:اول|نخست|آغازین|ابتدایی|دوم|سوم))? (?:این |آن )?"
    rf"{_PROTEST_WORDS_FA}(?![\u0621-\u064a\u0671-\u06d3])",
    re.IGNORECASE,
)
# The people of the protests named as the ones the span's forces killed, shot or held: "killing several
# protesters", "چندین معترض را … کشته اند" (an object, not people who gathered).
_PROTEST_PEOPLE_HIT = re.compile(
    r"\b(?:killed|killing|kills|shot|shooting|wounded|wounding|injured|injuring|arrested|arresting|detained|"
    r"detaining|beat|beating|beaten) (?:[\w-]+ ){0,3}?(?:protesters|protestors|demonstrators)\b"
    r"|(?<![\w\u0600-\u06ff])(?:معترض|معترضان|معترضین|تظاهرکنندگان|تظاهر کنندگان|مظاهره ?کنندگان) را"
    r"(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


def _protest_as_span(sentence: str, language: str) -> bool:
    """Tell whether a sentence names protests only as a span of days (and their people as its victims).

    "two days of protests … have turned deadly", "in the first days of the demonstrations security forces shot
    several protesters": a summary of that span, no gathering told; "On the third day of protests, thousands
    gathered in Tehran" still tells one.
    """
    if not _SPAN_OF_PROTESTS.search(sentence) or (language == "en" and _TOLD_EN.search(sentence)):
        return False
    rest = _PROTEST_PEOPLE_HIT.sub(" ", _SPAN_OF_PROTESTS.sub(" ", sentence))
    return not detection.read_cues(rest, language).is_protest


# Protests judged rather than told: the crackdown on protesters named as what someone criticizes ("انتقادات خود
# از حکومت ایران، مبنی بر سرکوب خشونت آمیز مظاهره کنندگان", "condemned the violent crackdown on protesters"), people's
# sympathy with the strikers ("many locals are sympathetic to the strikers"), and an official slogan that names a
# policy ("شعار اقتصاد مقاومتی آیت الله علی خامنه ای": no chanting told).
_CRITICISM = re.compile(
    r"\b(?:condemn|criticis|criticiz|denounc|deplor)\w*|(?<![\u0600-\u06ff])(?:انتقاد|محکوم|نکوهش)",
    re.IGNORECASE,
)
_CRACKDOWN_ON = re.compile(
    r"\b(?:crackdown on|repression of|suppression of|violence against|killing of)(?: [\w-]+){0,2}? "
    r"(?:protesters|protestors|demonstrators|protests|demonstrations)\b"
    r"|(?<![\u0600-\u06ff])سرکوب(?: \S+){0,2}? (?:معترضان|معترضین|تظاهرکنندگان|تظاهر کنندگان|مظاهره ?کنندگان|"
    r"اعتراضات|اعتراض ها|تظاهرات|مظاهرات|تجمعات)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
# What a decision or a death set off, named as its effect ("a government decision to increase fuel prices which
# sparked deadly protests over the weekend"): the protests judged as an outcome, no gathering told.
_DECISION_SPARKED = re.compile(
    r"\b(?:decision|decree|move|hike|increase|death|killing|announcement) (?:[\w-]+ ){0,6}?(?:which|that) "
    r"(?:sparked|triggered|prompted|set off|fueled|fuelled|led to|caused) (?:[\w-]+ ){0,2}?"
    r"(?:protests|demonstrations|unrest|riots)(?: over the (?:weekend|past \w+ days))?\b",
    re.IGNORECASE,
)
_SYMPATHY = re.compile(
    r"\b(?:sympathetic|sympathy|sympathi[sz]e|supportive|solidarity) (?:to|with|towards|for) (?:the )?"
    r"(?:strikers|protesters|protestors|demonstrators)\b"
    r"|(?<![\u0600-\u06ff])(?:همدردی|همدلی|همبستگی) (?:با|از) (?:معترضان|معترضین|اعتصاب ?کنندگان|تظاهرکنندگان)"
    r"(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
_OFFICIAL_SLOGAN = re.compile(
    r"(?<![\u0600-\u06ff])شعار(?: \S+){1,4}? (?:آیت الله|رهبر|دولت|حکومت|رئیس ?جمهور|رییس ?جمهور|نظام)"
    r"(?![\u0600-\u06ff])"
)
_CHANTED = re.compile(
    r"(?<![\u0600-\u06ff])(?:سر ?(?:می ?)?(?:دادند|داده اند|دهند)|(?:می ?)?دادند|سر داد|خواندند|مرگ بر)"
    r"(?![\u0600-\u06ff])"
)


# Footage of the protests just told, named as what was sent or shown ("مخاطبان دو ویدئو از این اعتراضات ارسال
# کرده‌اند", "viewers sent videos of these protests"): a source, not a gathering.
_MEDIA_OF_THESE_PROTESTS = re.compile(
    r"\b(?:videos?|footage|images|photos|pictures|clips?) (?:\w+ ){0,2}?of (?:these|those|the) "
    r"(?:protests|demonstrations|rallies|gatherings)\b"
    r"|(?<![\u0600-\u06ff])(?:ویدئو|ویدیو|فیلم|تصویر|تصاویر|عکس)(?: ?ها| ?های| ?هایی|ی)?(?: \S+){0,2}? از (?:این|آن) "
    rf"{_PROTEST_WORDS_FA}(?![\u0600-\u06ff])",
    re.IGNORECASE,
)


def _protest_judged(sentence: str, language: str) -> bool:
    """Tell whether a sentence names protests only as what is judged: a crackdown criticized, sympathy with the
    strikers, an official slogan, footage of them sent. A gathering told beside them ("Workers gathered in
    solidarity with the strikers") is still told."""
    rest = _MEDIA_OF_THESE_PROTESTS.sub(" ", sentence)
    if _CRITICISM.search(sentence):
        rest = _CRACKDOWN_ON.sub(" ", rest)
    rest = _SYMPATHY.sub(" ", rest)
    rest = _DECISION_SPARKED.sub(" ", rest)
    if language in {"fa", "ar"} and not _CHANTED.search(sentence):
        rest = _OFFICIAL_SLOGAN.sub(" ", rest)
    return rest != sentence and not detection.read_cues(rest, language).is_protest


# A disaster's toll ("trapped under the rubble as rescue operations continue", "زیر آوار"): no outcome of a gathering.
# (The natural disasters are claims' `NATURAL_DISASTERS_EN`, read here in the singular, and "floods": see there.)
_DISASTER = re.compile(
    rf"\b(?:rubble|debris|{'|'.join(claims.NATURAL_DISASTERS_EN)}|floods|landslides?"
    r"|rescue (?:operations?|workers|teams|efforts))\b"
    r"|(?<![\u0600-\u06ff])(?:آوار|زلزله|زمین لرزه|سیل|رانش زمین|امدادگران|عملیات امداد)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)


def _protest_as_topic(sentence: str, language: str) -> bool:
    """Tell whether a sentence names protests only as a topic, telling no gathering."""
    topic = _TOPIC_EN if language == "en" else _TOPIC_FA if language in {"fa", "ar"} else None
    if topic is None or not topic.search(sentence) or _TOLD_EN.search(sentence):
        return False
    return not detection.read_cues(topic.sub(" ", sentence), language).is_protest


# "The Ashura protests occurred … in Iran", "مظاهرات ضد حکومت در ایران": the country as the only place.
# Words quoted in a sentence ("demonstrating against \"the supreme leadership in Iran …\""): not the
# sentence's own telling of a place.
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|«[^»]*(?:»|$)')
_IN_IRAN = re.compile(r"\bin Iran\b(?!['’]s)|(?<![\u0621-\u06cc])در ایران(?![\u0621-\u06cc])")


def _movement_wide(sentence: str) -> bool:
    """Tell whether a sentence with no place tells the movement as a whole, not one gathering.

    A sentence placed only "in Iran" tells the movement too, unless it tells a rally abroad in support
    of people in Iran (which stays out of scope as such).
    """
    if _MOVEMENT_WIDE.search(sentence):
        return True
    return bool(_IN_IRAN.search(_QUOTED.sub(" ", sentence))) and not _abroad(sentence)


# "these cities", "این شهرها", "the town": the places of the sentence just before.
_THESE_PLACES = re.compile(
    r"\b(?:these|those|both) (?:cities|towns|provinces)\b|(?<![\w\u0600-\u06ff])(?:این|آن) "
    r"(?:شهرها|شهر ها|شهرستان ها|استان ها|شهر|شهرستان|استان)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


# The history or summary of a movement rather than a gathering: comparisons ("the largest protests
# since 1979", "differed from earlier protests"), names ("were dubbed", "known as"), causes told of
# the protests as a topic ("were mainly in response to"), a duration summed up ("lasted for ten
# days"), what came before ("in continuation of"), and in Persian a span of years ("در سال های اخیر").
_FEW_FA = "دو|سه|چهار|پنج|شش|هفت|هشت|ده|چند"  # a few years: "سه سال پیش", "در چند سال گذشته"
_BACKGROUND = re.compile(
    r"\b(?:the )?(?:most|largest|biggest|worst|deadliest|bloodiest|widest|longest)\b(?:[\s,]+[\w'-]+){0,7}?"
    r"\s+(?:protests?|unrest|demonstrations?|uprising|movement|strikes?)\b(?:\s+[\w-]+){0,6}?\s+since\b"
    # "The protests were the largest since the 1979 revolution", "the unrest was the deadliest in decades"
    r"|\b(?:protests|unrest|demonstrations|uprising|movement|strikes) (?:were|was|are|is|have been|has been|became) "
    r"(?:\w+ )?(?:the )?(?:largest|biggest|worst|deadliest|bloodiest|widest|longest|most \w+)\b[^.;]{0,40}?"
    r"\b(?:since|in (?:decades|years|a decade|a generation|\w+ (?:decades|years))|ever)\b"
    r"|\b(?:differ(?:ed|s)? from|unlike) (?:the )?(?:earlier|previous|past|other|(?:19|20)\d\d)\b"
    r"|\b(?:dubbed|(?:were|was|are|is|been) (?:\w+ )?(?:titled|named|called(?! (?:for|off|on|upon|out|in|by|to)\b)|"
    r"known as|referred to as))\b"
    r"|\b(?:lasted|continued|went on) (?:for )?(?:around |about |nearly |some |over |more than )?"
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:\w+ )?(?:days|weeks|months|years)\b"
    r"|\bin continuation of\b"
    # what happens every year ("Every year there are local demonstrations at many universities"): a custom, not a day
    r"|\b(?:every|each) year\b|\bannually\b"
    r"|\b(?:were|was|are|is) (?:\w+ )?part of (?:a|an|the)(?:\b|(?=[a-z]{5,}))"  # or glued: "of acountrywide"
    r"|(?<![\w\u0600-\u06ff])(?:در|طی) سال ?های (?:اخیر|گذشته)(?![\w\u0600-\u06ff])"
    # "Over the past several years in Iran, hundreds of students have been arrested": years summed up
    r"|\b(?:over|in|during|for|throughout) the (?:past|last) (?:several|few|many|\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten) (?:years|decades)\b|\bin recent (?:years|decades)\b"
    # "53 سال پیش معلمان …" (years ago: history); "گسترده‌ترین مظاهرات در سه سال پسین" (the largest in years)
    rf"|(?<![\w\u0600-\u06ff])(?:\d+|{_FEW_FA}|چندین) (?:سال|دهه) (?:پیش|قبل)(?![\w\u0600-\u06ff])"
    rf"|(?:ترین|بی ?پیشینه|بی ?سابقه)(?![\u0600-\u06ff])[^.]{{0,60}}?(?:در|طی) (?:\d+|{_FEW_FA}) "
    r"(?:سال|دهه)(?: ?های)? (?:گذشته|اخیر|پسین)(?![\w\u0600-\u06ff])"
    # «بزرگ‌ترین اعتراضات پس از انقلاب ۱۳۵۷», «گسترده‌ترین اعتراضات از سال ۸۸»: the movement measured against history
    r"|ترین(?![\u0600-\u06ff])[^.]{0,40}?(?<![\w\u0600-\u06ff])(?:پس از|بعد از|از زمان|از) (?:انقلاب|سال \d{2,4}|\d{4})"
    r"(?![\w\u0600-\u06ff])"
    rf"|(?<![\w\u0600-\u06ff])(?:در|طی) (?:\d+|{_FEW_FA}) (?:سال|دهه)(?: ?های)? (?:گذشته|اخیر|پسین)"
    r"[^.]{0,20}?(?:بی ?پیشینه|بی ?سابقه)",
    re.IGNORECASE,
)


# A sentence that takes up the action just named as its subject, in a relative clause: "اعتصابی که …" ("a strike
# that …"), "A strike which …".
_RESUMED = re.compile(
    r"^\W{0,3}(?:اعتصاب|اعتراض|تجمع|تظاهرات|تحصن|راهپیمایی|راه پیمایی|قیام|جنبش)ی که(?![\u0600-\u06ff])"
    r"|^\W{0,3}An? (?:strike|protest|demonstration|rally|sit-in|uprising|movement) (?:that|which)\b",
    re.IGNORECASE,
)


# "Amini had been arrested …", "she had been severely beaten": the past perfect tells what came before.
_PAST_PERFECT = re.compile(r"\bhad (?:been |already |previously )?\w+(?:ed|en|wn|ht|ung)\b", re.IGNORECASE)
# Why people protest, said or felt: "said they were protesting …", "expressed their anger over …".
_WHY_TOLD = re.compile(
    r"\b(?:said|say|says|told [\w' ]{1,30}?) (?:that )?(?:they|he|she|protesters|residents|workers) "
    r"(?:were|was|are|is|had been) protesting\b"
    r"|\bexpress(?:ed|es|ing)? (?:their |his |her )?(?:anger|frustration|outrage|discontent|dissatisfaction)\b"
    # "رانندگان معترض خواهان مجوز کار ... هستند": what they want, told as a state
    r"|(?<![\w\u0600-\u06ff])(?:خواهان|خواستار)(?![\w\u0600-\u06ff])[^.!?؟]{0,120}?"
    r"(?<![\w\u0600-\u06ff])(?:هستند|است|بودند|بوده اند|بودهاند)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)
# The course of a movement summed up, not one gathering: "post-election protests were mostly peaceful",
# "leading to further protests in December 2009", "the protests saw an escalation in violence", "the
# protests were crushed within days". Read only in a sentence with no place of its own.
_COURSE_EN = re.compile(
    r"\b(?:protests|demonstrations|rallies|strikes|unrest|movement) (?:were|was|remained|had been|have been) "
    r"(?:mostly|largely|mainly|generally|overwhelmingly|predominantly) (?:peaceful|non-?violent|violent)\b"
    r"|\bleading (?:on )?to (?:further|more|new|renewed|wider|additional) "
    r"(?:protests|demonstrations|rallies|strikes|unrest)\b"
    r"|\b(?:saw|witnessed) an? (?:escalation|increase|rise|surge) (?:in|of) (?:the )?(?:violence|repression)\b"
    r"|\b(?:were|was) (?:\w+ )?(?:crushed|suppressed|quelled|put down|stamped out) within "
    r"(?:a few |several |two |three )?(?:hours|days|weeks|months)\b"
    # "ongoing protests escalated into nationwide civil unrest", "were initially concentrated in Khuzestan, but
    # rapidly spread nationwide": how the movement grew
    r"|\b(?:escalated|grew|developed|turned|swelled) into (?:an? )?(?:nationwide|countrywide|national|widespread|"
    r"mass|large-scale) (?:civil )?(?:unrest|protests|uprising|movement|revolt|demonstrations)\b"
    r"|\b(?:initially|at first|originally) (?:concentrated|confined|centred|centered|limited) (?:in|to)\b"
    r"[^.]{0,80}\b(?:spread|expanded|extended)\b",
    re.IGNORECASE,
)
# The sentence's own verb in the past perfect, its subject first ("Workers in the seven towns had
# progressively joined the strike"), not a clause inside ("dispersed farmers who had assembled").
_TOLD_BEFORE = re.compile(
    r"^\W{0,3}(?!(?:who|which|that|when|after|before|as|where)\b)(?:[\w'’-]+,? ){1,5}had "
    r"(?:been |already |previously |\w+ly )?\w+(?:ed|en|wn|ht|ung)\b",
    re.IGNORECASE,
)
# "State media described the protesters as a 'separatist group' armed with …": a label put on them, no outcome.
_DESCRIBED_AS = re.compile(
    r"\b(?:described|called|labell?ed|branded|dubbed|termed|portrayed)\b[^.]{0,60}\bas\b"
    r"|(?:توصیف کرد|خواند|نامید)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)


# A year told as the time of what a sentence tells ("in 2009", "in June 2009", "during late 2017"), not a year
# naming something ("before the 1979 revolution", "the 2009 protests").
_IN_YEAR_EN = re.compile(
    rf"\b(?:in|during) (?:(?:early|late|mid-?) ?)?(?:{claims.MONTHS_EN} )?((?:19[5-9]|20[0-4])\d)\b(?![–-]\d)"
)


def _earlier_years_only(
    evidence: Evidence,
    published: datetime.date | None,
    language: str,
    year: dates.YearHints | None,
    anchor: datetime.date | None,
) -> bool:
    """Tell whether a protest sentence is placed in a year before its report's own, with no day of its own.

    "Mousavi and Karroubi led Iran's last major anti-government protests in 2009" in a report of 2011 recounts
    what came before, as the gold's history told with no day is; "On 3 June 2009 students marched" keeps its day.
    """
    if published is None:
        return False
    years = [int(found) for found in _IN_YEAR_EN.findall(evidence.sentence)]
    if not years or max(years) >= published.year:
        return False
    day = dates.find_date(evidence, published, language, year=year, anchor=anchor)
    return day is None or day.precision > 1


def _background(sentence: str) -> bool:
    """Tell whether a sentence tells the history or a summary of a movement, not one gathering.

    A sentence that names three years or more ("which included the 2016 revolt, the 2017–2018 protests,
    …") recounts a history.
    """
    return bool(_BACKGROUND.search(sentence)) or len(_YEAR.findall(sentence)) >= 3


# "2019–2020 Iranian protests", "2018 Iranian general strikes": a title that names a movement by its
# year (an encyclopedia article), not a headline telling a gathering.
_TITLE_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d|13\d\d|14[0-4]\d)(?!\d)")


# "Mahsa Amini protests", "Green Movement": a movement named after a person or a cause, with no town.
_MOVEMENT_NAME_EN = re.compile(
    r"^[\w .'’–-]+ (?:protests|uprising|movement|revolution|demonstrations|unrest)"
    r"(?: (?:against|over|for) [\w .'’–-]+)?$",
    re.IGNORECASE,
)


def _names_movement(title: str, language: str) -> bool:
    """Tell whether a title names a movement (by its year, a person or a cause) rather than telling a gathering."""
    if not title or _TOLD_EN.search(title):
        return False
    if not _TITLE_YEAR.search(title) and not (
        _MOVEMENT_NAME_EN.match(title.strip()) and not any(m.place for m in places.find_mentions(title))
    ):
        return False
    return detection.read_cues(title, language).is_protest


# The people of a protest named as its victims ("1,500 protesters were killed"): a gathering is not told by them.
_PROTEST_PEOPLE = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters)\b"
    r"|(?<![\w\u0600-\u06ff])(?:معترضان|معترضین|تظاهرکنندگان|تظاهر کنندگان)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


# Forces posted (deployed, stationed): "were deployed", "مستقر شده‌اند".
_DEPLOYED = re.compile(
    r"\b(?:were|was|have been|has been|had been|are|is|being) (?:\w+ )?(?:deployed|stationed)\b"
    r"|(?<![\u0600-\u06ff])مستقر (?:شده|شدند|شدن|هستند|بودند|کرده|کردند|گردیده|گردیدند)",
    re.IGNORECASE,
)
# Protesters named as the people the forces are there for (with the Dari "مظاهره‌کنندگان").
_PROTESTERS_AS_PEOPLE = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|protests?|demonstrations?|gatherings?)\b"
    r"|(?<![\w\u0600-\u06ff])(?:معترضان|معترضین|تظاهرکنندگان|تظاهر کنندگان|مظاهره ?کنندگان|تجمع کنندگان|"
    r"تجمعات|اعتراضات|تظاهرات|مظاهرات)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


# Someone's words in Persian: quoted («…») or reported ("با بیان این که …،").
_SAID_FA = re.compile(r"«[^»]*(?:»|$)|(?<![\u0600-\u06ff])با بیان این ?که [^،,.]*")


def _said_only(sentence: str, language: str) -> bool:
    """Tell whether a Persian sentence's force or arrests are told only in someone's quoted or reported words."""
    if language not in {"fa", "ar"} or not _SAID_FA.search(sentence):
        return False
    rest = detection.read_cues(_SAID_FA.sub(" ", sentence), language)
    return not (rest.force or rest.intervention or rest.violent)


def _deployment_only(sentence: str, language: str) -> bool:
    """Tell whether a sentence tells forces posted, naming protesters or protests only as what they are there for."""
    if not _DEPLOYED.search(sentence):
        return False
    return not detection.read_cues(_PROTESTERS_AS_PEOPLE.sub(" ", sentence), language).is_protest


# A clash (“clashes between security forces and protesters”, «درگیری میان نیروهای امنیتی و معترضان»): the protesters
# named in it were gathered, not only counted.
_CLASH = re.compile(r"\bclash(?:es|ed)?\b|(?<![\u0600-\u06ff])درگیر", re.IGNORECASE)


def _tells_gathering(sentence: str, language: str) -> bool:
    """Tell whether a protest sentence tells a gathering, beyond naming protesters as the people counted."""
    if not _PROTEST_PEOPLE.search(sentence) or _CLASH.search(sentence):
        return True
    return detection.read_cues(_PROTEST_PEOPLE.sub(" ", sentence), language).is_protest


# Cities and countries of the diaspora's rallies, and words saying "abroad" (not the US: "death to America").
ABROAD = re.compile(
    r"\b(?:London|Paris|Berlin|Hamburg|Frankfurt|Cologne|Munich|Toronto|Vancouver|Montreal|Ottawa|Washington|"
    r"Los Angeles|New York|Stockholm|Oslo|Copenhagen|The Hague|Amsterdam|Brussels|Geneva|Vienna|Sydney|"
    r"Melbourne|Istanbul|Chicago|Boston|Madrid|Stockholm|Gothenburg|Dallas|Houston|San Francisco|"
    r"Auckland|Tokyo|Seoul|abroad)\b"
    r"|(?<![\w\u0600-\u06ff])(?:لندن|پاریس|برلین|هامبورگ|فرانکفورت|کلن|مونیخ|تورنتو|ونکوور|مونترال|اتاوا|"
    r"واشنگتن|لس آنجلس|نیویورک|استکهلم|اسلو|کپنهاگ|لاهه|آمستردام|بروکسل|ژنو|سیدنی|ملبورن|استانبول|"
    r"شیکاگو|بوستون|مادرید|خارج از کشور|مقیم خارج|نقاط مختلف جهان|کشورهای مختلف دنیا)(?![\w\u0600-\u06ff])"
)


DIASPORA = re.compile(r"\bIranians?\b|\bdiaspora\b|\bexiles?\b|ایرانیان|ایرانی|هموطنان|مقیم")


# The support a rally abroad gives ("in solidarity with", "in support of", «در حمایت از», «در همبستگی با»).
_IN_SUPPORT_OF = re.compile(
    r"\bin (?:solidarity|support|sympathy) (?:with|of|for)\b|\bto (?:support|show solidarity with)\b"
    r"|(?<![\w\u0600-\u06ff])در (?:حمایت|همبستگی|پشتیبانی) (?:از|با)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


def _rally_abroad_for(sentence: str, support: int, mentions: list[places.Mention]) -> bool:
    """Tell whether a gathering told before words of support is placed abroad, with no town of Iran before them."""
    head = sentence[:support]
    if not (ABROAD.search(head) or places.puts_abroad(head)):
        return False
    return not any(m.place is not None and m.start < support for m in mentions)


def _names_abroad(sentence: str) -> bool:
    """Tell whether a sentence names a city abroad: one of the list, or any GeoNames names after "in", «در», …."""
    return bool(ABROAD.search(sentence)) or places.names_place_abroad(sentence, countries=False)


def _abroad(sentence: str) -> bool:
    """Tell whether a sentence is about Iranians rallying in a city abroad (other countries' protests stay events)."""
    return bool(DIASPORA.search(sentence)) and _names_abroad(sentence)


def _join_one_town(
    placeless: list[tuple[Evidence, detection.SentenceCues, bool]],
    groups: list[_Group],
    document: DocumentInput,
    language: str,
    year: dates.YearHints | None,
    *,
    title: str,
    infobox_town: bool,
    anchor: datetime.date | None = None,
) -> None:
    """Give the place-less sentences of a passage about one town to that town's events.

    "Students protested the next day, on 8 January" in an article on the Qom protest, "People attacked
    wine stores and cinemas" under Tabriz: when every placed event of the document is in one town, a
    sentence telling a gathering or its outcome without a place is that town's, on its own day when it
    gives one (another day in the town is another event), else the event told before it.
    """
    placed = [g for g in groups if g.place is not None]
    if not placeless or not placed or len({_place_key(g.place) for g in placed}) != 1:
        return
    town = placed[0].place
    if town is None or town.geonameid is None:
        return  # a province alone is no one town
    # The passage is about that one town when its title names it (and no other town) or its infobox's place
    # line names one town: "1978 Qom protest", "Mahshahr massacre", "- Location: Mahshahr, Iran".
    title_towns = {m.place.geonameid for m in places.find_mentions(title) if m.place is not None} if title else set()
    if title_towns != {town.geonameid} and not infobox_town:
        return
    for evidence, cues, protest in sorted(placeless, key=lambda item: item[0].start):
        own = dates.find_date(evidence, document.published, language, year=year, anchor=anchor)
        group = None
        if own is not None and any(g.day is not None for g in placed):
            group = next((g for g in placed if g.day == own.date), None)
            if group is None and protest:
                group = _Group(place=town, day=own.date)
                groups.append(group)
                placed.append(group)
        if group is None:
            before = [g for g in placed if g.sentences and g.sentences[0].start < evidence.start]
            group = max(before, key=lambda g: g.sentences[0].start) if before else placed[0]
        (group.protest if protest else group.context).append(evidence)
        group.cues.append(cues)


def _drop_abroad(group: _Group) -> None:
    """Drop from a group with no place its sentences that name a city abroad ("… در برلین", "in London").

    Such a sentence names no place of Iran (else it would have one), so it tells of a rally or a reaction
    abroad, whoever took part: it is no evidence of an event in Iran, nor do its cues give one a sub-type.
    """
    ordered = group.sentences
    kept = [i for i, e in enumerate(ordered) if not _names_abroad(e.sentence)]
    if len(kept) == len(ordered):
        return
    if len(group.cues) == len(ordered):
        group.cues = [group.cues[i] for i in kept]
    starts = {ordered[i].start for i in kept}
    group.protest = [e for e in group.protest if e.start in starts]
    group.context = [e for e in group.context if e.start in starts]


def _unforced(cues: detection.SentenceCues) -> detection.SentenceCues:
    """Keep a sentence's reading of a protest without what it says of force or violence."""
    return replace(cues, violent=False, force=False, intervention=False)


def _fold(group: _Group, *, into: _Group, groups: list[_Group]) -> None:
    """Make a group's sentences context of another event and drop the group."""
    into.context.extend(group.protest + group.context)
    into.cues.extend(group.cues)
    groups.remove(group)


def _town_in_named_province(mention: places.Mention, context_provinces: set[str]) -> places.Mention:
    """Read a province name as the town of that name when the document names the town's province.

    "Golestan municipality, in Tehran province" is the town of Golestan, not Golestan province.
    """
    if mention.place is not None or mention.province_iso is None or mention.in_province_list:
        return mention
    key = fold_for_search(mention.text.replace("-", " "))
    for town in places.default_gazetteer().place_names.get(key, []):
        if town.province_iso != mention.province_iso and town.province_iso in context_provinces:
            return places.Mention(mention.start, mention.end, mention.text, town, None, mention.score, mention.near)
    return mention


def _town_of_province(
    current: _Group | None,
    mentions: list[places.Mention],
    groups: list[_Group],
    context_provinces: set[str],
    evidence: Evidence,
) -> PlaceValue | None:
    """Return the one town of the current event's province that a following sentence names, if any."""
    if current is None or current.place is None or current.place.geonameid is not None:
        return None
    towns = _distinct_places(mentions, context_provinces, evidence)
    if len(towns) != 1 or towns[0].geonameid is None or towns[0].province_iso != current.place.province_iso:
        return None
    if any(_place_key(g.place) == _place_key(towns[0]) for g in groups):
        return None
    return towns[0]


# Where a sentence turns from one town's story to another's ("rallied in Shiraz, while a gathering in
# Ahvaz was dispersed", "...؛ در کرمان ماموران تجمع را متفرق کردند").
# ", before escalating … in Khorramshahr and turning violent": what came before or after in another town is
# that town's clause.
_CLAUSE_SPLIT = re.compile(
    r"[;؛]|,?\s+(?:while|whereas|but)\s+|,\s+(?:before|after)\s+"
    r"|،\s*(?:اما|ولی|در حالی که)\s+|\s+(?:اما|ولی|در حالی که)\s+",
    re.IGNORECASE,
)


def _cues_by_town(
    evidence: Evidence, towns: list[PlaceValue], cues: detection.SentenceCues, language: str
) -> dict[object, detection.SentenceCues]:
    """Give each town of a sentence the outcome told in its own clause (and in clauses naming no town)."""
    if len(towns) < 2:
        return {_place_key(town): cues for town in towns}
    sentence = evidence.sentence
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(sentence)] + [len(sentence) + 1]
    clauses = [sentence[start:end] for start, end in itertools.pairwise(bounds)]
    named = [{_place_key(t) for t in towns if t.text and t.text in clause} for clause in clauses]
    result = {}
    for town in towns:
        key = _place_key(town)
        own = [c for c, keys in zip(clauses, named, strict=True) if key in keys or not keys]
        if len(own) == len(clauses) or not any(key in keys for keys in named):
            result[key] = cues
            continue
        read = [detection.read_cues(clause, language) for clause in own]
        result[key] = detection.SentenceCues(
            is_protest=cues.is_protest,
            planned=cues.planned,
            online=cues.online,
            violent=any(c.violent for c in read),
            force=any(c.force for c in read),
            intervention=any(c.intervention for c in read),
        )
    return result


def _dates_by_town(
    evidence: Evidence,
    towns: list[PlaceValue],
    document: DocumentInput,
    language: str,
    year: dates.YearHints | None = None,
    anchor: datetime.date | None = None,
) -> dict[object, DateValue]:
    """Pair towns and days told in turn ("on Sunday in Kerman and on Monday in Ahvaz"), one each."""
    if len(towns) < 2:
        return {}
    found = dates.dates_in_order(evidence, document.published, language, anchor=anchor, year=year)
    if len(found) != len(towns) or len({d.date for d in found}) < 2:
        return {}
    ordered = sorted(towns, key=lambda town: evidence.sentence.find(town.text) if town.text else -1)
    return {_place_key(town): day for town, day in zip(ordered, found, strict=True)}


# Days joined by "and" or a comma ("Tuesday and Wednesday", "on 5 and 6 June" is one phrase, not two).
_DAYS_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+|و\s*|،\s*(?:و\s*)?)(?:on\s+)?")


def _days_together(
    evidence: Evidence,
    towns: list[PlaceValue],
    document: DocumentInput,
    language: str,
    anchor: datetime.date | None = None,
    year: dates.YearHints | None = None,
) -> list[DateValue]:
    """The days a sentence tells together for the same towns, each town on each day.

    "Earlier reports from Tuesday and Wednesday showed demonstrations in Isfahan and Karaj": two days,
    joined by "and" with no town between them, are two events in each town (not "on Sunday in Kerman and
    on Monday in Ahvaz", where each day has its own town).
    """
    found = dates.dates_in_order(evidence, document.published, language, anchor=anchor, year=year)
    if len(found) < 2 or len({d.date for d in found}) != len(found) or any(d.precision != 1 for d in found):
        return []
    sentence, position, spans = evidence.sentence, 0, []
    for day in found:
        start = sentence.find(day.text, position)
        if start < 0:
            return []
        spans.append((start, start + len(day.text)))
        position = start + len(day.text)
    gaps = [sentence[end:start] for (_, end), (start, _) in itertools.pairwise(spans)]
    if not all(_DAYS_JOINED.fullmatch(gap) for gap in gaps):
        return []
    return found


# "leading on to further demonstrations in Qom and Isfahan", "followed by more protests in …": later events
# A day counted from another event's ("the following day", "a day later", «روز بعد», «فردای آن روز»).
_DAY_AFTER_ANOTHER = re.compile(
    r"\b(?:the (?:following|next) (?:day|night|morning|evening)|a day later|the day after(?! tomorrow))\b"
    r"|(?<![\u0600-\u06ff])(?:روز بعد|فردای آن روز|یک روز بعد|روز پس از آن)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
_LATER_EVENTS = re.compile(
    r"\b(?:further|more|subsequent|later|fresh) (?:\w+ )?(?:protests|demonstrations|rallies|gatherings|clashes|unrest)"
    r" (?:\w+ ){0,2}?in\b",
    re.IGNORECASE,
)


def _later_towns(sentence: str, towns: list[PlaceValue]) -> tuple[list[PlaceValue], list[PlaceValue]]:
    """Split a sentence's towns into those told before "further demonstrations in" and those named after it.

    A town named on both sides is in both lists (its gathering told first, then the later ones there).
    """
    marker = _LATER_EVENTS.search(sentence)
    if marker is None:
        return list(towns), []
    before = [t for t in towns if t.text and -1 < sentence.find(t.text) < marker.start()]
    after = [t for t in towns if t.text and sentence.find(t.text, marker.end()) >= 0]
    return before, after


# "Shahrak Chamran, a suburb of Mahshahr": a part of a town is that town, not a town of its own.
_PART_OF = re.compile(
    r"^\s*,?\s*(?:(?:a|the|one) )?(?:\w+ )?(?:suburbs?|district|neighbou?rhood|quarter|township|part|outskirts)"
    r" (?:of|in) (?:the (?:city|town) of )?$",
    re.IGNORECASE,
)


def _drop_parts_of_towns(mentions: list[places.Mention], sentence: str) -> list[places.Mention]:
    """Drop a place named as a part of the next place named ("X, a suburb of Y" is in Y), or as the name of
    an earlier event the sentence counts from ("40 days after the 1978 Qom protest", "of the events in Qom")."""
    kept = []
    for mention, following in itertools.zip_longest(mentions, mentions[1:]):
        if following is not None and _PART_OF.match(sentence[mention.end : following.start]):
            continue
        if _EARLIER_EVENT_BEFORE.search(sentence[: mention.start]) and _EARLIER_EVENT_AFTER.match(
            sentence[mention.end :]
        ):
            continue
        if _EVENTS_IN_BEFORE.search(sentence[: mention.start]):
            continue
        kept.append(mention)
    return kept


# "40 days after the 1978 Qom protest", "since the Zahedan massacre": another event named as a reference.
_EARLIER_EVENT_BEFORE = re.compile(r"\b(?:after|before|since|following) the (?:\d{4} )?$", re.IGNORECASE)
_EARLIER_EVENT_AFTER = re.compile(r"^ (?:protests?|incidents?|massacre|uprising|events|killings)\b", re.IGNORECASE)
# "the 40th-day commemoration of the events in Qom", "for those killed during the Qom incidents"
_EVENTS_IN_BEFORE = re.compile(
    r"\b(?:commemoration|anniversary|memory) of the (?:events|incidents|killings) in $", re.IGNORECASE
)


# Between a town and a province listed after it: "and in", ", as well as in the province of", "و در استان".
_LISTED_PROVINCE_GAP = re.compile(
    r"^\s*(?:,|،)?\s*(?:and|as well as|و)\s+(?:(?:also\s+)?(?:in|در)\s+)?(?:the\s+)?"
    r"(?:provinces?\s+of\s+|استان(?:های|‌های| های)?\s+)?$",
    re.IGNORECASE,
)


# Between two places of one list: a comma or "and", with "in" or the word province around them.
_LIST_GAP = re.compile(
    r"^\s*(?:provinces?|استان)?\s*(?:"
    + places.LIST_SEPARATOR
    + r"|\band\b|(?<![\u0600-\u06ff])و(?![\u0600-\u06ff]))\s*"
    r"(?:(?:also\s+)?(?:in|در)\s+)?(?:the\s+)?(?:provinces?\s+of\s+|استان(?:های|‌های| های)?\s+)?$",
    re.IGNORECASE,
)


# Where a place is told as the place of the sentence: "in Iran's Khuzestan province", "در استان خوزستان".
_IN_PLACE_BEFORE = re.compile(
    r"(?:\bin|(?<![\u0600-\u06ff])در)\s+(?:Iran['’]s\s+|the\s+)?(?:provinces?\s+of\s+|استان\s+)?$", re.IGNORECASE
)


def _in_the_list(mention: places.Mention, mentions: list[places.Mention], sentence: str) -> bool:
    """Tell whether a place is told as a place of the sentence: after "in", or beside another with a comma or "and"."""
    if _IN_PLACE_BEFORE.search(sentence, 0, mention.start):
        return True
    for other in mentions:
        if other is mention:
            continue
        if other.end <= mention.start and _LIST_GAP.match(sentence[other.end : mention.start]):
            return True
        if mention.end <= other.start and _LIST_GAP.match(sentence[mention.end : other.start]):
            return True
    return False


def _distinct_places(
    mentions: list[places.Mention], context_provinces: set[str], evidence: Evidence
) -> list[PlaceValue]:
    mentions = [_town_in_named_province(m, context_provinces) for m in mentions]
    mentions = _drop_parts_of_towns(mentions, evidence.sentence)
    filed = dates.dateline_end(evidence.sentence)
    if filed and any(m.start >= filed for m in mentions):
        # "TEHRAN, Nov 17 (Reuters) - … in Shiraz": the town the report was filed from gives way to the town it tells
        mentions = [m for m in mentions if m.start >= filed]
    towns = [m for m in mentions if m.place is not None]
    if len(towns) >= 2:
        # A list whose towns lie mostly in one province ("شهریار، ملارد، کهریزک، گلستان"): a name of the
        # list that is both a province and a town of that province is the town.
        counts = Counter(t.place.province_iso for t in towns if t.place is not None)
        province, count = counts.most_common(1)[0]
        if count >= 2 and count * 2 >= len(towns):
            mentions = [_town_in_named_province(m, {province}) for m in mentions]
            towns = [m for m in mentions if m.place is not None]
    provinces = [m for m in mentions if m.place is None and m.province_iso is not None]
    chosen = towns or provinces[:1]
    if towns and len(towns) + len(provinces) == 2:
        # "in Mashhad and in Khuzestan province", "در مشهد و استان خوزستان": a province listed beside a town
        # that does not lie in it is a place of its own ("Ahvaz, Khuzestan province" only locates Ahvaz).
        town, other = sorted(mentions[:2], key=lambda mention: mention.start) if len(mentions) == 2 else (None, None)
        if (
            town is not None
            and other is not None
            and town.place is not None
            and other.place is None
            and other.province_iso != town.place.province_iso
            and _LISTED_PROVINCE_GAP.match(evidence.sentence[town.end : other.start])
        ):
            chosen = [town, other]
    if len(towns) + len(provinces) >= 3:
        # A list of places ("Tehran, Kermanshah, Isfahan, Lorestan, Kurdistan and Alborz"): a province
        # in it is a place of its own unless a town of the list lies in it. A province the sentence names
        # outside the list ("against joining part of Hormozgan to Fars province … in Bandar Abbas") is none.
        listed = {t.place.province_iso for t in towns if t.place is not None}
        chosen = sorted(
            towns
            + [p for p in provinces if p.province_iso not in listed and _in_the_list(p, mentions, evidence.sentence)],
            key=lambda mention: mention.start,
        )
    result: list[PlaceValue] = []
    for mention in chosen:
        resolved = places.resolve([mention], context_provinces)
        if resolved is not None:
            value = places.to_place_value(resolved, evidence)
            if all(_place_key(v) != _place_key(value) for v in result):
                result.append(value)
    return result


_DATE_FIELD = re.compile(r"^[\s\-•*|]*(?:Date|Dates|تاریخ)\b", re.IGNORECASE)
# The day one person was held or died ("Amini was detained September 13 in Tehran", "died on September 16"):
# what set the protests off, not a day of theirs.
_ONE_PERSONS_DAY_EN = re.compile(
    r"\b(?:(?:was|had been)\s+(?:detained|arrested|killed|shot|executed)|died)\s+(?:on\s+)?$", re.IGNORECASE
)


_FULL_YEAR = re.compile(r"(?<!\d)(?:1[34]\d\d|19\d\d|20\d\d)(?!\d)")


def _report_day(
    sentence_list: list[Evidence],
    mentions_by_sentence: list[list[places.Mention]],
    clocks: Collection[int],
    language: str,
    year: dates.YearHints | None,
) -> datetime.date | None:
    """The day a report with no publication date gives itself: the first full date, its year written out,
    that may date the report (the same sentence an event with no day of its own is dated by); a wire dateline's
    day first ("TEHRAN, Nov. 17, 2019 (AP) —")."""
    filed = dates.dateline_day(sentence_list[0]) if sentence_list else None
    if filed is not None:
        return filed
    for evidence, mentions in zip(sentence_list, mentions_by_sentence, strict=True):
        if evidence.start in clocks:
            continue
        day = dates.find_date(evidence, None, language, year=year)
        if day is not None and _FULL_YEAR.search(day.text) and _may_date_the_report(evidence, day, mentions, language):
            return day.date
    return None


def _may_date_the_report(evidence: Evidence, day: DateValue, mentions: list[places.Mention], language: str) -> bool:
    """Tell whether a sentence's day may date an event told elsewhere in the report.

    A date line ("11 اردیبهشت 1398", the day alone), a sentence that names a place of Iran, or one that
    tells a protest may; a caption of an unrelated photograph a copy kept ("… in Tel Aviv on Feb. 22,
    2025") names neither and dates nothing of the report.
    """
    if len(day.text) >= len(evidence.sentence.strip()) * 0.6 or _DATE_FIELD.match(evidence.sentence):
        return True  # a date line, or an infobox's date field ("- Date: 6 May 2022 – 15 September 2022")
    is_protest = detection.read_cues(evidence.sentence, language).is_protest
    at = evidence.sentence.find(day.text)
    if not is_protest and at > 0 and _ONE_PERSONS_DAY_EN.search(evidence.sentence[max(0, at - 40) : at]):
        return False
    return bool(mentions) or is_protest


def _event(
    group: _Group,
    sentence_list: list[Evidence],
    mentions_by_sentence: list[list[places.Mention]],
    context_provinces: set[str],
    document: DocumentInput,
    language: str,
    year: dates.YearHints | None = None,
    section: DateValue | None = None,
    clocks: Collection[int] = (),
    anchor: datetime.date | None = None,
    headline: detection.SentenceCues | None = None,
) -> EventRecord:
    ordered = group.sentences
    place = group.place
    if place is None and not group.placeless:  # the first place the document names (a dateline, the headline)
        for evidence, mentions in zip(sentence_list, mentions_by_sentence, strict=True):
            resolved = places.resolve(mentions, context_provinces)
            if resolved is not None:
                place = places.to_place_value(resolved, evidence)
                break
    date = group.date or next(
        (d for e in ordered if (d := dates.find_date(e, document.published, language, year=year, anchor=anchor))), None
    )
    # "Students protested the following day", «روز بعد»: a day counted from another event's, which the sentence
    # does not give; neither the page's day, its section's nor another sentence's is it
    undated = group.undated or (date is None and any(_DAY_AFTER_ANOTHER.search(e.sentence) for e in group.protest))
    if undated:
        date = None  # the sentence's day is the earlier event's, and the report gives the later one none
    elif date is None:  # the day of the section it is told under ("26 June" above it)
        date = section
    if date is None and not undated and place is not None and place.geonameid is not None:
        # a full date told with the same town elsewhere in the report (a caption, "تجمع روز پنجشنبه ۷ دی ۱۳۹۶
        # در مشهد") dates the town's event before the report's first day does
        date = next(
            (
                d
                for e, mentions in zip(sentence_list, mentions_by_sentence, strict=True)
                if e.start not in clocks
                and any(m.place is not None and m.place.geonameid == place.geonameid for m in mentions)
                and (d := dates.find_date(e, document.published, language, year=year, anchor=anchor))
                and d.calendar != "relative"
                and _FULL_YEAR.search(d.text)
            ),
            None,
        )
    if date is None and not undated:  # the day may be in another sentence (a dateline, the lead), not its clock
        date = next(
            (
                d
                for e, mentions in zip(sentence_list, mentions_by_sentence, strict=True)
                if e.start not in clocks
                and (d := dates.find_date(e, document.published, language, year=year, anchor=anchor))
                and _may_date_the_report(e, d, mentions, language)
            ),
            None,
        )
    if date is None and document.published is not None and not undated:
        date = dates.publication_date(document.published)
    sector = next((s for e in ordered if (s := sectors.find_sector(e))), None)
    if sector is None:  # who took part may be told in the headline, not by another event of the document
        lead = [e for e in sentence_list[:2] if e.sentence == normalize(document.title)]
        sector = next((s for e in lead if (s := sectors.find_sector(e))), None)
    crowd = next((c for e in group.protest if (c := numbers.crowd_size(e, language))), None)
    if crowd is None:
        crowd = next((c for e in group.context if (c := numbers.crowd_size(e, language))), None)
    victims = {
        kind: next((n for e in ordered if (n := numbers.victims(e, language, kind))), None)
        for kind in ("arrests", "injuries", "deaths")
    }
    return EventRecord(
        sub_event_type=_sub_event_type(group, normalize(document.title), headline),
        sub_event_evidence=group.protest[0],
        date=date,
        place=place,
        sector=sector,
        crowd=crowd,
        arrests=victims["arrests"],
        injuries=victims["injuries"],
        deaths=victims["deaths"],
        evidence=tuple(_told_in_body(ordered, normalize(document.title))),
        language=language,
    )


def _sub_event_type(group: _Group, title: str, headline: detection.SentenceCues | None) -> SubEventType:
    """ACLED's sub-type of a group's event: from the body's account of force when it gives one, else the headline's.

    A headline sums up ("Thousands of Protesters Clash with Police in Tehran": the crowd named first, so violent);
    the body tells who did what ("riot police have clashed with thousands of protesters", "police have used tear
    gas"). When the body's sentences tell force, violence or an intervention, they decide; a headline is read
    alone only when the body tells none. `headline`: the headline's cues as the document's sentences were read
    (None when no sentence is the headline), not read again for each event.
    """
    if headline is None or not any(e.sentence == title for e in group.protest):
        return detection.sub_event_type(group.cues)
    body = list(group.cues)
    if headline in body:
        body.remove(headline)
    if any(c.violent or c.force or c.intervention for c in body):
        return detection.sub_event_type(body)
    return detection.sub_event_type(group.cues)


def _told_in_body(ordered: list[Evidence], title: str) -> list[Evidence]:
    """The sentences that are an event's evidence: the headline and captions only when nothing else tells it.

    A headline ("Southwest Iran's Water Shortage Protests Turn Deadly") sums up the report and a caption
    ("This image grab … shows protesters … in Khash") describes a picture; the body's sentences tell the
    event. Both still give the event the place and day they name.
    """
    body = [e for e in ordered if e.sentence != title and not _CAPTION.search(e.sentence)]
    return body or ordered
