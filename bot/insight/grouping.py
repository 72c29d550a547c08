"""Similar wordings of the same question, grouped, so officers see one topic once.

Residents ask for the same thing in many ways: "how do I get a forklift licence",
"forklift licence pls" and "where can i do my forklift license" are one gap in the content, and
an officer should see it once, with how often it was asked, not three times in a list of
hundreds. Grouping is deliberately plain (no model, no embeddings): the same text always gives
the same key and the same groups, so a report can be explained and tested.

``wording_key`` keeps the words that carry the topic: lower case, placeholders left by
``bot.insight.scrub`` and punctuation dropped, question and chat filler dropped ("how", "can",
"pls"...), British and American spellings made one ("license" -> "licence", "-ize" -> "-ise"),
a light stemmer (below), then the unique words sorted. ``group`` puts texts with the same key
together, then merges groups whose keys share at least half their words.

The stemmer only strips endings, so that plural and verb forms meet: "-ies"/"-ied" -> "-y",
"-ing" and "-ed" when four letters are left, "-es" after s/x/z/ch/sh, "-s" (not "-ss", "-us",
"-is") when three letters are left (so "jobs" meets "job"), a doubled final consonant after
"-ing"/"-ed" ("shopping" -> "shop"), and a final "-e" when four letters are left, so that
"drive"/"driving" and "course"/"courses" give the same stem ("driv", "cours"). Keys are for
matching, not for reading: officers read the representative wording.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_KEY_LENGTH = 300  # the column the key is stored in (``UnansweredQuestion.wording``)
SIMILARITY = 0.5  # Jaccard similarity of two keys' words at which their groups merge

_PLACEHOLDER = re.compile(r"\[[a-z ]+\]")
_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile("['\u2019]")  # "don't", and the curly one phones put in


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say how a resident asks, not what about: question words, pronouns, auxiliaries,
# prepositions, greetings and chat filler, and the verbs of asking ("need", "want", "find",
# "get", "looking"). Topic words stay, even common ones: "job", "course", "work", "free".
_STOP_WORDS = _words(
    """
    a an the and or but if so of to in on at by for from with about into onto than then as
    is are am was were be been being do does did doing done have has had having
    get gets got getting go going gone goes give show tell know
    i im ive id me my mine myself you u ur your yours youre we us our they them their he him
    his she her it its itself this that these those there theres here
    what whats wat wot which who whom whose how hw where wheres when why
    can cant could would should will wont shall may might must dont didnt doesnt isnt not no
    want wanna wants wanted wanting need needs needed needing help helps helped helping
    like please pls plz plse plis thanks thank thankyou thanku thx thnx ty ta cheers sorry
    hi hello hey hiya heya yo ok okay yes yeah yep r n nd
    just also really very much more some any anything something somewhere anywhere anyone
    someone all
    find finding look looking search searching info information details available
    near nearby around
    """
)
# Spellings that are the same word: American to British, and a few common variants.
_SPELLINGS = {
    "license": "licence",
    "licenses": "licences",
    "licensed": "licenced",
    "licensing": "licencing",
    "center": "centre",
    "centers": "centres",
    "jobcenter": "jobcentre",
    "program": "programme",
    "programs": "programmes",
    "labor": "labour",
    "math": "maths",
    "mom": "mum",
    "resume": "cv",
    "cvs": "cv",
}
_IZE = re.compile(r"(?<=\w{3})(i|y)z(e|es|ed|ing|ation|ations|er|ers)$")  # -ize, -yze


def wording_key(text: str) -> str:
    """The words of ``text`` that say what it is about, normalised and sorted: the same key
    for "how do i get a forklift licence" and "forklift license pls"; ``""`` when none."""
    text = _APOSTROPHE.sub("", _PLACEHOLDER.sub(" ", text or "").lower())
    words = set()
    for word in _WORD.findall(text):
        if word in _STOP_WORDS:
            continue
        word = _stem(_spelling(word))
        if word and word not in _STOP_WORDS:
            words.add(word)
    key = " ".join(sorted(words))
    if len(key) > MAX_KEY_LENGTH:
        cut = key.rfind(" ", 0, MAX_KEY_LENGTH + 1)
        key = key[: cut if cut > 0 else MAX_KEY_LENGTH]
    return key


def group(texts: list[str]) -> list[tuple[str, list[str]]]:
    """``texts`` in groups of similar wording: ``(representative, members)``, biggest first.

    Texts with the same key form a group; then, biggest group first, each group joins the first
    earlier group whose key is similar enough (shared words / all words of the two keys, the
    Jaccard similarity, at least ``SIMILARITY``), else starts its own. A group is compared with
    the key that started the group it would join, never with keys merged into it since, so a
    chain of small steps cannot drift into another topic. Texts with no topic words (key
    ``""``) make one group of their own. Members are in the order given; the representative is
    the most frequent wording, then the shortest. Ties are broken by the order of first
    appearance, so the result is always the same.
    """
    by_key: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        by_key.setdefault(wording_key(text), []).append(index)
    ordered = sorted(by_key.items(), key=lambda item: (-len(item[1]), item[1][0]))
    groups: list[tuple[frozenset[str], list[int]]] = []
    for key, indices in ordered:
        words = frozenset(key.split())
        for seed, members in groups:
            if _similar(words, seed):
                members.extend(indices)
                break
        else:
            groups.append((words, list(indices)))
    result = []
    for _, members in groups:
        members.sort()
        wordings = [texts[i] for i in members]
        result.append((_representative(wordings), wordings, members[0]))
    result.sort(key=lambda item: (-len(item[1]), item[2]))
    return [(representative, wordings) for representative, wordings, _ in result]


def _similar(words: frozenset[str], seed: frozenset[str]) -> bool:
    if not words or not seed:
        return False
    return len(words & seed) / len(words | seed) >= SIMILARITY


def _representative(wordings: list[str]) -> str:
    counts = Counter(wordings)
    first = {}
    for index, wording in enumerate(wordings):
        first.setdefault(wording, index)
    return min(counts, key=lambda w: (-counts[w], len(w), first[w]))


def _spelling(word: str) -> str:
    word = _SPELLINGS.get(word, word)
    return _IZE.sub(r"\1s\2", word)


def _stem(word: str) -> str:
    """The light stemmer described in the module's docstring."""
    if not word.isalpha() or len(word) <= 3:
        return word
    stem = word
    if word.endswith(("ies", "ied")) and len(word) - 3 >= 3:
        stem = word[:-3] + "y"
    elif word.endswith("ing") and len(word) - 3 >= 4:
        stem = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) - 2 >= 4:
        stem = _undouble(word[:-2])
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")) and len(word) - 2 >= 3:
        stem = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) - 1 >= 3:
        stem = word[:-1]
    if stem.endswith("e") and len(stem) - 1 >= 4:
        stem = stem[:-1]
    return stem


def _undouble(stem: str) -> str:
    """``"shopp"`` -> ``"shop"``; ``"fill"``, ``"pass"`` and ``"buzz"`` stay."""
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsz":
        return stem[:-1]
    return stem
