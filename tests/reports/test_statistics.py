"""The evaluation report's statistics: each formula on hand-computed data, checked with scipy."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from reports.statistics import (
    effect_label,
    hake_label,
    item_analysis,
    kr20,
    learning_gain,
    likert_summary,
    median_days,
    net_promoter_score,
    pass_rate,
    share,
)

EMPTY = pd.Series([], dtype=float)


def test_share():
    assert share(3, 4) == 0.75
    assert share(0, 4) == 0
    assert share(3, 0) is None


def test_likert_summary_counts_each_point_and_ignores_missing_answers():
    summary = likert_summary(pd.Series([1, 2, 4, 4, 5, None]))

    # n = 5 answered; mean = (1 + 2 + 4 + 4 + 5) / 5 = 16 / 5; agree = three of 4–5 out of 5
    assert summary == {
        "n": 5,
        "mean": pytest.approx(3.2),
        "distribution": {1: 1, 2: 1, 3: 0, 4: 2, 5: 1},
        "share_agree": pytest.approx(0.6),
    }


def test_likert_summary_of_an_empty_period():
    assert likert_summary(EMPTY) == {
        "n": 0,
        "mean": None,
        "distribution": {1: 0, 2: 0, 3: 0, 4: 0, 5: 0},
        "share_agree": None,
    }


def test_likert_summary_refuses_a_value_off_the_scale():
    with pytest.raises(ValueError):
        likert_summary(pd.Series([3, 6]))


def test_net_promoter_score():
    # promoters 10, 9, 10, 9, 10 = 5 of 10; detractors 6, 0, 3 = 3 of 10; 50 % − 30 % = 20
    answers = pd.Series([10, 9, 8, 7, 6, 0, 10, 3, 9, 10])
    assert net_promoter_score(answers) == pytest.approx(20.0)

    assert net_promoter_score(pd.Series([9, 10, None])) == pytest.approx(100.0)
    assert net_promoter_score(pd.Series([0, 6])) == pytest.approx(-100.0)
    assert net_promoter_score(EMPTY) is None


def test_median_days_of_timedeltas_and_of_numbers():
    # 1, 2.5 and 3 days (NaT ignored): the middle one is 2.5
    durations = pd.Series(pd.to_timedelta(["1 day", "3 days", "2 days 12:00:00", None]))
    assert median_days(durations) == pytest.approx(2.5)
    # 1, 4, 7, 10 days: (4 + 7) / 2
    assert median_days(pd.Series([4, 1, 7, 10])) == pytest.approx(5.5)
    assert median_days(EMPTY) is None
    assert median_days(pd.Series([], dtype="timedelta64[ns]")) is None


def test_pass_rate():
    # three passed of four known outcomes; the unknown one is left out
    assert pass_rate(pd.Series([True, False, True, True, None])) == pytest.approx(0.75)
    assert pass_rate(pd.Series([], dtype=bool)) is None


def test_learning_gain_on_matched_pairs():
    pairs = pd.DataFrame({"pre": [40, 60, 50, 80], "post": [70, 80, 50, 100]})

    gain = learning_gain(pairs)

    # d = 30, 20, 0, 20: mean 17.5; deviations 12.5, 2.5, −17.5, 2.5, squares sum 475,
    # sd = √(475 / 3) = 12.5831; d_z = 17.5 / 12.5831 = 1.3908; t = d_z · √4 = 2.7815, df 3
    # ⟨pre⟩ = 57.5, ⟨post⟩ = 75: ⟨g⟩ = 17.5 / 42.5 = 0.4118
    # g_i = 30/60, 20/40, 0/50, 20/20 = 0.5, 0.5, 0, 1: mean 0.5
    assert gain.n_pairs == 4
    assert gain.pre_mean == pytest.approx(57.5)
    assert gain.post_mean == pytest.approx(75.0)
    assert gain.mean_difference == pytest.approx(17.5)
    assert gain.sd_difference == pytest.approx(12.5831, abs=1e-4)
    assert gain.hake_group == pytest.approx(0.4118, abs=1e-4)
    assert gain.hake_individual == pytest.approx(0.5)
    assert gain.excluded_at_ceiling == 0
    assert gain.cohen_dz == pytest.approx(1.3908, abs=1e-4)
    assert gain.t == pytest.approx(2.7815, abs=1e-4)
    assert gain.df == 3
    assert (gain.label_hake, gain.label_effect) == ("medium", "large")

    scipy_result = stats.ttest_rel(pairs["post"], pairs["pre"])
    assert gain.t == pytest.approx(scipy_result.statistic)
    assert gain.p_value == pytest.approx(scipy_result.pvalue)
    assert gain.p_value == pytest.approx(0.0689, abs=1e-4)
    assert gain.cohen_dz == pytest.approx(gain.t / math.sqrt(4))
    assert gain.pre_mean == pytest.approx(np.mean(pairs["pre"]))


def test_learning_gain_of_a_drop():
    pairs = pd.DataFrame({"pre": [60, 70, 80], "post": [50, 50, 70]})

    gain = learning_gain(pairs)

    # d = −10, −20, −10: mean −13.33, sd = √((3.33² + 6.67² + 3.33²) / 2) = 5.7735,
    # d_z = −2.3094; ⟨g⟩ = (56.67 − 70) / 30 = −0.4444
    assert gain.cohen_dz == pytest.approx(-2.3094, abs=1e-4)
    assert gain.hake_group == pytest.approx(-0.4444, abs=1e-4)
    assert (gain.label_hake, gain.label_effect) == ("low", "large")
    assert gain.p_value == pytest.approx(stats.ttest_rel(pairs["post"], pairs["pre"]).pvalue)


def test_learning_gain_leaves_trainees_at_the_ceiling_out_of_the_individual_mean():
    gain = learning_gain(pd.DataFrame({"pre": [100, 50], "post": [90, 75]}))

    # g_i only for the trainee at 50: 25 / 50; ⟨g⟩ = (82.5 − 75) / (100 − 75) = 0.3, medium
    assert gain.excluded_at_ceiling == 1
    assert gain.hake_individual == pytest.approx(0.5)
    assert gain.hake_group == pytest.approx(0.3)
    assert gain.label_hake == "medium"


def test_learning_gain_when_every_trainee_starts_at_100():
    gain = learning_gain(pd.DataFrame({"pre": [100, 100], "post": [100, 90]}))

    assert gain.hake_group is None
    assert gain.hake_individual is None
    assert gain.label_hake is None
    assert gain.excluded_at_ceiling == 2
    assert gain.mean_difference == pytest.approx(-5.0)


def test_learning_gain_of_one_trainee_shows_means_but_no_test():
    gain = learning_gain(pd.DataFrame({"pre": [50, None], "post": [75, 80]}))

    assert gain.n_pairs == 1
    assert (gain.pre_mean, gain.post_mean, gain.mean_difference) == (50.0, 75.0, 25.0)
    assert gain.hake_group == pytest.approx(0.5)
    assert gain.sd_difference is None
    assert (gain.cohen_dz, gain.t, gain.df, gain.p_value) == (None, None, None, None)
    assert gain.label_effect is None


def test_learning_gain_when_everyone_gains_the_same():
    gain = learning_gain(pd.DataFrame({"pre": [40, 60], "post": [50, 70]}))

    assert gain.sd_difference == 0
    assert (gain.cohen_dz, gain.t, gain.p_value) == (None, None, None)
    assert gain.df == 1


def test_learning_gain_without_pre_test():
    assert learning_gain(pd.DataFrame({"pre": [], "post": []})) is None


@pytest.mark.parametrize(
    ("gain", "label"),
    [
        (None, None),
        (-0.1, "low"),
        (0.2999, "low"),
        (0.3, "medium"),
        (0.7, "medium"),
        (0.7001, "high"),
    ],
)
def test_hake_label_boundaries(gain, label):
    assert hake_label(gain) == label


@pytest.mark.parametrize(
    ("effect", "label"),
    [
        (None, None),
        (0.19, "negligible"),
        (0.2, "small"),
        (0.5, "medium"),
        (-0.5, "medium"),
        (0.79, "medium"),
        (0.8, "large"),
    ],
)
def test_effect_label_boundaries(effect, label):
    assert effect_label(effect) == label


# Six attempts, five questions. Totals per attempt: 4, 4, 3, 4, 3, 2.
RESPONSES = pd.DataFrame(
    {
        "q1": [1, 1, 1, 1, 1, 0],
        "q2": [1, 1, 1, 1, 0, 0],
        "q3": [1, 1, 0, 0, 0, 0],
        "q4": [0, 0, 0, 1, 1, 1],  # answered right by the weaker attempts: wrong key?
        "q5": [1, 1, 1, 1, 1, 1],  # everyone right: no variance
    }
)


def test_item_analysis_difficulty_discrimination_and_flags():
    analysis = item_analysis(RESPONSES)
    items = analysis.items.set_index("question_id")

    assert (analysis.n_attempts, analysis.k) == (6, 5)
    assert items["n"].tolist() == [6, 6, 6, 6, 6]
    assert items["difficulty"].tolist() == pytest.approx([5 / 6, 4 / 6, 2 / 6, 3 / 6, 1.0])
    # q2 against the rest 3, 3, 2, 3, 3, 2: deviations (1/3 ×4, −2/3 ×2) and
    # (1/3, 1/3, −2/3, 1/3, 1/3, −2/3); Σxy = 1/3, Σx² = Σy² = 4/3, r = 0.25
    assert items.at["q2", "discrimination"] == pytest.approx(0.25)
    assert items.at["q1", "discrimination"] == pytest.approx(0.4472, abs=1e-4)
    assert items.at["q3", "discrimination"] == pytest.approx(0.0, abs=1e-12)
    assert items.at["q4", "discrimination"] == pytest.approx(-0.7809, abs=1e-4)
    assert math.isnan(items.at["q5", "discrimination"])
    for question_id in ("q1", "q2", "q3", "q4"):
        item = RESPONSES[question_id]
        rest = RESPONSES.sum(axis=1) - item
        expected = stats.pearsonr(item, rest).statistic
        assert items.at[question_id, "discrimination"] == pytest.approx(expected, abs=1e-12)

    assert items["flag"].to_dict() == {
        "q1": "",
        "q2": "",
        "q3": "low discrimination",
        "q4": "negative discrimination",
        "q5": "too easy",
    }


def test_kr20_with_population_variance():
    # Σpq = (5 + 8 + 8 + 9 + 0) / 36 = 5/6; totals 4, 4, 3, 4, 3, 2 have mean 10/3 and
    # population variance 30/9 / 6 = 5/9; KR-20 = 5/4 · (1 − (5/6) / (5/9)) = −0.625
    assert item_analysis(RESPONSES).kr20 == pytest.approx(-0.625)

    guttman = pd.DataFrame({"q1": [1, 1, 1, 0], "q2": [1, 1, 0, 0], "q3": [1, 0, 0, 0]})
    # p = .75, .5, .25: Σpq = 0.625; totals 3, 2, 1, 0: variance 5/4; 3/2 · (1 − 0.5) = 0.75
    assert kr20(guttman) == pytest.approx(0.75)
    # Cronbach's alpha with sample variances on both sides gives the same value
    item_variances = guttman.var(ddof=1).sum()
    alpha = 3 / 2 * (1 - item_variances / guttman.sum(axis=1).var(ddof=1))
    assert kr20(guttman) == pytest.approx(alpha)


def test_kr20_is_undefined_for_one_item_or_no_variance():
    assert kr20(pd.DataFrame({"q1": [1, 0, 1]})) is None
    assert kr20(pd.DataFrame({"q1": [1, 1], "q2": [0, 0]})) is None
    assert kr20(pd.DataFrame({"q1": [], "q2": []})) is None


def test_item_analysis_with_random_draws():
    responses = pd.DataFrame(
        {
            "q1": [1, 1, 1, 0, 1],
            "q2": [1, 1, 0, 0, None],  # not drawn in the last attempt
            "q3": [1, 0, 0, 0, 0],
        }
    )

    analysis = item_analysis(responses)
    items = analysis.items.set_index("question_id")

    assert items["n"].to_dict() == {"q1": 5, "q2": 4, "q3": 5}
    assert items.at["q1", "difficulty"] == pytest.approx(0.8)
    assert items.at["q2", "difficulty"] == pytest.approx(0.5)
    # KR-20 over the four complete attempts only: the Guttman pattern above, 0.75
    assert analysis.kr20 == pytest.approx(0.75)
    # the rest score of q1 counts the undrawn q2 as 0: 2, 1, 0, 0, 0
    expected = stats.pearsonr([1, 1, 1, 0, 1], [2, 1, 0, 0, 0]).statistic
    assert items.at["q1", "discrimination"] == pytest.approx(expected)
    shown = responses["q2"].notna()
    rest = responses[["q1", "q3"]].sum(axis=1)[shown]
    expected = stats.pearsonr(responses["q2"][shown], rest).statistic
    assert items.at["q2", "discrimination"] == pytest.approx(expected)


def test_item_analysis_combines_flags():
    responses = pd.DataFrame(
        {
            "q1": [1, 1, 1, 0, 0, 0],
            "q2": [1, 1, 0, 1, 0, 0],
            "hard": [0, 0, 0, 0, 0, 1],  # 1/6 right, by the weakest attempt
        }
    )

    items = item_analysis(responses).items.set_index("question_id")

    assert items.at["hard", "flag"] == "too hard; negative discrimination"


def test_item_analysis_of_an_empty_period():
    assert item_analysis(pd.DataFrame()) is None
    assert item_analysis(pd.DataFrame(columns=["q1", "q2"])) is None
