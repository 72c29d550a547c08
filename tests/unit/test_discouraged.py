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
    "been unemployed 2 years, losing hope",
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
]


@pytest.mark.parametrize("said", LOSING_HEART)
def test_losing_heart_is_recognised(said):
    assert discouraged(said)
    assert not is_crisis(said)  # the safety net's answer would come first


@pytest.mark.parametrize("said", ASKS_FOR_SOMETHING)
def test_a_message_that_asks_for_something_is_left_to_the_dialogue(said):
    assert not discouraged(said)


def test_a_long_story_is_left_to_the_dialogue():
    """Several facts in one message are the profile's to note, even with a rejection in it."""
    story = (
        "im 45 and been out of work since covid, was a chef for 20 years but my knees are bad "
        "now so cant stand all day, been rejected from loads of office jobs cos no experience"
    )
    assert not discouraged(story)
