"""Visible checks of the start-here practice exercise (exercises/00-start-here)."""
from civicai.checks.questions import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion(
    "start-here/q1", "Question 1 — a counter's day", "citizens_per_day",
    "1cdbf5a3c5eb2bbd771361dd8c4813660f4dfc3b7e557a61712f9f2942bac27d",
    low=1, high=500, what="a whole number of citizens")

q2 = NumberQuestion(
    "start-here/q2", "Question 2 — requests by WhatsApp", "whatsapp_requests",
    "ba49e0d48ec0d66da42f5923ece3b909d2e85789f6254a1bfa8188293e326eac",
    low=0, high=10, what="a whole number of requests")

q3 = ChoiceQuestion(
    "start-here/q3", "Question 3 — when a check says 'not right yet'", "what_to_do",
    "cd8b67be2ce262ece4fe88b2fb09578e1778ea51715982b7434df728f7266c9e")

#: The start page's demonstration (not graded): how many days are in a week?
demo = NumberQuestion(
    "start-here/demo", "Try a check — days in a week", "days_in_week",
    "f3639ba3b311f98acae00cd5b6e0d9b89f2078b02542870742838aff49dd2b78", low=1, high=31, what="a whole number of days")
