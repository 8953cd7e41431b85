#!/usr/bin/env bash
# The GitHub Action's steps (action.yml runs `action.sh install`, then `action.sh score`).
# Every input arrives in an environment variable, never pasted into this script, so no input
# can become shell code. gxcheck lives in its own virtual environment under RUNNER_TEMP: the
# job's python is not touched (PEP 668 runners refuse pip there) and nothing is put on PATH.
set -euo pipefail

venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/gxcheck-action-venv"
bin="$venv/bin"
[ -d "$venv/Scripts" ] && bin="$venv/Scripts" # Windows runners

# refuse 中文 English: the step's own error, in the action's lang input (Chinese by default),
# as gxcheck words its messages; exit 2 like gxcheck's bad input.
refuse() {
  local message=$1
  [ "${INPUT_LANG:-zh}" = en ] && message=$2
  echo "::error title=gxcheck action::$message"
  exit 2
}

install() {
  local spec=${INPUT_VERSION:-}
  case "$spec" in
    -*) refuse "version '$spec' 不是版本要求：请给出版本要求或 wheel 文件的路径，而不是 pip 选项" \
      "version '$spec' is not a requirement: give a requirement or a wheel's path, not a pip option" ;;
  esac
  local python
  python=$(command -v python3 || command -v python) ||
    refuse "此运行器上没有 python3（请用 actions/setup-python）" "no python3 on this runner (use actions/setup-python)"
  "$python" -m venv --clear "$venv"
  [ -d "$venv/Scripts" ] && bin="$venv/Scripts"
  if [ -z "$spec" ]; then
    # This action's own source, with the dependency versions its tests ran with.
    "$bin/python" -m pip install --quiet --disable-pip-version-check \
      --constraint "$GITHUB_ACTION_PATH/constraints.txt" "$GITHUB_ACTION_PATH"
  else
    "$bin/python" -m pip install --quiet --disable-pip-version-check "$spec"
  fi
  "$bin/gxcheck" --version
}

score() {
  local words actuals=() summary
  [ -n "${INPUT_ACTUALS:-}" ] ||
    refuse "缺少输入 actuals（数据文件，以空格分隔）" "the input actuals is required (CSV files, separated by spaces)"
  read -ra words <<<"$INPUT_ACTUALS"
  local word file
  for word in "${words[@]}"; do
    for file in $word; do actuals+=("$file"); done # a glob such as actuals/*.csv is expanded
  done
  local common=(--fail-on "${INPUT_FAIL_ON:-missed,near}" --lang "${INPUT_LANG:-zh}")
  [ -n "${INPUT_TARGETS:-}" ] && common+=(--targets "$INPUT_TARGETS")
  local format=${INPUT_FORMAT:-github}
  local args=(score "${common[@]}" --format "$format")
  [ -n "${INPUT_OUTPUT:-}" ] && args+=(--output "$INPUT_OUTPUT")
  # The github format writes the job summary itself; for the others, add it here.
  if [ "$format" != github ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    summary=$("$bin/gxcheck" score "${common[@]}" --format markdown -- "${actuals[@]}" 2>/dev/null) || true
    [ -n "$summary" ] && printf '%s\n' "$summary" >>"$GITHUB_STEP_SUMMARY"
  fi
  # `--` ends the options: a file name cannot be taken for one.
  "$bin/gxcheck" "${args[@]}" -- "${actuals[@]}"
}

case "${1:-}" in
  install) install ;;
  score) score ;;
  *)
    echo "usage: action.sh install|score" >&2
    exit 2
    ;;
esac
