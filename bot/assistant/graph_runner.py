"""Rasa's model graph run without dask. Installed by ``bot.assistant.speedups.apply``.

Rasa runs its model graph (NLU on every message, the policies on every prediction) through
dask's scheduler, which re-derives the graph and queues each node as a task on every run. Here
the nodes run in an order worked out once per set of targets, with dask's inputs, outputs and
errors. Dask's bookkeeping was a twelfth of the Rasa server's time under load.
"""

from __future__ import annotations

from typing import Any


def run_in_order(self: Any, inputs: dict[str, Any] | None = None,
                 targets: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """``DaskGraphRunner.run`` without dask. Like dask, a node gets its parents' outputs (the
    ``(name, output)`` pairs) in the order of its ``needs``, and a need nothing provides is
    passed as its bare name, for the node to report."""
    from rasa.engine.exceptions import GraphRunError

    run_targets = list(targets if targets else self._graph_schema.target_names)
    orders = self.__dict__.setdefault("_orders", {})
    order = orders.get(tuple(run_targets))
    if order is None:
        order = orders[tuple(run_targets)] = _dependency_order(self._graph_schema, run_targets)
    graph: dict[str, Any] = dict.fromkeys(order)
    self._add_inputs_to_graph(inputs, graph)  # Rasa's own check of the inputs' names
    results = {name: value for name, value in graph.items() if value is not None}
    nodes = self._graph_schema.nodes
    try:
        for name in order:
            if name not in results:
                needs = nodes[name].needs.values()
                results[name] = self._instantiated_nodes[name](
                    *(results.get(need, need) for need in needs)
                )
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


def _dependency_order(schema: Any, targets: list[str]) -> list[str]:
    """The nodes the targets need, each after everything it needs."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in schema.nodes:
            return
        seen.add(name)
        for need in schema.nodes[name].needs.values():
            visit(need)
        order.append(name)

    for target in targets:
        visit(target)
    return order
