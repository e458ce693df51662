"""Module 02's tools: an FAQ bot that cites its source, hands over when unsure, masks logs.

The lesson builds each idea step by step, then uses these tools; the
exercise, the sandbox and the tests call the same ones.

- `knowledge`: the knowledge base (entries: id, question, answer, source, language);
- `informal`: informal, mixed-language text to a standard form (`normalise`);
- `retrieval`: `FaqBot`, TF-IDF + cosine similarity, with a confidence threshold;
- `intents`: `IntentClassifier`, the alternative that learns from examples (import it from
  `civicai.chatbot.intents`: it needs scikit-learn's linear models, which take seconds to
  load, and only the lesson uses it);
- `evaluation`: top-1 accuracy, out-of-scope recall, fallback rate, containment;
- `redaction`: find and mask NIK, phone numbers, e-mails and names; measure it;
- `chat_window`: `ChatWindow`, the chat in the notebook;
- `charts`: the lesson's charts and the threshold explorer widget.
"""
from civicai.chatbot.chat_window import ChatWindow
from civicai.chatbot.evaluation import by_group, lowest_threshold, outcomes, scorecard, sweep
from civicai.chatbot.informal import normalise
from civicai.chatbot.knowledge import entries_from_course_faq, entries_from_table
from civicai.chatbot.redaction import find_personal_data, redact, redaction_scores
from civicai.chatbot.retrieval import DEFAULT_THRESHOLD, Answer, FaqBot

__all__ = [
    "Answer", "ChatWindow", "DEFAULT_THRESHOLD", "FaqBot", "by_group",
    "entries_from_course_faq", "entries_from_table", "find_personal_data", "lowest_threshold",
    "normalise", "outcomes", "redact", "redaction_scores", "scorecard", "sweep",
]
