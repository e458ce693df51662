"""Plausible mistakes in the start-here practice, and the checks each one must fail."""

# Question 5's function as the learner version gives it, with its one blank filled in.
HOURS = ('def hours_needed(citizens):\n'
         '    """How many hours the counter needs to serve `citizens` citizens, at 12 an hour."""\n'
         "    hours = (\n        {}\n    )\n    return hours\n")

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
    "multiplies the citizens instead of dividing": (
        {"q5_answer": HOURS.format("citizens * 12")}, {"q5"},
        {"q5": "It multiplies the citizens by 12"}),
    "divides the wrong way round": (
        {"q5_answer": HOURS.format("12 / citizens")}, {"q5"}, {"q5": "the wrong way round"}),
    "the hours a day of question 1": (
        {"q5_answer": HOURS.format("citizens / 7")}, {"q5"},
        {"q5": "the hours the counter is open in a day"}),
    "drops part of an hour": (
        {"q5_answer": HOURS.format("citizens // 12")}, {"q5"},
        {"q5": "drops part of an hour"}),
    "a misspelt name in the function": (
        {"q5_answer": HOURS.format("citizen / 12")}, {"q5"},
        {"q5": "Python does not know the name `citizen`"}),
    "the return line left out": (
        {"q5_answer": "def hours_needed(citizens):\n    hours = citizens / 12\n"}, {"q5"},
        {"q5": "Did you forget `return`"}),
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
    {"name": "the hours with a float", "answers": {"q5_answer": HOURS.format("citizens / 12.0")}},
    {"name": "the hours as a fraction of an hour each", "answers": {
        "q5_answer": HOURS.format("citizens * (1 / 12)")}},
    {"name": "a function of one line, a named rate", "answers": {"q5_answer": (
        "def hours_needed(citizens):\n    per_hour = 12\n    return citizens / per_hour\n")}},
    {"name": "a NumPy division", "answers": {"q5_answer": (
        "import numpy as np\n\n\n" + HOURS.format("np.divide(citizens, 12)"))}},
    {"name": "saved with old outputs, cells run out of order", "stale": True},
]
