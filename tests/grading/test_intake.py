"""Collecting submissions as LMSs name them: every learner found, every file accounted for."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import nbformat
import pytest

from civicai.grading import intake

WANTED = ["practice"]


def write_notebook(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), path)
    return path


def by_learner(found):
    return {submission.learner: submission for submission in found}


def test_moodle_folders_and_files(tmp_path):
    write_notebook(tmp_path / "Siti Rahayu_123456_assignsubmission_file_" / "practice.ipynb")
    write_notebook(tmp_path / "Budi Santoso_234567_assignsubmission_file_practice.ipynb")
    found, unassigned = intake.collect(tmp_path, "00-start-here", WANTED)
    learners = by_learner(found)
    assert set(learners) == {"123456", "234567"}
    assert learners["123456"].name == "Siti Rahayu" and learners["123456"].layout == "Moodle"
    assert learners["234567"].name == "Budi Santoso"
    assert all("practice" in submission.notebooks for submission in found)
    assert not unassigned


def test_canvas_names_late_and_resubmitted(tmp_path):
    write_notebook(tmp_path / "rahayusiti_123456_7890123_practice.ipynb")
    write_notebook(tmp_path / "santosobudi_LATE_234567_7890124_practice-1.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"123456", "234567"}
    assert learners["234567"].notebooks["practice"].name.endswith("practice-1.ipynb")
    assert not learners["234567"].missing


def test_blackboard_names(tmp_path):
    write_notebook(tmp_path / "Practice_srahayu_attempt_2025-03-01-10-15-00_practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"srahayu"}


def test_nbgrader_submitted_tree_and_exchange_inbound(tmp_path):
    write_notebook(tmp_path / "submitted" / "alice" / "00-start-here" / "practice.ipynb")
    write_notebook(tmp_path / "inbound" / "bob+00-start-here+2025-03-01 10:00:00 UTC+abc"
                   / "practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"alice", "bob"}
    assert learners["alice"].layout == "nbgrader"


def test_plain_files_and_folders(tmp_path):
    write_notebook(tmp_path / "alice.ipynb")
    write_notebook(tmp_path / "bob" / "practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"alice", "bob"}


def test_a_renamed_notebook_is_still_graded_and_noted(tmp_path):
    write_notebook(tmp_path / "carol" / "My practice (final).ipynb")
    write_notebook(tmp_path / "dan" / "practice (1).ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert "practice" in learners["carol"].notebooks
    assert any("was graded as practice.ipynb" in note for note in learners["carol"].notes)
    assert "practice" in learners["dan"].notebooks


def test_missing_unreadable_and_extra_files_each_have_a_reason(tmp_path):
    (tmp_path / "erin").mkdir()
    (tmp_path / "erin" / "notes.txt").write_text("forgot the notebook")
    (tmp_path / "fay.ipynb").write_text('{"cells": [broken')
    write_notebook(tmp_path / "gus" / "practice.ipynb")
    (tmp_path / "gus" / "data.csv").write_text("a,b\n")
    (tmp_path / "README.txt").write_text("from the LMS")
    found, unassigned = intake.collect(tmp_path, "00-start-here", WANTED)
    learners = by_learner(found)
    assert learners["erin"].missing == ["practice"] and not learners["erin"].notebooks
    assert "practice" in learners["fay"].unreadable and not learners["fay"].notebooks
    assert "damaged" in learners["fay"].unreadable["practice"]
    reasons = {item.shown: item.reason for item in unassigned}
    assert "not a notebook" in reasons["gus/data.csv"]
    assert "erin/notes.txt" in reasons
    assert "whose" in reasons["README.txt"]


def test_learner_ids_are_safe_folder_names(tmp_path):
    write_notebook(tmp_path / "Ana María" / "practice.ipynb")
    write_notebook(tmp_path / "Ana-Mar-a" / "practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert len(learners) == 2, "two learners whose ids clean up the same stay two"
    for learner in learners:
        assert intake.safe_id(learner) == learner
        assert "/" not in learner and ".." not in learner
    assert intake.safe_id("../../etc/passwd") == "etc-passwd"
    assert intake.safe_id("...") .startswith("learner-")


def test_a_zip_is_unpacked_safely(tmp_path):
    notebook = write_notebook(tmp_path / "source.ipynb")
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(notebook, "Siti Rahayu_123456_assignsubmission_file_/practice.ipynb")
        bundle.writestr("../escape.ipynb", notebook.read_text())
        bundle.writestr("__MACOSX/._practice.ipynb", "junk")
        link = zipfile.ZipInfo("link.ipynb")
        link.external_attr = (0o120777 << 16)
        bundle.writestr(link, "/etc/passwd")
    found, _ = intake.collect(archive, "00-start-here", WANTED, scratch=tmp_path / "unpacked")
    assert set(by_learner(found)) == {"123456"}
    assert not (tmp_path / "escape.ipynb").exists()
    assert not os.path.islink(tmp_path / "unpacked" / "link.ipynb")


def test_clear_messages_for_what_cannot_be_read(tmp_path):
    with pytest.raises(intake.IntakeError, match="no file or folder"):
        intake.collect(tmp_path / "nowhere", "00-start-here", WANTED)
    (tmp_path / "empty").mkdir()
    with pytest.raises(intake.IntakeError, match="contains no files"):
        intake.collect(tmp_path / "empty", "00-start-here", WANTED)
    (tmp_path / "not.zip").write_text("nope")
    with pytest.raises(intake.IntakeError, match="not a zip file"):
        intake.collect(tmp_path / "not.zip", "00-start-here", WANTED)


def test_the_fingerprint_changes_only_with_the_notebook(tmp_path):
    path = write_notebook(tmp_path / "alice.ipynb")
    first = intake.collect(tmp_path, "00-start-here", WANTED)[0][0].fingerprint
    os.utime(path, (1, 1))
    assert intake.collect(tmp_path, "00-start-here", WANTED)[0][0].fingerprint == first
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 2")]), path)
    assert intake.collect(tmp_path, "00-start-here", WANTED)[0][0].fingerprint != first


@pytest.mark.parametrize("wrapper", ["cohort-a", "00-start-here", "downloads/cohort-a"])
def test_a_folder_around_the_whole_cohort_is_not_a_learner(tmp_path, wrapper):
    """Zipping a folder yourself puts one folder around everyone: it is unwrapped."""
    for learner in ("srahayu", "tokafor", "bsantoso"):
        write_notebook(tmp_path / "given" / wrapper / f"{learner}.ipynb")
    archive = tmp_path / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in (tmp_path / "given").rglob("*.ipynb"):
            bundle.write(path, path.relative_to(tmp_path / "given"))
    for given in (tmp_path / "given", archive):
        found, unassigned = intake.collect(given, "00-start-here", WANTED,
                                           scratch=tmp_path / f"scratch-{given.suffix}")
        assert set(by_learner(found)) == {"srahayu", "tokafor", "bsantoso"}
        assert all("practice" in submission.notebooks for submission in found)
        assert not unassigned


def test_a_single_learners_folder_stays_that_learner(tmp_path):
    write_notebook(tmp_path / "srahayu" / "practice.ipynb")
    (tmp_path / "srahayu" / "notes.txt").write_text("my notes")
    found, unassigned = intake.collect(tmp_path, "00-start-here", WANTED)
    assert set(by_learner(found)) == {"srahayu"}
    assert [item.shown for item in unassigned] == ["srahayu/notes.txt"]


def test_a_folder_inside_a_learners_own_folder_never_makes_the_file_someone_elses(tmp_path):
    """The outermost folder that fits a layout decides: a learner who puts a folder named
    like another learner's nbgrader or exchange folder inside their own gets it graded as
    their own (or not at all), and the other learner keeps theirs."""
    write_notebook(tmp_path / "Siti Rahayu_123456_assignsubmission_file_" / "practice.ipynb")
    write_notebook(tmp_path / "Budi Santoso_234567_assignsubmission_file_" / "submitted" /
                   "123456" / "00-start-here" / "practice.ipynb")
    write_notebook(tmp_path / "Budi Santoso_234567_assignsubmission_file_" /
                   "123456+00-start-here+2025-03-01 10:00:00 UTC" / "practice.ipynb")
    write_notebook(tmp_path / "carol" / "dan" / "00-start-here" / "practice.ipynb")
    write_notebook(tmp_path / "dan" / "practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"123456", "234567", "carol", "dan"}
    assert "Siti Rahayu" in str(learners["123456"].notebooks["practice"])
    assert learners["dan"].notebooks["practice"] == tmp_path / "dan" / "practice.ipynb"


def test_every_learner_folder_gets_a_row_even_an_empty_one(tmp_path):
    (tmp_path / "Siti Rahayu_123456_assignsubmission_file_").mkdir()
    (tmp_path / "erin").mkdir()
    (tmp_path / "__MACOSX" / "junk").mkdir(parents=True)
    write_notebook(tmp_path / "gus" / "practice.ipynb")
    learners = by_learner(intake.collect(tmp_path, "00-start-here", WANTED)[0])
    assert set(learners) == {"123456", "erin", "gus"}
    for empty in ("123456", "erin"):
        assert not learners[empty].notebooks and learners[empty].missing == ["practice"]
        assert any("nothing was submitted" in note for note in learners[empty].notes)


def test_ids_of_learners_whose_names_clean_up_the_same_do_not_depend_on_who_else_is_there(
        tmp_path):
    for name in ("Ana María", "Ana-Mar-a", "Ana María "):
        write_notebook(tmp_path / "all" / name / "practice.ipynb")
    write_notebook(tmp_path / "some" / "Ana María" / "practice.ipynb")
    write_notebook(tmp_path / "some" / "Ana-Mar-a" / "practice.ipynb")
    everyone = {s.name or str(s.notebooks["practice"].parent.name): s.learner
                for s in intake.collect(tmp_path / "all", "00-start-here", WANTED)[0]}
    some = {str(s.notebooks["practice"].parent.name): s.learner
            for s in intake.collect(tmp_path / "some", "00-start-here", WANTED)[0]}
    assert len(set(everyone.values())) == 3
    assert some["Ana María"] == everyone["Ana María"] and some["Ana-Mar-a"] == everyone["Ana-Mar-a"]


def awkward_zip(path: Path, notebook: Path) -> Path:
    """A zip with each kind of entry that crashed the batch before, beside good ones."""
    import warnings

    text = notebook.read_bytes()
    with zipfile.ZipFile(path, "w") as bundle, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name, on purpose here
        bundle.writestr("alice/practice.ipynb", text)
        bundle.writestr("bob/practice.ipynb", text)
        bundle.writestr("bob/practice.ipynb", text)  # the same name twice
        bundle.writestr("clash/practice.ipynb", text)  # a file, then a folder, of one name
        bundle.writestr("clash/practice.ipynb/inner.txt", b"x")
        old = zipfile.ZipInfo("dated/practice.ipynb", date_time=(1980, 1, 1, 0, 0, 0))
        bundle.writestr(old, text)
        bundle.writestr("long/" + "n" * 300 + ".ipynb", text)
        bundle.writestr("locked/practice.ipynb", text)
        odd = zipfile.ZipInfo("odd/practice.ipynb")
        bundle.writestr(odd, text)
    raw = bytearray(path.read_bytes())
    # DOS date 0 (no valid month or day), an encrypted entry and an unknown compression
    # method, set in the bytes of both headers, the way other zip programs write them
    for header, method_offset, name_offset, size_offset in ((b"PK\x03\x04", 8, 30, 26),
                                                             (b"PK\x01\x02", 10, 46, 28)):
        start = 0
        while (start := raw.find(header, start)) != -1:
            size = int.from_bytes(raw[start + size_offset:start + size_offset + 2], "little")
            name = bytes(raw[start + name_offset:start + name_offset + size])
            method_at = start + method_offset
            if name == b"dated/practice.ipynb":
                raw[method_at + 2:method_at + 6] = b"\0\0\0\0"  # time and date: all zero
            if name == b"locked/practice.ipynb":
                raw[method_at - 2] |= 0x1  # the "encrypted" flag
            if name == b"odd/practice.ipynb":
                raw[method_at:method_at + 2] = (97).to_bytes(2, "little")
            start += 4
    path.write_bytes(bytes(raw))
    return path


def test_no_zip_entry_crashes_the_batch_and_each_one_left_out_has_a_reason(tmp_path):
    archive = awkward_zip(tmp_path / "download.zip", write_notebook(tmp_path / "n.ipynb"))
    found, unassigned = intake.collect(archive, "00-start-here", WANTED,
                                       scratch=tmp_path / "unpacked")
    learners = by_learner(found)
    assert {"alice", "bob", "clash", "dated", "locked", "odd", "long"} == set(learners)
    assert all("practice" in learners[name].notebooks for name in ("alice", "bob", "dated"))
    assert not any(learners[name].notebooks for name in ("locked", "odd", "long"))
    reasons = " | ".join(f"{item.shown}: {item.reason}" for item in unassigned)
    for words in ("two files of this name", "same name", "too long", "encrypted",
                  "compressed in a way"):
        assert words in reasons, words


def test_a_notebook_with_a_damaged_cell_is_not_graded_and_says_why(tmp_path):
    import json

    path = write_notebook(tmp_path / "alice.ipynb")
    data = json.loads(path.read_text())
    data["cells"][0]["source"] = 5
    path.write_text(json.dumps(data))
    (submission,), _ = intake.collect(tmp_path, "00-start-here", WANTED)
    assert not submission.notebooks and "cell 1" in submission.unreadable["practice"]
