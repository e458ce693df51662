"""Module 04's tools: right answers, wrong ones caught, bad input explained in plain words."""
import hashlib
import hmac
from datetime import date

import numpy as np
import pandas as pd
import pytest

from civicai import privacy
from civicai.checks import privacy as checks
from civicai.checks.outcome import NotRightYet
from civicai.data import load
from civicai.errors import LearnerError
from civicai.privacy import explore
from civicai.privacy.report import parse_date_columns

KEY = "k" * 32


# ---- NIK and pseudonymisation -----------------------------------------------------------------

def test_a_nik_is_built_and_read_back_with_the_plus_40_rule_for_women():
    woman = privacy.make_nik("347106", date(1984, 7, 10), "F", 9001)
    man = privacy.make_nik("347106", date(1984, 7, 10), "M", 9002)
    assert woman == "3471065007849001"
    assert man == "3471061007849002"
    parts = privacy.parse_nik(woman)
    assert (parts.province, parts.regency, parts.district) == ("34", "71", "06")
    assert parts.region == "347106"
    assert (parts.birth_date, parts.sex, parts.serial) == (date(1984, 7, 10), "F", 9001)
    assert privacy.parse_nik("3471060101050001", century=2000).birth_date == date(2005, 1, 1)


def test_the_parts_of_a_nik_read_as_words():
    assert repr(privacy.parse_nik("3471065007849001")) == (
        "province 34, regency/city 71, district 06: a woman born on 10 July 1984, "
        "serial number 9001")


@pytest.mark.parametrize("candidates, words", [
    (100, "under a second"), (4_000_000, "under 2 minutes"),
    (400_000 * 30 * 60, "about 30 minutes"),
    (400_000 * 3 * 3600, "about 3 hours"), (400_000 * 86400 * 400, "about 400 days"),
    (400_000 * 86400 * 365 * 3, "about 3 years")])
def test_search_times_are_said_in_words(candidates, words):
    assert privacy.time_to_try(candidates, 400_000) == words


@pytest.mark.parametrize("bad, words", [
    ("12345", "exactly 16 digits"),
    ("34710650078490AB", "exactly 16 digits"),
    ("3471063213849001", "no valid birth date"),
    (3471065007849001, "should be text"),
])
def test_malformed_niks_get_a_plain_message(bad, words):
    with pytest.raises(LearnerError, match=words):
        privacy.parse_nik(bad)


@pytest.mark.parametrize("region, sex, serial, words", [
    ("3471", "F", 1, "6 digits"), ("347106", "W", 1, "'F' or 'M'"),
    ("347106", "M", 0, "between 1")])
def test_make_nik_refuses_impossible_parts(region, sex, serial, words):
    with pytest.raises(LearnerError, match=words):
        privacy.make_nik(region, date(1990, 1, 1), sex, serial)


def test_plain_hash_is_sha256_and_keyed_hash_is_hmac_sha256():
    nik = "3471065007849001"
    assert privacy.plain_hash(nik) == hashlib.sha256(nik.encode()).hexdigest()
    expected = hmac.new(KEY.encode(), nik.encode(), hashlib.sha256).hexdigest()
    assert privacy.keyed_hash(nik, KEY) == expected
    assert privacy.keyed_hash(nik, KEY.encode()) == expected
    assert privacy.keyed_hash(nik, "x" * 32) != expected
    assert privacy.keyed_hash(nik, KEY) != privacy.plain_hash(nik)


@pytest.mark.parametrize("key, words", [
    ("short", "too short"), (b"", "too short"), (12345, "text or bytes")])
def test_keyed_hash_refuses_weak_or_wrong_keys(key, words):
    with pytest.raises(LearnerError, match=words):
        privacy.keyed_hash("3471065007849001", key)


def test_hashing_a_number_says_to_keep_niks_as_text():
    with pytest.raises(LearnerError, match="leading zeros"):
        privacy.plain_hash(3471065007849001)


def test_new_keys_are_long_and_different():
    first, second = privacy.new_secret_key(), privacy.new_secret_key()
    assert len(first) == 64 and first != second


def test_a_plain_hash_is_reversed_by_enumeration_and_a_keyed_hash_is_not():
    people = [privacy.make_nik("347106", date(1990, 3, 4), "F", 9003),
              privacy.make_nik("347106", date(1991, 12, 31), "M", 9010)]
    space = list(privacy.candidate_niks(["347106"], date(1990, 1, 1), date(1991, 12, 31),
                                        range(9001, 9011)))
    assert len(space) == privacy.search_space_size(1, 730, 10) == 14600
    found = privacy.reverse_plain_hashes([privacy.plain_hash(p) for p in people], space)
    assert sorted(found.values()) == sorted(people)
    keyed = [privacy.keyed_hash(p, KEY) for p in people]
    assert privacy.reverse_plain_hashes(keyed, space) == {}


def test_candidate_niks_refuses_a_reversed_date_range():
    with pytest.raises(LearnerError, match="comes before"):
        list(privacy.candidate_niks(["347106"], date(1991, 1, 1), date(1990, 1, 1), [9001]))


# ---- k-anonymity, uniques, l-diversity --------------------------------------------------------

@pytest.fixture
def patients():
    return pd.DataFrame({
        "birth_year": [1980, 1980, 1980, 1990, 1990, 1975],
        "sex": ["F", "F", "F", "M", "M", "F"],
        "district": ["Jetis", "Jetis", "Jetis", "Kraton", "Kraton", "Jetis"],
        "diagnosis": ["Diabetes", "Asthma", "Diabetes", "HIV", "HIV", "Asthma"],
    })


def test_k_uniques_and_l_on_a_small_table(patients):
    quasi = ["birth_year", "sex", "district"]
    assert privacy.class_sizes(patients, quasi).tolist() == [3, 3, 3, 2, 2, 1]
    assert privacy.k_anonymity(patients, quasi) == 1
    assert privacy.uniques(patients, quasi) == 1
    assert privacy.rows_below(patients, quasi, 3).tolist() == [False] * 3 + [True] * 3
    assert privacy.k_anonymity(patients, ["sex"]) == 2
    assert privacy.l_diversity(patients.iloc[:5], quasi, "diagnosis") == 1  # the two HIV men
    assert privacy.l_diversity(patients.iloc[:3], quasi, "diagnosis") == 2
    classes = privacy.class_table(patients, quasi, "diagnosis")
    assert classes["people"].tolist() == [1, 2, 3]
    assert classes["different diagnosis"].tolist() == [1, 1, 2]


def test_the_course_counts_equivalence_classes_in_one_place(patients):
    """The learner's tools and the checks on the course's own files agree, with pandas too."""
    from civicai.data import disclosure
    quasi = ["birth_year", "sex", "district"]
    assert disclosure.k_anonymity(patients, quasi) == privacy.k_anonymity(patients, quasi) == 1
    assert disclosure.small_groups(patients, quasi, 3).tolist() \
        == privacy.rows_below(patients, quasi, 3).tolist() == [False] * 3 + [True] * 3
    households = load("households")  # categorical columns, as shipped
    hh_quasi = ["regency", "head_sex", "head_education"]
    expected = households.groupby(hh_quasi, dropna=False, observed=True).size().min()
    assert disclosure.k_anonymity(households, hh_quasi) == privacy.k_anonymity(households, hh_quasi) \
        == expected
    assert disclosure.k_anonymity(patients.iloc[:0], quasi) == 0  # a shipped file may be empty


def test_a_missing_value_is_a_value_that_can_single_someone_out(patients):
    patients.loc[0, "district"] = None
    assert privacy.k_anonymity(patients, ["district"]) == 1


@pytest.mark.parametrize("table, quasi, words", [
    ("not a table", ["sex"], "should be a table"),
    (pd.DataFrame({"sex": []}), ["sex"], "has no rows"),
    (pd.DataFrame({"sex": ["F"]}), ["Sex"], "has no column 'Sex'"),
    (pd.DataFrame({"sex": ["F"]}), "sex", "as a list"),
    (pd.DataFrame({"sex": ["F"]}), [], "at least one"),
    (pd.DataFrame({"sex": ["F"]}), ["sex", "sex"], "listed twice"),
])
def test_bad_tables_and_column_lists_get_a_plain_message(table, quasi, words):
    with pytest.raises(LearnerError, match=words):
        privacy.k_anonymity(table, quasi)


def test_the_sensitive_column_cannot_also_be_a_quasi_identifier(patients):
    with pytest.raises(LearnerError, match="one or the other"):
        privacy.l_diversity(patients, ["sex", "diagnosis"], "diagnosis")


def test_rows_below_needs_a_whole_k(patients):
    with pytest.raises(LearnerError, match="whole number"):
        privacy.rows_below(patients, ["sex"], 2.5)


# ---- linkage attack ---------------------------------------------------------------------------

def test_a_linkage_attack_counts_only_exact_single_matches(patients):
    public = pd.DataFrame({
        "name": ["Sri", "Wati", "Budi", "Agus", "Dewi"],
        "birth_year": [1980, 1980, 1990, 1990, 1975],
        "sex": ["F", "F", "M", "M", "F"],
        "district": ["Jetis", "Jetis", "Kraton", "Kraton", "Jetis"],
    })
    result = privacy.linkage_attack(patients, public, ["birth_year", "sex", "district"])
    # rows 0-2 have two candidates, rows 3-4 two, row 5 exactly one (Dewi)
    assert (result.unique_matches, result.ambiguous, result.no_match) == (1, 5, 0)
    assert result.rate == pytest.approx(1 / 6)
    assert result.matches[["name", "diagnosis"]].values.tolist() == [["Dewi", "Asthma"]]
    assert "1 of 6 records" in repr(result)
    # a short public list singles people out too: one woman and one man on it
    short = privacy.linkage_attack(patients, public.iloc[[0, 2]], "sex")
    assert (short.unique_matches, short.rate) == (6, 1.0)


def test_linkage_refuses_dates_joined_to_text():
    release = pd.DataFrame({"born": pd.to_datetime(["1980-01-01"])})
    public = pd.DataFrame({"born": ["1980-01-01"], "name": ["Sri"]})
    with pytest.raises(LearnerError, match="holds dates in one table"):
        privacy.linkage_attack(release, public, ["born"])


def test_linkage_names_the_table_that_lacks_a_column(patients):
    with pytest.raises(LearnerError, match="The public list has no column 'sex'"):
        privacy.linkage_attack(patients, pd.DataFrame({"name": ["Sri"]}), ["sex"])


# ---- generalisation, suppression, usefulness --------------------------------------------------

@pytest.fixture
def register():
    rng = np.random.default_rng(4)
    size = 400
    born = pd.Timestamp("1950-01-01") + pd.to_timedelta(rng.integers(0, 50 * 365, size), unit="D")
    table = pd.DataFrame({
        "birth_date": born,
        "sex": rng.choice(["F", "M"], size),
        "district": rng.choice(["Jetis", "Kraton", "Kotagede", "Tegalrejo"], size),
    })
    table["diabetes"] = rng.random(size) < np.where(born.year < 1970, 0.3, 0.05)
    return table


def ladders():
    city = {"Jetis": "Yogyakarta", "Kraton": "Yogyakarta", "Kotagede": "Yogyakarta",
            "Tegalrejo": "Yogyakarta"}
    return [privacy.ladder("birth_date", ("date", privacy.as_is), ("month", privacy.to_month),
                           ("year", privacy.to_year), ("10-year band", privacy.year_band(10))),
            privacy.ladder("sex", ("as is", privacy.as_is)),
            privacy.ladder("district", ("district", privacy.as_is),
                           ("city", privacy.lookup(city, "city")))]


def test_generalising_climbs_each_ladder_and_raises_k(register):
    quasi = ["birth_date", "sex", "district"]
    coarse = privacy.generalise(register, ladders(), {"birth_date": "10-year band",
                                                      "district": "city"})
    assert set(coarse["district"]) == {"Yogyakarta"}
    assert set(coarse["birth_date"]) <= {"1950-1959", "1960-1969", "1970-1979", "1980-1989",
                                         "1990-1999"}
    assert privacy.k_anonymity(register, quasi) == 1
    assert privacy.k_anonymity(coarse, quasi) >= 5
    month = privacy.generalise(register.iloc[:1], ladders(), {"birth_date": "month"})
    assert month["birth_date"].iloc[0] == register["birth_date"].iloc[0].strftime("%Y-%m")


def test_level_functions_on_small_inputs():
    ages = pd.Series([30, 34, 35, None], dtype="Int64", name="age")
    assert privacy.number_band(5)(ages).tolist()[:3] == ["30-34", "30-34", "35-39"]
    assert pd.isna(privacy.number_band(5)(ages).iloc[3])
    assert privacy.hidden(pd.Series([1, 2])).tolist() == ["*", "*"]


@pytest.mark.parametrize("call, words", [
    (lambda: privacy.to_month(pd.Series(["1980-01-01"], name="born")), "does not hold dates"),
    (lambda: privacy.number_band(0), "at least 1"),
    (lambda: privacy.number_band(5)(pd.Series(["a"], name="age")), "does not hold numbers"),
    (lambda: privacy.lookup({"Jetis": "Yogya"}, "city")(pd.Series(["Coblong"])), "No city"),
    (lambda: privacy.ladder("age"), "at least one level"),
])
def test_level_functions_explain_wrong_input(call, words):
    with pytest.raises(LearnerError, match=words):
        call()


def test_unknown_levels_and_columns_are_named(register):
    with pytest.raises(LearnerError, match="'week' is not a level of 'birth_date'"):
        privacy.generalise(register, ladders(), {"birth_date": "week"})
    with pytest.raises(LearnerError, match="no ladder for 'age'"):
        privacy.generalise(register, ladders(), {"age": "year"})
    with pytest.raises(LearnerError, match="dictionary"):
        privacy.generalise(register, ladders(), ["year"])


def test_suppression_removes_exactly_the_rows_below_k(patients):
    kept = privacy.suppress(patients, ["birth_year", "sex", "district"], 3)
    assert kept.index.tolist() == [0, 1, 2]


def test_analysis_error_is_zero_when_the_release_is_as_detailed_as_the_analysis(register):
    analysis = {"birth_date": "10-year band", "district": "district"}
    exact = privacy.analysis_error(register, register.index, ladders(), {}, analysis,
                                   register["diabetes"])
    assert exact == pytest.approx(0.0)
    coarse = privacy.analysis_error(register, register.index, ladders(),
                                    {"birth_date": "10-year band", "district": "city"},
                                    analysis, register["diabetes"])
    blind = privacy.analysis_error(register, register.index[:0], ladders(), {}, analysis,
                                   register["diabetes"])
    assert 0 < coarse < blind


def test_analysis_error_grows_when_the_release_is_coarser_than_the_analysis(register):
    analysis = {"birth_date": "year"}
    by_decade = privacy.analysis_error(register, register.index, ladders(),
                                       {"birth_date": "10-year band"}, analysis,
                                       register["diabetes"])
    assert by_decade > 0
    with pytest.raises(LearnerError, match="True/False"):
        privacy.analysis_error(register, register.index, ladders(), {}, analysis,
                               register["sex"])


def test_trials_and_the_comparison_table_agree(register):
    outcome = register["diabetes"]
    analysis = ({"birth_date": "10-year band"}, outcome)
    trial = privacy.try_levels(register, ladders(), {"birth_date": "year"}, 5, "diabetes",
                               analysis)
    assert trial.k_before < 5 and trial.suppressed > 0
    assert trial.levels == {"birth_date": "year", "sex": "as is", "district": "district"}
    table = privacy.compare_levels(register, ladders(), 5, "diabetes", analysis)
    assert len(table) == 4 * 1 * 2
    row = table[(table["birth_date"] == "year") & (table["district"] == "district")].iloc[0]
    assert row["rows suppressed"] == trial.suppressed
    assert row["analysis error (points)"] == round(100 * trial.error, 2)
    assert (table["l after suppression"].dropna() >= 1).all()


# ---- differential privacy ---------------------------------------------------------------------

def test_laplace_noise_has_the_promised_scale_and_is_centred():
    rng = np.random.default_rng(7)
    draws = np.array([privacy.noisy_count(100, 0.5, rng) for _ in range(20000)])
    assert privacy.laplace_scale(0.5) == 2.0
    assert abs(draws.mean() - 100) < 0.1
    assert np.abs(draws - 100).mean() == pytest.approx(2.0, rel=0.03)
    counts = pd.Series([10, 20, 30])
    noisy = privacy.noisy_count(counts, 1.0, np.random.default_rng(1))
    assert noisy.shape == (3,) and not np.allclose(noisy, counts)


def test_the_same_seed_gives_the_same_release():
    first = privacy.noisy_count(50, 1.0, np.random.default_rng(3))
    assert first == privacy.noisy_count(50, 1.0, np.random.default_rng(3))


def test_chance_within_and_the_error_table_match_the_maths():
    assert privacy.chance_within(5, 1.0) == pytest.approx(1 - np.exp(-5))
    table = privacy.error_by_epsilon([0.1, 1.0], np.random.default_rng(0), draws=20000)
    assert table["expected error"].tolist() == [10.0, 1.0]
    assert np.allclose(table["measured error"], table["expected error"], rtol=0.05)


@pytest.mark.parametrize("call, words", [
    (lambda: privacy.laplace_scale(0), "Epsilon should be a number above 0"),
    (lambda: privacy.laplace_scale(-1), "above 0"),
    (lambda: privacy.laplace_scale("1"), "above 0"),
    (lambda: privacy.noisy_count(10, 1.0, 42), "random generator"),
    (lambda: privacy.noisy_count("10", 1.0, np.random.default_rng()), "true count"),
])
def test_differential_privacy_inputs_are_checked(call, words):
    with pytest.raises(LearnerError, match=words):
        call()


def test_the_budget_adds_up_releases_and_refuses_to_overspend():
    budget = privacy.PrivacyBudget(1.0)
    for month in ("January", "February", "March", "April"):
        budget.spend(0.25, month)
    assert budget.spent == pytest.approx(1.0) and budget.remaining == pytest.approx(0.0)
    assert budget.ledger()["spent so far"].tolist() == [0.25, 0.5, 0.75, 1.0]
    with pytest.raises(LearnerError, match="would go over the budget"):
        budget.spend(0.01, "May")


# ---- the sandbox report -----------------------------------------------------------------------

def test_the_report_measures_risk_and_its_plan_reaches_the_target(register):
    table = register.assign(age=(2024 - register["birth_date"].dt.year),
                            diagnosis=np.where(register["diabetes"], "Diabetes", "Other"))
    quasi = ["age", "sex", "district"]
    report = privacy.disclosure_report(table, quasi, "diagnosis", k_target=5)
    assert report.k == privacy.k_anonymity(table, quasi)
    assert report.uniques == privacy.uniques(table, quasi)
    assert report.l == privacy.l_diversity(table, quasi, "diagnosis")
    assert report.riskiest["people like this"].is_monotonic_increasing
    assert report.steps and report.suggested_levels["age"] != "exact"
    planned = privacy.generalise(table, [privacy.automatic_ladder(table[c]) for c in quasi],
                                 report.suggested_levels)
    assert (privacy.class_sizes(planned, quasi) < 5).sum() == report.suppressed_after_plan
    assert report.suppressed_after_plan < report.below_target
    kept = planned[privacy.class_sizes(planned, quasi) >= 5]
    assert report.l_after_plan == privacy.l_diversity(kept, quasi, "diagnosis")
    text = repr(report)
    assert "Suggested generalisations" in text and "unique" in text
    assert "Riskiest records" in report._repr_html_()


def test_automatic_ladders_follow_the_column_type(register):
    assert privacy.automatic_ladder(register["birth_date"]).names[1] == "month"
    assert privacy.automatic_ladder(pd.Series(range(50), name="age")).names[1] == "bands of 5"
    assert privacy.automatic_ladder(register["district"]).names == ["exact", "hidden"]
    jobs = pd.Series([f"job {number}" for number in range(12)], name="job")
    assert "merged" in privacy.automatic_ladder(jobs).names[1]
    merged = privacy.generalise(pd.DataFrame({"job": pd.Categorical(["a"] * 5 + ["b"])}),
                                [privacy.automatic_ladder(jobs)],
                                {"job": "rare values (under 5) merged"})
    assert merged["job"].tolist() == ["a"] * 5 + ["other"]


def test_the_report_refuses_a_silly_target(patients):
    with pytest.raises(LearnerError, match="at least 2"):
        privacy.disclosure_report(patients, ["sex"], k_target=1)


# ---- the exercise's visible checks --------------------------------------------------------------

def _told(question, value) -> str:
    """The message a check gives for this answer (it must not pass)."""
    with pytest.raises(NotRightYet) as failure:
        question.judge(value)
    return failure.value.message


def test_column_lists_are_judged_as_sets_with_plain_feedback():
    checks.q1.judge(["phone", "nik", "name", "nik"])
    checks.q1.judge(("name", "nik", "phone"))
    with pytest.raises(NotRightYet, match="not the right set yet"):
        checks.q1.judge(["name", "job"])
    # the known slips are named: the mistake, never the answer
    assert "Removing the name is not enough" in _told(checks.q1, ["name"])
    assert "`birth_date` is a quasi-identifier" in _told(checks.q1,
                                                       ["nik", "name", "phone", "birth_date"])
    with pytest.raises(NotRightYet, match='"Name" is not a column'):
        checks.q1.judge(["Name", "nik", "phone"])
    with pytest.raises(NotRightYet, match="empty list"):
        checks.q1.judge([])
    with pytest.raises(NotRightYet, match="square brackets"):
        checks.q1.judge("name, nik, phone")
    checks.q2.judge(["job", "sex", "kecamatan", "birth_date"])
    with pytest.raises(NotRightYet, match="not the right set yet"):
        checks.q2.judge(["job", "sex"])
    assert "`diagnosis` is the sensitive attribute" in _told(
        checks.q2, ["job", "sex", "kecamatan", "birth_date", "diagnosis"])


def test_levels_are_judged_on_k_first_then_on_cost():
    best = {"regency": "regency", "head_sex": "hidden", "household_size": "hidden",
            "head_education": "3 levels"}
    checks.q7.judge(best)
    with pytest.raises(NotRightYet, match="k is 1"):
        checks.q7.judge({})
    with pytest.raises(NotRightYet, match="another choice loses less"):
        checks.q7.judge({**best, "regency": "province", "head_sex": "as is",
                         "head_education": "hidden"})
    assert "'wrong ladder'" in _told(checks.q7, {**best, "regency": "province"})
    with pytest.raises(NotRightYet, match="'county' is not a level of 'regency'"):
        checks.q7.judge({**best, "regency": "county"})
    with pytest.raises(NotRightYet, match="dictionary"):
        checks.q7.judge(["regency"])


def test_the_lesson_tools_solve_the_levels_question():
    """The answer the check accepts is the one compare_levels ranks first."""
    households = load("households")
    ladders = [privacy.household_ladders(households)[column] for column in checks.LEVELS_COLUMNS]
    analysis = ({"regency": "regency", "head_education": "3 levels"}, households["truly_poor"])
    table = privacy.compare_levels(households, ladders, k=5, analysis=analysis)
    safe = table[table["k before suppression"] >= 5].sort_values("analysis error (points)")
    assert safe.iloc[0]["analysis error (points)"] < safe.iloc[1]["analysis error (points)"]
    checks.q7.judge({column: safe.iloc[0][column] for column in checks.LEVELS_COLUMNS})


def test_a_known_slip_is_named_even_outside_the_sensible_range():
    """A count typed for a share, or a budget multiplied, is told what it is (its message
    comes from the instructor source's slips), not only "too large"."""
    release = load("health_release").assign(birth_year=lambda table: table["birth_date"].dt.year)
    public = load("voter_list").assign(birth_year=lambda table: table["birth_date"].dt.year)
    attack = privacy.linkage_attack(release, public, ["birth_year", "sex", "kecamatan"])
    assert "not a share" in _told(checks.q3, attack.unique_matches)
    assert "too large" in _told(checks.q3, 150)  # not a known slip: the range says so
    assert "looks like a percentage" in _told(checks.q3, 100 * attack.rate)
    assert "multiplies the budget" in _told(checks.q10, 1.2 * 12)
    assert "sample uniques" in _told(checks.q6, 0)


def _pseudonymise(nik, key):
    return hmac.new(key, nik.encode(), hashlib.sha256).hexdigest()


def test_the_pseudonym_check_accepts_hmac_and_explains_each_mistake():
    checks.q5.judge(_pseudonymise)
    checks.q5.judge(lambda nik, key: privacy.keyed_hash(nik, key))
    checks.q5.judge(lambda nik, key: hmac.digest(key, nik.encode(), "sha256").hex())
    practice_key = b"practice-key-for-this-exercise-only-0001"
    mistakes = {
        "plain SHA-256": lambda nik, key: hashlib.sha256(nik.encode()).hexdigest(),
        "glues the key and the NIK": lambda nik, key: hashlib.sha256(key + nik.encode()).hexdigest(),
        "not the HMAC-SHA256 of the NIK": lambda nik, key: hmac.new(
            key, nik.encode("utf-16"), hashlib.sha256).hexdigest(),
        "an MD5 hash, not SHA-256": lambda nik, key: hmac.new(key, nik.encode(),
                                                              hashlib.md5).hexdigest(),
        "swapped places": lambda nik, key: hmac.new(nik.encode(), key, hashlib.sha256).hexdigest(),
        "practice key": lambda nik, key: _pseudonymise(nik, practice_key),
        "example NIK": lambda nik, key: _pseudonymise("3471065007849001", key),
        "capital letters": lambda nik, key: _pseudonymise(nik, key).upper(),
        "bytes (the raw hash)": lambda nik, key: hmac.new(key, nik.encode(), hashlib.sha256).digest(),
        "Finish with `.hexdigest()`": lambda nik, key: hmac.new(key, nik.encode(), hashlib.sha256),
        "not 64 hexadecimal": lambda nik, key: _pseudonymise(nik, key)[:10],
        "should give back text": lambda nik, key: 42,
        "stopped with an error": lambda nik, key: nik + key,
        "Turn the NIK into bytes": lambda nik, key: hmac.new(key, nik, hashlib.sha256).hexdigest(),
        "the key is already bytes": lambda nik, key: _pseudonymise(nik, key.encode()),
        "which hash": lambda nik, key: hmac.new(key, nik.encode()).hexdigest(),
        "different pseudonym each time": lambda nik, key: _pseudonymise(
            nik + str(np.random.default_rng().integers(10**6)), key),
    }
    for words, function in mistakes.items():
        message = _told(checks.q5, function)
        assert words in message, (words, message)
        assert "hmac.new(key, nik.encode()" not in message  # never the answer's code


def test_the_dp_check_is_statistical_and_names_the_mistake():
    checks.q9.judge(lambda count, epsilon, rng: count + rng.laplace(0.0, 1 / epsilon))
    checks.q9.judge(lambda count, epsilon, rng: rng.laplace(count, 1 / epsilon))
    # another correct way: the difference of two exponential draws is Laplace
    checks.q9.judge(lambda count, epsilon, rng: count + rng.exponential(1 / epsilon)
                    - rng.exponential(1 / epsilon))
    mistakes = {
        "no random noise": lambda count, epsilon, rng: count,
        "should average 1 / epsilon": lambda count, epsilon, rng: count + rng.laplace(0.0, epsilon),
        "the size of epsilon itself": lambda count, epsilon, rng: count + rng.laplace(0.0, epsilon),
        "drawn twice and added twice": lambda count, epsilon, rng:
            count + rng.laplace(0.0, 1 / epsilon) + rng.laplace(0.0, 1 / epsilon),
        "twice the right size": lambda count, epsilon, rng: count + rng.laplace(0.0, 2 / epsilon),
        "wrong shape": lambda count, epsilon, rng: count + rng.normal(0.0, 1.25 / epsilon),
        "bell curve": lambda count, epsilon, rng: count + rng.normal(0.0, 1.25 / epsilon),
        "mostly small values": lambda count, epsilon, rng: count + rng.uniform(-2 / epsilon,
                                                                               2 / epsilon),
        "do not round": lambda count, epsilon, rng: round(count + rng.laplace(0.0, 1 / epsilon)),
        "centred on 0": lambda count, epsilon, rng: count + 1 + rng.laplace(0.0, 1 / epsilon),
        "the count is added twice": lambda count, epsilon, rng:
            count + rng.laplace(count, 1 / epsilon),
        "one number": lambda count, epsilon, rng: [count],
        "a list of numbers": lambda count, epsilon, rng: count + rng.laplace(0.0, 1 / epsilon, 1),
        "does not draw its noise from the generator": lambda count, epsilon, rng:
            count + np.random.default_rng().laplace(0.0, 1 / epsilon),
        # a generator of its own, with a fixed seed: noise, but the same noise every time
        "the same noise every time": lambda count, epsilon, rng:
            count + np.random.default_rng(0).laplace(0.0, 1 / epsilon),
    }
    for words, function in mistakes.items():
        message = _told(checks.q9, function)
        assert words in message, (words, message)
        if words == "the same noise every time":
            assert "no random noise" not in message and "no noise" not in message


def _with_blank(template, blank, **names):
    """A function as the exercise's learner version writes it, `blank` in place of its `...`."""
    namespace = {"hmac": hmac, "hashlib": hashlib, "np": np, **names}
    exec(template.format(blank=blank), namespace)
    return namespace[template.split("(")[0].removeprefix("def ")]


KEYED_HASH = """def pseudonymise(nik, key):
    nik_bytes = nik.encode("utf-8")
    keyed_hash = (
        {blank}
    )
    return keyed_hash.hexdigest()
"""
NOISE_SCALE = """def dp_count(true_count, epsilon, rng):
    sensitivity = 1
    scale = (
        {blank}
    )
    noise = rng.laplace(loc=0.0, scale=scale)
    return true_count + noise
"""


def test_the_one_blank_of_the_keyed_hash_is_judged_and_its_errors_explained():
    """Question 5 leaves one line: the keyed hash itself. Right ways pass; each usual slip in
    that line (and each error Python gives for it) gets its own plain message."""
    for blank in ("hmac.new(key, nik_bytes, hashlib.sha256)",
                  'hmac.new(key, msg=nik_bytes, digestmod="sha256")'):
        checks.q5.judge(_with_blank(KEYED_HASH, blank))
    practice_key = b"practice-key-for-this-exercise-only-0001"
    mistakes = {
        "hashlib.sha256(nik_bytes)": "plain SHA-256 of the NIK",
        "hmac.new(practice_key, nik_bytes, hashlib.sha256)": "uses the practice key",
        "hmac.new(nik_bytes, key, hashlib.sha256)": "swapped places",
        "hmac.new(key, nik, hashlib.sha256)": "`nik_bytes` is the NIK already turned into bytes",
        "hmac.new(key, nik_bytes)": "which hash",
        "hmac.new(key, nik_bytes, hashlib.sha256).hexdigest()": "calls `.hexdigest()` for you",
        'hmac.digest(key, nik_bytes, "sha256")': "gives the hash as bytes",
        "hmac.new(demo_key, nik_bytes, hashlib.sha256)": "`demo_key` was the lesson's key",
        "hmac.new(secret, nik_bytes, hashlib.sha256)": "Use the names the function gives you",
    }
    for blank, words in mistakes.items():
        message = _told(checks.q5, _with_blank(KEYED_HASH, blank, practice_key=practice_key))
        assert words in message, (blank, message)


def test_the_one_blank_of_the_noise_is_its_scale_and_each_slip_is_named():
    """Question 9 leaves one line: the noise's scale. Right ways pass; a scale of the size of
    epsilon, of the sensitivity alone, twice too wide, below 0, zero or in quotes is named."""
    for blank in ("sensitivity / epsilon", "1 / epsilon", "epsilon ** -1"):
        checks.q9.judge(_with_blank(NOISE_SCALE, blank))
    mistakes = {
        "epsilon": "the size of epsilon itself",
        "sensitivity * epsilon": "the size of epsilon itself",
        "sensitivity": "is the scale the sensitivity alone?",
        "2 / epsilon": "twice the right size",
        "-sensitivity / epsilon": "the scale is below 0",
        "0": "no random noise",
        '"1 / epsilon"': "the scale is text in quotes",
        "sensitivity / eps": "Use the names the function gives you",
    }
    for blank, words in mistakes.items():
        message = _told(checks.q9, _with_blank(NOISE_SCALE, blank))
        assert words in message, (blank, message)
    # a scale worked out for the example's epsilon and typed in passes the example, not the
    # hidden inputs
    typed = _with_blank(NOISE_SCALE, "2")
    checks.q9.judge(typed)
    assert "the same size whatever epsilon is" in _hidden_noise(typed)


def _hidden_noise(function):
    """What the grader judges for question 9: the results on its hidden inputs, as data."""
    from civicai.checks.values import encode
    results = []
    for epsilon, seed in [(0.2, 11), (2.0, 12)]:
        rng = np.random.default_rng(seed)
        results += [{"ok": encode(function(50, epsilon, rng))} for _ in range(20000)]
    results += [{"ok": encode(function(50, 1.0, np.random.default_rng(5)))} for _ in range(2)]
    return checks.q9.judge_hidden(results, [])


def test_the_dp_hidden_inputs_catch_what_one_epsilon_cannot():
    assert _hidden_noise(lambda count, epsilon, rng: count + rng.laplace(0.0, 1 / epsilon)) is None
    # a scale worked out for the example's epsilon (0.5) and typed in passes the example
    typed = lambda count, epsilon, rng: count + rng.laplace(0.0, 2.0)  # noqa: E731
    checks.q9.judge(typed)
    assert "the same size whatever epsilon is" in _hidden_noise(typed)
    # 8 % too wide passes the example's rougher test, not the hidden inputs'
    wide = lambda count, epsilon, rng: count + rng.laplace(0.0, 1.08 / epsilon)  # noqa: E731
    checks.q9.judge(wide)
    assert "does not have the size 1 / epsilon" in _hidden_noise(wide)
    fixed = lambda count, epsilon, rng: count + np.random.default_rng(0).laplace(0.0, 1 / epsilon)  # noqa: E731
    assert "the same noise every time" in _hidden_noise(fixed)
    shared = lambda count, epsilon, rng: count + np.random.laplace(0.0, 1 / epsilon)  # noqa: E731
    assert "not from one of its own" in _hidden_noise(shared)


# ---- charts and widgets -------------------------------------------------------------------------

def test_people_are_counted_by_class_size():
    sizes = pd.Series([1, 2, 2, 3, 3, 3, 5, 5, 5, 5, 5, 12])
    counts = explore.people_by_class_size(sizes)
    assert counts.tolist() == [1, 2, 3, 5, 1]


def test_listed_values_are_counted_one_by_one():
    counts = explore.count_listed(pd.Series(["Theft", "Loss, Theft", None, "Hacking/IT Incident"]))
    assert counts.to_dict() == {"Theft": 2, "Loss": 1, "Hacking/IT Incident": 1}


def test_the_explorer_updates_when_a_level_changes(register):
    analysis = ({"birth_date": "10-year band"}, register["diabetes"])
    box = explore.generalisation_explorer(register, ladders(), analysis=analysis, k=5)
    menu, shown = box.children[0], box.children[-1]
    before = shown.value
    menu.value = "10-year band"
    assert shown.value != before and "analysis error" in shown.value


def _lined_up(controls) -> tuple[set, set]:
    """The label widths and the control widths of a column of widgets."""
    return ({control.style.description_width for control in controls},
            {control.layout.width for control in controls})


def test_the_explorer_and_the_chooser_line_up_their_controls(register):
    """Every drop-down and slider of a column has the same label width (that of the longest
    label, none cut) and the same width: they start and end at the same place."""
    box = explore.generalisation_explorer(register, ladders(), k=5)
    controls = [child for child in box.children
                if isinstance(child, (explore.widgets.Dropdown, explore.widgets.IntSlider))]
    assert len(controls) >= 2
    labels, widths = _lined_up(controls)
    assert len(labels) == 1 and len(widths) == 1 and "initial" not in labels
    longest = max(len(control.description) for control in controls)
    assert int(labels.pop().removesuffix("ch")) >= longest
    chooser = explore.RiskChooser(register, quasi=["sex"], k=3)
    labels, widths = _lined_up([chooser._quasi, chooser._sensitive, chooser._k])
    assert len(labels) == 1 and len(widths) == 1 and "initial" not in labels


def test_the_risk_chooser_keeps_only_existing_columns(register):
    chooser = explore.RiskChooser(register, quasi=["sex", "not a column"], sensitive="nope", k=3)
    assert chooser.quasi == ["sex"] and chooser.sensitive is None and chooser.k == 3


def test_date_columns_from_a_spreadsheet_are_recognised():
    table = pd.DataFrame({"born": ["10/07/1984", "11/07/1984"], "year": ["1984", "1985"],
                          "score": ["1.5", "2.5"], "iso": ["1984-07-10", None],
                          "month": ["2023-10", "2023-11"],
                          "admitted": pd.to_datetime(["2023-10-01", "2023-11-02"])})
    converted, names = parse_date_columns(table)
    assert names == ["born", "iso", "admitted"]  # dates already read as dates are listed too
    assert converted["born"].iloc[0] == pd.Timestamp("1984-07-10")
    assert converted["year"].tolist() == ["1984", "1985"]
    assert converted["month"].tolist() == ["2023-10", "2023-11"]


def test_charts_draw_and_summarise_from_the_same_numbers(monkeypatch):
    said = []
    monkeypatch.setattr(explore, "chart_summary", said.append)
    monkeypatch.setattr(explore.plt, "show", lambda: explore.plt.close("all"))
    explore.plot_class_sizes({"full date": pd.Series([1, 1, 2, 2, 5, 5, 5, 5, 5]),
                              "year": pd.Series([9] * 9)}, "test")
    assert said[-1] == ("With full date, 2 of 9 people (22.2%) are alone in their group and 5 (56%) "
                        "are in groups of 5 or more; with year, 0 of 9 people (0.0%) are alone in "
                        "their group and 9 (100%) are in groups of 5 or more.")
    trials = pd.DataFrame({"size": ["exact", "bands"], "k before suppression": [1, 6],
                           "rows suppressed": [40, 0], "analysis error (points)": [0.5, 2.0]})
    explore.plot_trials(trials, k=5)
    assert "The star (size bands) suppresses 0 rows and loses 2.0 points" in said[-1]
    explore.plot_counts(pd.Series({"Theft": 6, "Loss": 2}), "test", "reports")
    assert said[-1].startswith("The largest category is 'Theft', with 6 reports (75%); then 'Loss'")
    # one report can name several types: shares are of the reports, not of the mentions
    explore.plot_counts(pd.Series({"Theft": 6, "Loss": 3}), "test", "reports", total=8)
    assert said[-1].startswith("The largest category is 'Theft', in 6 of the 8 reports (75%)")
    errors = privacy.error_by_epsilon([0.1, 1.0], np.random.default_rng(0), draws=100)
    explore.plot_error_by_epsilon(errors)
    assert "epsilon 0.1 a published count is off by about 10 people" in said[-1]


def test_the_laplace_explorer_redraws_for_each_epsilon():
    box = explore.laplace_explorer(pd.Series({"Jetis": 40, "Kraton": 3}), seed=1)
    slider, picture, summary = box.children
    first_picture = bytes(picture.value)
    assert first_picture.startswith(b"\x89PNG") and "With epsilon 0.5," in summary.value
    slider.value = 0.05
    assert bytes(picture.value) != first_picture
    assert "With epsilon 0.05," in summary.value and "expects about 20.0" in summary.value


def test_group_numbers_agree_with_pandas_and_never_overflow():
    from civicai.data.disclosure import group_numbers
    rng = np.random.default_rng(3)
    table = pd.DataFrame({f"c{number}": rng.integers(0, 10**9, 3000) for number in range(12)})
    table.loc[::7, "c0"] = None
    numbers = group_numbers([table[column] for column in table.columns])
    assert numbers.max() < len(table)
    expected = table.groupby(list(table.columns), dropna=False).ngroup().to_numpy()
    assert len(set(zip(numbers, expected))) == len(set(numbers)) == len(set(expected))


def test_a_spreadsheet_export_goes_through_the_whole_sandbox():
    """What the sandbox does with a learner's own file, from bytes to a release with k >= 3."""
    from civicai.sandbox import read_table
    rng = np.random.default_rng(11)
    size = 300
    born = pd.Timestamp("1950-01-01") + pd.to_timedelta(rng.integers(0, 18000, size), unit="D")
    rows = ["tanggal_lahir;jenis_kelamin;desa;pekerjaan;bantuan"] + [
        f"{day:%d/%m/%Y};{sex};{village};{job};{aid}" for day, sex, village, job, aid in zip(
            born, rng.choice(["L", "P"], size), rng.choice([f"Desa {n}" for n in range(9)], size),
            rng.choice(["petani", "guru", "pedagang", "nelayan", "buruh", "bidan"], size),
            rng.choice(["PKH", "BPNT", "tidak"], size))]
    table = read_table("\n".join(rows).encode("cp1252"), "penerima.csv")
    table, dates = parse_date_columns(table)
    assert dates == ["tanggal_lahir"]
    quasi = ["tanggal_lahir", "jenis_kelamin", "desa", "pekerjaan"]
    chooser = explore.RiskChooser(table, quasi=quasi, sensitive="bantuan", k=3)
    report = privacy.disclosure_report(table, chooser.quasi, chooser.sensitive, chooser.k)
    assert report.k == 1 and report.steps
    ladders = [privacy.automatic_ladder(table[column]) for column in chooser.quasi]
    released = privacy.suppress(privacy.generalise(table, ladders, report.suggested_levels),
                                chooser.quasi, chooser.k)
    assert privacy.k_anonymity(released, chooser.quasi) >= 3
    assert len(table) - len(released) == report.suppressed_after_plan


def test_the_lesson_explains_numpy_and_e_to_the_epsilon_where_it_first_uses_them():
    """A learner meets "NumPy" and "e^ε" with a few plain words beside them, not before."""
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "sources" / "course" / "04-privacy" / "lesson.py"
    text = " ".join(line[2:] for line in source.read_text(encoding="utf-8").splitlines()
                    if line.startswith("# ") and "|" not in line)  # the words, not the glossary
    first = text.index("NumPy")
    assert "package" in text[max(0, first - 150):first + 150], text[first - 150:first + 150]
    for at in [index for index in range(len(text)) if text.startswith("e^ε", index)]:
        assert "2.718" in text[at:at + 80], text[at - 80:at + 80]
