"""Every report says when it was made and the latest period its figures cover (issue #15):
``数据截至2024年前三季度 · 生成于2026-12-01``, in the form that suits each format, from one place
(:func:`gxcheck.render.common.stamp_of`)."""

from __future__ import annotations

import datetime as dt
import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck import load_actuals, score
from gxcheck.cli import app
from gxcheck.model import Scorecard
from gxcheck.periods import Period
from gxcheck.render import Format, csv_report, json_report, junit, markdown, terminal
from gxcheck.render.common import ReportOptions, Stamp, stamp, stamp_of
from gxcheck.targets import load_targets

runner = CliRunner()
EPOCH = "1796112000"  # 2026-12-01T08:00:00Z
UTC = dt.timezone.utc
# Figures to the end of September, scored for the whole year: the card is of 2024, its
# figures only go as far as 前三季度, and the stamp says so.
FIGURES = "id,period,value\ngdp_growth,2024-Q3,7.6\nhigh_tech_enterprises,2024-06,470\n"
STAMP = {
    "zh": "数据截至2024年前三季度 · 生成于2026-12-01",
    "en": "figures to 2024 Q1–Q3 · made 2026-12-01",
}
LANGS = pytest.mark.parametrize("lang", ["zh", "en"])


@pytest.fixture
def figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q3.csv").write_text(FIGURES, encoding="utf-8")
    return tmp_path


def run(lang: str, *args: str) -> str:
    """``gxcheck score q3.csv --as-of 2024`` in ``lang`` on an 80-column terminal: its stdout."""
    result = runner.invoke(
        app,
        ["score", "q3.csv", "--as-of", "2024", "--fail-on", "never", "--lang", lang, *args],
        env={"COLUMNS": "80"},
    )
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def no_figures() -> Scorecard:
    """A card with no figure at all (the library allows it; the CLI refuses it)."""
    return score(load_targets(), [])


# -- the one function -------------------------------------------------------------------------


def test_the_stamp_is_the_latest_figure_and_the_time_in_utc(card_2024: Scorecard) -> None:
    made = stamp_of(card_2024, ReportOptions(run_at="2026-12-01T08:00:00"))
    assert made == Stamp(Period(2024), dt.datetime(2026, 12, 1, 8, tzinfo=UTC))
    assert (made.generated_iso, made.generated_utc, made.made_on) == (
        "2026-12-01T08:00:00+00:00",
        "2026-12-01T08:00:00",
        "2026-12-01",
    )
    assert made.text("zh") == "数据截至2024年全年 · 生成于2026-12-01"
    assert made.text("en") == "figures to full year 2024 · made 2026-12-01"
    assert stamp(card_2024, ReportOptions("en", run_at="2026-12-01T08:00:00")) == made.text("en")


def test_a_time_with_an_offset_is_given_in_utc(card_2024: Scorecard) -> None:
    """08:00 in Chongqing on 2 December is 1 December in UTC: the day is UTC's, as the CLI's."""
    made = stamp_of(card_2024, ReportOptions(run_at="2026-12-02T01:30:00.250+08:00"))
    assert (made.generated_iso, made.made_on) == ("2026-12-01T17:30:00+00:00", "2026-12-01")


def test_the_latest_period_is_the_latest_of_any_figure(figures: Path) -> None:
    """Not the card's period (2024) but the newest figure's: 前三季度, not 上半年."""
    catalogue = load_targets()
    loaded = load_actuals(figures / "q3.csv", catalogue)
    card = score(catalogue, loaded.actuals, as_of=Period(2024))
    assert (card.period, stamp_of(card, ReportOptions()).data_as_of) == (Period(2024), Period(2024, 9))


@LANGS
def test_with_no_figure_there_is_nothing_to_be_fresh_about(lang: str) -> None:
    card, options = no_figures(), ReportOptions(lang, run_at="2026-12-01T08:00:00")
    wanted = {"zh": "尚无数据 · 生成于2026-12-01", "en": "no figures yet · made 2026-12-01"}[lang]
    assert stamp_of(card, options).data_as_of is None
    assert wanted in terminal.to_text(terminal.scorecard(card, options), 80).splitlines()
    assert f" · {wanted}\n" in markdown.scorecard(card, options)
    doc = json.loads(json_report.scorecard(card, options))
    assert (doc["generated_at"], doc["data_as_of"]) == ("2026-12-01T08:00:00+00:00", None)
    rows = csv_report.scorecard(card, options).splitlines()
    assert len(rows) == 69
    assert all(row.endswith(",,2026-12-01T08:00:00+00:00") for row in rows[1:])
    suites = ET.fromstring(junit.scorecard(card, options)).findall("testsuite")
    assert [p.get("name") for p in suites[0].iter("property") if p.get("name") == "data_as_of"] == []
    assert {s.findtext("system-out", "").splitlines()[-1] for s in suites} == {wanted}


# -- each format ------------------------------------------------------------------------------

TESTED = {
    Format.TABLE,
    Format.MARKDOWN,
    Format.JSON,
    Format.JUNIT,
    Format.GITHUB,
    Format.HTML,
    Format.SVG,
    Format.CSV,
    Format.XLSX,
    Format.DOCX,
}


def test_every_format_is_tested_here() -> None:
    """A new format must say when it was made too: add it to the tests below."""
    assert set(Format) == TESTED


@LANGS
def test_the_table_says_it_under_the_title(figures: Path, lang: str) -> None:
    lines = run(lang).splitlines()
    period = "2024年全年" if lang == "zh" else "full year 2024"
    assert lines[1:4] == [f"{period} · <bundled 2024.yaml>", STAMP[lang], ""]
    assert lines.count(STAMP[lang]) == 1
    assert all(len(line) <= 80 and line == line.rstrip() for line in lines)


@LANGS
def test_quiet_prints_the_verdict_line_only(figures: Path, lang: str) -> None:
    out = run(lang, "--quiet")
    assert out.count("\n") == 1 and out.startswith("结论：" if lang == "zh" else "Verdict: ")


def test_json_gives_both_as_fields(figures: Path) -> None:
    doc = json.loads(run("zh", "-f", "json"))
    assert doc["generated_at"] == "2026-12-01T08:00:00+00:00"
    assert doc["data_as_of"] == {
        "id": "2024-09",
        "end": "2024-09-30",
        "label": {"zh": "2024年前三季度", "en": "2024 Q1–Q3"},
    }
    assert doc["period"]["id"] == "2024"
    keys = list(doc)
    assert keys[keys.index("gxcheck") + 1] == "generated_at"
    assert keys[keys.index("period") + 1] == "data_as_of"
    assert json.loads(run("en", "-f", "json")) == doc  # JSON is the same in either language


@LANGS
def test_csv_gives_both_on_every_row(figures: Path, lang: str) -> None:
    rows = run(lang, "-f", "csv").lstrip("\ufeff").splitlines()
    assert rows[0].endswith(",source,note,data_as_of,generated_at")
    body = [row for row in rows[1:] if row]
    label = "2024年前三季度" if lang == "zh" else "2024 Q1–Q3"
    assert len(body) == 68
    assert all(row.endswith(f",{label},2026-12-01T08:00:00+00:00") for row in body)


@LANGS
def test_markdown_says_it_beside_the_period(figures: Path, lang: str) -> None:
    wanted = (
        f"期间：2024年全年 · 目标文件：\\<bundled 2024.yaml\\> · {STAMP['zh']}"
        if lang == "zh"
        else f"Period: full year 2024 · targets: \\<bundled 2024.yaml\\> · {STAMP['en']}"
    )
    assert wanted in run(lang, "-f", "markdown").splitlines()


@LANGS
def test_html_says_it_under_the_title(figures: Path, lang: str) -> None:
    assert f'<p class="sub stamp">{STAMP[lang]}</p>' in run(lang, "-f", "html")


@LANGS
def test_github_titles_the_verdict_notice_with_it(figures: Path, lang: str) -> None:
    verdict = json.loads(run(lang, "-f", "json"))["verdict"][lang]
    lines = run(lang, "-f", "github").splitlines()
    assert lines[-1] == f"::notice title=gxcheck · {STAMP[lang]}::{verdict}"
    assert sum(STAMP[lang] in line for line in lines) == 1


@LANGS
def test_junit_gives_the_timestamp_a_property_and_the_line(figures: Path, lang: str) -> None:
    verdict = json.loads(run(lang, "-f", "json"))["verdict"][lang]
    suites = ET.fromstring(run(lang, "-f", "junit")).findall("testsuite")
    assert len(suites) == 8
    for suite in suites:
        assert suite.get("timestamp") == "2026-12-01T08:00:00"  # the Ant schema allows no offset
        props = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert (props["period"], props["data_as_of"]) == ("2024", "2024-09")
        assert suite.findtext("system-out") == f"{verdict}\n{STAMP[lang]}"


@LANGS
def test_the_svg_shows_the_table_line(figures: Path, lang: str) -> None:
    picture = html.unescape(run(lang, "-f", "svg")).replace("\xa0", " ")
    assert f">{STAMP[lang]}</text>" in picture


@LANGS
def test_the_workbook_says_it_on_the_summary_sheet(figures: Path, lang: str) -> None:
    from openpyxl import load_workbook

    assert run(lang, "-f", "xlsx", "-o", "card.xlsx") == ""
    book = load_workbook("card.xlsx")
    summary = book.worksheets[0]
    assert [summary.cell(row, 1).value for row in range(1, 7)][3:] == [
        ("目标文件：" if lang == "zh" else "Targets: ") + "<bundled 2024.yaml>",
        STAMP[lang],
        None,
    ]
    assert summary.cell(7, 1).value == ("领域" if lang == "zh" else "area")  # the tallies, one row down
    assert book.properties.created == dt.datetime(2026, 12, 1, 8, 0)


@LANGS
def test_the_word_review_says_it_with_the_period(figures: Path, lang: str) -> None:
    import docx

    assert run(lang, "-f", "docx", "-o", "review.docx") == ""
    document = docx.Document("review.docx")
    wanted = (
        "（2024年全年　数据截至2024年前三季度　制表日期：2026-12-01）"
        if lang == "zh"
        else "(full year 2024; figures to 2024 Q1–Q3; made on 2026-12-01)"
    )
    assert document.paragraphs[2].text == wanted
    made = document.core_properties.created
    assert made is not None and made.replace(tzinfo=None) == dt.datetime(2026, 12, 1, 8, 0)


# -- the clock --------------------------------------------------------------------------------


def test_without_source_date_epoch_it_is_now_in_utc(figures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(UTC).replace(microsecond=0)
    made = dt.datetime.fromisoformat(json.loads(run("zh", "-f", "json"))["generated_at"])
    after = dt.datetime.now(UTC)
    assert made.utcoffset() == dt.timedelta(0)
    assert before <= made <= after


@pytest.mark.parametrize("epoch", ["soon", "-1", "1.5", "9" * 13])
def test_an_unusable_source_date_epoch_is_one_line(
    figures: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = runner.invoke(app, ["score", "q3.csv", "-f", "json", "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"gxcheck: SOURCE_DATE_EPOCH={epoch!r} is not a time: give whole seconds since "
        "1970-01-01 UTC (e.g. 1733011200), or unset it\n"
    )


def test_the_bundled_readme_date_is_the_issues_example() -> None:
    from test_docs import README_EPOCH, README_RUN_AT

    assert dt.datetime.fromtimestamp(int(README_EPOCH), UTC).replace(tzinfo=None).isoformat() == README_RUN_AT
    assert (ROOT / "README.md").read_text(encoding="utf-8").count("生成于2026-12-01") >= 2
