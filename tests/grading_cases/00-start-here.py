"""Plausible mistakes in the start-here practice, and the checks each one must fail."""

# name: (answers by grade_id, check cells that must lose their points,
#        {check: words of the message the learner must get for this mistake})
MISTAKES = {
    "adds instead of multiplying": ({"q1_answer": "citizens_per_day = 12 + 7"}, {"q1"},
                                    {"q1": "That adds the two numbers"}),
    "hours per week, not per day": ({"q1_answer": "citizens_per_day = 12 * 7 * 5"}, {"q1"},
                                    {"q1": "a week of five working days"}),
    "answer as text": ({"q1_answer": 'citizens_per_day = "84"'}, {"q1"},
                       {"q1": "is a piece of text"}),
    "lower-case spelling counts nothing": (
        {"q2_answer": 'whatsapp_requests = (requests["channel"] == "whatsapp").sum()'}, {"q2"},
        {"q2": "capital letters count"}),
    "counts every request": ({"q2_answer": "whatsapp_requests = len(requests)"}, {"q2"},
                             {"q2": "That counts every request"}),
    "deletes the check instead": ({"q3_answer": 'what_to_do = "a"'}, {"q3"},
                                  {"q3": "Deleting the check does not change your answer"}),
    "hopes a restart helps": ({"q3_answer": 'what_to_do = "c"'}, {"q3"},
                              {"q3": "Running everything again gives the same answer"}),
    "hostile: equals everything": (
        {"q1_answer": "class Yes:\n    def __eq__(self, other):\n        return True\n"
                      "citizens_per_day = Yes()"}, {"q1"}, {"q1": "an object of type Yes"}),
}

# Correct answers written another way, as independent learners wrote them: each must score
# full marks, with nothing flagged for review. "answers" replace answer cells; "after" adds a
# learner's own cell after a cell; "stale" saves the notebook with old outputs and cells run
# out of order.
HONEST = [
    {"name": "the product typed in", "answers": {"q1_answer": "citizens_per_day = 84"}},
    {"name": "factors the other way", "answers": {"q1_answer": "citizens_per_day = 7 * 12"}},
    {"name": "a float product", "answers": {"q1_answer": "citizens_per_day = 12.0 * 7"}},
    {"name": "named steps", "answers": {
        "q1_answer": "per_hour = 12\nhours_open = 7\ncitizens_per_day = per_hour * hours_open"}},
    {"name": "rounded", "answers": {"q1_answer": "citizens_per_day = round(12 * 7)"}},
    {"name": "DataFrame.query", "answers": {
        "q2_answer": "whatsapp_requests = len(requests.query(\"channel == 'WhatsApp'\"))"}},
    {"name": "DataFrame.eval", "answers": {
        "q2_answer": "whatsapp_requests = requests.eval(\"channel == 'WhatsApp'\").sum()"}},
    {"name": "value_counts", "answers": {
        "q2_answer": 'whatsapp_requests = requests["channel"].value_counts()["WhatsApp"]'}},
    {"name": "groupby size", "answers": {
        "q2_answer": 'whatsapp_requests = requests.groupby("channel").size()["WhatsApp"]'}},
    {"name": "a filtered table's length", "answers": {
        "q2_answer": 'whatsapp_requests = len(requests[requests["channel"] == "WhatsApp"])'}},
    {"name": "a loop", "answers": {"q2_answer": (
        "whatsapp_requests = 0\nfor channel in requests[\"channel\"]:\n"
        "    if channel == \"WhatsApp\":\n        whatsapp_requests += 1")}},
    {"name": "a helper function", "answers": {"q2_answer": (
        "def count_channel(table, channel):\n    return int((table[\"channel\"] == channel).sum())"
        "\n\n\nwhatsapp_requests = count_channel(requests, \"WhatsApp\")")}},
    {"name": "a warning from an ordinary call", "answers": {"q2_answer": (
        "import warnings\nwarnings.warn(\"counting the WhatsApp requests\")\n"
        "whatsapp_requests = requests.channel.str.contains(\"WhatsApp\").sum()")}},
    {"name": "capital letter", "answers": {"q3_answer": 'what_to_do = "B"'}},
    {"name": "spaces around the letter", "answers": {"q3_answer": "what_to_do = ' b '"}},
    {"name": "the letter in brackets", "answers": {"q3_answer": 'what_to_do = "(b)"'}},
    {"name": "extra cells to look at the data", "after": {
        "q2_answer": 'requests[requests["channel"] == "WhatsApp"]',
        "q1_answer": "print(citizens_per_day)"}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
