# %% [markdown]
# # Module 01 exercise — Automating administrative work
#
# ⏱️ About 45 minutes · 10 questions checked by the computer (21 points) · 1 written answer read
# by your instructor (4 points)
#
# You will clean a register with a function of your own, produce a report figure, train and test a
# router, and choose how much of the work to automate. Each question works as in the practice
# exercise: write your answer in the cell marked ✏️, run it, then run the check below it. Open
# 💡 **Hint 1** (then **Hint 2**) if you are stuck. The lesson has an example of everything you
# need.
#
# Run the next cell first: it loads the tools, the data and the checks. It takes a few seconds.

# %%
import pandas as pd
from IPython.display import display

from civicai.automation import (RegisterRules, clean_register, evaluate_router, monthly_report,
                                split_for_training, staff_hours_saved, threshold_for_error_target,
                                threshold_table, train_router, validation_report)
from civicai.automation.examples import business_permits
from civicai.checks import automation as checks
from civicai.data import load

pets = load("seattle_pets")
complaints = load("complaints")

# %% [markdown]
# ## Part A — Rules before AI
#
# ### Question 1 — a cleaning function for permits (3 points)
#
# A district's business-permit office (*DPMPTSP*) keeps this register. It is **made up**, with the
# mistakes real registers have. Dates are written day first, as in Indonesia.

# %%
permits = business_permits()
permits

# %% [markdown]
# Write a function `clean_permits(table)` that gives back a cleaned copy of **any** register with
# these four columns, using the lesson's `RegisterRules` and `clean_register`. The rules must say:
#
# - `nomor_izin` is the permit number (the id);
# - `kecamatan` holds names whose spelling variants should be merged;
# - `kode_pos` is a five-digit postcode;
# - `tanggal_terbit` is the date of issue, written day/month/year.
#
# Your instructor tests the function on **other** registers with the same columns, so do not write
# anything that only fits these nine rows.
#
# ✏️ Replace the `...` inside `RegisterRules(...)` with the rules, then run the cell.

# %% nbgrader="answer" grade_id="q1_answer"
def clean_permits(table):
    """A cleaned copy of a permit register: the rules below, nothing doubtful deleted."""
    rules = RegisterRules(
        ### BEGIN SOLUTION
        id_column="nomor_izin",
        spelling_columns=("kecamatan",),
        code_column="kode_pos",
        date_column="tanggal_terbit",
        date_format="%d/%m/%Y",
        ### END SOLUTION
    )
    return clean_register(table, rules)


# %% [markdown]
# Try your function on the register and look at the result before running the check:

# %%
clean_permits(permits)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Look at `STALL_RULES` in section 2.5 of the lesson: the market-stall register has the same kinds
# of columns. Each rule is written `name=value`, separated by commas.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# You need five rules: `id_column="nomor_izin"`, `spelling_columns=("kecamatan",)` (note the comma
# inside the brackets), `code_column="kode_pos"`, `date_column="tanggal_terbit"` and
# `date_format="%d/%m/%Y"`. Without the date format, "03/04/2024" is read as 4 March.
# </details>

# %% nbgrader="check" grade_id="q1" points=3
checks.q1.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    new_rows = pd.DataFrame({
        "nomor_izin": ["IU-0201", "IU-0202", "IU-0202", "IU-0203", "IU-0204", "IU-0205",
                       "IU-0206"],
        "kecamatan": ["Andir", "ANDIR", "ANDIR", "Lengkong", "lengkong", "Andir", "Andir"],
        "kode_pos": ["40184", "40184-0012", "40184-0012", "4026", "40261", "40184", "40184"],
        "tanggal_terbit": ["02/06/2024", "11/06/2024", "11/06/2024", "30/06/2024",
                           "31/06/2024", "05/07/2024", "12/07/2024"],
    })
    call(new_rows.copy())


checks.q1.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 2 — licences dated before 2017 (2 points)
#
# In the Seattle register, most licences were issued in 2017 and 2018. A manager asks: *how many
# licences are dated before 1 January 2017?* Let the rules count them.
#
# ✏️ The cell makes a validation report with a date rule. Replace the first `...` with the earliest
# date allowed, and the second `...` with the number of rows whose problem is
# `"date out of range"`.

# %% nbgrader="answer" grade_id="q2_answer"
date_report = validation_report(pets, RegisterRules(
    date_column="license_issue_date",
    earliest=(
        ### BEGIN SOLUTION
        "2017-01-01"
        ### END SOLUTION
    ),
    latest="2018-12-31",
))
old_licences = (
    ### BEGIN SOLUTION
    (date_report["problem"] == "date out of range").sum()
    ### END SOLUTION
)
old_licences

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Dates are written as text, year first: `"2017-01-01"`. The report has a column `problem`; count
# the rows where it equals `"date out of range"`, the way the practice exercise counted WhatsApp
# requests.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `earliest=("2017-01-01")` and `old_licences = ((date_report["problem"] == "date out of range").sum())`.
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden(slips=[
    (lambda: (validation_report(pets, RegisterRules(
        date_column="license_issue_date", earliest="2015-01-01", latest="2018-12-31"))["problem"]
        == "date out of range").sum(),
     "That is the count with the lesson's rule (from 2015). This question's rule starts on "
     '1 January 2017: earliest="2017-01-01".'),
    (lambda: len(date_report),
     "That counts every row of the report. Count only the rows whose problem is "
     '"date out of range".'),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part B — A report produced by code
#
# ### Question 3 — cat licences in March 2018 (2 points)
#
# The next cell cleans the register with the lesson's rules (run it).

# %%
PET_RULES = RegisterRules(
    id_column="license_id", date_column="license_issue_date", earliest="2015-01-01",
    latest="2018-12-31", code_column="zip_code", also_valid=("980xx", "981xx", "982xx"),
    spelling_columns=("primary_breed", "secondary_breed"),
    required_columns=("zip_code", "animal_name"))
clean_pets = clean_register(pets, PET_RULES)

# %% [markdown]
# Produce the monthly report for **March 2018** by species, as in section 3 of the lesson, and take
# from its table the number of **Cat** licences issued that month.
#
# ✏️ Replace the `...` with the month, then the second `...` with the number from the table.

# %% nbgrader="answer" grade_id="q3_answer"
march = monthly_report(
    clean_pets,
    (
        ### BEGIN SOLUTION
        "2018-03"
        ### END SOLUTION
    ),
    date_column="license_issue_date", group_column="species", what="licences")
display(march)
cats_in_march = (
    ### BEGIN SOLUTION
    march.table.loc["Cat", "this month"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Months are written year-month: `"2018-03"`. The report's table has one row per species and a
# column `"this month"`.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `march.table.loc["Cat", "this month"]` takes the number in row "Cat", column "this month".
# </details>

# %% nbgrader="check" grade_id="q3" points=2
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden(slips=[
    (lambda: monthly_report(clean_pets, "2018-06", date_column="license_issue_date",
                            group_column="species", what="licences").table.loc["Cat", "this month"],
     'That is June 2018, the lesson\'s month. Change the month to "2018-03".'),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — Routing complaints with machine learning
#
# The next cell splits the complaints as in the lesson: `train` to learn from, `test` to test on
# (stratified, fixed seed). Run it.

# %%
train, test = split_for_training(complaints, "text", "unit")
print(f"{len(train):,} complaints to learn from, {len(test):,} to test on.")

# %% [markdown]
# ### Question 4 — train and test the router (2 points)
#
# ✏️ Replace the three `...`: train a router on the **training** complaints (`"text"` and
# `"unit"`), evaluate it on the **test** complaints, and take its accuracy. Training takes a few
# seconds.

# %% nbgrader="answer" grade_id="q4_answer"
router = (
    ### BEGIN SOLUTION
    train_router(train["text"], train["unit"])
    ### END SOLUTION
)
evaluation = (
    ### BEGIN SOLUTION
    evaluate_router(router, test, "text", "unit")
    ### END SOLUTION
)
test_accuracy = (
    ### BEGIN SOLUTION
    evaluation.accuracy
    ### END SOLUTION
)
test_accuracy

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Section 4.2 of the lesson trains `router` and 4.3 makes `evaluation`. The evaluation must use
# complaints the router has **not** learnt from.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `train_router(train["text"], train["unit"])`, then `evaluate_router(router, test, "text", "unit")`,
# then `evaluation.accuracy`.
# </details>

# %% nbgrader="check" grade_id="q4" points=2
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden(slips=[
    (lambda: evaluate_router(router, train, "text", "unit").accuracy,
     "That is the router's score on the complaints it learnt from (the training set). Test it "
     "on `test`, the complaints it has never seen."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 5 — recall of a small unit (2 points)
#
# DPMPTSP (the business-permit office) receives few complaints. Look at the router's results per
# unit:

# %%
evaluation.per_unit.round(2) if hasattr(evaluation, "per_unit") else "Answer question 4 first."

# %% [markdown]
# What is DPMPTSP's **recall**: of the test complaints that belong to DPMPTSP, the share the
# router sent there?
#
# ✏️ Replace the `...` with the number, as a share between 0 and 1 (two decimals are enough), or
# take it from the table with `.loc`.

# %% nbgrader="answer" grade_id="q5_answer"
recall_dpmptsp = (
    ### BEGIN SOLUTION
    evaluation.per_unit.loc["DPMPTSP", "recall"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Recall and precision are different columns. Recall answers "of the unit's **own** complaints,
# how many reached it?"
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `evaluation.per_unit.loc["DPMPTSP", "recall"]`
# </details>

# %% nbgrader="check" grade_id="q5" points=2
checks.q5.check()
### BEGIN HIDDEN TESTS
checks.q5.hidden(slips=[
    (lambda: evaluation.per_unit.loc["DPMPTSP", "precision"],
     "That is DPMPTSP's precision (of the complaints sent there, the share that belong there). "
     "The question asks for recall: of DPMPTSP's own complaints, the share that reached it."),
    (lambda: evaluate_router(router, train, "text", "unit").per_unit.loc["DPMPTSP", "recall"],
     "That is the recall on the training set: your `evaluation` of question 4 tests the router "
     "on the complaints it learnt from. Use the evaluation on the test set."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 6 — an accurate router? (2 points)
#
# In the lesson, the breach-report router was exactly as accurate as always answering "theft".
# Another office now proposes to switch on a router for its own reports because *"it is 92%
# accurate"*. What should you ask first?
#
# - **a)** Nothing: 92% is higher than the breach router's accuracy, so it is good enough.
# - **b)** What share of the reports belong to the biggest class, and what the recall of each class
#   is, especially the small ones.
# - **c)** Whether training it for longer would raise the accuracy to 99%.
#
# ✏️ Write the letter in quotes.

# %% nbgrader="answer" grade_id="q6_answer"
accuracy_answer = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# If nine reports in ten are thefts, a router that always says "theft" is already 90% accurate.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Accuracy alone cannot show a class the router never finds. Which option looks per class?
# </details>

# %% nbgrader="check" grade_id="q6" points=2
checks.q6.check()
### BEGIN HIDDEN TESTS
checks.q6.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part D — People in the loop
#
# The next cell makes the threshold table of your router's test results, as in section 5.2 of the
# lesson. Run it.

# %%
if hasattr(evaluation, "predictions"):
    predictions = evaluation.predictions
    tradeoff = threshold_table(predictions["confidence"], predictions["correct"])
    display(tradeoff.round(3))
else:
    print("Answer question 4 first, then run this cell again.")

# %% [markdown]
# ### Question 7 — the threshold for an error target (2 points)
#
# Your service's managers set the error target: **at most 1 automated complaint in 200** may go to
# the wrong unit (a share of 0.005). What is the lowest threshold that meets it?
#
# ✏️ Use `threshold_for_error_target`, as in the lesson, with the new target.

# %% nbgrader="answer" grade_id="q7_answer"
threshold_for_target = (
    ### BEGIN SOLUTION
    threshold_for_error_target(predictions["confidence"], predictions["correct"], 0.005)
    ### END SOLUTION
)
threshold_for_target

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# "1 in 200" is 1 ÷ 200 = 0.005. The lesson's target was 1 in 100 (0.01).
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `threshold_for_error_target(predictions["confidence"], predictions["correct"], 0.005)`
# </details>

# %% nbgrader="check" grade_id="q7" points=2
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden(slips=[
    (lambda: threshold_for_error_target(predictions["confidence"], predictions["correct"], 0.01),
     "That is the threshold for the lesson's target (1 in 100). This target is stricter: 1 in "
     "200 is 0.005."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 8 — staff hours saved (2 points)
#
# A city receives **5,000 complaints a month**; reading and forwarding one by hand takes
# **3 minutes**. The managers choose a cautious threshold of **0.70**. How many staff hours a month
# does automatic routing save?
#
# Staff hours saved = complaints a month × share automated × minutes per complaint ÷ 60.
#
# ✏️ First take the share automated at threshold 0.70 from the table above (`tradeoff`), then
# compute the hours (`staff_hours_saved` does the formula for you).

# %% nbgrader="answer" grade_id="q8_answer"
share_at_070 = (
    ### BEGIN SOLUTION
    tradeoff.loc[tradeoff["threshold"] == 0.7, "share automated"].item()
    ### END SOLUTION
)
hours_saved = (
    ### BEGIN SOLUTION
    staff_hours_saved(5000, 3, share_at_070)
    ### END SOLUTION
)
hours_saved

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Find the row of `tradeoff` where `threshold` is 0.7 and read its `share automated` (about six
# in ten). You may also type the number you read.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `tradeoff.loc[tradeoff["threshold"] == 0.7, "share automated"].item()`, then
# `staff_hours_saved(5000, 3, share_at_070)`.
# </details>

# %% nbgrader="check" grade_id="q8" points=2
checks.q8.check()
### BEGIN HIDDEN TESTS
checks.q8.hidden(slips=[
    (lambda: staff_hours_saved(5000, 3, 1.0),
     "That is the time for every complaint. Only the share routed automatically saves time: "
     "multiply by the share automated at threshold 0.70."),
    (lambda: staff_hours_saved(5000, 3, 1 - share_at_070),
     "That uses the share that goes to review. Staff save time on the share that is routed "
     "automatically."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 9 — a complaint the router is unsure about (2 points)
#
# A complaint arrives; the router's confidence is 0.31, below your threshold. What should happen to
# it?
#
# - **a)** It goes to the review queue: a person reads and routes it, and the decision is recorded,
#   so the router can be checked and retrained on such cases.
# - **b)** It goes to the unit the router thinks most likely: the router is right most of the time.
# - **c)** The citizen gets an automatic reply saying the complaint is unclear and must be sent
#   again.
#
# ✏️ Write the letter in quotes.

# %% nbgrader="answer" grade_id="q9_answer"
low_confidence_answer = (
    ### BEGIN SOLUTION
    "a"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# What is the threshold for? Who should handle what the router is unsure about?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Pushing the work back to the citizen is what went wrong in the Robodebt case.
# </details>

# %% nbgrader="check" grade_id="q9" points=2
checks.q9.check()
### BEGIN HIDDEN TESTS
checks.q9.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 10 — where the errors fall (2 points)
#
# Your router's test errors fall mostly on English-language complaints and on the smallest units,
# while its overall accuracy is above 95%. What is the best first step?
#
# - **a)** None: with an overall accuracy above 95%, the service is fine.
# - **b)** Stop accepting complaints written in English.
# - **c)** Keep those groups' complaints in the review queue for now, report error rates per group
#   every month, and collect more labelled examples from those groups.
#
# ✏️ Write the letter in quotes.

# %% nbgrader="answer" grade_id="q10_answer"
uneven_errors_answer = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# An overall figure can hide a group that is served badly (lesson, section 5.3).
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Turning citizens away is not a fix. Which option protects the citizens the router serves worst
# while it improves?
# </details>

# %% nbgrader="check" grade_id="q10" points=2
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part E — Your own work
#
# ### Question 11 — a task in your unit, and its safeguards (4 points, read by your instructor)
#
# Pick one repetitive task in your own unit (or one you know well). In 6 to 10 sentences:
#
# 1. describe the task and roughly how many cases a month it involves;
# 2. say whether **rules** or a **learned model** fits it, and why;
# 3. say which cases a **person** must still handle (low confidence, doubtful records, decisions
#    about a citizen's rights or money), and how a citizen can ask for a review;
# 4. say how you would **measure errors**, and for which groups of citizens you would check them
#    separately;
# 5. name one safeguard you take from the **Robodebt** case.
#
# A good answer covers all five points, with concrete details from your own work. Double-click the
# cell below, write your answer in place of the text, then press **Shift+Enter**.

# %% [markdown] nbgrader="written" grade_id="q11_reflection" points=4
# **MODEL ANSWER (instructor only).** "Our Dinas Sosial office receives about 1,200 letters and
# WhatsApp messages a month asking about social assistance (PKH, BPNT). Two staff spend most of
# their week reading them and forwarding each one to the right team. Routing fits a learned model:
# the messages are free text in Bahasa Indonesia and local languages, and we have two years of
# messages already routed by staff to learn from. Checking the beneficiary list for duplicate NIKs
# and impossible birth dates fits rules, with no AI. A person must still read every message the
# model is unsure about (we would start with a high threshold), every message about stopping or
# cutting a payment, and every complaint about the model itself; citizens can ask at the counter
# or by the usual complaint channel (SP4N-LAPOR!) for a person to look at their case. We would
# measure errors each month on a sample checked by staff, separately for messages in local
# languages, from villages with poor signal (short, informal texts), and for the smallest
# programmes. From Robodebt: never let the system take a decision that costs a citizen money, and
# never make the citizen prove the system wrong."
#
# Rubric (4 points, one per group of criteria; accept any words and any real task):
# - 1 point: a concrete task with a rough volume, and a reasoned choice between rules and a learned
#   model (rules where the rule can be written down; a model where only examples exist).
# - 1 point: which cases stay with a person (low confidence or doubtful records, and decisions on
#   rights or money), and a way for a citizen to get a person to review their case.
# - 1 point: how errors are measured (for example a monthly checked sample or error rate), broken
#   down by at least one named group of citizens or cases.
# - 1 point: a safeguard clearly linked to the Robodebt case (a person in the loop for decisions
#   about money or rights; no reversed burden of proof; open rules; a review path).
# Give half points for a criterion that is named but not made concrete.

# %% [markdown]
# **Learning on your own?** When you have written your answer, you can compare it with a model
# answer. (In a group, your instructor shares it with your feedback instead.)

# %%
from civicai.checks.reflection import model_answer_button

model_answer_button("01-automation", "q11_reflection")

# %% [markdown]
# ## Done!
#
# Save your work (**Ctrl+S**), then click **Validate** at the top of the notebook to run every
# check at once. Next: the [sandbox](sandbox.ipynb), to try the tools on your own register or
# your own categorised texts.
