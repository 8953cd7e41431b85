"""`gxcheck draft`'s wording rules, on excerpts written in the register of other governments' plans
(national, provincial, city, district and high-tech-zone work reports and multi-year plans)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from gxcheck.draft import draft, to_yaml
from gxcheck.draft import notes as why
from gxcheck.draft.ids import slug
from gxcheck.draft.model import Draft
from gxcheck.model import Commitment, Kind, Op
from gxcheck.targets import parse_targets

E, S, P = Commitment.ENSURE, Commitment.STRIVE, Commitment.PLAIN
G, INC, L, SH = Kind.GROWTH, Kind.INCREMENT, Kind.LEVEL, Kind.SHARE


def rows(text: str, year: int | None = 2025) -> list[tuple[object, ...]]:
    """(kind, op, value, unit, commitment) of every drafted target, in order."""
    result = draft(text, year=year)
    return [
        (
            t.kind,
            t.op,
            t.value
            if isinstance(t.value, bool)
            else float(t.value)
            if isinstance(t.value, Decimal)
            else t.value,
            t.unit,
            t.commitment,
        )
        for _, t in result.targets
    ]


def names(text: str, year: int | None = 2025) -> list[str]:
    return [t.name for _, t in draft(text, year=year).targets]


def valid(result: Draft) -> None:
    catalogue = parse_targets(to_yaml(result), "draft.yaml")
    assert len(catalogue.targets) == len(result.targets)


NATIONAL = (
    "今年发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；"
    "居民消费价格涨幅3%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.3万亿斤以上；"
    "单位国内生产总值能耗降低2.5%左右，生态环境质量持续改善。"
)


def test_a_national_report_s_headline_targets() -> None:
    assert rows(NATIONAL) == [
        (G, Op.ABOUT, 5.0, "%", P),
        (INC, Op.GE, 1200.0, "万人", P),
        (SH, Op.ABOUT, 5.5, "%", P),
        (G, Op.ABOUT, 3.0, "%", P),
        (INC, Op.GE, 1.3, "万亿斤", P),
        (G, Op.ABOUT, 2.5, "%", P),
    ]
    result = draft(NATIONAL, year=2025)
    tolerances = [t.tolerance for _, t in result.targets]
    assert tolerances == [Decimal("0.5"), None, Decimal("0.5"), Decimal("0.5"), None, Decimal("0.5")]
    energy = result.targets[-1][1]
    assert energy.name == "单位国内生产总值能耗降低"
    assert why.REDUCTION in energy.notes
    assert why.ABOUT_CEILING in result.targets[2][1].notes  # 失业率: overshooting is the risk
    valid(result)


CITY = (
    "2025年全市经济社会发展的主要预期目标为：地区生产总值增长6%左右，一般公共预算收入增长5.5%，"
    "城乡居民人均可支配收入分别增长5.5%、6.5%，城镇新增就业25万人，城镇调查失业率控制在5.5%以内，"
    "单位地区生产总值能耗下降完成省下达目标。"
)


def test_a_city_s_headline_targets() -> None:
    assert rows(CITY, year=None) == [
        (G, Op.ABOUT, 6.0, "%", P),
        (G, Op.GE, 5.5, "%", P),
        (G, Op.GE, 5.5, "%", P),
        (G, Op.GE, 6.5, "%", P),
        (INC, Op.GE, 25.0, "万人", P),
        (SH, Op.LE, 5.5, "%", P),
    ]
    assert names(CITY, year=None)[2:4] == ["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    result = draft(CITY)
    assert (result.year, result.year_guessed) == (2025, False)
    valid(result)


def test_traditional_characters_are_read_and_quoted_as_written() -> None:
    text = (
        "二〇二四年主要預期目標是：力爭地區生產總值增長6%左右，規模以上工業增加值增長8%以上，"
        "確保城鎮新增就業1.5萬人。"
    )
    result = draft(text)
    assert result.year == 2024
    assert rows(text, year=None) == [
        (G, Op.ABOUT, 6.0, "%", S),
        (G, Op.GE, 8.0, "%", S),
        (INC, Op.GE, 1.5, "万人", E),
    ]
    assert [t.quote for _, t in result.targets] == [
        "力爭地區生產總值增長6%左右",
        "規模以上工業增加值增長8%以上",
        "確保城鎮新增就業1.5萬人",
    ]
    assert result.targets[0][1].name == "地區生產總值增長"
    valid(result)


def test_full_width_digits_and_percent() -> None:
    assert rows("地区生产总值增长６．５％左右。") == [(G, Op.ABOUT, 6.5, "%", P)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("高企、科企分别增至550和3000家。", [(L, Op.GE, 550.0, "家", P), (L, Op.GE, 3000.0, "家", P)]),
        ("全年新开工、续建、储备道路各超100公里。", [(INC, Op.GT, 100.0, "公里", P)] * 3),
        ("经西部陆海新通道货运量、货运值均增长15%。", [(G, Op.GE, 15.0, "%", P)] * 2),
        ("工业投资、技改投资实现两位数增长。", [(G, Op.GE, 10.0, "%", P)] * 2),
        (
            "力争制造业、数字经济增加值占GDP比重分别达到30%、60%。",
            [(SH, Op.GE, 30.0, "%", S), (SH, Op.GE, 60.0, "%", S)],
        ),
        (
            "进出口总额、实际使用外资分别增长7%、8%左右。",
            [(G, Op.ABOUT, 7.0, "%", P), (G, Op.ABOUT, 8.0, "%", P)],
        ),
        (
            "高新技术企业和科技型企业总量分别超过1000家和4500家。",
            [(L, Op.GT, 1000.0, "家", P), (L, Op.GT, 4500.0, "家", P)],
        ),
        (
            "建设4个特色山水公园、50公里山城步道。",
            [(INC, Op.GE, 4.0, "个", P), (INC, Op.GE, 50.0, "公里", P)],
        ),
        ("新增市场主体1.2万户、增长16%。", [(INC, Op.GE, 1.2, "万户", P), (G, Op.GE, 16.0, "%", P)]),
    ],
)
def test_lists(text: str, expected: list[tuple[object, ...]]) -> None:
    assert rows(text) == expected
    valid(draft(text, year=2025))


def test_list_names() -> None:
    assert names("高企、科企分别增至550和3000家。") == ["高企", "科企"]
    assert names("经西部陆海新通道货运量、货运值均增长15%。") == ["经西部陆海新通道货运量增长", "货运值增长"]
    assert names("工业投资、技改投资实现两位数增长。") == ["工业投资增长", "技改投资增长"]
    assert names("新增市场主体1.2万户、增长16%。") == ["新增市场主体", "新增市场主体增长"]
    assert names("建设4个特色山水公园。") == ["建设特色山水公园"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新投用商业商务载体使用率超35%。", (SH, Op.GT, 35.0, "%", P)),
        ("使用率超过35%。", (SH, Op.GT, 35.0, "%", P)),
        ("销售额突破10亿元。", (INC, Op.GT, 10.0, "亿元", P)),
        ("一般公共预算收入增长7%以上。", (G, Op.GE, 7.0, "%", P)),
        ("固定资产投资增长12%。", (G, Op.GE, 12.0, "%", P)),
        ("研发经费投入强度不低于3%。", (SH, Op.GE, 3.0, "%", P)),
        ("城镇调查失业率控制在5.5%以内。", (SH, Op.LE, 5.5, "%", P)),
        ("城镇调查失业率5.5%。", (SH, Op.LE, 5.5, "%", P)),
        ("笔电产业产值实现正增长。", (G, Op.GT, 0.0, "%", P)),
        ("三公经费“只减不增”。", (G, Op.LE, 0.0, "%", P)),
        ("实现建成区公交500米站点全覆盖。", (SH, Op.GE, 100.0, "%", P)),
        ("新增绿地面积80万平方米。", (INC, Op.GE, 80.0, "万平方米", P)),
        ("每千人口托位达到3.5个。", (L, Op.GE, 3.5, "个/千人", P)),
        ("粮食产量稳定在1250万吨以上。", (L, Op.GE, 1250.0, "万吨", P)),
        ("坚决防范较大及以上生产安全事故发生。", (Kind.CEILING, Op.LE, 0.0, "起", P)),
        ("确保空气质量优良天数位于全省前列。", (Kind.RANK, Op.LE, 3.0, "位", E)),
        ("综合实力进入全国前10位。", (Kind.RANK, Op.LE, 10.0, "位", P)),
        ("获得AAA主体评级。", (Kind.ORDINAL, Op.LE, "AAA", "", P)),
        ("国考断面水质达到Ⅲ类。", (Kind.ORDINAL, Op.LE, "Ⅲ", "类", P)),
        ("PM2.5平均浓度控制在30微克/立方米以内。", (L, Op.LE, 30.0, "微克/立方米", P)),
        ("每万人口高价值发明专利拥有量达到15件。", (L, Op.GE, 15.0, "件/万人", P)),
        ("人均预期寿命达到79岁。", (L, Op.GE, 79.0, "岁", P)),
    ],
)
def test_one_wording_each(text: str, expected: tuple[object, ...]) -> None:
    assert rows(text) == [expected]
    valid(draft(text, year=2025))


def test_about_on_a_count_is_ten_percent_and_said_so() -> None:
    ((_, target),) = draft("力争新引进海外高层次人才20名左右。", year=2025).targets
    assert (target.op, target.tolerance, target.commitment) == (Op.ABOUT, Decimal(2), S)
    assert target.review
    assert target.notes[-1] == why.about("2", "名", False)


def test_placeholders_are_flagged_for_review() -> None:
    result = draft("确保区域空气质量优良天数位于主城中心城区前列，断面水质优于考核标准。", year=2025)
    rank, water = (t for _, t in result.targets)
    assert why.RANK_PLACEHOLDER in rank.notes and rank.review
    assert (water.value, water.scale) == ("Ⅲ", ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"))
    assert why.WATER_PLACEHOLDER in water.notes and water.review
    assert water.commitment is E  # 确保 reaches the next clause of its sentence


def test_how_far_a_commitment_word_reaches() -> None:
    text = (
        "力争地区生产总值增长8%左右，规上工业增加值增长8%，巩固和增强经济回升向好态势，"
        "社零总额增长8%。确保年度储备项目100个以上，力争60个项目投用。争取更多外资项目落地到资，货运量增长15%。"
    )
    assert [r[-1] for r in rows(text)] == [S, S, S, E, S, S]
    assert [r[-1] for r in rows("推动70个项目开工入统，确保60个项目投用。")] == [P, E]  # not backwards
    assert [r[-1] for r in rows("力争地区生产总值增长8%左右；一般公共预算收入增长5%。")] == [
        S,
        P,
    ]  # ； ends it
    result = draft(text, year=2025)
    assert result.targets[1][1].notes[-1] == why.commitment_inherited("力争")
    assert why.commitment_inherited("力争") not in result.targets[0][1].notes


def test_a_commitment_before_a_list_governs_every_item_and_says_so() -> None:
    result = draft("力争入驻大学生创新创业优秀项目100个、落地海外创新创业人才和项目10个以上。", year=2025)
    assert [t.commitment for _, t in result.targets] == [S, S]
    assert result.targets[1][1].notes[-1] == why.commitment_inherited("力争")


def test_milestones() -> None:
    text = (
        "力争西永隧道年内开工、金凤隧道早日投用。完成公交专项规划编制。推动成渝综合性科学中心获批。"
        "加快推进园区建设。"
    )
    result = draft(text, year=2025)
    assert [(t.name, t.deadline, t.commitment) for _, t in result.targets] == [
        ("西永隧道年内开工", dt.date(2025, 12, 31), S),
        ("完成公交专项规划编制", None, P),
        ("成渝综合性科学中心获批", None, P),
    ]
    assert all(t.kind is Kind.MILESTONE and t.op is Op.DONE for _, t in result.targets)
    valid(result)


def test_numbers_that_are_not_targets_are_excluded_with_why() -> None:
    text = (
        "2025年是“十四五”规划收官之年。开展19号线等3条轨道前期工作，加快建设27号线等5条轨道，"
        "围绕“1361”整体架构，推动118个项目形成更多实物工作量，大力引进品牌4S店，新增养老床位100张。"
    )
    result = draft(text, year=2025)
    assert [t.name for _, t in result.targets] == ["新增养老床位"]
    assert [(e.quote, e.reason) for e in result.excluded] == [
        ("2025年是“十四五”规划收官之年", why.YEAR),
        ("开展19号线等3条轨道前期工作", why.PROCESS),
        ("加快建设27号线等5条轨道", why.PROCESS),
        ("围绕“1361”整体架构", why.NAME),
        ("推动118个项目形成更多实物工作量", why.VAGUE),
        ("大力引进品牌4S店", why.NAME),
    ]


def test_a_review_part_and_a_review_sentence_are_not_targets() -> None:
    text = (
        "一、2024年工作回顾\n全区地区生产总值增长6.1%，新增市场主体1.1万户。\n"
        "二、2025年工作安排\n2024年，全区固定资产投资增长9%。2025年，固定资产投资增长10%。\n"
    )
    result = draft(text)
    assert result.year == 2025
    assert [t.quote for _, t in result.targets] == ["固定资产投资增长10%"]
    assert [(e.quote, e.reason, e.numbers) for e in result.excluded] == [
        ("一、2024年工作回顾", why.REVIEW, 3),
        ("二、2025年工作安排", why.YEAR, 1),
        ("2024年，全区固定资产投资增长9%", why.REVIEW_SENTENCE, 2),
        ("2025年", why.YEAR, 1),
    ]


def test_areas_from_headings_and_their_ids() -> None:
    text = (
        "（一）推动科技创新增效赋能。新增市级以上科研平台5个以上。\n"
        "（二）推动产业发展转型升级。新增市场主体1.2万户。\n"
    )
    result = draft(text, year=2025)
    assert [(a.title, a.numbered) for a in result.areas] == [
        ("推动科技创新增效赋能", True),
        ("推动产业发展转型升级", True),
    ]
    assert '  - {id: keji_chuangxin, zh: "推动科技创新增效赋能", numbered: true}' in to_yaml(result)
    assert [i for i, _ in result.targets] == ["xinzeng_shiji_yishang_keyan", "xinzeng_shichang_zhuti"]


def test_a_text_without_headings_is_one_headline_area() -> None:
    result = draft("地区生产总值增长6%左右。", year=2025)
    assert [(a.title, a.numbered) for a in result.areas] == [("主要预期目标", False)]


def test_ids_are_ascii_stable_and_unique() -> None:
    assert slug("新增养老床位", "t") == "xinzeng_yanglao_chuangwei"
    assert slug("GDP增长", "t") == "gdp_zengzhang"
    assert slug("5G基站", "t") == "t_5g_jizhan"
    assert slug("“”", "t") == "t"
    result = draft("新增养老床位100张。新增养老床位200张。", year=2025)
    assert [i for i, _ in result.targets] == ["xinzeng_yanglao_chuangwei", "xinzeng_yanglao_chuangwei_2"]


def test_horizons_in_an_annual_plan_are_recorded_and_flagged() -> None:
    result = draft("到2027年，研发经费投入强度达到5.7%。", year=2024)
    ((_, target),) = result.targets
    assert target.horizon is not None and (target.horizon.last, target.horizon.words) == (2027, "到2027年")
    assert target.review and why.horizon("到2027年", 2027) in target.notes
    assert "    # horizon: 2027 (到2027年): not the plan's year; check it\n" in to_yaml(result)
    valid(result)


def test_a_multi_year_plan_takes_its_span_from_the_title() -> None:
    text = (
        "某区国民经济和社会发展第十四个五年规划（2021—2025年）\n"
        "到2025年，研发经费投入强度达到3%。到2023年，建成投用区图书馆。\n“十四五”期间，新增城镇就业10万人。"
    )
    result = draft(text)
    assert (result.first_year, result.year) == (2021, 2025)
    yaml_text = to_yaml(result)
    assert "  first_year: 2021  # from the title's span\n  last_year: 2025\n" in yaml_text
    assert "    horizon: 2023  # 到2023年\n" in yaml_text
    library = result.targets[1][1]
    assert (library.kind, library.deadline) == (Kind.MILESTONE, dt.date(2023, 12, 31))
    valid(result)


def test_every_target_has_a_note_and_magnitudes_stay_in_the_unit() -> None:
    result = draft(NATIONAL + CITY, year=2025)
    assert all(t.notes for _, t in result.targets)
    jobs = [t for _, t in result.targets if t.unit == "万人"]
    assert [t.value for t in jobs] == [Decimal(1200), Decimal(25)]
    assert all(any("万人" in n.zh for n in t.notes) for t in jobs)


def test_the_drafter_is_pure_and_only_the_command_loads_pypinyin() -> None:
    import ast
    import subprocess
    import sys

    from conftest import ROOT

    for path in (ROOT / "gxcheck" / "draft").glob("*.py"):
        if path.name == "summary.py":  # the summary is presentation: it measures cells with rich
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in imported if m.startswith(("rich", "typer", "gxcheck.render"))], path.name
    code = "import sys, gxcheck.cli, gxcheck.targets; print('pypinyin' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "False\n"


PROVINCE = (
    "全年经济社会发展主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入同口径增长3%；"
    "城镇调查失业率控制在5.5%左右；居民消费价格涨幅控制在3%以内；城乡居民收入增长与经济增长基本同步；"
    "全社会研发经费支出相当于地区生产总值的比例达到4.4%左右，PM2.5年均浓度完成国家下达目标。"
)
ZONE = (
    "力争全年引进重大项目30个以上、总投资突破500亿元，新增规上工业企业100家，净增高新技术企业200家，"
    "技术合同成交额增长20%，全社会研发投入强度提高0.2个百分点。"
)


def test_a_province_s_headline_targets() -> None:
    assert rows(PROVINCE) == [
        (G, Op.ABOUT, 5.5, "%", P),
        (G, Op.GE, 3.0, "%", P),
        (SH, Op.ABOUT, 5.5, "%", P),
        (G, Op.LE, 3.0, "%", P),
        (SH, Op.ABOUT, 4.4, "%", P),
    ]
    result = draft(PROVINCE, year=2025)
    assert [e.reason for e in result.excluded] == [why.NAME]  # PM2.5 is a name
    valid(result)


def test_a_high_tech_zone_s_targets() -> None:
    assert rows(ZONE) == [
        (INC, Op.GE, 30.0, "个", S),
        (INC, Op.GT, 500.0, "亿元", S),
        (INC, Op.GE, 100.0, "家", S),
        (INC, Op.GE, 200.0, "家", S),
        (G, Op.GE, 20.0, "%", S),
        (G, Op.GE, 0.2, "个百分点", S),
    ]
    assert names(ZONE)[-1] == "全社会研发投入强度提高"
    valid(draft(ZONE, year=2025))


def test_a_repeated_sentence_is_excluded_once_with_all_its_numbers() -> None:
    result = draft("新增养老床位100张。2025年是关键之年。新增养老床位100张。2025年是关键之年。", year=2025)
    assert [(e.quote, e.numbers) for e in result.excluded] == [("2025年是关键之年", 2)]
    assert [i for i, _ in result.targets] == ["xinzeng_yanglao_chuangwei", "xinzeng_yanglao_chuangwei_2"]
    valid(result)


def test_events_and_manner_words() -> None:
    text = (
        "开展19号线等3条轨道前期工作，启动4条轨道穿中梁山向西延伸研究论证。"
        "确保机构改革改出效能，平稳有序如期完成改革任务。"
    )
    result = draft(text, year=2025)
    assert [(t.kind, t.quote, t.commitment) for _, t in result.targets] == [
        (Kind.MILESTONE, "启动4条轨道穿中梁山向西延伸研究论证", P),
        (Kind.MILESTONE, "平稳有序如期完成改革任务", E),
    ]
    assert [e.reason for e in result.excluded] == [why.PROCESS]


def test_thousands_separators_rates_kept_at_a_level_and_a_second_figure_for_the_same_indicator() -> None:
    assert rows(
        "城镇新增就业1,200万人以上,增速保持在6%左右。推动70个项目开工入统,118个项目形成更多实物工作量。"
    ) == [
        (INC, Op.GE, 1200.0, "万人", P),
        (G, Op.ABOUT, 6.0, "%", P),
        (INC, Op.GE, 70.0, "个", P),
    ]
    assert rows("地区生产总值增长6%以上、力争7%。") == [(G, Op.GE, 6.0, "%", P), (G, Op.GE, 7.0, "%", S)]
    assert names("地区生产总值增长6%以上、力争7%。") == ["地区生产总值增长", "地区生产总值增长"]


def test_better_than_the_standard_takes_the_class_the_text_reported_before() -> None:
    text = (
        "一、2024年工作回顾\n梁滩河市级考核断面水质稳定达到Ⅳ类标准，优于考核标准一个水质类别。\n"
        "二、2025年工作安排\n确保梁滩河赖家桥市级考核断面水质优于考核标准。\n"
    )
    ((_, target),) = draft(text).targets
    assert (target.value, target.commitment, target.review) == ("Ⅳ", E, True)
    assert why.water_reported("Ⅳ") in target.notes


def test_a_name_of_invisible_characters_falls_back_to_the_quote() -> None:
    for text in ("1.2万户\x1b", "\u200b1.2万户"):
        ((_, target),) = draft(text, year=2025).targets
        assert target.name == target.quote
        valid(draft(text, year=2025))


def test_a_floor_and_a_stretch_for_the_same_indicator_across_clauses() -> None:
    text = "确保全年地区生产总值增长6%左右，力争达到6.5%；固定资产投资增长8%以上。全年接待游客突破1亿人次。"
    assert rows(text) == [
        (G, Op.ABOUT, 6.0, "%", E),
        (G, Op.GE, 6.5, "%", S),
        (G, Op.GE, 8.0, "%", P),
        (INC, Op.GT, 1.0, "亿人次", P),
    ]
    assert names(text)[:2] == ["地区生产总值增长", "地区生产总值增长"]
    assert why.SUBJECT_BORROWED in draft(text, year=2025).targets[1][1].notes
