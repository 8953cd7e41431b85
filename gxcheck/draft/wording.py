"""The plan's wording, as patterns: commitment words, comparators, kinds, and words that make a
clause uncheckable. All patterns apply to the matching copy (simplified characters).

The rules follow README "How the plan words a target" and ../shared/GUIDE.md §1.
"""

from __future__ import annotations

import re

from gxcheck.model import Commitment, Op

# 确保 ensure; 力争/争取/争创 strive. How far one reaches: see gxcheck.draft.rules.
COMMITMENT_RE = re.compile(r"确保|力争|争取|争创")
COMMITMENTS = {
    "确保": Commitment.ENSURE,
    "力争": Commitment.STRIVE,
    "争取": Commitment.STRIVE,
    "争创": Commitment.STRIVE,
}

# After the figure.
AFTER_RE = re.compile(r"(?:以上|左右|以内|以下|之内|内)")
AFTER_OPS = {"以上": Op.GE, "左右": Op.ABOUT, "以内": Op.LE, "以下": Op.LE, "之内": Op.LE, "内": Op.LE}
# Just before the figure (the comparator nearest to it wins).
BEFORE_RE = re.compile(
    r"(不低于|不少于|至少|不超过|不高于|控制在|低于|少于|超过|突破|高于|大于|超|增至|达到|达|提高到|提高至|"
    r"提升到|提升至|稳定在|保持在|为|占)$"
)
BEFORE_OPS = {
    "不低于": Op.GE, "不少于": Op.GE, "至少": Op.GE, "不超过": Op.LE, "不高于": Op.LE, "控制在": Op.LE,
    "低于": Op.LT, "少于": Op.LT, "超过": Op.GT, "突破": Op.GT, "高于": Op.GT, "大于": Op.GT, "超": Op.GT,
}  # fmt: skip
LEVEL_WORDS_RE = re.compile(
    r"增至|达到|达|提高到|提高至|提升到|提升至|稳定在|保持在|总量|总数|累计|保有量|规模|余额|每[十百千万]?人"
    r"|浓度|密度|强度|平均|人均|寿命|指数"  # a level in itself, never added up over the year
)
GROWTH_RE = re.compile(r"(年均增长|增长|增速|增幅|涨幅|上涨|增加|提高|提升|下降|降低|减少|回落|压减|压降)$")
GROWTH_WORD_RE = re.compile(GROWTH_RE.pattern.rstrip("$"))
REDUCTION_RE = re.compile(r"下降|降低|减少|回落|压减|压降")
SHARE_RE = re.compile(r"率|比重|比例|占比|占|覆盖|份额|指数")
# Indicators where less is better: a plain figure is a ceiling.
LESS_IS_BETTER_RE = re.compile(r"失业率|能耗|排放|浓度|死亡率|发生率|赤字|负债率|亏损|事故|价格涨幅|物价")
INCREMENT_RE = re.compile(
    r"新增|新建|新培育|培育|新引进|引进|招引|落地|入驻|签约|开工|投产|投用|完成|建设|实施|改造|打造|续建|储备|"
    r"创建|认定|获评|入选|新开|净增|发放|帮扶|培训|招聘|吸纳|转移|销售|实现"
)

# A clause that only describes work under way: no checkable outcome.
PROCESS_RE = re.compile(
    r"加快|提速|加速|开展|推进|谋划|前期|筹备|探索|深化|着力|优化|完善|健全|加强|强化|做好|抓好|统筹"
)
# A figure these follow is not a result that can be checked.
VAGUE_RE = re.compile(r"更多|更大|更高|更好|进一步|早日|尽快|逐步|一批")
# Words that make a figure an outcome even in a clause that also says 加快/推进.
OUTCOME_RE = re.compile(r"以上|超过|突破|达到|增至|左右|增长|新增|投产|投用|不低于|不少于|控制在")

# Wordings with no figure, or a figure of their own.
DOUBLING_RE = re.compile(r"翻两番|倍增|翻一番|翻番")
DOUBLE_DIGIT_RE = re.compile(r"两位数(?:以上)?(?:的)?增长|增长两位数")
POSITIVE_RE = re.compile(r"正增长")
NO_INCREASE_RE = re.compile(r"只减不增|只降不升|零增长|不增长")
FULL_COVERAGE_RE = re.compile(r"全覆盖")
CEILING_RE = re.compile(r"(?:杜绝|防范|防止|避免|遏制|坚决遏制|严防).*发生|不发生|零发生|零事故")
RANK_RE = re.compile(
    r"前列|前茅|第一方阵|前(\d+)(?:位|名|强)|(?:保持|位居|稳居|排名|继续)\S{0,8}?(?:第一|首位)"
)
WATER_RE = re.compile(r"水质")
CLASS_RE = re.compile(r"([ⅠⅡⅢⅣⅤ]|劣Ⅴ)类")
BETTER_THAN_STANDARD_RE = re.compile(r"优于考核标准|优于国家考核标准|达到考核标准|达到考核要求")
RATING_RE = re.compile(r"(AAA|AA\+|AA-|AA|A\+)(?:级)?(?:主体)?(?:信用)?评级|评级(?:达到)?(AAA|AA\+|AA)")
WATER_SCALE = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
RATING_SCALE = (
    "AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
    "CCC", "CC", "C",
)  # fmt: skip

# Milestones: a result that is done or not. The verb ends the clause, or starts it.
MILESTONE_END_RE = re.compile(
    r"(?:获批|开工|投用|投运|投产|建成|竣工|通车|运行|开业|交付|挂牌|揭牌|上线|落成|完工|验收|启用|落户|划转)[”’」]*$"
)
MILESTONE_START_RE = re.compile(r"^(?:建成投用|建成投运|建成|完成|获得|获评|入选|创成|通过|启动)")
# 启动4条轨道…研究论证: an event, whatever it counts (the figure is part of its name).
EVENT_RE = re.compile(r"^(?:确保|力争|争取|争创)?(?:年内|全面)?启动")
# How a milestone is done, not whether: left out before its verb is looked for.
MANNER_RE = re.compile(
    r"^(?:推动|实现|全面|按期|如期|按时|全年|年内|年底前|上半年|下半年|[一二三四]季度|平稳|有序|顺利|圆满|高质量)+"
)
MILESTONE_ANY_RE = re.compile(r"成为")
DEADLINE_RE = re.compile(r"年内|年底前|年底|上半年|下半年|一季度|二季度|三季度|四季度")
MILESTONE_VAGUE_RE = re.compile(r"早日|尽快|加快|逐步|积极|大力|更多|一批|持续|不断")

# Horizons.
BY_YEAR_RE = re.compile(r"(?:到|至|截至)((?:19|20)\d\d)年(?:底|末)?")
SPAN_RE = re.compile(r"((?:19|20)\d\d)\s*[—\-–~至到]{1,2}\s*((?:19|20)\d\d)年")
FIVE_YEAR_RE = re.compile(r"[“「\"]?(十[一二三四五六七八九]五)[”」\"]?(?:期间|时期|末|规划期)")
FIVE_YEAR_SPANS = {
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}

# A sentence that reports the past (in a text without a review part of its own).
PAST_RE = re.compile(r"^(?:过去一年|过去五年|一年来|五年来|去年|上年|今年以来|截至目前)")
PAST_YEAR_RE = re.compile(r"^((?:19|20)\d\d)年(?:[，,]|全[区市省县州]|[^是]{0,6}(?:实现|完成|增长|达到))")

# Leading words left out of a target's name.
NAME_LEAD_RE = re.compile(r"^(?:确保|力争|争取|争创|全年|实现|推动|努力|持续|进一步)+")
NAME_TAIL_RE = re.compile(
    r"(?:不低于|不少于|至少|不超过|不高于|控制在|低于|少于|超过|突破|高于|大于|超|增至|达到|达|为|等|在|实现|保持|稳定)+$"
)
