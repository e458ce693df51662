"""Open the course's datasets: `load(name)`, `catalog()` and `card(name)`.

Learners read the committed CSV files in `datasets/`; nothing is downloaded or
generated at run time. Every problem a learner can meet (a mistyped name, a
deleted or damaged file) ends in one `DatasetError` whose message says what
happened and what to do, never in a pandas traceback.
"""
from __future__ import annotations

import difflib
import html
import re
from pathlib import Path

import pandas as pd
import yaml

from civicai import REPO_ROOT
from civicai.data.errors import DatasetError
from civicai.data.schema import Column, ColumnTypeError, read_csv_parsed, read_csv_text, typed

#: Where the data files live (the repository's datasets/ folder).
DATASETS_DIR = REPO_ROOT / "datasets"
CATALOG_FILE = "catalog.yml"
REBUILD = ("Rebuild the course's data files with `make datasets` in the course folder "
           "(or `python -m civicai.data.build`), then run this cell again.")

_cache: dict[Path, tuple[tuple[int, int], dict]] = {}


def _shown(path: Path) -> str:
    """A path as the learner should read it: relative to the course folder when possible."""
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _entries(folder: Path | None = None) -> dict[str, dict]:
    """The catalog as {name: entry}, read once and re-read only when the file changes."""
    path = (folder or DATASETS_DIR) / CATALOG_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DatasetError(f"The dataset catalog {_shown(path)} is missing.\n{REBUILD}") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    if path in _cache and _cache[path][0] == stamp:
        return _cache[path][1]
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        entries = {entry["name"]: entry for entry in document["datasets"]}
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError) as error:
        raise DatasetError(f"The dataset catalog {_shown(path)} is damaged ({type(error).__name__}).\n"
                           f"{REBUILD}") from None
    _cache[path] = (stamp, entries)
    return entries


def _entry(name, folder: Path | None = None) -> dict:
    return _lookup(_entries(folder), name)


def _lookup(entries: dict[str, dict], name) -> dict:
    """The catalog entry called `name`, or a DatasetError that suggests the closest name."""
    if not isinstance(name, str):
        raise DatasetError(f"Give the dataset's name as text in quotes, for example load(\"complaints\"); "
                           f"got {type(name).__name__} {name!r}.\nThe datasets are: {', '.join(entries)}.")
    if name in entries:
        return entries[name]
    guess = difflib.get_close_matches(name.strip().lower().removesuffix(".csv"), list(entries), n=1, cutoff=0.5)
    hint = f" Did you mean {guess[0]!r}?" if guess else ""
    raise DatasetError(f"There is no dataset called {name!r}.{hint}\n"
                       f"The datasets are: {', '.join(entries)}.\n"
                       "catalog() lists them with a line about each.")


def _header(path: Path) -> list[str]:
    return list(pd.read_csv(path, nrows=0, dtype="str").columns)


def _parsed(path: Path, columns: tuple[Column, ...]) -> pd.DataFrame:
    """The fast read; on a value it cannot parse, the text read, so `typed` can say which one."""
    try:
        return read_csv_parsed(path, columns)
    except (ValueError, TypeError) as error:
        if isinstance(error, (UnicodeDecodeError, pd.errors.ParserError)):
            raise
        return read_csv_text(path)


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """One dataset as a table, with each column in its proper type (categories, dates, True/False).

    >>> complaints = load("complaints")

    `folder` reads another copy of the datasets folder (a fresh build, a test's copy).
    """
    entry = _entry(name, folder)
    path = (folder or DATASETS_DIR) / entry["file"]
    damaged = f"The file {_shown(path)} is damaged"
    if not path.is_file():
        raise DatasetError(f"The file {_shown(path)} is missing.\n{REBUILD}")
    columns = tuple(Column.from_catalog(column) for column in entry["columns"])
    expected = [column.name for column in columns]
    try:
        header = _header(path)
        if header != expected:
            missing = [name for name in expected if name not in header]
            extra = [name for name in header if name not in expected]
            detail = (f"missing column(s): {', '.join(missing)}" if missing else
                      f"unexpected column(s): {', '.join(map(str, extra))}" if extra else
                      "its columns are out of order")
            raise DatasetError(f"{damaged}: {detail}.\n{REBUILD}")
        raw = _parsed(path, columns)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DatasetError(f"{damaged}: it cannot be read as a table ({reason}).\n{REBUILD}") from None
    if len(raw) != entry["rows"]:
        raise DatasetError(f"{damaged}: it has {len(raw):,} rows, the catalog says {entry['rows']:,}.\n{REBUILD}")
    frame = {}
    for column in columns:
        try:
            frame[column.name] = typed(raw[column.name], column)
        except ColumnTypeError as error:
            raise DatasetError(f"{damaged}: column {column.name!r} should hold {column.type} values "
                               f"({error}).\n{REBUILD}") from None
    return pd.DataFrame(frame)


class Catalog:
    """The list of datasets: a table in JupyterLab, one line per dataset when printed."""

    def __init__(self, entries: dict[str, dict]):
        self._entries = entries

    @property
    def names(self) -> list[str]:
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries.values())

    def __getitem__(self, name: str) -> dict:
        return _lookup(self._entries, name)

    def to_frame(self) -> pd.DataFrame:
        """The catalog as a DataFrame (one row per dataset), for filtering and sorting."""
        keys = ("name", "kind", "rows", "title", "modules", "k", "identifiable")
        return pd.DataFrame([{key: entry.get(key) for key in keys} for entry in self])

    def __repr__(self) -> str:
        width = max(len(name) for name in self._entries)
        lines = [f"{'name':{width}}  {'kind':9}  {'rows':>7}  title"]
        lines += [f"{entry['name']:{width}}  {entry['kind']:9}  {entry['rows']:>7,}  {entry['title']}"
                  for entry in self]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(entry['name'])}</code></td><td>{entry['kind']}</td>"
            f"<td style='text-align:right'>{entry['rows']:,}</td><td>{html.escape(entry['title'])}</td>"
            f"<td>{', '.join(entry['modules'])}</td></tr>" for entry in self)
        return ("<table><caption>The course's datasets: <code>load(\"name\")</code> opens one, "
                "<code>card(\"name\")</code> tells its story</caption>"
                "<thead><tr><th>name</th><th>kind</th><th>rows</th><th>title</th><th>modules</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")


def catalog(folder: Path | None = None) -> Catalog:
    """Every dataset, one line each: name, real or synthetic, rows, title."""
    return Catalog(_entries(folder))


class Card:
    """A data card: rendered Markdown in JupyterLab, plain text when printed."""

    def __init__(self, name: str, markdown: str):
        self.name, self.markdown = name, markdown

    def __repr__(self) -> str:
        return re.sub(r"<!--.*?-->\n?", "", self.markdown, flags=re.S).strip()

    def _repr_markdown_(self) -> str:
        return self.markdown


def card(name: str, folder: Path | None = None) -> Card:
    """The data card of one dataset: where it comes from, what is in it, what it must not be used for."""
    entry = _entry(name, folder)
    path = (folder or DATASETS_DIR) / f"{entry['name']}.md"
    try:
        return Card(entry["name"], path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"The data card {_shown(path)} is missing.\n{REBUILD}") from None
    except UnicodeDecodeError:
        raise DatasetError(f"The data card {_shown(path)} is damaged.\n{REBUILD}") from None
