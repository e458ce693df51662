# %% [markdown]
# # Module 04 exercise — Privacy and anonymisation
#
# ⏱️ About 45 minutes · 12 questions: 11 checked by the computer (22 points) and 1 short
# written answer read by your instructor (4 points)
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# You will classify columns, attack a release, pseudonymise NIK numbers, measure and reach
# k-anonymity, and publish a count with differential privacy. Every tool you need was used in
# the [lesson](lesson.ipynb).
#
# **How it works:** write your answer in each cell marked ✏️ (replace the `...`), run it, then run
# the check below it. A check says ✏️ *not attempted yet*, 🔎 *not right yet* (with a hint), or ✅
# *correct*. A ✅ is the grade your instructor will see. In the two functions (questions 5 and
# 9) you complete one line, as in question 5 of the practice; they are also tried on inputs you
# do not see.
#
# > All people in these tables are made up (synthetic data).
#
# Run the next cell first: it loads the tools, the checks and the data.

# %%
import hashlib
import hmac

import numpy as np
import pandas as pd

from civicai import privacy
from civicai.checks import privacy as checks
from civicai.data import load

release = load("health_release")
public_list = load("voter_list")
households = load("households")

# %% [markdown]
# ## Part A — What kind of column is it?
#
# A BPJS Kesehatan branch office keeps this member register (made up):

# %%
register = pd.DataFrame({
    "nik": ["3471065007849001", "3471061203919002", "3471054405889001"],
    "name": ["Sri Wahyuni", "Agus Santoso", "Dewi Lestari"],
    "phone": ["0812-5550-1234", "0857-5550-9876", "0813-5550-4321"],
    "birth_date": ["1984-07-10", "1991-03-12", "1988-05-04"],
    "sex": ["F", "M", "F"],
    "kecamatan": ["Gondokusuman", "Gondokusuman", "Umbulharjo"],
    "job": ["teacher", "driver", "trader"],
    "diagnosis": ["Diabetes", "Tuberculosis", "Hypertension"],
})
register

# %% [markdown]
# ### Question 1 — direct identifiers (2 points)
#
# Which columns are **direct identifiers**: each one points to one person on its own?
#
# ✏️ Write a list of column names, for example `direct_identifiers = ["sex", "job"]`.

# %% nbgrader="answer" grade_id="q1_answer"
direct_identifiers = (
    ### BEGIN SOLUTION
    ["nik", "name", "phone"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# If you knew only this one value about a stranger, could you find them or contact them?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# There are three: an ID number, a name and a way to reach the person.
# </details>

# %% nbgrader="check" grade_id="q1" points=2
checks.q1.check()
### BEGIN HIDDEN TESTS
checks.q1.hidden(slips=[
    (["name"],
     "Removing the name is not enough (section 1 of the lesson): other columns of this "
     "register also point to one person on their own. Section 2's table lists examples."),
    (["nik", "name"],
     "Right so far, but one more column points to one person on its own: which other value "
     "alone would let you find or contact a stranger?"),
    (["name", "phone"],
     "Right so far, but one more column points to one person on its own. Section 2's table "
     "of the lesson lists the usual direct identifiers: compare it with this register."),
    (["nik", "name", "phone", "birth_date"],
     "`birth_date` is a quasi-identifier, not a direct identifier: many people share a birth "
     "date, and it singles someone out only together with other columns."),
    (["nik", "name", "phone", "diagnosis"],
     "`diagnosis` is the sensitive attribute: it is what must not be learned about a person, "
     "not a value that points to them."),
    (["nik", "name", "phone", "birth_date", "sex", "kecamatan", "job"],
     "Your list also has the quasi-identifiers: columns that identify people only in "
     "combination. A direct identifier points to one person on its own."),
    (["nik", "name", "phone", "birth_date", "sex", "kecamatan", "job", "diagnosis"],
     "That is every column of the register. A direct identifier points to one person on its "
     "own: most of these columns do not."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 2 — quasi-identifiers (2 points)
#
# Which columns are **quasi-identifiers**: harmless alone, identifying in combination, and known
# to outsiders (neighbours, a public list, social media)? Leave out the direct identifiers and the
# sensitive attribute.
#
# ✏️ `quasi_identifiers = [...]`

# %% nbgrader="answer" grade_id="q2_answer"
quasi_identifiers = (
    ### BEGIN SOLUTION
    ["birth_date", "sex", "kecamatan", "job"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The sensitive attribute is what an attacker wants to learn; a quasi-identifier is what they
# already know and use to find the row.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Four columns: when someone was born, their sex, where they live and what they do for a living.
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden(slips=[
    (["birth_date", "sex", "kecamatan", "job", "diagnosis"],
     "`diagnosis` is the sensitive attribute: it is what the attacker wants to learn, not "
     "something they already know and use to find the row. Leave it out."),
    (["birth_date", "sex", "kecamatan"],
     "Those are the three quasi-identifiers of the lesson's hospital release. This register "
     "has one more column that neighbours or a public list could tell an attacker."),
    (["nik", "name", "phone", "birth_date", "sex", "kecamatan", "job"],
     "Your list includes the direct identifiers. The question asks to leave them out: they "
     "are removed (or pseudonymised) before release, not measured."),
    (["nik", "birth_date", "sex", "kecamatan", "job"],
     "`nik` is a direct identifier (it points to one person on its own), even though its "
     "digits also hold the birth date and the sex. Leave the direct identifiers out."),
    (["sex", "kecamatan", "job"],
     "A column is missing: one that is harmless alone, identifying together with the others, "
     "and printed on almost every public list (the lesson's voter list has it)."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part B — A linkage attack
#
# The hospital of the lesson decides that full birth dates are too risky. It publishes the
# release again with only the **birth year**. The attacker does the same to the public list:

# %%
release_by_year = release.assign(birth_year=release["birth_date"].dt.year)
public_by_year = public_list.assign(birth_year=public_list["birth_date"].dt.year)
year_quasi = ["birth_year", "sex", "kecamatan"]

# %% [markdown]
# ### Question 3 — what share is still re-identified? (2 points)
#
# Run the linkage attack on `release_by_year` and `public_by_year`, joining on `year_quasi`.
# What **share** of the release's records match exactly one person on the public list? Give a
# number between 0 and 1 (for example 0.25 for a quarter), at least 3 decimals.
#
# ✏️ `reidentified_share = ...`

# %% nbgrader="answer" grade_id="q3_answer"
reidentified_share = (
    ### BEGIN SOLUTION
    privacy.linkage_attack(release_by_year, public_by_year, year_quasi).rate
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Section 3 of the lesson ran this attack on full birth dates, with one of the course's tools
# (its result says how many records have one candidate, several, or none). Run the same attack
# on this part's two `_by_year` tables and its three columns. The share counts only the records
# with **exactly one** candidate, out of all the records of the release.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `privacy.linkage_attack(release_by_year, public_by_year, year_quasi).rate`
# </details>

# %% nbgrader="check" grade_id="q3" points=2
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden(slips=[
    (lambda: len(release_by_year.merge(public_by_year, on=year_quasi)) / len(release_by_year),
     "That counts every joined row: a record that matches several people is counted once for "
     "each of them. Count only the records with exactly one candidate."),
    (lambda: privacy.linkage_attack(release, public_list, ["birth_date", "sex", "kecamatan"]).rate,
     "That is the share with full birth dates, the lesson's attack. Run the attack on this "
     "part's tables, which have only the birth year."),
    (lambda: (lambda attack: (attack.unique_matches + attack.ambiguous) / len(release_by_year))(
        privacy.linkage_attack(release_by_year, public_by_year, year_quasi)),
     "That counts every record with at least one candidate. Re-identified means exactly one "
     "candidate: a record with several is not re-identified (yet)."),
    (lambda: privacy.linkage_attack(release_by_year, public_by_year, year_quasi).ambiguous
     / len(release_by_year),
     "That is the share of records with several candidates. Re-identified means exactly one."),
    (lambda: 1 - privacy.linkage_attack(release_by_year, public_by_year, year_quasi).rate,
     "That is the share of records that are not re-identified. The question asks for the "
     "share that is."),
    (lambda: privacy.linkage_attack(release_by_year, public_by_year, year_quasi).unique_matches
     / len(public_by_year),
     "That divides by the number of people on the public list. The share is of the release's "
     "records: divide by the number of records in the release."),
    (lambda: privacy.linkage_attack(release_by_year, public_by_year, year_quasi).unique_matches,
     "That is the number of re-identified records, not a share: divide it by the number of "
     "records in the release."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 4 — three candidates (1 point)
#
# In the attack, one release record matches **three** people on the public list. Which statement
# is right?
#
# - **a)** It is re-identified: the patient is surely one of these three named people, so the
#   attack counts the record as a match.
# - **b)** It is safe: with no single match, the attacker cannot tell which of the three people
#   is the patient, so nothing is disclosed.
# - **c)** It is not re-identified, but it is at risk: three suspects is a short list, and one
#   more fact could single the patient out.
#
# ✏️ `three_candidates = "..."` (one letter)

# %% nbgrader="answer" grade_id="q4_answer"
three_candidates = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Re-identified means exactly one candidate. But is "not re-identified" the same as "safe"?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# This is why k-anonymity asks for groups of at least 3 or 5, not just "no group of 1".
# </details>

# %% nbgrader="check" grade_id="q4" points=1
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden(slips=[
    ("a", "Re-identified means exactly one candidate: with three, the attacker does not yet "
          "know which of them is the patient. Read the warning at the end of section 3 of the "
          "lesson."),
    ("b", "No single match is not the same as safe. Think about what a list of only three "
          "suspects still gives an attacker who knows a little more (the warning at the end "
          "of section 3 of the lesson)."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — Pseudonymise NIK numbers
#
# ### Question 5 — a keyed pseudonym (3 points)
#
# Complete the function `pseudonymise(nik, key)`. It gives back the **HMAC-SHA256** of the NIK
# (text) with the secret key (bytes), as 64 hexadecimal characters. The same NIK and key must
# always give the same pseudonym, and the function must use the key it is given: another key
# gives another pseudonym.
#
# All of it is written for you but one line: the NIK is turned into bytes first
# (`nik_bytes`), and the last line writes the keyed hash as 64 characters with `.hexdigest()`.
# Your part: **the keyed hash itself**, made as in section 4 of the lesson.
#
# ✏️ Replace the `...` and keep every other line as it is.

# %% nbgrader="answer" grade_id="q5_answer"
def pseudonymise(nik, key):
    """The keyed pseudonym of `nik` (text) with the secret `key` (bytes): HMAC-SHA256."""
    nik_bytes = nik.encode("utf-8")
    keyed_hash = (
        ### BEGIN SOLUTION
        hmac.new(key, nik_bytes, hashlib.sha256)
        ### END SOLUTION
    )
    return keyed_hash.hexdigest()


# %% [markdown]
# Try it (the key here is for practice only: a real key is random and kept apart from the data).
# Until you complete the function, this cell stops with an error whose last line says
# `'ellipsis' object has no attribute 'hexdigest'`: the placeholder `...` is still in it.

# %%
practice_key = b"practice-key-for-this-exercise-only-0001"
pseudonymise("3471065007849001", practice_key)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Section 4 of the lesson ("A keyed hash (HMAC) with a secret key") makes exactly this kind of
# keyed hash, with Python's `hmac` module. Three things go in, in this order: the secret key
# (the one the function is given, not one written in the notebook), the NIK as bytes (already
# made for you), and the hash to use, SHA-256. The last line of the function then writes it as
# 64 characters.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `hmac.new(key, nik_bytes, hashlib.sha256)` in place of the `...`, keep the brackets
# around it, and run the cell.
# </details>

# %% nbgrader="check" grade_id="q5" points=3
checks.q5.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    given = ("Your function must pseudonymise the NIK it is given, with the key it is given, "
             "not a NIK or a key written into the notebook.")
    random_bytes = ("A real key is random bytes, not readable text: use the key exactly as it "
                    "is given, without turning it into text first.")
    another_key = ("The same NIK with another key must give another pseudonym: the key goes "
                   "into every pseudonym (a function that remembers each NIK's first pseudonym, "
                   "or leaves the key out, goes wrong here).")
    call("3273014510990007", b"hidden-test-key-A-7f3e9b21c4d8a6e05b19", why=given)
    call("1101010101000001", b"hidden-test-key-B-0c8d2e7a9f4b6135e7d2", why=given)
    call("9171056612059999", bytes(range(40)), why=random_bytes)
    call("3273014510990007", b"hidden-test-key-B-0c8d2e7a9f4b6135e7d2", why=another_key)
    call("6471035202870042", bytes(range(128, 168)), why=random_bytes)


checks.q5.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ## Part D — k-anonymity and generalisation
#
# Back to the household register of the lesson (3,956 made-up households).
#
# ### Question 6 — k of a table (2 points)
#
# What is **k** for the household register on the quasi-identifiers `regency` and
# `head_education`?
#
# ✏️ `k_households = ...`

# %% nbgrader="answer" grade_id="q6_answer"
k_households = (
    ### BEGIN SOLUTION
    privacy.k_anonymity(households, ["regency", "head_education"])
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# k is the number of households in the **smallest** group of households that share the same
# regency and the same education: not the number of groups, and not the largest group.
# Section 5 of the lesson measured k of the hospital release with one of the course's tools.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `privacy.k_anonymity(households, ["regency", "head_education"])`
# </details>

# %% nbgrader="check" grade_id="q6" points=2
checks.q6.check()
### BEGIN HIDDEN TESTS
checks.q6.hidden(slips=[
    (lambda: households.groupby(["regency", "head_education"], observed=True).ngroups,
     "That is the number of groups (equivalence classes). k is the number of households in "
     "the smallest group."),
    (lambda: households.groupby(["regency", "head_education"], observed=True).size().max(),
     "That is the size of the largest group. k is the size of the smallest one: the fewest "
     "look-alikes anyone has."),
    (lambda: households.groupby(["regency", "head_education"], observed=True).size().mean(),
     "That is the average size of a group. k is the size of the smallest one: the fewest "
     "look-alikes anyone has."),
    (lambda: privacy.k_anonymity(households, ["regency"]),
     "That is k on the regency alone. The question asks for k on `regency` and "
     "`head_education` together."),
    (lambda: privacy.k_anonymity(households, ["head_education"]),
     "That is k on `head_education` alone. The question asks for k on `regency` and "
     "`head_education` together."),
    (lambda: privacy.uniques(households, ["regency", "head_education"]),
     "That is the number of sample uniques (households alone in their group). k is the "
     "number of households in the smallest group."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 7 — reach k = 5 at the least cost (3 points)
#
# The office wants to publish the register with four quasi-identifiers: `regency`, `head_sex`,
# `household_size` and `head_education`, **without suppressing any household**, and with k of at
# least 5. A planner will use it to compute **the share of poor households for each regency and
# each of the 3 education levels**.
#
# The next cell compares every choice of levels on the course's ladders (it takes a moment).

# %%
all_ladders = privacy.household_ladders(households)
ladders = [all_ladders[column] for column in ["regency", "head_sex", "household_size",
                                              "head_education"]]
analysis = ({"regency": "regency", "head_education": "3 levels"}, households["truly_poor"])
choices = privacy.compare_levels(households, ladders, k=5, analysis=analysis)
choices.head()

# %% [markdown]
# Among the choices with **k before suppression at least 5** (so nothing needs suppressing),
# which one has the **smallest analysis error**?
#
# ✏️ Write it as a dictionary of levels, one per column, for example
# `chosen_levels = {"regency": "province", "head_sex": "as is", "household_size": "bands",
# "head_education": "exact"}`.

# %% nbgrader="answer" grade_id="q7_answer"
chosen_levels = (
    ### BEGIN SOLUTION
    {"regency": "regency", "head_sex": "hidden", "household_size": "hidden",
     "head_education": "3 levels"}
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Two steps, as in section 6 of the lesson: first set aside every row of `choices` whose
# "k before suppression" is under 5 (those would need suppressing); then, among the rows left,
# take the one with the smallest "analysis error (points)". The best choice keeps exactly what
# the planner needs, at the level they need it, and hides what they do not need.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `choices[choices["k before suppression"] >= 5].sort_values("analysis error (points)").head()`
# — the top row's four levels are your answer.
# </details>

# %% nbgrader="check" grade_id="q7" points=3
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden(slips=[
    ({"regency": "province", "head_sex": "hidden", "household_size": "hidden",
      "head_education": "3 levels"},
     "Provinces instead of regencies make the release safe, but the planner needs a share for "
     "each regency: this is the lesson's 'wrong ladder' (section 6), and their analysis "
     "error jumps."),
    ({"regency": "province", "head_sex": "hidden", "household_size": "hidden",
      "head_education": "hidden"},
     "Everything at its coarsest is safe but nearly useless: the planner needs a share for "
     "each regency and each education level, and this release shows neither."),
    ({"regency": "regency", "head_sex": "hidden", "household_size": "hidden",
      "head_education": "hidden"},
     "Hiding the head's education reaches k = 5, but the planner needs a share for each of "
     "the 3 education levels, and this release no longer shows education at all."),
    ({"regency": "regency", "head_sex": "as is", "household_size": "hidden",
      "head_education": "hidden"},
     "This keeps the head's sex, which the planner does not need, and hides education, which "
     "they do. Keep what the planner's analysis uses, hide the rest."),
    ({"regency": "regency", "head_sex": "hidden", "household_size": "bands",
      "head_education": "hidden"},
     "This keeps household size in bands, which the planner does not need, and hides "
     "education, which they do. Keep what the planner's analysis uses, hide the rest."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 8 — a large group that shares one value (1 point)
#
# After generalising, every group of look-alike households has at least 8 households (k = 8). In
# one group, **all 8** households are marked as poor. Which statement is right?
#
# - **a)** No problem: every group has at least 8 households, above the usual target of 5, so
#   no household in it can be singled out.
# - **b)** Attribute disclosure (l = 1): whoever knows a household is in that group learns it is
#   poor, without finding its row.
# - **c)** Identity disclosure: since all 8 share one value, an attacker can now tell which row
#   belongs to which household.
#
# ✏️ `same_value_group = "..."`

# %% nbgrader="answer" grade_id="q8_answer"
same_value_group = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# k protects against finding the row. What does it not protect against?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Think of the lesson's hospital example: all female patients aged 56 to 60 have cancer.
# </details>

# %% nbgrader="check" grade_id="q8" points=1
checks.q8.check()
### BEGIN HIDDEN TESTS
checks.q8.hidden(slips=[
    ("a", "k = 8 protects against finding a household's row, not against learning something "
          "about it. Look at what every household in this group shares (section 5 of the "
          "lesson, 'k is not enough')."),
    ("c", "With k = 8 every household still hides among 8 look-alike rows, so nobody can tell "
          "which row is which. Think about what an attacker learns without finding the row "
          "(section 2 of the lesson: two kinds of disclosure)."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part E — Differential privacy
#
# ### Question 9 — a differentially private count (3 points)
#
# Complete the function `dp_count(true_count, epsilon, rng)`. It gives back the count plus
# **Laplace noise** for a count (sensitivity 1), drawn from the random generator `rng`, and does
# not round the result.
#
# All of it is written for you but one line: the noise is drawn from `rng`, centred on 0, and
# added to the count once. Your part: **the scale of the noise** (how wide it spreads), from
# the sensitivity and epsilon, as in section 7 of the lesson.
#
# ✏️ Replace the `...` and keep every other line as it is.

# %% nbgrader="answer" grade_id="q9_answer"
def dp_count(true_count, epsilon, rng):
    """The count plus Laplace noise for a count (sensitivity 1), drawn from `rng`."""
    sensitivity = 1
    scale = (
        ### BEGIN SOLUTION
        sensitivity / epsilon
        ### END SOLUTION
    )
    noise = rng.laplace(loc=0.0, scale=scale)
    return true_count + noise


# %% [markdown]
# Try it: five noisy releases of the count 120 with ε = 0.5. Until you complete the function,
# this cell stops with an error whose last line ends `not 'ellipsis'`: the placeholder `...` is
# still in it.

# %%
try_rng = np.random.default_rng(1)
[dp_count(120, 0.5, try_rng) for _ in range(5)]

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Section 7 of the lesson, "The Laplace mechanism", step 3: the scale b is worked out from two
# things, the sensitivity (1 for a count) and ε. More privacy (a smaller ε) must give more
# noise, and the scale must follow whatever ε the function is given, not one value typed in.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `sensitivity / epsilon` in place of the `...`, keep the brackets around it, and run the
# cell.
# </details>

# %% nbgrader="check" grade_id="q9" points=3
checks.q9.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    # 20,000 draws at each epsilon from one seeded generator, then two generators with the
    # same seed (their draws must repeat): the statistics are judged by the grader
    for epsilon, seed in [(0.2, 11), (2.0, 12)]:
        rng = np.random.default_rng(seed)
        for _ in range(20000):
            call(50, epsilon, rng)
    for _ in range(2):
        call(50, 1.0, np.random.default_rng(5))


checks.q9.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 10 — sharing the privacy budget (2 points)
#
# The social affairs office (*Dinas Sosial*) has a privacy budget of **ε = 1.2 for the whole
# year**. It wants to publish the number of aid recipients per regency **every month**, with the
# same ε each month. What ε can each monthly release use?
#
# ✏️ `epsilon_per_month = ...` (a number; at least 3 decimals if it is not round)

# %% nbgrader="answer" grade_id="q10_answer"
epsilon_per_month = (
    ### BEGIN SOLUTION
    1.2 / 12
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Section 7 of the lesson, "The privacy budget": releases about the same people add their
# epsilons up, and the total over the whole year must stay within the year's budget. How many
# releases are there in a year, and what must each one's ε be for them all to fit?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Twelve equal releases share 1.2.
# </details>

# %% nbgrader="check" grade_id="q10" points=2
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden(slips=[
    (1.2, "That gives every month the whole year's budget: twelve releases would then spend "
          "twelve times 1.2. Releases about the same people add their epsilons up."),
    (1 / 12, "That is the lesson's example, a budget of 1 shared by twelve months. This "
             "office's budget is 1.2 for the year."),
    (1.2 * 12, "That multiplies the budget by the number of months. The year's releases "
               "together must fit inside 1.2, so each month gets a part of it."),
    (12 / 1.2, "That divides the months by the budget. Share the budget between the months: "
               "each month gets a part of 1.2."),
    (1.2 / 365, "That shares the budget between the days of the year. The office publishes "
                "once a month."),
    (1.2 / (12 * 16), "That also shares the budget between the regencies. One month's table "
                      "counts each household once, in its own regency: the regencies' counts "
                      "are about different people, so the table spends the month's ε once."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 11 — what the law asks (1 point)
#
# A district office's online form for a senior-citizen benefit asks for the **full birth date**,
# although the service only needs to know whether the applicant is **60 or over**. Which
# principle of UU No. 27/2022 (Article 16(2)) does this touch, and what should the office do?
#
# - **a)** Limited and specific collection (data minimisation): ask only what the service
#   needs, such as "Are you 60 or over?"
# - **b)** Security: a birth date is personal data, so keep collecting it but encrypt the
#   database that holds the forms.
# - **c)** Retention: keep collecting full birth dates, and delete each one when the forms'
#   retention period comes to an end.
#
# ✏️ `minimise = "..."`

# %% nbgrader="answer" grade_id="q11_answer"
minimise = (
    ### BEGIN SOLUTION
    "a"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Encryption and deletion are good practice, but they protect data that did not need to be
# collected in the first place.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# The first principle: collection that is limited and specific (*terbatas dan spesifik*).
# </details>

# %% nbgrader="check" grade_id="q11" points=1
checks.q11.check()
### BEGIN HIDDEN TESTS
checks.q11.hidden(slips=[
    ("b", "Encryption is good practice (the security principle), but it protects birth dates "
          "the service did not need in the first place. Which principle is about what is "
          "collected?"),
    ("c", "Deleting data when its retention period ends is good practice, but the office still "
          "collects birth dates the service does not need. Which principle is about what is "
          "collected?"),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 12 — before your unit publishes a dataset (4 points, read by your instructor)
#
# Think of a dataset your unit holds or could be asked to publish or share (a register, a survey,
# a list of applicants). In 5 to 10 sentences: **what should your unit check before publishing
# it?**
#
# A good answer:
# - names the dataset and who would receive it (the public, researchers, another agency);
# - lists its direct identifiers and says what to do with them (remove, keyed pseudonym with the
#   key held apart);
# - names the quasi-identifiers an outsider could know, and a target k (and l) to measure;
# - says which generalisation or suppression would fit, and which analysis must stay useful;
# - mentions at least one legal or practical duty (UU PDP minimisation, purpose or security; UU
#   16/1997 confidentiality; who can open the file).
#
# Double-click the cell below, write your answer in place of the text, then press **Shift+Enter**.

# %% [markdown] nbgrader="written" grade_id="q12_reflection" points=4
# **MODEL ANSWER (instructor only).** "Our Dinas Sosial unit is asked to share the 2024 register of
# PKH applicants with a university research team. Before sharing, we drop names, addresses and
# phone numbers, and replace the NIK with an HMAC pseudonym; the key stays with our data
# protection officer, so the researchers can follow households across years but cannot recover
# NIKs. The quasi-identifiers an outsider could know are the village, the head's sex and age,
# and the household size; we measure k and the number of unique households on them and aim for
# k = 5, with l of at least 2 on the 'receives aid' column. The researchers need results by
# regency and household size, so we replace villages by kecamatan or regency and ages by 10-year
# bands, and suppress the few households still in groups under 5, reporting how many. We share
# only the columns the research plan needs (UU PDP: limited and specific collection, purpose
# limitation), under an agreement that forbids linking to other data, on an encrypted drive that
# only named researchers can open, and we record in a data card what we did."
#
# Rubric (4 points, one per criterion, any wording):
# 1. a concrete dataset and recipient;
# 2. direct identifiers removed or pseudonymised **with a key kept apart** (a plain hash earns no
#    point here);
# 3. quasi-identifiers named **and** a measurement (k, uniques or l) with a target;
# 4. a treatment tied to what must stay useful, **or** a legal/practical safeguard (minimisation,
#    purpose, access, security, confidentiality duty). Give the point when either is specific.

# %% [markdown]
# **Learning on your own?** When you have written your answer, you can compare it with a model
# answer. (In a group, your instructor shares it with your feedback instead.)

# %%
from civicai.checks.reflection import model_answer_button

model_answer_button("04-privacy", "q12_reflection")

# %% [markdown]
# ## Done!
#
# Save your work (**Ctrl+S**) and click **Validate** at the top to run every check at once. Then
# try the [sandbox](sandbox.ipynb) on a file of your own.
