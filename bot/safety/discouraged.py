"""A resident losing heart about finding work: "whats the point, ive been rejected 40 times",
"nobody will ever hire me", "sick of applying".

The dialogue model reads such messages as whatever they most look like: a job search for
"point rejected 40 times", an employer's enquiry for "nobody wants to hire someone my age", a
complaint for "im useless at interviews". What a resident needs then is to be heard and offered
the practical help advisers give (applications, the CV, interviews), so the gateway passes these
messages to the dialogue as ``/discouraged`` (``bot.conversation.service``). Only messages that
are nothing but that are passed on: one that also asks for something ("sick of applying, any
retail jobs in Riverside?") is left to the model, which finds what it asks for. Danger is the
safety net's (``bot.safety.detect``), which is checked first.
"""

from __future__ import annotations

import re

from bot.safety.detect import flatten

_NOBODY = (
    r"(nobody|no\s*one|no1|noone|no\s+employer|no\s+body|no\s+company|none\s+of\s+them|"
    r"(they|employers|companies)\s+(never|don'?t|dont|won'?t|wont))"
)
_EVER = r"(\s+(ever|even|actually|evr))?"
_HIRE = (
    r"(hire|employ|take\s+(me|us)\s+on|take\s+me|give\s+(me|us)\s+a\s+(job|chance|go)|want(s)?\s+"
    r"(me|to\s+(hire|employ|take\s+on)\s+(me|someone|somebody|anyone|people))|gets?\s+back\s+to\s+"
    r"me|(reply|replies|respond|responds|rings?\s+back|calls?\s+back)|answers?\s+(me|my\s+"
    r"(emails?|applications?))|(hire|take\s+"
    r"on|want)\s+(people|someone)\s+like\s+me)"
)
# "whats the point" said of the search ("whats the point, ive been rejected 40 times", "wots the
# point of applying"), not asked of a thing ("whats the point of contact", "whats the point in
# a cv", "what's the point of the skills bootcamp"), which the dialogue answers.
_WHATS_THE_POINT = (
    r"\b(what'?s|whats|wots|wats|what\s+is)\s+(the|da|tha)\s+point\b(?=\s*($|[.,!?;:]|"
    r"(tbh|honestly|lol|any\s*more|really|mate|even)\b|(of|in)\s+(applying|trying|it|even|"
    r"looking|anything|bothering|any\s+of\s+(it|this))\b|(when|if|i|im|i'?m|ive|i'?ve|they|"
    r"they'?ll|theyll|nobody|no\s+one)\b))"
)
_LOSING_HEART = re.compile(
    _WHATS_THE_POINT
    + r"|\b(been|got|get|getting|gettin|keep\s+getting|was|bin)\s+(rejected|rejectd|turned\s+down|"
    r"knocked\s+back)\b|\b(rejected|rejectd)\s+(again|every\s+time)\b"
    r"|\b(rejection|rejections|knock\s*backs?)\s+(after|every|again)\b|\banother\s+rejection\b"
    r"|\b(every|all\s+the)\s+(company|companies|employers?|job|jobs|place|places)\s+(reject|"
    r"rejects|rejected|turns?\s+me\s+down|turned\s+me\s+down|say\s+no)\b"
    rf"|\b{_NOBODY}\s+(will|wil|wants?\s+to|is\s+(going|gonna)\s+to|is\s+gonna|would|wud|ever|"
    rf"seems?\s+to\s+want\s+to)?{_EVER}\s*{_HIRE}\b"
    r"|\b(i'?ll|ill|i\s+will|i'?m|im|i\s+am)\s+(never|not\s+ever|never\s+ever)\s+(going\s+to\s+|"
    r"gonna\s+)?(get|find|land)\s+(a\s+|any\s+)?(job|work)\b"
    r"|\b(can'?t|cant|cannot)\s+even\s+get\s+(a\s+)?(job|interview|reply|call\s*back)\b"
    r"|\bno\s+(jobs|work)\s+(round|around)\s+here\s+for\s+(people\s+like\s+me|me|someone\s+like\s+"
    r"me)\b"
    r"|\bkeep\s+failing\s+(every\s+|all\s+(the\s+|my\s+)?|my\s+)?(interviews?|applications?)\b"
    r"|\b(i'?m|im|i\s+am|feel|feeling|so)\s+(so\s+|really\s+|well\s+)?(demotivated|disheartened|"
    r"deflated)\b"
    r"|\b(i'?m|im|i\s+am)\s+(too\s+(thick|stupid|dumb|old)|not\s+(clever|smart)\s+enough)\s+"
    r"(for|to)\b"
    r"|\b(feel(ing)?\s+like|about\s+to|ready\s+to|want\s+to|i'?m|im|i\s+am)\s+(just\s+)?giv(e|ing)"
    r"\s+up\b(?!\s+(smoking|drinking|the\s+drink|my\s+(job|flat|car|place)|work\s+to|my\s+time))"
    r"|^\W*(i\s+)?(just\s+)?give\s+up\b(?!\s+(smoking|drinking|the\s+drink))"
    r"|\b(sick|tired|fed\s+up|done|had\s+enough)\s+(of|with)\s+(applying|looking(?!\s+after)|job\s*hunting|"
    r"searching|rejections?|being\s+rejected|being\s+turned\s+down|trying|all\s+the\s+"
    r"(applications|rejections)|(the\s+)?job\s*search(ing)?|applications|it\s+all)\b"
    r"|\b(losing|lost|no|there'?s\s+no|got\s+no)\s+hope\b"
    r"|\b(heard|hear|herd)\s+nothing\s+back\b|\bnever\s+(hear|heard)\s+(anything\s+)?back\b"
    r"|\b(i'?m|im|i\s+am|feel|feel\s+like|feel\s+so|feeling|feeling\s+like)\s+(so\s+|just\s+|"
    r"completely\s+|totally\s+)?(useless|rubbish|hopeless|worthless|a\s+failure|a\s+waste\s+of\s+"
    r"space)\b"
    # "im rubbish with computers" answers a question; "useless at interviews" is losing heart
    r"(?!\s+(with|at|in)\s+(?!(interviews?|applying|applications|this|job\s*hunting|it\s+all)\b))"
    r"|\b(getting|gettin)\s+nowhere\s+with\s+(applying|applications|(the\s+|my\s+)?job\s*(search|hunt)"
    r"\w*|finding\s+(a\s+job|work))\b"
    # "applied to 100 jobs, 0 interviews. fml"
    r"|\b(applied|applying|sent\s+off)\s+(to\s+|for\s+)?(\d{2,}|loads\s+of|hundreds\s+of|so\s+many)"
    r"\s+(jobs|applications|cvs|places)\b.{0,40}\b(0|zero|no|nothing|not\s+one|never)\b"
    r"|\b(0|zero|no)\s+(interviews|replies|responses|call\s*backs)\s*([.,!]|$|fml)",
    re.IGNORECASE,
)

# What makes a message a request as well: a search, a place, a booking, a question, an answer to
# one of the questions (a time out of work, a qualification, a phone number). The model and the
# forms read those; heard as only losing heart, the request would be lost.
_ASKS_FOR_SOMETHING = re.compile(
    r"\b(any|anything\s+in|show\s+me|find\s+me|look\s+for|looking\s+for\s+(a|an|some|any)|"
    r"is\s+there|are\s+there|what\s+about|how\s+about|near|nearby|around\s+here|book\w*|"
    r"appointment|appt|cancel|rearrange|move\s+my|can'?t\s+make\s+it|course|courses|"
    r"apprenticeships?|training|retrain|qualifications?|esol|english\s+classes|can\s+i|do\s+i|"
    r"am\s+i\s+allowed|appeal|re-?apply|universal\s+credit|uc|benefits?|pip|sanction\w*|how\s+do|"
    r"how\s+can|where\s+(can|do|is)|when\s+(is|does|can)|who|could|should|would\s+you|can\s+you|"
    r"check|please|pls|plz|need|want(?!\s+to\s+(give\s+up|quit|cry|scream))|help\s+(me\s+)?with|"
    r"interested\s+in|password|log\s*in)\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # a postcode
    r"|\b0\d{4}\s?\d{3}\s?\d{3}\b|\b07\d{9}\b|@"  # a phone number or an email address
    # an answer to the questions: how long out of work, what was left with
    r"|\b(over|more\s+than|about|nearly|since)\s+(a|an|one|two|\d+)\s+(year|month|week)s?\b"
    r"|\b\d+\s+(years?|months?|weeks?)\b|^\W*(none|nothing|no\s+qualifications)\s*([,.!]|$)",
    re.IGNORECASE,
)
# A question, unless the only one is the feeling itself ("whats the point?", "why bother?").
_ONLY_ASKED = re.compile(
    r"\b((what'?s|whats|wots|wats|what\s+is)\s+(the|da|tha)\s+point|why\s+(do\s+i\s+)?(even\s+)?"
    r"bother|why\s+me)\b[^?]*\?",
    re.IGNORECASE,
)
# Danger in the same message ("no one will ever hire me, i might as well be dead") is never
# heard as only losing heart: the model, trained on crises, reads it instead, and the concern
# check-in comes with its answer (bot.safety.concern).
_DANGER_WORDS = re.compile(
    r"\b(dead|die|dying|died|kill\w*|suicid\w*|end\s+(it|my|things|myself)|rope|noose|tablets|"
    r"pills|overdos\w*|hurt\w*|cut\w*|jump\w*|bridge|(i'?m|im|i'?ll\s+be|be)\s+gone|miss\s+me|kicked\s+out|get\s+out|"
    r"passport|hits?|beat\w*|scared|unsafe|afraid|nowhere|homeless|sleep\w*|harm\w*|live|living|"
    r"alive|point\s+in\s+(living|life|being\s+here))\b",
    re.IGNORECASE,
)

# Long messages tell a story with several facts; the model and the profile notes read those.
_MOST_WORDS = 30


def discouraged(text: str | None) -> bool:
    """Whether the message is only a resident losing heart about finding work."""
    flat = flatten(text)
    if not flat or flat.startswith("/") or len(flat.split()) > _MOST_WORDS:
        return False
    if _DANGER_WORDS.search(flat) or "?" in _ONLY_ASKED.sub("", flat):
        return False
    return bool(_LOSING_HEART.search(flat)) and not _ASKS_FOR_SOMETHING.search(flat)
