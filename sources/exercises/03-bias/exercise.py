# %% [markdown]
# # Exercise: is it fair? Audit two decision systems
#
# ⏱️ About 50 minutes · 13 questions (question 9 has three parts) · 22 points checked by the
# computer, 4 points from your instructor
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
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
# Lesson section 1, "A rate by hand": first keep only the rows of the group, then take the
# mean of the True/False column. Here the group is the African American applicants (the rows
# where `african_american` is True) and the column is `approved`, not `denied`. Leave the
# other applicants out: they are not part of this rate.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `mortgages.loc[mortgages["african_american"], "approved"].mean()`
# </details>

# %% nbgrader="check" grade_id="q1" points=2
checks.q1.check()
### BEGIN HIDDEN TESTS
checks.q1.hidden(slips=[
    (lambda: mortgages["approved"].mean(),
     "That is the approval rate over all applicants. The question asks about the African "
     "American applicants only: keep their rows first, then take the share approved."),
    (lambda: mortgages.loc[~mortgages["african_american"], "approved"].mean(),
     "That is the approval rate of the other applicants (those who are not African American). "
     "Keep the rows where `african_american` is True."),
    (lambda: mortgages.loc[mortgages["african_american"], "denied"].mean(),
     "That is the share of African American applicants who were denied. The question asks for "
     "the share approved."),
    (lambda: mortgages.loc[mortgages["approved"], "african_american"].mean(),
     "That is the share of African American applicants among the approved applications: the "
     "rate the wrong way round. Start from the African American applicants: of those, the "
     "share approved."),
])
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
# Lesson section 2, "Disparity ratios and the 0.8 rule of thumb". Compare the two groups'
# **rates** (the column `rate`: shares, not the counts `n` or `yes`), and divide, do not
# subtract: the smaller rate over the larger one, so the result is at most 1.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.impact_ratio(approval_rates["rate"])`
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden(slips=[
    (lambda: approval_rates["rate"].max() - approval_rates["rate"].min(),
     "That is the difference between the two approval rates. The four-fifths ratio divides "
     "instead: the lower rate divided by the higher one."),
    (lambda: approval_rates["yes"].min() / approval_rates["yes"].max(),
     "That divides the numbers of approved applications (`yes`), and the two groups differ "
     "in size. Divide the rates (`rate`): the shares approved."),
    (lambda: approval_rates["rate"].min() / mortgages["approved"].mean(),
     "That divides the African American applicants' rate by the rate over all applicants. "
     "The ratio compares the two groups: the lower group's rate over the higher group's."),
    (lambda: fairness.impact_ratio(fairness.group_rates(mortgages, "denied",
                                                        "african_american")["rate"]),
     "That is the ratio of the denial rates. The four-fifths rule compares the rates of the "
     "good outcome: the approval rates in `approval_rates`."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 3 — what the ratio tells you (1 point)
#
# Your ratio is just below 0.8. What is the best conclusion?
#
# - **a)** The ratio is below 0.8, the line that US guidelines treat as evidence of adverse
#   impact: so the banks discriminated against African American applicants.
# - **b)** No sign of unfair treatment yet: banks decide on debts and credit histories, not
#   on race, so the gap most likely comes from differences between the applications.
# - **c)** Worth a closer look: compare applicants with similar debts and credit histories,
#   and see whether a gap remains before saying how much of it is due to race.
#
# ✏️ Write your letter in quotes:

# %% nbgrader="answer" grade_id="q3_answer"
ratio_reading = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Lesson section 1, "A disparity is a question, not yet an answer", and the note "The limits
# of the 0.8 rule": what can a ratio of outcomes tell you on its own, and what would you need
# to know before explaining it, one way or the other?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# 0.8 is a rule of thumb for where to look closer, not a legal proof. Nor does a likely
# explanation settle the question before anyone has measured it. The Boston Fed's own study
# of these applications did exactly what option c describes.
# </details>

# %% nbgrader="check" grade_id="q3" points=1
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden(slips=[
    ("a", "The four-fifths rule says where to look closer; it is not a legal test of "
          "discrimination. A ratio of outcomes alone cannot say why the rates differ: the "
          "questions of the lesson's section 1 come first."),
    ("b", "That explanation may be part of the story, but nobody has measured it yet: the "
          "ratio alone cannot tell whether the applications differ, or by how much. Assuming "
          "the gap is explained is as hasty as assuming it is discrimination."),
])
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
# Lesson section 4, "Proxies": a proxy is a column that gives a group away, measured by its
# association with the **group's** column (here race), not with the bank's decision. Look at
# the whole list in a new cell (click the **+** button in the toolbar at the top of the
# notebook, or press **Esc** to leave the cell, then **B**: the new cell comes below): it is
# sorted strongest first, and you need the column's **name**, not its strength.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.proxy_strength(finances, "african_american").index[0]` is the name at the top.
# </details>

# %% nbgrader="check" grade_id="q4" points=2
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden(slips=[
    (lambda: fairness.proxy_strength(mortgages[financial + ["approved"]], "approved").index[0],
     "That is the financial column most strongly associated with the bank's decision "
     "(approved or not), not with race. A proxy stands in for the protected group: measure "
     "each column's association with `\"african_american\"`."),
    (lambda: fairness.proxy_strength(finances, "african_american").index[-1],
     "That is the column least associated with race: the list is sorted strongest first, so "
     "the weakest comes last."),
])
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
# Your function will also be tried on other groups of households, as an audit would: it
# should work for any part of the register, including a group without any truly poor
# household, where nobody can be missed and the rate is not defined.
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
# Lesson section 2, "Four outcomes, two kinds of error" and "One rate by hand": only the
# truly poor count (the households that are not poor cannot be "missed"). Keep their
# decisions, then take the share of them that is **not** selected: the mean of a True/False
# column is its share of True.
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
    call(pd.Series([True, False, True, True]), pd.Series([False, False, True, False]),
         why="Of the truly poor households only, the share that was not selected.")
    call(pd.Series([False, True, True]), pd.Series([True, True, True]),
         why="When every truly poor household is selected, nobody was missed, whatever "
             "happened to the households that are not poor.")
    call(pd.Series([False, False, False, False]), pd.Series([True, False, False, True]),
         why="A group without any truly poor household has nobody who could be missed, so its "
             "miss rate is not defined (the lesson's audit shows \"not defined\" there, where "
             "Fairlearn's own functions show 0). Compute the share over the truly poor only.")
    papua = households[households["province"] == "Papua"]
    call(papua["truly_poor"], papua["selected"],
         why="Your function should work on any part of the register, such as the households "
             "of one province, whose rows are not numbered from 0: work with the whole "
             "columns rather than looking rows up one by one by their number.")
    call(households["truly_poor"], households["selected"],
         why="On the whole register too, the share of the truly poor households that was not "
             "selected, from the two columns the function is given.")


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
# Lesson section 2, "Every rate, every group" (Fairlearn's tool). `y_true` is what
# should have happened (which households are truly poor), `y_pred` is what the model decided,
# and `sensitive_features` is the column that splits the households into the groups you
# compare. The lesson's example compared the groups of `head_sex`; this question compares
# households with and without a disabled member.
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
# Lesson section 2, "Disparity ratios": each province's miss rate divided by the reference
# province's miss rate (Jawa Barat's, here). Look at the whole disparity table in a new cell:
# the column `rate` holds the miss rates themselves, the column `ratio` the ratios. You want
# the largest ratio.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `fairness.disparity(by_province["FNR"], "Jawa Barat")["ratio"].max()`
# </details>

# %% nbgrader="check" grade_id="q7" points=2
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden(slips=[
    (lambda: fairness.disparity(by_province["FNR"], "Jawa Barat")["rate"].max(),
     "That is the largest miss rate itself (the column `rate`), not a ratio. The question asks "
     "how many times Jawa Barat's miss rate it is: the column `ratio`."),
    (lambda: (by_province.loc["Jawa Barat", "FNR"] / by_province["FNR"]).max(),
     "That divides Jawa Barat's miss rate by each province's: the ratio the wrong way round. "
     "A disparity ratio divides each province's rate by the reference's."),
    (lambda: fairness.disparity(by_province["FNR"], "Nusa Tenggara Timur")["ratio"].max(),
     "That ratio takes Nusa Tenggara Timur, the province with the most truly poor households, "
     "as the reference. The question takes Jawa Barat, the province with the most households."),
    (lambda: fairness.disparity(by_province["FNR"], "Jawa Barat")["ratio"].min(),
     "That is the smallest ratio. The question asks for the largest (it is more than 1)."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 8 — reading the largest ratio (1 point)
#
# The largest ratio belongs to DKI Jakarta. Look at its row of `by_province` again. What is
# the best reading?
#
# - **a)** Poor households in DKI Jakarta are missed almost twice as often as in Jawa Barat,
#   far past the 1.25 line of the rule of thumb: the model should be fixed for Jakarta first.
# - **b)** The ratio rests on very few truly poor households, so chance alone could produce
#   it: check the group's interval, and look for the same pattern in larger groups.
# - **c)** It confirms the lesson's finding that the model misses poor town households more
#   often: Jakarta is the most urban province, so this is the same bias at work.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q8_answer"
largest_ratio_reading = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Lesson section 5, "Intersections and small groups": look at the column
# `truly_poor_households` of `by_province`. On how many households is DKI Jakarta's miss rate
# measured, and how far could it move if one of them had been decided the other way?
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
checks.q8.hidden(slips=[
    ("a", "That takes the ratio at face value. Look at how many truly poor households DKI "
          "Jakarta's miss rate is measured on, and at what one household more or less would "
          "do to it (the lesson's section 5)."),
    ("c", "The lesson's finding about town households rests on many households. A ratio "
          "measured on a handful cannot confirm it, or anything else, on its own: look at how "
          "many households DKI Jakarta's rate rests on (the lesson's section 5)."),
])
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
# - **c)** the accuracy: of everyone the model decides about, the share decided rightly (it
#   counts both kinds of error, so that neither is left out).
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
checks.q9a.hidden(slips=[
    ("b", "The FNR counts the businesses that should be audited and are not. For the "
          "businesses, an audit is a burden, not a help: think of those audited although they "
          "did nothing wrong."),
    ("c", "Accuracy mixes both kinds of error into one number, so one group can bear more of "
          "the harmful errors while the accuracy stays the same. The fairness tree asks which "
          "error harms the people decided about."),
])
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
checks.q9b.hidden(slips=[
    ("a", "The FPR counts the pupils proposed although their families are not poor. A "
          "scholarship helps: think of the pupils who need it and get nothing."),
    ("c", "Accuracy mixes both kinds of error into one number, so one group can bear more of "
          "the harmful errors while the accuracy stays the same. The fairness tree asks which "
          "error harms the people decided about."),
])
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
checks.q9c.hidden(slips=[
    ("b", "The FNR counts the fraudulent claims that are not flagged: a loss for the insurer, "
          "but the question is about fairness to the hospitals. For a hospital, a flag "
          "is a burden: think of the honest claims held for months."),
    ("c", "Accuracy mixes both kinds of error into one number, so one group can bear more of "
          "the harmful errors while the accuracy stays the same. The fairness tree asks which "
          "error harms the people decided about."),
])
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
# Accuracy is the share of right decisions among **all** households (lesson section 6). A
# decision is right where it agrees with the truth: compare the two columns household by
# household (that gives True where they agree), then take the share of True, as in
# question 1.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `(mitigated == households["truly_poor"]).mean()`
# </details>

# %% nbgrader="check" grade_id="q11" points=2
checks.q11.check()
### BEGIN HIDDEN TESTS
checks.q11.hidden(slips=[
    (lambda: (households["selected"] == households["truly_poor"]).mean(),
     "That is the accuracy of the office's rule (`households[\"selected\"]`). The question "
     "asks about the mitigated model's decisions, `mitigated`."),
    (lambda: mitigated.mean(),
     "That is the share of households the mitigated model selects (its selection rate). "
     "Accuracy is the share it decides rightly: compare its decisions with the truth."),
    (lambda: (mitigated != households["truly_poor"]).mean(),
     "That is the share of wrong decisions (the error rate). The question asks for the share "
     "of right ones."),
    (lambda: mitigated[households["truly_poor"]].mean(),
     "That is the share of the truly poor households that the mitigated model selects (its "
     "hit rate). Accuracy counts every household: the poor selected and the others not."),
])
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
# - **a)** Switch: the mitigated model makes more right decisions overall and gives both
#   groups the same miss rate, which is exactly the rate an assistive programme should keep
#   equal across groups.
# - **b)** Keep the office's rule: a separate threshold for households with a disabled
#   member is unlawful discrimination wherever it is used, so its results do not matter.
# - **c)** Not on these numbers alone: the miss rates became equal by missing far more poor
#   households in both groups. Which errors to accept, at what budget, is for the programme
#   owner to decide.
#
# ✏️ Your letter, in quotes:

# %% nbgrader="answer" grade_id="q12_answer"
switch_decision = (
    ### BEGIN SOLUTION
    "c"
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
checks.q12.hidden(slips=[
    ("a", "Accuracy counts a missed poor household the same as a better-off household "
          "selected by mistake. Look at the row \"poor households missed, overall\" before "
          "calling the switch an improvement."),
    ("b", "The lesson says that using a protected characteristic at the moment of decision "
          "is unlawful or contested in many places: a question of law and policy to settle, "
          "not a rule that ends the discussion, and the results still matter."),
])
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
