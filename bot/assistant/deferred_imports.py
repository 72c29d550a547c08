"""Keeps TensorFlow out of the Rasa server: no component of ``config.yml`` uses it, yet Rasa
3.6.21 imports it (about 340 MB, a few seconds of start-up, and the published vulnerabilities of
TensorFlow 2.12 and Keras within reach) because every policy imports the entity extractors'
helpers, ``rasa.utils.train_utils``, whose first lines import TensorFlow's training callbacks and
data generators for the models that train with them.

Those imports move into the only functions that use them (``create_data_generators`` and
``create_common_callbacks``, called when a TensorFlow model trains), as a lazy import would be
written by hand; nothing else in the module changes, and a model that does train with TensorFlow
still gets them. The module is compiled from Rasa's own source with postponed annotations, so a
signature naming a moved class is not evaluated when the function is defined.

Written against Rasa 3.6.21: the module's source must have the fingerprint below, or the Rasa
server refuses to start (``bot.assistant.patches``), like every other patch.
"""

from __future__ import annotations
import __future__

import ast
import copy
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from dataclasses import dataclass
from types import ModuleType


class DeferralError(RuntimeError):
    """Rasa's module is not the one the deferral was written for."""


@dataclass(frozen=True)
class Deferral:
    module: str  # the module compiled with some of its imports moved
    imports: tuple[str, ...]  # modules whose top-level ``from ... import`` lines move
    fingerprint: str  # sha256 of the module's source, first 16 hex digits
    hidden: tuple[str, ...] = ()  # optional modules it is told are not installed


DEFERRALS = (
    Deferral(
        "rasa.utils.train_utils",
        ("rasa.utils.tensorflow.callback", "rasa.utils.tensorflow.data_generator"),
        "7ae337d7a78d2c16",
    ),
    # spaCy's thinc looks for every machine-learning library it could wrap and keeps what it
    # finds; the project's spaCy pipeline (rules and lookups) wraps none, so thinc is told
    # TensorFlow is not installed, as it is on a machine without it. A TensorFlow model trained
    # in the same process still imports it for itself.
    Deferral("thinc.compat", (), "e4ce073417f9539e", hidden=("tensorflow",)),
)
# What each thread is importing a module with hidden modules (``Deferral.hidden``) for: only
# that thread is told they are absent, never another importing at the same moment.
_hiding: dict[int, tuple[str, ...]] = {}


def source_fingerprint(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def moved_imports(source: str, deferral: Deferral, filename: str = "<rasa>") -> ast.Module:
    """Rasa's module with the deferred top-level imports moved into the functions (and methods)
    that name what they import, after any docstring."""
    tree = ast.parse(source, filename)
    if not deferral.imports:
        return tree
    moved = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in deferral.imports
    ]
    if {node.module for node in moved} != set(deferral.imports):
        raise DeferralError(f"{deferral.module} no longer imports {', '.join(deferral.imports)}")
    tree.body = [node for node in tree.body if node not in moved]
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        named = {node.id for node in ast.walk(function) if isinstance(node, ast.Name)}
        needed = [
            node
            for node in moved
            if any((alias.asname or alias.name) in named for alias in node.names)
        ]
        if not needed:
            continue
        first = function.body[0]
        has_docstring = (
            isinstance(first, ast.Expr)
            and isinstance(getattr(first, "value", None), ast.Constant)
            and isinstance(first.value.value, str)
        )
        at = 1 if has_docstring else 0
        line = function.body[at].lineno if at < len(function.body) else first.lineno
        for node in reversed(needed):
            placed = copy.deepcopy(node)
            ast.increment_lineno(placed, line - placed.lineno)
            function.body.insert(at, placed)
    return ast.fix_missing_locations(tree)


class _Loader(importlib.abc.Loader):
    """Runs the deferred module from its compiled, rewritten source; everything else (the file,
    ``get_source`` for tracebacks and ``inspect``) is the original loader's."""

    def __init__(self, original: importlib.machinery.SourceFileLoader, deferral: Deferral):
        self.original = original
        self.deferral = deferral

    def create_module(self, spec):
        return None

    def exec_module(self, module: ModuleType) -> None:
        source = self.original.get_source(module.__name__)
        found = source_fingerprint(source)
        if found != self.deferral.fingerprint:
            raise DeferralError(
                f"{module.__name__} is not the module the deferred imports were written for "
                f"(fingerprint {found}, expected {self.deferral.fingerprint})"
            )
        tree = moved_imports(source, self.deferral, module.__file__)
        flags = __future__.annotations.compiler_flag if self.deferral.imports else 0
        code = compile(tree, module.__file__, "exec", flags=flags, dont_inherit=True)
        thread = threading.get_ident()
        _hiding[thread] = self.deferral.hidden
        try:
            exec(code, module.__dict__)  # the library's own source, fingerprinted above
        finally:
            del _hiding[thread]

    def get_source(self, name: str) -> str | None:
        return self.original.get_source(name)

    def __getattr__(self, name: str):
        return getattr(self.original, name)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] in _hiding.get(threading.get_ident(), ()):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        deferral = next((d for d in DEFERRALS if d.module == name), None)
        if deferral is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None:
            return None
        if not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            raise DeferralError(f"{name} is not installed from source: it cannot be deferred")
        spec.loader = _Loader(spec.loader, deferral)
        return spec


def install() -> None:
    """Before Rasa is imported: refuses if a deferred module is already loaded the usual way."""
    if any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return
    loaded = [d.module for d in DEFERRALS if d.module in sys.modules]
    if loaded:
        raise DeferralError(f"already imported, too late to defer: {', '.join(loaded)}")
    sys.meta_path.insert(0, _Finder())


def check() -> None:
    """Each deferred module's source is the one its deferral was written for."""
    for deferral in DEFERRALS:
        spec = importlib.util.find_spec(deferral.module)
        loader = getattr(spec, "loader", None)
        loader = loader.original if isinstance(loader, _Loader) else loader
        source = loader.get_source(deferral.module) if hasattr(loader, "get_source") else None
        if source is None or source_fingerprint(source) != deferral.fingerprint:
            raise DeferralError(
                f"{deferral.module} is not the module the deferred imports were written for"
            )


_schema_class: type | None = None


def _train_schema_on_demand() -> type:
    """The class, made once, at the first model loaded: ``rasa.engine.graph`` is imported only
    then, after the hook is in place."""
    global _schema_class
    if _schema_class is not None:
        return _schema_class
    from rasa.engine.graph import GraphSchema

    class TrainSchemaOnDemand(GraphSchema):
        """The model's training graph, read from its metadata when first asked for. Serving
        uses only the prediction graph; reading the training graph imports every component
        class it names, among them the recipe validator, which imports ``DIETClassifier`` and
        so TensorFlow. Retraining and ``as_dict`` still see the whole graph."""

        def __init__(self, serialized: dict) -> None:
            # Rasa's reading changes the dict it reads: this one is the schema's own.
            self._serialized = copy.deepcopy(serialized)
            self._nodes = None

        @property
        def nodes(self):
            if self._nodes is None:
                self._nodes = GraphSchema.from_dict(self._serialized).nodes
            return self._nodes

        def __repr__(self) -> str:  # a log line must not import the graph's classes
            return f"TrainSchemaOnDemand({len(self._serialized.get('nodes', {}))} nodes)"

    _schema_class = TrainSchemaOnDemand
    return _schema_class


def metadata_with_train_schema_on_demand(original):
    """``ModelMetadata.from_dict`` reading everything but the training graph as Rasa does."""
    import dataclasses

    schema_class = _train_schema_on_demand()

    def from_dict(cls, serialized):
        metadata = original(cls, {**serialized, "train_schema": {"nodes": {}}})
        return dataclasses.replace(metadata, train_schema=schema_class(serialized["train_schema"]))

    return classmethod(from_dict)
