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
