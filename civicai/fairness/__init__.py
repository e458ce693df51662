"""Module 03's tools: is a decision system fair to every group of citizens?

The lesson, the exercise, the sandbox and the tests all use these:

- `rates`: rates by group with Fairlearn's MetricFrame (`audit`), Wilson
  intervals (`group_rates`), disparity ratios and the 0.8 rule of thumb;
- `choosing`: the fairness tree (`choose_metric`: punitive or assistive?);
- `proxies`: which columns give a protected group away (`proxy_strength`);
- `model`: a proxy-means-test eligibility model and Fairlearn's
  ThresholdOptimizer (`train_eligibility_model`, `mitigate`);
- `charts`, `explore`: bars with intervals and summaries, the threshold widget;
- `report`: the sandbox's bias report on a learner's own file;
- `decisions`: the plain-language checks every one of them runs on its input.
"""
from civicai.fairness.charts import show_disparity, show_metrics, show_rates
from civicai.fairness.choosing import choose_metric
from civicai.fairness.decisions import as_yes_no
from civicai.fairness.explore import group_explorer, threshold_explorer
from civicai.fairness.model import mitigate, train_eligibility_model
from civicai.fairness.proxies import proxy_strength
from civicai.fairness.rates import (
    FOUR_FIFTHS,
    METRICS,
    audit,
    compare_decisions,
    disparity,
    group_rates,
    impact_ratio,
    wilson_interval,
)
from civicai.fairness.report import bias_findings, bias_report

__all__ = [
    "FOUR_FIFTHS", "METRICS", "as_yes_no", "audit", "bias_findings", "bias_report",
    "choose_metric", "compare_decisions", "disparity", "group_explorer", "group_rates",
    "impact_ratio", "mitigate", "proxy_strength",
    "show_disparity", "show_metrics", "show_rates", "threshold_explorer",
    "train_eligibility_model", "wilson_interval",
]
