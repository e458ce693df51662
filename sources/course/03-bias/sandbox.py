# %% [markdown]
# # Sandbox — a bias report on your own decisions
#
# ⏱️ About 15 minutes with the example; longer with your own file.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# Bring a table of decisions your office (or a system it uses) made, one row per person,
# household or case, with:
#
# - a **decision** column: yes or no (selected, approved, flagged, inspected);
# - a **group** column: the groups you want to compare (sex, region, disability, age band);
# - if you know it, an **outcome** column: yes or no, what was *truly* the case (truly poor,
#   truly eligible, fraud truly found).
#
# You get the tools of the lesson in one report: the selection rate of each group with its
# 95% interval, the four-fifths ratio, the error rates by group, the rate that the fairness
# tree recommends for your kind of decision, and findings in plain sentences.
#
# Yes and no can be written as yes/no, ya/tidak, true/false, 1/0, approved/denied,
# layak/tidak layak; a CSV or Excel file exported from a spreadsheet works.

# %% [markdown]
# ## 1. Your data stays with you
#
# Read this first.

# %%
from civicai import fairness
from civicai.sandbox import TablePicker, privacy_warning

privacy_warning()

# %% [markdown]
# ## 2. Choose a file
#
# Until you choose one, the sandbox uses a worked example: the lesson's proxy-means test on
# the **synthetic** household register (no real household in it), written as an office would
# export it.

# %%
example = fairness.report.example_decisions()
example.head()

# %% [markdown]
# Upload a file, or type its path and press **Use this path**. Then run the cells below again
# (menu **Run → Run Selected Cell and All Below**).

# %%
picker = TablePicker(example, "PMT decisions on the synthetic household register")
picker

# %% [markdown]
# ## 3. Say which column is which
#
# Choose the decision, group and outcome columns (click a menu, or use Tab and the arrow
# keys). Untick the box if your file has no true outcome: the report then shows selection
# rates only. Say whether the decision **helps** people (assistive: a benefit, a
# scholarship) or can **harm** them (punitive: an inspection, a fraud flag); the report
# compares the error rate that matters for that kind of decision.

# %%
settings = fairness.report.ReportChooser(
    picker.data, {"decision": "selected", "group": "head_sex", "outcome": "truly_poor"})
settings

# %% [markdown]
# ## 4. The report
#
# Run the next cell. After changing a setting above, run it again.

# %%
findings = settings.run()

# %% [markdown]
# ## 5. Go further
#
# **Another group.** Choose another group column above (for example `province` or
# `disability` in the example) and run the report again.
#
# **Two groups at once.** The next cell shows the selection rate for each combination of
# the group you chose and a second column. Change `second_group` to a column of your file.
# Small combinations have wide intervals: read them before the bars.

# %%
second_group = "province"  # ✏️ change to a column of your file
fairness.show_rates(
    fairness.group_rates(picker.data, settings.columns["decision"],
                         [settings.columns["group"], second_group]),
    f"share with '{settings.columns['decision']}' yes",
    title=f"By {settings.columns['group']} and {second_group}");

# %% [markdown]
# ## 6. What to do with the findings
#
# A finding is a question to take to the people who run the programme, not a verdict:
#
# 1. **Base rates.** Do the groups really differ in need or risk? What does the outcome column
#    measure, and who recorded it?
# 2. **The records.** Who is missing (empty cells, "unknown"), and why?
# 3. **The errors.** For an assistive decision, who in need is left out; for a punitive one,
#    who is wrongly flagged? How large are the groups?
# 4. **The remedy.** Better data for the group that is measured badly, a different threshold,
#    a human review of borderline cases, an appeal channel. Who decides, and on what grounds?
#
# Write down what you found and the questions you will ask. If you used real data, close
# this notebook without saving its outputs (**Edit → Clear Outputs of All Cells**, then
# save), so that no figures about real people stay in the file.
