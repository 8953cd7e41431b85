"""Every message gxcheck words for a user, in English and in Chinese, in one place.

A message is raised as a key and its fields (:func:`gxcheck.errors.msg`) and worded here
when it is shown, in the language of ``--lang`` / ``GXCHECK_LANG``: Chinese by default,
English with ``--lang en``. The ``file:line:`` part in front of it is the same in both.

Each entry is ``key: (English, 中文)``; both are :meth:`str.format` templates with the same
fields and the same conversions (``{text!r}`` quotes and escapes what the user wrote, so a
control character in a hostile file is shown, not obeyed, in either language).
tests/test_messages.py checks that every entry has both, with the same fields, that every
key the code raises is here and that every key here is raised.

Conventions for the Chinese: full-width punctuation (，；：（）) around the text, ASCII
inside the fields and the options (``--lang``), and the same hint as the English: what is
wrong, then what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping

CATALOGUE: dict[str, tuple[str, str]] = {
    # ---- periods (gxcheck/periods.py) ----
    "periods.forms": (
        "e.g. {y}, {y}-Q3, {y}-H1, {y}-06, {y}年前三季度, {y}年上半年, {y}年1-6月",
        "如 {y}、{y}-Q3、{y}-H1、{y}-06、{y}年前三季度、{y}年上半年、{y}年1-6月",
    ),
    "periods.outside_year": (
        "period {text!r} is outside the plan's year {first}",
        "时期 {text!r} 不在计划年度 {first} 年内",
    ),
    "periods.outside_years": (
        "period {text!r} is outside the plan's years {first}–{last} (base year included)",
        "时期 {text!r} 不在计划的 {first}—{last} 年内（含基期年）",
    ),
    "periods.single_quarter": (
        "period {text!r} is a single quarter or half, but figures are cumulative from January "
        "(write {y}年上半年, {y}年前三季度 or {y}-Q3)",
        "时期 {text!r} 是单个季度或半年，而数据是自 1 月起的累计数"
        "（写作 {y}年上半年、{y}年前三季度或 {y}-Q3）",
    ),
    "periods.unreadable": (
        "period {text!r} is not a period gxcheck can read ({forms})",
        "时期 {text!r} 无法识别（{forms}）",
    ),
    "periods.no_such_month": (
        "period {text!r}: month {month} does not exist ({forms})",
        "时期 {text!r}：没有 {month} 月（{forms}）",
    ),
    "periods.single_month": (
        "period {text!r} is a single month, but figures are cumulative from January (write {y}年1-{month}月)",
        "时期 {text!r} 是单月，而数据是自 1 月起的累计数（写作 {y}年1-{month}月）",
    ),
    "periods.no_such_day": (
        "period {text!r}: day {day} does not exist in month {month}",
        "时期 {text!r}：{month} 月没有 {day} 日",
    ),
    "periods.not_month_end": (
        "period {text!r} is a date that is not a month's last day: a date is read as the end of a "
        "period from January ({y}-09-30 is January–September); write {y}-{mm}-{last} or {y}年{months}月",
        "时期 {text!r} 是一个日期，但不是月末：日期表示自 1 月起到该日为止的时期（{y}-09-30 即 1—9 月）；"
        "写作 {y}-{mm}-{last} 或 {y}年{months}月",
    ),
    # ---- end periods ----
    #
    # ---- targets file (gxcheck/targets.py, targets_span.py, yamlsafe.py, accounting.py) ----
    # Where a problem is: a target, an area, the plan, the top level, an excluded entry.
    "targets.for_target": ('target "{id}": {problem}', "目标 “{id}”：{problem}"),
    "targets.for_area": ('area "{id}": {problem}', "领域 “{id}”：{problem}"),
    "targets.in_area": ("area: {problem}", "领域：{problem}"),
    "targets.in_plan": ("plan: {problem}", "plan 部分：{problem}"),
    "targets.top_level": ("top level: {problem}", "顶层：{problem}"),
    "targets.excluded": ("excluded: {problem}", "excluded 条目：{problem}"),
    "targets.no_bundled": (
        'no bundled catalogue "{name}" (bundled: {bundled})',
        "没有内置目标文件 “{name}”（内置的有：{bundled}）",
    ),
    "targets.no_such_file": (
        "no such file, and no bundled plan of that name (bundled: {bundled})",
        "文件不存在，也没有同名的内置计划（内置的有：{bundled}）",
    ),
    "targets.stopped": (
        "stopped after {count} problems; fix these first",
        "发现 {count} 个问题后停止检查；请先改正这些问题",
    ),
    "targets.top_not_mapping": (
        "the top level must be a mapping with keys version, plan, areas, targets",
        "顶层须为映射，含键 version、plan、areas、targets",
    ),
    "targets.missing_key": ('missing key "{key}"', "缺少键 “{key}”"),
    "targets.missing": ("missing {keys}", "缺少 {keys}"),
    "targets.unknown_key": (
        'unknown key "{key}" (allowed: {allowed})',
        "未知的键 “{key}”（可用的键：{allowed}）",
    ),
    "targets.unknown_key_close": (
        'unknown key "{key}" (did you mean "{close}"? allowed: {allowed})',
        "未知的键 “{key}”（是否应为 “{close}”？可用的键：{allowed}）",
    ),
    "targets.version": (
        "version {version!r} is not supported (use 1)",
        "不支持 version {version!r}（应为 1）",
    ),
    "targets.near_fraction": (
        "near_fraction {value!r} must be a number from 0 to 1",
        "near_fraction {value!r} 须为 0 到 1 之间的数",
    ),
    "targets.text_rule": (
        "{what} must be non-empty text, or a mapping {{zh: 名称, en: Name}} "
        "(en may be left out: English output then shows the Chinese)",
        "{what} 须为非空文本，或映射 {{zh: 名称, en: Name}}（en 可省略，英文输出时显示中文）",
    ),
    "targets.plan_mapping": (
        "plan must be a mapping with title, year, published (optional: publisher, url)",
        "plan 须为映射，含 title、year、published（可选：publisher、url）",
    ),
    "targets.published_date": (
        "plan.published {value!r} must be a date YYYY-MM-DD",
        "plan.published {value!r} 须为日期 YYYY-MM-DD",
    ),
    "targets.plan_url": (
        "plan.url must be the address the plan was published at (or leave it out)",
        "plan.url 须为计划发布的网址（或省略）",
    ),
    "targets.plan_year": (
        "plan.{key} {value!r} must be a year such as 2024",
        "plan.{key} {value!r} 须为年份，如 2024",
    ),
    "targets.year_and_span": (
        "give year (an annual plan) or first_year and last_year (a multi-year plan), not both",
        "给出 year（年度计划）或 first_year 和 last_year（多年计划），不能同时给出",
    ),
    "targets.missing_span": (
        "missing year (an annual plan), or first_year and last_year (a multi-year plan)",
        "缺少 year（年度计划），或 first_year 和 last_year（多年计划）",
    ),
    "targets.last_year": (
        "plan.last_year {last} must be after first_year {first}",
        "plan.last_year {last} 须晚于 first_year {first}",
    ),
    "targets.base_year": (
        "plan.base_year {base} must be before first_year {first}",
        "plan.base_year {base} 须早于 first_year {first}",
    ),
    "targets.areas_list": (
        "areas must be a non-empty list of {{id, zh, en}}",
        "areas 须为非空列表，每项为 {{id, zh, en}}",
    ),
    "targets.area_mapping": ("each area must be a mapping {{id, zh, en}}", "每个领域须为映射 {{id, zh, en}}"),
    "targets.area_id": (
        "area id {id!r} must be snake_case ASCII (a-z, 0-9, _)",
        "领域 id {id!r} 须为 snake_case ASCII（a-z、0-9、_）",
    ),
    "targets.area_twice": ('area "{id}" is declared twice', "领域 “{id}” 重复声明"),
    "targets.area_titles": (
        "zh (and en, if given) titles must be non-empty text",
        "zh 名称（及给出的 en 名称）须为非空文本",
    ),
    "targets.area_numbered": (
        "numbered {value!r} must be true or false",
        "numbered {value!r} 须为 true 或 false",
    ),
    "targets.area_no_targets": (
        'area "{id}" has no targets (declare at least one or remove the area)',
        "领域 “{id}” 下没有目标（至少列出一个目标，或删去该领域）",
    ),
    "targets.excluded_list": (
        "excluded must be a list of {{quote, reason}} (or leave it out)",
        "excluded 须为列表，每项为 {{quote, reason}}（或省略）",
    ),
    "targets.excluded_mapping": (
        "each excluded entry must be a mapping {{quote, reason}}",
        "每个 excluded 条目须为映射 {{quote, reason}}",
    ),
    "targets.excluded_quote": (
        "quote must be the plan's own words, verbatim",
        "quote 须为计划原文，一字不差",
    ),
    "targets.excluded_twice": (
        "quote {quote!r} is listed twice (first on line {first})",
        "quote {quote!r} 重复列出（首次在第 {first} 行）",
    ),
    "targets.targets_list": ("targets must be a non-empty list of targets", "targets 须为非空的目标列表"),
    "targets.target_mapping": (
        "each target must be a mapping (id, area, name, kind, op, value, unit, ...)",
        "每个目标须为映射（id、area、name、kind、op、value、unit 等）",
    ),
    "targets.duplicate_id": (
        "duplicate id (first declared on line {first})",
        "id 重复（首次出现在第 {first} 行）",
    ),
    "targets.missing_required": (
        "missing {keys} (required: {required})",
        "缺少 {keys}（必填：{required}）",
    ),
    "targets.bad_id": (
        "id {id!r} must be snake_case ASCII: a-z first, then a-z, 0-9, _",
        "id {id!r} 须为 snake_case ASCII：首字符为 a-z，其后为 a-z、0-9、_",
    ),
    "targets.unknown_area": (
        'unknown area "{area}" (use one of {allowed})',
        "未知的领域 “{area}”（应为以下之一：{allowed}）",
    ),
    "targets.unknown_area_close": (
        'unknown area "{area}" (did you mean "{close}"? use one of {allowed})',
        "未知的领域 “{area}”（是否应为 “{close}”？应为以下之一：{allowed}）",
    ),
    "targets.choice_empty": (
        "{key} is empty (use one of {allowed})",
        "{key} 为空（应为以下之一：{allowed}）",
    ),
    "targets.unknown_choice": (
        'unknown {key} "{value}" (use one of {allowed})',
        "未知的 {key} “{value}”（应为以下之一：{allowed}）",
    ),
    "targets.unknown_choice_close": (
        'unknown {key} "{value}" (did you mean "{close}"? use one of {allowed})',
        "未知的 {key} “{value}”（是否应为 “{close}”？应为以下之一：{allowed}）",
    ),
    "targets.not_number": ("{key} {value!r} must be a number", "{key} {value!r} 须为数值"),
    "targets.unit_text": (
        'unit {value!r} must be text (use "" for none)',
        '单位 unit {value!r} 须为文本（无单位时写 ""）',
    ),
    "targets.unit_en_text": (
        'unit_en {value!r} must be text: the unit in English (e.g. "beds")',
        'unit_en {value!r} 须为文本：单位的英文（如 "beds"）',
    ),
    "targets.quote_text": (
        "quote {value!r} must be text: the plan's own words, verbatim (quote it)",
        "quote {value!r} 须为文本：计划原文，一字不差（加上引号）",
    ),
    "targets.quote_empty": (
        "quote is empty (give the plan's own words, verbatim)",
        "quote 为空（请照录计划原文，一字不差）",
    ),
    "targets.tolerance_positive": ("tolerance {value} must be greater than 0", "tolerance {value} 须大于 0"),
    "targets.near_band_negative": ("near_band {value} must not be negative", "near_band {value} 不能为负数"),
    "targets.deadline_date": (
        "deadline {value!r} must be a date YYYY-MM-DD",
        "deadline {value!r} 须为日期 YYYY-MM-DD",
    ),
    "targets.year": ("{key} {value!r} must be a year such as 2027", "{key} {value!r} 须为年份，如 2027"),
    "targets.note_text": ("note must be text, or {{zh: …, en: …}}", "note 须为文本，或 {{zh: …, en: …}}"),
    "targets.scale_list": (
        "scale must be a list of at least two labels, better first, e.g. [Ⅰ, Ⅱ, Ⅲ]",
        "scale 须为至少含两个等级的列表，较好的在前，如 [Ⅰ, Ⅱ, Ⅲ]",
    ),
    "targets.scale_twice": ("scale lists the same label twice", "scale 中有重复的等级"),
    "targets.about_needs_tolerance": (
        "op about needs a tolerance (e.g. tolerance: 0.5)",
        "op about 须给出 tolerance（如 tolerance: 0.5）",
    ),
    "targets.tolerance_only_about": (
        "tolerance is only for op about (this op is {op})",
        "tolerance 只用于 op about（此目标的 op 为 {op}）",
    ),
    "targets.ordinal_needs_scale": (
        "kind ordinal needs a scale (labels, better first)",
        "kind ordinal 须给出 scale（等级列表，较好的在前）",
    ),
    "targets.scale_only_ordinal": (
        "scale is only for kind ordinal (this kind is {kind})",
        "scale 只用于 kind ordinal（此目标的 kind 为 {kind}）",
    ),
    "targets.milestone_done": (
        "kind milestone goes with op done, and op done only with kind milestone "
        "(this target has kind {kind}, op {op})",
        "kind milestone 须配 op done，op done 也只用于 kind milestone（此目标为 kind {kind}、op {op}）",
    ),
    "targets.ceiling_op": (
        "op {op} does not fit kind ceiling: a ceiling is the most allowed (use <= or <)",
        "op {op} 不适用于 kind ceiling：上限是允许的最大值（应为 <= 或 <）",
    ),
    "targets.rank_op": (
        "op {op} does not fit kind rank: rank 1 is best (use <=, < or ==; <= 3 means 3rd or better)",
        "op {op} 不适用于 kind rank：第 1 名最好（应为 <=、< 或 ==；<= 3 表示第 3 名或更靠前）",
    ),
    "targets.ordinal_op": (
        "op {op} does not fit kind ordinal (use <=, < or ==: the scale lists better first, "
        "so <= Ⅳ means Ⅳ or better)",
        "op {op} 不适用于 kind ordinal（应为 <=、< 或 ==：scale 中较好的等级在前，<= Ⅳ 表示 Ⅳ 或更好）",
    ),
    "targets.deadline_only_milestone": (
        "deadline is only for milestones (this kind is {kind})",
        "deadline 只用于节点目标（此目标的 kind 为 {kind}）",
    ),
    "targets.milestone_value": (
        "a milestone's value must be true (got {value!r})",
        "节点目标的 value 须为 true（实为 {value!r}）",
    ),
    "targets.milestone_baseline": ("a milestone has no baseline", "节点目标没有基数（不设 baseline）"),
    "targets.value_number": (
        "value {value!r} must be a number for kind {kind}",
        "kind 为 {kind} 时，value {value!r} 须为数值",
    ),
    "targets.baseline_number": (
        "baseline {value!r} must be a number for kind {kind}",
        "kind 为 {kind} 时，基数 baseline {value!r} 须为数值",
    ),
    "targets.value_missing": ("value is missing", "缺少 value"),
    "targets.not_on_scale": (
        "{key} {value!r} is not on the scale ({scale})",
        "{key} {value!r} 不在 scale 中（{scale}）",
    ),
    "targets.deadline_before_year": (
        "deadline {deadline} is before the plan year {year} (a deadline falls within it)",
        "deadline {deadline} 早于计划年度 {year} 年（截止日期须在计划年度内）",
    ),
    "targets.deadline_after_year": (
        "deadline {deadline} is after the plan year {year} (a deadline falls within it)",
        "deadline {deadline} 晚于计划年度 {year} 年（截止日期须在计划年度内）",
    ),
    "targets.deadline_before_years": (
        "deadline {deadline} is before the plan's years {first}–{last} (a deadline falls within it)",
        "deadline {deadline} 早于计划的 {first}—{last} 年（截止日期须在此期间内）",
    ),
    "targets.deadline_after_years": (
        "deadline {deadline} is after the plan's years {first}–{last} (a deadline falls within it)",
        "deadline {deadline} 晚于计划的 {first}—{last} 年（截止日期须在此期间内）",
    ),
    "targets.multi_year_only": (
        "{key} is only for a multi-year plan (give plan.first_year and plan.last_year instead of plan.year)",
        "{key} 只用于多年计划（以 plan.first_year 和 plan.last_year 代替 plan.year）",
    ),
    "targets.horizon_outside": (
        "horizon {horizon} is outside the plan's years {first}–{last}",
        "horizon {horizon} 不在计划的 {first}—{last} 年内",
    ),
    "targets.baseline_year_range": (
        "baseline_year {baseline_year} must be from the base year {base} to the year before the horizon "
        "({before})",
        "baseline_year {baseline_year} 须在基期年 {base} 至 horizon 前一年（{before}）之间",
    ),
    "targets.times_positive": (
        "times {times} must be greater than 0 (2 for 倍增)",
        "times {times} 须大于 0（倍增为 2）",
    ),
    "targets.times_or_value": (
        "give times or value, not both (times: 2 makes the value 2 × baseline)",
        "times 与 value 只能给出其一（times: 2 即 value 为 2 × baseline）",
    ),
    "targets.times_level": (
        "times is for a level that should grow, with op >= or > (this is {kind} {op})",
        "times 只用于应当增长的 level，op 为 >= 或 >（此目标为 {kind} {op}）",
    ),
    "targets.times_baseline": (
        "times needs a baseline: the value is times × baseline",
        "times 须给出 baseline：value 为 times × baseline",
    ),
    "targets.compound_kind": (
        "path compound is for a level or share (this kind is {kind})",
        "path compound 只用于 level 或 share（此目标的 kind 为 {kind}）",
    ),
    "targets.compound_positive": (
        "path compound needs a baseline and a value above 0, to grow from one to the other",
        "path compound 须给出大于 0 的 baseline 和 value，由前者增长到后者",
    ),
    # The YAML reader (gxcheck/yamlsafe.py): PyYAML's own problem text stays as PyYAML words it.
    "yaml.invalid": ("not valid YAML: {problem}", "不是有效的 YAML：{problem}"),
    "yaml.unclosed_quote": (
        "not valid YAML: a quote opened on this line is never closed ({problem})",
        "不是有效的 YAML：本行开始的引号没有闭合（{problem}）",
    ),
    "yaml.bad_character": (
        "not valid YAML: the character U+{code:04X} is not allowed in a YAML file (remove it)",
        "不是有效的 YAML：YAML 文件中不允许出现字符 U+{code:04X}（请删除）",
    ),
    "yaml.bad_character_unknown": (
        "not valid YAML: a character is not allowed in a YAML file (remove it)",
        "不是有效的 YAML：文件中有 YAML 不允许出现的字符（请删除）",
    ),
    "yaml.empty": (
        "the file is empty (expected a mapping of plan, areas, targets)",
        "文件为空（应为含 plan、areas、targets 的映射）",
    ),
    "yaml.alias": (
        "YAML aliases (*name) are not allowed; write the value out",
        "不允许使用 YAML 别名（*name）；请把值写出来",
    ),
    "yaml.merge": (
        "YAML merge keys (<<) are not allowed; write the keys out",
        "不允许使用 YAML 合并键（<<）；请把各个键写出来",
    ),
    "yaml.tag": (
        "YAML tag {tag!r} is not allowed (plain values only)",
        "不允许使用 YAML 标签 {tag!r}（只能写普通的值）",
    ),
    "yaml.read_as_bool": (
        "{text!r} is read as {meant} by YAML 1.1; write {meant}, or quote it as text",
        "YAML 1.1 会把 {text!r} 读作 {meant}；请写 {meant}，或加上引号作为文本",
    ),
    "yaml.read_as_number": (
        "{text!r} is read as {value} ({kind}) by YAML 1.1; write the number you mean, or quote it as text",
        "YAML 1.1 会把 {text!r} 读作 {value}（{kind}）；请写出要表示的数，或加上引号作为文本",
    ),
    "yaml.base60": ("a base-60 number", "六十进制数"),
    "yaml.hexadecimal": ("a hexadecimal number", "十六进制数"),
    "yaml.binary": ("a binary number", "二进制数"),
    "yaml.octal": ("an octal number", "八进制数"),
    "yaml.invalid_date": (
        "{text!r} is not a valid date (write a day that exists, as YYYY-MM-DD, or quote it as text)",
        "{text!r} 不是有效的日期（请写实际存在的日期，格式为 YYYY-MM-DD，或加上引号作为文本）",
    ),
    "yaml.not_a_number": (
        "{text!r} is not a number YAML can read; write the number you mean, or quote it as text",
        "YAML 无法把 {text!r} 读作数；请写出要表示的数，或加上引号作为文本",
    ),
    "yaml.datetime": (
        "{text!r}: a date and time is not allowed (use YYYY-MM-DD)",
        "{text!r}：不允许写日期加时间（应为 YYYY-MM-DD）",
    ),
    "yaml.key_text": ("key {key!r} must be text", "键 {key!r} 须为文本"),
    "yaml.key_twice": ("key {key!r} appears twice in this mapping", "键 {key!r} 在同一映射中出现了两次"),
    "yaml.unsupported": ("unsupported YAML node", "不支持的 YAML 节点"),
    # Whether the targets file accounts for the plan's text (gxcheck/accounting.py).
    "accounting.quote_not_in_text": (
        "quote “{quote}” is not in {text} (quote it verbatim)",
        "quote “{quote}” 不在 {text} 中（须一字不差地引用原文）",
    ),
    "accounting.after_not_in_text": (
        "--after {after!r} is not in the text (give words of a heading)",
        "--after {after!r} 不在文本中（请给出某个标题中的文字）",
    ),
    "accounting.unaccounted": (
        "{number} (“…{context}…”) is in no quote of {targets} "
        "(add a target, or an excluded: entry that says why it is not one)",
        "{number}（“…{context}…”）不在 {targets} 的任何 quote 中"
        "（请添加一个目标，或添加一条 excluded: 记录，说明它为何不是目标）",
    ),
    # ---- end targets file ----
    #
    # ---- actuals (gxcheck/actuals.py, values.py, files.py, workbook.py, xls.py) ----
    "actuals.for_target": ('target "{id}": {problem}', "目标 “{id}”：{problem}"),
    "actuals.sheet_of_csv": (
        "--sheet {sheet}: this is a CSV file, not a workbook; only a workbook has sheets",
        "--sheet {sheet}：这是 CSV 文件，不是工作簿；只有工作簿才有工作表",
    ),
    "actuals.long_line": (
        "line is {length:,} characters long, longer than any real row (at most {most:,}); "
        "is this the right file?",
        "这一行长 {length:,} 个字符，比任何真实的行都长（最多 {most:,} 个）；是不是选错了文件？",
    ),
    "actuals.column_twice": ('column "{name}" appears twice', "列 “{name}” 出现了两次"),
    "actuals.column_case": (
        'column "{name}" must be written "{lower}" (column names are lowercase, without spaces)',
        "列 “{name}” 应写作 “{lower}”（列名用小写，不带空格）",
    ),
    "actuals.unknown_column": (
        'unknown column "{name}" (allowed: {allowed})',
        "未知的列 “{name}”（可用的列：{allowed}）",
    ),
    "actuals.missing_column": (
        'missing column "{name}" (required: {required})',
        "缺少列 “{name}”（必须有的列：{required}）",
    ),
    "actuals.first_line_empty": (
        "the first line is empty; it must name the columns",
        "第一行为空；第一行应写列名",
    ),
    "actuals.nul_characters": (
        "looks like a binary file, not text (it contains NUL characters)",
        "看起来是二进制文件，不是文本（含有 NUL 字符）",
    ),
    "actuals.not_csv": ("not valid CSV: {problem}", "不是有效的 CSV：{problem}"),
    "actuals.stopped": (
        "stopped reading after {most} problems; fix these first",
        "发现 {most} 个问题后停止读取；请先改正这些问题",
    ),
    "actuals.row_width": (
        "row has {fields} fields but the header has {width}",
        "这一行有 {fields} 个字段，而表头有 {width} 个",
    ),
    "actuals.row_width_one": (
        "row has 1 field but the header has {width}",
        "这一行有 1 个字段，而表头有 {width} 个",
    ),
    "actuals.unnamed_column": (
        "column {column} has no name in the header but holds {value!r} (name the column, or clear it)",
        "第 {column} 列在表头中没有列名，却填有 {value!r}（请给这一列写上列名，或把它清空）",
    ),
    "actuals.period_empty": (
        "period is empty; a multi-year plan's figure needs its year ({first}–{last}, e.g. {y} or {y}-H1)",
        "时期为空；多年计划的数据须写明年份（{first}—{last} 年，如 {y} 或 {y}-H1）",
    ),
    "actuals.before_baseline": (
        "period {text!r} ends before the target's path starts (the end of its baseline year {year}; "
        "use a period from then to {last})",
        "时期 {text!r} 在目标进度的起点之前就已结束"
        "（起点是基数年 {year} 年末；请用从那时到 {last} 年的时期）",
    ),
    "actuals.second_figure_line": (
        "a second figure for period {period} (the first is on line {first}; keep one)",
        "时期 {period} 有第二个数据（第一个在第 {first} 行；只保留一个）",
    ),
    "actuals.second_figure_row": (
        "a second figure for period {period} (the first is on row {first}; keep one)",
        "时期 {period} 有第二个数据（第一个在第 {first} 行；只保留一个）",
    ),
    "actuals.no_figure_mark": (
        "{text!r} marks a missing figure "
        "(delete the row, or pass --allow-blank to read such rows as no data)",
        "{text!r} 表示没有数据（请删去这一行，或加 --allow-blank 把这类行读作无数据）",
    ),
    "actuals.value_empty": (
        "the value is empty (fill it in or delete the row; for a partly filled template pass --allow-blank)",
        "数值为空（请填上或删去这一行；模板只填了一部分时加 --allow-blank）",
    ),
    "actuals.no_rows": ("has a header but no rows of figures", "只有表头，没有数据行"),
    "actuals.id_empty": ("the id is empty", "编号（id 列）为空"),
    "actuals.unknown_id": ('unknown target id "{shown}" ({why})', "没有编号为 “{shown}” 的目标（{why}）"),
    "actuals.see_targets": (
        "see `gxcheck targets`; --ignore-unknown skips such rows",
        "目标编号见 `gxcheck targets`；--ignore-unknown 可跳过这类行",
    ),
    "actuals.did_you_mean": ('did you mean "{close}"? {then}', "是否应为 “{close}”？{then}"),
    "actuals.id_not_ascii": (
        "the id is not ASCII: it holds U+{code} {name}; {then}",
        "编号中有非 ASCII 字符 U+{code} {name}；{then}",
    ),
    "actuals.unnamed_character": ("an unnamed character", "无名称的字符"),
    "actuals.differs": (
        "{text!r} for period {period} differs from {first!r} in {where} (keep one)",
        "时期 {period} 的 {text!r} 与 {where} 中的 {first!r} 不同（只保留一个）",
    ),
    "values.empty": (
        "the value is empty (leave the row out if there is no figure)",
        "数值为空（没有数据就删去这一行）",
    ),
    "values.examples": (
        "write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100",
        "可写作 7.4、7.4%、12,000、1.2万、>100、超100",
    ),
    "values.look_alike_digit": (
        "{text!r} is not a number: {odd!r} ({name}) is not a digit ({examples})",
        "{text!r} 不是数字：{odd!r}（{name}）不是数字字符（{examples}）",
    ),
    "values.not_milestone": (
        "{text!r} is not a milestone answer (use {words})",
        "{text!r} 不能表示节点目标是否完成（请填 {words}）",
    ),
    "values.not_on_scale": ("{text!r} is not on the scale ({scale})", "{text!r} 不是可选的等级（{scale}）"),
    "values.not_finite": (
        "{text!r} is not a figure (NaN and infinity are not allowed)",
        "{text!r} 不是数据（不允许 NaN 和无穷大）",
    ),
    "values.scientific": (
        "{text!r} is in scientific notation; write the number out (e.g. 12000)",
        "{text!r} 用的是科学记数法；请写出完整的数（如 12000）",
    ),
    "values.not_a_number": ("{text!r} is not a number ({examples})", "{text!r} 不是数字（{examples}）"),
    "values.bound_words": (
        "{text!r} has more than one bound word ({bounds}); use one",
        "{text!r} 用了不止一个表示界限的词（{bounds}）；只能用一个",
    ),
    "values.two_units": (
        "{text!r} has a unit of its own ({written}) that differs from the unit column ({column}); give one",
        "{text!r} 自带的单位（{written}）与 unit 列的单位（{column}）不同；只保留一个",
    ),
    "values.absurd": (
        "{text!r} is absurdly large for a figure in {unit}",
        "{text!r} 以{unit}计大得不合常理",
    ),
    "values.absurd_no_unit": (
        "{text!r} is absurdly large for a figure in this unit",
        "{text!r} 以该单位计大得不合常理",
    ),
    "values.unit_not_percent": (
        "unit {given!r} does not fit a percentage (write a plain number in %)",
        "单位 {given!r} 不适用于百分比（请写以 % 计的数，不带单位）",
    ),
    "values.unit_not_unitless": (
        "unit {given!r} does not fit the target's unit '(none)' (write a plain number)",
        "单位 {given!r} 与目标不符：目标没有单位（请写不带单位的数）",
    ),
    "values.unit_mismatch": (
        "unit {given!r} does not fit the target's unit {unit!r} (write a plain number in {unit})",
        "单位 {given!r} 与目标的单位 {unit!r} 不符（请写以{unit}计的数，不带单位）",
    ),
    "values.unit_mismatch_base": (
        "unit {given!r} does not fit the target's unit {unit!r} (write a plain number in {unit}, "
        "or {base} with 万 or 亿)",
        "单位 {given!r} 与目标的单位 {unit!r} 不符"
        "（请写以{unit}计的数，不带单位；或以{base}为单位，可带万、亿）",
    ),
    "values.no_own_unit": (
        "{text!r} has no unit of its own, and read in {unit} it would be {figure} {unit}, "
        "{times:,.0f} times the {what} ({size} {unit}); {advice}",
        "{text!r} 没有自带单位，按{unit}读是 {figure} {unit}，"
        "为{what}（{size} {unit}）的 {times:,.0f} 倍；{advice}",
    ),
    "values.no_own_unit_repeated": (
        "{text!r} has no unit of its own (the unit column only repeats the target's), and read in {unit} "
        "it would be {figure} {unit}, {times:,.0f} times the {what} ({size} {unit}); {advice}",
        "{text!r} 没有自带单位（unit 列只是重复了目标的单位），按{unit}读是 {figure} {unit}，"
        "为{what}（{size} {unit}）的 {times:,.0f} 倍；{advice}",
    ),
    "values.the_target": ("target", "目标值"),
    "values.the_baseline": ("baseline", "基数"),
    "values.no_base_unit": (
        "{unit} has no single base unit: in 万{base} it is {in_wan} {unit}, in {base} {in_base} {unit} "
        "(write the unit: {figure}万{base} or {figure}{base})",
        "{unit}的基本单位不唯一：若以万{base}计是 {in_wan} {unit}，若以{base}计是 {in_base} {unit}"
        "（请写明单位：{figure}万{base} 或 {figure}{base}）",
    ),
    "values.if_it_counts": (
        "if it counts {base} it is {converted} {unit} (write {figure}{base} or {converted}{unit}, "
        "or {figure}{unit} if it really is in {unit})",
        "若它计的是{base}，则是 {converted} {unit}（请写 {figure}{base} 或 {converted}{unit}；"
        "若确实以{unit}计，写 {figure}{unit}）",
    ),
    "values.fraction": (
        "warning: {text!r} is read as {read} % (the target is {target} %); "
        "if it is a fraction, write {percent} or {percent}%",
        "警告：{text!r} 按 {read} % 读取（目标为 {target} %）；"
        "如果它是小数形式的比例，请写 {percent} 或 {percent}%",
    ),
    "files.binary": (
        "looks like a binary file, not text (it contains NUL bytes)",
        "看起来是二进制文件，不是文本（含有 NUL 字节）",
    ),
    "files.no_such_file": ("no such file", "文件不存在"),
    "files.permission_denied": ("permission denied: the file cannot be read", "没有权限：无法读取该文件"),
    "files.directory": ("is a directory, not a file", "是目录，不是文件"),
    "files.unreadable": ("cannot be read: {reason}", "无法读取：{reason}"),
    "files.unknown_encoding": (
        "unknown encoding {encoding!r} (try utf-8, gb18030, gbk, big5, utf-16)",
        "未知的编码 {encoding!r}（可试 utf-8、gb18030、gbk、big5、utf-16）",
    ),
    "files.not_text_encoding": (
        "{encoding!r} is not a text encoding (try utf-8, gb18030, gbk, big5, utf-16)",
        "{encoding!r} 不是文本编码（可试 utf-8、gb18030、gbk、big5、utf-16）",
    ),
    "files.stdin_closed": ("standard input is closed", "标准输入已关闭"),
    "files.stdin_directory": (
        "standard input is a directory; pipe a file in, or name the file",
        "标准输入是一个目录；请用管道传入文件，或直接写出文件名",
    ),
    "files.empty_input": ("the input is empty", "输入为空"),
    "files.empty": ("the file is empty", "文件为空"),
    "files.too_big": (
        "is larger than {size}, far larger than any real file; is this the right file?",
        "大于 {size}，远超任何真实的文件；是不是选错了文件？",
    ),
    "files.wide_without_bom": (
        "looks like {name} text without a byte-order mark (save it as UTF-8)",
        "看起来是没有字节顺序标记（BOM）的 {name} 文本（请另存为 UTF-8）",
    ),
    "files.long_line": (
        "line is longer than any real line (more than {most:,} bytes); is this the right file?",
        "这一行比任何真实的行都长（超过 {most:,} 字节）；是不是选错了文件？",
    ),
    "files.not_in_encoding": (
        "cannot be decoded as {encoding} (pass the file's real encoding with --encoding)",
        "无法按 {encoding} 解码（请用 --encoding 给出文件实际的编码）",
    ),
    "files.utf8_only": (
        "is {name} text; save it as UTF-8 (the only encoding this file may have)",
        "是 {name} 文本；请另存为 UTF-8（这个文件只能用 UTF-8 编码）",
    ),
    "files.bad_wide": ("starts like {name} but is not valid {name}", "开头像 {name}，但不是有效的 {name}"),
    "files.not_utf8": (
        "is not valid UTF-8 text (save it as UTF-8)",
        "不是有效的 UTF-8 文本（请另存为 UTF-8）",
    ),
    "files.one_line_not_utf8": (
        "is not valid UTF-8 on this line, though the rest of the file is UTF-8 "
        "(a line pasted from another encoding? save the whole file as UTF-8)",
        "这一行不是有效的 UTF-8，而文件其余部分都是 UTF-8"
        "（是从别的编码粘贴来的吗？请把整个文件另存为 UTF-8）",
    ),
    "files.neither": (
        "is neither UTF-8 nor {fallback} text (pass its encoding with --encoding, e.g. --encoding big5)",
        "既不是 UTF-8 也不是 {fallback} 文本（请用 --encoding 给出它的编码，如 --encoding big5）",
    ),
    "workbook.save_as": (
        "open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook)",
        "请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx（Excel 工作簿）",
    ),
    "workbook.save_again": (
        "open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook) again",
        "请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx（Excel 工作簿）",
    ),
    "workbook.encrypted": (
        "is password-protected (encrypted), and gxcheck cannot open it: "
        "save a copy without the password (Excel: File → Info → Protect Workbook → Encrypt with Password)",
        "设有密码保护（已加密），gxcheck 无法打开：请另存一份不带密码的副本"
        "（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密）",
    ),
    "workbook.unreadable": (
        "cannot be read as a workbook ({reason}): {save}",
        "无法作为工作簿读取（{reason}）：{save}",
    ),
    "workbook.unreadable_xls": (
        "cannot be read as an Excel 97–2003 workbook ({reason}): {save}",
        "无法作为 Excel 97—2003 工作簿读取（{reason}）：{save}",
    ),
    "workbook.no_header": (
        "no header row: none of the first {rows} rows names the columns id and value "
        "(the header carries the CSV's column names: id, period, value, unit, source, note)",
        "找不到表头行：前 {rows} 行中没有一行写有 id 和 value 两个列名"
        "（表头用 CSV 的列名：id、period、value、unit、source、note）",
    ),
    "workbook.not_a_workbook": (
        "is not a workbook (it does not start like an .xlsx or .xls file): {save}, or as CSV",
        "不是工作簿（文件开头不像 .xlsx 或 .xls 文件）：{save}，或另存为 CSV",
    ),
    "workbook.damaged": ("is a damaged workbook ({reason}): {save}", "是损坏的工作簿（{reason}）：{save}"),
    "workbook.ods": (
        "is an OpenDocument (.ods) spreadsheet, which gxcheck does not read: {save}",
        "是 OpenDocument（.ods）电子表格，gxcheck 不读取这种格式：{save}",
    ),
    "workbook.xlsb": (
        "is a binary workbook (.xlsb), which gxcheck does not read: {save}",
        "是二进制工作簿（.xlsb），gxcheck 不读取这种格式：{save}",
    ),
    "workbook.zip": ("is a zip archive, not a workbook: {save}", "是 zip 压缩包，不是工作簿：{save}"),
    "workbook.no_visible_sheet": (
        "has no visible worksheet (name one with --sheet)",
        "没有可见的工作表（请用 --sheet 指定一个）",
    ),
    "workbook.no_such_sheet": (
        "--sheet {sheet}: no such sheet (the workbook has: {names})",
        "--sheet {sheet}：没有这个工作表（工作簿中有：{names}）",
    ),
    "workbook.cell_error": (
        "the cell shows the spreadsheet error {error} (correct the formula or type the figure)",
        "单元格显示表格错误 {error}（请改正公式，或直接填入数据）",
    ),
    "workbook.date_value": (
        "the cell holds a date ({date}), not a figure: a spreadsheet turns text such as 1-11 into a date "
        "(format the cell as text and type the figure again)",
        "单元格里是日期（{date}），不是数据：电子表格会把 1-11 这样的文字变成日期"
        "（请把单元格格式设为文本，再重新填入数据）",
    ),
    "workbook.unsaved_formula": (
        "the formula {formula} has no saved result (open the file in Excel, WPS or LibreOffice and save it, "
        "so the result is stored; or type the figure)",
        "公式 {formula} 没有保存的计算结果（请用 Excel、WPS 或 LibreOffice 打开并保存该文件，"
        "把结果存下来；或直接填入数据）",
    ),
    # ---- end actuals ----
    #
    # ---- command line (gxcheck/cli.py, outputs.py, launcher.py, draft/) ----
    "cli.and": ("{a} and {b}", "{a} 和 {b}"),
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.terminated": ("terminated by {signal}", "收到 {signal} 信号，已终止"),
    "cli.internal_error": (
        "internal error: {kind}: {detail} (please report this)",
        "内部错误：{kind}: {detail}（请报告此问题）",
    ),
    "cli.stdout_failed": (
        "standard output: cannot write the report: {reason}",
        "标准输出：无法写入报告：{reason}",
    ),
    "cli.stdout_closed": (
        "standard output is closed: name a file with -o FILE for the report",
        "标准输出已关闭：请用 -o FILE 为报告指定文件",
    ),
    "cli.more": ("… and {n} more", "…另有 {n} 条"),
    "cli.usage": ("{message} (see {command} -h)", "{message}（用法见 {command} -h）"),
    "cli.usage_from_env": (
        "{message} (from {var}={value}; see {command} -h)",
        "{message}（取自环境变量 {var}={value}；用法见 {command} -h）",
    ),
    "cli.fail_on_never_alone": (
        "--fail-on {text}: never means no status fails; give it alone, or only statuses",
        "--fail-on {text}：never 表示任何状态都不算失败；请单独写 never，或只写状态",
    ),
    "cli.fail_on_unknown": (
        "--fail-on: unknown status {word!r} (use never, or a comma list of {statuses})",
        "--fail-on：没有 {word!r} 这个状态（可用 never，或用逗号分隔的状态：{statuses}）",
    ),
    "cli.fail_on_empty": (
        "--fail-on: give never, or a comma list of statuses such as missed,near",
        "--fail-on：请写 never，或用逗号分隔的状态，如 missed,near",
    ),
    "cli.output_is_stdout": (
        "{option} -: standard output carries the report; name a file",
        "{option} -：标准输出用于输出报告；请指定文件名",
    ),
    "cli.binary_to_terminal": (
        "this report is a binary file (a workbook or a document): name it with -o FILE",
        "此报告是二进制文件（工作簿或文档）：请用 -o FILE 指定文件名",
    ),
    "cli.office_needs_format": (
        "--output {output}: a {suffix} file needs -f {needed} (the format is {format})",
        "--output {output}：{suffix} 文件须用 -f {needed}（当前格式为 {format}）",
    ),
    "cli.office_not_written": (
        "--output {output}: this writes {kinds} files ({flags}), not {suffix}",
        "--output {output}：此命令只写 {kinds} 文件（{flags}），不写 {suffix} 文件",
    ),
    "cli.empty_after": (
        "{option} is followed by an empty argument (an unset variable?); give its value",
        "{option} 后面是一个空参数（变量未设置？）；请给出它的取值",
    ),
    "cli.empty_argument": (
        "argument {n} is empty (an unset variable?); name a file or give a value",
        "第 {n} 个参数为空（变量未设置？）；请给出文件名或取值",
    ),
    "cli.stdin_twice": (
        "- (standard input) is named more than once; it can be read only once",
        "-（标准输入）出现了不止一次；标准输入只能读取一次",
    ),
    "cli.skipped_unknown": (
        "skipped {n} rows with ids that are not targets (--ignore-unknown)",
        "已跳过 {n} 行：其编号不是目标编号（--ignore-unknown）",
    ),
    "cli.skipped_unknown_one": (
        "skipped 1 row with an id that is not a target (--ignore-unknown)",
        "已跳过 1 行：其编号不是目标编号（--ignore-unknown）",
    ),
    "cli.blank_rows": (
        "{n} rows have no value; their targets have no data (--allow-blank)",
        "{n} 行没有填写数值，其目标按无数据处理（--allow-blank）",
    ),
    "cli.blank_rows_one": (
        "1 row has no value; its target has no data (--allow-blank)",
        "1 行没有填写数值，其目标按无数据处理（--allow-blank）",
    ),
    "cli.period_option": ("{option}: {problem}", "{option} 参数有误：{problem}"),
    "cli.bad_year": (
        "--year: {value!r} is not a year from {low} to {high}",
        "--year：{value!r} 不是 {low} 到 {high} 之间的年份",
    ),
    "cli.nothing_checked": (
        "{file}: no target could be checked: no row is a figure for a target of {targets} "
        "(see `gxcheck template` for the ids)",
        "{file}: 没有可检查的目标：没有一行是 {targets} 中目标的数据（目标编号见 `gxcheck template`）",
    ),
    "cli.nothing_checked_as_of": (
        "{file}: no target could be checked: no row is a figure at or before {as_of} for a target "
        "of {targets} (see `gxcheck template` for the ids)",
        "{file}: 没有可检查的目标：没有一行是 {targets} 中目标在 {as_of} 或之前的数据"
        "（目标编号见 `gxcheck template`）",
    ),
    "cli.source_date_epoch": (
        "SOURCE_DATE_EPOCH={value!r} is not a time: give whole seconds since 1970-01-01 UTC "
        "(e.g. 1733011200), or unset it",
        "SOURCE_DATE_EPOCH={value!r} 不是时间：请写自 1970-01-01 UTC 起的整秒数（如 1733011200），"
        "或取消该环境变量",
    ),
    "cli.summary_cut": (
        "…(cut to stay under GitHub's 1 MiB step-summary limit)",
        "…（已截断，以免超过 GitHub 步骤摘要 1 MiB 的上限）",
    ),
    "cli.no_trend": (
        "{file}: no target has figures for more than one period, so there is no trend to show",
        "{file}: 没有一项目标有两个及以上时期的数据，无法显示趋势",
    ),
    "cli.unknown_target": ('unknown target id "{id}" ({hint})', "没有编号为 “{id}” 的目标（{hint}）"),
    "cli.see_targets": ("see `gxcheck targets`", "目标编号见 `gxcheck targets`"),
    "cli.did_you_mean": (
        'did you mean "{id}"? see `gxcheck targets`',
        "是否要找 “{id}”？目标编号见 `gxcheck targets`",
    ),
    "cli.id_not_ascii": (
        "the id is not ASCII: it holds U+{code:04X} {name}; {hint}",
        "编号中有非 ASCII 字符 U+{code:04X} {name}；{hint}",
    ),
    "cli.unknown_area": (
        "--area: unknown area {area!r} (use one of {areas})",
        "--area：没有 {area!r} 这个领域（可用 {areas}）",
    ),
    "cli.after_needs_source": (
        "--after needs --source (the plan's text)",
        "--after 须与 --source（计划文本）一起使用",
    ),
    "cli.valid": (
        "{path}: OK, {targets} targets in {areas} areas",
        "{path}: OK，{targets} 项目标，{areas} 个领域",
    ),
    "cli.valid_accounted": (
        "{path}: OK, {targets} targets in {areas} areas; every number of {source} accounted for",
        "{path}: OK，{targets} 项目标，{areas} 个领域；{source} 中的每个数字都有对应的目标或排除项",
    ),
    "cli.multi_year_template": (
        "the period column is left empty: {path} is a multi-year plan ({first}–{last}); fill in "
        "each figure's year ({earliest}–{last}), or pass --period (e.g. --period {example})",
        "时期列留空：{path} 是多年计划（{first}—{last} 年）；请为每个数据填写年份（{earliest}—{last}），"
        "或使用 --period（如 --period {example}）",
    ),
    "draft.no_targets": (
        "no checkable target found: no clause states a figure, a milestone or a ceiling in the "
        "plan's wording (is this a plan's text?)",
        "未找到可检查的目标：计划文本中没有一句写明数值、节点目标或上限（这是计划的文本吗？）",
    ),
    "outputs.empty_name": ("{option}: the file name is empty", "{option}：文件名为空"),
    "outputs.ends_in_slash": (
        "{option} {output}: a name ending in / is a directory; name a file",
        "{option} {output}：以 / 结尾的名称是目录；请指定文件名",
    ),
    "outputs.is_input": (
        "{option} {output} is an input file; gxcheck never writes over its inputs",
        "{option} {output} 是输入文件；gxcheck 从不覆盖输入文件",
    ),
    "outputs.is_other": (
        "{option} {output} is also {other}; name another file",
        "{option} {output} 与 {other} 是同一个文件；请换一个文件名",
    ),
    "outputs.no_stream": (
        "{option} {output}: no such open file or stream",
        "{option} {output}：没有这个已打开的文件或流",
    ),
    "outputs.directory": (
        "{option} {output} is a directory; name a file",
        "{option} {output} 是目录；请指定文件名",
    ),
    "outputs.block_device": (
        "{option} {output} is a block device; name a file",
        "{option} {output} 是块设备；请指定文件名",
    ),
    "outputs.unusable": ("{option} {output}: {reason}", "{option} {output}：无法使用（{reason}）"),
    "outputs.parent_not_directory": (
        "{option} {output}: {parent} is not a directory",
        "{option} {output}：{parent} 不是目录",
    ),
    "outputs.no_directory": (
        "{option} {output}: the directory {parent} does not exist",
        "{option} {output}：目录 {parent} 不存在",
    ),
    "outputs.directory_unwritable": (
        "{option} {output}: cannot write in the directory {parent} (permission denied)",
        "{option} {output}：无法在目录 {parent} 中写入（权限不足）",
    ),
    "outputs.cannot_write": (
        "{option} {output}: cannot write: {reason}",
        "{option} {output}：无法写入：{reason}",
    ),
    "outputs.permission_denied": ("permission denied", "权限不足"),
    "outputs.path_not_directory": ("a part of the path is not a directory", "路径中有一部分不是目录"),
    # ---- end command line ----
}

LANGS = ("zh", "en")


def word(key: str, fields: Mapping[str, object], lang: str) -> str:
    """The message ``key`` in ``lang`` with ``fields`` filled in."""
    en, zh = CATALOGUE[key]
    return (zh if lang == "zh" else en).format(**fields)
