"""Plain-text cleaning, one behaviour at a time, on examples written for these tests."""

from __future__ import annotations

import pytest

from worldwire.clean import clean_document
from worldwire.clean.debris import debris_kind
from worldwire.clean.text import clean_text
from worldwire.models import RawDocument

BODY = "The ministers met in the capital on Monday. They agreed to meet again in June."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read also: Floods close the northern highway", "read_also"),
        ("READ MORE: Parliament passes the budget", "read_also"),
        ("See also - Election results by region", "read_also"),
        ("Related: Ten things to know about the summit", "read_also"),
        ("Related stories", "read_also"),
        ("You may also like:", "read_also"),
        ("Most read", "read_also"),
        ("Click here to read the full statement", "read_also"),
        ("Join our Telegram channel", "social"),
        ("Join Telegram channel", "social"),
        ("Follow us on Twitter and Facebook for more news", "social"),
        ("Share this article", "social"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Subscribe to the Evening Briefing newsletter", "newsletter"),
        ("Enter your email address to get updates", "newsletter"),
        ("Already a subscriber? Log in", "newsletter"),
        ("Photo: Jane Roe / City Times", "caption"),
        ("(Photo by Sam Doe/Getty Images)", "caption"),
        ("Protesters gather outside parliament (AP Photo/Sam Doe)", "caption"),
        ("Chinese President Xi", "caption"),
        ("Prime Minister Ana Lopes", "caption"),
        ("Russian Foreign Minister Sergei Lavrov", "caption"),
        ("By Maria Santos", "byline"),
        ("By John Smith and Ana Lopes", "byline"),
        ("Reporting by Sam Doe; Editing by Jane Roe", "byline"),
        ("Updated: 17 May 2023 10:42", "byline"),
        ("Published on May 17, 2023", "byline"),
        ("We use cookies to improve your experience on our site.", "cookie"),
        ("Accept all cookies", "cookie"),
        ("Advertisement", "ads"),
        ("ADVERTISEMENT", "ads"),
        ("Story continues below advertisement", "ads"),
        ("Sponsored content", "ads"),
        ("© 2024 City Times. All rights reserved.", "copyright"),
        ("Copyright 2023 Example Media", "copyright"),
        ("copyright City Times 2019 - ISSN: 1234-5678", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("Sponsored", "ads"),
        ("Partner content: Ten ways to travel", "ads"),
    ],
)
def test_debris_kind_recognises(line: str, kind: str) -> None:
    assert debris_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the ministry said exports rose by 4 percent.",
        "Read the full statement on the ministry's website, officials said, as talks resumed.",
        "Related talks in Geneva ended without an agreement on Tuesday.",
        "The president said he would join the summit in person.",
        "Officials said the photo was taken in 2019 and later shared on social media.",
        "Share prices fell sharply in Tokyo after the announcement.",
        "Follow-up talks are planned for next month, the foreign ministry said.",
        "Subscribers to the plan must register by March, the regulator said.",
        "The Road Ahead",
        "General Election Results",
        "Foreign Policy",
        "Defence Spending Review",
        "French Foreign Minister",
        "President Xi Jinping told the summit that China would invest more.",
        "Cookies and cakes were served at the reception, guests said.",
        "Copyright law reform was approved by parliament on Tuesday.",
        "Copyright law reform of 2019 was approved by parliament.",
        "The report may not be published until the inquiry ends, officials said.",
        "Sponsored by the UN, the programme trains nurses.",
        "Join the queue, the minister told reporters on Monday.",
        "Prime Minister Ana Lopes resigned on Friday.",
    ],
)
def test_debris_kind_keeps_news(line: str) -> None:
    assert debris_kind(line) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("LONDON (Reuters) - " + BODY, "London"),
        ("XIAN, China (AP) — " + BODY, "Xian"),
        ("NEW YORK: " + BODY, "New York"),
        ("MOSCOW, May 17 (Reuters) - " + BODY, "Moscow"),
        ("WASHINGTON — " + BODY, "Washington"),
        ("ST. PAUL, Minn. (AP) — " + BODY, "St. Paul"),
        ("China's XIAN: " + BODY, "Xian"),
        ("Trade grew strongly last year. Kenya's NAIROBI: " + BODY, "Nairobi"),
        ("Trade grew strongly last year. BERLIN (dpa) - " + BODY, "Berlin"),
    ],
)
def test_clean_text_cuts_dateline_and_keeps_place(text: str, place: str) -> None:
    cleaned = clean_text(text, find_headline=False)
    assert cleaned.dateline is not None
    assert cleaned.dateline.place == place
    assert cleaned.text.endswith(BODY)
    assert cleaned.dateline.text not in cleaned.text
    assert ("dateline", cleaned.dateline.text) in [(r.kind, r.text) for r in cleaned.removed]


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: " + BODY,
        "DEAR ABBY: My neighbour keeps parking in my space.",
        "NATO: " + BODY,
        "IMF - " + BODY,
        "WARNING: " + BODY,
        "The talks ended. Officials said: " + BODY,
        "He met NATO officials. EU: " + BODY,
        "Agents raided the office. Russia's FSB: " + BODY,
    ],
)
def test_clean_text_leaves_non_datelines(text: str) -> None:
    cleaned = clean_text(text, find_headline=False)
    assert cleaned.dateline is None
    assert cleaned.text == text


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("the statement reads.According to officials", "the statement reads. According to officials"),
        ("it was agreed.”The talks", "it was agreed.” The talks"),
        ('it was agreed."The talks', 'it was agreed." The talks'),
        ("beef, and lamb,Since then", "beef, and lamb, Since then"),
        ("Was it agreed?Nobody knows", "Was it agreed? Nobody knows"),
    ],
)
def test_clean_text_splits_glued_sentences(glued: str, fixed: str) -> None:
    assert clean_text(glued, find_headline=False).text == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Troops from the U.S.Army arrived.",
        "Details are at www.example.Com/News today.",
        "Write to press@Ministry.gov for details.",
        "The e.g. form stays.",
    ],
)
def test_clean_text_leaves_abbreviations_and_addresses(text: str) -> None:
    assert clean_text(text, find_headline=False).text == text


def test_clean_text_moves_closing_quote_back_across_paragraphs() -> None:
    text = 'He said, "We will expand exports.\n\n"Lee added, "We are ready to sell wheat."'
    assert clean_text(text, find_headline=False).text == (
        'He said, "We will expand exports."\n\nLee added, "We are ready to sell wheat."'
    )


def test_clean_text_keeps_multi_paragraph_quote_convention() -> None:
    text = 'She said: "We will fight on.\n\n"We will never give up," she added.'
    assert clean_text(text, find_headline=False).text == text


def test_clean_text_moves_closing_curly_quote() -> None:
    text = "He said, “We agree.\n\n”Then he left."
    assert clean_text(text, find_headline=False).text == "He said, “We agree.”\n\nThen he left."


def test_clean_text_detects_headline() -> None:
    cleaned = clean_text("Leaders agree on new trade pact\n\n" + BODY)
    assert cleaned.title == "Leaders agree on new trade pact"
    assert cleaned.text == BODY


@pytest.mark.parametrize(
    "first",
    [
        "The ministers met in the capital on Monday.",  # a sentence, not a headline
        "the leaders agree on a pact",  # lower case start
    ],
)
def test_clean_text_does_not_take_a_sentence_for_a_headline(first: str) -> None:
    cleaned = clean_text(first + "\n\n" + BODY)
    assert cleaned.title is None
    assert cleaned.text.startswith(first)


def test_clean_text_drops_first_line_equal_to_known_title() -> None:
    cleaned = clean_text("Leaders agree  on new trade pact\n" + BODY, title="Leaders agree on new trade pact")
    assert cleaned.title == "Leaders agree on new trade pact"
    assert cleaned.text == BODY


def test_clean_text_unwraps_hard_wrapped_paragraphs() -> None:
    wrapped = "The ministers met in the capital\non Monday and agreed to meet\nagain in June."
    assert clean_text(wrapped, find_headline=False).text == (
        "The ministers met in the capital on Monday and agreed to meet again in June."
    )


def test_clean_text_keeps_one_paragraph_per_line_when_lines_are_sentences() -> None:
    lines = "The ministers met on Monday.\nThey agreed to meet again.\nTalks end in June."
    assert clean_text(lines, find_headline=False).text == lines.replace("\n", "\n\n")


def test_clean_text_normalises_whitespace_and_invisibles() -> None:
    text = "The\u00a0ministers  met\u200b on\tMonday.\r\n\r\n\r\nThey agreed."
    assert clean_text(text, find_headline=False).text == "The ministers met on Monday.\n\nThey agreed."


def test_clean_document_raw_mode_keeps_text_exactly() -> None:
    text = "LONDON (Reuters) - Read also: x\r\n\r\nBy Jane Roe\n"
    cleaned = clean_document(RawDocument(id="a", origin="a", text=text), raw_mode=True)
    assert cleaned.text == text
    assert cleaned.removed == ()


def test_clean_document_all_debris_is_an_error() -> None:
    cleaned = clean_document(RawDocument(id="a", origin="a", text="Advertisement\n\nShare this article"))
    assert cleaned.error is not None
    assert cleaned.error.startswith("[E203]")
    assert "--raw" in cleaned.error


def test_clean_document_prefers_given_date_then_default() -> None:
    raw = RawDocument(id="a", origin="a", text=BODY, date="2020-01-02")
    assert clean_document(raw, default_date="2021-01-01").date == "2020-01-02"
    raw = RawDocument(id="a", origin="a", text=BODY)
    assert clean_document(raw, default_date="2021-01-01").date == "2021-01-01"


def test_clean_document_html_uses_page_title_and_date() -> None:
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds more detail on the talks.</p>" for i in range(6))
    html = (
        "<html><head><title>Leaders agree on pact</title>"
        '<meta property="article:published_time" content="2023-05-17"></head><body>'
        f"<nav>Home | World | Sport</nav><article><h1>Leaders agree on pact</h1>{paragraphs}"
        "<p>Join our Telegram channel</p></article><footer>© 2023 City Times</footer></body></html>"
    )
    cleaned = clean_document(RawDocument(id="p.html", origin="p.html", html=html))
    assert cleaned.error is None
    assert cleaned.title == "Leaders agree on pact"
    assert cleaned.date == "2023-05-17"
    assert "Paragraph 5" in cleaned.text
    assert "Telegram" not in cleaned.text
    assert "Home | World" not in cleaned.text
    assert ("social", "Join our Telegram channel") in [(r.kind, r.text) for r in cleaned.removed]


def test_clean_document_text_without_letters_is_an_error() -> None:
    cleaned = clean_document(RawDocument(id="a", origin="a", text="<<<>>> &&& < 123 -- ..."))
    assert cleaned.error is not None
    assert cleaned.error.startswith("[E204]")


@pytest.mark.parametrize("prefix", ["(Reuters) - ", "(AP) — ", "(AFP) -- "])
def test_clean_text_cuts_agency_only_dateline(prefix: str) -> None:
    cleaned = clean_text(prefix + BODY, find_headline=False)
    assert cleaned.text == BODY
    assert cleaned.dateline is not None
    assert cleaned.dateline.place is None


def test_clean_text_keeps_parenthesis_that_is_not_an_agency() -> None:
    text = "(Updated) - " + BODY
    assert clean_text(text, find_headline=False).text == text


def test_clean_text_detects_headline_on_one_paragraph_per_line_text() -> None:
    cleaned = clean_text("Leaders agree on new trade pact\nThe ministers met on Monday.\nThey agreed.")
    assert cleaned.title == "Leaders agree on new trade pact"
    assert cleaned.text == "The ministers met on Monday.\n\nThey agreed."


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in the capital\non Monday and agreed to meet\nagain in June.",
        "Leaders agree on new trade pact\nin a deal signed by ministers\nfrom both countries on Monday.",
    ],
)
def test_clean_text_takes_no_headline_from_a_wrapped_paragraph(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.title is None
    assert cleaned.text == text.replace("\n", " ")
