"""The generalisation ladders of the course's household register (dataset `households`).

The lesson builds one ladder by hand and then uses these; the exercise and its
checks use the same ones, so that a learner's choice of levels is judged on
exactly the table they see.
"""
from __future__ import annotations

import pandas as pd

from civicai.privacy.generalise import Ladder, as_is, hidden, ladder, lookup
from civicai.privacy.risk import check_table

#: Household sizes grouped the way assistance programmes often count them.
SIZE_BANDS = {str(size): "1-2" if size <= 2 else "3-4" if size <= 4 else "5-6" if size <= 6
              else "7 or more" for size in range(1, 41)}
#: The head's schooling in three levels instead of five.
EDUCATION_LEVELS = {"none": "primary or less", "primary": "primary or less",
                    "junior secondary": "secondary", "senior secondary": "secondary",
                    "tertiary": "tertiary"}


def household_ladders(households: pd.DataFrame) -> dict[str, Ladder]:
    """{column: ladder} for the quasi-identifiers of the household register."""
    check_table(households, ["regency", "province"], "the household register")
    # .tolist(): iterating a column of text goes through pandas one value at a time
    # (24,000 Python calls here, 100 times slower); a graded check builds these ladders
    province_of = dict(zip(households["regency"].astype(str).tolist(),
                           households["province"].astype(str).tolist()))
    return {
        "regency": ladder("regency", ("regency", as_is),
                          ("province", lookup(province_of, "province"))),
        "urban": ladder("urban", ("as is", as_is), ("hidden", hidden)),
        "head_sex": ladder("head_sex", ("as is", as_is), ("hidden", hidden)),
        "head_age_band": ladder("head_age_band", ("as is", as_is), ("hidden", hidden)),
        "household_size": ladder("household_size", ("exact", as_is),
                                 ("bands", lookup(SIZE_BANDS, "size band")), ("hidden", hidden)),
        "head_education": ladder("head_education", ("exact", as_is),
                                 ("3 levels", lookup(EDUCATION_LEVELS, "education level")),
                                 ("hidden", hidden)),
    }
