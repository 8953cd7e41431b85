"""Words shown to people, in Chinese and English."""

from __future__ import annotations

from gxcheck.model import Commitment, Kind, Status

STATUS_ZH = {
    Status.MET: "完成",
    Status.DONE: "已完成",
    Status.AHEAD: "超进度",
    Status.ON_SCHEDULE: "达进度",
    Status.NEAR: "基本完成",
    Status.BEHIND: "欠进度",
    Status.MISSED: "未完成",
    Status.PENDING: "未到期",
    Status.NO_DATA: "无数据",
}
STATUS_EN = {
    Status.MET: "met",
    Status.DONE: "done",
    Status.AHEAD: "ahead",
    Status.ON_SCHEDULE: "on schedule",
    Status.NEAR: "near",
    Status.BEHIND: "behind",
    Status.MISSED: "missed",
    Status.PENDING: "pending",
    Status.NO_DATA: "no data",
}
# A symbol for each status, so a verdict reads without colour.
STATUS_SYMBOL = {
    Status.MET: "✔",
    Status.DONE: "★",
    Status.AHEAD: "▲",
    Status.ON_SCHEDULE: "●",
    Status.NEAR: "≈",
    Status.BEHIND: "▼",
    Status.MISSED: "✘",
    Status.PENDING: "…",
    Status.NO_DATA: "?",
}
STATUS_EMOJI = {
    Status.MET: "✅",
    Status.DONE: "🏁",
    Status.AHEAD: "🟢",
    Status.ON_SCHEDULE: "🔵",
    Status.NEAR: "🟡",
    Status.BEHIND: "🟠",
    Status.MISSED: "❌",
    Status.PENDING: "⏳",
    Status.NO_DATA: "⚪",
}
STATUS_STYLE = {
    Status.MET: "green",
    Status.DONE: "bold green",
    Status.AHEAD: "green",
    Status.ON_SCHEDULE: "green",
    Status.NEAR: "yellow",
    Status.BEHIND: "dark_orange",
    Status.MISSED: "bold red",
    Status.PENDING: "cyan",
    Status.NO_DATA: "dim",
}
# Fill and text colours per status for office files (Excel's good / neutral / bad cell styles
# and kin); the status's symbol and word go with them, so a cell reads without colour.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.MET: ("C6EFCE", "006100"),
    Status.DONE: ("A9D08E", "1E4620"),
    Status.AHEAD: ("C6EFCE", "006100"),
    Status.ON_SCHEDULE: ("DDEBF7", "1F4E78"),
    Status.NEAR: ("FFEB9C", "7F6000"),
    Status.BEHIND: ("F8CBAD", "843C0C"),
    Status.MISSED: ("FFC7CE", "9C0006"),
    Status.PENDING: ("E4DFEC", "3F3151"),
    Status.NO_DATA: ("EDEDED", "595959"),
}
COMMITMENT_ZH = {Commitment.ENSURE: "确保", Commitment.STRIVE: "力争", Commitment.PLAIN: ""}
COMMITMENT_EN = {Commitment.ENSURE: "ensure", Commitment.STRIVE: "strive", Commitment.PLAIN: ""}
KIND_ZH = {
    Kind.GROWTH: "增速",
    Kind.INCREMENT: "新增量",
    Kind.LEVEL: "年末水平",
    Kind.STOCK: "年初存量",
    Kind.SHARE: "比率",
    Kind.CEILING: "上限",
    Kind.RANK: "排名",
    Kind.ORDINAL: "等级",
    Kind.MILESTONE: "节点任务",
}


def status_word(status: Status, lang: str) -> str:
    return STATUS_ZH[status] if lang == "zh" else STATUS_EN[status]


def commitment_word(commitment: Commitment, lang: str) -> str:
    return COMMITMENT_ZH[commitment] if lang == "zh" else COMMITMENT_EN[commitment]
