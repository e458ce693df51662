# %% [markdown]
# # Exercise: build, measure and govern an FAQ chatbot
#
# ⏱️ About 50 minutes · 12 questions: 11 checked by the computer (19 points), 1 read by your
# instructor (3 points)
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# You work for a city's public-service office. Your team is testing an FAQ bot for WhatsApp
# before citizens meet it. You will write its retrieval step, measure it, choose when it hands
# over to a person, mask personal data in its logs, and decide what it must never answer.
#
# **How a question works** (as in the practice exercise): replace the `...` in the cell marked
# ✏️, run it (**Shift+Enter**), then run the check under it. ✏️ *not attempted yet*, 🔎 *not
# right yet* (open 💡 Hint 1, then Hint 2), ✅ *correct*. A ✅ is the grade your instructor
# will see. In the two functions (questions 1 and 6) you complete one line, as in question 5
# of the practice; they are also tried on new questions and messages you do not see, so check
# every example their question gives.
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
# Complete the function `best_entry(question)`. It gives back the **id of the FAQ entry** (the
# `faq_id`, text such as the ones in the table above) whose question is **most similar** to the
# citizen's question. All of it is written for you but one line: `similarities` holds one
# number per row of `entries`, from 0 (nothing in common) to 1 (the same words), and the last
# line gives back the `faq_id` in row `best_row`. Your part: **which row is `best_row`?** Even
# when no entry is very similar, give the most similar one: when to hand over to a person is
# decided later (Part B).
#
# Useful, as in lesson section 3, for a list of numbers such as `similarities`:
#
# - `similarities.argmax()` is the **position** of the largest number, and
#   `similarities.argmin()` the position of the smallest (positions count from 0);
# - `similarities.max()` is the largest number **itself**, and `similarities.min()` the smallest.
#
# ✏️ Replace the `...` and keep every other line as it is.

# %% nbgrader="answer" grade_id="q1_answer"
def best_entry(question):
    """The faq_id of the FAQ entry whose question is most similar to `question`."""
    question_vector = vectorizer.transform([question])
    similarities = cosine_similarity(question_vector, faq_vectors)[0]
    best_row = (
        ### BEGIN SOLUTION
        similarities.argmax()
        ### END SOLUTION
    )
    return entries["faq_id"].iloc[best_row]


# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Lesson section 3 (retrieval: find the most similar approved question): the best entry is the
# one with the **largest** similarity, and the last line needs its **position** (a whole number
# such as 17), not the similarity itself (a number from 0 to 1). Citizens rarely type an FAQ
# question word for word, so compare with every entry rather than look for the same text.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `similarities.argmax()` in place of the `...`, keep the brackets around it, and run the
# cell.
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
        call(question, why="Citizens ask in their own words, not the FAQ's: your function must "
                           "compare the question with every entry and take the most similar one "
                           "(the largest similarity), not look for the same text.")
    call("siapa yg menang bola semalam?",
         why="Even when no entry is very similar, best_entry must give the most similar one: "
             "whether to answer or hand over to a person is decided later, by the threshold.")


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
# Lesson section 5 computes top-1 accuracy by hand: compare, question by question, the entry the
# bot chose with the right one (True where they are the same), keep only the **in-scope**
# questions, then average. Out-of-scope questions have no right entry: counting them lowers the
# score for nothing. Use the **test** questions, as the question says.
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
checks.q2.hidden(slips=[
    (lambda: (test_predicted["faq_id"] == test["faq_id"]).mean(),
     "That is the share over all test questions, out-of-scope ones included. Top-1 accuracy "
     "counts only the in-scope questions: out-of-scope ones have no right entry."),
    (lambda: (train_predicted["faq_id"] == train["faq_id"])[train["in_scope"]].mean(),
     "That is top-1 accuracy on the train questions. This question measures the bot on the test "
     "questions, which it has never been tuned on."),
    (lambda: (test_predicted["faq_id"] != test["faq_id"])[test["in_scope"]].mean(),
     "That is the share of in-scope questions the bot got wrong. Top-1 accuracy is the share it "
     "got right."),
    *[(lambda places=places: round(top1_accuracy, places),
       "That looks like a rounded figure typed in (the lesson prints this measure as a "
       "percentage). This question is checked to 6 decimal places: compute the share with code.")
      for places in (1, 2, 3)],
])
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
# Count only the out-of-scope questions (`~test["in_scope"]`; the `~` means "not"): of those,
# what share has a confidence below 0.20? The share of *all* questions handed over is a
# different measure, the fallback rate; and "of the questions handed over, the share that are out
# of scope" is a precision, not this recall (lesson section 7, the table of measures).
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
checks.q3.hidden(slips=[
    (lambda: (test_predicted["confidence"] < 0.20).mean(),
     "That is the fallback rate: the share of all test questions handed to a person. "
     "Out-of-scope recall counts only the out-of-scope questions: of those, the share handed over."),
    (lambda: (~test["in_scope"])[test_predicted["confidence"] < 0.20].mean(),
     "That is the share of the handed-over questions that are out of scope: a precision. Recall "
     "goes the other way: of the out-of-scope questions, the share that were handed over."),
    (lambda: (test_predicted["confidence"] >= 0.20)[~test["in_scope"]].mean(),
     "That is the share of out-of-scope questions the bot answered itself. Out-of-scope recall "
     "is the share of them it handed to a person."),
    (lambda: (test_predicted["confidence"] < 0.20)[test["in_scope"]].mean(),
     "That is the share of in-scope questions handed to a person. Out-of-scope recall counts "
     "the questions the FAQ cannot answer."),
    (lambda: (train_predicted["confidence"] < 0.20)[~train["in_scope"]].mean(),
     "That is out-of-scope recall on the train questions. This question measures the bot on the "
     "test questions."),
    (lambda: round(scorecard(test_predicted, test["faq_id"], 0.19)["out_of_scope_recall"], 3),
     "That looks like the lesson's figure, at the lesson's threshold (0.19). This question's "
     "threshold is 0.20: compute the share in your notebook."),
    *[(lambda places=places: round(out_of_scope_recall, places),
       "That looks like a rounded figure typed in. This question is checked to 6 decimal places: "
       "compute the share with code.")
      for places in (1, 2, 3)],
])
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
# Do what the lesson does in section 7, "Choosing the threshold honestly", with two changes:
# this question's target (80%, not the lesson's 90%), and the bot's results on the **train**
# questions (`train_predicted`, `train["faq_id"]`), not the test ones. The 80% is a target for
# out-of-scope recall, not the threshold itself. Why the lowest threshold that meets it? Every
# step higher hands more citizens to staff.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `lowest_threshold(sweep(train_predicted, train["faq_id"]), "out_of_scope_recall", 0.80)`
# </details>

# %% nbgrader="check" grade_id="q4" points=2
checks.q4.check()
### BEGIN HIDDEN TESTS
checks.q4.hidden(slips=[
    (lambda: lowest_threshold(sweep(test_predicted, test["faq_id"]), "out_of_scope_recall", 0.80),
     "That is the threshold the test questions give (or the lesson's, chosen for a 90% target). "
     "Choose on the train questions, with this question's target of 80%: the test questions are "
     "kept to measure the bot afterwards."),
    (lambda: lowest_threshold(sweep(train_predicted, train["faq_id"]), "out_of_scope_recall", 0.90),
     "That is the threshold the test questions give (or the lesson's, chosen for a 90% target). "
     "Choose on the train questions, with this question's target of 80%: the test questions are "
     "kept to measure the bot afterwards."),
    (0.80, "0.80 is the agency's target for out-of-scope recall (80%), not a threshold. Look for "
           "the lowest threshold at which out-of-scope recall on the train questions reaches it."),
    (0.90, "0.90 is the lesson's target for out-of-scope recall (90%), not a threshold, and this "
           "question's target is 80%. Look for the lowest threshold that reaches it."),
    (1.0, "At a threshold of 1.00 nearly every question goes to a person: the rule is met, but "
          "the question asks for the lowest threshold that meets it, so that staff get no more "
          "questions than needed."),
])
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
# Lesson section 7 (the table of measures): containment counts the questions the bot answers
# **and** gets right, out of **all** the test questions, out-of-scope ones included. "Not handed
# to a person" is not the same as "answered correctly": 1 minus the fallback rate also counts the
# wrong answers. Use this question's threshold, 0.25.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `scorecard(test_predicted, test["faq_id"], 0.25)["containment"]`
# </details>

# %% nbgrader="check" grade_id="q5" points=2
checks.q5.check()
### BEGIN HIDDEN TESTS
checks.q5.hidden(slips=[
    (lambda: 1 - scorecard(test_predicted, test["faq_id"], 0.25)["fallback_rate"],
     "That is 1 minus the fallback rate: every question not handed to a person, wrong answers "
     "included. Containment counts only the questions the bot answers correctly."),
    *[(lambda places=places: round(1 - scorecard(test_predicted, test["faq_id"], 0.25)
                                   ["fallback_rate"], places),
       "That is 1 minus the fallback rate, rounded (about six in ten): every question not handed "
       "to a person, wrong answers included. Containment counts only the questions the bot "
       "answers correctly, and is checked to 6 decimal places.")
      for places in (1, 2, 3)],
    (lambda: ((test_predicted["confidence"] >= 0.25)
              & (test_predicted["faq_id"] == test["faq_id"]))[test["in_scope"]].mean(),
     "That is a share of the in-scope questions only. Containment is a share of all test "
     "questions: an out-of-scope question the bot answers is not contained either."),
    (lambda: ((test_predicted["faq_id"] == test["faq_id"])[test_predicted["confidence"] >= 0.25]
              .mean()),
     "That is the share of right answers among the questions the bot answered. Containment is a "
     "share of all test questions, handed-over ones included."),
    (lambda: scorecard(train_predicted, train["faq_id"], 0.25)["containment"],
     "That is containment on the train questions. This question measures the bot on the test "
     "questions."),
    (lambda: scorecard(test_predicted, test["faq_id"], chosen_threshold)["containment"],
     "That is containment at the threshold you chose in question 4. This question fixes the "
     "threshold at 0.25."),
    (lambda: scorecard(test_predicted, test["faq_id"], 0.20)["containment"],
     "That is containment at question 3's threshold (0.20). This question's threshold is 0.25."),
    (lambda: round(scorecard(test_predicted, test["faq_id"], 0.19)["containment"], 3),
     "That looks like the lesson's figure, at the lesson's threshold (0.19). This question's "
     "threshold is 0.25: compute the share in your notebook."),
    *[(lambda places=places: round(containment, places),
       "That looks like a rounded figure typed in. This question is checked to 6 decimal places: "
       "compute the share with code.")
      for places in (1, 2, 3)],
])
### END HIDDEN TESTS

# %% [markdown]
# ## Part C — personal data in chat logs
#
# ### Question 6 — mask contact details (3 points)
#
# Before a chat transcript is stored, e-mail addresses and phone numbers must be masked. As in
# lesson section 10, a **pattern** for text is built from named parts, and
# `re.sub(pattern, replacement, text)` replaces every match. The e-mail rule is written for you,
# and so is every part of the phone rule but one. Indonesian mobile numbers, replaced by
# `[PHONE]`, are written in many ways:
#
# `081255501234` · `0812-5550-1234` · `0812 5550 1234` · `+62 812-5550-1234` · `+6281255501234` ·
# `62812.5550.1234`
#
# Complete `start`: the part for **how a mobile number begins**, so that every format in the list
# becomes `[PHONE]`. The parts after it are given: perhaps a space, dot or dash, the operator (`8`
# and one or two digits, as in 0**812** or 0**857**), then two groups of digits. Dates such as
# `12-08-2024` and amounts such as `Rp 150.000` must **not** be masked.
#
# In a pattern, `(A|B)` means "A or B" (the brackets hold the choices, `|` stands between them),
# and a real plus sign is written `\+` (a plain `+` means something else). The `r` before the
# quotes keeps each `\` as it is.
#
# ✏️ Replace the `...` with the pattern, in quotes, and keep every other line as it is.

# %% nbgrader="answer" grade_id="q6_answer"
EMAIL = r"[\w.+-]+@[\w-]+(\.[\w-]+)+"


def mask_contacts(text):
    """The text with its e-mail addresses and mobile numbers replaced by [EMAIL] and [PHONE]."""
    start = (
        ### BEGIN SOLUTION
        r"(\+62|62|0)"
        ### END SOLUTION
    )
    separator = r"[ .-]?"  # perhaps a space, a dot or a dash
    operator = r"8\d{1,2}"  # 8 and one or two digits (\d is any digit)
    middle = r"\d{3,4}"  # a group of 3 or 4 digits
    last = r"\d{3,5}"  # a last group of 3 to 5 digits
    phone = start + separator + operator + separator + middle + separator + last
    text = re.sub(EMAIL, "[EMAIL]", text)
    text = re.sub(phone, "[PHONE]", text)
    return text


# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Look at how each number in the list begins, just before the `8` of the operator: some begin
# with a 0, others with the country code, written in two ways. `start` must allow each of those
# beginnings, as choices in brackets, like the office numbers of lesson section 10. (The space
# in `+62 812` is the separator, which comes next and is already written.)
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Write `r"(\+62|62|0)"` in place of the `...`, keep the brackets around it, and run the cell.
# </details>

# %% nbgrader="check" grade_id="q6" points=3
checks.q6.check()
### BEGIN HIDDEN TESTS
def hidden_calls(call):
    other_operators = ("Not every mobile number starts 0812: numbers of other operators (0811, "
                       "0813, 0857, 0896 ...) are mobile numbers too, in every format.")
    call("WA sy +62 857-5550-7788 ya", why=other_operators)
    call("hp: 62.813.5550.9999, email siti.rahayu@dinas.kota.example.go.id",
         why="A message can hold a phone number and an e-mail address together: both must be "
             "masked, whatever the operator.")
    call("Hubungi 0811 5550 123 sebelum 12-08-2024",
         why="Not every mobile number has four digits in each group: the last group can be as "
             "short as 3 digits (and the date must stay as it is).")
    call("+6289655501234 (Tri)", why=other_operators)
    call("Kirim ke 0812 5550 1234 atau 0857-5550-2222, terima kasih",
         why="A message can hold more than one number: every one must be masked, not only the "
             "first.")
    call("call 0856-5550-12345 or 0857.5550.2222",
         why="The last group of a mobile number can be 5 digits long: every number must be "
             "masked whole, with no digit left over.")
    call("Biaya Rp 150.000, antrean nomor 15, tanggal 2024-08-12",
         why="Dates, amounts and short numbers are not phone numbers: they must stay as they are.")
    call("Jadwal 12-08-2024 10.30, denda Rp 150.000.000",
         why="Only mobile numbers are phones: a date with a time, or a large amount, is also a "
             "long run of digits and separators, and must stay as it is.")


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
# "Share of planted details that were masked" is **recall** (lesson section 10); precision is
# the share of masks that hit a real detail. Read the row of the **names**, not the row "all",
# and take the number from `scores` with code rather than typing the rounded figure the table
# shows.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# `scores.loc["name", "recall"]`
# </details>

# %% nbgrader="check" grade_id="q7" points=1
checks.q7.check()
### BEGIN HIDDEN TESTS
checks.q7.hidden(slips=[
    (lambda: scores.loc["name", "precision"],
     "That is not the names' recall: it is their precision (of the masks, the share that hit a "
     "real name), or a figure from another row. Recall is: of the planted names, the share "
     "fully masked."),
    (lambda: scores.loc["all", "recall"],
     "That is the recall of every kind of detail together (the row \"all\"). The question asks "
     "for the names only."),
    (lambda: round(scores.loc["all", "recall"], 3),
     "That is the recall of every kind of detail together (the row \"all\"), rounded. The "
     "question asks for the names only, taken from the table with code."),
    *[(lambda places=places: round(name_recall, places),
       "That is the figure as the table shows it, rounded. Take it from `scores` with code, as "
       "the question asks: it is checked to 6 decimal places.")
      for places in (1, 2, 3)],
])
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
# - **a)** Containment: set it where the bot settles the most questions correctly, so that fewer
#   citizens wait for staff.
# - **b)** Out-of-scope recall and the wrong-answer rate: set it so that few citizens get a
#   confident wrong answer.
# - **c)** Top-1 accuracy: set it where the bot most often picks the right entry for the
#   questions the FAQ covers.

# %% nbgrader="answer" grade_id="q8_answer"
costly_measure = (
    ### BEGIN SOLUTION
    "b"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Think of what can harm a citizen here. A question handed to a person costs staff time; a
# confident wrong answer can delay treatment. Which measure watches the second, and which
# measures change at all when the threshold moves?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# Lesson section 7, "When wrong answers are costly": which numbers matter more there than
# containment? (Top-1 accuracy is the same at every threshold.)
# </details>

# %% nbgrader="check" grade_id="q8" points=1
checks.q8.check()
### BEGIN HIDDEN TESTS
checks.q8.hidden(slips=[
    ("a", "Containment rewards the bot for answering: it does not tell a wrong answer from a "
          "hand-off, and for a health question a wrong answer can delay treatment. Caution "
          "comes before settling many questions here."),
    ("c", "Top-1 accuracy is the same at every threshold: it looks only at the best match of the "
          "questions the FAQ covers, so it cannot say where the threshold should go."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 9 — when to hand over (1 point)
#
# A citizen writes: *"anak sy demam tinggi 3 hari, skrg muntah2 dan lemas, hrs gmn??"* (my
# child has had a high fever for 3 days, now vomiting and weak, what should I do?). The bot's
# best match is the FAQ entry on dengue prevention, with a confidence **above** the threshold.
# What should a well-designed bot do?
#
# - **a)** Give the dengue-prevention answer and name its source: the confidence is above the
#   threshold the office tested.
# - **b)** Ask the citizen to rephrase the question in formal Indonesian, then answer if the new
#   match is closer.
# - **c)** Hand over to a person at once and show the emergency number, whatever the confidence.

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
checks.q9.hidden(slips=[
    ("a", "A high confidence only means the words look like the dengue-prevention entry. It does "
          "not say that an FAQ answer is safe for a child who is sick now."),
    ("b", "Asking to rephrase delays a citizen in an urgent situation, and a better-worded "
          "question would still get an FAQ answer, not help for a sick child."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 10 — a vendor's number (1 point)
#
# A vendor says its bot has "85% containment", meaning 85% of conversations ended without a
# person. What is the problem with that figure?
#
# - **a)** It counts wrong answers as settled: a citizen who got a wrong answer and gave up also
#   ended without a person.
# - **b)** Nothing: a conversation that ends without a person is a question the bot has settled,
#   so the figure is fair.
# - **c)** It should leave out the out-of-scope conversations, which the bot was never meant to
#   answer, and count the rest.

# %% nbgrader="answer" grade_id="q10_answer"
vendor_problem = (
    ### BEGIN SOLUTION
    "a"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Lesson section 7 has a ⚠️ note on how containment is sometimes reported. Compare the
# vendor's definition with the one you used in question 5.
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# What does the vendor's figure include that question 5 did not?
# </details>

# %% nbgrader="check" grade_id="q10" points=1
checks.q10.check()
### BEGIN HIDDEN TESTS
checks.q10.hidden(slips=[
    ("b", "\"Ended without a person\" is not the same as \"helped\": compare the vendor's "
          "definition with the containment you computed in question 5."),
    ("c", "Containment is a share of all questions, out-of-scope ones included: a citizen who "
          "asks something the FAQ cannot answer still needs help, from the bot or a person. "
          "Leaving them out would not change what the vendor counts as settled."),
])
### END HIDDEN TESTS

# %% [markdown]
# ### Question 11 — generative AI (1 point)
#
# Your ministry considers a chatbot built on a large language model, which writes its own
# answers. Which design best protects citizens from invented answers?
#
# - **a)** Train the model further on all of the agency's FAQ pages, so that it has learnt every
#   approved answer by heart.
# - **b)** Let the model answer in its own words, and add under every answer: "This answer may be
#   wrong; please check it."
# - **c)** Retrieve approved passages, have the model answer only from them and cite them, and
#   hand over when none fits.

# %% nbgrader="answer" grade_id="q11_answer"
generative_design = (
    ### BEGIN SOLUTION
    "c"
    ### END SOLUTION
)

# %% [markdown]
# <details><summary>💡 Hint 1</summary>
#
# Lesson section 11, "Generative AI chatbots": what do public bodies have the system do
# *before* the model writes, and what when nothing relevant is found? Ask also: with which design
# can a citizen or an auditor see where an answer came from?
# </details>
#
# <details><summary>💡 Hint 2</summary>
#
# A warning does not make an answer right, and a model trained on your pages still writes its
# own words. Which option is what GOV.UK Chat does (grounding, or RAG), as described in the lesson?
# </details>

# %% nbgrader="check" grade_id="q11" points=1
checks.q11.check()
### BEGIN HIDDEN TESTS
checks.q11.hidden(slips=[
    ("a", "A model trained on your pages still writes its own words: it can mix entries up or "
          "invent details, and it cannot show which approved passage an answer came from."),
    ("b", "A warning does not make an answer right: citizens act on what the bot says, and the "
          "invented answers are still there."),
])
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
