"""Turn one document into protest events, aggregate claims and skipped non-events."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

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
)


@dataclass
class _Group:
    """Sentences about one event (one place) while reading a document."""

    place: PlaceValue | None
    protest: list[Evidence] = field(default_factory=list)
    context: list[Evidence] = field(default_factory=list)
    cues: list[detection.SentenceCues] = field(default_factory=list)
    date: DateValue | None = None  # set when a sentence gives each of its towns its own day

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
    sentence_list = split_sentences(text)
    gazetteer = places.default_gazetteer()
    budget.check()  # the time budget (when ingestion set one) is checked per sentence and per event
    mentions_by_sentence = [places.find_mentions(e.sentence, gazetteer) for e in budget.paced(sentence_list)]
    context_provinces = {
        m.province_iso for found in mentions_by_sentence for m in found if m.place is None and m.province_iso
    }
    area = next(iter(sorted(context_provinces))) if len(context_provinces) == 1 else "IR"

    cues_by_sentence = [detection.read_cues(e.sentence, language) for e in sentence_list]
    about_protests = any(c.is_protest for c in cues_by_sentence)
    found_claims: list[ClaimRecord] = []
    non_events: list[NonEvent] = []
    groups: list[_Group] = []
    current: _Group | None = None
    for evidence, mentions, cues in budget.paced(
        zip(sentence_list, mentions_by_sentence, cues_by_sentence, strict=True)
    ):
        sentence_claims = claims.find_claims(evidence, language, document.published, area)
        if not sentence_claims:
            follow_up = current is not None and (cues.force or cues.intervention or cues.violent)
            sentence_claims = claims.find_tallies(
                evidence,
                language,
                document.published,
                area,
                event_sentence=cues.is_protest or follow_up,
                named_place=bool(mentions),
                about_protests=about_protests,
            )
        if sentence_claims:
            # A claim sentence is never evidence of a counted event.
            found_claims.extend(sentence_claims)
            current = None
            continue
        if cues.is_protest and (cues.planned or cues.online):
            non_events.append(NonEvent(reason="planned" if cues.planned else "online_only", evidence=evidence))
            current = None
            continue
        if not cues.is_protest:
            named_town = _town_of_province(current, mentions, groups, context_provinces, evidence)
            if current is not None and named_town is not None:
                # "Farmers of Khuzestan province gathered. They stood outside the governor's office in
                # Dezful.": the next sentence names the province's town where the action was.
                current.place = named_town
                current.context.append(evidence)
                current.cues.append(cues)
                continue
            if current is not None and (cues.force or cues.intervention or cues.violent or not mentions):
                current.context.append(evidence)
                current.cues.append(cues)
            continue
        towns = _distinct_places(mentions, context_provinces, evidence)
        if not towns:
            if current is None:
                current = _Group(place=None)
                groups.append(current)
            current.protest.append(evidence)
            current.cues.append(cues)
            continue
        town_cues = _cues_by_town(evidence, towns, cues, language)
        town_dates = _dates_by_town(evidence, towns, document, language)
        for place in towns:
            match = next((g for g in groups if _place_key(g.place) == _place_key(place)), None)
            if match is None:
                unplaced = next((g for g in groups if g.place is None), None)
                if unplaced is not None and len(towns) == 1:
                    unplaced.place = place
                    match = unplaced
                else:
                    match = _Group(place=place)
                    groups.append(match)
            match.protest.append(evidence)
            match.cues.append(town_cues[_place_key(place)])
            if match.date is None:
                match.date = town_dates.get(_place_key(place))
            current = match
    placed = [g for g in groups if g.place is not None]
    if placed:
        # Sentences with no place of their own (a headline, a lead) belong to the placed events,
        # not to an extra event at "the first place the document names".
        for group in [g for g in groups if g.place is None]:
            _fold(group, into=placed[0], groups=groups)
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
    events = tuple(
        _event(group, sentence_list, mentions_by_sentence, context_provinces, document, language)
        for group in budget.paced(groups)
    )
    return Extraction(
        language=language, events=events, claims=tuple(claims.drop_repeats(found_claims)), non_events=tuple(non_events)
    )


# Cities and countries of the diaspora's rallies, and words saying "abroad" (not the US: "death to America").
ABROAD = re.compile(
    r"\b(?:London|Paris|Berlin|Hamburg|Frankfurt|Cologne|Munich|Toronto|Vancouver|Montreal|Ottawa|Washington|"
    r"Los Angeles|New York|Stockholm|Oslo|Copenhagen|The Hague|Amsterdam|Brussels|Geneva|Vienna|Sydney|"
    r"Melbourne|Istanbul|abroad)\b"
    r"|(?<![\w\u0600-\u06ff])(?:لندن|پاریس|برلین|هامبورگ|فرانکفورت|کلن|مونیخ|تورنتو|ونکوور|مونترال|اتاوا|"
    r"واشنگتن|لس آنجلس|نیویورک|استکهلم|اسلو|کپنهاگ|لاهه|آمستردام|بروکسل|ژنو|سیدنی|ملبورن|استانبول|"
    r"خارج از کشور|مقیم خارج)(?![\w\u0600-\u06ff])"
)


DIASPORA = re.compile(r"\bIranians?\b|\bdiaspora\b|\bexiles?\b|ایرانیان|ایرانی|هموطنان|مقیم")


def _abroad(sentence: str) -> bool:
    """Tell whether a sentence is about Iranians rallying in a city abroad (other countries' protests stay events)."""
    return bool(ABROAD.search(sentence) and DIASPORA.search(sentence))


def _fold(group: _Group, *, into: _Group, groups: list[_Group]) -> None:
    """Make a group's sentences context of another event and drop the group."""
    into.context.extend(group.protest + group.context)
    into.cues.extend(group.cues)
    groups.remove(group)


def _town_in_named_province(mention: places.Mention, context_provinces: set[str]) -> places.Mention:
    """Read a province name as the town of that name when the document names the town's province.

    "Golestan municipality, in Tehran province" is the town of Golestan, not Golestan province.
    """
    if mention.place is not None or mention.province_iso is None:
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
_CLAUSE_SPLIT = re.compile(
    r"[;؛]|,?\s+(?:while|whereas|but)\s+|،\s*(?:اما|ولی|در حالی که)\s+|\s+(?:اما|ولی|در حالی که)\s+", re.IGNORECASE
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
    evidence: Evidence, towns: list[PlaceValue], document: DocumentInput, language: str
) -> dict[object, DateValue]:
    """Pair towns and days told in turn ("on Sunday in Kerman and on Monday in Ahvaz"), one each."""
    if len(towns) < 2:
        return {}
    found = dates.dates_in_order(evidence, document.published, language)
    if len(found) != len(towns) or len({d.date for d in found}) < 2:
        return {}
    ordered = sorted(towns, key=lambda town: evidence.sentence.find(town.text) if town.text else -1)
    return {_place_key(town): day for town, day in zip(ordered, found, strict=True)}


def _distinct_places(
    mentions: list[places.Mention], context_provinces: set[str], evidence: Evidence
) -> list[PlaceValue]:
    mentions = [_town_in_named_province(m, context_provinces) for m in mentions]
    towns = [m for m in mentions if m.place is not None]
    chosen = towns or [m for m in mentions if m.province_iso is not None][:1]
    result: list[PlaceValue] = []
    for mention in chosen:
        resolved = places.resolve([mention], context_provinces)
        if resolved is not None:
            value = places.to_place_value(resolved, evidence)
            if all(_place_key(v) != _place_key(value) for v in result):
                result.append(value)
    return result


def _event(
    group: _Group,
    sentence_list: list[Evidence],
    mentions_by_sentence: list[list[places.Mention]],
    context_provinces: set[str],
    document: DocumentInput,
    language: str,
) -> EventRecord:
    ordered = group.sentences
    place = group.place
    if place is None:  # fall back on the first place the document names (a dateline or the headline)
        for evidence, mentions in zip(sentence_list, mentions_by_sentence, strict=True):
            resolved = places.resolve(mentions, context_provinces)
            if resolved is not None:
                place = places.to_place_value(resolved, evidence)
                break
    date = group.date or next((d for e in ordered if (d := dates.find_date(e, document.published, language))), None)
    if date is None:  # the day may be in another sentence of the report (a dateline, the lead)
        date = next((d for e in sentence_list if (d := dates.find_date(e, document.published, language))), None)
    if date is None and document.published is not None:
        date = dates.publication_date(document.published)
    sector = next((s for e in ordered if (s := sectors.find_sector(e))), None)
    if sector is None:
        sector = next((s for e in sentence_list if (s := sectors.find_sector(e))), None)
    crowd = next((c for e in group.protest if (c := numbers.crowd_size(e, language))), None)
    if crowd is None:
        crowd = next((c for e in group.context if (c := numbers.crowd_size(e, language))), None)
    victims = {
        kind: next((n for e in ordered if (n := numbers.victims(e, language, kind))), None)
        for kind in ("arrests", "injuries", "deaths")
    }
    return EventRecord(
        sub_event_type=detection.sub_event_type(group.cues),
        sub_event_evidence=group.protest[0],
        date=date,
        place=place,
        sector=sector,
        crowd=crowd,
        arrests=victims["arrests"],
        injuries=victims["injuries"],
        deaths=victims["deaths"],
        evidence=tuple(ordered),
        language=language,
    )
