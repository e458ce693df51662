"""One exception for mistakes a learner can fix, shown as a message, not a traceback.

Course tools (data loaders, sandbox file readers, topic tools) raise
`LearnerError` when the input is wrong in a way a person can fix: a missing
column, an empty file, a name that does not exist. IPython shows the lines of
`_render_traceback_` instead of a traceback, so a learner reads what went wrong
and what to do, in plain words.
"""
from __future__ import annotations


class LearnerError(ValueError):
    """A problem with the learner's input; the message says what to do about it."""

    def __init__(self, message: str, what_to_do: str = ""):
        self.message, self.what_to_do = message, what_to_do
        super().__init__(message if not what_to_do else f"{message}\n{what_to_do}")

    def _render_traceback_(self) -> list[str]:
        first, *rest = str(self).splitlines() or [""]
        return [f"\x1b[1;31m⚠️ {first}\x1b[0m", *rest]


def require_columns(table, columns: list[str], what: str = "your table") -> None:
    """Raise a LearnerError naming the missing columns and the ones that exist."""
    present = [str(column) for column in table.columns]
    missing = [column for column in columns if column not in present]
    if missing:
        close = {column: [p for p in present if p.strip().casefold() == column.casefold()]
                 for column in missing}
        hints = [f"'{column}' looks like '{close[column][0]}' (spelling and capitals count)"
                 for column in missing if close[column]]
        raise LearnerError(
            f"{what.capitalize()} has no column {', '.join(repr(c) for c in missing)}.",
            "Its columns are: " + ", ".join(repr(p) for p in present) + "."
            + ("\n" + "\n".join(hints) if hints else ""))
