# %% [markdown]
# # Exercise: build, measure and govern an FAQ chatbot
#
# ⏱️ About 50 minutes · 12 questions: 11 checked by the computer (19 points), 1 read by your
# instructor (3 points)
#
# You work for a city's public-service office. Your team is testing an FAQ bot for WhatsApp
# before citizens meet it. You will write its retrieval step, measure it, choose when it hands
# over to a person, mask personal data in its logs, and decide what it must never answer.
#
# **How a question works** (as in the practice exercise): replace the `...` in the cell marked
# ✏️, run it (**Shift+Enter**), then run the check under it. ✏️ *not attempted yet*, 🔎 *not
# right yet* (open 💡 Hint 1, then Hint 2), ✅ *correct*. A ✅ is the grade your instructor
# will see. The two functions you write are also tried on new questions and messages you do
# not see, so check every example their question gives.
#
# Shares (questions 2, 3, 5 and 7) are checked to 6 decimal places: compute them with code, as
# the hints show, rather than typing a rounded figure you read somewhere.
#
# Run the next cell first: it loads the data (all synthetic) and the course's tools.

# %%
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from civicai.chatbot import (FaqBot, entries_from_course_faq, lowest_threshold, normalise,
                             redaction_scores, scorecard, sweep)
from civicai.checks import chatbot as checks
from civicai.data import load

faq = load("faq")
entries = entries_from_course_faq(faq)
questions = load("faq_questions")
train = questions[questions["split"] == "train"].reset_index(drop=True)
test = questions[questions["split"] == "test"].reset_index(drop=True)
complaints = load("complaints")
print(f"{len(faq)} FAQ entries ({len(entries)} questions in two languages); "
      f"{len(train)} train and {len(test)} test questions; {len(complaints)} complaints")

# %% [markdown]
# ## Part A — the retrieval step
#
# ### Question 1 — find the best entry (3 points)
#
# The cell below prepares the comparison, as in the lesson: every FAQ question (in `entries`)
# becomes a TF-IDF list of numbers (a *vector*), and `faq_vectors` holds them all, one row per
# row of `entries`. The settings are those of the course's bot: text normalised first (lesson,
# section 8), and groups of 3 to 5 letters compared instead of whole words.

# %%
vectorizer = TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 5),
                             sublinear_tf=True)
faq_vectors = vectorizer.fit_transform(entries["question"])
entries.head(3)

# %% [markdown]
# Complete the function `best_entry(question)`. It must give back the **id of the FAQ entry**
# (the `faq_id`, text such as the ones in the table above) whose question is **most similar** to
# the citizen's question. The first two lines are written for you: `similarities` holds one
# number per row of `entries`, from 0 (nothing in common) to 1.
#
# Useful: `similarities.argmax()` is the position of the largest number; `entries["faq_id"].iloc[5]`
# is the id in row 5.

# %% nbgrader="answer" grade_id="q1_answer"
def best_entry(question):
    question_vector = vectorizer.transform([question])
    similarities = cosine_similarity(question_vector, faq_vectors)[0]
    ### BEGIN SOLUTION
    best_row = similarities.argmax()
    return entries["faq_id"].iloc[best_row]
    ### END SOLUTION


# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Two steps: find the **position** of the most similar FAQ question, then look up the **id** in
# that row of `entries`. The position alone (a number such as 17) is not an id.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# ```python
#     best_row = similarities.argmax()
#     return entries["faq_id"].iloc[best_row]
# ```
# </details>

# %% nbgrader="check" grade_id="q1" points=3
checks.q1.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    for question in ["cara daftar NIB lewat OSS gmn?",
                     "how do I renew my driving licence (SIM)?",
                     "npwp sy hilang, hrs gmn?",
                     "I want to check if my family receives social assistance",
                     "BPJS kesehatan sy nonaktif, knp ya?",
                     "pindah alamat, perlu ganti e-KTP?",
                     "where can I pay my BPJS contribution?",
                     "how to get a death certificate for my father",
                     "sim c hilang, gimana bikin lagi?"]:
        call(question)


checks.q1.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ## Part B — measuring the bot
#
# From here on you use the course's `FaqBot` (the same method, ready-made). `test_predicted`
# holds, for each test question, the bot's best entry and its confidence, in the same order as
# `test`.

# %%
bot = FaqBot(entries)
test_predicted = bot.predict(test["question"])
train_predicted = bot.predict(train["question"])
test.assign(bot_chose=test_predicted["faq_id"], confidence=test_predicted["confidence"]).head()

# %% [markdown]
# ### Question 2 — top-1 accuracy (2 points)
#
# **Top-1 accuracy** is the share of **in-scope** test questions (those the FAQ can answer:
# `test["in_scope"]` is True) whose best match is the right entry. Compute it as a number
# between 0 and 1.

# %% nbgrader="answer" grade_id="q2_answer"
top1_accuracy = (
    ### BEGIN SOLUTION
    (test_predicted["faq_id"] == test["faq_id"])[test["in_scope"]].mean()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# `test_predicted["faq_id"] == test["faq_id"]` is True where the bot chose the right entry.
# Keep only the in-scope questions before you average: out-of-scope questions have no right
# entry at all.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `(test_predicted["faq_id"] == test["faq_id"])[test["in_scope"]].mean()`, or
# `scorecard(test_predicted, test["faq_id"], 0)["top1_accuracy"]`.
# </details>

# %% nbgrader="check" grade_id="q2" points=2
checks.q2.check()
### BEGIN HIDDEN TESTS
checks.q2.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 3 — out-of-scope recall (2 points)
#
# With a threshold of **0.20**, the bot hands a question to a person when its confidence is
# below 0.20. **Out-of-scope recall** is the share of **out-of-scope** test questions that are
# handed to a person. Compute it (a number between 0 and 1).

# %% nbgrader="answer" grade_id="q3_answer"
out_of_scope_recall = (
    ### BEGIN SOLUTION
    (test_predicted["confidence"] < 0.20)[~test["in_scope"]].mean()
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Count only the out-of-scope questions (`~test["in_scope"]`; the `~` means "not"). The share of
# *all* questions handed over is a different measure, the fallback rate.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `(test_predicted["confidence"] < 0.20)[~test["in_scope"]].mean()`, or
# `scorecard(test_predicted, test["faq_id"], 0.20)["out_of_scope_recall"]`.
# </details>

# %% nbgrader="check" grade_id="q3" points=2
checks.q3.check()
### BEGIN HIDDEN TESTS
checks.q3.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 4 — choose the threshold (2 points)
#
# Your agency's rule: **at least 80% of out-of-scope questions must go to a person.** Find the
# **lowest** threshold that meets it, choosing on the **train** questions (as in the lesson:
# choose on train, measure on test). `sweep(predicted, expected)` gives the measures at every
# threshold from 0.00 to 1.00; `lowest_threshold(table, measure, target)` finds the lowest
# threshold in such a table that reaches a target.

# %% nbgrader="answer" grade_id="q4_answer"
chosen_threshold = (
    ### BEGIN SOLUTION
    lowest_threshold(sweep(train_predicted, train["faq_id"]), "out_of_scope_recall", 0.80)
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Use `train_predicted` and `train["faq_id"]`, not the test ones. Why the lowest threshold?
# Every step higher hands more citizens to staff.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `lowest_threshold(sweep(train_predicted, train["faq_id"]), "out_of_scope_recall", 0.80)`
# </details>

# %% nbgrader="check" grade_id="q4" points=2
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 5 — containment (2 points)
#
# At a threshold of **0.25**, what share of **all** test questions does the bot settle itself
# **with the right answer**? That is **containment**, as the lesson defines it: wrong answers do
# not count, even though nobody handed them to a person.

# %% nbgrader="answer" grade_id="q5_answer"
containment = (
    ### BEGIN SOLUTION
    scorecard(test_predicted, test["faq_id"], 0.25)["containment"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# "Not handed to a person" is not the same as "answered correctly": 1 minus the fallback rate
# also counts the wrong answers.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `scorecard(test_predicted, test["faq_id"], 0.25)["containment"]`
# </details>

# %% nbgrader="check" grade_id="q5" points=2
checks.q5.check()
### BEGIN HIDDEN TESTS
checks.q5.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — personal data in chat logs
#
# ### Question 6 — mask contact details (3 points)
#
# Before a chat transcript is stored, e-mail addresses and phone numbers must be masked. A
# **regular expression** is a pattern for text; `re.sub(pattern, replacement, text)` replaces
# every match. The e-mail rule is written for you. Add a rule for **Indonesian mobile numbers**,
# replaced by `[PHONE]`. They are written in many ways:
#
# `081255501234` · `0812-5550-1234` · `0812 5550 1234` · `+62 812-5550-1234` · `+6281255501234` ·
# `62812.5550.1234`
#
# In a pattern, `\d` is any digit, `\d{3,4}` is 3 or 4 digits, `[ .-]?` is an optional space,
# dot or dash, and `(\+62|62|0)` is "+62", "62" or "0" (the `\+` means a real plus sign).
# Dates such as `12-08-2024` and amounts such as `Rp 150.000` must **not** be masked.

# %% nbgrader="answer" grade_id="q6_answer"
EMAIL = r"[\w.+-]+@[\w-]+(\.[\w-]+)+"


def mask_contacts(text):
    text = re.sub(EMAIL, "[EMAIL]", text)
    ### BEGIN SOLUTION
    text = re.sub(r"(\+62|62|0)[ .-]?8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,5}", "[PHONE]", text)
    ### END SOLUTION
    return text


# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# A mobile number is: the start (`+62`, `62` or `0`), perhaps followed by a space, dot or dash
# (as in `+62 812`), then `8` and one or two digits (the operator, as in 0**812**), then two
# groups of 3 to 5 digits, each group perhaps preceded by a space, dot or dash. Write `\d` for a
# digit and `[ .-]?` for the optional separator.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# ```python
#     text = re.sub(r"(\+62|62|0)[ .-]?8\d{1,2}[ .-]?\d{3,4}[ .-]?\d{3,5}", "[PHONE]", text)
# ```
# </details>

# %% nbgrader="check" grade_id="q6" points=3
checks.q6.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    for message in ["WA sy +62 857-5550-7788 ya",
                    "hp: 62.813.5550.9999, email siti.rahayu@dinas.kota.example.go.id",
                    "Hubungi 0811 5550 123 sebelum 12-08-2024",
                    "+6289655501234 (Tri)",
                    "call 0856-5550-12345 or 0857.5550.2222",
                    "Biaya Rp 150.000, antrean nomor 15, tanggal 2024-08-12"]:
        call(message)


checks.q6.hidden(calls=hidden_calls)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 7 — how many names does the course's redaction catch? (1 point)
#
# The course's `find_personal_data` also looks for NIK numbers and names. `redaction_scores`
# measures it on the 2,400 synthetic complaints, whose planted details are known:

# %%
scores = redaction_scores(complaints["text"], complaints["personal_data"])
scores.round(3)

# %% [markdown]
# What share of the planted **names** are fully masked? Give the number between 0 and 1, taken
# from the table (not typed in by hand).

# %% nbgrader="answer" grade_id="q7_answer"
name_recall = (
    ### BEGIN SOLUTION
    scores.loc["name", "recall"]
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# "Share of planted details that were masked" is **recall**. Precision is the share of masks
# that hit a real detail.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `scores.loc["name", "recall"]`
# </details>

# %% nbgrader="check" grade_id="q7" points=1
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part D — judgement
#
# For each question, put the letter of your choice in quotes, for example `answer = "a"`.
#
# ### Question 8 — when wrong answers are costly (1 point)
#
# The health office (*Dinas Kesehatan*) wants a bot for questions about dengue fever. A wrong
# answer could delay treatment. Which measure should decide the threshold?
#
# - **a)** Containment: the more questions the bot settles, the fewer calls the office gets.
# - **b)** Out-of-scope recall and the wrong-answer rate: questions the FAQ cannot answer must
#   reach a person, even if staff then handle more questions.
# - **c)** Top-1 accuracy: it already says how often the bot is right.

# %% nbgrader="answer" grade_id="q8_answer"
costly_measure = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Top-1 accuracy ignores the threshold and the out-of-scope questions. Containment rewards
# answering, not caution.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Which measure counts the confident wrong answers, like the Singapore case in the lesson?
# </details>

# %% nbgrader="check" grade_id="q8" points=1
checks.q8.check()
### BEGIN HIDDEN TESTS
checks.q8.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 9 — when to hand over (1 point)
#
# A citizen writes: *"anak sy demam tinggi 3 hari, skrg muntah2 dan lemas, hrs gmn??"* (my
# child has had a high fever for 3 days, now vomiting and weak, what should I do?). The bot's
# best match is the FAQ entry on dengue prevention, with a confidence **above** the threshold.
# What should a well-designed bot do?
#
# - **a)** Give the dengue-prevention answer: the confidence is above the threshold.
# - **b)** Ask the citizen to rephrase the question in formal Indonesian.
# - **c)** Hand over to a person at once and show the emergency number: an urgent health
#   situation needs a person, whatever the confidence.

# %% nbgrader="answer" grade_id="q9_answer"
urgent_case = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Confidence says how similar the words are, not whether the answer is safe for this person.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Remember the Indonesian COVID-19 bot of 2020: what did it give people with symptoms?
# </details>

# %% nbgrader="check" grade_id="q9" points=1
checks.q9.check()
### BEGIN HIDDEN TESTS
checks.q9.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 10 — a vendor's number (1 point)
#
# A vendor says its bot has "85% containment", meaning 85% of conversations ended without a
# person. What is the problem with that figure?
#
# - **a)** Nothing: a conversation without a person is a conversation the bot settled.
# - **b)** It counts wrong answers as successes: a citizen who got a wrong answer and gave up
#   also "ended without a person".
# - **c)** Containment should be computed on the in-scope questions only.

# %% nbgrader="answer" grade_id="q10_answer"
vendor_problem = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Compare the vendor's definition with the one you used in question 5.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# What does the vendor's figure include that question 5 did not?
# </details>

# %% nbgrader="check" grade_id="q10" points=1
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ### Question 11 — generative AI (1 point)
#
# Your ministry considers a chatbot built on a large language model, which writes its own
# answers. Which design best protects citizens from invented answers?
#
# - **a)** Let the model answer from what it learned in training; it has read the whole internet.
# - **b)** Retrieve approved passages first, make the model answer only from them and cite them,
#   hand over when nothing relevant is found, and test faithfulness and jailbreaks before launch.
# - **c)** Add a line under every answer: "This answer may be wrong."

# %% nbgrader="answer" grade_id="q11_answer"
generative_design = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# A warning does not make an answer right, and the internet is not your agency's approved content.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Which option is what GOV.UK Chat does, as described in the lesson?
# </details>

# %% nbgrader="check" grade_id="q11" points=1
checks.q11.check()
### BEGIN HIDDEN TESTS
checks.q11.hidden()
### END HIDDEN TESTS

# %% [markdown]
# ## Part E — your own agency (3 points, read by your instructor)
#
# ### Question 12 — what your agency's bot must never answer
#
# Think of a chatbot for your own office. In 5 to 8 sentences, list **three kinds of question**
# it must never answer by itself, and for each say **why** and **what it should do instead**.
#
# A good answer:
# - names three concrete kinds of question from your own service (not only "difficult ones");
# - gives for each a reason tied to harm: a person's health or safety, money or legal rights,
#   a decision about an individual case, personal data, or politics;
# - says what happens instead: hand over to a named role or channel, give an emergency number,
#   or point to the official page, and how the citizen is told;
# - mentions how you would check the rule holds (for example test questions in the evaluation).
#
# Double-click the cell below, write your answer in place of the text, then press **Shift+Enter**.

# %% [markdown] nbgrader="written" grade_id="q12_reflection" points=3
# **MODEL ANSWER (instructor only).** For a Dukcapil (civil registry) bot: (1) questions about
# one person's own case ("why was my KTP application rejected?", "is my NIK blocked?"): the
# bot cannot see the file and must not guess; it hands over to counter staff with a ticket
# number, and asks the citizen not to type their NIK in the chat. (2) Anything urgent or
# unsafe (a threat, violence at home, a missing child, a medical emergency): hand over at once
# and show the emergency number 112, whatever the confidence. (3) Legal or political questions
# ("can the office refuse me?", "which candidate supports e-KTP reform?"): a wrong answer can
# cost a citizen their rights or make the agency look partisan; point to the official
# regulation page and offer a person. We would add test questions of each kind to the
# evaluation set and check that every one is handed over before each release.
#
# Rubric (3 points): 1 point for three concrete kinds of question from the learner's own
# service; 1 point for a harm-based reason for each (safety, money or rights, individual case,
# personal data, politics); 1 point for what the bot does instead (hand-off to a named role,
# emergency number or official source) and how the rule is checked. Give half points where a
# part is present but vague.

# %% [markdown]
# **Learning on your own?** When you have written your answer, you can compare it with a model
# answer. (In a group, your instructor shares it with your feedback instead.)

# %%
from civicai.checks.reflection import model_answer_button

model_answer_button("02-chatbots", "q12_reflection")

# %% [markdown]
# ## Done!
#
# Save your work (**Ctrl+S**), then click **Validate** at the top to run every check at once.
# Then try the [sandbox](sandbox.ipynb) with your own office's FAQ.
