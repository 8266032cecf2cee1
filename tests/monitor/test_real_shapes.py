"""Unit tests of the shapes of real news left from issue 16's twelfth round (its thirteenth round): credited
captions, judicial tallies, violence by protesters, days told loosely. Each test is one generic rule; the sentences
are written for the tests, in the shapes wire reports, encyclopedia articles and Persian agency reports use."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput

SUNDAY = datetime.date(2022, 9, 25)


def towns(text: str, published: datetime.date | None = SUNDAY, language: str = "en") -> list[str | None]:
    done = extract(DocumentInput(text=text, published=published, language=language))
    return [event.place.city if event.place else None for event in done.events]


def test_a_caption_told_as_a_sentence_and_then_credited_is_page_furniture() -> None:
    """ "Protesters gather in Tehran on 19 September 2022. Photo: AFP": the credit says the line is a caption."""
    for text in (
        "Protesters gather in Tehran on 19 September 2022. Photo: AFP",
        "Officials blamed foreign enemies.\nProtesters march in Mashhad on September 21, 2022. (Photo by "
        "Stringer/Getty Images)\nThe government cut internet access.",
        "Women burn their headscarves during a protest in Sanandaj, Iran, September 22, 2022. REUTERS/Stringer",
        "Demonstrators chant slogans in Shiraz. Credit: Reuters",
        "Students rally at Tehran University on Monday. (AP Photo/Vahid Salemi)",
        "Protesters gather in Tehran on 19 September 2022. AFP via Getty Images",
        "People protest in Karaj on 23 September 2022, in this picture obtained by Reuters.",
    ):
        assert towns(text) == [], text
    for text in (
        "تجمع معلمان معترض در شیراز، ۲۲ اسفند ۱۴۰۰. عکس از: ایسنا",
        "معلمان روز یکشنبه در مقابل اداره آموزش و پرورش شیراز تجمع کردند. (عکس: تسنیم)",
    ):
        assert towns(text, None, "fa") == [], text
    # the report's own sentences are read: a photograph named in a sentence, a news agency as the source
    assert towns("Protesters gathered in Tehran on Monday. Photos by activists showed police beating them.") == [
        "Tehran"
    ]
    assert towns("Protesters gathered in Tehran on Monday, witnesses told Reuters.") == ["Tehran"]
    assert towns("معلمان روز یکشنبه در مقابل اداره آموزش و پرورش شیراز تجمع کردند.", None, "fa") == ["Shiraz"]
    # the credited caption beside the report does not add an event of its own
    text = (
        "Teachers gathered outside the education office in Shiraz on Monday.\n"
        "Protesters gather in Tehran on 19 September 2022. Photo: AFP\n"
        "Police watched the gathering, which ended after two hours."
    )
    assert towns(text) == ["Shiraz"]
