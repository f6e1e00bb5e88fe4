"""Rupture cases from session 52's conversations (a GP consultation written for the project)."""

from tests.rupture_helpers import analyzed, found

GP = [
    ("W", "It's almost certainly a tension-type headache. Take paracetamol and drink more water."),
    ("C", "But what about the tumour thing? That's what I'm really scared of."),
    ("W", "There's nothing here to suggest that. If it gets worse, come back."),
    ("C", "Okay. Fine."),
]


def test_winding_up_after_a_withdrawal_is_not_a_repair():
    assert found(analyzed([*GP, ("W", "Anything else?"), ("C", "No. That's it.")])) == [([3], None)]


def test_asking_about_the_fear_after_it_is():
    conv = analyzed([*GP, ("W", "Sorry, I brushed past that. What is it about a tumour that scares you most?"),
                     ("C", "My mum had one. She was fine for months and then it was too late, and I keep thinking about it.")])
    assert found(conv) == [([3], 4)]
