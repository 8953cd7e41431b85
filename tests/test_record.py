"""gxcheck.record: a record behaves as ``@dataclass(frozen=True)`` would, for the model's uses."""

from __future__ import annotations

import dataclasses
import inspect
import operator
import pickle
from decimal import Decimal

import pytest

from gxcheck.periods import Period
from gxcheck.record import FrozenInstanceError, record, replace


@record
class Point:
    """A record with a default."""

    x: int
    y: Decimal | None = None
    label: str = ""


@dataclasses.dataclass(frozen=True)
class PointDC:
    """The same, as a frozen dataclass."""

    x: int
    y: Decimal | None = None
    label: str = ""


@record(order=True)
class Ordered:
    year: int
    month: int = 12


@dataclasses.dataclass(frozen=True, order=True)
class OrderedDC:
    year: int
    month: int = 12


@record
class One:
    value: float


@record
class Empty:
    pass


@record
class Named:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


def test_init_has_the_fields_as_parameters_in_order_with_their_defaults() -> None:
    assert str(inspect.signature(Point)) == str(inspect.signature(PointDC))
    expected = "(x: 'int', y: 'Decimal | None' = None, label: 'str' = '') -> None"
    assert str(inspect.signature(Point)) == expected
    p = Point(1, label="a")
    assert (p.x, p.y, p.label) == (1, None, "a")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Point(), "missing 1 required positional argument: 'x'"),  # type: ignore[call-arg]
        (lambda: Point(1, 2, "a", 4), "takes from 2 to 4 positional arguments but 5 were given"),  # type: ignore[call-arg, arg-type]
        (lambda: Point(1, z=2), "got an unexpected keyword argument 'z'"),  # type: ignore[call-arg]
        (lambda: Point(1, x=2), "got multiple values for argument 'x'"),  # type: ignore[misc]
    ],
)
def test_a_wrong_call_gets_pythons_own_error(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


def test_equality_and_hash_are_by_class_and_fields_as_a_dataclass_s() -> None:
    assert Point(1, Decimal("2.0")) == Point(1, Decimal("2"))
    assert hash(Point(1, Decimal("2.0"))) == hash(Point(1, Decimal("2")))
    assert Point(1) != Point(2)
    assert Point(1) != PointDC(1)  # type: ignore[comparison-overlap]  # another class, even with the same fields
    assert hash(Point(1, None, "a")) == hash(PointDC(1, None, "a"))  # both hash the field tuple
    assert len({Point(1), Point(1), Point(2)}) == 2
    assert One(float("nan")) != One(float("nan"))  # one field is still compared as a tuple of it
    nan = float("nan")
    assert One(nan) == One(nan)  # ... which, as a dataclass's, holds the same object equal
    assert Empty() == Empty() and hash(Empty()) == hash(())


def test_repr_is_the_dataclass_repr_and_a_class_s_own_is_kept() -> None:
    assert repr(Point(1, Decimal("2"), "a")) == "Point(x=1, y=Decimal('2'), label='a')"
    assert repr(Point(1)).replace("Point", "PointDC") == repr(PointDC(1))
    assert repr(Named("n")) == "<n>"
    assert Named("n") == Named("n")


def test_a_record_is_frozen() -> None:
    p = Point(1)
    with pytest.raises(FrozenInstanceError, match=r"^cannot assign to field 'x'$"):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match=r"^cannot assign to field 'z'$"):
        p.z = 2  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match=r"^cannot delete field 'x'$"):
        del p.x
    assert issubclass(FrozenInstanceError, AttributeError)
    assert p == Point(1)


def test_order_compares_the_fields_in_order_as_a_dataclass_s() -> None:
    pairs = [((2024, 3), (2024, 12)), ((2024, 12), (2025, 1)), ((2024, 6), (2024, 6))]
    for a, b in pairs:
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert getattr(Ordered(*a), op)(Ordered(*b)) == getattr(OrderedDC(*a), op)(OrderedDC(*b))
    assert sorted([Ordered(2025, 1), Ordered(2024), Ordered(2024, 3)]) == [
        Ordered(2024, 3),
        Ordered(2024),
        Ordered(2025, 1),
    ]
    with pytest.raises(TypeError, match="'<' not supported"):
        operator.lt(Ordered(2024), OrderedDC(2024))
    with pytest.raises(TypeError, match="'<' not supported"):
        operator.lt(Point(1), Point(2))  # type: ignore[arg-type]


def test_period_keeps_its_own_str_and_its_order() -> None:
    assert str(Period(2024, 9)) == "2024-09" and repr(Period(2024, 9)) == "Period(year=2024, end_month=9)"
    assert Period(2024, 9) < Period(2024) < Period(2025, 1)


def test_replace_copies_with_the_named_fields_changed() -> None:
    p = Point(1, Decimal("2"), "a")
    assert replace(p, label="b") == Point(1, Decimal("2"), "b")
    assert replace(p) == p and replace(p) is not p
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        replace(p, z=1)
    with pytest.raises(TypeError, match=r"^replace\(\) should be called on a record, not on PointDC$"):
        replace(PointDC(1))


def test_a_record_pickles_and_matches_by_position() -> None:
    p = Point(1, Decimal("2"), "a")
    assert pickle.loads(pickle.dumps(p)) == p
    assert Point.__match_args__ == ("x", "y", "label")
    match p:
        case Point(x, y):
            assert (x, y) == (1, Decimal("2"))
        case _:
            pytest.fail("no match")


def test_what_a_record_cannot_be_is_refused_when_it_is_defined() -> None:
    with pytest.raises(TypeError, match=r"^Bad.y: a field without a default follows one with a default$"):

        @record
        class Bad:
            x: int = 0
            y: int  # type: ignore[misc]

    with pytest.raises(ValueError, match=r"^Bad.x: mutable default list is not allowed$"):

        @record
        class Bad:  # type: ignore[no-redef]
            x: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match=r"^Child: a record cannot inherit from a record$"):

        @record
        class Child(Point):
            z: int = 0

    with pytest.raises(TypeError, match=r"^Bad.x: a record has no ClassVar or InitVar fields$"):

        @record
        class Bad:  # type: ignore[no-redef]
            x: ClassVar[int] = 0  # type: ignore[name-defined]  # noqa: F821

    with pytest.raises(TypeError, match=r"^Bad.self: the name is the generated __init__'s own$"):

        @record
        class Bad:  # type: ignore[no-redef]
            self: int

    with pytest.raises(
        TypeError, match=r"^Bad: a record defines no __post_init__, __setattr__ or __delattr__$"
    ):

        @record
        class Bad:  # type: ignore[no-redef]
            x: int

            def __post_init__(self) -> None:
                pass


def test_every_frozen_value_of_the_package_is_a_record() -> None:
    """dataclasses stay only where a value is built up in place (mutable, not frozen)."""
    from conftest import ROOT

    frozen = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "gxcheck").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("@dataclass(") and "frozen=True" in line
    ]
    assert frozen == []
