# %% [markdown]
# # Help: when you are stuck
#
# Everyone gets stuck in this course at some point, most often on a typing detail, not on the
# idea. This page says what to try first, where to ask, and how to report a problem so that
# someone can fix it. It has no code to run.
#
# [Back to the start page](start-here.ipynb)

# %% [markdown]
# ## 1. A check says 🔎 *Not right yet*
#
# 1. **Read the whole message.** It says what looks wrong in *your* answer: a missing quote,
#    a percentage where a share is asked, the figure of the lesson's example instead of the
#    question's.
# 2. **Open 💡 Hint 1** under the question (click the small triangle). It points to the part of
#    the lesson you need. If that is not enough, open **Hint 2**.
# 3. **Change your answer, run its cell (Shift+Enter), then run the check again.** A check
#    looks at what the answer cell gave when it last ran.
#
# If a later question says it *uses your answer to question 4*, fix question 4 first: its
# answer flows into the later one.

# %% [markdown]
# ## 2. A cell shows a red error message
#
# The **last line** of the red box is the one that matters; the lines above it say where the
# computer was. In plain words, the usual ones are:
#
# | the last line says | what it means | what to do |
# |---|---|---|
# | `NameError: name '...' is not defined` | the computer does not know that name | run the cells above first (**Run → Run All Above Selected Cell**); if it is text, put it in quotes |
# | `SyntaxError` | Python could not read the line | a bracket or a quote is missing, or a character was copied from the text (×, ÷, a curly quote) |
# | `IndentationError` | a line starts with the wrong number of spaces | lines inside a `def` start with 4 spaces, the others at the left edge |
# | `KeyError: '...'` | there is no column with that name | copy the column name from the table: capital letters and spaces count |
# | `TypeError` | a value of the wrong kind (text where a number is needed, or the other way) | look at what you put in the answer: quotes around a number make it text |
#
# The check under the cell also explains the error in plain words, so run it after an error.

# %% [markdown]
# ## 3. Nothing happens, or everything is muddled
#
# - A cell shows `[*]` for a long time: wait a little (a few cells of the lessons take up to a
#   minute), then use **Kernel → Interrupt Kernel**.
# - Results look wrong or mixed up: **Kernel → Restart Kernel and Run All Cells…** runs the
#   notebook again from the top, in order. Your text and answers stay; only the computer's
#   memory is cleared.
# - A notebook you changed by mistake: **File → Revert Notebook to Checkpoint…** goes back to
#   the last save. To start an exercise afresh, keep your copy under another name (right-click
#   it in the file list → **Rename**) and ask your instructor for the original; on Binder,
#   opening the course again from its badge starts from the original notebooks.
# - **On Binder**, a session that stopped (after about 10 minutes without activity) has lost
#   its files. Open the course again from its badge and upload the notebook you downloaded
#   (the ⬆ button above the file list).

# %% [markdown]
# ## 4. Where to ask
#
# - **In a group (a cohort):** ask your instructor or your group first. They know your
#   organisation's set-up.
# - **Learning alone:** the course's home page is
#   <https://github.com/civic-ai-lab/civic-ai-lab>. Its **issue tracker**
#   (<https://github.com/civic-ai-lab/civic-ai-lab/issues>) is a public list of questions and
#   problems: anyone can read it, and with a free GitHub account you can add your own with the
#   green **New issue** button. Look first whether someone asked the same thing: the answer may
#   be there already.
#
# ⚠️ Everything on the issue tracker is public. **Never paste data about real citizens**, nor
# anything your organisation has not published.

# %% [markdown]
# ## 5. How to report a problem
#
# A report that someone can act on says:
#
# 1. **where:** the module and notebook (for example *01 Automation, exercise, question 4*);
# 2. **what you did:** what you typed in the answer cell (copy it);
# 3. **what you saw:** the check's message or the last line of the red error, copied as text
#    (a screenshot helps, if it shows no personal data);
# 4. **what you expected** instead;
# 5. **where you run the course:** Binder, your own computer, or your organisation's server.
#
# A report of something unclear is as welcome as a report of an error: if a sentence of the
# course made you stop, say which one.
#
# [Back to the start page](start-here.ipynb)
