"""What travels with a case is read from the resident's answers, never invented."""

from bot.handoff import context
from bot.pathways.models import OfferMatch, Routing
from tests.handoff.conftest import SLOTS


def test_answers_are_in_plain_words_in_the_assessments_order():
    answers = context.answers({**SLOTS, "gcse": {"english": True, "maths": False},
                               "care_leaver": "skipped"})  # fmt: skip
    assert [(a.question, a.answer) for a in answers] == [
        ("Wants help with", "a job"),
        ("Age", "19"),
        ("Postcode or town", "DB2 1AA"),
        ("At the moment", "out of work"),
        ("Out of work for", "8 months"),
        ("GCSE English and maths at grade 4 or above", "english"),
        ("Things making it harder", "housing"),
        ("Has been in care", "chose not to say"),
        ("Interested in", "warehouse work"),
    ]


def test_the_summary_says_only_what_was_answered():
    routing = Routing(rules="test", offers=[OfferMatch(key="youth_pathways", name="Youth Pathways",
                      reasons=["Aged 16 to 24."], summary="", guarantees=[])],
                      entitlements=[], referrals=[])  # fmt: skip
    text = context.summary(SLOTS, routing, "asked")
    assert text == (
        "The resident is aged 19, out of work for 8 months, in DB2 1AA. They want help with a "
        "job. Things making it harder: housing. Interested in warehouse work. Fits Youth "
        "Pathways. They asked to talk to a person."
    )
    assert context.summary({}, None, "crisis") == (
        "They have not answered any assessment questions yet. They may be in crisis: the "
        "assistant gave emergency contacts."
    )
    assert "chose not to say" not in context.summary({"age": "skipped"}, None, "asked")


def test_the_transcript_shows_words_and_which_option_was_chosen():
    events = [
        {"event": "user", "text": "I need a job"},
        {"event": "action", "name": "assessment_form"},
        {"event": "bot", "text": "What are you doing at the moment?"},
        {"event": "user", "text": '/inform{"situation":"out_of_work"}'},
        {"event": "user", "text": "/request_adviser"},
        {"event": "bot", "text": None},
    ]
    said = [(s.sender, s.text) for s in context.transcript(events)]
    assert said == [
        ("resident", "I need a job"),
        ("assistant", "What are you doing at the moment?"),
        ("resident", "(chose: out of work)"),
        ("resident", "(chose: request adviser)"),
    ]


def test_the_transcript_keeps_the_words_of_a_message_passed_on_as_a_crisis():
    """The safety net sends Rasa "/crisis" and keeps the typed words in the metadata; the
    adviser on the urgent case reads what the resident wrote."""
    said = "my partner hits me and i cant get out"
    events = [
        {"event": "user", "text": "/crisis", "metadata": {"resident_text": said}},
        {"event": "bot", "text": "Call 999 if you are in danger now."},
        {"event": "user", "text": "/crisis", "metadata": {"council": "demo"}},
    ]
    assert [s.text for s in context.transcript(events)] == [
        said,
        "Call 999 if you are in danger now.",
        "(chose: crisis)",  # the "I need help now" button: a choice, with no words typed
    ]
