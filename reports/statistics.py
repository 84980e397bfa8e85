"""The statistics of the evaluation report, as pure functions over pandas objects.

No database and no Django here: ``reports.builder`` reads the data through selectors, calls
these functions, and then suppresses small cells (``reports.privacy``). Definitions follow
DOMAIN.md, "Evaluation: definitions the reports use".

Conventions: shares are returned in 0–1 (the builder turns them into percent columns), test
scores and their means in percent (0–100); a figure that cannot be computed (empty group,
undefined variance) is ``None``, never ``NaN`` and never an exception. Labels are stable
English keys that the builder translates.
"""

import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

LIKERT_POINTS = (1, 2, 3, 4, 5)
# Item-analysis thresholds (DOMAIN.md): facility outside 0.2–0.9, discrimination below 0.2.
TOO_HARD_BELOW = 0.2
TOO_EASY_ABOVE = 0.9
LOW_DISCRIMINATION_BELOW = 0.2
FLAG_TOO_HARD = "too hard"
FLAG_TOO_EASY = "too easy"
FLAG_LOW_DISCRIMINATION = "low discrimination"
FLAG_NEGATIVE_DISCRIMINATION = "negative discrimination"
FLAG_SEPARATOR = "; "
# Below this, a standard deviation of differences in percentage points is rounding noise.
_ZERO_SD = 1e-9


def share(numerator: float, denominator: float) -> float | None:
    """Return numerator / denominator in 0–1, or None when the denominator is 0."""
    if not denominator:
        return None
    return numerator / denominator


def _clean(values: pd.Series) -> pd.Series:
    """Return the series without missing values (NaN, None, NaT)."""
    return values.dropna()


def likert_summary(values: pd.Series) -> dict:
    """Summarise answers on the 1–5 scale: n, mean, counts per point, share answering 4–5.

    Missing answers are ignored; ``mean`` and ``share_agree`` are None when n == 0. Raises
    ValueError on a value outside 1–5, which would mean the question is not a 5-point item.
    """
    answered = _clean(values).astype(float)
    if not answered.isin(LIKERT_POINTS).all():
        raise ValueError("Likert answers must be whole numbers from 1 to 5.")
    n = len(answered)
    counts = answered.value_counts()
    return {
        "n": n,
        "mean": float(answered.mean()) if n else None,
        "distribution": {point: int(counts.get(float(point), 0)) for point in LIKERT_POINTS},
        "share_agree": share(int((answered >= 4).sum()), n),
    }


def net_promoter_score(values: pd.Series) -> float | None:
    """Return % answering 9–10 minus % answering 0–6 on the 0–10 item (−100…100), or None."""
    answered = _clean(values).astype(float)
    if answered.empty:
        return None
    if not answered.between(0, 10).all():
        raise ValueError("Recommendation answers must lie between 0 and 10.")
    promoters = (answered >= 9).sum()
    detractors = (answered <= 6).sum()
    return float(100 * (promoters - detractors) / len(answered))


def median_days(durations: pd.Series) -> float | None:
    """Return the median duration in days (Timedelta series or numbers of days), or None."""
    present = _clean(durations)
    if present.empty:
        return None
    if pd.api.types.is_timedelta64_dtype(present):
        present = present.dt.total_seconds() / 86400
    return float(present.astype(float).median())


def pass_rate(passed: pd.Series) -> float | None:
    """Return the share (0–1) of True among the known outcomes, or None when there are none."""
    known = _clean(passed).astype(bool)
    return share(int(known.sum()), len(known))


def hake_label(gain: float | None) -> str | None:
    """Label a normalised gain: "low" < 0.3 ≤ "medium" ≤ 0.7 < "high" (Hake 1998)."""
    if gain is None:
        return None
    if gain < 0.3:
        return "low"
    if gain <= 0.7:
        return "medium"
    return "high"


def effect_label(effect: float | None) -> str | None:
    """Label an effect size by its magnitude: negligible < 0.2 ≤ small < 0.5 ≤ medium < 0.8.

    The sign is not part of the label: a large drop is "large" too, the figure shows it.
    """
    if effect is None:
        return None
    size = abs(effect)
    if size < 0.2:
        return "negligible"
    if size < 0.5:
        return "small"
    if size < 0.8:
        return "medium"
    return "large"


@dataclass
class LearningGain:
    """Pre-test/post-test comparison on matched pairs; scores and means in percent."""

    n_pairs: int
    pre_mean: float
    post_mean: float
    mean_difference: float
    sd_difference: float | None  # sample sd (ddof=1); None for a single pair
    hake_group: float | None  # (⟨post⟩ − ⟨pre⟩) / (100 − ⟨pre⟩); None when ⟨pre⟩ is 100
    hake_individual: float | None  # mean of g_i over pairs with pre_i < 100
    excluded_at_ceiling: int  # pairs with pre_i == 100, left out of hake_individual
    cohen_dz: float | None  # mean(d) / sd(d), the paired-samples variant
    t: float | None
    df: int | None
    p_value: float | None  # two-sided paired t-test
    label_hake: str | None  # from hake_group
    label_effect: str | None  # from cohen_dz


def learning_gain(pairs: pd.DataFrame) -> LearningGain | None:
    """Compare pre-test and post-test scores (columns ``pre`` and ``post``, percent).

    One row per trainee who took both; rows missing either score are dropped. Returns None when
    no pair is left. Cohen's d_z, t and p are None with a single pair or when every trainee
    gained the same (sd of differences 0), while means and gains are still given.
    """
    matched = pairs[["pre", "post"]].dropna().astype(float)
    n = len(matched)
    if n == 0:
        return None
    pre, post = matched["pre"], matched["post"]
    differences = post - pre
    pre_mean, post_mean = float(pre.mean()), float(post.mean())
    mean_difference = float(differences.mean())

    hake_group = None if pre_mean >= 100 else (post_mean - pre_mean) / (100 - pre_mean)
    below_ceiling = pre < 100
    individual = (post[below_ceiling] - pre[below_ceiling]) / (100 - pre[below_ceiling])
    hake_individual = float(individual.mean()) if not individual.empty else None

    sd_difference = float(differences.std(ddof=1)) if n >= 2 else None
    cohen_dz = t = p_value = None
    if sd_difference is not None and sd_difference > _ZERO_SD:
        cohen_dz = mean_difference / sd_difference
        t = mean_difference / (sd_difference / math.sqrt(n))
        p_value = float(2 * stats.t.sf(abs(t), n - 1))
    return LearningGain(
        n_pairs=n,
        pre_mean=pre_mean,
        post_mean=post_mean,
        mean_difference=mean_difference,
        sd_difference=sd_difference,
        hake_group=hake_group,
        hake_individual=hake_individual,
        excluded_at_ceiling=int((~below_ceiling).sum()),
        cohen_dz=cohen_dz,
        t=t,
        df=n - 1 if n >= 2 else None,
        p_value=p_value,
        label_hake=hake_label(hake_group),
        label_effect=effect_label(cohen_dz),
    )


@dataclass
class ItemAnalysis:
    """Per-question facility and discrimination of a test, with its KR-20 reliability."""

    # question_id, difficulty (share correct), discrimination (NaN when undefined), n, flag
    items: pd.DataFrame
    kr20: float | None
    n_attempts: int
    k: int


# Per question of a test: attempts that showed it (n), correct answers, and the sums over
# those attempts of the rest score (the total on the other items), of item × rest and of
# rest², then the correct answers among the attempts that showed every question.
ITEM_COUNT_COLUMNS = [
    "question_id",
    "n",
    "correct",
    "rest",
    "item_rest",
    "rest_squares",
    "complete_correct",
]


@dataclass(frozen=True)
class ItemCounts:
    """The sums item analysis needs, so that a database can add them up (1/0 answers).

    ``items`` has ``ITEM_COUNT_COLUMNS``, one row per question, in the order to report;
    ``attempts`` counts attempts with an answer, ``complete`` those that showed every
    question, ``complete_total`` and ``complete_squares`` the sums of their total scores and
    of their squares.
    """

    items: pd.DataFrame
    attempts: int
    complete: int
    complete_total: int
    complete_squares: int


def item_counts(responses: pd.DataFrame) -> ItemCounts:
    """The ``ItemCounts`` of 1/0 answers: one row per attempt, one column per question,
    NaN where the question was not shown (see ``item_analysis``)."""
    scored = responses.astype(float)
    totals = scored.sum(axis=1, skipna=True)
    complete = scored.notna().all(axis=1)
    rows = []
    for question_id in scored.columns:
        item = scored[question_id]
        shown = item.notna()
        answers = item[shown]
        rest = totals[shown] - answers
        rows.append(
            [
                question_id,
                int(shown.sum()),
                int(answers.sum()),
                int(rest.sum()),
                int((answers * rest).sum()),
                int((rest * rest).sum()),
                int(item[complete].sum()),
            ]
        )
    return ItemCounts(
        items=pd.DataFrame(rows, columns=ITEM_COUNT_COLUMNS),
        attempts=len(scored),
        complete=int(complete.sum()),
        complete_total=int(totals[complete].sum()),
        complete_squares=int((totals[complete] ** 2).sum()),
    )


def _pearson_of_sums(n: int, sx: int, sxx: int, sy: int, sxy: int, syy: int) -> float:
    """Pearson correlation from integer sums, NaN below 2 pairs or without variance.

    Integer sums keep the result exact up to the last division: a correlation of exactly 0
    stays 0 (a float rounding to −1e-17 would be flagged as a negative discrimination).
    """
    spread_x = n * sxx - sx * sx
    spread_y = n * syy - sy * sy
    if n < 2 or spread_x <= 0 or spread_y <= 0:
        return math.nan
    return (n * sxy - sx * sy) / math.sqrt(spread_x * spread_y)


def _kr20_of_sums(k: int, n: int, correct: list[int], total: int, squares: int) -> float | None:
    """KR-20 of ``n`` complete attempts from the correct answers per item and the sums of
    the total scores and their squares. Σ p_j q_j / σ² is Σ c_j (n − c_j) / (n Σt² − (Σt)²):
    both variances over n² cancel, and the ratio stays in integers."""
    if k < 2 or n == 0:
        return None
    spread = n * squares - total * total
    if spread == 0:
        return None
    item_spread = sum(c * (n - c) for c in correct)
    return k / (k - 1) * (1 - item_spread / spread)


def item_analysis(responses: pd.DataFrame) -> ItemAnalysis | None:
    """Analyse a test's items from 1/0 answers: one row per attempt, one column per question.

    NaN means the question was not shown in that attempt (random draws). Difficulty and n are
    over the attempts that showed the item; discrimination is the corrected point-biserial,
    the Pearson correlation between the item and the score on the other items shown in the same
    attempt (unshown items count 0: a draw shows the same number of questions to everyone, so
    raw scores compare). KR-20 is computed over the attempts that answered every item, because
    the formula needs one common set of items; with random draws that may be few or none, and
    it is then None. Returns None when there is no attempt or no question.
    """
    if responses.empty:
        return None
    return item_analysis_of_counts(item_counts(responses))


def item_analysis_of_counts(counts: ItemCounts) -> ItemAnalysis | None:
    """``item_analysis`` from the sums of ``ItemCounts`` (as the report's database adds them
    up), None when there is no attempt or no question."""
    if counts.attempts == 0 or counts.items.empty:
        return None
    rows = []
    for item in counts.items.itertuples(index=False):
        n, correct = int(item.n), int(item.correct)
        difficulty = correct / n if n else math.nan
        # A 1/0 item is its own square: Σx² = Σx.
        discrimination = _pearson_of_sums(
            n, correct, correct, int(item.rest), int(item.item_rest), int(item.rest_squares)
        )
        rows.append(
            {
                "question_id": item.question_id,
                "difficulty": difficulty,
                "discrimination": discrimination,
                "n": n,
                "flag": _item_flag(difficulty, discrimination) if n else "",
            }
        )
    return ItemAnalysis(
        items=pd.DataFrame(
            rows, columns=["question_id", "difficulty", "discrimination", "n", "flag"]
        ),
        kr20=_kr20_of_sums(
            len(counts.items),
            counts.complete,
            [int(c) for c in counts.items["complete_correct"]],
            counts.complete_total,
            counts.complete_squares,
        ),
        n_attempts=counts.attempts,
        k=len(counts.items),
    )


def _item_flag(difficulty: float, discrimination: float) -> str:
    """Name what is wrong with an item, "" when nothing is; several flags joined by "; ".

    A negative discrimination is named as such instead of "low" (it is the more telling flag:
    often a wrong answer key); an undefined one (no variance) raises no discrimination flag.
    """
    flags = []
    if difficulty < TOO_HARD_BELOW:
        flags.append(FLAG_TOO_HARD)
    elif difficulty > TOO_EASY_ABOVE:
        flags.append(FLAG_TOO_EASY)
    if discrimination < 0:
        flags.append(FLAG_NEGATIVE_DISCRIMINATION)
    elif discrimination < LOW_DISCRIMINATION_BELOW:
        flags.append(FLAG_LOW_DISCRIMINATION)
    return FLAG_SEPARATOR.join(flags)


def kr20(scored: pd.DataFrame) -> float | None:
    """Return KR-20 = k/(k−1) · (1 − Σ p_j q_j / σ²_total) for complete 1/0 answers, or None.

    σ²_total is the population variance (ddof=0) of the total scores: p_j q_j is itself the
    population variance of item j, and the classic KR-20 keeps both on the same denominator.
    So defined it equals Cronbach's alpha (Moodle's "coefficient of internal consistency")
    computed with consistent variances; mixing a sample total variance with p·q would inflate
    the coefficient for small groups. None when k < 2, no attempt, or total variance 0.
    """
    totals = scored.sum(axis=1).astype(int)
    return _kr20_of_sums(
        scored.shape[1],
        len(scored),
        [int(c) for c in scored.sum()],
        int(totals.sum()),
        int((totals**2).sum()),
    )
