"""Behaviour coding: codebook, rules layer, the shipped model through the coder, MI summary."""

import sys

import numpy as np
import pytest

from rapportlens import Conversation
from rapportlens.coding.codebook import codebook
from rapportlens.coding.coder import HEAD_CODES, Coder, load_model
from rapportlens.coding.inputs import CONTEXT_CHARS, Item, conversation_items
from rapportlens.coding.mi import summarise
from rapportlens.coding.onnx_model import CodingModel, ModelCard, encode
from rapportlens.coding.rules import RULES, apply_rules, question_form
from rapportlens.model import Role
from rapportlens.pipeline import default_pipeline

P, C = Role.PRACTITIONER, Role.CLIENT
RULE_CODES = [(c.code, e) for c in codebook().values() if c.detection != "model" for e in c.examples]


def test_every_code_the_coder_can_emit_is_in_the_codebook():
    emitted = {r.code for r in RULES} | {"backchannel", "disclosure", "elaboration", "question.open", "question.closed"}
    emitted |= {v for m in HEAD_CODES.values() for v in m.values() if not v.startswith("@")}
    assert emitted <= set(codebook()), emitted - set(codebook())


@pytest.mark.parametrize("code,example", RULE_CODES)
def test_rules_find_the_codebook_examples(code, example):
    role = C if codebook()[code].speaker == "client" else P
    found = {h.code for h in apply_rules(example, role)}
    if (q := question_form(example)) is not None:
        found.add(q.code)
    assert code in found


@pytest.mark.parametrize("text,role,absent", [
    ("I see you brought your notes with you today.", P, "backchannel"),
    ("This deadline is killing me.", C, "confrontation"),
    ("You should be proud of that.", P, "advice"),
    ("I know.", C, "withdrawal"),
    ("Therapy is helping a lot actually.", C, "confrontation"),
    ("I'm sorry to hear that.", C, "sympathy"),  # practitioner codes are not given to clients
    ("Yeah.", C, "agreement"),
    ("What a lovely day it is.", P, "sympathy"),
    # A situation's feeling word asked about, hoped for or supposed is not a reflection of feeling.
    ("What about it seems overwhelming?", P, "reflection.feeling"),
    ("That sounds like a plan.", P, "reflection.feeling"),
    ("It would be exhausting to do that every day.", P, "reflection.feeling"),
    ("We were together for ten years before she left.", P, "collaboration"),
    ("It's our policy to send a copy of the letter to your GP.", P, "face_threat"),  # information, not a rebuff
    ("I can see you brought the forms.", P, "reflection.feeling"),
    ("How does he sound on the phone?", P, "collaboration"),  # the view asked for is not of a proposal
    ("Does that sound like your dad?", P, "collaboration"),
    ("It's nothing to be ashamed of.", P, "face_threat"),
    ("There's no need to worry about the forms, I'll fill them in with you.", P, "face_threat"),
    ("It's nothing like what happened last year.", P, "face_threat"),
    ("I can hear how frustrating it is to keep being told it's nothing.", P, "face_threat"),
    ("We went over this last week, so today let's build on it.", P, "face_threat"),  # a recap
    ("As I said, the tablets take a few weeks.", P, "face_threat"),
    ("I'm not saying you are. But the tests don't lie.", P, "repair"),  # taken back by "but"
    ("I'm not blaming you, but you need to stop.", P, "repair"),
    ("Did you go for it in the end?", P, "advice"),
    # Free recall asked of a witness, not teach-back; an invitation, not blame.
    ("In your own words, tell me everything you remember about Saturday night.", P, "check_understanding"),
    ("Why don't you tell me what's been happening?", P, "face_threat"),
])
def test_rules_leave_tricky_negatives_alone(text, role, absent):
    assert absent not in {h.code for h in apply_rules(text, role)}


@pytest.mark.parametrize("text,code", [
    ("I can hear you're worried about getting your mum in trouble.", "reflection.feeling"),
    ("Nothing you say goes anywhere without me telling you first.", "orientation"),
    ("Here's what I can do. I'll mark the refund as urgent.", "orientation"),
    ("We've got about half an hour today.", "orientation"),
    ("I understand, sir, but that's the policy.", "face_threat"),
    ("I'm sorry you feel that way. Here are some tips.", "face_threat"),  # sorry for the reaction, not the act
    ("I'm so sorry you're going through this.", "sympathy"),
    ("It's a completely understandable question.", "validation"),
    ("It's frightening to hear this.", "reflection.feeling"),
    ("What if we agreed a quiet place he can go at lunch?", "collaboration"),
    ("I'd like us to work out together what's going on.", "collaboration"),
    ("If he gets floppy, call 999 straight away. Does that all make sense?", "check_understanding"),
    ("You're doing fine, honestly. You called, that's exactly right.", "affirmation"),
    ("I can frame it as planning your goals rather than a complaint. How does that sound?", "collaboration"),
    ("Would it help if I spoke to your supervising teacher about that?", "collaboration"),
    ("Ten minutes on Sunday, phones away. Does that sound doable?", "collaboration"),
    ("There's nothing here to suggest that. If it gets worse, come back.", "face_threat"),
    ("Honestly, I wouldn't worry about it.", "face_threat"),
    ("It's probably nothing.", "face_threat"),
    ("No, no, it's twelve. We went over this last week.", "face_threat"),
    ("How many times do I have to tell you?", "face_threat"),
    ("You really need to cut down, or you're going to do serious damage.", "face_threat"),
    ("I'm not saying you are. But the tests don't lie.", "face_threat"),
    ("Seriously, managers who care are rare. Just go for it.", "advice"),
    ("Those are real strengths. What would get it to a five?", "affirmation"),
    ("That's completely understandable. Would you like the main points first?", "validation"),
    ("That's a really common worry. Can you say a bit more?", "validation"),
    ("I'm just telling you what I've got. Maybe she's not being honest with you.", "face_threat"),
    ("I can help you contact the council today. Would that be okay?", "collaboration"),
    ("I'll read back what I've written so you can check it's right.", "check_understanding"),
    ("Why didn't you call us straight away?", "face_threat"),
    ("That's a really honest reflection. It's common to feel that pull.", "affirmation"),
    ("That's a really honest reflection. It's common to feel that pull.", "validation"),
    ("Great, twice is good going. Tell me about Tuesday.", "affirmation"),
    ("From eighty to forty. That's a real shift, and you did that yourself.", "affirmation"),
    ("That sounds like a plan you came up with yourself.", "affirmation"),
])
def test_rules_read_service_and_home_visit_wordings(text, code):
    assert code in {h.code for h in apply_rules(text, P)}


@pytest.mark.parametrize("text,code", [
    ("What brings you in today?", "question.open"),
    ("So, how has the week been?", "question.open"),
    ("Can you tell me more about that?", "question.open"),
    ("Tell me about your family.", "question.open"),
    ("Did you sleep last night?", "question.closed"),
    ("How many cigarettes a day?", "question.closed"),
    ("That was hard. Is it still hard now?", "question.closed"),
    ("You've cut down already.", None),
])
def test_question_form(text, code):
    hit = question_form(text)
    assert (hit.code if hit else None) == code
    if hit:
        assert text[hit.span[0]:hit.span[1]].strip()


def test_rule_evidence_is_the_matched_text():
    text = "Well, it makes sense that you're angry about it."
    hit = next(h for h in apply_rules(text, P) if h.code == "validation")
    assert text[hit.span[0]:hit.span[1]].lower().startswith("makes sense")
    assert "makes sense" in hit.reason


def test_disclosure_depth_rises_from_facts_to_vulnerable():
    depth = {t: next(h.depth for h in apply_rules(t, C) if h.code == "disclosure") for t in (
        "I work nights at the depot.", "I think the job is fine really.",
        "I feel so lonely since she left.", "I've never told anyone that I hurt myself.")}
    assert list(depth.values()) == [0, 1, 2, 3]


@pytest.mark.parametrize("text,depth", [
    ("now i just feel stupid for believing him", 2),  # an adverb between "i" and "feel"
    ("im so stressed about my exams", 2),  # typed without the apostrophe
    ("ive been really down since march", 2),
    ("I cry most nights in the car.", 2),  # crying says the feeling
    ("i cry most nights. i havent told anyone that", 3),
    ("I'd like to sleep a whole night. And to not dread Mondays.", 2),  # dreading is a feeling
    ("I keep telling myself it's temporary.", 1),  # a view of their own
    ("I check my emails in bed. I know I shouldn't.", 1),
    ("I missed the bus again this morning.", 0),  # "miss" is not a feeling here
    # What the risk phrases flag is as private as it gets.
    ("Sometimes I think everyone would be better off if I just wasn't here.", 3),
    ("He grabbed my arm once. Don't tell mum I said.", 3),
])
def test_disclosure_depth_reads_typed_chat_and_plain_feelings(text, depth):
    assert next(h.depth for h in apply_rules(text, C) if h.code == "disclosure") == depth


def test_context_items_carry_the_previous_utterances():
    conv = Conversation.from_pairs([("T", "How are you?"), ("C", "Tired."), ("T", "Tired.")],
                                   roles={"T": P, "C": C})
    items = conversation_items(conv)
    assert items[0].context == ""
    assert items[2].context == "counsellor: How are you?\nclient: Tired."
    assert items[2].role == P



def test_a_model_reads_as_much_earlier_talk_as_its_card_says():
    model = load_model()
    card = model.card.to_dict()
    assert ModelCard.from_dict({k: v for k, v in card.items() if k != "context_chars"}).context_chars == CONTEXT_CHARS
    assert ModelCard.from_dict({**card, "context_chars": 400}).context_chars == 400
    item = Item(C, "Yes.", "counsellor: " + "so tell me more about what happened at work " * 10)
    none, short, long = (encode(model.tokenizer, [item], n)["input_ids"].shape[1] for n in (0, 40, 400))
    assert none == encode(model.tokenizer, [Item(C, "Yes.", "")], 160)["input_ids"].shape[1]
    assert none < short < long <= model.card.max_length



def test_a_card_can_give_practitioners_less_earlier_talk_than_clients(tmp_path, model_with_card):
    shipped = load_model()
    card = shipped.card.to_dict()
    assert ModelCard.from_dict({k: v for k, v in card.items() if k != "practitioner_context_chars"}
                               ).practitioner_context_chars is None  # older cards: everyone reads context_chars
    models = {}
    for chars in (None, 0):
        models[chars] = CodingModel(model_with_card(tmp_path / str(chars), {**card, "practitioner_context_chars": chars}))
    before = ["client: I have been drinking more since the move.", "client: Nothing, it is fine."]
    practitioner = [Item(P, "What do you make of that?", b) for b in before]
    client = [Item(C, "I suppose so.", b) for b in before]
    # The encoder codes a practitioner's utterance from its own words alone and a client's with
    # the context (the lexical companion reads its own context_chars, so it is left out here).
    p, c = (models[0].predict(items, with_lexical=False) for items in (practitioner, client))
    assert np.allclose(p["therapist_behaviour"][0], p["therapist_behaviour"][1])
    assert not np.allclose(c["client_talk_type"][0], c["client_talk_type"][1])
    with_context = models[None].predict(practitioner, with_lexical=False)["therapist_behaviour"]
    assert not np.allclose(with_context[0], with_context[1])


@pytest.fixture(scope="module")
def coded():
    conv = Conversation.from_pairs([
        ("Therapist", "What would you like to talk about today?"),
        ("Client", "My drinking, I suppose. My wife is worried and honestly so am I."),
        ("Therapist", "You're worried about where this is heading."),
        ("Client", "Exactly. I want to be around for my kids."),
        ("Therapist", "It makes sense that you'd want that. Is it okay if I share what some people find helpful?"),
        ("Client", "I don't know."),
    ], roles={"Therapist": P, "Client": C}, id="demo")
    return default_pipeline()(conv)


def test_every_utterance_gets_valid_codes(coded):
    book = codebook()
    for u, codes in zip(coded.utterances, coded.features["codes"]):
        assert codes, f"utterance {u.index} has no code"
        for c in codes:
            assert c["code"] in book
            assert 0 <= c["confidence"] <= 1
            assert c["source"] in ("model", "rules", "model+rules")
            start, end = c["evidence"]
            assert 0 <= start < end <= len(u.text)
            assert c["reason"]
            speaker = book[c["code"]].speaker
            role = coded.speaker(u.speaker).role
            assert speaker == "any" or speaker == role.value


def test_codes_follow_the_speakers_role(coded):
    names = [{c["code"] for c in codes} for codes in coded.features["codes"]]
    assert "question.open" in names[0]
    assert names[1] & {"change_talk", "neutral", "sustain_talk"}
    assert {"validation", "collaboration"} <= names[4]
    assert {"agreement"} <= names[3] and {"withdrawal"} <= names[5]


def test_counts_and_mi_summary_agree_with_the_codes(coded):
    f = coded.features
    flat = [c["code"] for codes in f["codes"] for c in codes]
    assert f["codes.counts"] == {k: flat.count(k) for k in set(flat)}
    assert sum(f["codes.by_speaker"]["Client"].values()) + sum(f["codes.by_speaker"]["Therapist"].values()) == len(flat)
    mi = f["mi.counts"]
    if mi["questions"]:
        assert f["mi.reflection_to_question"] == round(mi["reflections"] / mi["questions"], 2)
    prov = next(p for p in coded.provenance if p["name"] == "codes")
    assert prov["settings"]["model"] == load_model().card.id


def test_mi_summary_and_levels():
    utts = [["question.open"], ["question.closed"], ["reflection.complex"], ["reflection.simple"],
            ["reflection.complex", "reflection.feeling"], ["reflection.simple", "reflection.complex"], ["other"]]
    s = summarise(utts)
    assert (s.reflections, s.complex_reflections, s.questions, s.open_questions) == (4, 3, 2, 1)
    assert s.reflection_to_question == 2.0 and s.percent_complex_reflections == 75.0
    assert s.percent_open_questions == 50.0
    assert s.levels() == {"reflection_to_question": "good", "percent_complex_reflections": "good",
                          "percent_open_questions": "fair"}
    empty = summarise([["other"]])
    assert empty.reflection_to_question is None and empty.levels() == {}


def test_coder_without_a_model_uses_rules_only():
    codes = Coder(None).code([Item(P, "Did you sleep? It makes sense that you're tired.")])[0]
    assert {c.code for c in codes} == {"question.closed", "validation"}
    assert all(c.source == "rules" for c in codes)


def test_a_judging_word_the_client_just_used_is_no_face_threat():
    said = "Client: I worry I'll say it wrong and look stupid."
    echo = Coder(None).code([Item(P, "So there's a fear of looking stupid in front of senior people.", said)])[0]
    own = Coder(None).code([Item(P, "That was a stupid thing to say.", "Client: I told him to leave.")])[0]
    assert "face_threat" not in {c.code for c in echo}
    assert "face_threat" in {c.code for c in own}


def test_analysis_never_imports_torch(tmp_path):
    import subprocess

    code = ("import sys, rapportlens; from rapportlens.pipeline import default_pipeline\n"
            "default_pipeline()(rapportlens.Conversation.from_pairs([('A','Hi?'),('B','Hello.')]))\n"
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shipped_model_folder_stays_within_30_mb():
    from rapportlens.coding.coder import default_model_dir

    size = sum(f.stat().st_size for f in default_model_dir().iterdir() if f.is_file())
    assert size <= 30_000_000, f"{size / 1e6:.1f} MB"


def test_batches_run_at_once_give_the_same_probabilities_in_the_same_order(monkeypatch):
    from rapportlens.coding.onnx_model import CodingModel, thread_count

    directory = load_model().directory
    items = [Item(C if i % 2 else P, text, "") for i, text in enumerate(
        ["Yes.", "What brings you here today?", "I drink more than I should, most nights.",
         "You're worried it's getting out of hand.", "Maybe. I don't know.", "Okay."] * 4)]
    serial, concurrent = CodingModel(directory, threads=1), CodingModel(directory, threads=2)
    assert (serial.workers, concurrent.workers) == (1, 2)
    done = []
    a = serial.predict(items, batch_size=2)
    b = concurrent.predict(items, batch_size=2, progress=done.append)
    assert sum(done) == len(items)
    for head in a:
        np.testing.assert_allclose(a[head], b[head], atol=1e-6)
    # Batch workers share the cores through the environment; an explicit count wins.
    monkeypatch.setenv("RAPPORTLENS_THREADS", "1")
    assert thread_count() == 1 and thread_count(3) == 3


def test_an_utterance_gets_the_same_probabilities_whatever_is_coded_with_it():
    # int8 activations are scaled per run: batch-mates (and their padding) used to move them.
    model = load_model()
    item = Item(C, "I suppose I could cut down on weekdays.", "counsellor: What might you try first?")
    others = [Item(P, "How has the week been since we last spoke, with everything going on at home?", ""),
              Item(C, "Okay.", "")] * 5
    alone = model.predict([item])
    mixed = model.predict([*others, item, *others])
    for head in alone:
        np.testing.assert_array_equal(alone[head][0], mixed[head][len(others)])


def test_client_talk_counts_change_and_sustain_talk_and_the_share_in_each_half():
    from rapportlens.coding.mi import client_talk

    # Ten utterances: the client's at 1, 3, 5 (first half) and 5-9 (second half from 5).
    codes = [(1, ["sustain_talk"]), (3, ["sustain_talk", "disclosure"]), (4, ["change_talk"]),
             (5, ["change_talk"]), (7, ["change_talk"]), (9, ["sustain_talk"]), (8, ["neutral"])]
    talk = client_talk(codes, 10).to_dict()
    assert talk == {"change": 3, "sustain": 3, "percent_change": 50.0, "first_half": 33.3, "second_half": 66.7}
    few = client_talk([(1, ["change_talk"]), (8, ["sustain_talk"])], 10)
    assert few.percent_change == 50.0 and few.halves == (None, None)  # under 3 in a half: no share
    assert client_talk([(1, ["neutral"])], 4).percent_change is None


def test_the_summary_shows_the_clients_change_talk():
    import rapportlens
    from rapportlens.summary import summarize

    conv = rapportlens.analyze(Conversation.from_pairs([
        ("T", "How do you feel about your smoking?"),
        ("C", "I'm not planning to quit. It's the one thing I enjoy."),
        ("T", "Smoking gives you a break."),
        ("C", "Exactly, and I don't want to give that up."),
        ("T", "And is there anything that bothers you about it?"),
        ("C", "I want to be around for my daughter. I really need to cut down."),
    ], roles={"T": Role.PRACTITIONER, "C": Role.CLIENT}))
    talk = conv.features["mi.client_talk"]
    assert talk["change"] + talk["sustain"] >= 2
    assert f"client change talk {talk['percent_change']:.0f}% of change and sustain talk" in summarize(conv)
    from rapportlens.report.html import render_html

    assert f"Client change talk: <strong>{talk['percent_change']:.0f}%</strong>" in render_html(conv)


def test_mi_figures_pool_the_counts_of_several_sessions():
    from rapportlens.coding.mi import pooled

    mi = pooled([{"reflections": 5, "complex_reflections": 3, "questions": 6, "open_questions": 3},
                 {"reflections": 0, "complex_reflections": 0, "questions": 2, "open_questions": 2}, {}])
    assert (mi.reflection_to_question, mi.percent_complex_reflections, mi.percent_open_questions) == (0.62, 60.0, 62.5)
    assert mi.levels() == {"reflection_to_question": "below fair", "percent_complex_reflections": "good",
                           "percent_open_questions": "fair"}
    assert pooled([]).reflection_to_question is None
