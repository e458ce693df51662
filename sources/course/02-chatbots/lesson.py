# %% [markdown]
# # Chatbots for citizen services
#
# **How do we answer citizens fast without misleading them?**
#
# ⏱️ **About 70 minutes.** After this lesson you will be able to:
#
# 1. explain how an FAQ chatbot finds an answer, and why every answer must name its source;
# 2. compare two ways of building one: *retrieval* and *intent classification*;
# 3. measure a bot with four numbers: **top-1 accuracy**, **out-of-scope recall**,
#    **fallback rate** and **containment**;
# 4. choose a **confidence threshold** below which the bot hands the question to a person;
# 5. see what goes wrong with Bahasa Indonesia, informal spelling and mixed languages, and fix
#    some of it;
# 6. remove personal data from chat logs, and measure how well that works;
# 7. explain how generative AI chatbots differ, and how public bodies test them.
#
# Stuck? The [help page](../00-start-here/help.ipynb) says what to try, what the usual error
# messages mean and where to ask.
#
# You do not need to know how to program: read each explanation, then run the cell under it
# (**Shift+Enter**). All data in this lesson is **synthetic** (made up by a program), so no real
# citizen appears in it.

# %% [markdown]
# ## 1. Why governments build chatbots
#
# A city's civil registry office (*Dinas Kependudukan dan Pencatatan Sipil*, Dukcapil) answers
# the same questions every day: *How do I replace a lost ID card? What do I need for a birth
# certificate?* A chatbot can answer them at midnight, on a Sunday, in seconds, and leave staff
# the questions that need a person.
#
# It also can go wrong in public. Two real cases frame this lesson. Run the cell to read them.

# %%
from IPython.display import display

from civicai.style import callout

display(callout("case", "Singapore: Ask Jamie",
    "Singapore's government built a virtual assistant, 'Ask Jamie', in 2014 (GovTech and the "
    "Smart Nation and Digital Government Office). By 2021 it ran on about 70 government agency "
    "websites, answering simpler questions. An early report said the assistant fielded around "
    "200,000 questions a month and answered between 70% and 95% of them.\n\n"
    "Sources: Mothership, 'MOH chatbot Jamie dispenses safe sex advice when asked Covid-19 "
    "questions' (5 October 2021), https://mothership.sg/2021/10/moh-jamie-chat-bot-sex-advice/ ; "
    "Apolitical, 'Got a question for the government? Talk to the Facebook robot', "
    "https://apolitical.co/solution_article/got-question-government-talk-facebook-robot/"))
display(callout("case", "Indonesia: the COVID-19 WhatsApp chatbot (March 2020)",
    "In March 2020 the Ministry of Communication and Informatics (Kominfo), with WhatsApp and "
    "Telkom, opened the verified WhatsApp account 'COVID19.go.id'. Its content came from the "
    "disaster agency (BNPB) and the Ministry of Health. It answered only from a fixed menu: "
    "citizens typed a letter for a topic (at launch: latest news, what COVID-19 is, symptoms, "
    "how to protect yourself and others, masks, referral hospitals by province), and it gave "
    "the hotline 119 extension 9 for people with symptoms: a hand-off to people.\n\n"
    "Sources: Liputan6, 'Menjajal Chatbot WhatsApp Seputar Covid-19', "
    "https://liputan6.com/tekno/read/4206799/menjajal-chatbot-whatsapp-seputar-covid-19 ; "
    "Cyberthreat.id, 'Chatbot Covid-19 Indonesia di WhatsApp Sudah Aktif Nih!', "
    "https://cyberthreat.id/read/5846/Chatbot-Covid-19-Indonesia-di-WhatsApp-Sudah-Aktif-Nih"))

# %% [markdown]
# The Indonesian bot chose safety: a menu cannot misunderstand, but it cannot answer anything
# outside its menu either. In this lesson we build a bot that reads free text, and we give it the
# same two protections: **it only answers from approved content**, and **it hands over to a
# person when it is unsure**.

# %% [markdown]
# ## 2. The knowledge base: the only thing the bot may say
#
# Our bot answers from an FAQ (a list of *frequently asked questions* with their answers) of
# public services: ID cards, family cards, birth certificates, business licences, health
# insurance, social assistance and more. Each entry has an id, a question and an answer in
# English and in Bahasa Indonesia, and the office the answer comes from. Run the cell to load it.

# %%
import pandas as pd

from civicai.data import load

faq = load("faq")
faq.head(3)

# %% [markdown]
# How many entries, on which topics? The answer to every question the bot gets will be one of
# these entries, word for word, or a hand-off to a person. Nothing else. (The FAQ is synthetic:
# simplified teaching material, not official guidance. To read how it was written, run
# `card("faq")` in a new cell, after `from civicai.data import card`.)

# %%
print(f"{len(faq)} entries on {faq['topic'].nunique()} topics")
faq["topic"].value_counts().head(8)

# %% [markdown]
# ## 3. How a computer compares two questions
#
# A computer cannot read, but it can count. The method our bot uses, **TF-IDF** (*term
# frequency, inverse document frequency*), turns each text into a list of numbers, one per word:
#
# - a word gets a **higher** number when it appears in this text (*term frequency*);
# - and a **lower** number when it appears in many texts, because then it says little about
#   any one of them (*inverse document frequency*): "how", "do", "I" are in every question.
#
# Here are three FAQ questions, and the numbers TF-IDF gives their words. The counting is done
# by scikit-learn, a *library* (a package of ready-made code) widely used for machine learning
# in Python. Its `TfidfVectorizer` first *fits*: it reads the texts and learns their words and
# how common each is. Then it *transforms*: it turns each text into its list of numbers.
# `fit_transform` does both at once.

# %%
from sklearn.feature_extraction.text import TfidfVectorizer

mini_faq = ["How do I renew my ID card?",
            "How do I get a birth certificate?",
            "Where do I pay property tax?"]
vectorizer = TfidfVectorizer()
vectors = vectorizer.fit_transform(mini_faq)
pd.DataFrame(vectors.toarray(), index=["entry 1", "entry 2", "entry 3"],
             columns=vectorizer.get_feature_names_out()).round(2)

# %% [markdown]
# Words like "renew" or "birth" get high numbers in their own question and 0 elsewhere; "do",
# which is in all three, gets a low one.
#
# A citizen's question is turned into numbers in the same way (`transform` only: the words were
# learned from the FAQ). Then the bot measures how alike the two lists of numbers are with
# **cosine similarity**: **1** means "the same words in the same proportions", **0** means "no
# word in common".

# %%
from sklearn.metrics.pairwise import cosine_similarity

question = vectorizer.transform(["I need to renew my ID card"])
pd.Series(cosine_similarity(question, vectors)[0], index=mini_faq).round(2)

# %% [markdown]
# The first entry wins clearly. That is the whole idea of **retrieval**: find the most similar
# approved question, and give *its* answer.
#
# A program finds the winner in two steps. `argmax()` gives the **position** of the largest
# number (positions count from 0, so the first entry is at position 0); then that position picks
# the entry out of the list. (`max()` would give the largest number itself, not where it is;
# `argmin()` the position of the smallest.)

# %%
similarities = cosine_similarity(question, vectors)[0]
best_row = similarities.argmax()
print(f"position {best_row}: {mini_faq[best_row]}")

# %% [markdown]
# Now the same with a question typed the way many citizens type on WhatsApp:

# %%
informal = vectorizer.transform(["gmn cara perpanjang ktp"])
pd.Series(cosine_similarity(informal, vectors)[0], index=mini_faq).round(2)

# %% [markdown]
# All zeros: not one word in common. The bot has no idea. Two things will fix much of this:
# an FAQ in **both languages**, and **normalisation** of informal spelling (section 8). And when
# the similarity is low, a careful bot **does not guess**: it hands over (section 7).

# %% [markdown]
# ## 4. Our FAQ bot, and how it cites its source
#
# The course's `FaqBot` does what you just saw, on the whole bilingual FAQ, with three
# improvements:
#
# - it compares the citizen's question with each entry's question **and its answer**, which
#   holds many of the words citizens use ("17 years old", "police letter");
# - it compares short **groups of letters** instead of whole words, so "perpanjang" and
#   "memperpanjang", or a typo such as "pasport", still match;
# - it **normalises** informal spelling first (section 8).
#
# First we turn the FAQ into *entries*, one per question and language, then build the bot.

# %%
from civicai.chatbot import FaqBot, entries_from_course_faq

entries = entries_from_course_faq(faq)
bot = FaqBot(entries)
print(f"The bot knows {len(entries)} questions ({len(faq)} entries × 2 languages).")

# %% [markdown]
# Ask it something. Every answer says **which FAQ entry** it comes from and **which office**
# published it, so a citizen (or an auditor) can check it. The *confidence* is the cosine
# similarity of the best match.

# %%
print(bot.ask("How do I check if my family gets PKH social assistance?"))

# %%
print(bot.ask("sy mau bikin akta kelahiran anak, syaratnya apa?"))

# %% [markdown]
# Why insist on the source? Because a citizen who acts on a wrong answer (goes to the wrong
# office, misses a deadline, pays a fee they did not owe) must be able to see where it came
# from, and the agency must be able to find and fix the entry. A bot that cannot say where an
# answer came from cannot be corrected.
#
# `bot.rank` shows the three best candidates and how close they were. Here a citizen has
# **lost** their ID card:

# %%
bot.rank("How can I replace my lost ID card?", k=3)[["faq_id", "confidence", "question"]].round(2)

# %% [markdown]
# The entry about a **damaged** card beats the one about a **lost** card by a hair: both talk
# about replacing an e-KTP, and "lost" is one word among many. When the first two candidates are
# this close, the bot is choosing between near neighbours, and that is where mistakes happen.
# Section 7 shows what to do about it.

# %% [markdown]
# ## 5. Testing the bot fairly
#
# A bot must be tested on questions it has **never seen**, written the way citizens write. The
# course has a set of test questions: several rewordings (*paraphrases*) of each FAQ entry, in
# English, Bahasa Indonesia, informal spelling and mixed language, plus questions the FAQ does
# **not** cover (*out of scope*, such as "who will win the football?"). Each has a fixed `split`:
# `train` questions may be used to build or tune a bot, `test` questions only to measure it.

# %%
questions = load("faq_questions")
train = questions[questions["split"] == "train"]
test = questions[questions["split"] == "test"]
print(f"{len(train)} train and {len(test)} test questions; "
      f"{(~test['in_scope']).sum()} test questions are out of scope")
test.sample(5, random_state=1)

# %% [markdown]
# The first measure is **top-1 accuracy**: of the test questions the FAQ *can* answer, the share
# whose best match is the right entry. We compute it by hand once: predict, compare, average.

# %%
in_scope = test[test["in_scope"]]
predicted = bot.predict(in_scope["question"])
right = predicted["faq_id"].to_numpy() == in_scope["faq_id"].astype(str).to_numpy()
print(f"Top-1 accuracy: {right.mean():.1%} of {len(in_scope)} in-scope test questions")

# %% [markdown]
# Which questions did it get wrong? Reading the mistakes teaches more than the number.

# %%
mistakes = in_scope.assign(bot_chose=predicted["faq_id"].to_numpy(),
                           confidence=predicted["confidence"].round(2).to_numpy())[~right]
mistakes[["question", "language", "faq_id", "bot_chose", "confidence"]].head(8)

# %% [markdown]
# ## 6. Another way to build a bot: intent classification
#
# Many commercial chatbots work differently. Instead of comparing with the FAQ, they **learn**
# from examples: for each FAQ entry (each *intent*), staff collect many ways citizens ask for it,
# and a *classifier* (a model that learns to sort texts into categories from labelled examples)
# learns which pieces of words point to which entry. Its confidence is the probability it gives
# its top choice.
#
# We train one on the FAQ's own questions and answers plus the `train` paraphrases, then test
# both bots on exactly the same `test` questions.

# %%
from civicai.chatbot.intents import IntentClassifier

examples = pd.concat([
    entries[["question", "faq_id"]],
    entries[["answer", "faq_id"]].rename(columns={"answer": "question"}),
    train.loc[train["in_scope"], ["question", "faq_id"]],
])
classifier = IntentClassifier(examples["question"], examples["faq_id"])
print(f"Trained on {len(examples)} example questions for {examples['faq_id'].nunique()} entries.")

# %% [markdown]
# The `scorecard` function gives all the measures at once; section 7 explains the others. For
# now look at top-1 accuracy, in the chart.

# %%
from civicai.chatbot import scorecard
from civicai.chatbot.charts import plot_measures

comparison = pd.DataFrame({
    "retrieval (FaqBot)": scorecard(bot.predict(test["question"]), test["faq_id"], 0.0),
    "intent classifier": scorecard(classifier.predict(test["question"]), test["faq_id"], 0.0),
}).T
plot_measures(comparison, "Two bots on the same test questions", measures=("top1_accuracy",))

# %% [markdown]
# On these test questions the classifier finds the right entry somewhat more often. It had an
# advantage: it learned from two paraphrases of every entry, which the retrieval bot never saw.
# Which is better for an agency depends on more than this number:
#
# | | retrieval | intent classification |
# |---|---|---|
# | what it needs | the FAQ itself | many labelled example questions per entry |
# | a new FAQ entry | works at once | needs new examples and retraining |
# | very different wordings of one question | may miss them | learns them, if they are in the examples |
# | why it chose an answer | "this FAQ question is most similar" | harder to show |
#
# Whichever you use, **test it on held-out questions like these** before citizens meet it.

# %% [markdown]
# ## 7. Knowing when not to answer
#
# A bot always has a "best match", even for "who will win the football?". If it answers anyway,
# it gives a **confident wrong answer**. That is exactly what happened in Singapore in 2021.

# %%
display(callout("case", "When a bot answers the wrong question (Singapore, October 2021)",
    "Asked 'My daughter is tested Covid 19 positive what should I do?', the Ask Jamie chatbot on "
    "the Ministry of Health's website replied with advice on safe sex during a partner's "
    "pregnancy. Asked where to get an antigen rapid test, it answered that the polio vaccine is "
    "available at polyclinics. Phrased differently, the same questions got the right advice. "
    "Screenshots spread online, and the ministry disabled the chatbot on 4 October 2021 for "
    "'a thorough system check and work on improvements', pointing people to its COVID-19 "
    "website meanwhile. An expert quoted at the time put the difficulty this way: questions "
    "that are 'semantically alike, but pointing to two different answers'.\n\n"
    "Sources: TODAY, 'MOH takes down Ask Jamie chatbot that gave misaligned Covid-19 advice', "
    "https://www.todayonline.com/singapore/moh-takes-down-ask-jamie-chatbot-that-gave-misaligned-covid-19-advice ; "
    "AsiaOne, 'Have Covid-19? Practise safe sex: Ask Jamie chatbot on MOH site amuses netizens "
    "with gaffe', https://asiaone.com/singapore/have-covid-19-practice-safe-sex-ask-jamie-chatbot-moh-site-amuses-netizens-gaffe"))

# %% [markdown]
# The protection is a **confidence threshold**: if the best match's confidence is below it, the
# bot does not answer; it says so and passes the question to a person (a *hand-off*, or
# *fallback*). Where to put the threshold? First look at the confidence of three kinds of test
# question: in scope and matched right, in scope and matched wrong, and out of scope.

# %%
from civicai.chatbot.charts import plot_confidence

test_predicted = bot.predict(test["question"])
plot_confidence(test_predicted, test["faq_id"], threshold=bot.threshold)

# %% [markdown]
# Out-of-scope questions mostly get a low confidence, in-scope ones a higher one, but the
# groups **overlap**: no threshold separates them perfectly. Notice also that wrong matches of
# in-scope questions (orange-red) get about the same confidence as right ones (green): a
# threshold mostly catches out-of-scope questions, not near-neighbour mistakes. Every threshold
# is a trade-off, and four numbers describe it. With a threshold, each question ends in one of three ways: a **right
# answer**, a **wrong answer**, or **handed to a person**.
#
# | measure | question it answers | we want it |
# |---|---|---|
# | **top-1 accuracy** | of the questions the FAQ covers, how often is the best match right? (ignores the threshold) | high |
# | **out-of-scope recall** | of the questions the FAQ does *not* cover, what share goes to a person? | high: each miss is a confident wrong answer |
# | **fallback rate** | of all questions, what share goes to a person? | low enough for staff to handle |
# | **containment** | of all questions, what share does the bot settle itself, **correctly**? | high |
# | *wrong-answer rate* (a fifth number, worth watching) | of all questions, what share gets a wrong answer? | low |
#
# ⚠️ Containment is sometimes reported as "questions not handed to a person". That counts
# wrong answers as successes. Here, a wrong answer never counts as contained.

# %% [markdown]
# ### Try it: move the threshold
#
# Drag the slider (or click it and use the arrow keys). Watch the orange-red part (wrong
# answers) and the blue part (handed to a person) trade places, in both rows.

# %%
from civicai.chatbot.charts import threshold_explorer

threshold_explorer(test_predicted, test["faq_id"], start=bot.threshold)

# %% [markdown]
# The same trade-off over every threshold at once: as the threshold rises, wrong answers fall,
# hand-offs rise, and past some point containment falls because right answers are handed over too.

# %%
from civicai.chatbot import sweep
from civicai.chatbot.charts import plot_sweep

plot_sweep(sweep(test_predicted, test["faq_id"]), threshold=bot.threshold)

# %% [markdown]
# ### Choosing the threshold honestly
#
# Pick the threshold on the **train** questions, then report the measures on the **test**
# questions. Choosing and measuring on the same questions flatters the bot, like a student who
# marks their own exam.
#
# A rule an agency might set: *at least 90% of out-of-scope questions must go to a person*. We
# take the **lowest** threshold that meets it on the train questions: every step higher hands
# more citizens to staff for nothing.

# %%
from civicai.chatbot import lowest_threshold

train_sweep = sweep(bot.predict(train["question"]), train["faq_id"])
chosen = lowest_threshold(train_sweep, "out_of_scope_recall", 0.90)
print(f"Lowest threshold with out-of-scope recall ≥ 90% on the train questions: {chosen:.2f}")

# %% [markdown]
# And its honest measures, on the test questions:

# %%
from civicai.chatbot.charts import MEASURE_NAMES

card = scorecard(test_predicted, test["faq_id"], chosen)
pd.Series(card).rename(index=MEASURE_NAMES).map("{:.1%}".format).to_frame("test questions")

# %% [markdown]
# Look at the wrong-answer rate: even with the threshold, about one question in four gets a
# wrong answer. Most of these are questions the FAQ *does* cover, matched to a near neighbour
# (like the lost and the damaged ID card in section 4) with a confidence as high as right
# matches, as the confidence chart showed. A threshold alone cannot catch them. What helps:
# clearer, more distinct FAQ questions; showing the two or three best entries and letting the
# citizen choose ("Did you mean…?"); and a higher threshold where mistakes are costly.
#
# **When wrong answers are costly** (health, money, legal deadlines), out-of-scope recall and the
# wrong-answer rate matter more than containment: hand over more, and staff the hand-off.
# **When questions are simple and harmless** (opening hours), a lower threshold is acceptable.
# Either way, a citizen must always be able to ask for a person.

# %% [markdown]
# ## 8. Bahasa Indonesia, English, informal spelling, mixed language
#
# Citizens write "KTP sy ilang gmn gantinya", "how to bikin NIB", "paspor expired, what do I
# do". How well does the bot do for each kind of question? `by_group` gives the measures per
# language group: `en` is English, `id` Bahasa Indonesia (formal or informal), `mixed` both in
# one question.

# %%
from civicai.chatbot import by_group

by_language = by_group(test_predicted, test["faq_id"], test["language"], chosen)
by_language[["questions", "top1_accuracy", "out_of_scope_recall", "containment"]].round(2)

# %% [markdown]
# The groups are small (about 30 questions each), so a difference of one or two questions moves
# a figure by several points. Still, look for the group that does worst, and go back to the
# mistakes in section 5. On these test questions the English ones do worst: many reword the
# question freely, as citizens do ("The chip in my ID card stopped working at the bank, what
# should I do?"), and share few words with the FAQ entry they mean.

# %% [markdown]
# What helps? **Normalisation**: before comparing, put every text in a standard form:
#
# 1. lower case, no accents or punctuation;
# 2. Indonesian reduplication written out ("anak2" → "anak anak");
# 3. common chat abbreviations replaced from a small dictionary a civil servant can read and
#    extend (`SLANG`: "gmn" → "bagaimana", "bikin" → "membuat", "u" → "you");
# 4. little words that are in almost every question dropped ("yang", "di", "bagaimana", "the",
#    "how", "I"), because they say nothing about the topic.

# %%
from civicai.chatbot import normalise

for text in ["KTP sy ilang, gmn gantinya?", "gmn cara daftar NIB utk usaha sy?",
             "Anak2 sy blm punya akta!!"]:
    print(f"{text!r:35} → {normalise(text)!r}")

# %% [markdown]
# Does it help, and does comparing groups of letters (instead of whole words) help too? We
# build four versions of the bot and measure each, language by language. Choosing between
# versions is *tuning*, so we compare them on the **train** questions, not the test ones.

# %%
versions = {
    "whole words, not normalised": FaqBot(entries, analyzer="word", normalised=False),
    "whole words, normalised": FaqBot(entries, analyzer="word"),
    "letter groups, not normalised": FaqBot(entries, normalised=False),
    "letter groups, normalised": FaqBot(entries),
}
accuracy = pd.DataFrame({
    name: by_group(version.predict(train["question"]), train["faq_id"], train["language"],
                   chosen)["top1_accuracy"]
    for name, version in versions.items()}).T
accuracy.round(2)

# %% [markdown]
# The same numbers as a chart:

# %%
plot_measures(accuracy, "Top-1 accuracy by language group, four versions of the bot",
              measures=tuple(accuracy.columns))

# %% [markdown]
# Read the chart group by group. Letter groups and normalisation are cheap and explainable, and
# together they lift every group. Not every step helps every group on its own (normalising
# whole words did not help the mixed questions here): that is why you measure each change
# instead of assuming it helps. And they do not close the gap: about a third of the
# paraphrases still find the wrong entry. Test your bot on
# the way *your* citizens write, and keep a person in the loop for what it cannot read.

# %% [markdown]
# ## 9. Try the bot yourself
#
# Type a question in the box and press **Enter**. Try a formal question, an informal one, one
# in mixed language, and one the FAQ cannot answer. The button **Talk to a person** is always
# there: a citizen must never be trapped with a bot. Open *What the chat log stores* under the
# chat: section 10 explains it.

# %%
from civicai.chatbot import ChatWindow

bot.threshold = chosen
chat = ChatWindow(bot, title="Ask the public-service FAQ bot (synthetic FAQ)")
chat.send("Nama saya Budi Santoso, HP 0812-5550-1234. Syarat bikin akta kelahiran anak apa aja?")
chat

# %% [markdown]
# ## 10. Chat logs are personal data
#
# Look again at the first message above: the citizen typed their name and phone number without
# being asked. Citizens also type their NIK (the 16-digit national ID number) and e-mail. A chat
# log stored as typed becomes a register of personal data, with all the duties that come with
# it. In Indonesia, the Personal Data Protection Law (*UU No. 27 Tahun 2022*, UU PDP), signed on
# 17 October 2022, applies to public bodies as well as companies; organisations had two years,
# until 17 October 2024, to bring their processing into line.
#
# (Sources: datapribadi.id, 'Pedoman singkat dalam memahami data pribadi: penyelesaian sengketa
# dan sanksi pidana', https://www.datapribadi.id/legal-analysis/bagian-iv---pedoman-singkat-dalam-memahami-data-pribadi--penyelesaian-sengketa-dan-sanksi-pidana.html ;
# Matra Bisnis, https://matrabisnis.id/?p=6311 .)
#
# The safest personal data is the data you never store. The chat window above **masks** each
# detail before the log is written (*redaction*), and the bot matches on the question with
# those details removed. How well does masking work? We can measure it on the course's
# synthetic complaints, in which fake details were planted at known places.

# %%
complaints = load("complaints")
example = complaints[complaints["has_personal_data"]].iloc[0]
example["text"]

# %% [markdown]
# The course's `find_personal_data` uses readable rules: 16-digit numbers are NIKs; numbers
# starting 08, +62 8 or 62 8 are mobile phones; something@domain is an e-mail; and the words
# after a cue are names: any words after "Nama saya" or "Pelapor:", capitalised words after
# "Bapak", "Ibu", "sy" or "my name is". `redact` replaces what it finds.

# %%
from civicai.chatbot import find_personal_data, redact

print(find_personal_data(example["text"]))
print(redact(example["text"]))

# %% [markdown]
# ### How a rule is written: a pattern
#
# Each rule is a **pattern** (programmers say *regular expression*): a short description of what
# a piece of text looks like. A pattern is easiest to read when it is built from named parts.
# Here is a rule for office numbers in Jakarta, written `021-5550-1234`, `021 5550 1234` or
# `+62 21 5550 1234`. In a pattern:
#
# - `\d` is any digit, and `\d{4}` exactly 4 digits (`\d{3,5}` would be 3 to 5 digits);
# - `[ .-]` is one of the characters in the square brackets (a space, a dot or a dash), and a `?`
#   after it makes it optional;
# - `(A|B)` means "A or B": the brackets hold the choices, and `|` stands between them;
# - a few signs have a meaning of their own (`+`, `?`, `.`, brackets): a real plus sign is
#   written `\+`.
#
# The `r` before each pattern's quotes keeps each `\` as it is. Between the parts, Python's `+`
# glues them into one pattern, and `re.sub(pattern, replacement, text)` replaces every match:

# %%
import re

start = r"(\+62 21|021)"  # "+62 21" or "021"
separator = r"[ .-]?"  # perhaps a space, a dot or a dash
group = r"\d{4}"  # four digits
office_phone = start + separator + group + separator + group
re.sub(office_phone, "[PHONE]", "Kantor: 021-5550-1234 atau +62 21 5550 1234 (jam 8-16)")

# %% [markdown]
# Both numbers are masked, and "jam 8-16" (opening hours 8 to 16) is left alone: it does not
# have the shape of a phone number. The course's own rules are built the same way, with more
# parts. In the exercise you complete one part of the rule for mobile numbers.

# %% [markdown]
# Two measures tell us how good it is, on all 2,400 complaints:
#
# - **recall**: of the planted details, the share that were fully masked (a half-masked phone
#   number still identifies someone);
# - **precision**: of the masks, the share that hit a real detail (masking ordinary words makes
#   logs useless).

# %%
from civicai.chatbot import redaction_scores
from civicai.chatbot.charts import plot_redaction

scores = redaction_scores(complaints["text"], complaints["personal_data"])
plot_redaction(scores)
scores[["planted", "caught", "recall", "precision"]].round(3)

# %% [markdown]
# Numbers, phones and e-mails have a fixed shape, so rules catch them well. Names do not. These
# figures are also a best case: the planted details follow a limited number of patterns, and
# real chat logs hold names and numbers written in ways nobody planned for. Test the rules on a
# sample of your own logs before trusting them. Here are some names the rules missed:

# %%
from civicai.chatbot.redaction import missed_details

missed_details(complaints["text"], complaints["personal_data"], kind="name").head(6)

# %% [markdown]
# After "sy" or "aku", a rule cannot tell "sy dewi" (a name) from "sy mau" (I want) when the
# name is typed in lower case. And "nama" alone is a cue we cannot trust: in "balik nama"
# (transfer of ownership) or "cek nama penerima" (check the recipients' names) no person is
# named, so the rules do not use it, and miss "Nama dani, WA ...". Every rule trades recall
# against precision. A list of names would not save us either: many Indonesian names are also
# ordinary words (*Bagus* means "good", *Indah* "beautiful", *Putri* "princess").
# So: mask what rules can catch, **store as little as possible** (do you need the transcript at
# all, and for how long?), restrict who can read logs, and tell citizens not to type personal
# details unless asked.

# %% [markdown]
# ## 11. Generative AI chatbots
#
# Chatbots built on *large language models* (LLMs, the technology behind ChatGPT) do not pick a
# stored answer: they **write** a new one, word by word. They handle any wording and any
# language, and they can combine several pages into one clear reply. But they can also write
# fluent, confident text that is false: a *hallucination*.
#
# Public bodies that use them add the idea of this lesson: **grounding**. The system first
# *retrieves* approved passages (exactly what `FaqBot` does), then asks the model to answer
# **only** from them and to **cite** them; if nothing relevant is found, it must say so and hand
# over. This design is called *retrieval-augmented generation* (RAG). The retrieval step, done
# by our bot, gives the passages a generative bot would be given, with their ids for citation:

# %%
passages = bot.rank("paspor sy hilang di luar negeri, harus bagaimana?", k=3)
passages[["faq_id", "confidence", "answer"]].round(2)

# %% [markdown]
# How do public bodies test such a bot? The UK's Government Digital Service (GDS) has published
# its figures for GOV.UK Chat, a RAG chatbot that draws only on GOV.UK guidance (see its
# algorithmic transparency record, https://www.gov.uk/algorithmic-transparency-records/dsit-gov-dot-uk-chat ).

# %%
display(callout("case", "GOV.UK Chat: how the UK government evaluated a generative AI chatbot",
    "First pilot (reported in January 2024; about 1,000 invited users): about 70% found the "
    "answers useful and just under 65% were satisfied, but 'answers did not reach the highest "
    "level of accuracy demanded for a site like GOV.UK', with hallucinations on ambiguous or "
    "inappropriate questions.\n\n"
    "Two later public pilots: more than 10,000 users asked 26,000 questions. GDS measured "
    "accuracy, reliability, speed, safety and user trust: answer accuracy, judged by subject "
    "experts and automated evaluation, rose from 76% to 90% across all topics; 73% found it "
    "useful and 64% were satisfied. Government Transformation Magazine's report of the same "
    "update adds that 508 attempted 'jailbreaks' (attempts to make the bot say something "
    "unsafe or inappropriate) were recorded during testing, all stopped by its safeguards.\n\n"
    "Sources: GDS, 'The findings of our first generative AI experiment: GOV.UK Chat' (18 January "
    "2024), https://insidegovuk.blog.gov.uk/2024/01/18/the-findings-of-our-first-generative-ai-experiment-gov-uk-chat/ ; "
    "PublicTechnology, 'ChatGPT-powered GOV.UK chatbot trials show promise but uncover issues "
    "of accuracy and reliability', https://www.publictechnology.net/2024/01/23/uncategorized/were-not-moving-fast-and-breaking-things-chatgpt-powered-gov-uk-chatbot-trials-show-promise-but-uncover-issues-of-accuracy-and-reliability/ ; "
    "Civil Service World, 'DSIT ramps up GOV.UK AI Chatbot trial' (5 November 2024), "
    "https://www.civilserviceworld.com/professions/article/government-ramps-up-ai-chatbot-trial ; "
    "GDS, '5 things we learned testing GOV.UK Chat: an AI assistant for government' (16 March "
    "2026), https://insidegovuk.blog.gov.uk/2026/03/16/5-things-we-learned-testing-gov-uk-chat-an-ai-assistant-for-government/ ; "
    "Government Transformation Magazine, 'GDS reports improved accuracy and user satisfaction "
    "in GOV.UK Chat pilots', https://www.government-transformation.com/data/gds-reports-improved-accuracy-and-user-satisfaction-in-gov.uk-chat-pilots"))

# %% [markdown]
# The measures are the ones you used today, plus two that generative bots need:
#
# | measure | for which bot | what it checks |
# |---|---|---|
# | answer accuracy | all | is the answer right, judged by someone who knows the service? |
# | out-of-scope recall, fallback, containment | all | does it know when to stop, and how much work is left for staff? |
# | **faithfulness** (groundedness) | generative | does every claim in the answer appear in the cited source? |
# | **jailbreak and red-team tests** | generative | can people make it say unsafe, political or invented things? |
#
# A retrieval bot is faithful by construction: it can only repeat an approved answer. A
# generative bot must be *checked* for it, continuously, because it can always write something new.

# %% [markdown]
# ## Recap
#
# - A retrieval FAQ bot turns questions into numbers (TF-IDF), finds the most similar approved
#   question (cosine similarity), and gives **its** answer, **naming the entry and office**.
# - Intent classification learns from labelled examples instead; compare both on the **same
#   held-out questions**.
# - Every bot has a best match, even for nonsense. A **confidence threshold** hands unsure and
#   out-of-scope questions to a **person**. Choose it on train questions, report on test ones.
# - Four numbers: **top-1 accuracy**, **out-of-scope recall**, **fallback rate**, and
#   **containment** (right answers only). When wrong answers are costly, favour out-of-scope
#   recall.
# - Informal and mixed-language questions break word matching; **normalisation** and letter
#   groups help, and testing on real wording shows how much.
# - Chat logs are **personal data**: mask NIK, phones, e-mails and names before storing,
#   measure recall and precision, and store as little as you can.
# - Generative bots write new text: **ground** them in approved sources, make them **cite**, and
#   test **faithfulness** and **jailbreaks** as well as accuracy.
#
# ## Glossary
#
# | word | meaning |
# |---|---|
# | FAQ | a list of frequently asked questions with approved answers |
# | knowledge base | the approved content a bot may answer from |
# | retrieval | finding the most similar stored question or passage |
# | TF-IDF | a way to turn text into numbers: words frequent here but rare elsewhere weigh most |
# | cosine similarity | how alike two lists of numbers are, from 0 (nothing shared) to 1 (same) |
# | confidence | how sure the bot is of its best match (here: its cosine similarity) |
# | intent | what a citizen wants; in intent classification, one FAQ entry |
# | intent classification | a model that learns from labelled examples which intent a question has |
# | paraphrase | the same question in other words |
# | in scope / out of scope | a question the FAQ can / cannot answer |
# | threshold | the confidence below which the bot hands over to a person |
# | hand-off, fallback | passing the question to a person instead of answering |
# | top-1 accuracy | share of in-scope questions whose best match is right |
# | out-of-scope recall | share of out-of-scope questions handed to a person |
# | fallback rate | share of all questions handed to a person |
# | containment | share of all questions the bot answers itself, correctly |
# | wrong-answer rate | share of all questions that get a wrong answer |
# | train / test split | questions to build or tune with / questions kept apart to measure with |
# | normalisation | putting text in a standard form (case, accents, slang) before comparing |
# | NIK | *Nomor Induk Kependudukan*, Indonesia's 16-digit national ID number |
# | redaction | masking personal details in a text |
# | pattern (regular expression) | a short description of what a piece of text looks like (`\d{4}`: four digits), used to find and mask it |
# | recall / precision (redaction) | share of details masked / share of masks that were real details |
# | large language model (LLM) | an AI model that writes text word by word |
# | hallucination | fluent, confident text that is false |
# | grounding, RAG | making a generative bot answer only from retrieved, approved sources |
# | faithfulness | every claim in an answer is supported by its cited source |
# | jailbreak | an attempt to make a bot break its rules |
#
# **Next:** the graded [exercise](exercise.ipynb), then try the tools on your own FAQ in the
# [sandbox](sandbox.ipynb).
