"""Anger at the assistant, and complaints about the service, as words: read by the intent rules
(``bot.nlp.intent_rules``, inside Rasa) and by the actions (which must not import Rasa: the action
server would load TensorFlow, about 450 MB, for nothing).
"""

from __future__ import annotations

import re

# Anger at the assistant gets an apology and a person, whatever else the words look like.
COMPLAIN = "complain"
COMPLAINT_WORDS = (
    r"\b(complain|complaint|rude|unhelpful|never (called|rang|phoned|turned up|showed up)|"
    r"didn'?t (call|ring|phone|turn up|show up)|stood me up|let me down)\b"
)
FRUSTRATED = re.compile(
    r"\b(you'?re|you are|ur|u r|this is|this bot is|that'?s|its|it'?s|what a|so|how)\s+(so |really "
    r"|fucking |f\w*ing |bloody |completely |absolutely )?(useless|rubbish|stupid|pointless|"
    r"hopeless|crap|shit|garbage|terrible|awful|a joke|a waste of time|no help|not helping|"
    r"not helpful|annoying|dumb|thick|thick as)\b|\bwaste of (my )?time\b|\bnot helping\b|"
    r"\bno help at all\b|\bfed up (with|of) (you|this)\b|\bffs\b|\bpiss(ed)? off\b|"
    r"\bgive up (on|with) (you|this)\b|\bdoesn'?t understand (anything|me)\b|"
    r"\b(you|u) (don'?t|dont|do not|never) (understand|get it|listen)\b|"
    r"\b(don'?t|dont|do not|can'?t|cant) (you|u) (understand|get it|listen)\b|"
    r"\bstupid (bot|robot|thing|computer)\b|"
    r"\b(already|just) (told|said|answered|gave)\b|(?<!what )\bi (told|said) (you|u|that)( "
    r"already)?\b|"
    r"\bhow many times\b|\bgoing round in circles\b|\b(you|u) keep (asking|getting it wrong|"
    r"saying the same|repeating)\b|^\W*not helpful( at all)?\W*$|" + COMPLAINT_WORDS,
    re.IGNORECASE,
)
# A complaint about the service, which gets the council's contacts as well as an apology
COMPLAINT = re.compile(COMPLAINT_WORDS, re.IGNORECASE)
