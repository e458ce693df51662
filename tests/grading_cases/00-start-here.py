"""Plausible mistakes in the start-here practice, and the checks each one must fail."""

# name: (answers by grade_id, check cells that must lose their points)
MISTAKES = {
    "adds instead of multiplying": ({"q1_answer": "citizens_per_day = 12 + 7"}, {"q1"}),
    "hours per week, not per day": ({"q1_answer": "citizens_per_day = 12 * 7 * 5"}, {"q1"}),
    "answer as text": ({"q1_answer": 'citizens_per_day = "84"'}, {"q1"}),
    "lower-case spelling counts nothing": (
        {"q2_answer": 'whatsapp_requests = (requests["channel"] == "whatsapp").sum()'}, {"q2"}),
    "counts every request": ({"q2_answer": "whatsapp_requests = len(requests)"}, {"q2"}),
    "deletes the check instead": ({"q3_answer": 'what_to_do = "a"'}, {"q3"}),
    "hostile: equals everything": (
        {"q1_answer": "class Yes:\n    def __eq__(self, other):\n        return True\n"
                      "citizens_per_day = Yes()"}, {"q1"}),
}
