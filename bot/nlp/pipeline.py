"""Build the project's own spaCy pipeline from code: blank English plus rules.

No pretrained English pipeline can be downloaded here, and none is needed: Rasa uses spaCy for
tokens and for rule-based entities that must be exact rather than guessed (postcodes). The
pipeline is rebuilt whenever this file changes (its fingerprint is stored beside it).
"""

from __future__ import annotations

import hashlib
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy pulls in TensorFlow through thinc: import it only to build
    from spacy.language import Language

NAME = "en_worklocal"
VERSION = "0.1.0"

# Full UK postcode in one token ("LS98AB") or two ("LS9 8AB"), any case. Outward codes alone
# ("LS9") only in capitals, and not Liverpool's L1-L8, which clash with qualification levels.
_OUTWARD = r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?"
_INWARD = r"[0-9][A-Za-z]{2}"
POSTCODE_PATTERNS = [
    {
        "label": "postcode",
        "pattern": [
            {"TEXT": {"REGEX": f"^{_OUTWARD}$"}},
            {"TEXT": {"REGEX": f"^{_INWARD}$"}},
        ],
    },
    {"label": "postcode", "pattern": [{"TEXT": {"REGEX": f"^{_OUTWARD}{_INWARD}$"}}]},
    {
        "label": "postcode",
        "pattern": [
            {"TEXT": {"REGEX": r"^(?!L[0-9]$)[A-Z]{1,2}[0-9][A-Z0-9]?$"}},
        ],
    },
]


def build() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.meta.update(
        {
            "name": NAME.removeprefix("en_"),
            "version": VERSION,
            "description": "Work Local rules: tokens and postcode entities",
        }
    )
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(POSTCODE_PATTERNS)
    return nlp


def fingerprint() -> str:
    """Changes whenever this module (the pipeline's only source) or spaCy's version changes."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(version("spacy").encode())
    return digest.hexdigest()[:16]


def ensure_built(target: Path) -> bool:
    """Build into ``target`` unless an up-to-date build is there; returns whether it built."""
    stamp = target / ".fingerprint"
    current = fingerprint()
    if stamp.is_file() and stamp.read_text().strip() == current:
        return False
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    build().to_disk(target)
    stamp.write_text(current)
    return True
