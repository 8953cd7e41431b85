"""gxcheck: check a government plan's targets against what actually happened.

The library API mirrors the command line::

    import gxcheck
    catalogue = gxcheck.load_targets()                 # the bundled 2024 plan
    actuals = gxcheck.load_actuals("actuals/2024.csv", catalogue)
    card = gxcheck.score(catalogue, actuals.actuals)   # pure: no IO, no printing
    card.tally()                                       # {Status.MET: 3, ...}
"""

from __future__ import annotations

__version__ = "0.2.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gxcheck.actuals import LoadedActuals, load_actuals
    from gxcheck.errors import GxError, InputError, Problem
    from gxcheck.evaluate import score
    from gxcheck.model import (
        Actual,
        Area,
        Bound,
        Catalogue,
        Commitment,
        Kind,
        Op,
        Plan,
        Quantity,
        Result,
        Scorecard,
        Status,
        Target,
    )
    from gxcheck.periods import Period, parse_period
    from gxcheck.targets import bundled_catalogues, bundled_targets_path, load_bundled, load_targets

# The public names, imported on first use (PEP 562): the command line imports only the
# modules a run needs, and `import gxcheck` stays cheap.
_HOME = {
    "LoadedActuals": "actuals",
    "load_actuals": "actuals",
    "GxError": "errors",
    "InputError": "errors",
    "Problem": "errors",
    "score": "evaluate",
    "Period": "periods",
    "parse_period": "periods",
    "bundled_catalogues": "targets",
    "bundled_targets_path": "targets",
    "load_bundled": "targets",
    "load_targets": "targets",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = _HOME.get(name, "model" if name in __all__ else None)
    if module is None:
        raise AttributeError(f"module 'gxcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gxcheck.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Actual",
    "Area",
    "Bound",
    "Catalogue",
    "Commitment",
    "GxError",
    "InputError",
    "Kind",
    "LoadedActuals",
    "Op",
    "Period",
    "Plan",
    "Problem",
    "Quantity",
    "Result",
    "Scorecard",
    "Status",
    "Target",
    "__version__",
    "bundled_catalogues",
    "bundled_targets_path",
    "load_actuals",
    "load_bundled",
    "load_targets",
    "parse_period",
    "score",
]
