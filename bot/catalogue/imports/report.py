"""What an import did, row by row, in words an officer can act on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problem:
    line: int
    label: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.label})" if self.label else "")
        return f"{where}: {self.reason}"


@dataclass
class ImportReport:
    kind: str
    file: str
    source: str = ""
    added: int = 0
    updated: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: str | None = None  # the file as a whole could not be read
    committed: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.committed

    def summary(self) -> str:
        lines = [
            f"Import of {self.file} as {self.kind}"
            + (f" (source {self.source})" if self.source else "")
        ]
        if self.error:
            lines.append(f"  The file could not be read: {self.error}")
        else:
            lines.append(
                f"  {self.added} added, {self.updated} updated, {len(self.rejected)} rejected"
                f" in {self.seconds:.1f} s"
            )
        lines += [f"  rejected {p}" for p in self.rejected[:200]]
        if len(self.rejected) > 200:
            lines.append(f"  ... and {len(self.rejected) - 200} more rejected rows")
        lines += [f"  warning {p}" for p in self.warnings[:100]]
        if not self.committed:
            lines.append(
                "  Nothing was written. Fix the problems above and import the file again"
                + (
                    ", or use --skip-invalid to import only the valid rows."
                    if self.rejected and not self.error
                    else "."
                )
            )
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "file": self.file,
            "source": self.source,
            "added": self.added,
            "updated": self.updated,
            "rejected": [p.__dict__ for p in self.rejected],
            "warnings": [p.__dict__ for p in self.warnings],
            "error": self.error,
            "committed": self.committed,
        }
