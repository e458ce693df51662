# %% [markdown]
# # Module 01 — Automating administrative work
#
# **Where can AI take repetitive work off staff, safely?**
#
# ⏱️ **About 70 minutes** (reading, running every cell, and trying the two sliders).
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# After this lesson you will be able to:
#
# 1. check and clean a register with **written rules**, and produce a validation report that a
#    colleague can read;
# 2. produce a **monthly report by code** (table, chart, sentences), save it as a web page and a
#    spreadsheet, and re-run it for another month by changing one word;
# 3. train a small **machine-learning router** that sends complaints to the right unit, and test it
#    honestly on complaints it has never seen;
# 4. explain why **accuracy alone misleads** when some units are much smaller than others, and read
#    precision, recall and a confusion matrix instead;
# 5. choose a **confidence threshold** between automatic routing and a human review queue, and
#    estimate the staff hours it saves and the errors it lets through;
# 6. say **who the errors fall on**, and what a public agency owes the citizens affected.
#
# The first question of the study behind this course was whether AI can take repetitive work off
# public servants and make services faster **without making them worse**. This lesson answers it
# in three steps: rules first, then machine learning, then people in the loop.

# %% [markdown]
# ## 0. Set up
#
# Run the next cell first (**Shift+Enter**). It loads the course's tools and data. It takes a few
# seconds; nothing is downloaded.

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import FileLink, display
from sklearn.feature_extraction.text import TfidfVectorizer

from civicai.automation import (RegisterRules, always_biggest_accuracy, clean_register,
                                error_rates_by, error_rates_summary, evaluate_router, looks_informal, monthly_report,
                                problem_summary, route, spelling_variants, split_for_training,
                                staff_hours_saved, standard_code, threshold_explorer,
                                threshold_for_error_target, threshold_table, train_router,
                                validation_report)
from civicai.automation.cleaning import describe_problems, plot_problem_summary
from civicai.automation.examples import market_stalls
from civicai.automation.reporting import plot_monthly_counts
from civicai.automation.review import plot_confidence, plot_error_rates, plot_tradeoff
from civicai.data import load
from civicai.style import callout, chart_summary, use_course_style

use_course_style()
pd.set_option("display.max_colwidth", None)  # show every text in a table whole, never cut

# %% [markdown]
# ## 1. Three kinds of work, three kinds of tool
#
# Before any technology, sort the work. Most repetitive office work is one of three kinds:
#
# | kind of work | example | the right tool |
# |---|---|---|
# | the rule is known and can be written down | "a postcode has five digits", "count the licences issued in June" | **rules** written as code: no AI needed |
# | the rule is hard to write, but examples exist | "which unit should handle this complaint?" | **machine learning**: a model learns the rule from past examples |
# | a judgement about a person's rights or money | "does this citizen owe the state money?" | **a person decides**; computers may prepare, never decide alone |
#
# The lesson follows the table from top to bottom. Keep the last row in mind: it is where, in the
# real case at the end of this lesson, automation did the most harm.

# %% [markdown]
# ## 2. Rules before AI: checking a register
#
# A **register** is a table an agency keeps about cases: licences, permits, residents, requests.
# Registers collect small mistakes: rows entered twice, one name spelt three ways, codes that cannot
# exist, dates that cannot be right. Every report built on the register repeats its mistakes.
#
# Our register is real: **52,519 pet licences** issued by the City of Seattle (United States),
# published as open data. It is the same kind of table as a *kelurahan*'s list of residents or a
# DPMPTSP office's list of business permits, and it is messy in the same ways. (Licence numbers
# were replaced by pseudonyms and a few postcodes were masked before the course published it:
# `card("seattle_pets")` tells the whole story.)

# %%
pets = load("seattle_pets")
pets.head()

# %% [markdown]
# Each row is one licence: the day it was issued, the licence number, the pet's name, species
# and breeds, and the owner's ZIP code (the American postcode). An **empty cell** shows as
# **NaN** ("not a number", Python's mark for a value that is missing); an empty date shows as
# **NaT** ("not a time"). More than half the pets have no second breed: their `secondary_breed`
# is NaN.
#
# We look for four kinds of problem, one at a time, and then let one function do all four.

# %% [markdown]
# ### 2.1 Rows entered twice
#
# An **exact duplicate** is a row identical to an earlier one, in every column. It is almost
# certainly the same licence typed twice. `duplicated()` marks each row that repeats an earlier
# one; `.sum()` counts them.

# %%
pets.duplicated().sum()

# %% [markdown]
# A **repeated id** is different: the same licence number on rows that are *not* identical. Here
# are a few.

# %%
repeated = pets[pets["license_id"].duplicated(keep=False)].sort_values("license_id")
print(f"{len(repeated)} rows share their licence number with another row.")
repeated.head(6)

# %% [markdown]
# Look at the pairs: one licence number for two different animals, sometimes in two different
# postcodes. Perhaps a number was reused, perhaps it was typed wrongly. **The table cannot tell
# us.** An exact copy can
# be removed safely; a repeated id with different details must be **flagged for a person**, not
# deleted by a rule.

# %% [markdown]
# ### 2.2 One thing spelt several ways
#
# If "Pot-Bellied" and "Pot Bellied" are two spellings, a count by breed splits one group in two.
# `spelling_variants` groups spellings that differ only in capitals, accents, spaces or
# punctuation, and says which spelling each one becomes (the most common one).

# %%
spelling_variants(pets["primary_breed"])

# %% [markdown]
# Only one breed is spelt two ways: this register is tidy, probably because staff pick breeds
# from a list. Registers filled in as free text are rarely so lucky. Here is a **made-up** register
# of market stalls, the kind a *Dinas Perdagangan* might keep, with dates written day first as
# Indonesians write them:

# %%
stalls = market_stalls()
stalls

# %%
spelling_variants(stalls["pasar"])

# %% [markdown]
# The rule merges "PASAR BARU" into "Pasar Baru" and "pasar kosambi" into "Pasar Kosambi". It does
# **not** merge "Psr. Baru": an abbreviation is a different word, and only a person who knows the
# market can say it is the same place. Once a person has decided, the decision becomes a rule too:

# %%
stalls["pasar"].replace({"Psr. Baru": "Pasar Baru"})

# %% [markdown]
# ### 2.3 Codes that cannot exist
#
# A ZIP code, like an Indonesian *kode pos*, has exactly five digits. `standard_code` returns the
# five digits, or nothing when the value cannot be a code. Look at what it does with each value:

# %%
for value in ["98115", " 98115 ", "98115-7706", "9810", "4O112", None]:
    print(f"{value!r:>14} -> {standard_code(value)!r}")

# %% [markdown]
# "98115-7706" is a longer American code (ZIP+4): the first five digits are the postcode, so the
# rule can fix it. "9810" is too short and "4O112" has a letter O instead of a zero: no rule can
# guess the right code, so it is left empty for a person to look up.
#
# In the Seattle register, a few codes look like **981xx**: the course masked them because too few
# pets shared that postcode to publish it safely (module 04 explains why). They are not mistakes,
# so the rules below accept them as they are.

# %% [markdown]
# Which ZIP codes in the register are not five digits? The first line marks the rows whose code
# `standard_code` cannot read; the second counts their values.

# %%
not_a_code = pets["zip_code"].notna() & pets["zip_code"].map(standard_code).isna()
pets.loc[not_a_code, "zip_code"].value_counts()

# %% [markdown]
# ### 2.4 Dates that cannot be right
#
# Most licences were issued in 2017 and 2018. Count them by year:

# %%
pets["license_issue_date"].dt.year.value_counts().sort_index()

# %% [markdown]
# A handful of licences are dated years before the rest, some in 2003. They may be real (an old
# licence never renewed) or typing mistakes. Again, a rule can **find** them but should not
# **change** them: it flags them for a person.
#
# Dates bring one more trap. "03/04/2024" is **3 April** in Indonesia and **4 March** in the United
# States. A computer reading dates must be told which order they are in, or it guesses, and a wrong
# guess silently moves every date. In the rules below, `date_format="%d/%m/%Y"` means
# *day/month/year*.

# %% [markdown]
# ### 2.5 One function for all the rules
#
# Doing each check by hand is fine once. Every month, it should be **one function** with the rules
# written down, so anyone can re-run them and read what they check. `RegisterRules` says which
# column plays which part; `validation_report` lists every problem, one row each.

# %%
PET_RULES = RegisterRules(
    id_column="license_id",                # rows sharing a licence number are flagged
    date_column="license_issue_date",      # dates outside the range are flagged
    earliest="2015-01-01",
    latest="2018-12-31",
    code_column="zip_code",                # five-digit postcodes...
    also_valid=("980xx", "981xx", "982xx"),  # ...and the masked ones, which are not mistakes
    spelling_columns=("primary_breed", "secondary_breed"),
    required_columns=("zip_code", "animal_name"),  # these should never be empty
)
report = validation_report(pets, PET_RULES)
report.head()

# %% [markdown]
# Each row of the report says where the problem is (`row`, `column`), what it is, the value found,
# and what the cleaning does about it. `row` is the row's label in the register: the number at
# the left of `pets.head()` above, which counts from 0. (The sandbox, where you bring your own
# file, numbers rows as Excel does instead: the column names are row 1, the first data row is 2.)
#
# A summary per kind of problem is what a manager reads:

# %%
summary = problem_summary(report)
summary

# %%
plot_problem_summary(summary, "What the rules found in the Seattle register")
plt.show()
chart_summary(describe_problems(summary))

# %% [markdown]
# `clean_register` applies the same rules and returns a **cleaned copy**. It fixes what is certain
# (exact copies removed, spellings merged, ZIP+4 codes cut to five digits) and **keeps every row
# that needs a person**, with its problem listed in the report. The original table is not changed.

# %%
clean_pets = clean_register(pets, PET_RULES)
print(f"Before: {len(pets):,} rows. After: {len(clean_pets):,} rows "
      f"({len(pets) - len(clean_pets)} exact copies removed; everything else is kept).")

# %% [markdown]
# The same function works on any register. Here it is on the made-up market-stall register, with
# its own rules:

# %%
STALL_RULES = RegisterRules(id_column="no_kios", date_column="tanggal_sewa",
                            date_format="%d/%m/%Y", code_column="kode_pos",
                            spelling_columns=("pasar",))
validation_report(stalls, STALL_RULES)

# %%
clean_register(stalls, STALL_RULES)

# %%
display(callout(
    "warning", "Flag, don't delete",
    "A rule that deletes a row because one field looks wrong deletes a citizen's case. Fix only "
    "what is certain; send everything else to a person, with the reason. Keep the validation "
    "report: it shows what was changed, by which rule, and lets anyone check the work."))

# %% [markdown]
# ## 3. A monthly report, produced by code
#
# In many offices, someone spends a day each month copying counts into a spreadsheet and rewriting
# the same paragraph with new numbers. Code can do it in a second, the same way every time.
#
# First, the trend over the whole period, so that one month's figures are seen in context:

# %%
plot_monthly_counts(clean_pets, "license_issue_date", what="licences", since="2017-01")
plt.show()
per_month = clean_pets["license_issue_date"].dt.to_period("M").value_counts()
per_month = per_month[per_month.index >= pd.Period("2017-01", "M")]
chart_summary(f"From January 2017 to December 2018 the city issued between {per_month.min():,} "
              f"and {per_month.max():,} licences a month; the busiest month was "
              f"{per_month.idxmax().strftime('%B %Y')}. Months in 2018 are generally busier "
              "than in 2017.")

# %% [markdown]
# `monthly_report` builds one month's report from the **cleaned** register: a table by species
# (this month, the month before, the change, the share), and sentences written from those numbers,
# so the words can never disagree with the table.

# %%
june = monthly_report(clean_pets, "2018-06", date_column="license_issue_date",
                      group_column="species", title="Pet licences issued", what="licences")
june

# %%
june.figure()
plt.show()
chart_summary(" ".join(june.sentences))

# %% [markdown]
# A manager wants a file, not a notebook. `save()` writes the report as a **web page** (open it in
# any browser; the chart is inside it) and as an **Excel workbook** (one sheet of figures, one of
# sentences). Click a link to open the file.

# %%
files = june.save()
display(FileLink(files["html"]), FileLink(files["excel"]))

# %% [markdown]
# **Another month is one word away.** Choose a month in the list (click it, or use the arrow keys):
# the same code produces that month's report.

# %%
import ipywidgets as widgets

months = [str(month) for month in pd.period_range("2017-02", "2018-12", freq="M")]


def show_report(month):
    """Display the report of the chosen month."""
    display(monthly_report(clean_pets, month, date_column="license_issue_date",
                           group_column="species", title="Pet licences issued",
                           what="licences"))


widgets.interact(show_report, month=widgets.Dropdown(options=months, value="2018-06",
                                                     description="Month"));

# %% [markdown]
# The code can write that licences rose or fell; it cannot know *why*. A holiday, a closed
# office, a new online form: only a person who knows the service can explain a change. **A person
# still reads the report before it goes out**, and adds the explanation.

# %% [markdown]
# ## 4. Routing text with machine learning
#
# Some rules cannot be written down. Which unit should handle *"Jalan di depan sekolah berlubang,
# sudah ada yang jatuh"*? A person knows at once (the public works office), but writing rules
# that cover every way citizens describe every problem, in two languages, with typos, is hopeless.
# A **machine-learning model** learns the rule from examples instead: complaints that staff have
# already routed.
#
# Indonesia's national complaint system, **SP4N-LAPOR!**, set up under Presidential Regulation
# 76/2013, promises a *"no wrong door"* service: wherever a complaint comes in, it should reach
# the office responsible for it ([OECD Observatory of Public Sector Innovation, "SP4N-LAPOR!
# Indonesia's national complaint handling management system"](https://oecd-opsi.org/innovations/sp4n-lapor-indonesias-national-complaint-handling-management-system/)).
# By 2017 it had received 1,180,609 complaints, and the government itself listed the low number
# of reports being followed up among its challenges ([Open Government Partnership, "LAPOR!-SP4N
# Quality Improvements (ID0101)"](https://www.opengovpartnership.org/members/indonesia/commitments/ID0101/)).
# Sending each complaint to the right desk, fast, is exactly the work a router can help with.
#
# Our complaints are **synthetic** (made up by a program, no real citizen): 2,400 complaints to a
# city government in Bahasa Indonesia, English and a mix of both, with typos and informal spellings,
# each labelled with the unit that handles it.

# %%
complaints = load("complaints")
complaints[["received", "channel", "language", "text", "unit"]].sample(5, random_state=1)

# %% [markdown]
# Some units receive far more complaints than others. Keep this picture in mind: it explains most
# of what follows.

# %%
unit_counts = complaints["unit"].value_counts()
unit_counts.iloc[::-1].plot.barh(figsize=(7, 4.5), title="Complaints per unit")
plt.xlabel("complaints")
plt.show()
chart_summary(f"{unit_counts.index[0]} receives the most complaints ({unit_counts.iloc[0]:,}); "
              f"{unit_counts.index[-1]} the fewest ({unit_counts.iloc[-1]:,}). The three biggest "
              f"units receive {unit_counts.iloc[:3].sum() / unit_counts.sum():.0%} of all "
              "complaints.")

# %% [markdown]
# ### 4.1 How a computer reads a text: TF-IDF
#
# A model needs numbers, not words. **TF-IDF** (*term frequency – inverse document frequency*)
# turns each text into one number per word: high when the word is in this text and rare in the
# others (so it tells texts apart), low when the word is everywhere. Three tiny texts show it:

# %%
tiny = ["ktp saya hilang", "ktp belum jadi", "jalan rusak"]
tfidf = TfidfVectorizer().fit(tiny)
pd.DataFrame(tfidf.transform(tiny).toarray().round(2), index=tiny,
             columns=tfidf.get_feature_names_out())

# %% [markdown]
# "ktp" is in two of the three texts, so it weighs less than "hilang", which only the first text
# has. The router below uses single words and pairs of words ("belum jadi"), then a **linear
# classifier** (logistic regression): for every unit, it learns how much each word counts for or
# against that unit, and adds them up.

# %% [markdown]
# ### 4.2 Learn from some complaints, test on others
#
# A model must be tested on texts it has **never seen**. Testing it on the texts it learnt from is
# like giving students the exam questions in advance: the score says nothing. So we split the
# complaints: three quarters to learn from (the *training set*), one quarter kept aside to test
# (the *test set*). The split is **stratified** (each unit has the same share in both parts) and
# uses a fixed **seed**, so it is the same split every time the notebook runs.

# %%
train, test = split_for_training(complaints, "text", "unit")
print(f"{len(train):,} complaints to learn from, {len(test):,} to test on.")
pd.DataFrame({"share in training set": train["unit"].value_counts(normalize=True),
              "share in test set": test["unit"].value_counts(normalize=True)}).round(3).head()

# %% [markdown]
# Now train the router on the training set, and route three new complaints it has never seen.

# %%
router = train_router(train["text"], train["unit"])
route(router, ["Jalan di depan sekolah berlubang, sudah ada yang jatuh",
               "my e-ktp still not printed after 3 weeks",
               "air PDAM mati sdh 2 hari, tolong"])

# %% [markdown]
# Next to each answer is the router's **confidence**: its own estimate, from 0 to 1, that it is
# right. Section 5 uses it.
#
# ### 4.3 How good is it? Accuracy, and what it hides
#
# **Accuracy** is the share of test complaints sent to the right unit.

# %%
evaluation = evaluate_router(router, test, "text", "unit")
print(f"Accuracy on {len(test):,} test complaints: {evaluation.accuracy:.1%}")

# %% [markdown]
# That looks excellent. But one number for the whole test set can hide a unit that is badly served.
# Two measures per unit show it:
#
# - **recall** of a unit: of the complaints that *belong* to the unit, the share the router sent
#   there. Low recall means the unit's complaints get lost elsewhere: citizens wait.
# - **precision** of a unit: of the complaints the router *sent* to the unit, the share that
#   belong there. Low precision means the unit's staff waste time forwarding others' complaints.

# %%
evaluation.per_unit.round(2)

# %%
evaluation.plot_recall()
plt.show()
chart_summary(evaluation.recall_summary("complaints"))

# %% [markdown]
# A **confusion matrix** shows where every test complaint went. Rows are the right unit, columns
# the unit the router chose. The diagonal (top left to bottom right) holds the complaints routed
# right; every number off the diagonal is a complaint sent to the wrong desk.

# %%
evaluation.plot_confusion()
plt.show()
chart_summary(evaluation.confusion_summary("complaints"))

# %% [markdown]
# ### 4.4 Why accuracy misleads: real breach reports
#
# The complaints are made up and fairly easy. Real data is harder. The US health department
# publishes reports of breaches of health data; 209 of them come with a written description of what
# happened. Suppose an office wants to route each new report by kind: **theft** (a stolen laptop, a
# stolen box of files) to one team, **every other kind** (hacking, loss, wrong disposal,
# unauthorised access) to another.

# %%
breaches = load("breach_reports").dropna(subset=["description"])
is_theft = breaches["breach_type"].astype(str).str.contains("Theft")
breaches = breaches.assign(kind=is_theft.map({True: "theft", False: "other kinds"}))
breaches["kind"].value_counts()

# %% [markdown]
# Nine reports in ten are thefts. A "router" that learns nothing and answers **theft** every time
# would already be right this often:

# %%
breach_train, breach_test = split_for_training(breaches, "description", "kind")
print(f"Always answering 'theft': {always_biggest_accuracy(breach_test['kind']):.1%} accurate")

# %% [markdown]
# Now a real router, trained exactly like the complaint router:

# %%
breach_router = train_router(breach_train["description"], breach_train["kind"])
breach_evaluation = evaluate_router(breach_router, breach_test, "description", "kind")
print(f"The trained router: {breach_evaluation.accuracy:.1%} accurate")
breach_evaluation.per_unit.round(2)

# %%
breach_evaluation.plot_confusion("Breach reports: where the router sent each test report")
plt.show()
other = breach_evaluation.per_unit.loc["other kinds"]
chart_summary(f"The router's accuracy ({breach_evaluation.accuracy:.0%}) looks high, but its "
              f"recall for 'other kinds' is {other['recall']:.0%}: of the "
              f"{int(other['cases'])} test reports that were not thefts, it found "
              f"{round(other['recall'] * other['cases'])}.")

# %% [markdown]
# The router is exactly as accurate as answering "theft" every time, because that is what it
# learnt to do: with so few examples of the other kinds, always guessing the big class is the
# safest bet. Its **recall for "other kinds" is zero**: every hacking incident would go to the theft
# team.
#
# This is what **imbalanced classes** do: when one class is much bigger, accuracy mostly measures
# the big class. So always look at the recall of each class, especially the small ones, and
# compare with the "always the biggest" baseline. Remedies exist (more examples of the rare kinds,
# telling the model to weigh rare classes more), but the first step is to *see* the problem.

# %%
display(callout(
    "warning", "Always ask: accurate for whom?",
    "A high accuracy can hide a class the system never gets right. Report recall per unit (or per "
    "kind of case), next to the 'always the biggest' baseline, before anyone calls a system "
    "accurate."))

# %% [markdown]
# ## 5. People in the loop
#
# ### 5.1 Confidence
#
# For every complaint, the router gives a confidence. Are wrong routes less confident than right
# ones? Compare them on the test set:

# %%
predictions = evaluation.predictions
plot_confidence(predictions)
plt.show()
wrong = predictions[~predictions["correct"]]
chart_summary(f"Right routes mostly have a high confidence (median "
              f"{predictions.loc[predictions['correct'], 'confidence'].median():.2f}); the "
              f"{len(wrong)} wrong routes have a median of {wrong['confidence'].median():.2f}. "
              "Low confidence is a warning sign.")

# %% [markdown]
# ### 5.2 A threshold and a review queue
#
# That suggests a policy: choose a **threshold**. A complaint whose confidence is at or above it is
# routed automatically; below it, it goes to a **human review queue**, where a person reads it and
# sends it on. The higher the threshold, the fewer mistakes reach citizens, and the more work stays
# with people. `threshold_table` counts both for each threshold:

# %%
tradeoff = threshold_table(predictions["confidence"], predictions["correct"])
tradeoff.iloc[::2].round(3)

# %% [markdown]
# In the table, *share automated* is the share of complaints routed without a person;
# *errors among automated* is the share of those automated complaints that go to the wrong unit;
# *misrouted per 1000 cases* is how many complaints, out of every 1,000 that arrive, reach the
# wrong desk with nobody checking.
#
# Move the slider (click it, then use the arrow keys) to see the trade-off for a city that
# receives, say, **3,000 complaints a month** and takes **4 minutes** to read and forward one by
# hand. Both figures are assumptions: in the exercise and the sandbox you can put your own.

# %%
threshold_explorer(predictions, cases_per_month=3000, minutes_per_case=4)

# %% [markdown]
# A rule such as *"at most 1 automated complaint in 100 may go to the wrong unit"* is an **error
# target**. It turns the choice into a calculation: the lowest threshold that meets the target
# automates the most work while keeping the promise.

# %%
chosen = threshold_for_error_target(predictions["confidence"], predictions["correct"], 0.01)
row = tradeoff[tradeoff["threshold"] == chosen].iloc[0]
hours = staff_hours_saved(3000, 4, row["share automated"])
print(f"Threshold {chosen:.2f}: {row['share automated']:.0%} of complaints routed automatically, "
      f"{row['errors among automated']:.1%} of them wrong; "
      f"about {hours:,.0f} staff hours saved a month.")

# %% [markdown]
# **Staff hours saved** = complaints a month × share automated × minutes per complaint ÷ 60.
# It is an estimate: it counts only the routing, not the time to build, monitor and fix the
# system, which is never zero.
#
# Who sets the error target? Not the data scientist. It is a **policy** decision about how much
# delay a misrouted complaint costs a citizen, taken by the service's managers, written down, and
# revisited when the numbers change.

# %% [markdown]
# ### 5.3 Where do the errors fall?
#
# An error rate for everyone can hide a group of citizens who are served much worse. Look at the
# test errors by **language**:

# %%
by_language = error_rates_by(predictions, "language")
by_language

# %%
plot_error_rates(by_language, "Misrouted complaints by language")
plt.show()
chart_summary("From the highest error rate to the lowest: " + error_rates_summary(by_language))

# %% [markdown]
# English is the least common language in these complaints, so the router learnt from the fewest
# English examples. Now check **informal writing** (texts with spellings such as "sy", "udh",
# "gmn", "tdk"):

# %%
predictions = predictions.assign(informal=predictions["text"].map(looks_informal))
by_writing = error_rates_by(predictions, "informal")
by_writing

# %%
informal, formal = by_writing.loc["True"], by_writing.loc["False"]
print(f"Informal texts: {informal['error rate']:.1%} misrouted ({informal['errors']:.0f} of "
      f"{informal['cases']:.0f}); other texts: {formal['error rate']:.1%} "
      f"({formal['errors']:.0f} of {formal['cases']:.0f}).")

# %% [markdown]
# Here informal texts do not fare worse: the training set holds hundreds of them, so "sy" and
# "udh" are words the router has learnt. A spelling it has never seen would simply be ignored.
# **Check, don't assume**: the same table on next month's complaints may look different.
#
# And by **unit**: the recall chart in section 4.3 already showed that the smallest units lose
# the largest share of their complaints.
#
# What to take from it: errors are **not spread evenly**. They gather where the model saw the
# fewest examples: a small unit, a less common language in the training data, a new way of
# writing. In a real service, a group that is small in the data is easily a group of citizens
# the office already serves less often. Module 03 (bias and fairness) measures this properly.
# For now, three habits:
#
# - report error rates **per group**, not only overall;
# - keep the groups the router serves worst in the **review queue** until it improves;
# - collect and label **more examples** from those groups.

# %% [markdown]
# ## 6. A real case: Australia's "Robodebt"

# %%
display(callout("case", "Robodebt: automation without a person in the loop", """
From July 2015 to November 2019 the Australian government used an automated system to find
welfare overpayments. It took a person's yearly income from tax records, spread it evenly over
the year's fortnights ("income averaging"), and compared the result with the income the person
had reported each fortnight. Where they differed, the system could raise a debt (Federal Court of
Australia, Prygodicz v Commonwealth (No 2) [2021] FCA 634, summary).

Once a debt was raised, it was up to the citizen to disprove it, often by finding old payslips or
bank statements (Economic Justice Australia). Averaging wrongly assumes a steady
income: the judge noted that many people on benefits work casual, part-time or intermittent jobs,
so the system could show an overpayment that never happened, and called the case "a shameful
chapter in the administration of the Commonwealth social security system and a massive failure
of public administration" (quoted by the Australian Senate's Community Affairs References
Committee).

The Commonwealth admitted it had no proper legal basis to raise, demand or recover the debts
based on income averaging, totalling at least A$1.7 billion against about 400,000 people; the
court approved a settlement that included A$112 million (Maurice Blackburn's summary of the
judgment).

A Royal Commission, led by Catherine Holmes AC SC, reported on 7 July 2023 with 57
recommendations. It called the scheme "a crude and cruel mechanism, neither fair nor legal" that
"made many people feel like criminals". For automated decisions it recommended a consistent legal
framework with a clear path for people to seek review, plain-language explanations of how the
automation works, business rules and algorithms open to independent expert scrutiny, and a body
to monitor and audit automated decision-making (recommendations 17.1 and 17.2).
"""))

# %% [markdown]
# **What Robodebt teaches this module.**
#
# | what went wrong | what this lesson does instead |
# |---|---|
# | a rule was applied to people's money with no person checking each case | *flag, don't delete*: doubtful cases go to a person |
# | the system's errors fell on one group (people with irregular income) | measure error rates **per group** |
# | citizens had to prove the system wrong | a review queue and an appeal path, run by the agency |
# | the rules were not open to scrutiny | write the rules down (`RegisterRules`), publish the threshold and the error target |
#
# **Sources** (all accessed through the course's reference library):
#
# - Royal Commission into the Robodebt Scheme, ["Report"](https://robodebt.royalcommission.gov.au/publications/report) (7 July 2023; list of 57 recommendations).
# - Federal Court of Australia, ["Prygodicz v Commonwealth of Australia (No 2) [2021] FCA 634 — summary"](https://www.judgments.fedcourt.gov.au/judgments/Judgments/fca/single/2021/2021fca0634/summaries/2021fca0634-summary).
# - Parliament of Australia, Senate Community Affairs References Committee, ["Centrelink's compliance program, fifth interim report, chapter 2: the settlement of the class action"](https://aph.gov.au/Parliamentary_Business/Committees/Senate/Community_Affairs/Centrelinkcompliance/Fifth_Interim_Report/section?id=committees%2Freportsen%2F024538%2F73697).
# - Maurice Blackburn Lawyers, ["Robodebt class action settlement approved"](https://www.mauriceblackburn.com.au/blog/class-actions/robodebt-class-action-settlement-approved/).
# - Economic Justice Australia (via Community Legal Centres), ["Robodebt Royal Commission report unravels systemic injustice, requiring urgent reform"](https://clcs.org.au/robodebt-royal-commission-report-unravels-systemic-injustice-and-recommends-urgent-reform/).
# - The Canberra Times, ["Prime Minister calls robodebt scheme a gross betrayal and a human tragedy"](https://www.canberratimes.com.au/story/8260587/prime-minister-calls-robodebt-scheme-a-gross-betrayal-and-a-human-tragedy/) (7 July 2023; the Royal Commission's words).
# - Hall & Wilcox, ["Automated decision-making: balancing efficiency and legality post-Robodebt"](https://hallandwilcox.com.au/thinking/automated-decision-making-balancing-efficiency-and-legality-post-robodebt) (recommendations 17.1 and 17.2).

# %% [markdown]
# ## Recap
#
# - **Rules before AI.** Many wins need no machine learning: a validation report and a cleaning
#   function, with the rules written down, re-run every month. Fix what is certain; flag the rest
#   for a person; never delete a case because one field looks wrong.
# - **Reports by code.** One function, one parameter (the month), the same result every time, in
#   files a manager opens. A person still reads it and explains the changes.
# - **Routing with machine learning.** TF-IDF and a linear classifier learn from routed examples.
#   Test on texts the model has never seen, with a stratified split and a fixed seed.
# - **Accuracy misleads** when classes are imbalanced. Look at precision and recall per class,
#   the confusion matrix, and the "always the biggest" baseline.
# - **People in the loop.** A confidence threshold splits automatic routing from a human review
#   queue. An error target, set by managers, picks the threshold; staff hours saved are an
#   estimate, not a promise.
# - **Errors fall unevenly**: here on the smallest units and the least common language. Measure
#   them per group, every month (module 03 goes further).
#
# ## Glossary
#
# | word | meaning |
# |---|---|
# | register | a table an agency keeps about cases (licences, permits, residents, requests) |
# | validation report | a list of every problem the rules found, one row each, with what was done about it |
# | exact duplicate | a row identical in every column to an earlier row |
# | repeated id | the same case number on rows that differ: a person must check |
# | spelling variant | the same label written another way ("PASAR BARU", "Pasar Baru") |
# | NaN / NaT | how a table shows an empty cell ("not a number") or an empty date ("not a time") |
# | machine learning | a computer learning a rule from examples instead of being given the rule |
# | router / classifier | a model that puts each text in one of several classes (here: units) |
# | TF-IDF | a way to turn a text into numbers: one per word, high for words that are frequent in this text and rare in others |
# | training set / test set | the examples a model learns from / the examples kept aside to test it |
# | stratified split | a split that keeps each class's share the same in both parts |
# | seed | a fixed starting number for random choices, so they come out the same every time |
# | accuracy | the share of all test cases the model got right |
# | recall (of a class) | of the cases that belong to the class, the share the model found |
# | precision (of a class) | of the cases the model put in the class, the share that belong there |
# | confusion matrix | a table of right class (rows) against the model's answer (columns) |
# | imbalanced classes | some classes have many more examples than others |
# | confidence | the model's own estimate, from 0 to 1, that its answer is right |
# | threshold | the confidence below which a case goes to a person instead of being automated |
# | review queue | the cases waiting for a person to check them |
# | error target | the highest error rate the service accepts for automated cases, set as policy |
#
# **Next:** the graded [exercise](exercise.ipynb) (about 45 minutes), then the
# [sandbox](sandbox.ipynb) to try the tools on your own register or your own categorised texts.
