"""Chats pair an answer with a question only on evidence; otherwise the question stays open."""

from __future__ import annotations

from studynotes.importers.chat_log import parse
from studynotes.importers.parts.replies import affirms, content_words, mentioned, name_parts
from studynotes.model import ImportContext, Question


def _questions(chat: str) -> dict[str, Question]:
    note = parse(chat, ImportContext(file_name="meeting_saved_chat.txt")).notes[0]
    return {q.asked_at or "": q for q in note.questions}


def test_a_mention_of_any_part_of_the_askers_name_answers_them() -> None:
    found = _questions(
        "10:00:00 From Jan Kowalski : How do I reset the kernel?\n"
        "10:00:30 From Ana Silva : Is there a break today?\n"
        "10:03:00 From Prof. Kim : @Jan: Kernel menu, then Restart\n"
        "10:04:00 From Prof. Kim : Cécile, it is in the readme\n"
        "10:05:00 From Cécile Coulon : Where are the slides?\n"
        "10:06:00 From Prof. Kim : @cecile the slides are in the repository\n"
    )
    assert found["10:00:00"].answer == "**Prof. Kim**: @Jan: Kernel menu, then Restart"
    assert found["10:00:00"].answered_by == "instructor"
    assert found["10:00:30"].status == "open"
    assert "repository" in found["10:05:00"].answer


def test_an_unrelated_message_from_someone_else_leaves_the_question_open() -> None:
    found = _questions(
        "14:16:15 From Stephanie Deering : how will that recording be accessed?\n"
        "14:16:32 From Jon Mifsud : Likewise here to help if anyone needs it.\n"
        "14:18:00 From Liisa Kautto : still installing the packages\n"
    )
    assert found["14:16:15"].status == "open"


def test_a_reply_that_shares_the_questions_words_answers_it_even_after_other_talk() -> None:
    found = _questions(
        "09:47:37 From Jacob Schaperow : Are there file limits? Do we worry about these?\n"
        "09:48:04 From Ed Santilli : What are the differences between forking and cloning?\n"
        "09:48:16 From Rene G : I think there is a limit of 50 MB per file\n"
        "09:49:18 From Bane S : Cloning is making a local copy. Forking is adding a copy to your account\n"
    )
    assert found["09:47:37"].answer.startswith("**Rene G**: I think there is a limit")
    assert found["09:48:04"].answer.startswith("**Bane S**: Cloning is making")
    assert found["09:48:04"].answered_by == "peer"


def test_a_yes_answers_a_yes_or_no_question_but_no_worries_does_not() -> None:
    found = _questions(
        "09:11:43 From Mousumi Ghosh : Will the slides be made available to us?\n"
        "09:11:49 From Leah W : yes!\n"
        "10:05:52 From Malambo : How do I share my screen?\n"
        "10:07:30 From Leah W : yes!\n"
    )
    assert found["09:11:43"].status == "answered"
    assert found["10:05:52"].status == "open"
    assert affirms("Yup - go to File, then Download") and affirms("Nope.")
    assert not affirms("No worries Ed! We understand!")


def test_a_follow_up_that_points_back_is_one_question_with_the_first() -> None:
    found = _questions(
        "19:58:40 From Dayakar : what's the exclamation for the ID?\n"
        "19:58:48 From Dayakar : Is that because it's the ID?\n"
        "19:58:52 From Armand Bour : That's a required field\n"
    )
    assert list(found) == ["19:58:40"]
    assert found["19:58:40"].answer == "**Armand Bour**: That's a required field"


def test_names_mentions_and_words() -> None:
    assert {"jan", "kowalski"} <= name_parts("Jan Kowalski (she/her)")
    assert mentioned("@Cécile: thanks") == ["cecile"]
    assert mentioned("Martin, take a look at PageInfo") == ["martin"]
    assert content_words("Are there file limits?") & content_words("a limit of 50 MB per file")
    assert content_words("share the Git-Hub address") & content_words("https://github.com/x")
