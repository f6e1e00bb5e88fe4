"""The risk model with the patterns: indirect phrasing found, figurative and negated use
dropped, and every model flag says where it came from. The accuracy on sentences the
model never saw is measured by eval/risk_eval.py, not here."""

import pytest

from rapportlens import Conversation, Role
from rapportlens.analyzers.risk import Risk
from rapportlens.output import to_dict
from rapportlens.rapport.risk import (
    assess,
    assess_many,
    discounted,
    likely_categories,
    model_card,
    pattern_flags,
    units,
)


def client_says(text, use_model=True):
    conv = Conversation.from_pairs([("P", "How has the week been?"), ("C", text)],
                                   roles={"P": Role.PRACTITIONER, "C": Role.CLIENT})
    Risk(use_model)(conv)
    return conv


# Written for this test; none matches a pattern, so only the model can find them.
INDIRECT = [
    ("I've been quietly putting my affairs in order so nobody has to clean up after me.", "suicide"),
    ("When the pressure builds I take the scissors to my forearm.", "self_harm"),
    ("My boyfriend decides what I eat and hits me if I answer back.", "abuse"),
]


@pytest.mark.parametrize(("text", "category"), INDIRECT)
def test_the_model_finds_what_no_pattern_matches(text, category):
    assert not pattern_flags(text)
    flags = client_says(text).features["risk"]
    assert category in {f["category"] for f in flags}
    flag = next(f for f in flags if f["category"] == category)
    assert flag["source"] == "model" and 0.5 <= flag["confidence"] <= 1
    assert flag["evidence"] == text and flag["action"] == "needs human review"
    assert client_says(text, use_model=False).features["risk"] == []


@pytest.mark.parametrize("text", [
    "This deadline is killing me.",
    "I would never hurt myself, I just need a break.",
    "I'm not suicidal, I'm worn out.",
    "We were dying laughing at the wedding.",
    "I would like to sleep again.",  # sleep trouble: the model alone read ideation (0.95)
    "I wish I could sleep properly.",
])
def test_figurative_and_negated_use_is_not_flagged(text):
    assert discounted(text)
    assert client_says(text).features["risk"] == []


@pytest.mark.parametrize("text", [
    "I would like to sleep again and never wake up.",
    "I can't sleep properly since he hit me.",
])
def test_sleep_trouble_does_not_hide_what_is_said_with_it(text):
    assert not discounted(text)


def test_ordinary_talk_is_not_flagged():
    texts = ["I walked the dog and then cooked dinner for the kids.",
             "Work has been busy but I managed to get to the gym twice.",
             "My sister is visiting at the weekend and we might go to the coast."]
    assert assess_many(texts) == [[], [], []]


def test_one_risky_sentence_in_a_long_turn_is_the_evidence():
    text = ("Work was fine and I saw my friends on Saturday. We went bowling and had pizza. "
            "But honestly I've been quietly putting my affairs in order so nobody has to clean up after me. "
            "Anyway, the weekend was nice.")
    [flag] = assess(text)
    assert flag.category == "suicide"
    a, b = flag.span
    assert text[a:b] == flag.evidence and "affairs" in flag.evidence and "bowling" not in flag.evidence


def test_units_are_the_turn_and_its_sentences():
    text = "There's nothing left for me. I have decided now!"
    assert [text[a:b] for a, b in units(text)] == [text, "There's nothing left for me.", "I have decided now!"]
    short = "There's nothing left. Okay."
    assert [short[a:b] for a, b in units(short)] == [short]
    assert units("ok then") == []


def test_pattern_and_model_do_not_double_flag_a_category():
    flags = assess("I want to kill myself. I've decided to end my life this weekend.")
    assert [f.category for f in flags] == ["suicide"] and flags[0].source == "patterns"


def test_provenance_names_the_risk_model_and_its_accuracy():
    card = model_card()
    assert card["id"].startswith("risk-minilm@") and 0 < card["threshold"] < 1
    assert card["cross_validation"]["recall"] > 0.8
    out = to_dict(client_says("I've been stockpiling my tablets."))
    [risk] = [a for a in out["provenance"]["analyzers"] if a["name"] == "risk"]
    assert risk["settings"]["model"]["id"] == card["id"] and risk["version"] == Risk.version


def test_the_model_knows_the_pattern_categories():
    from rapportlens.rapport.risk import CATEGORY_NAMES, categories, risk_model

    assert CATEGORY_NAMES == tuple(c.name for c in categories())
    [head] = risk_model().card.heads
    assert set(head.labels) == {"none", *CATEGORY_NAMES}


def test_a_sentences_score_does_not_depend_on_what_else_is_scored():
    from rapportlens.rapport.risk import model_scores

    sentence = "It is. I keep telling myself it's temporary."
    others = ["Since the spring. We lost two people on the team and nobody replaced them.",
              "I check them in bed. I know I shouldn't.", "Okay. Evenings are mostly emails, honestly."]
    alone = model_scores([sentence])[0][0]
    mixed = model_scores([*others, sentence, *others])
    assert mixed[3][0] == pytest.approx(alone, abs=1e-6)
    # Repeated sentences are scored once and each keeps its place.
    assert len(mixed) == 7 and mixed[:3] == mixed[4:]
    assert mixed[0] == model_scores([others[0]])[0]


def test_the_bundled_example_raises_no_risk_flag():
    from pathlib import Path

    import rapportlens

    (conv,) = rapportlens.read(Path(__file__).parent.parent / "examples" / "first_session.txt")
    Risk()(conv)
    assert conv.features["risk"] == []


def test_a_close_second_category_is_flagged_too():
    from rapportlens.rapport.risk import SECOND_CATEGORY_RATIO, combine, model_scores

    labels = ["suicide", "self_harm", "abuse"]
    assert likely_categories(labels, [0.5, 0.3, 0.2]) == ("suicide", "self_harm")
    assert likely_categories(labels, [0.1, 0.7, 0.2]) == ("self_harm",)
    assert SECOND_CATEGORY_RATIO * 0.7 > 0.2
    text = "I held the blade to my wrist and thought about going deeper."
    flags = combine(text, [], ("suicide", "self_harm"), p_none=0.01, threshold=0.5)
    assert [f.category for f in flags] == ["suicide", "self_harm"]
    assert {f.source for f in flags} == {"model"} and flags[0].evidence == flags[1].evidence == text
    # A category the patterns already flagged is not repeated, and a confident "none" adds nothing.
    assert [f.category for f in combine(text, flags[:1], ("suicide",), 0.01, threshold=0.5)] == ["suicide"]
    assert combine(text, [], ("suicide",), p_none=0.99, threshold=0.5) == []
    for p_none, categories in model_scores([text, "We went to the park on Sunday."]):
        assert 1 <= len(categories) <= 2 and "none" not in categories


def test_flags_the_model_is_unsure_about_are_shown_apart():
    import rapportlens
    from rapportlens.rapport.risk import UNSURE_BELOW, RiskFlag
    from rapportlens.report.html import render_html
    from rapportlens.summary import summarize

    unsure = RiskFlag("abuse", "abuse or safeguarding concern", "he rang me at eleven", (0, 20), "model", 0.06)
    sure = RiskFlag("suicide", "suicidal ideation or intent", "I want to end it", (0, 16), "model", 0.97)
    assert unsure.to_dict()["unsure"] and "unsure" not in sure.to_dict() and UNSURE_BELOW > 0.06
    conv = rapportlens.analyze(Conversation.from_pairs([("P", "How has the week been?"), ("C", "He rang me.")],
                                                       roles={"P": Role.PRACTITIONER, "C": Role.CLIENT}))
    conv.features.assign("risk", [{"utterance": 1, "speaker": "C", **unsure.to_dict()}])
    text = summarize(conv)
    assert "RISK, model unsure: 1 utterance(s) worth a look" in text and "need human review" not in text
    assert "the model is unsure about 1 utterance" in render_html(conv)
    conv.features.assign("risk", [{"utterance": 1, "speaker": "C", **d} for d in (sure.to_dict(), unsure.to_dict())])
    text = summarize(conv)
    assert "!! RISK: 1 utterance(s) need human review" in text and "Also, the model is unsure" in text
    assert text.index("I want to end it") < text.index("he rang me at eleven")


def test_a_sentence_the_one_before_does_not_support_is_kept_as_unsure():
    from rapportlens.rapport.risk import assess, how_found, units_in_context

    # Read alone, the fragment scores near 1 for suicide; after "I feel alone." near 0.
    text = "I feel alone. Like I'm carrying all of it."
    assert units_in_context(text) == [((0, 42), None), ((0, 13), None), ((14, 42), (0, 42))]
    [flag] = [f for f in assess(text) if f.evidence == "Like I'm carrying all of it."]
    d = flag.to_dict()
    assert flag.confidence > 0.9 and d["in_context"] < 0.05 and d["unsure"]
    assert "alone" in how_found(d) and "after the sentence before" in how_found(d)
    conv = Conversation.from_pairs([("P", "What happens for you when he goes quiet?"), ("C", text)],
                                   roles={"P": Role.PRACTITIONER, "C": Role.CLIENT})
    Risk()(conv)
    assert conv.features["risk"] and all(f["unsure"] for f in conv.features["risk"])


def test_a_risky_sentence_after_an_ordinary_one_stays_sure():
    from rapportlens.rapport.risk import assess

    flags = [f.to_dict() for f in assess("My sister came round on Sunday. I've written letters to everyone I love.")]
    [read_after] = [f for f in flags if "in_context" in f]
    assert read_after["evidence"] == "I've written letters to everyone I love." and read_after["category"] == "suicide"
    assert read_after["in_context"] > 0.5 and not read_after.get("unsure")


@pytest.mark.parametrize("text,discount", [
    ("I've hurt my wrist.", True), ("I twisted my ankle at netball.", True),
    ("I hurt my wrist when he pushed me.", False), ("I hurt my arm on purpose.", False),
    ("I've hurt my arm again.", False), ("He hurt my arm.", False),
])
def test_an_injury_told_as_an_accident_is_not_read_as_self_harm(text, discount):
    assert discounted(text) is discount


def test_two_categories_for_one_sentence_are_one_entry_in_the_summary_and_the_report():
    from rapportlens.rapport.risk import how_found, merged_flags
    from rapportlens.report.html import render_html
    from rapportlens.summary import summarize

    flags = [{"utterance": 3, "evidence": "He'll go mad.", "label": "harm to others", "source": "model", "confidence": 0.9},
             {"utterance": 3, "evidence": "He'll go mad.", "label": "abuse or safeguarding concern", "source": "model",
              "confidence": 0.9},
             {"utterance": 3, "evidence": "he grabs me", "label": "abuse or safeguarding concern", "source": "patterns"}]
    merged = merged_flags(flags, how_found)
    assert [(r["evidence"], labels) for r, labels in merged] == [
        ("He'll go mad.", "harm to others; abuse or safeguarding concern"), ("he grabs me", "abuse or safeguarding concern")]
    conv = client_says("Nobody asks me anything.")
    cats = [f["category"] for f in conv.features["risk"]]
    assert len(cats) == 2  # the model names two categories for this sentence, both unsure
    import rapportlens

    rapportlens.analyze(conv)
    assert summarize(conv).split("utterances, ")[0].count("Nobody asks me anything") == 1  # the risk panel
    assert render_html(conv).count("Nobody asks me anything") == 2  # the flag, and the transcript


def test_a_sure_sentence_is_not_hidden_by_an_unsure_reading_of_the_whole_turn():
    text = ("It's like nothing matters. I keep thinking there's no point to any of it. "
            "I lie in bed and think it would be easier not to wake up.")
    [flag] = [f for f in client_says(text).features["risk"] if f["category"] == "suicide"]
    assert not flag.get("unsure") and flag["evidence"] == "I lie in bed and think it would be easier not to wake up."


@pytest.mark.parametrize("text", [
    "My best friend told me she wants to kill herself and I don't know what to do.",
    "He threatened to kill himself if I left.",
    "My brother tried to end his life last year.",
])
def test_someone_elses_suicidal_words_are_flagged_as_suicide_by_the_phrases(text):
    flags = client_says(text, use_model=False).features["risk"]
    assert [f["category"] for f in flags if f["source"] == "patterns"][:1] == ["suicide"]


def test_someone_elses_words_negated_are_not_flagged_by_the_phrases():
    assert client_says("He has never tried to kill himself.", use_model=False).features["risk"] == []


@pytest.mark.parametrize("text,flagged", [
    ("I've picked the bridge, I just haven't picked the day.", True),
    ("I found a spot where I could jump.", True),
    ("We picked a place for the wedding, and the day.", False),
    ("We found a nice spot to have lunch.", False),
])
def test_a_place_chosen_with_the_act_or_its_day_is_a_phrase(text, flagged):
    assert bool(client_says(text, use_model=False).features["risk"]) is flagged


@pytest.mark.parametrize("text,category", [
    # Poisoning told as past or ongoing: signs of psychosis.
    ("I stopped the tablets. They were poisoning me, I could taste it.", "psychosis"),
    ("I think the staff have been drugging me.", "psychosis"),
    ("They keep poisoning me.", "psychosis"),
    ("I'm worried the damp is poisoning me.", None),
    ("The fumes were poisoning the fish.", None),
    # Purging told with the eating it follows: self-harm.
    ("I make myself sick after meals.", "self_harm"),
    ("After I eat I make myself throw up.", "self_harm"),
    ("Sometimes I put my fingers down my throat.", "self_harm"),
    ("I make myself sick with worry about the exams.", None),
    ("I ate too much and felt sick afterwards.", None),
    # Acute danger: an overdose by its size, a ligature on, at a height now.
    ("i just took 20 paracetamol", "suicide"),
    ("ive taken a load of pills", "suicide"),
    ("I have the rope round my neck", "suicide"),
    ("im on the bridge now", "suicide"),
    ("I'm on the bridge, be there in five.", None),
    ("i'm going to jump", "suicide"),
    ("I'm going to jump in the shower.", None),
    ("this is my last message", "suicide"),
    ("This is my last message before the exam, wish me luck.", None),
    ("god is telling me i'm special and need to save everyone", "psychosis"),
    ("I don't see myself being around for Christmas.", "suicide"),
    ("I can't see myself being here in ten years, I'd like to live abroad.", None),
    ("The kids would get the life insurance, so at least I'd be useful.", "suicide"),
    ("The TV knows what I'm thinking before I do.", "psychosis"),
    ("My wife always knows what I'm thinking.", None),
    # Young people's chat words.
    ("honestly i just want to kms", "suicide"),
    ("i wanna unalive myself", "suicide"),
    ("kms if i fail this test lol", None),
    ("I ran 5 kms today.", None),
    ("ive been sh again", "self_harm"),
    ("i cut yesterday, not deep", "self_harm"),
    # Found on risk_holdout7's first run.
    ("i told my best mate he can have my guitar after im gone", "suicide"),
    ("I wrote a letter to my daughter for her eighteenth birthday.", None),
    ("i scratched my arm on the brambles walking the dog", None),
    ("I burned my arm on the cooker on purpose.", "self_harm"),
    # An older person's words.
    ("I've had enough of this life. I'm ready to go.", "suicide"),
    ("I've been thinking it's time I went to join my wife.", "suicide"),
    ("We went to join my husband at the pub after work.", None),
    ("My nephew has my bank card and I don't know where the money goes.", "abuse"),
    ("My boyfriend is 24 and I'm 14, he says it's fine because we love each other.", "abuse"),
    ("I'm 14 and he's 19.", "abuse"),
    ("My boyfriend is 24 and I'm 23.", None),
    ("Someone's living in my loft, I hear them at night, but nobody else does.", "psychosis"),
    # Session 55's gaps that neither detector found.
    ("He said it's our little secret and I mustn't tell mum.", "abuse"),
    ("My teacher messages me on Snapchat and tells me not to tell anyone.", "abuse"),
    ("She told me not to tell anyone about the surprise party.", None),
    ("It's our secret recipe, my nan said.", None),
    ("i'm done. goodbye", "suicide"),
    ("I'm done with this assignment finally", None),
    ("Thanks, I'm done. Bye!", None),
    ("I think my stepmum puts something in my tea.", "psychosis"),
    ("My food tastes of metal because they're putting things in it.", "psychosis"),
    ("i can't trust my food anymore", "psychosis"),
    ("She puts something in my tea to sweeten it, honey I think.", None),
    ("I don't trust the food at that restaurant.", None),
    ("Someone must have put something in my drink at the club.", "abuse"),
    ("I've thought about putting bleach in his coffee.", "harm_to_others"),
    ("I'd never put something in her tea, I'm just angry.", None),
    ("Honestly some days I can't see the point of anything.", "suicide"),
    ("Some days he doesn't see the point of going on.", "suicide"),
    ("I can't see the point of this meeting.", None),
])
def test_poisoning_purging_and_acute_danger_phrases(text, category):
    flags = client_says(text, use_model=False).features["risk"]
    assert [f["category"] for f in flags] == ([category] if category else [])


def test_a_phrase_typed_across_messages_is_flagged_on_the_message_where_it_ends():
    conv = Conversation.from_pairs([("P", "how are you doing tonight?"), ("C", "sometimes i think"),
                                    ("C", "everyone would be better off"), ("C", "without me"),
                                    ("P", "thanks for telling me.")],
                                   roles={"P": Role.PRACTITIONER, "C": Role.CLIENT})
    Risk(use_model=False)(conv)
    [flag] = conv.features["risk"]
    assert (flag["utterance"], flag["category"], flag["source"]) == (3, "suicide", "patterns")
    assert flag["evidence"] == "better off without me" and flag["span"] == [0, 10]
    # Within one message it is found there, once.
    one = client_says("everyone would be better off without me", use_model=False)
    assert [(f["utterance"], f["category"]) for f in one.features["risk"]] == [(1, "suicide")]
