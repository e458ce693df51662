"""The course's datasets: `load(name)`, `catalog()` and `card(name)`.

    from civicai.data import load, catalog, card
    catalog()                       # every dataset, one line each
    complaints = load("complaints")  # a typed table (categories, dates, True/False)
    card("complaints")              # where it comes from, what it may be used for

The files live in the repository's `datasets/` folder and are rebuilt by
`make datasets` (`civicai.data.build`): real public records are prepared in
`civicai.data.real`, synthetic ones generated in `civicai.data.synthetic`.
"""
from civicai.data.errors import DatasetError
from civicai.data.loader import DATASETS_DIR, card, catalog, load

__all__ = ["DatasetError", "DATASETS_DIR", "card", "catalog", "load"]
