# %% [markdown]
# # Practice exercise: try the checks
#
# ⏱️ About 10 minutes · 4 questions · 4 points checked by the computer, 1 point from your instructor
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
# write a function, your instructor also tries it on examples you do not see.)
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
# ## Done!
#
# Save your work (**Ctrl+S**). To see all your checks at once, use the **Validate** button at the
# top of the notebook: it runs every cell and lists what passed. Then go back to the
# [start page](start-here.ipynb).
