"""The one exception the data loader raises, shown as a short message rather than a traceback.

Learners meet it when they mistype a dataset name or when a file is missing or
damaged. It is a `civicai.errors.LearnerError` (so IPython shows only its
message: what went wrong, what to do) and a LookupError (what it means to
Python code: the thing asked for was not found).
"""
from __future__ import annotations

from civicai.errors import LearnerError


class DatasetError(LearnerError, LookupError):
    """A dataset could not be found, read or trusted; the message says what to do."""
