"""Whether a resident wrote in a language other than English.

The dialogue model reads English only: a message in Polish or Arabic is misread ("make your
plan") or not understood, and one about danger gets neither the emergency answer nor the
check-in. Said so plainly, with a person who can bring an interpreter and the numbers, the
resident is not left with an answer they cannot use (``bot.conversation.aftercare``).

Two signs, and no language model (none ships with the service): mostly letters of another
script (Arabic, Cyrillic, Bengali, Ethiopic...), or, in Latin letters, fewer than half the words
known English. English words come from the typo repair's list (``english_words.txt``: four
letters or more) and the short words and text-speak below, so "pls help wiv cv" stays English.
The script is certain; the word count is a guess (Scots, text-speak and typos can read alike),
so ``bot.conversation.aftercare`` acts on it only when the dialogue did not understand either.
Names are not a language: a message whose every word starts with a capital ("Nguyen Thi Minh
Anh") is left alone, and so is anything under four words once addresses, postcodes and acronyms
are set aside.
"""

from __future__ import annotations

import re

from bot.catalogue.search import english

MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")
# Not words of any language: email and web addresses, postcodes ("DB1 1AA"), and acronyms.
_NOT_WORDS = re.compile(
    r"\S+@\S+|\b(https?://|www\.)\S+|\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b|\b[A-Z]{2,5}\b"
)
# English words of under four letters, and text-speak, that the word list leaves out.
_SHORT_WORDS = (
    "a i im an am as at be by do go he if in is it me my no of oh ok on or so to up us we ya yo u "
    "ur r n y x hi yes you the and for are but not all any can had her was one our out day get "
    "has him his how man new now old see two way who boy did its let put say she too use dad mum "
    "mam lol pls plz tho cos coz cuz wat wot dnt dont cant wont ive id ill hes shes thx ta aye "
    "nah yeh yep yea bc idk tbh ngl rn omg cv uc dwp gp nhs job why off got bit lot ask age few "
    "yet own far bad big end try pay hrs yr yrs wk eng uk gcse nvq bus car kid kids son ten six "
    "ago via etc asap wiv wen wer sum b4 2 4 gd nd na nt av ave wk ppl tho thru ur u r cud wud "
    "shud dat dis der"
)
_SHORT = frozenset(_SHORT_WORDS.split())


def _latin(char: str) -> bool:
    return char.isascii() or "\u00c0" <= char <= "\u024f"


def other_script(text: str) -> bool:
    """Mostly letters of another script: certainly not English, whatever the model made of it."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(not _latin(c) for c in letters) > len(letters) / 2


def other_language(text: str) -> bool:
    """Whether ``text`` reads as written in another language. In Latin letters this is a guess
    (Scots and text-speak can read alike), so it is acted on only when the dialogue did not
    understand the message either."""
    if other_script(text):
        # Chinese, Japanese and Thai need no spaces: letters, not words, say it is a sentence
        return sum(c.isalpha() for c in text) >= 4
    shouted = sum(c.isupper() for c in text) > sum(c.islower() for c in text)
    if shouted:  # "AYUDA NO TENGO DONDE DORMIR": capitals are neither acronyms nor names here
        text = text.lower()
    words = _WORD.findall(_NOT_WORDS.sub(" ", text))
    if len(words) < MIN_WORDS or all(w[0].isupper() for w in words):
        return False
    known = sum(w.lower() in _SHORT or english.is_english(w) for w in words)
    return known < len(words) / 2


def sentence(text: str) -> bool:
    """More than a name or a word or two: three words, or eight letters written without spaces."""
    return len(text.split()) >= 3 or (" " not in text.strip() and sum(map(str.isalpha, text)) >= 8)
