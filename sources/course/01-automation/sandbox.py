# %% [markdown]
# # Sandbox — module 01's tools on your own data
#
# ⏱️ 10 to 30 minutes, depending on your file.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# Two tools from the lesson, ready for a file you bring. Use either one, or both:
#
# - **Part A — check a register**: your own table of cases (permits, licences, requests...) gets a
#   validation report, a cleaned copy, and a monthly count.
# - **Part B — route texts**: your own table of texts that staff have already put in categories
#   (complaints by unit, letters by topic...) trains a router, which is tested honestly, with the
#   threshold trade-off.
#
# Each part runs as it is on the course's example data, so you can see what to expect. To use your
# own file: upload it (or type its path) in the part's first cell, choose its columns, then run the
# cells below again (**Run → Run Selected Cell and All Below**).
#
# Read this first:

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import FileLink, display

from civicai.automation import (RegisterRules, always_biggest_accuracy, clean_register,
                                error_rates_by, error_rates_summary, evaluate_router, monthly_report, problem_summary,
                                split_for_training, staff_hours_saved, threshold_explorer,
                                threshold_for_error_target, threshold_table, train_router,
                                validation_report)
from civicai.automation.cleaning import describe_problems, plot_problem_summary
from civicai.automation.reporting import REPORT_FOLDER
from civicai.automation.review import plot_error_rates
from civicai.data import load
from civicai.errors import LearnerError
from civicai.sandbox import ColumnChooser, TablePicker, privacy_warning
from civicai.style import chart_summary, use_course_style

use_course_style()
pd.set_option("display.max_colwidth", None)  # show every text in a table whole, never cut
privacy_warning()

# %% [markdown]
# ## Part A — check a register
#
# ### A1. Your register
#
# Until you choose a file, the example is the Seattle pet-licence register from the lesson. A CSV
# or Excel file works; the first row must hold the column names.
#
# Rows are numbered **as in Excel**: the column names are row 1, so the first row of data is
# row 2. When the report below names row 3, it is the row Excel shows as 3.

# %%
register = TablePicker(load("seattle_pets"), "Seattle pet licences (the lesson's register)")
register

# %% [markdown]
# ### A2. Which column is which?
#
# Tell the tool which column plays each part. Choose **(none)** when your register has no such
# column. After a change, run the cells below again.

# %%
register_columns = ColumnChooser(
    register.data,
    {"id": "the case number: rows sharing it are flagged for a person",
     "date": "a date to check (and to count by month)",
     "code": "a code of fixed length, such as a postcode (kode pos)",
     "label": "a name or category whose spelling variants should be merged, and counted by month",
     "required": "a column that should never be empty"},
    defaults={"id": "license_id", "date": "license_issue_date", "code": "zip_code",
              "label": "species", "required": "animal_name"},
    optional={"id", "date", "code", "label", "required"})
register_columns

# %% [markdown]
# ### A3. Your rules
#
# Change these to fit your register, then run the cell. Text goes in quotes; `None` means "no rule".

# %%
EARLIEST = "2015-01-01"   # dates before this are flagged
LATEST = "2018-12-31"     # dates after this are flagged
DATE_FORMAT = None        # "%d/%m/%Y" for 31/12/2024 (day first); None: follow the first date
CODE_DIGITS = 5           # 5 for a postcode, 16 for a NIK
ALSO_VALID = ("980xx", "981xx", "982xx")  # codes accepted as they are (here: masked postcodes)
MONTH = None              # the month to report, such as "2018-06"; None: the latest month

# %% [markdown]
# ### A4. The validation report
#
# One line per problem found: the `row` it is in (the row's number in Excel), the column, what the
# problem is, the value found, and what the cleaning does about it.

# %%
rules = RegisterRules(
    id_column=register_columns["id"], date_column=register_columns["date"],
    earliest=EARLIEST, latest=LATEST, date_format=DATE_FORMAT,
    code_column=register_columns["code"], code_digits=CODE_DIGITS, also_valid=ALSO_VALID,
    spelling_columns=tuple(filter(None, [register_columns["label"]])),
    required_columns=tuple(filter(None, [register_columns["required"]])))
report = validation_report(register.data, rules)
print(f"{len(report):,} problems found in {len(register.data):,} rows.")
report.head(10).set_index("row")

# %%
summary = problem_summary(report)
summary

# %%
if len(summary):
    plot_problem_summary(summary)
    plt.show()
chart_summary(describe_problems(summary))

# %% [markdown]
# ### A5. The cleaned copy, in files you can open
#
# The cleaning fixes only what is certain (exact copies, spelling variants, codes with extra
# digits) and keeps every row that needs a person. Both tables are saved as CSV files next to this
# notebook, in the `my_reports` folder. The cleaned copy's first column, `row`, keeps each row's
# number in your original file, so you can find it there.

# %%
cleaned = clean_register(register.data, rules)
print(f"Before: {len(register.data):,} rows. After: {len(cleaned):,} rows.")
REPORT_FOLDER.mkdir(exist_ok=True)
cleaned.to_csv(REPORT_FOLDER / "cleaned_register.csv", index=True, index_label="row")
report.to_csv(REPORT_FOLDER / "validation_report.csv", index=False)
display(FileLink(REPORT_FOLDER / "cleaned_register.csv"),
        FileLink(REPORT_FOLDER / "validation_report.csv"))

# %% [markdown]
# ### A6. A monthly report (needs a date and a label column)

# %%
date_column, label_column = register_columns["date"], register_columns["label"]
if date_column and label_column:
    try:
        month_report = monthly_report(cleaned, MONTH or cleaned[date_column].max(),
                                      date_column=date_column, group_column=label_column,
                                      title="Monthly report", what="cases")
        display(month_report)
        files = month_report.save()
        display(FileLink(files["html"]), FileLink(files["excel"]))
    except LearnerError as problem:
        print(problem)
else:
    print("Choose a date column and a label column in A2 to get a monthly report.")

# %% [markdown]
# ## Part B — route your own texts
#
# ### B1. Your texts
#
# You need a table with one text per row and the category staff gave it (the unit, the topic).
# A few hundred rows, with at least a few dozen per category, is a sensible start. Until you
# choose a file, the example is the course's synthetic complaints.

# %%
example_texts = load("complaints")[["text", "unit", "language", "channel"]]
texts = TablePicker(example_texts, "synthetic complaints (2,400 rows)")
texts

# %%
text_columns = ColumnChooser(
    texts.data,
    {"text": "the text to route",
     "label": "the category staff gave it (what the router learns to predict)",
     "group": "a column to compare error rates by, such as language or channel"},
    defaults={"label": "unit", "group": "language"}, optional={"group"})
text_columns

# %% [markdown]
# ### B2. Your assumptions
#
# For the hours saved: how many texts arrive a month, and how many minutes a person takes to read
# and forward one. The error target is the highest share of automated texts that may go to the
# wrong place (0.01 = 1 in 100).

# %%
CASES_PER_MONTH = 3000
MINUTES_PER_CASE = 4
ERROR_TARGET = 0.01

# %% [markdown]
# ### B3. Train on three quarters, test on the rest
#
# The split is stratified and seeded, as in the lesson. Training takes a few seconds (longer for a
# large file).

# %%
text_column, category_column = text_columns["text"], text_columns["label"]
train, test = split_for_training(texts.data, text_column, category_column)
router = train_router(train[text_column], train[category_column])
evaluation = evaluate_router(router, test, text_column, category_column)
baseline = always_biggest_accuracy(test[category_column])
print(f"Trained on {len(train):,} texts, tested on {len(test):,} it never saw.")
print(f"Accuracy: {evaluation.accuracy:.1%}. Always answering the biggest category: "
      f"{baseline:.1%}.")

# %%
evaluation.per_unit.round(2)

# %%
evaluation.plot_recall()
plt.show()
chart_summary(evaluation.recall_summary())

# %%
evaluation.plot_confusion()
plt.show()
chart_summary(evaluation.confusion_summary())

# %% [markdown]
# ### B4. The threshold trade-off
#
# Move the slider (arrow keys work) to see how much is automated and how many errors reach
# citizens at each threshold.

# %%
threshold_explorer(evaluation.predictions, cases_per_month=CASES_PER_MONTH,
                   minutes_per_case=MINUTES_PER_CASE)

# %%
predictions = evaluation.predictions
tradeoff = threshold_table(predictions["confidence"], predictions["correct"])
try:
    chosen = threshold_for_error_target(predictions["confidence"], predictions["correct"],
                                        ERROR_TARGET)
    share = tradeoff.loc[tradeoff["threshold"] == chosen, "share automated"].item()
    hours = staff_hours_saved(CASES_PER_MONTH, MINUTES_PER_CASE, share)
    print(f"Error target {ERROR_TARGET:.1%}: threshold {chosen:.2f}, {share:.0%} automated, "
          f"about {hours:,.0f} staff hours saved a month.")
except LearnerError as problem:
    print(problem)

# %% [markdown]
# ### B5. Where do the errors fall?

# %%
group_column = text_columns["group"]
if group_column:
    by_group = error_rates_by(predictions, group_column)
    plot_error_rates(by_group, f"Error rate by {group_column}")
    plt.show()
    chart_summary(error_rates_summary(by_group))
else:
    print("Choose a group column in B1 to compare error rates between groups.")

# %% [markdown]
# ## Before you use this at work
#
# - A router trained on a few hundred texts is a **prototype**. Before real use, test it on a
#   new month of texts, agree an error target with your managers, keep a review queue, and give
#   citizens a way to reach a person.
# - Check error rates **per group** every month: module 03 shows how.
# - Real personal data stays on your own computer or your organisation's approved system.
