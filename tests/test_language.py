"""Language identification on short texts written for these tests."""

from __future__ import annotations

import pytest

from worldwire.nlp.language import identify


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The government said on Monday that it would send more troops to the border region.", "en"),
        (
            "Le gouvernement a annoncé lundi qu'il enverrait plus de troupes à la frontière.",
            "fr",
        ),
        ("Die Regierung hat am Montag angekündigt, dass sie mehr Truppen an die Grenze schicken wird.", "de"),
        ("El gobierno anunció el lunes que enviará más tropas a la frontera con el país vecino.", "es"),
        ("O governo anunciou na segunda-feira que vai enviar mais tropas para a fronteira do país.", "pt"),
        ("Il governo ha annunciato lunedì che invierà più truppe al confine con il paese vicino.", "it"),
        ("Правительство в понедельник объявило, что направит дополнительные войска к границе.", "Cyrillic"),
        ("政府周一宣布将向边境地区增派部队。", "Han"),
        ("الحكومة أعلنت يوم الاثنين أنها سترسل المزيد من القوات إلى الحدود.", "Arabic"),
    ],
)
def test_language_identifies(text: str, code: str) -> None:
    assert identify(text).code == code


def test_language_short_text_is_taken_as_english() -> None:
    guess = identify("Kyiv, Moscow")
    assert guess.code == "en"
    assert "too few" in guess.evidence


def test_language_names_the_evidence() -> None:
    guess = identify("Le gouvernement a annoncé lundi qu'il enverrait plus de troupes à la frontière.")
    assert guess.name == "French"
    assert "French function words" in guess.evidence


def test_language_english_with_foreign_names_stays_english() -> None:
    text = (
        "President Kassym-Jomart Tokayev met Xi Jinping in Xi'an, where the leaders of Kazakhstan, "
        "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan gathered for the summit."
    )
    assert identify(text).code == "en"


def test_language_short_sentence_with_few_function_words_stays_english() -> None:
    guess = identify("Some 9,000 Freedonian farmers sought refuge across Sylvanian borders last month.")
    assert guess.code == "en"
    assert "taken as English" in guess.evidence


def test_language_long_text_of_no_known_language_is_refused() -> None:
    text = " ".join(["Zorbel quintap vexu marrow plendix"] * 10)
    assert identify(text).code == "und"
