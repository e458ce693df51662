"""Checks of the start-here practice exercise (exercises/00-start-here) and the start page's demo."""
from civicai.checks.questions import ChoiceQuestion, NumberQuestion

q1 = NumberQuestion("00-start-here/q1", "Question 1 — a counter's day", "citizens_per_day",
                    whole=True, low=1, high=500, what="a whole number of citizens")

q2 = NumberQuestion("00-start-here/q2", "Question 2 — requests by WhatsApp", "whatsapp_requests",
                    whole=True, low=0, high=10, what="a whole number of requests")

q3 = ChoiceQuestion("00-start-here/q3", "Question 3 — when a check says 'not right yet'",
                    "what_to_do")

#: The start page's demonstration (not graded, its answer given on the page): days in a week.
demo = NumberQuestion(
    "00-start-here/demo", "Try a check — days in a week", "days_in_week", whole=True, low=1,
    high=31, what="a whole number of days",
    demo={"answer": "d8e0b6b9ac1e81f27b9b1f262f253ead3962515db85637f15138f25f46cccf73"})
