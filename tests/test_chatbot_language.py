"""The bot replies in the citizen's language: a hand-off in Indonesian under an Indonesian
question even when the FAQ wording that matched best is English, and an answer from the
entry's Indonesian version when the English wording matched."""
import pytest

from civicai.chatbot.informal import language_of
from civicai.chatbot.knowledge import entries_from_course_faq
from civicai.chatbot.retrieval import HANDOFF, FaqBot
from civicai.data import load


@pytest.fixture(scope="module")
def bot():
    return FaqBot(entries_from_course_faq(load("faq")))


@pytest.mark.parametrize("text, language", [
    ("Berapa harga tiket pesawat ke Bali?", "id"), ("gmn cara daftar nikah", "id"),
    ("sy mau tanya", "id"), ("How much is a flight to Bali?", "en"),
    ("how 2 renew my SIM pls", "en"), ("KTP", None), ("", None),
])
def test_the_language_of_a_question(text, language):
    assert language_of(text) == language


@pytest.mark.parametrize("question", [
    "Kenapa website error terus?", "Saya mau komplain soal delivery makanan",
    "Tolong cek status refund saya", "Password email saya lupa, gimana?",
])
def test_an_indonesian_question_is_handed_over_in_indonesian(bot, question):
    matched = bot.entries.set_index("question").loc[bot.ask(question).matched_question]
    assert "en" in set([matched["language"]] if isinstance(matched["language"], str)
                       else matched["language"]), "the case this test is about: English matched"
    answer = bot.ask(question)
    assert answer.handed_off and answer.text == HANDOFF["id"] and answer.language == "id"


def test_an_english_question_is_handed_over_in_english(bot):
    answer = bot.ask("Who won the football match last night?")
    assert answer.handed_off and answer.text == HANDOFF["en"]


def test_an_answer_comes_in_the_language_of_the_question(bot):
    asked = "Bisa minta nomor WhatsApp admin?"  # Indonesian, closest to an English wording
    answer = bot.ask(asked)
    matched = bot.entries[bot.entries["question"] == answer.matched_question].iloc[0]
    assert matched["language"] == "en" and not answer.handed_off, "the case this test is about"
    indonesian = bot.entries[(bot.entries["faq_id"] == answer.faq_id) &
                             (bot.entries["language"] == "id")].iloc[0]
    assert answer.text == indonesian["answer"] and answer.language == "id"
    assert bot.ask(matched["question"]).text == matched["answer"], "English stays English"
