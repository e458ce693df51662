"""Data cards and the datasets/README.md index.

A card (`datasets/<name>.md`) is prose written by a person — motivation,
composition, collection, anonymisation, uses and misuses, biases, provenance,
licence — around one block of facts that the build writes: kind, file size,
rows, k, identifiers, the anonymisation figures, and the column table. The
build rewrites only that block, so the figures can never go stale and the
prose is never overwritten.
"""
from __future__ import annotations

import re

from civicai.data.schema import DatasetSpec

BEGIN = "<!-- BEGIN FACTS: written by `make datasets`; edit the prose around this block, not the block -->"
END = "<!-- END FACTS -->"
_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)

#: Every card has these sections (as "## " headings), in this order.
SECTIONS = (
    "Motivation", "Composition", "Collection", "Preprocessing and anonymisation",
    "Intended uses and misuses", "Known biases and gaps", "Source and provenance", "Licence",
    "Real or synthetic",
)


class CardError(ValueError):
    """A card's prose is missing or lacks a required section."""


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def facts(spec: DatasetSpec, rows: int, size: int, k: int, notes: tuple[str, ...],
          provenance: str) -> str:
    """The generated block of a card, between its BEGIN and END markers."""
    kind = ("**real** public record (anonymised as described below)" if spec.kind == "real"
            else "**synthetic**: made up by a program; no row is a real person or organisation")
    if spec.identifiable:
        listed = ", ".join(f"`{name}`" for name in spec.quasi_identifiers) or "none declared"
        privacy = f"{listed}; k = 1 declared: people can be singled out, on purpose (fake people)"
    elif spec.quasi_identifiers:
        privacy = (f"{', '.join(f'`{name}`' for name in spec.quasi_identifiers)}; k = {k}: every "
                   f"combination of them is shared by at least {k} rows")
    else:
        privacy = f"none (the rows are not about people), so k = {k}, the number of rows"
    identifiable = ("**yes**: holds *fake* identifiers on purpose, for the privacy lessons"
                    if spec.identifiable else "no: no names, contact details, ID numbers or exact birth dates")
    lines = [
        BEGIN,
        "| | |",
        "|---|---|",
        f"| **Kind** | {kind} |",
        f"| **File** | `datasets/{spec.file}`: {rows:,} rows, {len(spec.columns)} columns, {size:,} bytes |",
        f"| **Open it** | `from civicai.data import load` then `load(\"{spec.name}\")` |",
        f"| **Source** | {_cell(spec.source)} |",
        f"| **Licence** | {_cell(spec.licence)} |",
        f"| **Built from** | {_cell(provenance)} |",
        f"| **Quasi-identifiers** | {privacy} |",
        f"| **Sensitive attributes** | {', '.join(f'`{name}`' for name in spec.sensitive_attributes) or 'none'} |",
        f"| **Identifiable** | {identifiable} |",
        f"| **Used in modules** | {', '.join(spec.modules)} |",
    ]
    if notes:
        lines += ["", "What the build did to the table, with the number of rows each step changed:", ""]
        lines += [f"- {note}" for note in notes]
    lines += ["", "| column | type | meaning |", "|---|---|---|"]
    for column in spec.columns:
        joiner = " < " if column.ordered else ", "
        kind_of = column.type + (f" ({joiner.join(column.levels)})" if column.levels else "")
        lines.append(f"| `{column.name}` | {_cell(kind_of)} | {_cell(column.meaning)} |")
    lines.append(END)
    return "\n".join(lines)


def render(prose: str, spec: DatasetSpec, block: str) -> str:
    """The card: the author's prose with the facts block replaced (and every section checked)."""
    if not _BLOCK.search(prose):
        raise CardError(f"datasets/{spec.name}.md needs the facts markers (a line `{BEGIN}` "
                        f"and a line `{END}`) where the build should write the facts")
    headings = re.findall(r"^## (.+?)\s*$", prose, flags=re.M)
    missing = [section for section in SECTIONS if section not in headings]
    if missing:
        raise CardError(f"datasets/{spec.name}.md lacks the section(s): {', '.join(missing)}")
    return _BLOCK.sub(lambda _: block, prose, count=1)


def index(entries: list[dict], sizes: dict[str, int]) -> str:
    """datasets/README.md: every dataset with its card, rows, k and size."""
    lines = [
        "# Datasets",
        "",
        "<!-- Written by `make datasets` (python -m civicai.data.build) from catalog.yml; do not edit. -->",
        "",
        "Small CSV files that the course's lessons and exercises use. Each has a **data card**",
        "(`<name>.md`) that says where it comes from, what was done to protect people in it, what",
        "it is for and what it must not be used for. `catalog.yml` describes every file for programs.",
        "",
        "In a notebook:",
        "",
        "```python",
        "from civicai.data import load, catalog, card",
        "catalog()                    # the list below",
        "pets = load(\"seattle_pets\")   # a table, with dates, categories and True/False typed",
        "card(\"seattle_pets\")          # the data card",
        "```",
        "",
        "**Real** files are public records, anonymised further for the course (k-anonymous on the",
        "listed quasi-identifiers, k at least 5). **Synthetic** files are made up by seeded programs",
        "in `civicai/data/synthetic/`; three of them single out their fake people on purpose (fake",
        "names, ID numbers or exact birth dates, for the privacy lessons) and are marked identifiable.",
        "`make datasets` rebuilds every file, byte for byte, from the pinned sources and seeds;",
        "`tools/benchmark_datasets.py` prints each file's load time.",
        "",
        "| dataset | kind | rows | k | identifiable | bytes | modules | title |",
        "|---|---|---:|---:|---|---:|---|---|",
    ]
    for entry in entries:
        lines.append(
            f"| [`{entry['name']}`]({entry['name']}.md) | {entry['kind']} | {entry['rows']:,} | {entry['k']:,} | "
            f"{'yes (fake)' if entry['identifiable'] else 'no'} | {sizes[entry['name']]:,} | "
            f"{', '.join(entry['modules'])} | {_cell(entry['title'])} |")
    lines += ["", f"All data files together: {sum(sizes.values()):,} bytes.", ""]
    return "\n".join(lines)
