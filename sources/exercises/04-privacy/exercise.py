# %% [markdown]
# # Module 04 exercise — Privacy and anonymisation
#
# ⏱️ About 45 minutes · 12 questions: 11 checked by the computer (22 points) and 1 short
# written answer read by your instructor (4 points)
#
# You will classify columns, attack a release, pseudonymise NIK numbers, measure and reach
# k-anonymity, and publish a count with differential privacy. Every tool you need was used in
# the [lesson](lesson.ipynb).
#
# **How it works:** write your answer in each cell marked ✏️ (replace the `...`), run it, then run
# the check below it. A check says ✏️ *not attempted yet*, 🔎 *not right yet* (with a hint), or ✅
# *correct*. A ✅ is the grade your instructor will see; the two functions you write are also
# tried on inputs you do not see.
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
checks.q1.hidden()
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
checks.q2.hidden()
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
# The lesson's tool `privacy.linkage_attack(release, public, columns)` gives a result whose
# `.rate` is the share of records with exactly one candidate.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `privacy.linkage_attack(release_by_year, public_by_year, year_quasi).rate`
# </details>

# %% nbgrader="check" grade_id="q3" points=2
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 4 — three candidates (1 point)
#
# In the attack, one release record matches **three** people on the public list. Which statement
# is right?
#
# - **a)** The record is re-identified: one of the three is the patient.
# - **b)** The record is safe: the attack found no single match, so nothing was disclosed.
# - **c)** It is not re-identified yet, but three suspects is a very short list: a little more
#   knowledge (a neighbour, a social-media post) could single the patient out.
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
checks.q4.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — Pseudonymise NIK numbers
#
# ### Question 5 — a keyed pseudonym (3 points)
#
# Write a function `pseudonymise(nik, key)` that gives back the **HMAC-SHA256** of the NIK (text)
# with the secret key (bytes), as 64 hexadecimal characters. The same NIK and key must always
# give the same pseudonym.
#
# ✏️ Complete the function (keep the `def` line).

# %% nbgrader="answer" grade_id="q5_answer"
def pseudonymise(nik, key):
    ### BEGIN SOLUTION
    return hmac.new(key, nik.encode("utf-8"), hashlib.sha256).hexdigest()
    ### END SOLUTION


# %% [markdown]
# Try it (the key here is for practice only: a real key is random and kept apart from the data):

# %%
practice_key = b"practice-key-for-this-exercise-only-0001"
pseudonymise("3471065007849001", practice_key)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The lesson used `hmac.new(key, text_as_bytes, hashlib.sha256).hexdigest()`. Text becomes bytes
# with `.encode("utf-8")`.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `return hmac.new(key, nik.encode("utf-8"), hashlib.sha256).hexdigest()`
# </details>

# %% nbgrader="check" grade_id="q5" points=3
checks.q5.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    for nik, key in [("3273014510990007", b"hidden-test-key-A-7f3e9b21c4d8a6e05b19"),
                     ("1101010101000001", b"hidden-test-key-B-0c8d2e7a9f4b6135e7d2"),
                     ("9171056612059999", bytes(range(40)))]:
        call(nik, key)


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
# k is the size of the **smallest** group of households sharing the same regency and education.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `privacy.k_anonymity(households, ["regency", "head_education"])`
# </details>

# %% nbgrader="check" grade_id="q6" points=2
checks.q6.check()
### BEGIN HIDDEN TESTS
checks.q6.hidden()
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
# Filter the table: `choices[choices["k before suppression"] >= 5]`, then sort it by
# `"analysis error (points)"` with `.sort_values(...)`.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Keep exactly what the planner needs at the level they need it, and hide what they do not need.
# </details>

# %% nbgrader="check" grade_id="q7" points=3
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 8 — a large group that shares one value (1 point)
#
# After generalising, every group of look-alike households has at least 8 households (k = 8). In
# one group, **all 8** households are marked as poor. Which statement is right?
#
# - **a)** No problem: k = 8 is above the usual target of 5.
# - **b)** l = 1 in this group: anyone who knows a household belongs to it learns that the
#   household is poor, without finding its row (attribute disclosure).
# - **c)** This is identity disclosure: the attacker can now tell which row is which household.
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
checks.q8.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part E — Differential privacy
#
# ### Question 9 — a differentially private count (3 points)
#
# Write a function `dp_count(true_count, epsilon, rng)` that gives back the count plus **Laplace
# noise** for a count (sensitivity 1), drawn from the random generator `rng`. Do **not** round
# the result.
#
# ✏️ Complete the function.

# %% nbgrader="answer" grade_id="q9_answer"
def dp_count(true_count, epsilon, rng):
    ### BEGIN SOLUTION
    return true_count + rng.laplace(loc=0.0, scale=1 / epsilon)
    ### END SOLUTION


# %% [markdown]
# Try it: five noisy releases of the count 120 with ε = 0.5.

# %%
try_rng = np.random.default_rng(1)
[dp_count(120, 0.5, try_rng) for _ in range(5)]

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The Laplace mechanism: scale = sensitivity / ε, and the sensitivity of a count is 1.
# `rng.laplace(loc=..., scale=...)` draws one value.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `return true_count + rng.laplace(loc=0.0, scale=1 / epsilon)`
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
# Releases about the same people add their epsilons up, and the total must stay within the budget.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Twelve equal releases share 1.2.
# </details>

# %% nbgrader="check" grade_id="q10" points=2
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 11 — what the law asks (1 point)
#
# A district office's online form for a senior-citizen benefit asks for the **full birth date**,
# although the service only needs to know whether the applicant is **60 or over**. Which
# principle of UU No. 27/2022 (Article 16(2)) does this touch, and what should the office do?
#
# - **a)** Limited and specific collection (data minimisation): ask only what the service needs,
#   for example "Are you 60 or over?" or the birth year.
# - **b)** Security: keep collecting full birth dates, but encrypt the database.
# - **c)** Retention: keep collecting full birth dates, but delete them after ten years.
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
checks.q11.hidden()
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
