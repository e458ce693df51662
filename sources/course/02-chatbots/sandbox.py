# %% [markdown]
# # Sandbox: a chatbot for your own FAQ
#
# ⏱️ **About 15 minutes.** Bring your office's FAQ as a spreadsheet (CSV or Excel: one row per
# question, with its answer), and get:
#
# 1. an instant FAQ bot in a chat window, which names the entry behind every answer and hands
#    unsure questions to a person;
# 2. an evaluation report on your own test questions: top-1 accuracy, out-of-scope recall,
#    fallback rate, containment, and a suggested threshold.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# Until you choose a file, every cell runs on an example: the course's synthetic FAQ, in Bahasa
# Indonesia. Run the cells in order (**Shift+Enter**). After choosing a file, run the cells
# below it again.

# %% [markdown]
# ## Before you start: personal data
#
# An FAQ is usually public text, but test questions copied from real chats or e-mails often
# contain names, phone numbers and ID numbers. Read this first.

# %%
import pandas as pd

from civicai.sandbox import privacy_warning

pd.set_option("display.max_colwidth", None)  # show every text in a table whole, never cut
privacy_warning()

# %% [markdown]
# ## Step 1: your FAQ
#
# Upload your FAQ file, or type its path. It needs at least a **question** column and an
# **answer** column. An **id** column (such as "F001") and a **source** column (the office or
# page the answer comes from) are recommended: the bot cites them. The example below shows the
# expected shape.

# %%
from civicai.data import load
from civicai.sandbox import ColumnChooser, TablePicker

course_faq = load("faq")
example_faq = course_faq[["faq_id", "question_id", "answer_id", "source"]].rename(
    columns={"faq_id": "id", "question_id": "question", "answer_id": "answer"})
faq_file = TablePicker(example_faq, "the course's synthetic FAQ, in Bahasa Indonesia")
faq_file

# %% [markdown]
# Say which column is which. If your file has no id or source column, choose **(none)**:
# entries are then named by the row Excel shows them in ("row 2" for the first under the
# column names, "row 3", ...).

# %%
faq_columns = ColumnChooser(
    faq_file.data,
    {"question": "the question, as a citizen would ask it",
     "answer": "the approved answer",
     "id": "an id for each entry, cited with every answer",
     "source": "the office or page the answer comes from"},
    optional={"id", "source"})
faq_columns

# %% [markdown]
# ## Step 2: your bot
#
# The bot compares each question with your FAQ's questions and answers only from your FAQ.
# Below the **threshold** it hands over to a person. Start with the course's default; step 4
# suggests one for your own data.

# %%
from civicai.chatbot import DEFAULT_THRESHOLD, ChatWindow, FaqBot, entries_from_table

threshold = DEFAULT_THRESHOLD  # to try another, write a number instead, for example 0.15

entries = entries_from_table(faq_file.data, faq_columns["question"], faq_columns["answer"],
                             faq_id=faq_columns["id"], source=faq_columns["source"])
bot = FaqBot(entries, threshold=threshold)
print(f"Your bot knows {len(entries)} entries. Threshold: {bot.threshold:.2f}")

# %% [markdown]
# Try it: type a question and press **Enter**. The log under the chat shows what would be
# stored, with personal details masked.

# %%
chat = ChatWindow(bot, title="Your FAQ bot")
chat.send(entries["question"].iloc[0])
chat

# %% [markdown]
# ## Step 3: your test questions
#
# A bot must be measured on questions it has not seen. Make a second file with one row per test
# question: the **question** as citizens would write it (formal, informal, with typos), and the
# **expected** id of the FAQ entry that answers it. Leave *expected* **empty** for questions
# your FAQ cannot answer: the bot should hand those over. Aim for at least 3 questions per entry
# and as many out-of-scope ones. The example is the course's test questions. About a third of
# them are in English, which the Indonesian-only example FAQ matches less well: if your citizens
# write in two languages, give your FAQ both.

# %%
course_questions = load("faq_questions")
example_questions = course_questions.loc[course_questions["split"] == "test",
                                         ["question", "faq_id"]].rename(
    columns={"faq_id": "expected"})
questions_file = TablePicker(example_questions, "the course's test questions")
questions_file

# %%
question_columns = ColumnChooser(
    questions_file.data,
    {"question": "the test question",
     "expected": "the id of the entry that answers it; empty when the FAQ cannot"})
question_columns

# %% [markdown]
# ## Step 4: the evaluation report
#
# The same measures as in the lesson, on your data: the four numbers at the current threshold,
# the confidence of right matches, wrong matches and out-of-scope questions, how the measures
# move with the threshold, the lowest threshold that sends at least 90% of out-of-scope
# questions to a person, and the first wrong answers (read them: they show which entries need a
# clearer question, or which questions need a person).

# %%
from civicai.chatbot.charts import evaluation_report

test_questions = questions_file.data[question_columns["question"]]
expected = questions_file.data[question_columns["expected"]]
evaluation_report(bot.predict(test_questions), expected, bot.threshold, target_recall=0.9)

# %% [markdown]
# ## Step 5: do your test questions hold personal data?
#
# If you copied real messages, check them before sharing this notebook or the file.

# %%
from civicai.chatbot import find_personal_data

found = pd.Series([len(find_personal_data(str(text))) for text in test_questions])
print(f"{(found > 0).sum()} of {len(found)} test questions contain details that look personal "
      "(NIK, phone, e-mail or a name after a cue).")

# %% [markdown]
# ## What next
#
# - Change the threshold in step 2 to the suggested one (replace `DEFAULT_THRESHOLD` by the
#   number), run the cells again, and compare.
# - Rewrite the FAQ questions that the bot confused, or add a second wording of them as a new
#   row with the same id: the bot matches on every row.
# - Before any real use: test on many real (anonymised) questions, write down what the bot must
#   never answer, and make sure the hand-off reaches a person who replies.
