"""Which messages are only a resident losing heart (passed to the dialogue as ``/discouraged``)
and which ask for something as well (left to the model, which finds what they ask for)."""

import pytest

from bot.safety.detect import is_crisis
from bot.safety.discouraged import discouraged

LOSING_HEART = [
    "honestly whats the point, ive been rejected 40 times",
    "feel like giving up tbh, nobody will ever hire me",
    "ive applied for 200 jobs and heard nothing back",
    "im sick of applying, no one ever gets back to me",
    "nobody wants to hire someone my age",
    "i'll never get a job at this rate",
    "im useless at interviews",
    "got rejected again today",
    "fed up of looking tbh",
    "no1 wil hire me cos of my record",
    "another rejection. thats 30 now",
    "wots the point",
    "I\u2019ve been turned down for every job I\u2019ve gone for",
    "feel like a failure",
    "wats da point ive bin rejectd 40 tims",
    "every company reject me because my english",
    "i keep failing every interview i go to",
    "so demotivated rn",
    "rejected AGAIN \U0001f62d",
    "cant even get a job at mcdonalds",
    "there's no jobs round here for people like me",
    "none of them will take me anyway",
    "im too thick for college anyway",
    "they never hire people like me",
    "applied to 100 jobs, 0 interviews. fml",
    "whats the point theyll just tell me the same stuff",
]

ASKS_FOR_SOMETHING = [
    "whats the point of this question",  # about the assessment: answered by the dialogue
    "what is the point of contact for the adult learning centre",
    "what's the point of the skills bootcamp",
    "whats the point in a cv",
    "the point is I need money",
    "im too old for an apprenticeship, what else is there?",
    "sick of applying, any retail jobs in Riverside?",
    "i was rejected from the course, can i reapply",
    "want to give up smoking, is there a course",
    "my UC claim was refused",
    "got turned down for the forklift course, are there others",
    "nobody will hire me, im looking for a cleaning job near DB1 1AA",
    "i'm rubbish with computers",  # an answer to the digital skills question
    "no one answered the phone at the library",
    "i gave up my job to care for my mum",
    "/find_job",
    "applied for 2 jobs today, any more in care?",
    # answers the questions can read: kept for them ("how long have you been out of work?")
    "been unemployed 2 years, losing hope",
    "over a year, keep getting knocked back",
    "none, im too thick for that",
    "they never reply to my emails, call me on 07700900123",
    # questions and requests said with the feeling
    "ive applied for 20 jobs and got no replies, could you check my cv?",
    "employers never reply, should i follow up?",
    "sick of applying for retail, want warehouse work",
    "i need a job, nobody will hire me",
    "keep getting rejected cos of my english, need esol classes",
    "feeling rubbish today, cant make it to the interview tomorrow",
    "heard nothing back from the adviser i booked with",
    # not about finding work
    "my PIP claim got refused",
    "tired of looking after my kids all day, want a part time job",
    "fml forgot my password",
    "this chat is going nowhere",
    "no one answers the phone at the library",
]

# Danger beside the feeling: never passed on as only losing heart (the model, trained on
# crises, reads it, and the check-in comes too), though the safety net's rules miss some of them.
WITH_DANGER = [
    "no one will ever hire me, i might as well be dead",
    "been rejected 40 times, done with it all, got the rope ready",
    "i give up, took some tablets",
    "been rejected again, might end it",
    "nobody would even miss me, whats the point",
    "they don't want me there anymore, told me to get out",
]


@pytest.mark.parametrize("said", LOSING_HEART)
def test_losing_heart_is_recognised(said):
    assert discouraged(said)
    assert not is_crisis(said)  # the safety net's answer would come first


@pytest.mark.parametrize("said", ASKS_FOR_SOMETHING)
def test_a_message_that_asks_for_something_is_left_to_the_dialogue(said):
    assert not discouraged(said)


@pytest.mark.parametrize("said", WITH_DANGER)
def test_danger_said_with_it_is_never_heard_as_only_losing_heart(said):
    assert not discouraged(said)


@pytest.mark.parametrize("said", ["whats the point?", "why bother, nobody replies",
                                  "whats the point, ive been rejected 40 times?"])  # fmt: skip
def test_the_feeling_asked_as_a_question_is_still_heard(said):
    assert discouraged(said)


def test_a_long_story_is_left_to_the_dialogue():
    """Several facts in one message are the profile's to note, even with a rejection in it."""
    story = (
        "im 45 and been out of work since covid, was a chef for 20 years but my knees are bad "
        "now so cant stand all day, been rejected from loads of office jobs cos no experience"
    )
    assert not discouraged(story)
