"""gxcheck.record: a record behaves as ``@dataclass(frozen=True)`` would, for the model's uses."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import operator
import pickle
import sys
from decimal import Decimal
from typing import ClassVar

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

    with pytest.raises(TypeError, match=r"^Child: a record has no base class$"):

        @record
        class Child(Point):
            z: int = 0

    with pytest.raises(TypeError, match=r"^Bad.x: a record has no ClassVar or InitVar fields$"):

        @record
        class Bad:  # type: ignore[no-redef]
            x: ClassVar[int] = 0

    with pytest.raises(TypeError, match=r"^Bad.self: the name is the generated __init__'s own$"):

        @record
        class Bad:  # type: ignore[no-redef]
            self: int

    with pytest.raises(
        TypeError,
        match=r"^Bad: a record defines no __init__, __post_init__, __setattr__, __delattr__ of its own$",
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


def test_the_dataclasses_helpers_see_a_record_as_the_frozen_dataclass_it_stands_for() -> None:
    """``dataclasses.fields``, ``asdict``, ``astuple``, ``replace`` and ``is_dataclass`` give on a
    record what they give on the same class as a frozen dataclass (code written for 0.1's
    dataclasses keeps working)."""
    record_, dataclass_ = Point(1, Decimal("2"), "a"), PointDC(1, Decimal("2"), "a")
    assert dataclasses.is_dataclass(record_) and dataclasses.is_dataclass(type(record_))
    described = [(f.name, f.type, f.default, f.init) for f in dataclasses.fields(record_)]
    assert described == [(f.name, f.type, f.default, f.init) for f in dataclasses.fields(dataclass_)]
    assert described == [
        ("x", "int", dataclasses.MISSING, True),
        ("y", "Decimal | None", None, True),
        ("label", "str", "", True),
    ]
    assert (
        dataclasses.asdict(record_)
        == dataclasses.asdict(dataclass_)
        == {"x": 1, "y": Decimal("2"), "label": "a"}
    )
    assert dataclasses.astuple(record_) == dataclasses.astuple(dataclass_)
    assert dataclasses.replace(record_, label="b") == Point(1, Decimal("2"), "b")
    assert dataclasses.fields(Empty()) == ()
    nested = dataclasses.asdict(Outer(Point(1), (Point(2),)))
    assert nested == {"inner": {"x": 1, "y": None, "label": ""}, "more": ({"x": 2, "y": None, "label": ""},)}


@record
class Outer:
    inner: Point
    more: tuple[Point, ...] = ()


@pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in Python 3.13")
def test_copy_replace_copies_a_record_with_fields_changed() -> None:
    assert copy.replace(Point(1), x=2) == Point(2)  # type: ignore[attr-defined,unused-ignore]


def test_a_plain_subclass_may_set_its_own_attributes_but_no_field() -> None:
    class Labelled(Point):
        pass

    p = Labelled(1)
    p.extra = "kept"  # type: ignore[attr-defined]
    assert p.extra == "kept"  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError, match=r"^cannot assign to field 'x'$"):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match=r"^cannot delete field 'x'$"):
        del p.x


def test_what_dataclasses_would_do_differently_is_refused() -> None:
    with pytest.raises(TypeError, match=r"^Bad.x: a record's default is a plain value, not field\(\)$"):

        @record
        class Bad:
            x: int = dataclasses.field(default=1)

    with pytest.raises(TypeError, match=r"^Base: a record has no base class$"):

        @record
        class Base(PointDC):
            z: int = 0

    with pytest.raises(TypeError, match=r"^Bad: a record defines no __init__, .* of its own$"):

        @record
        class Bad:  # type: ignore[no-redef]
            x: int

            def __init__(self, raw: str) -> None:
                object.__setattr__(self, "x", int(raw))

    with pytest.raises(
        TypeError, match=r"^Bad: a record with order=True defines no ordering method of its own$"
    ):

        @record(order=True)
        class Bad:  # type: ignore[no-redef]
            x: int

            def __lt__(self, other: object) -> bool:  # type: ignore[misc]
                return True

    with pytest.raises(TypeError, match=r"^Bad.x: a record has no ClassVar or InitVar fields$"):
        record(type("Bad", (), {"__annotations__": {"x": ClassVar[int]}, "x": 0}))
    with pytest.raises(TypeError, match=r"^Bad.x: a record has no ClassVar or InitVar fields$"):
        record(type("Bad", (), {"__annotations__": {"x": dataclasses.InitVar[int]}}))
