"""The review as a Word document (``-f docx -o 完成情况.docx``), in the shape of the zone's own
目标任务完成情况 reviews.

The title (the plan's and 目标任务完成情况), the card's period, how fresh its figures are and the
date it was made (``（2024年全年　数据截至2024年全年　制表日期：2026-12-01）``), the
verdict in a sentence, then per area a heading and a table (序号, 目标任务, 目标值, 完成值,
完成率, 完成情况, 说明) listing every target with its commitment, the reason for its verdict
and the figure's source; the targets file's notes on how it reads the plan follow each table.
A4 with the margins of GB/T 9704, page numbers, and fonts named for Chinese official documents
(仿宋 body, 宋体 tables, 黑体 headings) so that Word and WPS pick them. python-docx is imported
here only.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from gxcheck import fmt
from gxcheck.labels import STATUS_COLOURS, commitment_word, status_word
from gxcheck.model import Commitment, Result, Scorecard, Status
from gxcheck.render.common import (
    ORDER,
    ReportOptions,
    actual_text_lang,
    heading,
    own_period,
    period_text,
    ratio_percent,
    stamp_of,
)
from gxcheck.render.words import reason

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell

BODY, TABLE, HEADING, LATIN = "仿宋", "宋体", "黑体", "Times New Roman"
COLUMNS_ZH = ("序号", "目标任务", "目标值", "完成值", "完成率", "完成情况", "说明")
COLUMNS_EN = ("No.", "target", "goal", "actual", "ratio", "status", "notes")
WIDTHS_CM = (1.2, 3.2, 2.1, 1.8, 1.5, 1.9, 3.9)  # 15.6 cm: A4 less GB/T 9704's margins


def scorecard(card: Scorecard, options: ReportOptions) -> bytes:
    """The document's bytes."""
    from docx import Document as new_document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    lang = options.lang
    zh = lang == "zh"
    doc = new_document()
    _page(doc)
    _styles(doc)
    plan = card.catalogue.plan
    made = stamp_of(card, options)
    props = doc.core_properties
    props.title = plan.title.get(lang) + ("目标任务完成情况" if zh else ": review of targets")
    props.author = props.last_modified_by = "gxcheck"
    props.created = props.modified = made.generated_at
    props.revision = 1

    for line, size in ((plan.title.get(lang), 18), ("目标任务完成情况" if zh else "Review of targets", 22)):
        title = doc.add_paragraph(style="Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(title.add_run(line), HEADING, size, bold=True)
    meta = doc.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    period = period_text(card.period, lang, plan) if plan.is_multi_year else card.period.label(lang)
    fresh, day = made.data_text(lang), made.made_on
    when = f"（{period}　{fresh}　制表日期：{day}）" if zh else f"({period}; {fresh}; made on {day})"
    _font(meta.add_run(when), BODY, 14)
    doc.add_paragraph(_verdict_sentence(card, lang))
    for area, results in card.by_area():
        doc.add_paragraph(heading(area, card, lang), style="Heading 1")
        _table(doc, results, card, lang)
        first = True
        for number, result in enumerate(results, start=1):
            if result.target.note:
                para = doc.add_paragraph(style="Table Note")
                if first:
                    para.paragraph_format.space_before = Pt(4)
                    first = False
                para.add_run(f"注 {number}：" if zh else f"Note {number}: ")
                para.add_run(result.target.note.get(lang))
    tail = doc.add_paragraph(style="Table Note")
    tail.add_run(("目标文件：" if zh else "Targets file: ") + card.catalogue.path)
    if card.skipped_unknown:
        tail.add_run(
            f"；跳过 {card.skipped_unknown} 行未知指标（--ignore-unknown）"
            if zh
            else f"; skipped {card.skipped_unknown} rows with unknown ids (--ignore-unknown)"
        )
    tail.paragraph_format.space_before = Pt(12)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _verdict_sentence(card: Scorecard, lang: str) -> str:
    """``截至2024年前三季度，66项目标中：完成2项、…。确保类目标未完成：项目开工入统。``"""
    counts = card.tally()
    total = len(card.results)
    zh = lang == "zh"
    period = card.period.label(lang)
    ensured = [
        r.target.name.get(lang)
        for r in card.results
        if r.status is Status.MISSED and r.target.commitment is Commitment.ENSURE
    ]
    if zh:
        parts = "、".join(f"{status_word(s, 'zh')}{counts[s]}项" for s in ORDER if counts[s])
        if card.period.year < card.catalogue.plan.year and card.period.is_full_year:
            when = f"截至{card.period.year}年末"  # a multi-year plan's mid-term review
        else:
            when = period if card.period.is_full_year else f"截至{period}"
        text = f"{when}，{total}项目标中：{parts}。"
        if ensured:
            text += f"确保类目标未完成{len(ensured)}项：{'、'.join(ensured)}。"
        return text
    parts = ", ".join(f"{counts[s]} {status_word(s, 'en')}" for s in ORDER if counts[s])
    text = f"{period[:1].upper()}{period[1:]}: of {total} targets, {parts}."
    if ensured:
        text += f" Firm commitments (确保) missed: {'; '.join(ensured)}."
    return text


def _table(doc: Document, results: list[Result], card: Scorecard, lang: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    columns = COLUMNS_ZH if lang == "zh" else COLUMNS_EN
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _row_flag(header, "w:tblHeader")  # repeated at the top of every page the table runs onto
    for cell, name in zip(header.cells, columns, strict=True):
        _text(cell, name, bold=True)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a page's foot
        _shade(cell, "D9E1F2")
    for number, result in enumerate(results, start=1):
        row = table.add_row()
        _row_flag(row, "w:cantSplit")  # a target's row stays on one page
        cells = row.cells
        for cell, text in zip(cells, _row(number, result, card, lang), strict=True):
            _text(cell, text)
        fill, _ = STATUS_COLOURS[result.status]
        _shade(cells[5], fill)
        for centred in (cells[0], cells[4], cells[5]):
            centred.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fixed_layout(table)
    for column, width in zip(table.columns, WIDTHS_CM, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice and WPS follow
    for row in table.rows:
        for cell, width in zip(row.cells, WIDTHS_CM, strict=True):
            cell.width = Cm(width)  # and each cell, which Word follows


def _row(number: int, result: Result, card: Scorecard, lang: str) -> list[str]:
    t, actual = result.target, result.actual
    word = commitment_word(t.commitment, lang)
    name = f"【{word}】{t.name.get(lang)}" if word and lang == "zh" else t.name.get(lang)
    if word and lang != "zh":
        name = f"[{word}] {name}"
    shown = actual_text_lang(result, lang)
    older = own_period(result, card, lang)
    if older:
        shown = f"{shown}（{older}）" if lang == "zh" else f"{shown} ({older})"
    why = reason(result).get(lang)
    if actual is not None and actual.source:
        why += ("\n来源：" if lang == "zh" else "\nSource: ") + actual.source
    return [
        str(number),
        name,
        fmt.target_wording(t, lang),
        shown,
        ratio_percent(result),
        status_word(result.status, lang),
        why,
    ]


def _page(doc: Document) -> None:
    """A4, GB/T 9704's margins, and the page number centred in the footer (— 1 —)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(footer.add_run("— "), BODY, 14)
    _page_field(footer.add_run())
    _font(footer.add_run(" —"), BODY, 14)


def _page_field(run: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _font(run, BODY, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _styles(doc: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, BODY, 14)
    normal.paragraph_format.first_line_indent = Pt(28)  # two characters, as official text
    normal.paragraph_format.line_spacing = 1.25
    title = styles["Title"]
    _font(title, HEADING, 22, bold=True)
    title.paragraph_format.first_line_indent = Pt(0)
    _no_border(title)
    heading1 = styles["Heading 1"]
    _font(heading1, HEADING, 16, bold=False)
    heading1.font.color.rgb = RGBColor(0, 0, 0)
    heading1.paragraph_format.first_line_indent = Pt(0)
    heading1.paragraph_format.space_before = Pt(12)
    heading1.paragraph_format.space_after = Pt(6)
    for name, font, after in (("Table Text", TABLE, 0), ("Table Note", BODY, 2)):  # single-spaced, 五号
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, font, 10.5)
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        style.paragraph_format.space_after = Pt(after)


def _font(target: Any, east_asian: str, size: float, *, bold: bool | None = None) -> None:
    """Name the font for Chinese (w:eastAsia) and Latin text alike, dropping the template's
    theme fonts, which would otherwise win over the names."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = target.font
    font.name = LATIN
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if hasattr(target, "type"):  # a style: its text is black, not the template's theme colour
        font.color.rgb = RGBColor(0, 0, 0)
    element = target.element if hasattr(target, "element") else target._element
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


def _no_border(style: Any) -> None:
    """The template's Title has a rule under it; an official title has none."""
    from docx.oxml.ns import qn

    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _text(cell: _Cell, text: str, *, bold: bool = False) -> None:
    """The cell's text in the table style; a line break in ``text`` starts a new paragraph."""
    lines = text.split("\n")
    first = cell.paragraphs[0]
    first.style = "Table Text"
    first.add_run(lines[0]).bold = bold or None
    for line in lines[1:]:
        cell.add_paragraph(line, style="Table Text")


def _shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _fixed_layout(table: Any) -> None:
    """Column widths as given, not stretched to the text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _row_flag(row: Any, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
