"""Tools of module 04, Privacy and anonymisation: measure disclosure risk and reduce it.

- `nik`: the structure of Indonesia's NIK, why a plain hash of it can be
  reversed, and keyed pseudonymisation (HMAC) that cannot;
- `risk`: equivalence classes, k-anonymity, sample uniques, l-diversity;
- `linkage`: the linkage attack (join a release to a public list);
- `generalise`: ladders of generalisation, suppression, and the cost in
  usefulness (`analysis_error`);
- `ladders`: the generalisation ladders of the course's household register;
- `dp`: differential privacy for counts (the Laplace mechanism, the budget);
- `report`: a disclosure-risk report with suggested generalisations (sandbox);
- `explore`: charts and the widgets of the lesson.

The lesson shows each idea step by step, then uses these tools; the
exercise, the sandbox and the tests call the same functions.
"""
from civicai.privacy.dp import (
    PrivacyBudget,
    chance_within,
    error_by_epsilon,
    laplace_scale,
    noisy_count,
)
from civicai.privacy.generalise import (
    Ladder,
    analysis_error,
    as_is,
    compare_levels,
    generalise,
    hidden,
    ladder,
    lookup,
    number_band,
    suppress,
    to_month,
    to_year,
    try_levels,
    year_band,
)
from civicai.privacy.ladders import household_ladders
from civicai.privacy.linkage import LinkageResult, linkage_attack
from civicai.privacy.nik import (
    candidate_niks,
    keyed_hash,
    make_nik,
    new_secret_key,
    parse_nik,
    plain_hash,
    reverse_plain_hashes,
    search_space_size,
    time_to_try,
)
from civicai.privacy.report import (
    DisclosureReport,
    automatic_ladder,
    disclosure_report,
    suggest_levels,
)
from civicai.privacy.risk import (
    class_sizes,
    class_table,
    k_anonymity,
    l_diversity,
    rows_below,
    uniques,
)

__all__ = [
    "DisclosureReport", "Ladder", "LinkageResult", "PrivacyBudget", "analysis_error", "as_is",
    "automatic_ladder", "candidate_niks", "chance_within", "class_sizes", "class_table",
    "compare_levels", "disclosure_report", "error_by_epsilon", "generalise", "hidden",
    "household_ladders", "k_anonymity", "keyed_hash", "l_diversity", "ladder", "laplace_scale",
    "linkage_attack", "lookup", "make_nik", "new_secret_key", "noisy_count", "number_band",
    "parse_nik", "plain_hash", "reverse_plain_hashes", "rows_below", "search_space_size",
    "suggest_levels", "suppress", "time_to_try", "to_month", "to_year", "try_levels", "uniques",
    "year_band",
]
