"""Plausible mistakes in module 04's exercise, one per misconception the lesson warns about.

More variants of each mistake (a key glued to the NIK, bell-curve or rounded noise, k as the
largest group, ...) are tried directly on the visible checks in tests/test_privacy.py, which
is much faster than grading a whole notebook for each.
"""

# name: (answers by grade_id, check cells that must lose their points)
MISTAKES = {
    "removing names is enough": (
        {"q1_answer": 'direct_identifiers = ["name"]'}, {"q1"}),
    "the sensitive attribute taken for a quasi-identifier": (
        {"q2_answer": 'quasi_identifiers = ["birth_date", "sex", "kecamatan", "job", "diagnosis"]'},
        {"q2"}),
    "every joined row counted as re-identified": (
        {"q3_answer": "reidentified_share = len(release_by_year.merge(public_by_year, "
                      "on=year_quasi)) / len(release_by_year)"}, {"q3"}),
    "no single match means safe": ({"q4_answer": 'three_candidates = "b"'}, {"q4"}),
    "a plain hash is a pseudonym": (
        {"q5_answer": "def pseudonymise(nik, key):\n"
                      "    return hashlib.sha256(nik.encode()).hexdigest()\n"}, {"q5"}),
    "k taken as the number of groups": (
        {"q6_answer": 'k_households = households.groupby(["regency", "head_education"], '
                      "observed=True).ngroups"}, {"q6"}),
    "over-generalising: safe but useless": (
        {"q7_answer": 'chosen_levels = {"regency": "province", "head_sex": "hidden", '
                      '"household_size": "hidden", "head_education": "3 levels"}'}, {"q7"}),
    "k alone is enough": ({"q8_answer": 'same_value_group = "a"'}, {"q8"}),
    "noise scale epsilon instead of 1/epsilon": (
        {"q9_answer": "def dp_count(true_count, epsilon, rng):\n"
                      "    return true_count + rng.laplace(0.0, epsilon)\n"}, {"q9"}),
    "each release gets the whole budget": ({"q10_answer": "epsilon_per_month = 1.2"}, {"q10"}),
    "encryption instead of minimisation": ({"q11_answer": 'minimise = "b"'}, {"q11"}),
    "hostile: equals everything": (
        {"q6_answer": "class Yes(int):\n    def __eq__(self, other):\n        return True\n"
                      "k_households = Yes(7)"}, {"q6"}),
    "hostile: a pseudonym that equals every text": (
        {"q5_answer": "class Anything(str):\n    def __eq__(self, other):\n        return True\n"
                      "    def __ne__(self, other):\n        return False\n"
                      "def pseudonymise(nik, key):\n    return Anything('0' * 64)\n"}, {"q5"}),
}

# Correct answers written another way (see tests/grading_cases/00-start-here.py for the form):
# each must score full marks with nothing flagged.
HONEST = [
    {"name": "a tuple in another order", "answers": {
        "q1_answer": 'direct_identifiers = ("phone", "nik", "name")'}},
    {"name": "a set", "answers": {
        "q2_answer": 'quasi_identifiers = {"job", "sex", "kecamatan", "birth_date"}'}},
    {"name": "the share by hand, with groupby", "answers": {"q3_answer": (
        "candidates = public_by_year.groupby(year_quasi, observed=True).size().rename('n')\n"
        "matched = release_by_year.join(candidates, on=year_quasi)\n"
        "reidentified_share = (matched['n'] == 1).mean()")}},
    {"name": "capital letter", "answers": {"q4_answer": 'three_candidates = "C"'}},
    {"name": "hmac with keywords and the digest's name", "answers": {"q5_answer": (
        "def pseudonymise(nik, key):\n"
        '    return hmac.new(key, msg=bytes(nik, "utf-8"), digestmod="sha256").hexdigest()\n')}},
    {"name": "k from value_counts", "answers": {"q6_answer": (
        'k_households = households.value_counts(["regency", "head_education"]).min()')}},
    {"name": "the levels in another order, the default level left out", "answers": {"q7_answer": (
        'chosen_levels = {"head_education": "3 levels", "household_size": "hidden",\n'
        '                 "head_sex": "hidden"}')}},
    {"name": "spaces around the letter", "answers": {"q8_answer": "same_value_group = ' b '"}},
    {"name": "Laplace noise with named steps", "answers": {"q9_answer": (
        "def dp_count(true_count, epsilon, rng):\n"
        "    sensitivity = 1\n"
        "    noise = rng.laplace(scale=sensitivity / epsilon)\n"
        "    return float(true_count + noise)\n")}},
    {"name": "the budget typed in", "answers": {"q10_answer": "epsilon_per_month = 0.1"}},
    {"name": "the letter in brackets", "answers": {"q11_answer": 'minimise = "(a)"'}},
    {"name": "the course's keyed hash", "answers": {"q5_answer": (
        "def pseudonymise(nik, key):\n    return privacy.keyed_hash(nik, key)\n")}},
    {"name": "k from groupby size", "answers": {"q6_answer": (
        'k_households = int(households.groupby(["regency", "head_education"], observed=True)'
        '.size().min())')}},
    {"name": "the share rounded to the stated three decimals", "answers": {"q3_answer": (
        "reidentified_share = round(privacy.linkage_attack(release_by_year, public_by_year,\n"
        "                                                  year_quasi).rate, 3)")}},
    {"name": "the budget divided, rounded", "answers": {"q10_answer": (
        "epsilon_per_month = round(1.2 / 12, 3)")}},
    {"name": "the choice read from the table with query", "answers": {"q7_answer": (
        'best = choices.query("`k before suppression` >= 5")'
        '.sort_values("analysis error (points)").iloc[0]\n'
        'chosen_levels = {column: best[column] for column in ["regency", "head_sex",\n'
        '                                                     "household_size", "head_education"]}')}},
    {"name": "noise with numpy's own Laplace on the given generator", "answers": {"q9_answer": (
        "def dp_count(true_count, epsilon, rng):\n"
        "    return true_count + rng.laplace(0, 1 / epsilon)\n")}},
    {"name": "extra cells to look at the tables", "after": {
        "q6_answer": 'households.groupby(["regency", "head_education"], observed=True).size().sort_values().head()',
        "q3_answer": "release_by_year.head()"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
