"""Personal data out of a resident's message before it is kept for officers to read.

Officers see what residents asked that the assistant could not answer, so they know what content
to add. They need the question, never the person: a stored message must not hold a name,
contact, address, postcode, National Insurance number, date of birth or reference. ``scrub``
runs before anything is stored (nothing unscrubbed is ever written, so nothing needs deleting
later), replaces each of those with a placeholder that keeps the sentence readable
("can u call me on [phone]") and returns ``None`` when too little is left to be worth keeping.

It is made of precompiled regular expressions and set look-ups, so it is deterministic and fast
(no model, no network). It errs towards removing: a lost word costs an officer a little
context, a kept name is a data breach. The rules, and why:

- Contacts, National Insurance numbers, dates written as dates (12/03/1990, 12 March 1990),
  full postcodes and house numbers with a street ("14 Acacia Avenue") are always replaced.
- A postcode district alone ("LS6", "DB1") is replaced only when it reads as a place: after
  "in", "near", "from", "postcode"... Codes that are also course levels (ESOL "E1"-"E3",
  CEFR "B1", "Level 2" written "L2") or forms ("P45") are kept: they are what officers need to
  see, and a district alone (thousands of homes) does not identify anyone.
- Any other run of three or more digits (a reference, a phone number in an odd format, a
  house number, a year) becomes ``[number]``. One- and two-digit numbers stay: "level 2",
  "16 hours", "2 years" and an age such as "I'm 19" are what decide which course or funding
  applies, and an age on its own, with the name and contacts gone, identifies no one.
- Names (``[name]``): a word after "my name is" (in any case); after "I'm", "this is",
  "call me", "my son", "spoke to" or a sign-off ("thanks, Sarah", "cheers Dave") when it is a
  known first name, or capitalised and not an English word ("I'm Looking", "I'm Polish" and
  "im unemployed" are not names); a known first name capitalised anywhere, or in lower case when
  it is not also an English word; and the surname after a removed name. Names that are also
  words ("Will", "May", "Grace") are removed only after a cue: see ``bot.insight.first_names``.
- Links are replaced too (``[link]``): a profile address names its owner.

Known limits: a name that is not on the list, written with no cue, in lower case or all in
capitals ("i spoke to tolu") is kept, as is a street named without its house number.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from bot import references
from bot.catalogue.search.english import words as english_words
from bot.insight.first_names import FIRST_NAMES, SURNAME_WORDS, WORD_NAMES

MAX_LENGTH = 300  # the column the text is stored in (``UnansweredQuestion.text``)
# Only the start of a very long message is read: 2,000 characters are still far more than the
# 300 kept, and a pasted essay then costs no more to scrub than a chat message. The cut is made
# between words, so no contact is broken in two and missed.
_READ_LENGTH = 2000
_MIN_WORDS = 2


def _words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list: long lists stay readable in the source."""
    return frozenset(text.split())


PLACEHOLDERS = (
    "[email]",
    "[link]",
    "[phone]",
    "[postcode]",
    "[ni number]",
    "[address]",
    "[date]",
    "[number]",
    "[reference]",
    "[handle]",
    "[age]",
    "[name]",
)
_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))

# -- Contacts and numbers, in the order they are replaced (most specific first) ----------------

# Starts only where a word starts: "aaaa...a" without an "@" is then read once, not once a letter.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "john dot smith at gmail dot com": an address written out to dodge filters.
_SPELT_EMAIL = re.compile(
    r"(?i)\b[\w.+-]+(?:\s+dot\s+[\w+-]+)*\s+(?:at|@)\s+[\w-]+(?:\s+dot\s+[\w-]+)+\b"
)
# A social media handle ("@jsmith_99"): it names its owner as surely as a name.
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}\b")
# The service's own references ("KH3-7XP", "kh37xp", "KH37-3XPM"): letters and digits from its
# alphabet, which the three-digit rule below would miss.
_REF_CHAR = f"[{references.ALPHABET}]"
_REFERENCE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])(?:"
    + "|".join(f"{_REF_CHAR}{{{n // 2}}}-?{_REF_CHAR}{{{n - n // 2}}}"
               for n in (references.LENGTH, references.OLD_LENGTH))
    + r")(?![A-Za-z0-9])"
)  # fmt: skip
# An age said outright ("i am 57", "im 19", "aged 45", "57 years old", "age: 30"): with a place
# and a date it narrows a resident down; "level 2" and "16 hours" stay, they are the question.
_AGE = re.compile(
    r"(?i)\b(?:(?:i\s*am|i'?m|am|aged?|age:)\s+)\d{1,3}\b(?!\s*(?:hours?|hrs?|h\b|%|pounds?|quid|k\b))"
    r"|\b\d{1,3}\s*(?:years?|yrs?|yo)\s*old\b|\b\d{1,3}\s*yo\b"
)
_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
# Two letters, six digits, an optional letter A-D; spaced as on the card ("QQ 12 34 56 C").
_NI = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2})( ?)\d{2} ?\d{2} ?\d{2}(?: ?[A-Da-d])?(?![A-Za-z0-9])"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATES = (
    re.compile(r"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/.-]?\d)"),
    re.compile(
        rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?,?\s+(?:\d{{4}}|'?\d{{2}})\b"
    ),
    re.compile(rf"(?i)\b{_MONTH}\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"),
)
# A UK number: +44, 0044 or 0 (also "+44 (0)"), then 9 or 10 digits, with spaces, dashes, dots
# or brackets anywhere between them: "07700 900123", "(0113) 496 0000", "+44 7700-900-123".
_UK_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d(?:[ .()-]{0,2}\d){8,9}(?!\d)"
)
_OTHER_PHONE = re.compile(r"(?<![\w+])\+\d(?:[ .()-]{0,2}\d){7,13}(?!\d)")
# Royal Mail's format (as ``bot.postcode.service``), in any case and with or without the space.
_POSTCODE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \t]{0,2}\d"
    r"([ABD-HJLNP-UW-Z]{2}))(?![A-Za-z0-9])"
)
_OUTWARD = r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?"
_OUTWARD_AFTER_CUE = re.compile(
    r"(?i)\b(?:in|near|nr|around|round|at|from|to|of|postcode|post\s*code|area|district|live"
    rf"|living|based)(?:\s+(?:is|was))?[\s:]+({_OUTWARD})(?![\w])"
)
_OUTWARD_BEFORE_CUE = re.compile(rf"(?i)(?<![\w])({_OUTWARD})(?=\s+(?:area|district)\b)")
# Course levels and forms that look like postcode districts: ESOL Entry 1-3, CEFR, "L2" for
# Level 2, Scottish National 4/5, school years, tax forms.
_NOT_DISTRICTS = _words(
    "A1 A2 B1 B2 C1 C2 E1 E2 E3 L1 L2 L3 N4 N5 P45 P60 P11D Y7 Y8 Y9 Y10 Y11 Y12 Y13"
)
_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place"
    r"|pl|gardens|gdns|terrace|grove|mews|walk|row|square|sq|rise|vale|parade|hill)"
)
# "14 Acacia Avenue", "12a The Drive", "3 St Mary's Road": capitalised street names...
_ADDRESS = re.compile(
    rf"(?<![\w/.,-])\d{{1,4}}[A-Za-z]?\b,?\s+(?:[A-Z][\w'\u2019.-]*\s+){{1,3}}?(?i:{_STREET})\b\.?"
)
# ... or in lower case after "I live at", "my address is".
_ADDRESS_AFTER_CUE = re.compile(
    r"(?i)\b(?:live|living|lives|lived|address|staying|moved)\b(?:\s+(?:is|at|on|to|in))?"
    rf"[\s:,-]+(\d{{1,4}}[a-z]?\b,?\s+(?:[a-z][\w'\u2019.-]*\s+){{1,3}}?{_STREET}\b\.?)"
)
# "Level 2 Maths Close to home" is a course, not an address.
_LEVEL_BEFORE = re.compile(
    r"(?i)\b(?:level|lvl|entry|year|yr|nvq|grade|stage|step|band|unit|module|page)\W*$"
)
_MONEY = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*")
_THREE_DIGITS = re.compile(r"\d{3}")

# -- Names ---------------------------------------------------------------------------------------

_APOSTROPHES = r"'\u2019"  # typed, and the curly one phones put in
_WORD = rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*"  # "I'm", "O'Neill"
_TOKEN = re.compile(rf"{_PLACEHOLDER.pattern}|\d+|{_WORD}(?:-{_WORD})*")  # "Anne-Marie"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$", re.IGNORECASE)
# "thanks, Sarah", "cheers - Dave", "name: Ali" (and en and em dashes)
_CUE_GAP = re.compile(r"\s*[,:;.!\-\u2013\u2014]?\s*")


# Words after "my name is" that are not a name ("my name is not on the letter").
_FUNCTION_WORDS = _words(
    """
    a an the and or but not no nor is am are was were be been on in at to of for from with by so
    if as i im me my mine you u ur your it its this that these those here there he she we they
    him her his our their them what who how when where why which do does did have has had can
    could would shall should might must also too just only very really still please pls plz
    thanks thank thx hi hello hey yes yeah ok okay changed spelt spelled wrong correct same
    """
)
# Words of one to three letters (the English list only holds four letters and more), chat
# spellings, and capitalised words that are not names: none of them is taken as a name.
_NOT_NAMES = _words(
    """
    a i am an as at be by do eh go ha he hi if in is it la me my no of oh ok on or ow so to uh
    um up us we ye yo
    ace act add age ago aid aim air all and any are arm art ask ate bad bag bar bed big bin bit
    box boy bus but buy can cap car cat cut dad day did die dig dog dry due ear eat egg end eye
    far fat fed fee few fit fix fly for fry fun gap gas get got gun had has hat her hey hid him
    hip his hit hot how ill its job key kid lab lad law lay led leg let lie lip lot low mad man
    map men met mix mob mom mum nan net new nil nor not now nut odd off oil old one our out owe
    own pad pan pay pen per pet pie pin pit pop pot put ran raw red rid rip row rub run sad sat
    saw say sea see set she shy sit six ski son sub sum sun tax tea ten the tie tin tip toe too
    top toy try two use van via war was way web wed wet who why win won yes yet you zip
    pls plz thx thnx thanx ty tx ur im ive id dont cant wont didnt isnt aint doesnt wasnt wanna
    gonna gotta tryna lookin tryin goin doin nothin somethin lol omg tbh btw asap hiya cos coz
    cuz msg txt tho yh yeh ya yea yep yup nope hmm umm plss xx xxx cya innit bruv mate alot
    gcse gcses nvq btec cv cvs dbs sia uc pip esa jsa dwp hmrc nhs gp covid ucas ielts ecdl
    jobcentre jobcenter google facebook whatsapp linkedin indeed totaljobs amazon tesco asda
    aldi lidl primark sainsburys morrisons deliveroo uber microsoft
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter ramadan eid
    diwali muslim christian hindu sikh jewish islam islamic british scottish welsh irish
    polish romanian bulgarian lithuanian latvian estonian ukrainian russian slovak czech
    hungarian albanian kurdish syrian iraqi iranian afghan pakistani indian bangladeshi nepali
    nepalese somali eritrean ethiopian sudanese nigerian ghanaian zimbabwean kenyan congolese
    chinese vietnamese filipino portuguese spanish italian french german turkish arabic arab
    urdu punjabi bengali gujarati tamil hindi farsi persian pashto dari tigrinya amharic
    yoruba igbo swahili mandarin cantonese european african asian caribbean
    """
)
_STRONG, _TITLE, _WEAK = 3, 2, 1
# Words that come before a name, as folded tokens ("I'm" -> "im"), with how sure they make it.
_CUES: dict[tuple[str, ...], int] = {
    ("my", "name", "is"): _STRONG,
    ("my", "name"): _STRONG,  # "my name Agnieszka" (EAL English)
    ("my", "names"): _STRONG,  # "my name's", "my names"
    ("me", "name", "is"): _STRONG,
    ("i", "am", "called"): _STRONG,
    ("im", "called"): _STRONG,
    ("they", "call", "me"): _STRONG,
    ("im",): _WEAK,
    ("i", "am"): _WEAK,
    ("call", "me"): _WEAK,
    ("spoke", "to"): _WEAK,
    ("speak", "to"): _WEAK,
    ("talk", "to"): _WEAK,
    ("talked", "to"): _WEAK,
    ("ask", "for"): _WEAK,
    ("asked", "for"): _WEAK,
    ("work", "coach"): _WEAK,
    ("thank", "you"): _WEAK,
    ("yours", "sincerely"): _WEAK,
    # Family, advisers, letters and sign-offs: "my son Kwame", "dear Kwame", "cheers Dave".
    **{
        (word,): _WEAK
        for word in _words(
            "son daughter husband wife partner friend mum dad brother sister adviser advisor "
            "dear thanks thankyou thanx thnx thx ty ta cheers regards wishes"
        )
    },
    # Titles: "Mr Khan", "Mrs Begum". Not "Miss" ("I miss Monday's class"), and not written
    # in capitals ("MS Word").
    **{(word,): _TITLE for word in _words("mr mrs ms dr")},
}
_OPENING_CUES = {("this", "is"): _WEAK, ("its",): _WEAK}  # only to start a message
# Form fields pasted into the chat: "Name: John Smith", "surname - Nowak".
_FIELD_CUES = {("name",), ("full", "name"), ("first", "name"), ("surname",), ("last", "name")}
_GREETINGS = _words("hi hello hey hiya morning afternoon evening good")
_LONGEST_CUE = max(len(cue) for cue in [*_CUES, *_OPENING_CUES])
_MAX_SURNAMES = 2  # "Mohammed Ali Khan": the first name and up to two more


@dataclass(frozen=True)
class _Token:
    start: int
    end: int  # of the whole token
    name_end: int  # before a possessive "'s", which stays after "[name]"
    text: str  # without the possessive
    key: str  # folded: lower case, ASCII, no apostrophes ("I'm" -> "im", "Paweł" -> "pawel")
    cue_key: str  # folded, possessive kept ("name's" -> "names")
    is_word: bool


def scrub(text: str) -> str | None:
    """``text`` with personal data replaced by placeholders, at most ``MAX_LENGTH`` characters;
    ``None`` if fewer than two real words are left (nothing an officer could act on)."""
    if not text or not text.strip():
        return None
    text = _head(text, _READ_LENGTH)
    text = _EMAIL.sub("[email]", text)
    text = _SPELT_EMAIL.sub("[email]", text)
    text = _LINK.sub("[link]", text)
    text = _HANDLE.sub("[handle]", text)
    text = _REFERENCE.sub("[reference]", text)
    text = _NI.sub(_ni_number, text)
    for pattern in _DATES:
        text = pattern.sub("[date]", text)
    text = _UK_PHONE.sub("[phone]", text)
    text = _OTHER_PHONE.sub("[phone]", text)
    text = _POSTCODE.sub(_postcode, text)
    text = _ADDRESS_AFTER_CUE.sub(_address_after_cue, text)
    text = _ADDRESS.sub(_address, text)
    text = _OUTWARD_AFTER_CUE.sub(_district, text)
    text = _OUTWARD_BEFORE_CUE.sub(_district, text)
    text = _AGE.sub(_age, text)
    text = _MONEY.sub("[number]", text)
    text = _CODE.sub(_code, text)
    text = _names(text)
    text = " ".join(text.split())
    for placeholder in PLACEHOLDERS:  # "ref 123 456" -> "ref [number]", not "[number] [number]"
        text = text.replace(f"{placeholder} {placeholder}", placeholder)
    text = _head(text, MAX_LENGTH)
    words = re.findall(r"[^\W\d_]+", _PLACEHOLDER.sub(" ", text))
    return text if len(words) >= _MIN_WORDS else None


def _head(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut between words and never inside a placeholder."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(space, 0, limit + 1) for space in " \n\t")
    if cut <= 0:
        cut = limit
    for placeholder in _PLACEHOLDER.finditer(text, 0, limit + 12):
        if placeholder.start() < cut < placeholder.end():
            cut = placeholder.start()
    return text[:cut].rstrip()


def _ni_number(match: re.Match[str]) -> str:
    # "at 12 34 56" is not a National Insurance number; "QQ 12 34 56" and "ab123456c" are.
    if match.group(2) and match.group(1).lower() in _NOT_NAMES:
        return match.group(0)
    return "[ni number]"


def _postcode(match: re.Match[str]) -> str:
    inward = match.group(1)
    if inward and inward in ("st", "nd", "rd", "th"):  # "b2 2nd": an ordinal, not "B2 2ND"
        return match.group(0)
    return "[postcode]"


def _district(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.upper() in _NOT_DISTRICTS:
        return match.group(0)
    whole, start, end = match.group(0), match.start(1) - match.start(), match.end(1) - match.start()
    return whole[:start] + "[postcode]" + whole[end:]


def _address(match: re.Match[str]) -> str:
    if _LEVEL_BEFORE.search(match.string, max(match.start() - 12, 0), match.start()):
        return match.group(0)
    return "[address]"


def _address_after_cue(match: re.Match[str]) -> str:
    offset = match.start(1) - match.start()
    return match.group(0)[:offset] + "[address]"


def _age(match: re.Match[str]) -> str:
    """Keep the words around the age ("i am [age]"), drop the number."""
    return re.sub(r"\d{1,3}", "[age]", match.group(0), count=1)


def _code(match: re.Match[str]) -> str:
    """A reference, house number or number in an odd format: anything with three digits."""
    return "[number]" if _THREE_DIGITS.search(match.group(0)) else match.group(0)


# -- Names ---------------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """``"Paweł"`` -> ``"pawel"``, ``"I'm"`` -> ``"im"``: how the word lists are written."""
    if word.isascii():  # most words, quickly: a token is letters, digits, "-" and "'"
        return word.lower().replace("'", "")
    word = word.lower().replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isalnum() or c == "-")


def _tokens(text: str) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        is_word = raw[0].isalpha() and not _PLACEHOLDER.fullmatch(raw)
        word = _POSSESSIVE.sub("", raw) if is_word and len(raw) > 3 else raw
        start = match.start()
        found.append(
            _Token(start, match.end(), start + len(word), word, _fold(word), _fold(raw), is_word)
        )
    return found


def _common(key: str) -> bool:
    """An English word, a short or chat word, or a capitalised word that is not a name."""
    parts = key.split("-")
    return any(p in _NOT_NAMES or p in english_words() or not p for p in parts)


def _known(key: str) -> bool:
    return key in FIRST_NAMES or key.split("-")[0] in FIRST_NAMES


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _is_name_after_cue(token: _Token, strength: int) -> bool:
    """Whether the word after "my name is" (strong) or "I'm", "cheers"... (weak) is a name."""
    if not token.is_word:
        return False
    key = token.key
    if _known(key):
        return True
    if key in WORD_NAMES and (strength == _STRONG or _capitalised(token.text)):
        return True
    if strength == _STRONG:
        if key in _FUNCTION_WORDS:
            return False
        return (_capitalised(token.text) and key not in _NOT_NAMES) or not _common(key)
    if strength == _TITLE:  # "Mr Khan", "Dr Smith": a surname that is also a word
        return _capitalised(token.text) and key not in _FUNCTION_WORDS | _NOT_NAMES
    if not _capitalised(token.text):
        return False
    # An unknown capitalised word: a name unless it is a word ("Looking", "Polish") or an
    # acronym ("ESOL", "CSCS").
    return len(key) >= 4 and not token.text.isupper() and not _common(key)


def _is_name_on_sight(token: _Token) -> bool:
    """A known first name, capitalised anywhere ("I met Priya"); in lower case only when it is
    not also a word ("sarah" yes, "john" no) and long enough not to be an abbreviation."""
    if not token.is_word or not _known(token.key):
        return False
    return _capitalised(token.text) or (len(token.key) >= 4 and not _common(token.key))


def _is_surname(token: _Token, previous: _Token, strong: bool) -> bool:
    """The word after a removed name: "Agnieszka Nowak", "John Smith", "Mohammed Ali"."""
    if not token.is_word or token.key in _FUNCTION_WORDS:
        return False
    if _known(token.key):
        return True
    shouting = token.text.isupper() and not previous.text.isupper()
    if _capitalised(token.text) and not shouting:
        if token.key in SURNAME_WORDS or token.key in WORD_NAMES:
            return True
        return len(token.key) >= 2 and not _common(token.key)
    # "my name is agnieszka nowak", "my name is john smith": lower case, but only right
    # after "my name is".
    if not strong:
        return False
    return token.key in SURNAME_WORDS or (len(token.key) >= 3 and not _common(token.key))


def _cue_before(tokens: list[_Token], index: int, text: str, greeting: int) -> int:
    """How strongly the words before ``tokens[index]`` announce a name (0: not at all).
    ``greeting``: how many tokens the message opens with that are greetings ("hi", "hello")."""
    gap = text[tokens[index - 1].end : tokens[index].start] if index else ""
    if index == 0 or _CUE_GAP.fullmatch(gap) is None:
        return 0
    best = 0
    for length in range(1, min(_LONGEST_CUE, index) + 1):
        run = tokens[index - length : index]
        if not all(t.is_word for t in run):
            break
        if any(text[a.end : b.start].strip() for a, b in itertools.pairwise(run)):
            break  # the cue's words must follow each other
        key = tuple(t.cue_key for t in run)
        strength = _CUES.get(key, 0)
        if strength == _TITLE and run[0].text.isupper():
            strength = 0
        if index - length <= greeting:
            strength = max(strength, _OPENING_CUES.get(key, 0))
        if key in _FIELD_CUES and (":" in gap or "-" in gap):
            strength = _STRONG
        best = max(best, strength)
    return best


def _names(text: str) -> str:
    """Each name replaced by one ``[name]``; a first name and its surname make one."""
    tokens = _tokens(text)
    greeting = next((i for i, t in enumerate(tokens) if t.key not in _GREETINGS), len(tokens))
    names: list[tuple[int, int]] = []  # spans of the name words, in order
    index = 0
    while index < len(tokens):
        token = tokens[index]
        strength = _cue_before(tokens, index, text, greeting)
        if (strength and _is_name_after_cue(token, strength)) or _is_name_on_sight(token):
            start, end = token.start, token.name_end
            previous = token
            for _ in range(_MAX_SURNAMES):
                following = index + 1
                if following >= len(tokens):
                    break
                candidate = tokens[following]
                if not text[previous.end : candidate.start].isspace():
                    break
                if not _is_surname(candidate, previous, strength == _STRONG):
                    break
                end, previous, index = candidate.name_end, candidate, following
            names.append((start, end))
        index += 1
    if not names:
        return text
    pieces, last = [], 0
    for start, end in names:
        pieces += [text[last:start], "[name]"]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
