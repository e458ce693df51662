"""Routing text with machine learning: send each report or complaint to the right desk.

A router reads a text and names the unit that should handle it. It is the
simplest model that works well on short texts: TF-IDF (which turns a text into
numbers saying which words and word pairs it contains, and how telling each
one is) then a linear classifier (logistic regression), in one scikit-learn
Pipeline so the same steps run in training and in use. It needs no dictionary,
so Bahasa Indonesia, English and informal spellings ("sy", "udh") are all just
words it learns from examples; a spelling it never saw is a word it ignores.
Its few settings are fixed here and never tuned on the test texts, which
would flatter the results.

Honest evaluation is the point of this module. Texts the router learnt from
never grade it (a stratified train/test split with a fixed seed), and accuracy
is always shown beside per-unit precision and recall: with imbalanced units a
router can be "90% accurate" and still never send one case to a small unit.
"""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from civicai.checks.describe import kind_of
from civicai.errors import LearnerError, require_columns
from civicai.style import PALETTE

#: The seed of every split in this module's notebooks: the same split, every run.
SEED = 2024


def _usable_rows(table: pd.DataFrame, text_column: str, label_column: str) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise LearnerError(f"This needs a table, not {kind_of(table)}.")
    require_columns(table, [text_column, label_column], "the table")
    text = table[text_column]
    usable = text.notna() & (text.astype(str).str.strip() != "") & table[label_column].notna()
    if not usable.any():
        raise LearnerError(f"No row has both a text in '{text_column}' and a label in "
                           f"'{label_column}'.", "Check that you chose the right columns.")
    return table[usable]


def split_for_training(table: pd.DataFrame, text_column: str, label_column: str, *,
                       test_share: float = 0.25, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(train, test): a random split that keeps each label's share the same in both parts.

    Rows without a text or a label are left out. Every label needs at least two
    rows, one to learn from and one to test on.
    """
    if not 0 < test_share < 1:
        raise LearnerError(f"test_share is {test_share}; it must be between 0 and 1.",
                           "A quarter (0.25) of the rows for testing is usual.")
    rows = _usable_rows(table, text_column, label_column)
    counts = rows[label_column].astype(str).value_counts()
    if len(counts) < 2:
        raise LearnerError("Every row has the same label: there is nothing to route.",
                           "A router needs at least two labels (units, types...) to choose between.")
    rare = counts[counts < 2]
    if len(rare):
        raise LearnerError(f"The label {rare.index[0]!r} has only one row, too few to learn "
                           "from and to test on.",
                           "Add more examples of it, or merge it with a similar label.")
    try:
        return train_test_split(rows, test_size=test_share, random_state=seed,
                                stratify=rows[label_column].astype(str))
    except ValueError:
        raise LearnerError(f"A test share of {test_share} leaves fewer test rows than labels "
                           f"({len(counts)}).", "Use a larger test_share, or more rows.") from None


def make_router() -> Pipeline:
    """An untrained router: TF-IDF of words and word pairs, then logistic regression.

    Words seen in only one training text are left out (`min_df=2`): they
    cannot teach anything general, and leaving them out keeps the router small.
    """
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
        ("classifier", LogisticRegression(max_iter=1000)),
    ])


def _texts(texts: object, what: str = "texts") -> list[str]:
    if isinstance(texts, str):
        return [texts]
    try:
        items = list(texts)
    except TypeError:
        raise LearnerError(f"The {what} must be a list or a column of texts.") from None
    if not items:
        raise LearnerError(f"There are no {what}.")
    return ["" if item is None or (isinstance(item, float) and np.isnan(item)) else str(item)
            for item in items]


def train_router(texts: object, labels: object) -> Pipeline:
    """A router trained on these texts and their labels (same order, same length)."""
    texts, labels = _texts(texts), [str(label) for label in _texts(labels, "labels")]
    if len(texts) != len(labels):
        raise LearnerError(f"There are {len(texts)} texts but {len(labels)} labels.",
                           "Give one label per text, in the same order.")
    if len(set(labels)) < 2:
        raise LearnerError("All the labels are the same: there is nothing to learn.")
    router = make_router()
    try:
        # One thread: on a shared machine (Binder, a busy laptop) the maths library's
        # helper threads wait for each other and training takes ten times longer.
        with threadpool_limits(limits=1):
            router.fit(texts, labels)
    except ValueError:
        raise LearnerError("The texts have too little in common to learn from (too few or too "
                           "short).", "Use more examples, each at least a few words long.") from None
    return router


def route(router: Pipeline, texts: object) -> pd.DataFrame:
    """For each text: the unit the router picks, and its confidence (0 to 1)."""
    texts = _texts(texts)
    with threadpool_limits(limits=1):
        probabilities = router.predict_proba(texts)
    best = probabilities.argmax(axis=1)
    return pd.DataFrame({"text": texts, "routed_to": router.classes_[best],
                         "confidence": probabilities.max(axis=1)})


#: How far the names under a confusion matrix are slanted, in degrees.
_SLANT = 45


def _wrap_title(figure, axes) -> None:
    """Break the title between words where it would run past the figure's edge."""
    renderer = figure.canvas.get_renderer()
    centre = axes.get_window_extent(renderer).x0 + axes.get_window_extent(renderer).width / 2
    room = 2 * min(centre, figure.bbox.width - centre) * 0.96
    title, lines = axes.title, []
    for word in title.get_text().split():
        title.set_text(f"{lines[-1]} {word}" if lines else word)
        if lines and title.get_window_extent(renderer).width <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    title.set_text("\n".join(lines))


def _fit_names_to_cells(figure, axes, count: int) -> None:
    """Lay the figure out so that no text overlaps another or leaves the figure.

    Slanted names ending at their own column are apart by the column's width
    times sin(slant); a line of text needs about 1.3 times its font size. When
    a column is narrower, the names and the counts in the cells get smaller.
    A title wider than the figure is broken between words.
    """
    figure.tight_layout()
    _wrap_title(figure, axes)
    figure.tight_layout()
    for _ in range(3):  # a smaller font frees room, so the columns widen a little: settle
        column = axes.get_window_extent().width / count * 72 / figure.dpi  # in points
        fits = column * np.sin(np.radians(_SLANT)) / 1.3
        labels = axes.get_xticklabels() + axes.get_yticklabels()
        if not labels or labels[0].get_fontsize() <= fits:
            break
        for text in labels:
            text.set_fontsize(max(fits, 5))
        for text in axes.texts:  # the counts in the cells
            text.set_fontsize(max(min(text.get_fontsize(), column / 2.2), 5))
        figure.tight_layout()


@dataclass
class RouterEvaluation:
    """How a router did on test rows it never saw: each row's outcome, and the summaries."""

    predictions: pd.DataFrame  # the test rows + routed_to, confidence, correct
    label_column: str
    units: list[str]  # every unit, largest first

    @property
    def accuracy(self) -> float:
        """The share of test rows routed to the right unit."""
        return float(self.predictions["correct"].mean())

    @property
    def per_unit(self) -> pd.DataFrame:
        """Per unit: test cases, precision and recall (see the lesson for what each means)."""
        truth = self.predictions[self.label_column].astype(str)
        precision, recall, _, cases = precision_recall_fscore_support(
            truth, self.predictions["routed_to"], labels=self.units, zero_division=0)
        return pd.DataFrame({"cases": cases, "precision": precision, "recall": recall},
                            index=pd.Index(self.units, name="unit"))

    @property
    def confusion(self) -> pd.DataFrame:
        """Rows: the right unit. Columns: where the router sent it. Cells: how many texts."""
        matrix = confusion_matrix(self.predictions[self.label_column].astype(str),
                                  self.predictions["routed_to"], labels=self.units)
        return pd.DataFrame(matrix, index=pd.Index(self.units, name="right unit"),
                            columns=pd.Index(self.units, name="routed to"))

    def recall_summary(self, what: str = "texts") -> str:
        """The recall chart in one sentence, for the text beside it."""
        per_unit = self.per_unit
        worst = per_unit["recall"].idxmin()
        return (f"Overall accuracy is {self.accuracy:.0%}. The lowest recall is for {worst}: "
                f"{per_unit.loc[worst, 'recall']:.0%} of its {per_unit.loc[worst, 'cases']} test "
                f"{what} reached it. Units are listed from the largest (top) to the smallest.")

    def confusion_summary(self, what: str = "texts") -> str:
        """The confusion matrix in one sentence: how many are misrouted, and the commonest mix-up."""
        cells = self.confusion.stack()
        mixed_up = cells[[right != sent for right, sent in cells.index]]
        mixed_up = mixed_up[mixed_up > 0].sort_values(ascending=False, kind="stable")
        sentence = (f"{int(mixed_up.sum())} of {int(cells.sum())} test {what} are off the "
                    "diagonal (routed to the wrong place).")
        if len(mixed_up):
            (right, sent), count = mixed_up.index[0], int(mixed_up.iloc[0])
            sentence += f" The most frequent mix-up: {right} sent to {sent} ({count})."
        return sentence

    def plot_confusion(self, title: str = "Where the router sent each test text"):
        """The confusion matrix as a picture; every unit's name readable, none on another.

        The names under the matrix are slanted and end at their own column, so
        neighbours never overlap however long they are; with many units, the
        names and numbers get smaller until each fits its row and column.
        """
        side = min(0.45 * len(self.units) + 3, 8.5)
        figure, axes = plt.subplots(figsize=(side, side * 0.85))
        ConfusionMatrixDisplay(self.confusion.to_numpy(), display_labels=self.units).plot(
            ax=axes, cmap="Blues", colorbar=False, values_format="d")
        plt.setp(axes.get_xticklabels(), rotation=_SLANT, ha="right", rotation_mode="anchor")
        axes.set_xlabel("routed to (the router's answer)")
        axes.set_ylabel("right unit")
        axes.set_title(title)
        _fit_names_to_cells(figure, axes, len(self.units))
        return figure

    def plot_recall(self, title: str = "Share of each unit's cases routed to it (recall)"):
        table = self.per_unit.iloc[::-1]
        figure, axes = plt.subplots(figsize=(7, 0.45 * len(table) + 1.3))
        axes.barh(table.index, table["recall"], color=PALETTE[0])
        for y, (recall, cases) in enumerate(zip(table["recall"], table["cases"])):
            axes.annotate(f"{recall:.0%} of {cases}", (recall, y), xytext=(4, 0),
                          textcoords="offset points", va="center")
        axes.axvline(self.accuracy, color=PALETTE[3], linestyle="--",
                     label=f"overall accuracy {self.accuracy:.0%}")
        axes.set_xlim(0, 1.18)
        axes.set_xlabel("recall")
        axes.legend(frameon=False, loc="lower right")
        axes.set_title(title)
        figure.tight_layout()
        return figure


def evaluate_router(router: Pipeline, test: pd.DataFrame, text_column: str,
                    label_column: str) -> RouterEvaluation:
    """Route every test row and compare with its right label."""
    rows = _usable_rows(test, text_column, label_column)
    routed = route(router, rows[text_column])
    predictions = rows.copy()
    predictions["routed_to"] = routed["routed_to"].to_numpy()
    predictions["confidence"] = routed["confidence"].to_numpy()
    predictions["correct"] = predictions["routed_to"] == predictions[label_column].astype(str)
    units = list(rows[label_column].astype(str).value_counts().index)
    units += [unit for unit in map(str, router.classes_) if unit not in units]
    return RouterEvaluation(predictions, label_column, units)


def always_biggest_accuracy(labels: pd.Series) -> float:
    """The accuracy of a "router" that sends everything to the biggest unit, learning nothing."""
    labels = pd.Series(labels).dropna().astype(str)
    if labels.empty:
        raise LearnerError("There are no labels to count.")
    return float(labels.value_counts(normalize=True).iloc[0])
