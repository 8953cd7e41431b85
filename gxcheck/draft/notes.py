"""What a draft tells its reviewer, in Chinese and English: notes on targets, reasons for exclusions."""

from __future__ import annotations

from decimal import Decimal

from gxcheck.model import Text


def fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


# -- reasons a number did not become a target ----------------------------------------------

REVIEW = Text(
    "回顾以往工作的部分：其中的数字是已取得的结果，不是目标。",
    "A review of past work: its numbers are results already achieved, not targets.",
)
REVIEW_SENTENCE = Text(
    "本句陈述以往的情况（以往年份或“去年”“一年来”开头），不是目标。",
    "The sentence reports the past (it opens with an earlier year, 去年 or 一年来), not a target.",
)
META = Text("页面信息（索引号、日期等），不是目标。", "Page information (index number, dates), not a target.")
YEAR = Text("年份或日期，不是目标。", "A year or a date, not a target.")
NAME = Text(
    "名称、编号或版本中的数字（引号内的数字、某某号线、2.0版、5G等），不是目标。",
    "A number that is part of a name, number or version (in quotation marks, 19号线, 2.0版, 5G …), "
    "not a target.",
)
BARE = Text(
    "数字后没有可识别的单位，无法判断其含义；如为目标，请手工补充。",
    "The number has no unit the drafter knows, so its meaning is unclear; add it by hand if it is a target.",
)
PROCESS = Text(
    "只说推进过程（加快、提速、开展、推进……），没有可检查的结果。",
    "Says only that work goes on (加快, 提速, 开展, 推进 …): no outcome that can be checked.",
)
VAGUE = Text(
    "数字之后的结果没有量化（更多、早日、一批……），无法检查。",
    "The outcome that follows the number is not quantified (更多, 早日, 一批 …), so it cannot be checked.",
)
UNPAIRED = Text(
    "“分别”所列的项目与数字个数不一致，需手工拆分为目标。",
    "分别 lists a different number of items and figures: split it into targets by hand.",
)
CONTEXT = Text(
    "背景或说明中的数字（不是本计划要达到的结果）。",
    "A number in background or description, not a result the plan sets out to reach.",
)

# -- notes on targets ------------------------------------------------------------------------


def doubling(base: int, times: int) -> Text:
    return Text(
        f"“倍增/翻番”按达到基期（{base}年）水平的{times}倍理解，以指数填报（{base}年=100）；"
        "如有基期值，也可改为 times 与 baseline。",
        f"倍增/翻番 read as at least {times} times the level of the base year {base}, reported as an index "
        f"({base} = 100); with the base year's figure, times and baseline may be used instead.",
    )


def inferred(kind_zh: str, kind_en: str) -> Text:
    return Text(f"按措辞推断为{kind_zh}，请核对。", f"Read from the wording as {kind_en}; check it.")


def plain_at_least(value: str) -> Text:
    return Text(
        f"“{value}”未附限定词，按不低于{value}理解。",
        f"The plain figure {value} is read as at least {value}.",
    )


def plain_ceiling(value: str) -> Text:
    return Text(
        f"该指标越低越好，“{value}”未附限定词，按不高于{value}理解，请核对。",
        f"Less is better for this indicator; the plain figure {value} is read as at most {value}. Check it.",
    )


def about(tolerance: str, unit: str, growth: bool) -> Text:
    if growth:
        return Text(
            f"“左右”按 ± {tolerance} 个百分点理解（假定的容差，请核对）；超过区间上限不算未完成。",
            f"左右 read as ± {tolerance} percentage points (an assumed tolerance: check it); "
            "above the band is not a miss.",
        )
    return Text(
        f"“左右”按 ± {tolerance}{unit}（数值的10%）理解（假定的容差，请核对）；超过区间上限不算未完成。",
        f"左右 read as ± {tolerance} {unit} (10 % of the value; an assumed tolerance: check it); "
        "above the band is not a miss.",
    )


ABOUT_CEILING = Text(
    "价格、失业率等指标超过目标才是问题；gxcheck 对“左右”按越高越好评判，如需按上限评判请改为 <=。",
    "For prices or unemployment the risk is overshooting; gxcheck judges 左右 as more-is-better, so change "
    "the op to <= if the figure is meant as a ceiling.",
)
STRICT = Text(
    "“超”“超过”“突破”不含本数：恰好等于目标值不算达到。",
    "超/超过/突破 is strict: exactly the value does not meet it.",
)
REDUCTION = Text(
    "目标为降幅：填报时请以正数填写下降的幅度（下降3.2%填3.2）。",
    "The target is a reduction: report the decrease as a positive number (下降3.2% is 3.2).",
)
LEVEL = Text(
    "按年末总量（存量）理解；如指年内新增量，请将 kind 改为 increment。",
    "Read as a year-end level (a stock); if it means the amount added in the year, change kind to increment.",
)
INCREMENT = Text(
    "按年内新增量（流量）理解；如指年末总量，请将 kind 改为 level 并补充基期值。",
    "Read as the amount added during the year (a flow); if it means a year-end total, change kind to level "
    "and add a baseline.",
)
SHARE = Text("按比率（水平值）理解。", "Read as a ratio (a level).")
GROWTH = Text("按同比增速理解（1月起累计）。", "Read as year-on-year growth (cumulative from January).")
ANNUAL_AVERAGE = Text(
    "“年均增长”为多年平均增速（自基期复合计算），请结合规划期核对。",
    "年均增长 is an average annual rate over several years (compound from the base year); "
    "check it against the plan span.",
)
POINTS = Text("单位为“个百分点”：为比率的变化量。", "The unit is percentage points: a change in a ratio.")
DOUBLE_DIGIT = Text("“两位数增长”按增速不低于10%理解。", "两位数增长 read as growth of at least 10 %.")
POSITIVE = Text("“正增长”按增速大于0%理解（不含0%）。", "正增长 read as growth strictly above 0 %.")
NO_INCREASE = Text(
    "“只减不增”按增速不高于0%理解（越低越好）。", "只减不增 read as growth of 0 % or less (less is better)."
)
FULL_COVERAGE = Text("“全覆盖”按覆盖率100%理解。", "全覆盖 read as coverage of 100 %.")
CEILING = Text(
    "“杜绝/防范……发生”按发生数为零理解：发生一起即为未完成。单位“起”为假定，请核对。",
    "杜绝/防范…发生 read as a count of zero: one occurrence misses the target. "
    "The unit 起 is assumed: check it.",
)
RANK_PLACEHOLDER = Text(
    "“前列”未给出具体位次：按第3位及以前理解，此为占位的假定，请按实际口径修改（可参考上年位次）。",
    "前列 names no rank: read as rank 3 or better, a placeholder; set the rank that counts (last year's "
    "position is a guide).",
)
RANK = Text(
    "位次越小越好（第1为最好），按上限评判。", "A rank: lower is better (1st is best), judged as a ceiling."
)
WATER_PLACEHOLDER = Text(
    "原文未写明考核标准的类别：暂按达到或优于Ⅲ类理解，此为占位，请改为比考核标准好一个类别（可参考上年水质）。",
    "The plan does not name the standard's class: Class Ⅲ or better is a placeholder; set it to one class "
    "better than the standard (last year's class is a guide).",
)


def water_reported(cls: str) -> Text:
    return Text(
        f"原文未写明考核标准的类别：按前文报告的上年水质（{cls}类）理解为达到或优于{cls}类，请核对考核标准。",
        f"The plan does not name the standard's class: read as Class {cls} or better, the class the text "
        "reports for last year; check it against the standard.",
    )


WATER = Text("水质类别按Ⅰ—劣Ⅴ排序，越靠前越好。", "Water classes run Ⅰ to 劣Ⅴ, better first.")
RATING = Text("信用评级按 AAA 至 C 排序，越靠前越好。", "Credit ratings run AAA to C, better first.")
MILESTONE = Text(
    "节点任务：完成即为达到；请核对完成的判定标准。", "A milestone: met when done; check what counts as done."
)
MILESTONE_YEAR_END = Text(
    "原文未写明时限，以年末为截止时间。", "The plan gives no date, so the year's end is the deadline."
)
MODIFIER = Text(
    "分句中其他数字（{numbers}）属于指标名称或范围的一部分，不是目标值。",
    "The clause's other numbers ({numbers}) are part of the indicator's name or scope, not the target.",
)
PER_CAPITA = Text(
    "单位按每千人（每万人）口径折算，请核对。", "The unit is per thousand (ten thousand) people; check it."
)
MAGNITUDE = Text(
    "单位含数量级（{unit}）：填报时按同一单位填写，不要换算。",
    "The unit carries a magnitude ({unit}): report figures in the same unit, not multiplied out.",
)
LIST_SHARED = Text(
    "同一分句列出多个指标（{words}），各为一项目标；名称取自所列项目，请补全。",
    "One clause lists several indicators ({words}); each is a target of its own, named from its item: "
    "complete the name.",
)
LIST_ORDER = Text(
    "“分别”：数值按所列顺序对应各项目。", "分别: the values go with the items in the order listed."
)
LIST_SAME = Text("“各/均”：同一数值适用于所列每一项。", "各/均: the one value applies to every item listed.")
LIST_GUESSED = Text(
    "“分别”给出多个数值但只有一个主语：名称为推断，请核对各项对应的指标。",
    "分别 gives several values for one subject: the names are guessed; "
    "check which indicator each value is for.",
)
SUBJECT_BORROWED = Text(
    "本分句没有主语，沿用前一项的指标名称，请核对。",
    "The clause has no subject of its own; the name is taken from the item before it. Check it.",
)


def commitment_inherited(word: str) -> Text:
    return Text(
        f"本项没有承诺用语，按同句前文的“{word}”管到句末（。或；）理解。",
        f"No commitment word of its own: {word} earlier in the sentence is read as reaching to its end "
        "(。 or ；).",
    )


def deadline(words: str, date: str) -> Text:
    return Text(f"“{words}”按截至{date}理解。", f"{words} read as by {date}.")


def horizon(words: str, year: int) -> Text:
    return Text(f"期限：“{words}”，即{year}年末到期。", f"Horizon: {words}, due at the end of {year}.")
