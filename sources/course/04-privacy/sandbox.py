# %% [markdown]
# # Sandbox — how risky is my table?
#
# ⏱️ About 15 minutes with the example; as long as you like with your own files.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# Bring a table your unit might publish or share. Tell the sandbox which columns an outsider
# could know (the **quasi-identifiers**) and which column is **sensitive**. It reports:
#
# - **k**: the size of the smallest group of look-alikes, and how many rows are **unique**;
# - **l**: the fewest different sensitive values in a group (l = 1 means attribute disclosure);
# - the **riskiest records**;
# - **suggested generalisations** to reach your target k, one step at a time, and how many rows
#   would still need suppressing.
#
# Everything runs on this computer: your file is not sent anywhere. Run the cells from the top;
# it works as it is on an example, a made-up hospital release.

# %%
from civicai import privacy
from civicai.data import load
from civicai.privacy.explore import RiskChooser, plot_class_sizes
from civicai.privacy.report import parse_date_columns
from civicai.sandbox import TablePicker, privacy_warning

privacy_warning()

# %% [markdown]
# ## 1. Choose your table
#
# Upload a CSV or Excel file, or type its path on this computer. Until you do, the example is
# used. **Before you upload real data**, remove the direct identifiers you do not need to assess
# (names, NIK, phone numbers, addresses): the risk report does not need them.

# %%
picker = TablePicker(load("health_release"), "a made-up hospital release (health_release)")
picker

# %% [markdown]
# Dates in a spreadsheet export arrive as text; the next cell turns columns that hold dates into
# dates, so they can be generalised to months and years.

# %%
table, date_columns = parse_date_columns(picker.data)
print(f"{len(table):,} rows, {len(table.columns)} columns.",
      f"Columns that hold dates: {', '.join(date_columns)}." if date_columns
      else "No column holds dates.")
table.head()

# %% [markdown]
# ## 2. Say which columns are which
#
# Choose the quasi-identifiers (several: hold Ctrl, or Cmd on a Mac), the sensitive column and
# the target k (3 or 5 are usual). The example's choices are already made. After you change
# anything, run the cells below again.

# %%
chooser = RiskChooser(table, quasi=["birth_date", "sex", "kecamatan"], sensitive="diagnosis", k=5)
chooser

# %% [markdown]
# ## 3. The disclosure-risk report

# %%
report = privacy.disclosure_report(table, chooser.quasi, chooser.sensitive, chooser.k)
report

# %% [markdown]
# How many rows share their quasi-identifiers with how many others:

# %%
plot_class_sizes({"your table": privacy.class_sizes(table, chooser.quasi)},
                 f"Rows by size of their group of look-alikes ({len(chooser.quasi)} columns)")

# %% [markdown]
# ## 4. Apply the suggested generalisations
#
# The next cell applies the suggested levels, suppresses the rows still below k, and checks the
# result again. The `released` table is what could be published, as far as these measures go.

# %%
ladders = [privacy.automatic_ladder(table[column]) for column in chooser.quasi]
generalised = privacy.generalise(table, ladders, report.suggested_levels)
released = privacy.suppress(generalised, chooser.quasi, chooser.k)
print(f"Kept {len(released):,} of {len(table):,} rows; k = "
      f"{privacy.k_anonymity(released, chooser.quasi) if len(released) else 'n/a'}.")
if chooser.sensitive and len(released):
    print("l =", privacy.l_diversity(released, chooser.quasi, chooser.sensitive))
released.head()

# %% [markdown]
# ## 5. Save the treated table (optional)
#
# To keep the result on this computer, change `save = False` to `save = True` and run the cell.
# Check it again by eye before it goes anywhere: these measures cover the columns you chose, not
# free text or columns you forgot.

# %%
save = False
if save:
    released.to_csv("released.csv", index=False)
    print("Saved released.csv next to this notebook.")

# %% [markdown]
# ## What the report does not tell you
#
# - It only knows the columns you marked. A column you forgot (a job title, a rare disease, a
#   free-text note) can still single someone out.
# - k and l are measured on **this** file. If an outsider has other data, or if the file is a
#   small sample of a known population, ask a statistician about population risk (the IHSN/World
#   Bank *Statistical Disclosure Control* guide explains the measures).
# - Tables of **counts** need their own treatment: suppress small cells, or add noise with a
#   stated ε (lesson, section 7).
# - The law still applies after treatment: publish only what the purpose needs (UU No. 27/2022),
#   and keep respondents' information confidential (UU No. 16/1997, Article 21).
