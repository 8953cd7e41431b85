"""The HTML report: one self-contained page, a bullet chart per target, all text escaped,
checked as markup, against a golden file, and in a real headless browser."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import zlib
from decimal import Decimal as D
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import make_actual, make_catalogue, make_target, quantity
from test_golden import check_golden

from gxcheck import load_actuals, load_targets, score
from gxcheck.model import Bound, Kind, Op, Quantity, Scorecard, Status, Target, Text
from gxcheck.periods import Period
from gxcheck.record import replace
from gxcheck.render import html
from gxcheck.render.common import ReportOptions

CHROMIUM = Path("/usr/bin/chromium")
BULLET = '<svg class="bullet"'


@pytest.fixture(scope="module")
def page_2024(card_2024: Scorecard) -> str:
    return html.scorecard(card_2024, ReportOptions())


@pytest.fixture(scope="module")
def page_all(card_2024: Scorecard) -> str:
    """``--all``: every target as a full row, no-data ones too."""
    return html.scorecard(card_2024, ReportOptions(all_rows=True))


ALL = ReportOptions(all_rows=True)


class Markup(HTMLParser):
    """Every start tag with its attributes, and the text content, as a browser would parse them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str]]:
        return [attrs for t, attrs in self.tags if t == tag]


def test_golden_page(page_2024: str) -> None:
    check_golden("score-2024.html", page_2024)


def test_the_page_is_self_contained(page_2024: str) -> None:
    markup = Markup(page_2024)
    names = {tag for tag, _ in markup.tags}
    assert not names & {"link", "script", "img", "iframe", "object", "embed", "base", "use", "image"}
    for tag, attrs in markup.tags:
        if tag == "a":  # a source's address, as a link a reader may follow; nothing is fetched
            assert set(attrs) == {"href", "rel"} and attrs["rel"] == "noopener noreferrer"
            assert re.fullmatch(r"https?://[^\s\"<>]+", attrs["href"]), attrs
            continue
        assert not {"src", "href", "xlink:href", "srcset", "action"} & set(attrs), tag
        for value in attrs.values():
            assert "//" not in value and "http" not in value.lower(), (tag, value)
    style = re.search(r"<style>(.*?)</style>", page_2024, re.S)
    assert style is not None and "@import" not in style.group(1) and "url(" not in style.group(1)
    assert set(re.findall(r"url\(([^)]*)\)", page_2024)) <= {f"#{p}" for p in _pattern_ids(markup)}
    # Each source's URL is a link whose text is the address itself, so it can be copied too.
    text = "".join(markup.text)
    links = [attrs["href"] for attrs in markup.named("a")]
    for scheme in ("https://", "http://"):
        in_links = sum(link.startswith(scheme) for link in links)
        assert page_2024.count(scheme) == text.count(scheme) + in_links and in_links > 0
    assert all(link in text for link in links) and len(links) == 11  # 10 sources and the plan's URL


def _pattern_ids(markup: Markup) -> set[str]:
    return {attrs["id"] for attrs in markup.named("pattern")}


def test_document_head(page_2024: str, card_2024: Scorecard) -> None:
    assert page_2024.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')
    assert f"<title>{card_2024.catalogue.plan.title.zh} — 目标完成情况</title>" in page_2024
    assert "@page { size: A4; margin: 15mm; }" in page_2024
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"' in page_2024
    english = html.scorecard(card_2024, ReportOptions("en"))
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f"<title>{html.esc(card_2024.catalogue.plan.title.en)} — targets scorecard</title>" in english
    assert "Verdict: </b>68 targets, 10 judged" in english


def test_one_bullet_chart_per_target(page_all: str, page_2024: str, card_2024: Scorecard) -> None:
    markup = Markup(page_all)
    bullets = [a for a in markup.named("svg") if a.get("class") == "bullet"]
    assert len(bullets) == page_all.count(BULLET) == len(card_2024.results) == 68
    assert len(markup.named("section")) == len(card_2024.by_area())
    # The top: the verdict line and one chip per status with its word and count.
    assert "结论：</b>68 项目标，已判定 10 项：完成 2 · 基本完成 2 · 未完成 6 · 无数据 58" in page_2024
    assert re.findall(r'<li class="s-([a-z-]+)">', page_2024) == [
        "met",
        "near",
        "missed",
        "pending",
        "no-data",
    ]
    assert "✘ 未完成<b>6</b>" in page_2024


def test_targets_with_no_figure_are_listed_by_name(page_2024: str, card_2024: Scorecard) -> None:
    """58 of 68 rows would say 无数据: each area lists them in one line, and the tally keeps them."""
    assert page_2024.count(BULLET) == 10  # the judged targets only
    lines = re.findall(r'<p class="nodata">([^<]*)</p>', page_2024)
    assert len(lines) == 7  # every headline target has a figure
    assert lines[0].startswith(
        "无数据 8 项：张江国家实验室重庆基地落地运行、广州国家实验室重庆基地落地运行、"
    )
    assert sum(int(line.split()[1]) for line in lines) == card_2024.tally()[Status.NO_DATA] == 58
    assert "⚪" not in page_2024 and "? 无数据<b>58</b>" in page_2024


def test_an_area_heading_stays_with_its_first_row(page_2024: str) -> None:
    """Printed on A4, a heading is never the last line of a page: it is kept with its first row."""
    assert ".keep { break-inside: avoid; page-break-inside: avoid; }" in page_2024
    sections = re.findall(r"<section>\n(.*?)</section>", page_2024, re.S)
    assert len(sections) == 8
    for section in sections:
        keep = re.match(
            r'<div class="keep"><h2>.*?</h2>\n(<div class="row head">.*?</div>\n<div class="row s-)?', section
        )
        assert keep is not None


def test_the_report_says_when_it_was_made_and_how_fresh_its_figures_are(card_2024: Scorecard) -> None:
    made = ReportOptions(run_at="2026-12-01T08:00:00")
    assert '<p class="sub stamp">数据截至2024年全年 · 生成于2026-12-01</p>' in html.scorecard(card_2024, made)
    english = html.scorecard(card_2024, replace(made, lang="en"))
    assert '<p class="sub stamp">figures to full year 2024 · made 2026-12-01</p>' in english


def test_rows_carry_status_quote_note_reason_and_source(page_2024: str) -> None:
    row = re.search(r'<div class="row s-near" id="t-gdp_growth">.*', page_2024)
    assert row is not None
    line = row.group()
    assert '<div class="st">≈ 基本完成</div>' in line
    assert "“力争GDP增长8%左右”" in line
    assert "“左右”按 ± 0.5 个百分点理解" in line
    assert "<summary>7.4 % &lt; 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）</summary>" in line
    assert "https://gxq.cq.gov.cn/zwgk_202/fdzdgknr/ghxinxi/gmjjhshfzgh/t_14648929_wap.html" in line
    reserve = re.search(r'id="t-reserve_projects">.*', page_2024)
    assert reserve is not None and "<polygon" in reserve.group()  # 超100: a bound, drawn as an arrow
    assert "<b>&gt;100 个</b>" in reserve.group()


def test_output_is_deterministic(card_2024: Scorecard) -> None:
    assert html.scorecard(card_2024, ReportOptions()) == html.scorecard(card_2024, ReportOptions())


def test_hostile_text_is_shown_as_text() -> None:
    hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)> \"q\" 'a'"
    target = replace(
        make_target("t1"),
        name=Text(hostile, hostile),
        quote=hostile,
        note=Text(f"\x1b[31m{hostile}\u202e", hostile),
    )
    milestone = replace(
        make_target("t2", kind=Kind.MILESTONE, op=Op.DONE, value=True), name=Text(hostile, hostile)
    )
    catalogue = make_catalogue(target, milestone)
    catalogue = replace(catalogue, plan=replace(catalogue.plan, title=Text(hostile, hostile)))
    actual = replace(make_actual("t1", 5), raw=hostile, source=hostile, note=hostile, file="<f>.csv")
    page = html.scorecard(score(catalogue, [actual]), ALL)
    markup = Markup(page)
    assert not {"script", "img"} & {tag for tag, _ in markup.tags}
    assert "<script>" not in page and "<img" not in page and "onerror=alert(2)>" not in page
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt; "
    assert escaped + "&quot;q&quot; &#x27;a&#x27;" in page
    assert hostile in "".join(markup.text)  # read back as the very text it was
    assert "\x1b" not in page and "\u202e" not in page and "\\x1b[31m" in page and "\\u202e" in page
    assert page.count(BULLET) == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_part_year_card_shows_the_elapsed_share(tmp_path: Path, lang: str) -> None:
    csv = tmp_path / "q3.csv"
    csv.write_text(
        "id,period,value\nelderly_care_beds,2024-H1,40\nhigh_tech_enterprises,2024年前三季度,520\n", "utf-8"
    )
    catalogue = load_targets()
    card = score(catalogue, load_actuals(str(csv), catalogue).actuals, as_of=Period(2024, 9))
    page = html.scorecard(card, ReportOptions(lang, all_rows=True))
    shown = "2024年前三季度 · 时间进度 75%" if lang == "zh" else "2024 Q1–Q3 · 75% of the year"
    assert shown in page
    beds = re.search(r'<div class="row s-behind" id="t-elderly_care_beds">.*', page)
    assert beds is not None and ("上半年" if lang == "zh" else "H1") in beds.group()
    assert 'stroke-dasharray="3 2"' in beds.group()  # the expected-by-now line, at 50
    assert page.count(BULLET) == 68


def _numbers(page: str, attribute: str) -> list[float]:
    return [float(v) for v in re.findall(rf' {attribute}="(-?[0-9.]+)"', page)]


@pytest.mark.parametrize(
    ("target", "parsed"),
    [
        (make_target("ceiling", kind=Kind.CEILING, op=Op.LE, value=0, unit="起"), None),
        (make_target("ceiling", kind=Kind.CEILING, op=Op.LE, value=0, unit="起"), quantity(0)),
        (make_target("ceiling", kind=Kind.CEILING, op=Op.LE, value=0, unit="起"), quantity(3)),
        (make_target("shrink", kind=Kind.GROWTH, op=Op.LE, value=0, unit="%"), quantity(-3.2)),
        (make_target("growth", kind=Kind.GROWTH, op=Op.GT, value=0, unit="%"), quantity(-4)),
        (make_target("fall", kind=Kind.GROWTH, op=Op.GE, value=-5, unit="%"), quantity(-5.5)),
        (make_target("bound", value=100), quantity(100, Bound.GT)),
        (make_target("below", value=100), quantity(5, Bound.LT)),
        (make_target("equal", op=Op.EQ, value=10), quantity(11)),
        (make_target("about", op=Op.ABOUT, value=8, tolerance=0.5, unit="%"), quantity(7.4)),
        (make_target("rank", kind=Kind.RANK, op=Op.LE, value=3, unit="位"), quantity(5)),
        (make_target("zero", value=0), quantity(0)),
    ],
)
def test_charts_stay_inside_their_box(target: Target, parsed: Quantity | None) -> None:
    actuals = [] if parsed is None else [make_actual(target.id, parsed)]
    page = html.scorecard(score(make_catalogue(target), actuals), ALL)
    chart = page[page.index(BULLET) :]
    chart = chart[: chart.index("</svg>")]
    assert "nan" not in chart and "inf" not in chart
    for attribute in ("x", "x1", "x2", "cx"):
        assert all(0 <= v <= html.W for v in _numbers(chart, attribute)), attribute
    assert all(0 <= v <= html.W for v in _numbers(chart, "width"))
    assert page.count(BULLET) == 1


def test_ordinal_and_milestone_charts() -> None:
    scale = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
    water = make_target("water", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", unit="类", scale=scale)
    done = make_target("done", kind=Kind.MILESTONE, op=Op.DONE, value=True)
    missed = make_target("missed", kind=Kind.MILESTONE, op=Op.DONE, value=True)
    actuals = [make_actual("water", "Ⅲ"), make_actual("done", True), make_actual("missed", False)]
    page = html.scorecard(score(make_catalogue(water, done, missed), actuals), ReportOptions())
    assert page.count(BULLET) == 3
    assert 'font-weight="bold">Ⅲ</text>' in page
    assert "✔ 完成</text>" in page and "✘ 未完成</text>" in page
    empty = html.scorecard(score(make_catalogue(water, done), []), ReportOptions("en", all_rows=True))
    assert empty.count(BULLET) == 2 and empty.count(">no data</text>") == 1 and "? no data</text>" in empty


def _png_rows(data: bytes, limit: int) -> tuple[int, list[bytes]]:
    """The first ``limit`` rows of an 8-bit RGB(A) PNG, unfiltered: a tiny reader, no Pillow."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        header, idat = (body, idat) if kind == b"IHDR" else (header, idat + body if kind == b"IDAT" else idat)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw, stride, rows = zlib.decompress(idat), width * bpp, []
    previous = bytearray(stride)
    for y in range(min(limit, height)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a, b = line[i - bpp] if i >= bpp else 0, previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            paeth = (
                a
                if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c)
                else b
                if abs(p - b) <= abs(p - c)
                else c
            )
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth)[kind]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return bpp, rows


def _chromium(
    page: Path, profile: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        page.as_uri(),
    ]
    environment = None if env is None else {**os.environ, **env}
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env=environment)


def test_a_real_browser_renders_the_page(tmp_path: Path, page_all: str, card_2024: Scorecard) -> None:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    page, shot = tmp_path / "score.html", tmp_path / "shot.png"
    page.write_text(page_all, encoding="utf-8")
    run = _chromium(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2400")
    assert shot.exists(), run.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 50_000  # a blank page is a few kB
    bpp, rows = _png_rows(data, 420)  # the header: title, verdict, tallies, the first charts
    colours = {row[i : i + 3] for row in rows for i in range(0, len(row), bpp)}
    assert len(colours) > 50
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in colours)  # the verdict's red border
    assert any(g > r + 40 and g > b + 20 for r, g, b in colours)  # the met chip's green
    dom = _chromium(page, tmp_path / "profile", "--dump-dom")
    assert dom.stdout.count(BULLET) == len(card_2024.results) == 68
    for output in (run.stderr, dom.stderr):
        problems = [line for line in output.splitlines() if "CONSOLE" in line or "Uncaught" in line]
        assert not problems, problems


def test_a_zero_target_has_no_ratio() -> None:
    """A target of zero has no 完成率, and nothing in its chart divides by zero."""
    zero = make_target("zero", value=0)
    page = html.scorecard(score(make_catalogue(zero), [make_actual("zero", 2)]), ReportOptions())
    assert page.count(BULLET) == 1 and "完成率" not in page.split("<main>")[1]


# Two different Chinese characters drawn in the report's own font stack: where no installed
# font has them, both come out as the same "missing glyph" box, and the page is unreadable
# although every check on its markup passes.
_GLYPH_PROBE = """<!doctype html><meta charset="utf-8"><body><script>
const canvas = document.createElement("canvas");
canvas.width = canvas.height = 64;
const ctx = canvas.getContext("2d");
function bitmap(ch) {
  ctx.clearRect(0, 0, 64, 64);
  ctx.font = "48px " + FONT_STACK;
  ctx.fillText(ch, 4, 52);
  return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
}
const a = bitmap("完"), b = bitmap("成"), blank = bitmap(" ");
document.body.textContent = "probe:" + (a === blank ? "blank" : a === b ? "boxes" : "glyphs");
</script>"""


def _glyph_probe(tmp_path: Path, env: dict[str, str] | None = None) -> str:
    probe = tmp_path / "probe.html"
    probe.write_text(_GLYPH_PROBE.replace("FONT_STACK", repr(html.FONT + ", sans-serif")), encoding="utf-8")
    dom = _chromium(probe, tmp_path / "probe-profile", "--dump-dom", env=env)
    found = re.search(r"probe:(\w+)", dom.stdout)
    assert found, dom.stderr
    return found.group(1)


def test_the_browser_draws_chinese_glyphs_not_boxes(tmp_path: Path) -> None:
    """Fails (it does not skip) on a machine whose browser has no CJK font: install fonts-noto-cjk."""
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    assert _glyph_probe(tmp_path) == "glyphs", "Chinese renders as boxes: no CJK font (fonts-noto-cjk)"


def test_the_glyph_probe_sees_boxes_without_a_cjk_font(tmp_path: Path) -> None:
    """The probe itself can fail: with fontconfig limited to a Latin-only font, it reports boxes."""
    latin = Path("/usr/share/fonts/truetype/dejavu")
    if not CHROMIUM.exists() or not latin.is_dir():
        pytest.skip("needs /usr/bin/chromium and the DejaVu fonts")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{latin}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    assert _glyph_probe(tmp_path, {"FONTCONFIG_FILE": str(config)}) != "glyphs"


def _chart_of(page: str, target_id: str) -> str:
    row = page[page.index(f'id="t-{target_id}"') :]
    chart = row[row.index(BULLET) :]
    return chart[: chart.index("</svg>")]


def _px(lo: float, hi: float, value: float) -> float:
    return html.PAD + (value - lo) / (hi - lo) * (html.W - 2 * html.PAD)


def test_a_small_gap_is_visible_on_a_growth_rate(page_2024: str, card_2024: Scorecard) -> None:
    """7.4 against a met zone from 7.5 was three pixels on a scale from zero: the scale starts near
    the figures, says where (5 起), and the actual is labelled on its bar."""
    lo, hi, origin = html.scale(Kind.GROWTH, [D("8"), D("7"), D("7.5"), D("7.4")], None)
    assert origin == D("6") and _px(lo, hi, 7.5) - _px(lo, hi, 7.4) >= 10
    gdp = _chart_of(page_2024, "gdp_growth")
    assert re.search(r'<text [^>]*fill="#59636e"[^>]*>\d+ 起</text>', gdp)
    assert re.search(r'paint-order="stroke" font-weight="bold">7\.4</text>', gdp)
    english = _chart_of(html.scorecard(card_2024, ReportOptions("en")), "gdp_growth")
    assert re.search(r">from \d+</text>", english)


@pytest.mark.parametrize(
    ("kind", "points", "baseline", "origin"),
    [
        (Kind.GROWTH, ["8", "7.2", "8", "2.5"], None, "0"),  # far apart: from zero
        (Kind.GROWTH, ["0", "-3.2"], None, "0"),  # around zero
        (Kind.INCREMENT, ["70", "63", "70", "50"], None, "0"),  # a count from zero stays from zero
        (Kind.LEVEL, ["3000", "2951.5", "3000", "2700"], "2515", "2400"),  # from near the baseline
        (Kind.LEVEL, ["3000", "2700"], None, "0"),  # no baseline: from zero
        (Kind.SHARE, ["80", "72", "80", "81"], None, "65"),
    ],
)
def test_where_the_scale_starts(kind: Kind, points: list[str], baseline: str | None, origin: str) -> None:
    lo, hi, start = html.scale(kind, [D(p) for p in points], D(baseline) if baseline else None)
    figures = [float(p) for p in points]
    assert start == D(origin) and lo <= min(figures) and hi >= max(figures)
