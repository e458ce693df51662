"""Each dataset holds what its card and the module authors were promised."""
import re

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression

from civicai.data import load
from civicai.data.synthetic.procurement import THRESHOLD

SPAN_SHAPES = {"nik": r"\d{16}", "email": r"[^@\s]+@[^@\s]+", "phone": r"\+?[\d\s-]{10,17}",
               "name": r"[A-Za-z]+(?: [A-Za-z]+)?"}


def test_complaints_are_many_bilingual_imbalanced_and_their_spans_are_exact():
    complaints = load("complaints")
    assert len(complaints) >= 2000
    assert set(complaints["language"]) == {"id", "en", "mixed"}
    shares = complaints["unit"].value_counts(normalize=True)
    assert shares.iloc[0] > 0.15 and shares.iloc[-1] < 0.01  # a few big units, some rare ones
    assert set(complaints["urgency"]) == {"low", "medium", "high"}
    assert complaints["complaint_id"].is_unique
    informal = complaints["text"].str.contains(r"\b(?:sy|udh|tdk|gmn|blm|yg)\b")
    assert informal.mean() > 0.1
    kinds = set()
    for text, spans, flagged in zip(complaints["text"], complaints["personal_data"],
                                    complaints["has_personal_data"]):
        assert flagged == bool(spans)
        for span in spans:
            kinds.add(span["type"])
            value = text[span["start"]:span["end"]]
            assert re.fullmatch(SPAN_SHAPES[span["type"]], value), (span, value)
    assert kinds == {"nik", "email", "phone", "name"}


def test_fake_identifiers_are_built_to_be_fake():
    complaints = load("complaints")
    for text, spans in zip(complaints["text"], complaints["personal_data"]):
        for span in spans:
            value = text[span["start"]:span["end"]]
            if span["type"] == "nik":
                assert value[12] == "9"  # serials in the 9000s
                assert 1 <= int(value[6:8]) % 40 <= 31 and 1 <= int(value[8:10]) <= 12
            elif span["type"] == "phone":
                assert "5550" in re.sub(r"\D", "", value)
            elif span["type"] == "email":
                assert re.search(r"@(example\.(com|org|net)|[a-z]+\.example)$", value)


def test_faq_has_sixty_entries_in_two_languages_and_three_paraphrases_each():
    faq, questions = load("faq"), load("faq_questions")
    assert len(faq) >= 60 and faq["faq_id"].is_unique
    assert faq[["question_en", "answer_en", "question_id", "answer_id", "source"]].notna().all().all()
    in_scope = questions[questions["in_scope"]]
    assert set(in_scope["faq_id"]) == set(faq["faq_id"])
    assert in_scope.groupby("faq_id").size().min() >= 3
    outside = questions[~questions["in_scope"]]
    assert len(outside) >= 60 and outside["faq_id"].isna().all()
    assert set(questions["language"]) == {"id", "en", "mixed"}
    assert (in_scope.groupby("faq_id")["split"].apply(lambda split: (split == "test").sum()) == 1).all()


def test_households_show_uneven_targeting_errors_as_the_card_says():
    households = load("households")
    assert len(households) >= 3000
    features = ["floor", "wall", "roof", "toilet", "cooking_fuel", "electricity", "head_education"]
    x = pd.get_dummies(households[features].astype(str)).assign(
        size=households["household_size"], urban=households["urban"],
        **{name: households[name] for name in ("owns_motorbike", "owns_fridge", "owns_tv", "owns_smartphone")}
    ).astype(float)
    y = np.log(households["consumption_per_capita"])
    predicted = LinearRegression().fit(x, y).predict(x)
    selected = predicted < np.quantile(predicted, households["truly_poor"].mean())
    poor = households.assign(left_out=~selected)[households["truly_poor"]]
    by_sex = poor.groupby("head_sex", observed=True)["left_out"].mean()
    by_disability = poor.groupby("disability")["left_out"].mean()
    assert by_sex["F"] > by_sex["M"] + 0.05
    assert by_disability[True] > by_disability[False] + 0.05
    wrong = pd.Series(selected != households["truly_poor"]).groupby(households["remote"]).mean()
    assert wrong[True] > 2 * wrong[False]
    # a proxy: marital status reveals the head's sex
    widowed = households[households["head_marital_status"] == "widowed"]
    assert (widowed["head_sex"] == "F").mean() > 0.8


def test_procurement_truth_columns_match_the_data():
    contracts = load("procurement")
    assert len(contracts) >= 1500
    flags = ["flag_split", "flag_single_bidder", "flag_round_amount", "flag_odd_hours"]
    assert (contracts["any_flag"] == contracts[flags].any(axis=1)).all()
    assert all(contracts[flag].sum() >= 40 for flag in flags)
    assert (contracts["flag_round_amount"] == (contracts["amount_idr"] % 10_000_000 == 0)).all()
    hour, weekday = contracts["approved_at"].dt.hour, contracts["approved_at"].dt.day_of_week
    odd = (hour >= 22) | (hour < 6) | (weekday >= 5)
    assert (contracts["flag_odd_hours"] == odd).all()
    competitive = contracts["method"].isin(["tender", "quick tender", "selection"])
    assert (contracts["flag_single_bidder"] == (competitive & (contracts["n_bidders"] == 1))).all()
    splits = contracts[contracts["flag_split"]]
    assert (splits["amount_idr"] < THRESHOLD).all() and (splits["method"] == "direct procurement").all()
    groups = splits.groupby(["agency", "vendor", "category"], observed=True)["amount_idr"]
    assert (groups.sum() > THRESHOLD).all() and (groups.size() >= 3).all()


def test_the_linkage_attack_names_most_patients():
    release, voters = load("health_release"), load("voter_list")
    keys = ["birth_date", "sex", "kecamatan"]
    matches = release.merge(voters, on=keys).groupby("record_id").size()
    named = (matches == 1).sum() / len(release)
    assert 0.5 < named < 0.9, named
    assert voters["nik"].str.fullmatch(r"3471\d{12}").all()
    # the NIK encodes birth date and sex: day + 40 for women
    day = voters["nik"].str[6:8].astype(int)
    assert ((day > 40) == (voters["sex"] == "F")).all()
    assert (day % 40 == voters["birth_date"].dt.day).all()


def test_seattle_pets_keeps_the_real_messiness_for_cleaning():
    pets = load("seattle_pets")
    assert pets["zip_code"].isna().sum() > 100
    assert pets["zip_code"].str.fullmatch(r"\d{3}xx").sum() > 0
    assert (~pets["zip_code"].dropna().str.fullmatch(r"\d{3}xx|\d{5}")).sum() == 0  # no ZIP+4 left
    assert {"Pot Bellied", "Pot-Bellied"} <= set(pets["primary_breed"]) | set(pets["secondary_breed"].dropna())
    assert pets["license_id"].duplicated().sum() > 0
    assert pets["license_issue_date"].dt.year.min() < 2010
    assert pets["license_issue_date"].dt.to_period("M").nunique() > 24  # usable by month


def test_police_stops_keep_the_columns_module_03_needs():
    stops = load("police_stops")
    assert len(stops) > 50_000
    recorded = stops[stops["recorded_in_car"]]
    assert recorded["person_search"].notna().all() and stops["race"].nunique() >= 7
    rates = recorded.groupby("race", observed=True)["person_search"].mean()
    assert rates.max() > 2 * rates.min()


def test_breach_summaries_keep_their_text_without_practitioner_names():
    breaches = load("breach_reports")
    text = breaches["description"].dropna()
    assert len(text) > 200 and text.str.len().median() > 300
    assert text.str.contains(r"\[NAME\]").sum() >= 5
    assert not text.str.contains(r"Tikhtman|Sigman|Saran\b|Brooker|Valentin|Heide").any()


def test_the_draft_lottery_shows_its_famous_flaw():
    lottery = load("draft_lottery_1970")
    assert sorted(lottery["draft_number"]) == list(range(1, 367))
    means = lottery.groupby("month", observed=True)["draft_number"].mean()
    assert means["Dec"] < means["Jan"] - 50  # December birthdays were drawn early
