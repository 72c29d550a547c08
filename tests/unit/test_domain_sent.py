"""Rasa sends the domain (20 kB of JSON) only to the custom actions that read it: a form's
validation (``validate_*``) and those marked ``send_domain`` in domain.yml. An action that reads
the domain without being marked would get an empty one, so every read is found here."""

from __future__ import annotations

import ast
import inspect
import pkgutil
from importlib import import_module

from rasa.shared.core.domain import Domain
from rasa_sdk import Action

import actions
from bot.config import PROJECT_ROOT


def _action_classes() -> dict[str, type[Action]]:
    found: dict[str, type[Action]] = {}
    for module in pkgutil.iter_modules(actions.__path__):
        loaded = import_module(f"actions.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, Action) and cls.__module__ == loaded.__name__:
                try:
                    found[cls().name()] = cls
                except NotImplementedError:  # an abstract base of the module's own
                    continue
    return found


def _reads_domain(cls: type) -> bool:
    """``domain.get(...)``, ``domain[...]`` or ``... in domain`` in the class's own code."""
    for node in ast.walk(ast.parse(inspect.getsource(cls))):
        looked = (
            (isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "domain")
            or (isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "domain")
            or (
                isinstance(node, ast.Compare)
                and any(getattr(c, "id", None) == "domain" for c in node.comparators)
            )
        )
        if looked:
            return True
    return False


def test_every_action_that_reads_the_domain_is_sent_it():
    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    classes = _action_classes()
    readers = {
        name
        for name, cls in classes.items()
        if any(_reads_domain(base) for base in cls.__mro__ if base.__module__.startswith("actions"))
    }
    assert "action_explain_why" in readers  # the scan finds a real read
    unsent = {
        name for name in readers if not domain.does_custom_action_explicitly_need_domain(name)
    }
    assert not unsent, f"mark these send_domain: true in domain.yml: {sorted(unsent)}"
    validators = {name for name in classes if name.startswith("validate_")}
    assert validators and all(
        domain.does_custom_action_explicitly_need_domain(n) for n in validators
    )


def test_no_action_hands_its_empty_domain_to_one_that_reads_it():
    """An action may run another in its turn (``ActionLeaveFlow`` answers the request that left
    the form): the one it runs must not need the domain it was not sent."""
    readers = {cls.__name__ for cls in _action_classes().values() if _reads_domain(cls)}
    for path in (PROJECT_ROOT / "actions").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        made = {
            node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert not (made & readers), f"{path.name} runs {sorted(made & readers)}"
