"""A simple reflection built from the client's own words (``rapport.reflecting``)."""

import pytest

from rapportlens.rapport.reflecting import simple_reflection


@pytest.mark.parametrize("said,reflection", [
    ("So frustrating. I was kicking myself all afternoon.", "So you were kicking yourself all afternoon."),
    ("Not great. I haven't been sleeping much.", "So you haven't been sleeping much."),
    ("Honestly, I'm scared they'll change who I am.", "So you're scared they'll change who you are."),
    ("Dee and I argued, and I am tired of it.", "So Dee and you argued, and you are tired of it."),
    ("I feel sick. And my mum doesn't get it.", "So your mum doesn't get it."),
    # Nothing in the first person, a question, the listener spoken to, or a recital: none.
    ("Yeah. It happens every single week.", None),
    ("Is that normal?", None),
    ("I think you are wrong.", None),
    ("I went to the shop and then I went to the bank and then I went to my sister's and then home.", None),
])
def test_the_clients_last_first_person_sentence_is_given_back(said, reflection):
    assert simple_reflection(said) == reflection


@pytest.mark.parametrize("said,reflection", [
    # The transcriber's notes are not the client's words; nor is a trailing "honestly".
    ("Yeah. Yeah it was. [pause] I cried in the car park a few times, honestly.",
     "So you cried in the car park a few times."),
    ("[laughs] I was so nervous (inaudible) beforehand.", "So you were so nervous beforehand."),
    ("I don't know, I guess. I feel stuck, you know.", "So you feel stuck."),
])
def test_notes_and_trailing_fillers_are_left_out(said, reflection):
    assert simple_reflection(said) == reflection
