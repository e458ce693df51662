# %% [markdown]
# # Practice exercise: try the checks
#
# ⏱️ About 15 minutes · 5 questions · 5 points checked by the computer, 1 point from your instructor
#
# Stuck? The [help page](help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# This small exercise is not about AI yet. It lets you try how every graded exercise in this
# course works, so that nothing surprises you later.
#
# **How a question works**
#
# 1. Read the question.
# 2. In the cell marked ✏️, replace the `...` with your answer, then run the cell (**Shift+Enter**).
# 3. Run the check cell under it. It says one of three things:
#    - ✏️ **Not attempted yet**: you have not written an answer (or not run its cell).
#    - 🔎 **Not right yet**: it says what looks wrong. Open 💡 **Hint 1**, then **Hint 2** if needed.
#    - ✅ **Correct**.
#
# You can try as many times as you like. When your instructor grades the exercise, each answer
# is judged the same way as here: a ✅ here is the point you get. (When a question asks you to
# complete a function, as question 5 does, your instructor also tries it on examples you do not
# see.)
#
# Run the next cell first: it loads the checks and a small table.

# %%
import pandas as pd

from civicai.checks import start_here as checks

# %% [markdown]
# ## Question 1 — a counter's day (1 point)
#
# A service counter at a district office (*kantor kecamatan*) serves **12 citizens an hour**
# and is open **7 hours a day**. How many citizens can it serve in one day?
#
# ✏️ Replace the `...` with a calculation. In Python, `*` multiplies.

# %% nbgrader="answer" grade_id="q1_answer"
citizens_per_day = (
    ### BEGIN SOLUTION
    12 * 7
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Citizens per day = citizens per hour × hours per day.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `12 * 7` in place of the `...`, keep the brackets, and run the cell.
# </details>

# %% nbgrader="check" grade_id="q1" points=1
checks.q1.check()
### BEGIN HIDDEN TESTS
checks.q1.hidden(slips=[
    (12 + 7, "That adds the two numbers. Citizens per day is citizens per hour times hours "
             "per day: multiply, with *."),
    (12 * 7 * 5, "That is a week of five working days. The question asks for one day."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 2 — requests by WhatsApp (2 points)
#
# Here are ten requests that citizens sent to a civil registry office (*Dinas Dukcapil*).
# The data is made up for this exercise.

# %%
requests = pd.DataFrame({
    "request_id": range(101, 111),
    "service": ["ID card", "Family card", "Birth certificate", "ID card", "Business licence",
                "Family card", "ID card", "Birth certificate", "Business licence", "ID card"],
    "channel": ["WhatsApp", "Counter", "WhatsApp", "Website", "Counter",
                "WhatsApp", "Counter", "Website", "WhatsApp", "Counter"],
    "days_to_answer": [2, 5, 1, 3, 7, 2, 4, 1, 6, 3],
})
requests

# %% [markdown]
# How many of these requests came in **by WhatsApp**? Let Python count them, so that the same
# line would still work on a table of 10,000 requests.
#
# `requests["channel"] == "WhatsApp"` gives True or False for every row; `.sum()` counts the Trues.

# %% nbgrader="answer" grade_id="q2_answer"
whatsapp_requests = (
    ### BEGIN SOLUTION
    (requests["channel"] == "WhatsApp").sum()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Spelling matters: the table writes `"WhatsApp"` with a capital W and a capital A.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `(requests["channel"] == "WhatsApp").sum()`
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden(slips=[
    (0, 'That counts none. Spelling and capital letters count: the table writes "WhatsApp".'),
    (10, "That counts every request. Count only those that came in by WhatsApp."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 3 — when a check says "not right yet" (1 point)
#
# A check tells you 🔎 **Not right yet**. What is the best thing to do?
#
# - **a)** Delete the check cell, so that its message goes away, and carry on with the next question.
# - **b)** Read the message and Hint 1, fix your answer, run your answer cell, then the check again.
# - **c)** Restart the kernel, run every cell again from the top, and hope the check passes this time.
#
# ✏️ Put the letter of your choice in quotes, for example `what_to_do = "a"`.

# %% nbgrader="answer" grade_id="q3_answer"
what_to_do = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# A check is there to help you, and deleting it does not change your answer.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Only one option changes your answer.
# </details>

# %% nbgrader="check" grade_id="q3" points=1
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden(slips=[
    ("a", "Deleting the check does not change your answer: it only hides what the check "
          "found. The check is there to help you."),
    ("c", "Running everything again gives the same answer, so the same message: something in "
          "your answer has to change."),
])
### END HIDDEN TESTS

# %% [markdown]
# ## Question 4 — your own work (1 point, read by your instructor)
#
# In two or three sentences: which task in your own office takes the most time each week,
# and which part of it could a computer help with?
#
# A good answer:
# - names one concrete task (for example "checking application forms for missing documents");
# - says roughly how much time it takes;
# - names one part a computer could do and one part a person should still do.
#
# Double-click the cell below, write your answer in place of the text, then press **Shift+Enter**.

# %% [markdown] nbgrader="written" grade_id="q4_reflection" points=1
# **MODEL ANSWER (instructor only).** "Every Monday two of us spend about six hours checking
# that birth-certificate applications have all their attachments. A computer could flag
# missing or unreadable files; a person should still decide on unusual cases and talk to the
# applicant."
#
# Rubric (1 point): a concrete task, a time estimate, and a split between what a computer
# and what a person does. Give the point when all three are there, in any words.

# %% [markdown]
# **Learning on your own?** When you have written your answer, you can compare it with a model
# answer. (In a group, your instructor shares it with your feedback instead.)

# %%
from civicai.checks.reflection import model_answer_button

model_answer_button("00-start-here", "q4_reflection")

# %% [markdown]
# ## Question 5 — your first function (1 point)
#
# In the modules you will sometimes complete a **function**: a small recipe with a name. You
# give it something (its *input*), it works out a result and gives it back. Here is one, ready
# to use: how many minutes a queue takes when each citizen needs 5 minutes at the counter.
#
# - `def` starts the function, then comes its **name** (`queue_minutes`), then its input in
#   brackets (`people`), then a colon `:`.
# - The lines under it start with 4 spaces: they belong to the function. The text in triple
#   quotes says what it does.
# - `minutes = (...)` works the result out from the input, as in question 1.
# - `return minutes` gives the result **back**. Without `return`, the function gives back
#   nothing (Python calls it `None`).
#
# Run the cell. It only *defines* the function, so nothing is shown yet.

# %%
def queue_minutes(people):
    """How many minutes a queue of `people` takes, at 5 minutes per citizen."""
    minutes = (
        people * 5
    )
    return minutes

# %% [markdown]
# To use a function, **call** it: write its name, then the input in brackets. A queue of 8
# citizens:

# %%
queue_minutes(8)

# %% [markdown]
# ### When a cell stops with an error
#
# If something is wrong, Python stops and shows an **error** in a red box. Read its **last
# line** first: it names the kind of error and says what went wrong. The lines above it only
# say where. For example, with the name typed without its final s, `queue_minute(8)` shows a
# box that ends like this:
#
# ```text
# ----> 1 queue_minute(8)
#
# NameError: name 'queue_minute' is not defined
# ```
#
# Python does not know the name `queue_minute`: it is misspelt, or the cell that defines it has
# not been run yet. Other last lines you may meet:
#
# - `SyntaxError: ...`: Python could not read the line: a bracket, a quote or a colon is missing.
# - `TypeError: queue_minutes() missing 1 required positional argument: 'people'`: the function
#   was called with nothing in its brackets. Give it its input.
#
# The checks of this course read such errors for you and say in plain words what to fix.
#
# ### The question
#
# The counter of question 1 serves **12 citizens an hour**. Complete the function
# `hours_needed(citizens)`: it must give back how many **hours** the counter needs to serve
# that many citizens. Give the exact number of hours: part of an hour counts, so do not round.
#
# ✏️ Replace the `...` with a calculation that uses `citizens`. In Python, `/` divides. Keep
# every other line as it is.

# %% nbgrader="answer" grade_id="q5_answer"
def hours_needed(citizens):
    """How many hours the counter needs to serve `citizens` citizens, at 12 an hour."""
    hours = (
        ### BEGIN SOLUTION
        citizens / 12
        ### END SOLUTION
    )
    return hours


# %% [markdown]
# Try it: call your function for a queue of 36 citizens. Until you complete it, it gives back
# `Ellipsis`, Python's name for the placeholder `...`. If this cell shows an error, read its last
# line, fix your function, run its cell again, then this one.

# %%
hours_needed(36)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Hours needed = number of citizens ÷ citizens served in one hour. Check it on paper with 36
# citizens.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `citizens / 12` in place of the `...`, keep the brackets and the other lines, and run
# the cell.
# </details>

# %% nbgrader="check" grade_id="q5" points=1
checks.q5.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    any_queue = ("It must work for any queue: divide the number of citizens it is given by the "
                 "citizens served in an hour.")
    call(30, why="Part of an hour counts: give the exact hours, dividing with / and without "
                 "rounding.")
    call(1000, why=any_queue)
    call(0, why="It must work for the shortest queue too: give back the division alone, with "
                "nothing added and no minimum.")


checks.q5.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ## Done!
#
# Save your work (**Ctrl+S**). To see all your checks at once, use the **Validate** button at the
# top of the notebook: it runs every cell and lists what passed. Then go back to the
# [start page](start-here.ipynb).
