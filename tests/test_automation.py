"""Module 01's tools: right answers on hand-worked examples, and plain messages on bad input."""
import matplotlib
import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from civicai.automation import (
    RegisterRules,
    always_biggest_accuracy,
    clean_register,
    error_rates_by,
    error_rates_summary,
    evaluate_router,
    looks_informal,
    monthly_report,
    problem_summary,
    route,
    spelling_variants,
    split_for_training,
    staff_hours_saved,
    standard_code,
    standardise_spelling,
    threshold_explorer,
    threshold_for_error_target,
    threshold_table,
    train_router,
    validation_report,
)
from civicai.automation.cleaning import describe_problems, plot_problem_summary
from civicai.automation.reporting import as_month
from civicai.automation.review import plot_tradeoff
from civicai.errors import LearnerError

matplotlib.use("Agg")


# -- cleaning ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("98115", "98115"), (" 98115 ", "98115"), ("98115-7706", "98115"), (98115, "98115"),
    (98115.0, "98115"), ("9810", None), ("98l15", None), ("", None), (None, None),
    (float("nan"), None), (pd.NA, None), ("981150", None), (True, None),
])
def test_standard_code_keeps_only_valid_five_digit_codes(value, expected):
    assert standard_code(value) == expected


def test_standard_code_length_is_a_parameter():
    assert standard_code("1234", digits=4) == "1234"
    assert standard_code("1234") is None


def test_spelling_variants_become_the_most_common_spelling():
    values = pd.Series(["Pot-Bellied", "pot bellied", "Pot-Bellied", "POT  BELLIED", None, "Dog"])
    cleaned = standardise_spelling(values)
    assert cleaned.tolist() == ["Pot-Bellied"] * 4 + [None, "Dog"]
    variants = spelling_variants(values)
    assert set(variants["spelling"]) == {"Pot-Bellied", "pot bellied", "POT  BELLIED"}
    assert set(variants["becomes"]) == {"Pot-Bellied"}
    assert variants.loc[variants["spelling"] == "Pot-Bellied", "rows"].item() == 2


def test_a_tie_between_spellings_is_broken_the_same_way_every_time():
    assert standardise_spelling(pd.Series(["b-a", "B A"])).tolist() == ["B A", "B A"]
    assert standardise_spelling(pd.Series(["B A", "b-a"])).tolist() == ["B A", "B A"]


def messy_register() -> pd.DataFrame:
    return pd.DataFrame({
        "licence": ["L1", "L2", "L2", "L3", "L4", "L5", "L1"],
        "issued": ["2018-01-05", "2018-02-10", "2018-02-10", "2003-04-19", "not a date",
                   "2018-03-01", "2018-01-05"],
        "species": ["Dog", "cat", "Cat", "Cat", "Dog", "Dog", "dog"],
        "zip": ["98115", "98103-1234", "98103", "9810", "98117", None, "98115"],
    })


RULES = RegisterRules(id_column="licence", date_column="issued", earliest="2015-01-01",
                      latest="2018-12-31", code_column="zip", spelling_columns=("species",),
                      required_columns=("zip",))


def found(report: pd.DataFrame) -> set[tuple]:
    return set(zip(report["row"], report["problem"]))


def test_the_report_finds_each_kind_of_problem_at_its_row():
    report = validation_report(messy_register(), RULES)
    assert found(report) == {
        (5, "missing value"),
        (2, "duplicate row"),          # L2 again once its ZIP+4 and spelling are fixed
        (6, "duplicate row"),          # L1 again, "dog" for "Dog"
        (1, "spelling variant"), (6, "spelling variant"),
        (1, "code with extra digits"),
        (3, "invalid code"),
        (4, "unreadable date"),
        (3, "date out of range"),
    }
    assert report["action"].notna().all()


def test_repeated_ids_with_different_details_are_flagged_not_removed():
    register = pd.DataFrame({"licence": ["L1", "L1", "L2"], "species": ["Dog", "Cat", "Dog"]})
    rules = RegisterRules(id_column="licence")
    assert found(validation_report(register, rules)) == {(0, "repeated id"), (1, "repeated id")}
    assert len(clean_register(register, rules)) == 3


def test_a_table_whose_row_labels_repeat_is_checked_too():
    register = messy_register()
    register.index = [0, 0, 1, 1, 2, 2, 3]
    report = validation_report(register, RULES)
    assert len(report) == len(validation_report(messy_register(), RULES))
    assert len(clean_register(register, RULES)) == 5


def test_cleaning_fixes_what_is_certain_and_keeps_what_needs_a_person():
    register = messy_register()
    before = register.copy()
    cleaned = clean_register(register, RULES)
    pd.testing.assert_frame_equal(register, before)  # the original is untouched
    assert list(cleaned.index) == [0, 1, 3, 4, 5]
    assert cleaned["zip"].fillna("(empty)").tolist() == ["98115", "98103", "(empty)", "98117",
                                                         "(empty)"]
    assert cleaned["species"].tolist() == ["Dog", "Cat", "Cat", "Dog", "Dog"]
    assert cleaned.loc[3, "issued"] == pd.Timestamp("2003-04-19")  # flagged, not deleted
    assert pd.isna(cleaned.loc[4, "issued"])


def test_codes_listed_as_also_valid_are_kept_as_they_are():
    register = pd.DataFrame({"zip": ["981xx", "98xxx", "98115"]})
    rules = RegisterRules(code_column="zip", also_valid=("981xx",))
    assert found(validation_report(register, rules)) == {(1, "invalid code")}
    assert clean_register(register, rules)["zip"].iloc[0] == "981xx"


def test_a_single_column_name_without_its_comma_still_counts():
    assert RegisterRules(spelling_columns="species").spelling_columns == ("species",)
    assert RegisterRules(required_columns=["zip"]).required_columns == ("zip",)


@pytest.mark.parametrize("rules, words", [
    (lambda: RegisterRules(...), "placeholder"),
    (lambda: RegisterRules(earliest=...), "placeholder"),
    (lambda: RegisterRules(spelling_columns=(...,)), "placeholder"),
    (lambda: RegisterRules(id_column=3), "text in quotes"),
    (lambda: RegisterRules(spelling_columns=("a", 2)), "names in quotes"),
    (lambda: RegisterRules(code_digits="5"), "whole number"),
])
def test_unfinished_or_mistyped_rules_get_a_plain_message(rules, words):
    with pytest.raises(LearnerError, match=words):
        rules()


def test_day_first_dates_are_read_with_their_format():
    register = pd.DataFrame({"tanggal": ["31/12/2023", "01/02/2024", "2024-02-30"]})
    rules = RegisterRules(date_column="tanggal", date_format="%d/%m/%Y", latest="2024-01-31")
    assert found(validation_report(register, rules)) == {(2, "unreadable date"),
                                                          (1, "date out of range")}
    assert clean_register(register, rules)["tanggal"].iloc[0] == pd.Timestamp("2023-12-31")


@pytest.mark.parametrize("dates, expected", [
    (["2024-01-02", "02 Jan 2024", None], ["2024-01-02", None, None]),
    (["hello", "15/04/2024", "03/04/2024"], [None, "2024-04-15", "2024-04-03"]),
    (["03/04/2024", "15/04/2024"], ["2024-03-04", None]),  # first date read month first
    (["hello", "world"], [None, None]),
])
def test_one_date_format_serves_the_whole_column_without_warnings(dates, expected, recwarn):
    rules = RegisterRules(date_column="issued")
    cleaned = clean_register(pd.DataFrame({"n": range(len(dates)), "issued": dates}), rules)
    assert [None if pd.isna(day) else day.strftime("%Y-%m-%d")
            for day in cleaned["issued"]] == expected
    assert not [warning for warning in recwarn if "pandas" in str(warning.filename)
                or "format" in str(warning.message)]


def test_problem_summary_counts_rows_per_problem_and_column():
    summary = problem_summary(validation_report(messy_register(), RULES))
    counts = dict(zip(summary["problem"], summary["rows"]))
    assert counts["duplicate row"] == 2 and counts["invalid code"] == 1
    assert summary["rows"].is_monotonic_decreasing
    figure = plot_problem_summary(summary)
    assert len(figure.axes[0].patches) == len(summary)
    words = describe_problems(summary)
    assert words.startswith("Duplicate row in (whole row): 2 rows; ")
    assert "invalid code in zip: 1 row;" in words
    assert describe_problems(summary.iloc[:0]) == "The rules found no problem."


@pytest.mark.parametrize("table, rules, words", [
    ("not a table", RULES, "must be a table"),
    (pd.DataFrame(), RULES, "is empty"),
    (messy_register().drop(columns="zip"), RULES, "no column 'zip'"),
    (messy_register(), RegisterRules(date_column="issued", earliest="last year"), "is not a date"),
    (messy_register(), {"id_column": "licence"}, "must be a RegisterRules"),
])
def test_bad_input_gets_a_plain_message(table, rules, words):
    with pytest.raises(LearnerError, match=words):
        validation_report(table, rules)


# -- reporting --------------------------------------------------------------------------

def licences() -> pd.DataFrame:
    return pd.DataFrame({
        "issued": pd.to_datetime(["2018-05-03", "2018-05-20", "2018-06-01", "2018-06-11",
                                  "2018-06-30", "2018-07-02", None]),
        "species": ["Dog", "Cat", "Dog", "Dog", "Goat", "Cat", "Dog"],
    })


def test_monthly_report_counts_this_month_and_the_month_before():
    report = monthly_report(licences(), "2018-06", date_column="issued", group_column="species",
                            what="licences")
    table = report.table
    assert report.total == 3
    assert table.loc["Dog", "this month"] == 2 and table.loc["Dog", "month before"] == 1
    assert table.loc["Cat", "change"] == -1
    assert table["share of month (%)"].sum() == pytest.approx(100, abs=0.2)
    assert report.sentences[0] == ("In June 2018, 3 licences were recorded: 50% more than "
                                   "the month before (2).")
    assert report.sentences[1].startswith("The largest group was Dog: 2 licences (67%")


def test_another_month_is_one_parameter_away():
    july = monthly_report(licences(), "July 2018", date_column="issued", group_column="species",
                          what="licences")
    assert july.total == 1 and july.month == pd.Period("2018-07", "M")
    assert july.sentences[0].startswith("In July 2018, 1 licence was recorded: ")


def test_small_groups_are_summed_as_other():
    table = pd.DataFrame({"issued": pd.to_datetime(["2018-06-01"] * 10),
                          "unit": list("AAAABBBCDE")})
    report = monthly_report(table, "2018-06", date_column="issued", group_column="unit", top=3)
    assert list(report.table.index) == ["A", "B", "Other"]
    assert report.table.loc["Other", "this month"] == 3


def test_a_month_without_rows_says_which_months_exist():
    with pytest.raises(LearnerError, match="no rows in January 2019") as caught:
        monthly_report(licences(), "2019-01", date_column="issued", group_column="species")
    assert "May 2018 to July 2018" in str(caught.value)


@pytest.mark.parametrize("month", ["2018-06", "June 2018", " 2018-06-15 ",
                                   pd.Timestamp("2018-06-09"), pd.Period("2018-06", "M")])
def test_months_are_read_in_the_forms_people_write(month):
    assert as_month(month) == pd.Period("2018-06", "M")


def test_a_month_that_is_not_one_gets_a_plain_message():
    with pytest.raises(LearnerError, match="not a month"):
        as_month("someday")
    with pytest.raises(LearnerError, match="placeholder"):
        as_month(...)
    with pytest.raises(LearnerError, match="not a month"):
        as_month(pd.NaT)


def test_a_register_without_readable_dates_says_so():
    table = pd.DataFrame({"tanggal": ["kemarin", "besok"], "unit": ["a", "b"]})
    with pytest.raises(LearnerError, match="no readable dates"):
        monthly_report(table, "2024-01", date_column="tanggal", group_column="unit")


def test_report_files_open_as_a_web_page_and_a_workbook(tmp_path):
    report = monthly_report(licences(), "2018-06", date_column="issued", group_column="species",
                            title="Pet licences", what="licences")
    paths = report.save(tmp_path / "reports")
    page = paths["html"].read_text(encoding="utf-8")
    assert "Pet licences: June 2018" in page and report.sentences[0] in page
    assert "data:image/png;base64," in page and "alt=" in page
    workbook = load_workbook(paths["excel"])
    assert workbook.sheetnames == ["Figures", "In brief"]
    assert workbook["In brief"]["A2"].value == report.sentences[0]
    assert report._repr_html_().count("<li>") == len(report.sentences)


# -- routing ----------------------------------------------------------------------------

def complaints() -> pd.DataFrame:
    roads = ["jalan rusak berlubang", "jalan berlubang besar", "the road has a big hole",
             "lubang di jalan raya", "road broken near school", "jalan rusak parah"]
    ids = ["ktp saya hilang", "e-ktp belum jadi", "lost my id card ktp", "ktp rusak mau ganti",
           "kapan ktp saya selesai", "id card ktp not printed"]
    rubbish = ["sampah menumpuk", "sampah tidak diangkut", "garbage not collected"]
    return pd.DataFrame({"text": roads + ids + rubbish + [None],
                         "unit": ["PU"] * 6 + ["Dukcapil"] * 6 + ["DLH"] * 3 + ["PU"]})


def test_split_keeps_each_units_share_and_is_the_same_every_time():
    table = complaints()
    train, test = split_for_training(table, "text", "unit", test_share=1 / 3)
    assert len(train) + len(test) == 15  # the row without text is left out
    assert test["unit"].value_counts().to_dict() == {"PU": 2, "Dukcapil": 2, "DLH": 1}
    again, _ = split_for_training(table, "text", "unit", test_share=1 / 3)
    assert list(again.index) == list(train.index)


@pytest.mark.parametrize("table, share, words", [
    (complaints(), 1.5, "between 0 and 1"),
    (complaints().assign(unit="PU"), 0.25, "the same label"),
    (pd.concat([complaints(), pd.DataFrame({"text": ["air mati"], "unit": ["PDAM"]})]), 0.25,
     "'PDAM' has only one row"),
    (complaints(), 0.1, "fewer test rows than labels"),
    (complaints().rename(columns={"unit": "Unit "}), 0.25, "'unit' looks like 'Unit '"),
])
def test_split_problems_get_plain_messages(table, share, words):
    with pytest.raises(LearnerError, match=words):
        split_for_training(table, "text", "unit", test_share=share)


def test_router_routes_new_texts_it_never_saw():
    table = complaints().dropna()
    router = train_router(table["text"], table["unit"])
    routed = route(router, ["jalan depan rumah rusak", "ktp hilang gmn"])
    assert routed["routed_to"].tolist() == ["PU", "Dukcapil"]
    assert routed["confidence"].between(0, 1).all()
    assert route(router, "sampah belum diangkut")["routed_to"].item() == "DLH"


def test_router_input_problems_get_plain_messages():
    with pytest.raises(LearnerError, match="3 texts but 2 labels"):
        train_router(["a b", "c d", "e f"], ["x", "y"])
    with pytest.raises(LearnerError, match="All the labels are the same"):
        train_router(["a b", "c d"], ["x", "x"])
    with pytest.raises(LearnerError, match="too little in common"):
        train_router(["a", "b"], ["x", "y"])


def test_evaluation_counts_what_went_where():
    table = complaints().dropna()
    router = train_router(table["text"], table["unit"])
    test = pd.DataFrame({"text": ["jalan rusak", "ktp hilang", "sampah menumpuk di jalan"],
                         "unit": ["PU", "Dukcapil", "PDAM"], "language": ["id", "id", "id"]})
    evaluation = evaluate_router(router, test, "text", "unit")
    predictions = evaluation.predictions
    assert predictions["correct"].tolist()[:2] == [True, True]
    assert not predictions["correct"].iloc[2]  # the router has never heard of PDAM
    assert evaluation.accuracy == pytest.approx(2 / 3)
    per_unit = evaluation.per_unit
    assert per_unit.loc["PDAM", "recall"] == 0 and per_unit.loc["PU", "recall"] == 1
    assert evaluation.confusion.to_numpy().sum() == 3
    assert evaluation.confusion.loc["PDAM"].sum() == 1
    assert "language" in predictions  # other columns stay, for error analysis
    assert evaluation.plot_confusion().axes and evaluation.plot_recall().axes
    assert evaluation.recall_summary("complaints").startswith(
        "Overall accuracy is 67%. The lowest recall is for PDAM: 0% of its 1 test complaints")
    sent = predictions["routed_to"].iloc[2]
    assert evaluation.confusion_summary() == (
        "1 of 3 test texts are off the diagonal (routed to the wrong place). "
        f"The most frequent mix-up: PDAM sent to {sent} (1).")


def _texts_of(axes):
    """Every text of a chart a reader must be able to read: names, axis labels, title."""
    names = [text for text in axes.get_xticklabels() + axes.get_yticklabels() if text.get_text()]
    return names + [axes.xaxis.label, axes.yaxis.label, axes.title]


def overlapping_texts(figure) -> list[tuple[str, str]]:
    """Pairs of texts whose letters share a pixel of the drawn figure.

    The figure is drawn once (which places every text), then each text alone
    on an empty canvas of the same size: the pixels it paints are its ink.
    Slanted names have overlapping boxes without touching, so ink, not boxes,
    is compared (for the texts whose boxes meet).
    """
    from matplotlib.backends.backend_agg import RendererAgg

    figure.canvas.draw()
    texts = _texts_of(figure.axes[0])
    boxes = [text.get_window_extent() for text in texts]
    inks = []
    for text in texts:
        canvas = RendererAgg(int(figure.bbox.width), int(figure.bbox.height), figure.dpi)
        text.draw(canvas)
        inks.append(np.asarray(canvas.buffer_rgba())[..., 3] > 60)
    return [(texts[i].get_text(), texts[j].get_text()) for i in range(len(texts))
            for j in range(i + 1, len(texts))
            if boxes[i].overlaps(boxes[j]) and (inks[i] & inks[j]).any()]


def texts_cut_off(figure) -> list[str]:
    """Texts that run past the edge of the figure (a reader sees them cut)."""
    renderer, edge = figure.canvas.get_renderer(), figure.bbox
    return [text.get_text() for text in _texts_of(figure.axes[0])
            if (box := text.get_window_extent(renderer)).x0 < edge.x0 - 1
            or box.x1 > edge.x1 + 1 or box.y0 < edge.y0 - 1 or box.y1 > edge.y1 + 1]


#: Module 01's thirteen units (the complaints' units, longest name 22 letters).
UNITS_01 = ["Dukcapil", "Dinas PUPR", "Dinas Lingkungan Hidup", "Dinas Perhubungan",
            "BPJS Kesehatan", "Dinas Sosial", "PDAM", "Dinas Kesehatan", "DPMPTSP", "Satpol PP",
            "Dinas Pendidikan", "Bapenda", "Inspektorat"]


def evaluation_of(units: list[str], per_unit: int = 3):
    """An evaluation where every unit's cases went right but one per unit went next door."""
    truth = [unit for unit in units for _ in range(per_unit)]
    sent = [units[(index + 1) % len(units)] if copy == 0 else unit
            for index, unit in enumerate(units) for copy in range(per_unit)]
    predictions = pd.DataFrame({"unit": truth, "routed_to": sent, "confidence": 0.9})
    predictions["correct"] = predictions["unit"] == predictions["routed_to"]
    from civicai.automation.routing import RouterEvaluation
    return RouterEvaluation(predictions, "unit", list(units))


@pytest.mark.parametrize("units, title", [
    (UNITS_01, "Where the router sent each test text"),
    (["theft", "other kinds"], "Breach reports: where the router sent each test report"),
    ([f"Dinas Unit Nomor {number} Kabupaten" for number in range(30)],
     "Where the router sent each test text"),
], ids=["the lesson's 13 units", "two units, a long title", "30 long names"])
def test_the_confusion_matrix_names_never_overlap_or_leave_the_figure(units, title):
    figure = evaluation_of(units).plot_confusion(title)
    try:
        assert overlapping_texts(figure) == []
        assert texts_cut_off(figure) == []
        axes = figure.axes[0]
        assert [text.get_text() for text in axes.get_xticklabels()] == units
        assert " ".join(axes.get_title().split()) == title  # broken between words, never cut
        assert min(text.get_fontsize() for text in axes.get_xticklabels()) >= 5
    finally:
        matplotlib.pyplot.close(figure)


def test_the_overlap_test_sees_the_old_upright_centred_names():
    """The check above can fail: names slanted at 35° and centred on their column collide."""
    figure = evaluation_of(UNITS_01).plot_confusion()
    try:
        matplotlib.pyplot.setp(figure.axes[0].get_xticklabels(), rotation=35, ha="center",
                               rotation_mode="default")
        figure.tight_layout()
        assert overlapping_texts(figure)
    finally:
        matplotlib.pyplot.close(figure)


def test_always_the_biggest_unit_scores_its_share():
    assert always_biggest_accuracy(pd.Series(["A"] * 9 + ["B"])) == pytest.approx(0.9)
    with pytest.raises(LearnerError):
        always_biggest_accuracy(pd.Series([], dtype=object))


# -- people in the loop -----------------------------------------------------------------

CONFIDENCE = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
CORRECT = [True, True, True, False, True, True, False, True, False, False]


def test_threshold_table_matches_a_hand_count():
    table = threshold_table(CONFIDENCE, CORRECT, thresholds=(0.0, 0.55, 0.75))
    everything, some, few = (table.iloc[i] for i in range(3))
    assert everything["share automated"] == 1.0 and everything["misrouted per 1000 cases"] == 400
    assert some["share automated"] == 0.5 and some["errors among automated"] == pytest.approx(0.2)
    assert some["misrouted per 1000 cases"] == pytest.approx(100)
    assert few["errors among automated"] == 0 and few["share to review"] == pytest.approx(0.7)


def test_the_threshold_for_an_error_target_automates_as_much_as_allowed():
    assert threshold_for_error_target(CONFIDENCE, CORRECT, 0.0) == 0.75
    assert threshold_for_error_target(CONFIDENCE, CORRECT, 0.2) == 0.45  # 1 wrong in 6
    assert threshold_for_error_target(CONFIDENCE, CORRECT, 0.5) == 0.0
    with pytest.raises(LearnerError, match="No threshold"):
        threshold_for_error_target([0.9, 0.8], [False, False], 0.1)
    with pytest.raises(LearnerError, match="share between 0 and 1"):
        threshold_for_error_target(CONFIDENCE, CORRECT, 5)


@pytest.mark.parametrize("confidence, correct", [
    ([], []), ([0.5, 1.2], [True, True]), ([0.5], [True, False]), ([0.5, 0.6], ["yes", "no"]),
])
def test_threshold_input_problems_get_plain_messages(confidence, correct):
    with pytest.raises(LearnerError):
        threshold_table(confidence, correct)


def test_staff_hours_saved():
    assert staff_hours_saved(3000, 4, 0.5) == pytest.approx(100)
    assert staff_hours_saved(3000, 4, 0) == 0
    with pytest.raises(LearnerError, match="between 0 and 1"):
        staff_hours_saved(3000, 4, 60)
    with pytest.raises(LearnerError, match="zero or more"):
        staff_hours_saved("3000", 4, 0.5)


def test_error_rates_by_group_put_the_worst_first():
    predictions = pd.DataFrame({"language": ["id", "id", "en", "en", "mixed"],
                                "correct": [False, True, True, True, False]})
    table = error_rates_by(predictions, "language")
    assert list(table.index) == ["mixed", "id", "en"]
    assert table.loc["id", "error rate"] == 0.5 and table.loc["id", "cases"] == 2
    assert error_rates_summary(table) == ("mixed: 1 of 1 misrouted (100.0%); id: 1 of 2 "
                                          "misrouted (50.0%); en: 0 of 2 misrouted (0.0%).")


@pytest.mark.parametrize("text, informal", [
    ("sy mau tanya gmn caranya", True), ("KTP udh hilang, tdk tau", True),
    ("Saya ingin menanyakan KTP", False), ("The road is broken", False), (None, False),
])
def test_informal_spellings_are_recognised(text, informal):
    assert looks_informal(text) is informal


def test_the_explorer_updates_when_the_slider_moves():
    predictions = pd.DataFrame({"confidence": CONFIDENCE, "correct": CORRECT})
    explorer = threshold_explorer(predictions, cases_per_month=1000, minutes_per_case=6)
    slider, summary, chart = explorer.children
    assert "At threshold 0.50: of 1,000 cases a month, about 600 (60%)" in summary.value
    slider.value = 0.75
    text = summary.value
    assert "about 300 (30%)" in text and "About 0 misrouted" in text
    assert "save about 30 hours" in text
    assert bytes(chart.value).startswith(b"\x89PNG")
    assert plot_tradeoff(threshold_table(CONFIDENCE, CORRECT), 0.5).axes


# -- the exercise's visible checks ------------------------------------------------------

def check_outcome(question, **namespace):
    """The failure a check raises for these answers (None when it passes)."""
    from civicai.checks.outcome import CheckFailed

    try:
        exec(compile("question.check()", "<notebook cell>", "exec"),
             {"question": question, "__name__": "__main__", **namespace})
    except CheckFailed as failure:
        return failure
    return None


FULL_PERMIT_RULES = dict(id_column="nomor_izin", spelling_columns=("kecamatan",),
                         code_column="kode_pos", date_column="tanggal_terbit",
                         date_format="%d/%m/%Y")


@pytest.mark.parametrize("rules, words", [
    ({key: value for key, value in FULL_PERMIT_RULES.items() if key != "date_format"},
     "read month first, as 4 March"),
    ({key: value for key, value in FULL_PERMIT_RULES.items() if key != "spelling_columns"},
     "spelling variants should be merged"),
    ({key: value for key, value in FULL_PERMIT_RULES.items() if key != "code_column"},
     "which column holds the postcode"),
    ({key: value for key, value in FULL_PERMIT_RULES.items() if key != "date_column"},
     "the dates stay text"),
    ({key: value for key, value in FULL_PERMIT_RULES.items() if key != "id_column"},
     "which column is the permit number"),
    ({**FULL_PERMIT_RULES, "date_format": "%m/%d/%Y"}, "reads the month first"),
    ({**FULL_PERMIT_RULES, "id_column": "kode_pos"}, "which is not the permit number"),
    ({**FULL_PERMIT_RULES, "earliest": "2015-01-01"}, "a date range the question does not ask for"),
])
def test_the_rules_check_names_the_missing_wrong_or_extra_rule(rules, words):
    from civicai.checks import automation as checks

    failure = check_outcome(checks.q1, permit_rules=RegisterRules(**rules))
    assert failure is not None and words in failure.message
    for answer in ('"nomor_izin"', '"tanggal_terbit"', "%d/%m/%Y"):
        assert answer not in failure.message
    assert check_outcome(checks.q1, permit_rules=RegisterRules(**FULL_PERMIT_RULES)) is None


def test_the_rules_check_says_a_repeated_id_must_be_flagged_for_a_person():
    """Flag, don't delete: rules without the id column let two permits that share a number
    pass unflagged, and the check says so in those words."""
    from civicai.checks import automation as checks

    rules = {key: value for key, value in FULL_PERMIT_RULES.items() if key != "id_column"}
    failure = check_outcome(checks.q1, permit_rules=RegisterRules(**rules))
    assert "would not be flagged for a person" in failure.message


@pytest.mark.parametrize("answer, words", [
    ({"id_column": "nomor_izin"}, "is a dictionary"),
    ("nomor_izin", "is a piece of text"),
    (RegisterRules, "RegisterRules itself, without rules"),
])
def test_the_rules_check_says_plainly_when_the_answer_is_not_rules(answer, words):
    from civicai.checks import automation as checks

    failure = check_outcome(checks.q1, permit_rules=answer)
    assert failure is not None and words in failure.message


@pytest.mark.parametrize("question, variable, slip, words", [
    ("q2", "old_licences", 21, "lesson's rule"),
    ("q3", "cats_in_march", 949, "June 2018"),
    ("q4", "test_accuracy", 0.997, "training set"),
    ("q5", "recall_dpmptsp", 1.0, "precision"),
    ("q8", "hours_saved", 250.0, "time for every complaint"),
])
def test_known_slips_get_their_own_hint_without_the_answer(question, variable, slip, words):
    from civicai.checks import automation as checks

    # questions 5 and 8 use question 4's router: with question 4 right, as here, a slip of
    # theirs is named for what it is
    right_router = {"test_accuracy": right_answer("q4")} if question != "q4" else {}
    failure = check_outcome(getattr(checks, question), **right_router, **{variable: slip})
    assert words in failure.message
    for answer in ("1956", "610", "0.987", "0.79", "151"):
        assert answer not in failure.message
    unknown = check_outcome(getattr(checks, question), **right_router, **{variable: 0.123})
    assert words not in unknown.message


def right_answer(grade_id):
    from civicai.checks import answers, values

    return values.decode(answers.key("01-automation")["questions"][grade_id]["value"])


def test_a_figure_made_from_a_wrong_router_points_back_to_question_4():
    """With question 4 not right, a later figure cannot be right whatever it is: its message
    says to fix question 4 first, never only "not right yet", and never a slip that the wrong
    router's figure matches by chance (its perfect recall equals DPMPTSP's precision). A slip
    written about question 4 itself, or a message about the form of the answer, is kept."""
    from civicai.checks import automation as checks
    from civicai.checks.questions import GENERIC_MESSAGES

    wrong_router = {"test_accuracy": 0.997}
    for question, variable, value in (("q7", "threshold_for_target", 0.0),
                                      ("q8", "hours_saved", 164.6), ("q5", "recall_dpmptsp", 1.0)):
        message = check_outcome(getattr(checks, question), **wrong_router,
                                **{variable: value}).message
        assert "uses your answer to question 4, which is not right yet" in message
        assert "Fix question 4 first" in message and "precision" not in message
        assert not any(generic in message for generic in GENERIC_MESSAGES), message
    trained_on_train = check_outcome(checks.q5, **wrong_router, recall_dpmptsp=0.965).message
    assert trained_on_train.startswith("That is the recall on the training set")
    percentage = check_outcome(checks.q5, **wrong_router, recall_dpmptsp=79).message
    assert "looks like a percentage" in percentage and "Fix question 4 first" in percentage


# -- the sandbox, as a learner runs it on her own Excel file -----------------------------------

def table_rows(html: str) -> list[list[str]]:
    """The body rows of the HTML tables in a notebook output, each as its cells' texts."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell, self.body = [], None, False

        def handle_starttag(self, tag, attrs):
            self.body |= tag == "tbody"
            if self.body and tag == "tr":
                self.rows.append([])
            if self.body and tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(self.cell.strip())
                self.cell = None
            self.body &= tag != "tbody"

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    parser = Rows()
    parser.feed(html)
    return parser.rows


@pytest.mark.slow
def test_the_sandbox_names_your_rows_as_excel_does_and_cuts_no_text(tmp_path):
    """The learner's register has a wrong postcode on its second row of data, which Excel
    shows as row 3: the report must say row 3, and no text in any table may be cut short
    (pandas cuts at 50 characters: "kept: a person checks whether these rows are t...")."""
    import re
    from pathlib import Path

    import nbformat
    from nbclient import NotebookClient

    workbook = tmp_path / "izin usaha.xlsx"
    pd.DataFrame({"id": ["P-1", "P-2", "P-3", "P-3"],
                  "date": ["2016-05-02", "2016-05-03", "2016-06-01", "2016-06-02"],
                  "code": ["40111", "4011", "40112", "40113"],
                  "label": ["Pasar Baru", "Pasar Baru", "Pasar Baru", "Pasar Kosambi"],
                  "required": ["a", "b", "c", "d"]}).to_excel(workbook, index=False)
    root = Path(__file__).resolve().parent.parent
    notebook = nbformat.read(root / "course" / "01-automation" / "sandbox.ipynb", as_version=4)
    picker = next(index for index, cell in enumerate(notebook.cells)
                  if cell.source.startswith("register = TablePicker("))
    notebook.cells.insert(picker + 1, nbformat.v4.new_code_cell(  # what the path box does
        f"register._path.value = {str(workbook)!r}\nregister._on_path(None)\n"
        "print(register._status.value)"))
    NotebookClient(notebook, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()

    def shown(cell) -> str:
        return "\n".join(output.get("text", "") + "".join(
            value for value in output.get("data", {}).values() if isinstance(value, str))
            for output in cell.get("outputs", []))

    status = shown(notebook.cells[picker + 1])
    assert "your file" in status and "the first row of data is row 2" in status
    report = next(shown(cell) for cell in notebook.cells
                  if cell.source.startswith("rules = RegisterRules("))
    rows = table_rows(report)  # (row, column, problem, value, action)
    assert ["3", "code", "invalid code", "4011"] in [row[:4] for row in rows]
    assert {row[0] for row in rows if row[2] == "repeated id"} == {"4", "5"}
    assert "kept: a person checks whether these rows are the same case" in report
    everything = "\n".join(shown(cell) for cell in notebook.cells)
    assert not re.findall(r"\w\.\.\.</td>", everything)  # pandas' mark of a cut text
    cleaned = pd.read_csv(tmp_path / "my_reports" / "cleaned_register.csv")
    assert cleaned["row"].tolist() == [2, 3, 4, 5]
