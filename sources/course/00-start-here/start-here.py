# %% [markdown]
# # Welcome to Civic AI Lab
#
# **A hands-on course for civil servants on how AI can improve public services, and where it
# goes wrong.** You do not need to know how to program.
#
# ⏱️ **About 30 minutes.** After this page you will be able to:
#
# 1. run the "cells" of a notebook and read what they show;
# 2. understand what a **check** tells you, and use a hint;
# 3. type an answer the way Python reads it (text, letters, decimals, calculations, lists);
# 4. save and download your work;
# 5. find your way around the course.
#
# > **Selamat datang!** You can switch JupyterLab's menus to Bahasa Indonesia: **Settings →
# > Language → Indonesian (Indonesia) - Indonesia (Indonesia)**, then **Change and reload**. The
# > page reloads; some menu items stay in English (the translation is not complete yet), and
# > the course text itself is in English.
#
# Stuck at any point? The [help page](help.ipynb) says what to try, what the usual error
# messages mean and where to ask.

# %% [markdown]
# ## 1. A notebook is made of cells
#
# This page is a **notebook**. It is made of **cells**, one under the other:
#
# - **text cells**, like this one, explain things;
# - **code cells**, with a grey background and `[ ]:` on their left, hold short instructions
#   for the computer, written in the Python language.
#
# To **run** a code cell: click on it, then press **Shift+Enter** (hold Shift, press Enter), or
# click the ▶ button at the top. What the cell produces appears just below it.
#
# Try it now on the next cell.

# %%
print("Selamat datang! Welcome to Civic AI Lab.")

# %% [markdown]
# The number on the left, for example `[1]:`, tells you the cell has run. While a cell is
# still running it shows `[*]:`. Most cells in this course take less than a second.

# %% [markdown]
# ## 2. Cells remember what earlier cells did
#
# A code cell can store a value under a name. Here, a service counter serves 12 citizens an
# hour. Run the cell: nothing appears, but the notebook now remembers `citizens_per_hour`.

# %%
citizens_per_hour = 12

# %% [markdown]
# The next cell uses that name. Run it.

# %%
citizens_per_hour * 7

# %% [markdown]
# **Order matters.** A cell only knows what cells that already ran have stored. If you see a
# message such as `NameError: name '...' is not defined`, run the cells above it first.
#
# **If things get muddled**, start afresh: menu **Kernel → Restart Kernel and Run All Cells…**
# This forgets everything and runs the whole notebook again from the top, in order. Your text
# and answers are not lost: only the computer's memory is cleared.

# %% [markdown]
# ## 3. Some cells have controls you can move
#
# Many lessons let you *explore* instead of typing. Run the next cell, then drag the slider
# (or click it and use the arrow keys) to change how many hours the counter is open.

# %%
import ipywidgets as widgets


def daily_capacity(hours_open):
    """Say how many citizens the counter can serve in a day."""
    print(f"Open {hours_open} hours → about {citizens_per_hour * hours_open} citizens a day.")


widgets.interact(daily_capacity,
                 hours_open=widgets.IntSlider(value=7, min=1, max=12, description="Hours open"));

# %% [markdown]
# ## 4. What a check looks like
#
# Each graded exercise has questions. You write your answer in a cell marked ✏️, then run a
# **check** under it. A check answers in one of three ways:
#
# | what you see | what it means | what to do |
# |---|---|---|
# | ✏️ **Not attempted yet** | there is no answer yet, or its cell has not been run | write your answer, run its cell, run the check again |
# | 🔎 **Not right yet** | your answer is there, but something looks wrong; the message says what | read the message, open 💡 Hint 1 (then Hint 2), change your answer |
# | ✅ **Correct** | this check is happy | move on |
#
# Try it. The question is: *how many days are in a week?* The answer cell still holds the
# placeholder `...`. Run both cells below as they are, and see what the check says.

# %%
days_in_week = ...

# %%
from civicai.checks import start_here as checks

checks.demo.show()

# %% [markdown]
# Now change the `...` above to `8` and run both cells again: the check tells you the answer
# is not right, without telling you the right one. Then try `7`.
#
# <details><summary>💡 Hint 1 (click to open)</summary>
#
# Hints look like this. Click the small triangle to open them. The first hint nudges you; the
# second one says more.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.
# </details>
#
# When your instructor grades an exercise, each answer is judged the same way as by the check
# you see: a ✅ is the point you get. Only a function you write is also tried on examples you
# do not see, so make it work for every example its question gives.

# %% [markdown]
# ## 5. How to type an answer
#
# Answers are typed the way Python reads them. Five small rules cover nearly every answer in
# this course. Try each one below: the answer is given, so you can make the usual slip on
# purpose first (it is in the right-hand column) and read what the check says. Each try has an
# answer cell and a check: run both, as in section 4.
#
# | what you answer | how you type it | the usual slip |
# |---|---|---|
# | text (a name, a word) | in quotes: `"Dinas Sosial"` | `Dinas Sosial` without quotes |
# | a letter of a multiple-choice question | in quotes: `"c"` | `c` without quotes |
# | a decimal, or a share | a point, and a share between 0 and 1: 25% is `0.25` | `0,25` or `25` |
# | a calculation | `*` multiplies, `/` divides: `5 * 8`, `480 / 80` | `5 x 8`, `480 ÷ 80` |
# | a list of names | in square brackets, each name in quotes: `["name", "phone"]` | `[name, phone]` |
#
# **Text.** The office that runs social assistance is *Dinas Sosial*. Replace the `...` with
# that name as text, in quotes.

# %%
office = ...

# %%
from civicai.checks import typing_answers as tries

tries.text.show()

# %% [markdown]
# **A letter.** In a multiple-choice question you answer with the letter of the option. Say the
# best option is c: replace the `...` with the letter c, in quotes.

# %%
best_option = ...

# %%
tries.letter.show()

# %% [markdown]
# **A share.** Of 200 requests last week, 50 came online: that is 25%. Python writes decimals
# with a point, and the course asks for a share (a number between 0 and 1), not a percentage:
# write 25% as a share. (You may also type the calculation `50 / 200`.)

# %%
share_online = ...

# %%
tries.share.show()

# %% [markdown]
# **A calculation.** A counter is open 480 minutes a day and serves 80 citizens. How many
# minutes does each citizen get? Type the calculation 480 ÷ 80 the way Python writes it, with
# `/`, and let the computer work it out.

# %%
minutes_per_citizen = ...

# %%
tries.calculation.show()

# %% [markdown]
# **A list.** Some questions ask for several names at once. Write the two columns `name` and
# `phone` as a list: square brackets around it, each name in quotes, a comma between them.

# %%
columns_to_hide = ...

# %%
tries.names.show()

# %% [markdown]
# When an answer cell stops with a red error message, the check below it says in plain words
# what Python could not read (and never judges an older answer instead): fix the answer cell,
# run it again, then run the check.

# %% [markdown]
# ## 6. Try a graded exercise
#
# Open the **[practice exercise](practice.ipynb)** (about 15 minutes, 5 short questions). It
# works exactly like the graded exercise at the end of every module.
#
# When you have answered, click **Validate** in the toolbar at the top of the exercise. It runs
# the whole notebook and tells you, in one window, which checks pass and which do not.

# %% [markdown]
# ## 7. How grading works
#
# - **Learning on your own:** the checks and the Validate button are your feedback. Nobody
#   else sees your work.
# - **In a group (a cohort):** your instructor tells you how to hand in. Usually you download
#   your exercise notebook (see section 8) and upload it to your learning platform, or you
#   press *Submit* on your organisation's JupyterHub. The instructor grades everyone's
#   notebooks together, reads your written answers and sends back feedback.
#
# Written answers (marked "read by your instructor") are not checked by the computer. Each one
# lists what a good answer covers.

# %% [markdown]
# ## 8. Save your work, and take it with you
#
# - **Save** often: **Ctrl+S** (or **Cmd+S** on a Mac), or **File → Save Notebook**.
# - **On Binder** (the free online version), your session is **temporary**. It stops after
#   about 10 minutes without activity, and then **everything you did is deleted**. Before you
#   leave, download your work: right-click the notebook in the file list on the left and
#   choose **Download**. To continue later, open the course again and upload the file with the
#   ⬆ (Upload) button above the file list.
# - **On your own computer**, your files stay where they are.
#
# ⚠️ **Never put real personal data about citizens on Binder.** It is a public service. The
# "sandbox" notebooks let you try the tools on your own files, but only on your own computer
# or your organisation's approved system.

# %% [markdown]
# ## 9. The course map
#
# Each module starts from a question that public services face. Every module has three
# notebooks: a **lesson** (worked examples on real or clearly labelled synthetic data), a
# graded **exercise**, and a **sandbox** to try the tools on your own data. Take them in order;
# each builds on the one before.

# %%
from civicai.course import course_map

course_map()

# %% [markdown]
# ## 10. Getting help
#
# - Read the message of the check, then the hints. Most problems are a spelling difference or
#   a cell that has not been run.
# - Try **Kernel → Restart Kernel and Run All Cells…**
# - In a cohort, ask your instructor or your group.
# - The **[help page](help.ipynb)** says what to try when you are stuck, what the usual error
#   messages mean, where to ask when you learn alone (the course's public question list on
#   GitHub, its *issue tracker*) and how to report a problem.
#
# ## Recap
#
# - A notebook is a list of cells; **Shift+Enter** runs one. Cells remember what earlier cells
#   stored, so run them in order.
# - A check says *not attempted yet*, *not right yet* (with a hint) or *correct*.
# - **Validate** checks a whole exercise at once.
# - On Binder, **download your work** before you leave.
#
# ## Glossary
#
# | word | meaning |
# |---|---|
# | notebook | a document that mixes text, code and results (a `.ipynb` file) |
# | cell | one block of a notebook: text or code |
# | run a cell | ask the computer to carry out the code in it (Shift+Enter) |
# | kernel | the part of the computer that runs the code and remembers names |
# | Python | the programming language of the code cells |
# | check | a cell that looks at your answer and says whether it seems right |
# | Validate | a button that runs every check of an exercise at once |
# | Binder | a free service that runs this course in your browser, temporarily |
# | sandbox | a notebook for trying the tools on your own data |
#
# **Next:** the [practice exercise](practice.ipynb), then Module 01.
