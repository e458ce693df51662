# %% [markdown]
# # Exercise: is it fair? Audit two decision systems
#
# ⏱️ About 50 minutes · 13 questions (question 9 has three parts) · 22 points checked by the
# computer, 4 points from your instructor
#
# You will audit two decision systems with the tools of the lesson:
#
# - **Part A** (real data): mortgage decisions of Boston banks in 1990;
# - **Part B** (synthetic data): the proxy-means-test model that selects households for social
#   assistance, from the lesson;
# - **Part C**: which error rate matters, for three public services;
# - **Part D**: equalising the miss rates, and what it changes.
#
# Each question works as in the practice exercise: write your answer in the cell marked ✏️,
# run it, then run the check under it. ✏️ *not attempted yet*, 🔎 *not right yet* (with a
# hint), ✅ *correct*. A ✅ is the grade your instructor will see; the function of question 5 is
# also tried on households you do not see.
#
# Run the next cell first. It loads the data, the tools and the model (about 5 seconds).

# %%
import pandas as pd
from fairlearn.metrics import MetricFrame, false_negative_rate, false_positive_rate, selection_rate

from civicai import fairness
from civicai.checks import fairness as checks
from civicai.data import load

mortgages = load("mortgage_decisions")
mortgages["approved"] = ~mortgages["denied"]

households = load("households")
model = fairness.train_eligibility_model(households)
households["selected"] = model.decide(0.3)
print(f"{len(mortgages):,} mortgage applications and {len(households):,} households loaded.")

# %% [markdown]
# ## Part A — Boston mortgage decisions, 1990 (real data)
#
# The Federal Reserve Bank of Boston collected a sample of the mortgage applications that
# banks in the Boston area decided in 1990, with the applicants' finances and credit
# histories. Each row of `mortgages` is one application. `approved` is True when the bank said yes;
# `african_american` is True when the applicant is African American. Here are the first rows:

# %%
mortgages[["approved", "african_american", "payments_to_income", "loan_to_value",
           "consumer_credit"]].head()

# %% [markdown]
# ## Question 1 — an approval rate by hand (2 points)
#
# What share of the **African American applicants** were approved? Give a share between 0
# and 1 (for example 0.5 for half).
#
# In the lesson you computed a search rate in two steps: keep the rows of one group, then take
# the mean of a True/False column (True counts as 1, False as 0).
#
# ✏️ Replace the `...`:

# %% nbgrader="answer" grade_id="q1_answer"
approval_rate_black = (
    ### BEGIN SOLUTION
    mortgages.loc[mortgages["african_american"], "approved"].mean()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# `mortgages.loc[rows, "approved"]` keeps the `approved` column of the rows you choose. The
# rows you want are those where `mortgages["african_american"]` is True.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `mortgages.loc[mortgages["african_american"], "approved"].mean()`
# </details>

# %% nbgrader="check" grade_id="q1" points=2
checks.q1.check()
### BEGIN HIDDEN TESTS
checks.q1.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 2 — the four-fifths ratio (2 points)
#
# Now both groups at once. `fairness.group_rates(table, "approved", "african_american")`
# gives the approval rate of each group (column `rate`) with its 95% interval.
# `fairness.impact_ratio(rates)` divides the lowest rate by the highest: the number that the
# "four-fifths" rule of thumb compares with 0.8.
#
# Run the next cell to see the rates, then compute the ratio.

# %%
approval_rates = fairness.group_rates(mortgages, "approved", "african_american")
approval_rates

# %% [markdown]
# ✏️ The lowest approval rate divided by the highest:

# %% nbgrader="answer" grade_id="q2_answer"
approval_ratio = (
    ### BEGIN SOLUTION
    fairness.impact_ratio(approval_rates["rate"])
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The ratio is always the smaller rate over the larger one, so it is at most 1.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.impact_ratio(approval_rates["rate"])`
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 3 — what the ratio tells you (1 point)
#
# Your ratio is just below 0.8. What is the best conclusion?
#
# - **a)** The banks discriminated against African American applicants: the rule of thumb
#   proves it.
# - **b)** The gap is large enough to investigate: do the groups differ in debts, credit
#   histories or the homes they buy, and does a gap remain once those are taken into account?
#   Only then can one say how much is due to race.
# - **c)** Nothing: 0.79 is so close to 0.8 that the gap does not matter.
#
# ✏️ Write your letter in quotes:

# %% nbgrader="answer" grade_id="q3_answer"
ratio_reading = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The lesson called a disparity "a question, not yet an answer". Which option asks the next
# question?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# 0.8 is a rule of thumb for where to look closer, not a legal proof, and not a line below
# which nothing matters. The Boston Fed's own study of these applications did exactly what
# option b describes.
# </details>

# %% nbgrader="check" grade_id="q3" points=1
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden()
### END HIDDEN TESTS

# %% [markdown]
# **What the Boston Fed found.** Its study of these applications (Munnell, Tootell, Browne and
# McEneaney, "Mortgage Lending in Boston: Interpreting HMDA Data", *American Economic Review*,
# 1996) added the applicants' finances and credit histories. Black and Hispanic applicants
# did have, on average, higher debts and weaker credit histories, and this explained a large
# part of the gap: the ratio of their denial rate to white applicants' fell from 2.7 to 1 to
# about 1.6 to 1. But the gap did not vanish: with the same financial characteristics,
# minority applicants were still roughly 60% more likely to be turned down. A disparity was
# the question; careful data gave a partial answer.

# %% [markdown]
# ## Question 4 — the strongest proxy (2 points)
#
# A bank could use a scoring model that never sees race. Which of the applicants' financial
# columns would still tell it the most about race? Use `fairness.proxy_strength(table,
# protected)`: it gives, for every other column of `table`, its association with the
# `protected` column (Cramér's V, 0 = none, 1 = it gives the group away), strongest first.
#
# Run the next cell: it keeps the financial columns and the race column.

# %%
financial = ["payments_to_income", "housing_to_income", "loan_to_value", "consumer_credit",
             "mortgage_credit", "public_bad_record", "self_employed", "insurance_denied",
             "condominium", "industry_unemployment"]
finances = mortgages[financial + ["african_american"]]
finances.head(3)

# %% [markdown]
# ✏️ The **name** of the financial column most strongly associated with `african_american`,
# in quotes (for example `"loan_to_value"`). You may write it by hand after looking at
# `fairness.proxy_strength(finances, "african_american")`, or take it from the result with
# `.index[0]`.

# %% nbgrader="answer" grade_id="q4_answer"
strongest_proxy = (
    ### BEGIN SOLUTION
    fairness.proxy_strength(finances, "african_american").index[0]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Run `fairness.proxy_strength(finances, "african_american")` in a new cell (Insert → or the
# **+** button) to see the list, strongest first.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.proxy_strength(finances, "african_american").index[0]` is the name at the top.
# </details>

# %% nbgrader="check" grade_id="q4" points=2
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden()
### END HIDDEN TESTS

# %% [markdown]
# That column is a legitimate thing for a bank to look at, and it is also a proxy: a credit
# history records the past, including past unequal treatment. Keep this in mind for the
# written question at the end.
#
# ## Part B — auditing the household model (synthetic data)
#
# `households` is the synthetic register from the lesson. `model` is the same proxy-means
# test: it never sees sex or disability, and the office selects every household whose score
# is at least 0.3. The column `selected` holds its decisions; `truly_poor` says which
# households assistance should reach.

# %%
households[["province", "head_sex", "disability", "truly_poor", "selected"]].head()

# %% [markdown]
# ## Question 5 — a miss rate by hand (2 points)
#
# Write a function `miss_rate(truly_poor, selected)` that takes the two yes/no columns and
# gives back the **false negative rate**: of the households that are truly poor, the share
# that was **not** selected.
#
# `selected[truly_poor]` keeps the decisions of the truly poor households only; `~` turns
# True into False and back.
#
# ✏️ Replace the `...` with the line that computes it, after `return`:

# %% nbgrader="answer" grade_id="q5_answer"
def miss_rate(truly_poor, selected):
    ### BEGIN SOLUTION
    return (~selected[truly_poor]).mean()
    ### END SOLUTION


# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Only the truly poor count: the households that are not poor cannot be "missed".
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `return (~selected[truly_poor]).mean()`
# </details>

# %% nbgrader="check" grade_id="q5" points=2
checks.q5.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    call(pd.Series([True, False, True, True]), pd.Series([False, False, True, False]))
    call(pd.Series([False, True, True]), pd.Series([True, True, True]))
    call(households["truly_poor"], households["selected"])


checks.q5.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# Your function on the whole register:

# %%
miss_rate(households["truly_poor"], households["selected"]) if callable(miss_rate) else None

# %% [markdown]
# ## Question 6 — the audit with Fairlearn (2 points)
#
# Now every rate at once, for households **with and without a disabled member**, with
# Fairlearn's `MetricFrame`, as in the lesson. Fill in the three columns of `households` in
# this template:
#
# ```python
# MetricFrame(
#     metrics={"selection_rate": selection_rate, "FNR": false_negative_rate,
#              "FPR": false_positive_rate},
#     y_true=households["..."],              # the truth
#     y_pred=households["..."],              # the model's decision
#     sensitive_features=households["..."],  # the groups
# ).by_group
# ```
#
# ✏️ Replace the `...` with the whole call:

# %% nbgrader="answer" grade_id="q6_answer"
by_disability = (
    ### BEGIN SOLUTION
    MetricFrame(
        metrics={"selection_rate": selection_rate, "FNR": false_negative_rate,
                 "FPR": false_positive_rate},
        y_true=households["truly_poor"],
        y_pred=households["selected"],
        sensitive_features=households["disability"],
    ).by_group
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The truth is `truly_poor`, the decision is `selected`, the groups are `disability`.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Copy the template and write `households["truly_poor"]`, `households["selected"]` and
# `households["disability"]` in place of the three `households["..."]`.
# </details>

# %% nbgrader="check" grade_id="q6" points=2
checks.q6.check()
### BEGIN HIDDEN TESTS
checks.q6.hidden()
### END HIDDEN TESTS

# %% [markdown]
# Look at your table: households with a disabled member are selected about as often as the
# others, yet the poor among them are missed more often. Equal selection rates can hide
# unequal misses.
#
# ## Question 7 — the largest miss-rate ratio (2 points)
#
# Now by **province**. The next cell computes the miss rate (FNR) of each province with the
# lesson's tool `fairness.audit`, and how many truly poor households each has.

# %%
by_province = fairness.audit(households["truly_poor"], households["selected"],
                             households["province"], metrics=("FNR",)).by_group
by_province["truly_poor_households"] = households.groupby("province", observed=True)[
    "truly_poor"].sum()
by_province

# %% [markdown]
# Take **Jawa Barat**, the province with the most households, as the reference:
# `fairness.disparity(by_province["FNR"], "Jawa Barat")` divides each province's FNR by
# Jawa Barat's (column `ratio`).
#
# ✏️ What is the **largest** ratio? Give the number (it is more than 1).

# %% nbgrader="answer" grade_id="q7_answer"
largest_fnr_ratio = (
    ### BEGIN SOLUTION
    fairness.disparity(by_province["FNR"], "Jawa Barat")["ratio"].max()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Run `fairness.disparity(by_province["FNR"], "Jawa Barat")` in a new cell and look at the
# `ratio` column. `.max()` gives its largest value.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.disparity(by_province["FNR"], "Jawa Barat")["ratio"].max()`
# </details>

# %% nbgrader="check" grade_id="q7" points=2
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 8 — reading the largest ratio (1 point)
#
# The largest ratio belongs to DKI Jakarta. Look at its row of `by_province` again. What is
# the best reading?
#
# - **a)** Poor households in DKI Jakarta are missed almost twice as often as in Jawa Barat:
#   fix the model for Jakarta first.
# - **b)** The ratio must be a mistake in the tool, because a miss rate cannot be 100%.
# - **c)** The ratio rests on very few truly poor households; alone it proves little. Check
#   the group's size and interval (`fairness.group_rates`) before drawing a conclusion, and
#   look for the same pattern in larger groups.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q8_answer"
largest_ratio_reading = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# How many truly poor households does DKI Jakarta have in the register?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# With so few households, the 95% interval of the miss rate is very wide: the lesson's
# section on small groups showed how wide.
# </details>

# %% nbgrader="check" grade_id="q8" points=1
checks.q8.check()
### BEGIN HIDDEN TESTS
checks.q8.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — which error rate matters? (3 points)
#
# For each service, which rate should be equal across groups of citizens? Use the fairness
# tree from the lesson (`fairness.choose_metric("punitive")` or
# `fairness.choose_metric("assistive")` tells you what it recommends).
#
# - **a)** the false positive rate (FPR): of the people who should *not* be picked, the share
#   picked anyway;
# - **b)** the false negative rate (FNR): of the people who *should* be picked, the share
#   missed;
# - **c)** the overall accuracy: the share of all decisions that are right.
#
# ## Question 9a — tax audits (1 point)
#
# The tax office (Direktorat Jenderal Pajak) uses a model to choose which small businesses
# to audit. An audit costs a business days of work and often a penalty.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q9a_answer"
metric_tax_audit = (
    ### BEGIN SOLUTION
    "a"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Is an audit something a business hopes for, or something it would rather avoid?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# A punitive decision: the harm is to the honest business that is audited anyway.
# </details>

# %% nbgrader="check" grade_id="q9a" points=1
checks.q9a.check()
### BEGIN HIDDEN TESTS
checks.q9a.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 9b — KIP scholarships (1 point)
#
# A regency's education office (Dinas Pendidikan) uses a model to find pupils from poor
# families to propose for the KIP scholarship (Kartu Indonesia Pintar). A pupil the model
# does not propose gets nothing.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q9b_answer"
metric_scholarship = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# The scholarship helps: who is harmed when the model gets it wrong?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# An assistive decision: the harm is to the poor pupil who is missed.
# </details>

# %% nbgrader="check" grade_id="q9b" points=1
checks.q9b.check()
### BEGIN HIDDEN TESTS
checks.q9b.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 9c — held hospital claims (1 point)
#
# The national health insurer uses a model to flag hospital claims as possibly fraudulent.
# A flagged claim is not paid until an investigator has checked it, which can take months.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q9c_answer"
metric_claims = (
    ### BEGIN SOLUTION
    "a"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# For the hospital, is being flagged a help or a burden?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Holding an honest hospital's payment for months is the harm to avoid: a punitive decision.
# </details>

# %% nbgrader="check" grade_id="q9c" points=1
checks.q9c.check()
### BEGIN HIDDEN TESTS
checks.q9c.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part D — equal miss rates, and what they change
#
# ## Question 10 — equal miss rates (2 points)
#
# `fairness.mitigate(model, group, constraint)` runs Fairlearn's `ThresholdOptimizer` as in
# the lesson: one threshold per group, chosen so that the `constraint` holds, with as many
# right decisions as possible. The constraints it knows:

# %%
fairness.model.CONSTRAINTS

# %% [markdown]
# Social assistance is assistive. ✏️ Mitigate the model for the groups of `"disability"`,
# with the constraint that fits, for example
# `fairness.mitigate(model, "disability", "demographic_parity")` if you think equal selection
# rates are what matters.

# %% nbgrader="answer" grade_id="q10_answer"
mitigated = (
    ### BEGIN SOLUTION
    fairness.mitigate(model, "disability", "false_negative_rate_parity")
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# In an assistive programme the error to spread evenly is the exclusion error: a poor
# household left out. Which rate counts those?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.mitigate(model, "disability", "false_negative_rate_parity")`
# </details>

# %% nbgrader="check" grade_id="q10" points=2
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 11 — the mitigated model's accuracy (2 points)
#
# ✏️ What share of **all** households does the mitigated model decide rightly (selected
# when truly poor, not selected when not)? Compare `mitigated` with
# `households["truly_poor"]` and take the mean.

# %% nbgrader="answer" grade_id="q11_answer"
mitigated_accuracy = (
    ### BEGIN SOLUTION
    (mitigated == households["truly_poor"]).mean()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# `a == b` on two columns gives True where they agree; `.mean()` is the share of True.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `(mitigated == households["truly_poor"]).mean()`
# </details>

# %% nbgrader="check" grade_id="q11" points=2
checks.q11.check()
### BEGIN HIDDEN TESTS
checks.q11.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 12 — should the office switch? (1 point)
#
# Compare the two ways of deciding, on the whole register:
#
# | | office's rule (one threshold, 0.3) | mitigated (equal miss rates by disability) |
# |---|---|---|
# | households selected | 17.9% | 10.8% |
# | right decisions (accuracy) | 88.2% | 89.3% |
# | poor households missed, overall | 28.8% | 49.6% |
# | missed: with / without a disabled member | 36.3% / 27.3% | 50.5% / 49.5% |
#
# What should the office do?
#
# - **a)** Switch: the mitigated model is both more accurate and fair.
# - **b)** Not on these numbers alone. The mitigated model equalises the miss rates by missing
#   many more poor households in both groups, and it needs to know about disability at the
#   moment of each decision. Which errors to accept, at what budget, is a decision for the
#   programme owner, with the people affected, not a technical detail.
# - **c)** Never: using disability in a decision is always illegal, so the question does not
#   arise.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q12_answer"
switch_decision = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# "Accuracy" counts a missed poor household the same as a better-off household selected by
# mistake. Is that how an assistive programme weighs them?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# The lesson ended its section on trade-offs with: "fair" needs a policy decision.
# </details>

# %% nbgrader="check" grade_id="q12" points=1
checks.q12.check()
### BEGIN HIDDEN TESTS
checks.q12.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Question 13 — before buying a scoring system (4 points, read by your instructor)
#
# A vendor offers your agency a ready-made model that scores citizens: for example, to
# select households for assistance or to pick businesses for inspection. Write **five
# questions** you would ask the vendor before buying, and for each one, in a sentence, why
# it matters. Use what you measured in this module.
#
# A good answer covers at least four of these:
#
# - the **data**: where the training data comes from, which groups and regions it covers,
#   and how the "true" outcome was recorded (and by whom);
# - **error rates by group**, measured on *our* population, for the rate that fits the
#   decision (punitive or assistive), with the size of each group;
# - **protected attributes and proxies**: which inputs are used, and which of them stand in
#   for sex, disability, ethnicity or region;
# - the **threshold**: who sets it, and how it can be changed as budgets and policies change;
# - **people in the loop**: human review of decisions, explanations for the citizen, and a
#   way to appeal;
# - **accountability**: the right to audit the model (access to data and documentation), and
#   monitoring after go-live.
#
# Double-click the cell below, write your answer in place of the text, then press
# **Shift+Enter**.

# %% [markdown] nbgrader="written" grade_id="q13_vendor" points=4
# **MODEL ANSWER (instructor only).**
#
# 1. *What data was the model trained on, from where and when, and how was the outcome
#    (for example "poor") recorded?* A model learns the past of the places it saw; if our
#    regions or groups are missing, or the outcome was recorded unevenly, its errors will
#    fall unevenly here.
# 2. *What are its false negative and false positive rates for each group (sex of the
#    household head, disability, region), on a sample of our own population, and how large
#    is each group?* Overall accuracy hides who pays for the errors; small groups need
#    intervals.
# 3. *Which inputs does it use, and have you checked which of them act as proxies for
#    protected characteristics?* Leaving sex out does not stop a model from treating
#    women-headed households differently.
# 4. *Who sets the threshold, and can we change it and see the effect by group?* Where the
#    cut-off lies decides how many eligible people are missed; that is a policy choice that
#    must stay with us.
# 5. *Can a citizen get an explanation and appeal, and will you give us access to audit the
#    model and monitor it after go-live?* Errors are certain; the remedy and oversight must
#    be designed before, not after.
#
# Rubric (4 points): 1 point for each distinct, relevant question with a reason, up to 4,
# from the areas listed to the learner (data, error rates by group, proxies, threshold,
# people in the loop, accountability). A question without a reason earns half a point.
# Questions about price, speed or user interface alone earn nothing.

# %% [markdown]
# **Learning on your own?** When you have written your answer, you can compare it with a
# model answer. (In a group, your instructor shares it with your feedback instead.)

# %%
from civicai.checks.reflection import model_answer_button

model_answer_button("03-bias", "q13_vendor")

# %% [markdown]
# ## Done!
#
# Save your work (**Ctrl+S**), then click **Validate** at the top of the notebook to run
# every check at once. Next, try the module's tools on your own file in the
# [sandbox](sandbox.ipynb).
