# %% [markdown]
# # Module 01 exercise — Automating administrative work
#
# ⏱️ About 45 minutes · 10 questions checked by the computer (21 points) · 1 written answer read
# by your instructor (4 points)
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# You will write the rules that check and clean a register, produce a report figure, train and
# test a router, and choose how much of the work to automate. Each question works as in the practice
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
# ### Question 1 — rules for the permit register (3 points)
#
# A district's business-permit office (*DPMPTSP*) keeps this register. It is **made up**, with the
# mistakes real registers have. Dates are written day first, as in Indonesia.

# %%
permits = business_permits()
permits

# %% [markdown]
# Write the **rules** for this register, the way the lesson's `STALL_RULES` do for the market
# stalls (section 2.5), and keep them as `permit_rules`. The office will run the same rules on its
# register every month. The rules must say five things, and nothing else:
#
# - `nomor_izin` is the permit number (the id): rows that share a number but differ are flagged
#   for a person;
# - `kecamatan` holds names whose spelling variants should be merged;
# - `kode_pos` is a five-digit postcode;
# - `tanggal_terbit` is the date of issue;
# - the dates are written day/month/year (the date format).
#
# ✏️ Replace the `...` inside `RegisterRules(...)` with the rules, one `name=value` per line, each
# followed by a comma. Then run the cell.

# %% nbgrader="answer" grade_id="q1_answer"
permit_rules = RegisterRules(
    ### BEGIN SOLUTION
    id_column="nomor_izin",
    spelling_columns=("kecamatan",),
    code_column="kode_pos",
    date_column="tanggal_terbit",
    date_format="%d/%m/%Y",
    ### END SOLUTION
)

# %% [markdown]
# See what your rules find before you run the check. The validation report lists every problem,
# one row each; a permit number shared by rows that differ would be listed as a "repeated id".

# %%
if "permit_rules" in globals():
    display(validation_report(permits, permit_rules))
else:
    print("Write your rules in the cell above and run it first.")

# %% [markdown]
# And the cleaned copy the same rules give: exact copies removed, spellings merged, codes cut to
# five digits, dates read. A row with a doubtful code or date stays, for a person to check; the
# code or date it could not read is left empty (an empty cell shows as NaN, an empty date as
# NaT).

# %%
if "permit_rules" in globals():
    display(clean_register(permits, permit_rules))
else:
    print("Write your rules in the cell above and run it first.")

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Look at `STALL_RULES` in section 2.5 of the lesson: the market-stall register has the same kinds
# of columns (an id, place names, a postcode, a date written day first). Each bullet point of the
# question is one rule; use the same rule names as `STALL_RULES`, with this register's column
# names in the quotes.
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
checks.q1.hidden()
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
# `earliest` is the first day that is **not** out of range, written as text in quotes, year first,
# as in the lesson's `PET_RULES` (section 2.5): which day is that for the manager's question? Then
# count the rows of `date_report` whose `problem` is "date out of range", the way the practice
# exercise counted WhatsApp requests: compare the column with the text, then add up the matches.
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
     "That is the count with the lesson's rule (from 2015). This question's rule starts on the "
     "day the manager names."),
    (lambda: (validation_report(pets, RegisterRules(
        date_column="license_issue_date", earliest="2016-12-31", latest="2018-12-31"))["problem"]
        == "date out of range").sum(),
     "With that rule, licences dated 31 December 2016 count as in range, so they are missing "
     "from your count. `earliest` is the first day that is not out of range: the first day that "
     "is not before the manager's date."),
    (lambda: len(date_report),
     "That counts every row of the report, whatever its problem (the report also lists exact "
     'copies). Count only the rows whose problem is "date out of range".'),
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
# Months are written as text in quotes, year first, then the month, as the lesson's June report
# does (section 3). The report's table has one row per species and one column per figure: read
# the cell where the row of cats meets the column of the month itself.
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
     "That is June 2018, the lesson's month. Change the month to the question's month."),
    (lambda: monthly_report(clean_pets, "2017-03", date_column="license_issue_date",
                            group_column="species", what="licences").table.loc["Cat", "this month"],
     "That is March 2017. The question asks for March of the following year."),
    (lambda: march.table.loc["Cat", "month before"],
     "That is the number for the month before March (February). Take the number for March "
     "itself."),
    (lambda: march.table.loc["Dog", "this month"],
     "That is the number of dog licences. The question asks for cats."),
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
     "That is a score on complaints the router learnt from (the training set, or every "
     "complaint): like an exam whose questions were handed out in advance. Train the router on "
     "the training complaints only, and test it on `test`, the complaints it has never seen."),
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
# Recall and precision are different columns of the table above (lesson, section 4.3). Recall
# answers "of the unit's **own** complaints, how many reached it?"; precision answers "of the
# complaints sent to the unit, how many belong there?". Find DPMPTSP's row.
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
    (lambda: evaluation.accuracy,
     "That is the router's accuracy over all units (question 4). The question asks about one "
     "unit: of DPMPTSP's own complaints, the share that reached it."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 6 — an accurate router? (2 points)
#
# In the lesson, the breach-report router was exactly as accurate as always answering "theft".
# Another office now proposes to switch on a router for its own reports because *"it is 92%
# accurate"*. What should you ask first?
#
# - **a)** Whether 92% beats the breach router's accuracy: that router was judged not good enough.
# - **b)** What share of the reports the biggest class holds, and each class's recall, small ones
#   first.
# - **c)** Whether training it for longer would lift its accuracy from 92% to 99%, the level a
#   service needs.
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
checks.q6.hidden(slips=[
    ("a", "Comparing with the breach router says little: each router must be compared with what "
          "always answering its own biggest class would score, and 92% may be no better than "
          "that. Ask first what the 92% hides."),
    ("c", "A higher overall accuracy can still hide a class the router never finds, and no "
          "single figure is the level every service needs. Before asking for more accuracy, ask "
          "what the 92% is made of."),
])
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
# "1 in 200" is 1 ÷ 200 = 0.005. The lesson's target was 1 in 100 (0.01). Section 5.2 of the
# lesson turns a target into a threshold with one function: give it the same confidences and
# right-or-wrong column as there, and change only the target. The threshold is a confidence, not
# the target itself.
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
    (0.005,
     "That is an error target (a share of wrong routes), not a threshold. The threshold is the "
     "confidence a complaint needs to be routed automatically: let `threshold_for_error_target` "
     "find the lowest one that meets the target."),
    (0.995,
     "That is the share of automated complaints that must be right (199 in 200), not a "
     "threshold. The threshold is a confidence level: let `threshold_for_error_target` find the "
     "lowest one that meets the target."),
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
# Find the row of `tradeoff` where `threshold` is 0.7 and read its `share automated` (a little
# over six in ten). Take it from the table, or type it with all the decimals the table shows, not
# a rounded figure. The formula above ends with ÷ 60, which turns minutes into hours.
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
    (lambda: staff_hours_saved(5000, 3, 0.6),
     'That uses a rounded share ("about six in ten"). Take the share automated at threshold '
     "0.70 from the table itself, with all its decimals."),
    (lambda: 5000 * 3 * share_at_070,
     "That is minutes, not hours: divide by 60 (or let `staff_hours_saved` do the formula)."),
    (lambda: staff_hours_saved(3000, 4, share_at_070),
     "That uses the lesson's city (3,000 complaints a month, 4 minutes each). This city "
     "receives 5,000 a month and takes 3 minutes for each."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 9 — a complaint the router is unsure about (2 points)
#
# A complaint arrives; the router's confidence is 0.31, below your threshold. What should happen to
# it?
#
# - **a)** It goes to the review queue: a person reads and routes it, and the choice is kept to
#   check the router.
# - **b)** It goes to the router's likeliest unit, and that unit's staff pass it on if it turns out
#   not to be theirs.
# - **c)** The citizen gets an automatic reply asking them to send the complaint again, with more
#   detail this time.
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
# Below the threshold the router's guess is not trusted. Neither the citizen nor another unit's
# staff should have to make up for it (pushing the work back to the citizen is what went wrong in
# the Robodebt case): which option puts a person of the agency in charge?
# </details>

# %% nbgrader="check" grade_id="q9" points=2
checks.q9.check()
### BEGIN HIDDEN TESTS
checks.q9.hidden(slips=[
    ("b", "Below the threshold the router's guess is not trusted, so sending the complaint there "
          "anyway still routes it automatically: each wrong guess costs a unit's staff time and "
          "the citizen a delay. The threshold is there to decide who handles the unsure cases."),
    ("c", "That pushes the agency's uncertainty back onto the citizen, who did nothing wrong, as "
          "in the Robodebt case. The threshold decides who handles a case: the router, or the "
          "agency's own staff."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 10 — where the errors fall (2 points)
#
# Your router's test errors fall mostly on English-language complaints and on the smallest units,
# while its overall accuracy is above 95%. What is the best first step?
#
# - **a)** Nothing yet: at above 95% overall, the router already misroutes fewer complaints than
#   the staff used to.
# - **b)** Ask citizens to write in Bahasa Indonesia, which the router reads well, so that far fewer
#   complaints are misrouted.
# - **c)** Keep those groups' complaints with a person for now, report errors per group, and collect
#   more of their examples.
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
# Asking citizens to change how they write is not a fix, and an overall figure says nothing about
# one group. Which option follows the three habits at the end of section 5.3, and protects the
# citizens the router serves worst while it improves?
# </details>

# %% nbgrader="check" grade_id="q10" points=2
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden(slips=[
    ("a", "The overall figure is what hides the problem: the errors gather on English-language "
          "complaints and the smallest units, and how the staff did before says nothing about "
          "those groups. Look again at what section 5.3 of the lesson says to do."),
    ("b", "That puts the router's weakness on the citizens: people who write in English would "
          "be served worse or put off, and the smallest units' complaints would still go astray. "
          "The agency adapts the service, not the citizens."),
])
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
