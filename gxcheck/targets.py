"""Load and validate a targets file (``targets/2024.yaml``) into a :class:`Catalogue`, and the
catalogues bundled with gxcheck (package data under ``gxcheck/data/``).

Every problem is collected and reported at once, each located as
``FILE:LINE: target "ID": what is wrong (what is allowed)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gxcheck import schema, targets_span
from gxcheck.errors import InputError, Listing, Message, Problem, listing, msg
from gxcheck.files import may_exist, read_text
from gxcheck.model import Area, Catalogue, Commitment, Curve, Exclusion, Kind, Op, Plan, Target, Text
from gxcheck.record import replace
from gxcheck.scales import normalise_label
from gxcheck.textsafe import visible
from gxcheck.yamlsafe import LineDict, LineList, parse

if TYPE_CHECKING:
    from importlib.abc import Traversable

_ID_RE = re.compile(schema.ID_PATTERN)
DEFAULT_NEAR_FRACTION = Decimal("0.1")
MAX_PROBLEMS = 200  # as many as the CSV reader reports
_VALUES: dict[Any, list[str]] = {e: [m.value for m in e] for e in (Kind, Op, Commitment, Curve)}
# A ceiling is the most allowed, a rank counts 1 as best: "more is better" contradicts either.
_LESS_IS_BETTER = {Kind.CEILING: (Op.LE, Op.LT), Kind.RANK: (Op.LE, Op.LT, Op.EQ)}
Within = Callable[[Message], Message]  # where a message stands: msg("targets.for_target", …)


DEFAULT_BUNDLED = "2024"


def _data() -> Traversable:
    # Imported here: importlib.resources costs about 5 ms (tempfile, shutil) that a run with
    # its own targets file need not pay.
    from importlib import resources

    return resources.files("gxcheck.data")


def bundled_catalogues() -> tuple[str, ...]:
    """The names of the catalogues shipped with gxcheck (each ``gxcheck/data/NAME.yaml``)."""
    return tuple(sorted(f.name.removesuffix(".yaml") for f in _data().iterdir() if f.name.endswith(".yaml")))


def bundled_label(name: str = DEFAULT_BUNDLED) -> str:
    """How messages and reports name a bundled catalogue: not as a path, which would not exist
    in the user's directory (``<bundled 2024.yaml>``)."""
    return f"<bundled {name}.yaml>"


def _bundled_file(name: str) -> Traversable:
    names = bundled_catalogues()
    if name not in names:
        message = msg("targets.no_bundled", name=name, bundled=_allowed(names))
        raise InputError([Problem(bundled_label(name), None, message)])
    return _data().joinpath(f"{name}.yaml")


def bundled_targets_path(name: str = DEFAULT_BUNDLED) -> Path:
    """Where a bundled catalogue lies in the installed package (``2024``: the 2024 plan)."""
    return Path(str(_bundled_file(name)))


def load_bundled(name: str = DEFAULT_BUNDLED) -> Catalogue:
    """Read and validate a catalogue shipped with gxcheck, as package data (so a zipped
    install works too); it is labelled as bundled, not with a path. The parsed catalogue is
    kept in the user's cache (:mod:`gxcheck.cache`) for the next run."""
    from gxcheck import cache

    file, label = _bundled_file(name), bundled_label(name)
    data = file.read_bytes()
    hit = cache.load(data, label)
    if hit is not None:
        return hit
    catalogue = replace(parse_targets(file.read_text(encoding="utf-8"), label), bundled=True)
    cache.store(data, label, catalogue)
    return catalogue


def load_targets(path: str | Path | None = None) -> Catalogue:
    """Read and validate a targets file; the bundled 2024 catalogue by default, or a bundled
    catalogue named (``2023-2027``) where no file of that name exists."""
    if path is None:
        return load_bundled()
    if not may_exist(path) and Path(path).suffix not in (".yaml", ".yml"):
        names = bundled_catalogues()
        if str(path) in names:
            return load_bundled(str(path))  # a bundled plan by its name: --targets 2023-2027
        message = msg("targets.no_such_file", bundled=_allowed(names))
        raise InputError([Problem(str(path), None, message)])
    return parse_targets(read_text(Path(path), str(path)), str(path))


def parse_targets(text: str, file: str) -> Catalogue:
    """Validate the text of a targets file; ``file`` names it in messages."""
    file = visible(file)
    doc = parse(text, file)
    return _Validator(file).catalogue(doc)


def _allowed(values: Any) -> Listing:
    return listing(values)


# Ways people write an op that difflib would "correct" to the wrong one (=> is not >).
_OP_ALIASES = {"=>": ">=", "=<": "<=", "≥": ">=", "≤": "<=", "=": "==", "≈": "about", "~": "about"}


def _suggest(word: str, options: Any) -> str | None:
    """The option meant by ``word``, when one is close enough to say "did you mean"."""
    if word in _OP_ALIASES and _OP_ALIASES[word] in options:
        return _OP_ALIASES[word]
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def _is_number(value: Any) -> bool:
    """A finite int or float: NaN and infinity are not targets."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _decimal(value: int | float) -> Decimal:
    return Decimal(str(value))


def _top_level(message: Message) -> Message:
    return msg("targets.top_level", problem=message)


def _in_plan(message: Message) -> Message:
    return msg("targets.in_plan", problem=message)


def _in_area(message: Message) -> Message:
    return msg("targets.in_area", problem=message)


def _excluded(message: Message) -> Message:
    return msg("targets.excluded", problem=message)


def _outside(deadline: dt.date, first: int, last: int) -> Message:
    """A deadline outside the plan's year (or years): it falls within them."""
    if first == last:
        if deadline.year < first:
            return msg("targets.deadline_before_year", deadline=deadline, year=last)
        return msg("targets.deadline_after_year", deadline=deadline, year=last)
    if deadline.year < first:
        return msg("targets.deadline_before_years", deadline=deadline, first=first, last=last)
    return msg("targets.deadline_after_years", deadline=deadline, first=first, last=last)


class _Validator:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.area_lines: dict[str, int] = {}
        self.invalid_areas: set[str] = set()  # declared, but reported: targets may still name them

    def add(self, line: int | None, message: Message) -> None:
        if len(self.problems) >= MAX_PROBLEMS:  # a file of a million unknown keys: say so, stop
            stop = Problem(self.file, None, msg("targets.stopped", count=MAX_PROBLEMS))
            raise InputError([*sorted(self.problems, key=lambda p: p.line or 0), stop])
        self.problems.append(Problem(self.file, line, message))

    # -- the document ---------------------------------------------------------------

    def catalogue(self, doc: Any) -> Catalogue:
        if not isinstance(doc, LineDict):
            raise InputError(
                [
                    Problem(
                        self.file,
                        getattr(doc, "line", 1),
                        msg("targets.top_not_mapping"),
                    )
                ]
            )
        self.unknown_keys(doc, schema.TOP_PROPERTIES, _top_level)
        for key in ("version", "plan", "areas", "targets"):
            if key not in doc:
                self.add(doc.line, _top_level(msg("targets.missing_key", key=key)))
        if "version" in doc and doc["version"] != 1:
            self.add(doc.key_lines["version"], msg("targets.version", version=doc["version"]))
        near_fraction = DEFAULT_NEAR_FRACTION
        if "near_fraction" in doc:
            raw = doc["near_fraction"]
            if _is_number(raw) and 0 <= raw <= 1:
                near_fraction = _decimal(raw)
            else:
                self.add(doc.key_lines["near_fraction"], msg("targets.near_fraction", value=raw))
        plan = self.plan(doc.get("plan"), doc.key_lines.get("plan")) if "plan" in doc else None
        areas = self.areas(doc.get("areas"), doc.key_lines.get("areas")) if "areas" in doc else []
        targets = []
        if "targets" in doc:
            known = {a.id for a in areas} | self.invalid_areas
            targets = self.targets(doc["targets"], doc.key_lines["targets"], known)
        excluded = self.excluded(doc["excluded"], doc.key_lines["excluded"]) if "excluded" in doc else []
        if plan is not None:
            targets = targets_span.resolve_span(self.resolve_deadlines(targets, plan), plan, self.add)
        if self.problems or plan is None:
            # A missing plan is always reported above: it is a missing key or a bad value.
            raise InputError(sorted(self.problems, key=lambda p: p.line or 0))
        return Catalogue(plan, tuple(areas), tuple(targets), near_fraction, self.file, tuple(excluded))

    def unknown_keys(self, mapping: LineDict, allowed: Any, within: Within) -> None:
        for key in mapping:
            if key not in allowed:
                close = _suggest(key, allowed)
                message = (
                    msg("targets.unknown_key", key=key, allowed=_allowed(allowed))
                    if close is None
                    else msg("targets.unknown_key_close", key=key, close=close, allowed=_allowed(allowed))
                )
                self.add(mapping.key_lines[key], within(message))

    def text(self, value: Any, line: int | None, what: str, within: Within | None = None) -> Text | None:
        """Chinese text, or ``{zh, en}``; without English, English output shows the Chinese."""
        if isinstance(value, str) and value.strip():
            return Text(value.strip(), value.strip())
        if (
            isinstance(value, LineDict)
            and set(value) in ({"zh"}, {"zh", "en"})
            and all(isinstance(v, str) and v.strip() for v in value.values())
        ):
            zh = value["zh"].strip()
            return Text(zh, value.get("en", zh).strip())
        rule = msg("targets.text_rule", what=what)
        self.add(line, rule if within is None else within(rule))
        return None

    def plan(self, raw: Any, line: int | None) -> Plan | None:
        if not isinstance(raw, LineDict):
            self.add(line, msg("targets.plan_mapping"))
            return None
        self.unknown_keys(raw, schema.PLAN_PROPERTIES, _in_plan)
        missing = [k for k in schema.PLAN_REQUIRED if k not in raw]
        if missing:
            self.add(raw.line, _in_plan(msg("targets.missing", keys=listing(missing))))
            return None
        lines = raw.key_lines
        title = self.text(raw["title"], lines["title"], "plan.title")
        publisher = None
        if "publisher" in raw:
            publisher = self.text(raw["publisher"], lines["publisher"], "plan.publisher")
        published, url = raw["published"], raw.get("url")
        span = targets_span.plan_span(raw, self.add)
        ok = title is not None and (publisher is not None or "publisher" not in raw) and span is not None
        if not isinstance(published, dt.date):
            self.add(lines["published"], msg("targets.published_date", value=published))
            ok = False
        if "url" in raw and (not isinstance(url, str) or not url.strip()):
            self.add(lines["url"], msg("targets.plan_url"))
            ok = False
        if not ok or title is None or span is None:
            return None
        year, first_year, base_year = span
        url_text = url.strip() if isinstance(url, str) else None
        return Plan(title, year, published, publisher, url_text, first_year, base_year)

    def areas(self, raw: Any, line: int | None) -> list[Area]:
        if not isinstance(raw, LineList) or not raw:
            self.add(line, msg("targets.areas_list"))
            return []
        areas: list[Area] = []
        for item, item_line in zip(raw, raw.item_lines, strict=True):
            if not isinstance(item, LineDict):
                self.add(item_line, msg("targets.area_mapping"))
                continue
            self.unknown_keys(item, schema.AREA_PROPERTIES, _in_area)
            area_id, numbered = item.get("id"), item.get("numbered", True)
            if not isinstance(area_id, str) or not _ID_RE.fullmatch(area_id):
                self.add(item_line, msg("targets.area_id", id=area_id))
                continue
            if any(a.id == area_id for a in areas):
                self.add(item_line, msg("targets.area_twice", id=area_id))
                continue
            self.invalid_areas.add(area_id)  # until it proves valid
            title = {k: item[k] for k in ("zh", "en") if k in item}
            zh = item.get("zh")
            if not (isinstance(zh, str) and zh.strip()) or not all(
                isinstance(v, str) and v.strip() for v in title.values()
            ):
                self.add(item_line, msg("targets.for_area", id=area_id, problem=msg("targets.area_titles")))
                continue
            if not isinstance(numbered, bool):
                problem = msg("targets.area_numbered", value=numbered)
                self.add(item.key_lines["numbered"], msg("targets.for_area", id=area_id, problem=problem))
                continue
            en = title.get("en", zh)
            areas.append(Area(area_id, Text(zh.strip(), en.strip()), numbered))
            self.invalid_areas.discard(area_id)
            self.area_lines[area_id] = item_line
        return areas

    def excluded(self, raw: Any, line: int | None) -> list[Exclusion]:
        """Words of the plan with a number that are not a target, each with the reason."""
        if not isinstance(raw, LineList):
            self.add(line, msg("targets.excluded_list"))
            return []
        exclusions: list[Exclusion] = []
        seen: dict[str, int] = {}
        for item, item_line in zip(raw, raw.item_lines, strict=True):
            if not isinstance(item, LineDict):
                self.add(item_line, msg("targets.excluded_mapping"))
                continue
            self.unknown_keys(item, schema.EXCLUSION_PROPERTIES, _excluded)
            missing = [k for k in schema.EXCLUSION_PROPERTIES if k not in item]
            if missing:
                self.add(item_line, _excluded(msg("targets.missing", keys=listing(missing))))
                continue
            quote = item["quote"]
            if not isinstance(quote, str) or not quote.strip():
                self.add(item.key_lines["quote"], _excluded(msg("targets.excluded_quote")))
                continue
            reason = self.text(item["reason"], item.key_lines["reason"], "reason", _excluded)
            if reason is None:
                continue
            quote = quote.strip()
            if quote in seen:
                first = seen[quote]
                self.add(item_line, _excluded(msg("targets.excluded_twice", quote=quote, first=first)))
                continue
            seen[quote] = item_line
            exclusions.append(Exclusion(quote, reason, item_line))
        return exclusions

    def targets(self, raw: Any, line: int | None, area_ids: set[str]) -> list[Target]:
        if not isinstance(raw, LineList) or not raw:
            self.add(line, msg("targets.targets_list"))
            return []
        seen: dict[str, int] = {}
        targets: list[Target] = []
        for item, item_line in zip(raw, raw.item_lines, strict=True):
            if not isinstance(item, LineDict):
                self.add(item_line, msg("targets.target_mapping"))
                continue
            target = _TargetChecker(self, item, area_ids).check()
            if target is None:
                continue
            if target.id in seen:
                problem = msg("targets.duplicate_id", first=seen[target.id])
                self.add(item_line, msg("targets.for_target", id=target.id, problem=problem))
                continue
            seen[target.id] = item_line
            targets.append(target)
        # An area counts as used by any target that names it, valid or not.
        used = {
            item.get("area")
            for item in raw
            if isinstance(item, LineDict) and isinstance(item.get("area"), str)
        }
        for area_id in sorted(area_ids - used - self.invalid_areas):
            self.add(self.area_lines.get(area_id, line), msg("targets.area_no_targets", id=area_id))
        return targets

    def resolve_deadlines(self, targets: list[Target], plan: Plan) -> list[Target]:
        """A milestone without a deadline is due at the end of the plan's year (its horizon's)."""
        resolved = []
        first = plan.first_year or plan.year
        for t in targets:
            if t.deadline is not None and not first <= t.deadline.year <= plan.year:
                self.add(
                    t.line, msg("targets.for_target", id=t.id, problem=_outside(t.deadline, first, plan.year))
                )
            if t.kind is Kind.MILESTONE and t.deadline is None:
                t = replace(t, deadline=dt.date(t.horizon or plan.year, 12, 31))
            resolved.append(t)
        return resolved


class _TargetChecker:
    """Checks one target mapping; records problems on the validator."""

    def __init__(self, validator: _Validator, raw: LineDict, area_ids: set[str]) -> None:
        self.v = validator
        self.raw = raw
        self.area_ids = area_ids
        raw_id = raw.get("id")
        self.id = raw_id if isinstance(raw_id, str) and raw_id else "?"
        self.ok = True

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.raw.key_lines:
            return self.raw.key_lines[key]
        return self.raw.line

    def within(self, message: Message) -> Message:
        """``target "ID": message``."""
        return msg("targets.for_target", id=self.id, problem=message)

    def bad(self, key: str | None, message: Message) -> None:
        self.v.add(self.line(key), self.within(message))
        self.ok = False

    def choice(self, key: str, enum: Any) -> Any:
        raw = self.raw.get(key)
        allowed = _VALUES[enum]
        if raw is None or raw == "":
            self.bad(key, msg("targets.choice_empty", key=key, allowed=_allowed(allowed)))
            return None
        if raw not in allowed:
            close = _suggest(str(raw), allowed)
            self.bad(
                key,
                msg("targets.unknown_choice", key=key, value=raw, allowed=_allowed(allowed))
                if close is None
                else msg(
                    "targets.unknown_choice_close", key=key, value=raw, close=close, allowed=_allowed(allowed)
                ),
            )
            return None
        return enum(raw)

    def number(self, key: str) -> Decimal | None:
        raw = self.raw.get(key)
        if raw is None:
            return None
        if not _is_number(raw) or raw != raw or raw in (float("inf"), float("-inf")):
            self.bad(key, msg("targets.not_number", key=key, value=raw))
            return None
        return _decimal(raw)

    def check(self) -> Target | None:
        raw = self.raw
        self.v.unknown_keys(raw, schema.TARGET_PROPERTIES, self.within)
        missing = [
            k for k in schema.TARGET_REQUIRED if k not in raw and not (k == "value" and "times" in raw)
        ]
        if missing:
            required = _allowed(schema.TARGET_REQUIRED)
            self.bad(None, msg("targets.missing_required", keys=listing(missing), required=required))
            return None
        if not isinstance(raw["id"], str) or not _ID_RE.fullmatch(raw["id"]):
            self.bad("id", msg("targets.bad_id", id=raw["id"]))
        area = raw["area"]
        # With no usable area at all, the areas block is reported: naming each target adds nothing.
        if self.area_ids and (not isinstance(area, str) or area not in self.area_ids):
            close, allowed = _suggest(str(area), self.area_ids), _allowed(sorted(self.area_ids))
            self.bad(
                "area",
                msg("targets.unknown_area", area=area, allowed=allowed)
                if close is None
                else msg("targets.unknown_area_close", area=area, close=close, allowed=allowed),
            )
        name = self.v.text(raw["name"], self.line("name"), "name", self.within)
        if name is None:
            self.ok = False
        kind: Kind | None = self.choice("kind", Kind)
        op: Op | None = self.choice("op", Op)
        commitment: Commitment | None = self.choice("commitment", Commitment)
        unit, quote = raw["unit"], raw["quote"]
        if not isinstance(unit, str):
            self.bad("unit", msg("targets.unit_text", value=unit))
        unit_en = raw.get("unit_en")
        if unit_en is not None and not isinstance(unit_en, str):
            self.bad("unit_en", msg("targets.unit_en_text", value=unit_en))
        if not isinstance(quote, str):
            self.bad("quote", msg("targets.quote_text", value=quote))
        elif not quote.strip():
            self.bad("quote", msg("targets.quote_empty"))
        tolerance = self.number("tolerance")
        if tolerance is not None and tolerance <= 0:
            self.bad("tolerance", msg("targets.tolerance_positive", value=tolerance))
        near_band = self.number("near_band")
        if near_band is not None and near_band < 0:
            self.bad("near_band", msg("targets.near_band_negative", value=near_band))
        note = self.note()
        scale = self.scale()
        deadline = raw.get("deadline")
        if deadline is not None and (not isinstance(deadline, dt.date) or isinstance(deadline, dt.datetime)):
            self.bad("deadline", msg("targets.deadline_date", value=deadline))
        horizon, baseline_year = self.year("horizon"), self.year("baseline_year")
        curve: Curve | None = self.choice("path", Curve) if "path" in raw else None
        times = self.number("times")
        if kind is None or op is None:
            return None
        value, baseline = self.semantics(kind, op, scale, tolerance, deadline)
        bad = self.bad
        value = targets_span.multiple(kind, op, times, value, baseline, "value" in self.raw, bad)
        targets_span.check_curve(kind, curve, value, baseline, bad)
        if not self.ok or name is None or commitment is None or value is None:
            return None
        return Target(
            id=raw["id"],
            area=area,
            name=name,
            kind=kind,
            op=op,
            value=value,
            unit=unit.strip(),
            commitment=commitment,
            quote=quote.strip(),
            tolerance=tolerance,
            baseline=baseline,
            scale=scale,
            deadline=deadline,
            near_band=near_band,
            note=note,
            line=self.raw.line,
            horizon=horizon,
            baseline_year=baseline_year,
            curve=curve,
            times=times,
            unit_en=unit_en.strip() if isinstance(unit_en, str) else None,
        )

    def year(self, key: str) -> int | None:
        raw = self.raw.get(key)
        if raw is None:
            return None
        if not isinstance(raw, int) or isinstance(raw, bool) or not 1949 <= raw <= 2100:
            self.bad(key, msg("targets.year", key=key, value=raw))
            return None
        return raw

    def note(self) -> Text | None:
        """A note in both languages, or one text for both."""
        raw = self.raw.get("note")
        if raw is None:
            return None
        if isinstance(raw, str) and raw.strip():
            return Text(raw.strip(), raw.strip())
        if isinstance(raw, LineDict):
            text = self.v.text(raw, self.line("note"), "note", self.within)
            self.ok = self.ok and text is not None
            return text
        self.bad("note", msg("targets.note_text"))
        return None

    def scale(self) -> tuple[str, ...] | None:
        raw = self.raw.get("scale")
        if raw is None:
            return None
        if not isinstance(raw, LineList) or len(raw) < 2 or not all(isinstance(s, str) and s for s in raw):
            self.bad("scale", msg("targets.scale_list"))
            return None
        labels = tuple(s.strip() for s in raw)
        if len({normalise_label(s) for s in labels}) != len(labels):
            self.bad("scale", msg("targets.scale_twice"))
            return None
        return labels

    def semantics(
        self, kind: Kind, op: Op, scale: tuple[str, ...] | None, tolerance: Decimal | None, deadline: Any
    ) -> tuple[Decimal | str | bool | None, Decimal | str | None]:
        """Check that value, op, kind and the optional keys fit together."""
        raw_value: Any = self.raw.get("value")
        raw_baseline = self.raw.get("baseline")
        if (op is Op.ABOUT) != (tolerance is not None):
            self.bad(
                "tolerance" if tolerance is not None else "op",
                msg("targets.about_needs_tolerance")
                if op is Op.ABOUT
                else msg("targets.tolerance_only_about", op=op.value),
            )
        if (kind is Kind.ORDINAL) != (scale is not None):
            self.bad(
                "scale" if scale is not None else "kind",
                msg("targets.ordinal_needs_scale")
                if kind is Kind.ORDINAL
                else msg("targets.scale_only_ordinal", kind=kind.value),
            )
        if (kind is Kind.MILESTONE) != (op is Op.DONE):
            self.bad("op", msg("targets.milestone_done", kind=kind.value, op=op.value))
        if kind in _LESS_IS_BETTER and op not in _LESS_IS_BETTER[kind]:
            self.bad(
                "op",
                msg("targets.ceiling_op", op=op.value)
                if kind is Kind.CEILING
                else msg("targets.rank_op", op=op.value),
            )
        if deadline is not None and kind is not Kind.MILESTONE:
            self.bad("deadline", msg("targets.deadline_only_milestone", kind=kind.value))
        if kind is Kind.MILESTONE:
            if raw_value is not True:
                self.bad("value", msg("targets.milestone_value", value=raw_value))
            if raw_baseline is not None:
                self.bad("baseline", msg("targets.milestone_baseline"))
            return True, None
        if kind is Kind.ORDINAL:
            if op not in (Op.LE, Op.LT, Op.EQ):
                self.bad("op", msg("targets.ordinal_op", op=op.value))
            return self.ordinal_value(raw_value, scale), self.ordinal_value(raw_baseline, scale, "baseline")
        if raw_value is None and "times" in self.raw:
            raw_value = 0  # the value comes from times × baseline (see multiple)
        elif not _is_number(raw_value):
            self.bad("value", msg("targets.value_number", value=raw_value, kind=kind.value))
            return None, None
        if op is Op.DONE:
            return None, None
        baseline = None
        if raw_baseline is not None:
            if _is_number(raw_baseline):
                baseline = _decimal(raw_baseline)
            else:
                self.bad("baseline", msg("targets.baseline_number", value=raw_baseline, kind=kind.value))
        return _decimal(raw_value), baseline

    def ordinal_value(self, raw: Any, scale: tuple[str, ...] | None, key: str = "value") -> str | None:
        if raw is None or scale is None:
            if key == "value" and raw is None:
                self.bad(key, msg("targets.value_missing"))
            return None
        wanted = normalise_label(str(raw))
        for label in scale:
            if normalise_label(label) == wanted:
                return label
        self.bad(key, msg("targets.not_on_scale", key=key, value=raw, scale=_allowed(scale)))
        return None
