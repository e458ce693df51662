"""The module 02 FAQ bot's quality and speed on the course's test questions.

Prints, for the retrieval bot (`FaqBot`, the lesson's default settings) and the
intent classifier, on the `test` split of `faq_questions`: top-1 accuracy,
out-of-scope recall, fallback rate and containment at the threshold chosen on
the `train` split (lowest with out-of-scope recall >= 90%), and the answer time
per question: one question at a time through `bot.ask` (what a citizen waits
for) and in one batch through `bot.predict`. The baseline for the time is the
design's interactive target: a reply within one second.

    python tools/benchmark_chatbot.py
"""
from __future__ import annotations

import statistics
import time

import pandas as pd

from civicai.chatbot import FaqBot, entries_from_course_faq, lowest_threshold, scorecard, sweep
from civicai.chatbot.intents import IntentClassifier
from civicai.data import load

TARGET_SECONDS_PER_ANSWER = 1.0
TARGET_OUT_OF_SCOPE_RECALL = 0.90


def measure(name: str, bot, train: pd.DataFrame, test: pd.DataFrame) -> None:
    threshold = lowest_threshold(sweep(bot.predict(train["question"]), train["faq_id"]),
                                 "out_of_scope_recall", TARGET_OUT_OF_SCOPE_RECALL)
    card = scorecard(bot.predict(test["question"]), test["faq_id"], threshold)
    print(f"{name}: threshold {threshold:.2f} (chosen on train)")
    for measure_name, value in card.items():
        print(f"  {measure_name:<22} {value:6.1%}")


def answer_times(bot: FaqBot, questions: list[str]) -> None:
    single = []
    for question in questions:
        start = time.perf_counter()
        bot.ask(question)
        single.append(time.perf_counter() - start)
    start = time.perf_counter()
    bot.predict(questions)
    batch = (time.perf_counter() - start) / len(questions)
    median = statistics.median(single)
    print(f"answer time, one at a time (bot.ask): median {median * 1000:.2f} ms, "
          f"slowest {max(single) * 1000:.2f} ms over {len(single)} questions; "
          f"ratio to the {TARGET_SECONDS_PER_ANSWER:.0f} s target: "
          f"{median / TARGET_SECONDS_PER_ANSWER:.4f}")
    print(f"answer time in one batch (bot.predict): {batch * 1000:.3f} ms per question")


def main() -> None:
    faq, questions = load("faq"), load("faq_questions")
    train = questions[questions["split"] == "train"].reset_index(drop=True)
    test = questions[questions["split"] == "test"].reset_index(drop=True)
    entries = entries_from_course_faq(faq)
    print(f"{len(faq)} FAQ entries; {len(train)} train and {len(test)} test questions "
          f"({(~test['in_scope']).sum()} test questions out of scope)\n")
    start = time.perf_counter()
    bot = FaqBot(entries)
    print(f"building the retrieval bot: {(time.perf_counter() - start) * 1000:.1f} ms")
    measure("retrieval (FaqBot)", bot, train, test)
    examples = pd.concat([entries[["question", "faq_id"]],
                          entries[["answer", "faq_id"]].rename(columns={"answer": "question"}),
                          train.loc[train["in_scope"], ["question", "faq_id"]]])
    start = time.perf_counter()
    classifier = IntentClassifier(examples["question"], examples["faq_id"])
    print(f"\ntraining the intent classifier: {(time.perf_counter() - start) * 1000:.1f} ms")
    measure("intent classifier", classifier, train, test)
    print("  (the classifier learned from the train questions, so a threshold chosen on them "
          "is optimistic)")
    print()
    answer_times(bot, test["question"].astype(str).tolist())


if __name__ == "__main__":
    main()
