"""Plausible mistakes in module 04's exercise, one per misconception the lesson warns about.

At least one per graded part, each with the words of the message the learner must get
(removing names is enough, the sensitive attribute or a direct identifier taken for a
quasi-identifier, every joined row or every candidate counted as re-identified, a short list
of suspects taken for safety, a plain or home-made hash, a key written into the notebook or
left out, k as the number or the largest of the groups, the wrong ladder and hiding what the
planner needs, k is enough, identity for attribute disclosure, the noise's scale, a fixed
seed, noise added twice, rounding, each release given the whole budget, security or
retention instead of minimisation), plus hostile answers.

Questions 5 and 9 leave one blank in a function (the keyed hash, the noise's scale): their
mistakes are listed both in that blank and as a learner who rewrote the whole function.

More variants of each mistake (HMAC with MD5, the NIK and the key swapped, the example NIK
written in, bell-curve noise, the count added twice, NumPy's shared generator, ...) are tried
directly on the visible checks in tests/test_privacy.py, and every slip the instructor source
names (k on one column, sample uniques, a budget multiplied, ...) is judged both ways by
tests/test_checks.py: much faster than grading a whole notebook for each.
"""


def _pseudonymise(body):
    return "def pseudonymise(nik, key):\n    " + body + "\n"


def _dp_count(body):
    return "def dp_count(true_count, epsilon, rng):\n    " + body + "\n"


# The two functions as the learner version gives them, with their one blank filled in.
def keyed_hash(blank):
    """pseudonymise as the notebook writes it, with `blank` in place of the `...`."""
    return ("def pseudonymise(nik, key):\n"
            '    """The keyed pseudonym of `nik` (text) with the secret `key` (bytes)."""\n'
            '    nik_bytes = nik.encode("utf-8")\n'
            f"    keyed_hash = (\n        {blank}\n    )\n"
            "    return keyed_hash.hexdigest()\n")


def noise_scale(blank):
    """dp_count as the notebook writes it, with `blank` in place of the `...`."""
    return ("def dp_count(true_count, epsilon, rng):\n"
            '    """The count plus Laplace noise for a count (sensitivity 1), drawn from `rng`."""\n'
            "    sensitivity = 1\n"
            f"    scale = (\n        {blank}\n    )\n"
            "    noise = rng.laplace(loc=0.0, scale=scale)\n"
            "    return true_count + noise\n")


REMEMBERS_FIRST_PSEUDONYM = '''pseudonyms = {}


def pseudonymise(nik, key):
    # the same NIK must always give the same pseudonym: keep a table of them
    if nik not in pseudonyms:
        pseudonyms[nik] = hmac.new(key, nik.encode("utf-8"), hashlib.sha256).hexdigest()
    return pseudonyms[nik]
'''

OWN_FIXED_SEED = '''def dp_count(true_count, epsilon, rng):
    generator = np.random.default_rng(0)
    return true_count + generator.laplace(loc=0.0, scale=1 / epsilon)
'''

ATTACK = "attack = privacy.linkage_attack(release_by_year, public_by_year, year_quasi)\n"
LEVELS = ('chosen_levels = {{"regency": "{0}", "head_sex": "{1}", "household_size": "{2}", '
          '"head_education": "{3}"}}')

# name: (answers by grade_id, check cells that must lose their points, {check: words told})
MISTAKES = {
    # q1: direct identifiers
    "removing names is enough": (
        {"q1_answer": 'direct_identifiers = ["name"]'}, {"q1"},
        {"q1": "Removing the name is not enough"}),
    "the birth date taken for a direct identifier": (
        {"q1_answer": 'direct_identifiers = ["nik", "name", "phone", "birth_date"]'}, {"q1"},
        {"q1": "`birth_date` is a quasi-identifier"}),
    # q2: quasi-identifiers
    "the sensitive attribute taken for a quasi-identifier": (
        {"q2_answer": 'quasi_identifiers = ["birth_date", "sex", "kecamatan", "job", "diagnosis"]'},
        {"q2"}, {"q2": "`diagnosis` is the sensitive attribute"}),
    "the lesson's three quasi-identifiers copied": (
        {"q2_answer": 'quasi_identifiers = ["birth_date", "sex", "kecamatan"]'}, {"q2"},
        {"q2": "quasi-identifiers of the lesson's hospital release"}),
    # q3: the linkage attack
    "every joined row counted as re-identified": (
        {"q3_answer": "reidentified_share = len(release_by_year.merge(public_by_year, "
                      "on=year_quasi)) / len(release_by_year)"}, {"q3"},
        {"q3": "That counts every joined row"}),
    "the lesson's attack on full birth dates": (
        {"q3_answer": "reidentified_share = privacy.linkage_attack(release, public_list, "
                      '["birth_date", "sex", "kecamatan"]).rate'}, {"q3"},
        {"q3": "the share with full birth dates"}),
    "the number of records instead of the share": (
        {"q3_answer": ATTACK + "reidentified_share = attack.unique_matches"}, {"q3"},
        {"q3": "not a share"}),
    # q4: three candidates
    "no single match means safe": (
        {"q4_answer": 'three_candidates = "b"'}, {"q4"},
        {"q4": "No single match is not the same as safe"}),
    "several candidates means re-identified": (
        {"q4_answer": 'three_candidates = "a"'}, {"q4"},
        {"q4": "Re-identified means exactly one candidate"}),
    # q5: a keyed pseudonym
    "a plain hash is a pseudonym": (
        {"q5_answer": _pseudonymise("return hashlib.sha256(nik.encode()).hexdigest()")}, {"q5"},
        {"q5": "plain SHA-256 of the NIK"}),
    "the key glued to the NIK": (
        {"q5_answer": _pseudonymise("return hashlib.sha256(key + nik.encode()).hexdigest()")},
        {"q5"}, {"q5": "glues the key and the NIK together"}),
    "the practice key written into the function": (
        {"q5_answer": _pseudonymise(
            "return hmac.new(practice_key, nik.encode(), hashlib.sha256).hexdigest()")}, {"q5"},
        {"q5": "uses the practice key written in the notebook"}),
    "the NIK not turned into bytes": (
        {"q5_answer": _pseudonymise("return hmac.new(key, nik, hashlib.sha256).hexdigest()")},
        {"q5"}, {"q5": "Turn the NIK into bytes first"}),
    "a table that remembers each NIK's first pseudonym (hidden input)": (
        {"q5_answer": REMEMBERS_FIRST_PSEUDONYM}, {"q5"},
        {"q5": "The same NIK with another key must give another pseudonym"}),
    "the key turned into text first (hidden input)": (
        {"q5_answer": _pseudonymise("return privacy.keyed_hash(nik, key.decode())")}, {"q5"},
        {"q5": "A real key is random bytes"}),
    # q5, in the one blank the notebook leaves (the keyed hash itself)
    "blank: a plain hash of the NIK's bytes": (
        {"q5_answer": keyed_hash("hashlib.sha256(nik_bytes)")}, {"q5"},
        {"q5": "plain SHA-256 of the NIK"}),
    "blank: the practice key instead of the key given": (
        {"q5_answer": keyed_hash("hmac.new(practice_key, nik_bytes, hashlib.sha256)")}, {"q5"},
        {"q5": "uses the practice key written in the notebook"}),
    "blank: the lesson's key": (
        {"q5_answer": keyed_hash("hmac.new(demo_key, nik_bytes, hashlib.sha256)")}, {"q5"},
        {"q5": "`demo_key` was the lesson's key"}),
    "blank: the NIK and the key swapped": (
        {"q5_answer": keyed_hash("hmac.new(nik_bytes, key, hashlib.sha256)")}, {"q5"},
        {"q5": "The NIK and the key have swapped places"}),
    "blank: the hexadecimal text made twice": (
        {"q5_answer": keyed_hash("hmac.new(key, nik_bytes, hashlib.sha256).hexdigest()")},
        {"q5"}, {"q5": "the function's last line calls `.hexdigest()` for you"}),
    "blank: no hash named": (
        {"q5_answer": keyed_hash("hmac.new(key, nik_bytes)")}, {"q5"},
        {"q5": "`hmac.new` has to be told which hash"}),
    # q6: k of a table
    "k taken as the number of groups": (
        {"q6_answer": 'k_households = households.groupby(["regency", "head_education"], '
                      "observed=True).ngroups"}, {"q6"},
        {"q6": "That is the number of groups"}),
    "k taken as the largest group": (
        {"q6_answer": 'k_households = households.value_counts(["regency", "head_education"])'
                      ".max()"}, {"q6"},
        {"q6": "That is the size of the largest group"}),
    # q7: generalisation
    "over-generalising: safe but useless": (
        {"q7_answer": LEVELS.format("province", "hidden", "hidden", "3 levels")}, {"q7"},
        {"q7": "Provinces instead of regencies"}),
    "education kept exact: k is only 4": (
        {"q7_answer": LEVELS.format("regency", "hidden", "hidden", "exact")}, {"q7"},
        {"q7": "With these levels k is 4"}),
    "hiding what the planner needs": (
        {"q7_answer": LEVELS.format("regency", "hidden", "hidden", "hidden")}, {"q7"},
        {"q7": "Hiding the head's education reaches k = 5"}),
    # q8: l-diversity
    "k alone is enough": (
        {"q8_answer": 'same_value_group = "a"'}, {"q8"},
        {"q8": "k = 8 protects against finding a household's row"}),
    "attribute disclosure taken for identity disclosure": (
        {"q8_answer": 'same_value_group = "c"'}, {"q8"},
        {"q8": "every household still hides among 8 look-alike rows"}),
    # q9: a differentially private count
    "noise scale epsilon instead of 1/epsilon": (
        {"q9_answer": _dp_count("return true_count + rng.laplace(0.0, epsilon)")}, {"q9"},
        {"q9": "Yours has the size of epsilon itself"}),
    "noise added twice": (
        {"q9_answer": _dp_count("return true_count + rng.laplace(0.0, 1 / epsilon) "
                                "+ rng.laplace(0.0, 1 / epsilon)")}, {"q9"},
        {"q9": "noise drawn twice and added twice"}),
    "a generator of its own with a fixed seed": (
        {"q9_answer": OWN_FIXED_SEED}, {"q9"},
        {"q9": "the same noise every time"}),
    "the noisy count rounded": (
        {"q9_answer": _dp_count("return round(true_count + rng.laplace(0.0, 1 / epsilon))")},
        {"q9"}, {"q9": "do not round inside it"}),
    "a scale worked out for epsilon 0.5 typed in (hidden input)": (
        {"q9_answer": _dp_count("return true_count + rng.laplace(0.0, 2)")}, {"q9"},
        {"q9": "the same size whatever epsilon is"}),
    # q9, in the one blank the notebook leaves (the noise's scale)
    "blank: the scale is epsilon": (
        {"q9_answer": noise_scale("epsilon")}, {"q9"},
        {"q9": "Yours has the size of epsilon itself"}),
    "blank: the sensitivity alone": (
        {"q9_answer": noise_scale("sensitivity")}, {"q9"},
        {"q9": "is the scale the sensitivity alone?"}),
    "blank: twice the scale": (
        {"q9_answer": noise_scale("2 / epsilon")}, {"q9"},
        {"q9": "That is twice the right size"}),
    "blank: the example's scale typed in (hidden input)": (
        {"q9_answer": noise_scale("2")}, {"q9"},
        {"q9": "the same size whatever epsilon is"}),
    "blank: a negative scale": (
        {"q9_answer": noise_scale("-sensitivity / epsilon")}, {"q9"},
        {"q9": "the scale is below 0"}),
    # q10: the privacy budget
    "each release gets the whole budget": (
        {"q10_answer": "epsilon_per_month = 1.2"}, {"q10"},
        {"q10": "every month the whole year's budget"}),
    "the lesson's budget of 1": (
        {"q10_answer": "epsilon_per_month = 1 / 12"}, {"q10"},
        {"q10": "the lesson's example"}),
    # q11: the law
    "encryption instead of minimisation": (
        {"q11_answer": 'minimise = "b"'}, {"q11"}, {"q11": "Encryption is good practice"}),
    "deletion instead of minimisation": (
        {"q11_answer": 'minimise = "c"'}, {"q11"},
        {"q11": "Deleting data when its retention period ends"}),
    # hostile answers
    "hostile: equals everything": (
        {"q6_answer": "class Yes(int):\n    def __eq__(self, other):\n        return True\n"
                      "k_households = Yes(7)"}, {"q6"},
        {"q6": "behaves like a number but is not an ordinary number"}),
    "hostile: a pseudonym that equals every text": (
        {"q5_answer": "class Anything(str):\n    def __eq__(self, other):\n        return True\n"
                      "    def __ne__(self, other):\n        return False\n"
                      "def pseudonymise(nik, key):\n    return Anything('0' * 64)\n"}, {"q5"},
        {"q5": "it should give back text"}),
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
    {"name": "direct identifiers picked from the register's columns", "answers": {"q1_answer": (
        'direct_identifiers = list(register.columns[:3])')}},
    {"name": "hmac's one-call digest, written as hexadecimal", "answers": {"q5_answer": (
        "def pseudonymise(nik, key):\n"
        '    return hmac.digest(key, nik.encode("utf-8"), "sha256").hex()\n')}},
    {"name": "Laplace noise centred on the count", "answers": {"q9_answer": (
        "def dp_count(true_count, epsilon, rng):\n"
        "    return rng.laplace(loc=true_count, scale=1 / epsilon)\n")}},
    {"name": "the levels read from the lesson's sort (suppressed rows, then error)", "answers": {
        "q7_answer": (
            'best = choices.sort_values(["rows suppressed", "analysis error (points)"]).iloc[0]\n'
            'chosen_levels = {column: best[column] for column in ["regency", "head_sex",\n'
            '                                                     "household_size", "head_education"]}')}},
    {"name": "k from the smallest class size", "answers": {"q6_answer": (
        'k_households = int(privacy.class_sizes(households, ["regency", "head_education"]).min())')}},
    {"name": "the budget as a fraction of the year", "answers": {"q10_answer": (
        "months = 12\nepsilon_per_month = 1.2 * (1 / months)")}},
    # the one blank of each function, filled in other ways
    {"name": "the blank: hmac with keywords and the hash's name", "answers": {"q5_answer": (
        keyed_hash('hmac.new(key, msg=nik_bytes, digestmod="sha256")'))}},
    {"name": "the blank: the NIK encoded again, in the blank", "answers": {"q5_answer": (
        keyed_hash('hmac.new(key, nik.encode(), hashlib.sha256)'))}},
    {"name": "the blank: the scale as 1 / epsilon", "answers": {"q9_answer": (
        noise_scale("1 / epsilon"))}},
    {"name": "the blank: the scale with a power", "answers": {"q9_answer": (
        noise_scale("sensitivity * epsilon ** -1"))}},
]
