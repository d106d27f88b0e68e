"""Language identification (py3langid) on short texts written for these tests, and E301 through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from worldwire.interfaces.cli import app
from worldwire.nlp.language import identify


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The government said on Monday that it would send more troops to the border region.", "en"),
        ("Le gouvernement a annoncé lundi qu'il enverrait plus de troupes à la frontière.", "fr"),
        ("Die Regierung hat am Montag angekündigt, dass sie mehr Truppen an die Grenze schicken wird.", "de"),
        ("El gobierno anunció el lunes que enviará más tropas a la frontera con el país vecino.", "es"),
        ("O governo anunciou na segunda-feira que vai enviar mais tropas para a fronteira do país.", "pt"),
        ("Il governo ha annunciato lunedì che invierà più truppe al confine con il paese vicino.", "it"),
        ("Правительство в понедельник объявило, что направит дополнительные войска к границе.", "ru"),
        ("الحكومة أعلنت يوم الاثنين أنها سترسل المزيد من القوات إلى الحدود.", "ar"),
        ("Chính phủ tuyên bố hôm thứ Hai rằng sẽ điều thêm quân đến khu vực biên giới.", "vi"),
    ],
)
def test_language_identifies(text: str, code: str) -> None:
    assert identify(text).code == code


def test_language_text_without_spaces_is_not_too_short() -> None:
    guess = identify("政府周一宣布将向边境地区增派部队。")  # one "word" to a regex, 16 to a reader
    assert guess.code != "en"
    assert "Chinese" in guess.name


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv, Moscow",  # too short to tell
        "Police at the scene on Monday.",  # a caption
        "Tokayev and Mirziyoyev in Samarkand, 2022, with their aides",  # names, few English words
        "Some 9,000 Freedonian farmers sought refuge across Sylvanian borders last month.",
        "Kenya and Uganda met on Monday.",  # mostly names, which the model reads as Ganda
        "Nigerian police arrested protesters in Lagos.",  # English words, read as Nigerian Pidgin
        "President Kassym-Jomart Tokayev met Xi Jinping in Xi'an, where the leaders of Kazakhstan, "
        "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan gathered for the summit.",
    ],
)
def test_language_short_or_name_heavy_english_stays_english(text: str) -> None:
    assert identify(text).code == "en"


def test_language_long_text_of_no_known_language_is_refused() -> None:
    text = " ".join(["Zorbel quintap vexu marrow plendix"] * 10)
    assert identify(text).code == "und"


@pytest.mark.slow
def test_language_e301_names_the_language() -> None:
    line = json.dumps(
        {"id": "vi1", "text": "Chính phủ tuyên bố hôm thứ Hai rằng sẽ điều thêm quân đến biên giới."}
    )
    result = CliRunner().invoke(app, ["extract", "-"], input=line + "\n")
    assert result.exit_code == 1
    (record,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert record["error"].startswith("[E301] not English: 'vi1' looks like Vietnamese")
    assert record["language"] == "vi"


def test_language_long_pidgin_is_still_pidgin() -> None:
    """Only a short text read as an English-lexified language is taken as English."""
    text = (
        "Police don arrest di pipo wey dey protest for Lagos on Monday. Di police tok say dem go charge dem "
        "for court. Some of di protesters wey tok to reporters say dem no go stop until goment listen to "
        "dem. Dem say na dia right to waka for road."
    )
    assert identify(text).code == "pcm"
