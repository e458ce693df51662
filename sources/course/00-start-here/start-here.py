# %% [markdown]
# # Welcome to Civic AI Lab
#
# **A hands-on course for civil servants on how AI can improve public services, and where it
# goes wrong.** You do not need to know how to program.
#
# ⏱️ **About 25 minutes.** After this page you will be able to:
#
# 1. run the "cells" of a notebook and read what they show;
# 2. understand what a **check** tells you, and use a hint;
# 3. save and download your work;
# 4. find your way around the course.
#
# > **Selamat datang!** You can switch the menus to Bahasa Indonesia: **Settings → Language →
# > Bahasa Indonesia (Indonesia)**. The course text itself is in English.

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
# ## 5. Try a graded exercise
#
# Open the **[practice exercise](practice.ipynb)** (about 10 minutes, 4 short questions). It
# works exactly like the graded exercise at the end of every module.
#
# When you have answered, click **Validate** in the toolbar at the top of the exercise. It runs
# the whole notebook and tells you, in one window, which checks pass and which do not.

# %% [markdown]
# ## 6. How grading works
#
# - **Learning on your own:** the checks and the Validate button are your feedback. Nobody
#   else sees your work.
# - **In a group (a cohort):** your instructor tells you how to hand in. Usually you download
#   your exercise notebook (see section 7) and upload it to your learning platform, or you
#   press *Submit* on your organisation's JupyterHub. The instructor grades everyone's
#   notebooks together, reads your written answers and sends back feedback.
#
# Written answers (marked "read by your instructor") are not checked by the computer. Each one
# lists what a good answer covers.

# %% [markdown]
# ## 7. Save your work, and take it with you
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
# ## 8. The course map
#
# Each module starts from a question that public services face. Every module has three
# notebooks: a **lesson** (worked examples on real or clearly labelled synthetic data), a
# graded **exercise**, and a **sandbox** to try the tools on your own data. Take them in order;
# each builds on the one before.

# %%
from civicai.course import course_map

course_map()

# %% [markdown]
# ## 9. Getting help
#
# - Read the message of the check, then the hints. Most problems are a spelling difference or
#   a cell that has not been run.
# - Try **Kernel → Restart Kernel and Run All Cells…**
# - In a cohort, ask your instructor or your group. Learning alone, you can ask a question on
#   the course's issue tracker (linked from the README on the course's home page).
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
