"""Frozen records: what ``@dataclass(frozen=True)`` gives gxcheck's model, for a tenth of its
start-up cost.

Every run defines some twenty model classes before it reads a file. On Python 3.10 and 3.11
``dataclasses`` compiles six methods for each of them (ten with ``order=True``): 10 ms of the
demo's 125 ms (bench/README.md, W1). A record compiles one, its ``__init__``, so that it keeps
a real signature and Python's own errors for a missing or unexpected argument; the other
methods are closures over the field names.

A record behaves as a frozen dataclass does:

* its fields are the class's own annotations, in order; a field's default is the class
  attribute of that name, and no field without a default may follow one with a default;
  a mutable default (list, dict, set) is refused;
* instances are equal when they are of the same class and their fields are equal, and hash
  by their fields (a field holding a list makes the record unhashable, as it would);
* ``repr`` is ``Name(field=value, …)``; assigning or deleting a field, or any attribute of
  the record's own class, raises ``dataclasses.FrozenInstanceError``;
* ``order=True`` adds ``<``, ``<=``, ``>``, ``>=``, comparing the fields in order;
* a ``__repr__``, ``__eq__`` or ``__hash__`` the class defines itself is kept, as
  dataclasses keep it;
* :func:`replace` (and ``copy.replace`` on Python 3.13+) copies one with fields changed;
* it is a dataclass to ``dataclasses.fields``, ``asdict``, ``astuple``, ``replace`` and
  ``is_dataclass`` (and to libraries that use them): its ``__dataclass_fields__`` are made
  the first time they are asked for, so a run that never asks does not pay for them.

Refused when the class is defined, as nothing here needs them: a base class, ``field()``,
``ClassVar``, ``InitVar``, an ``__init__``, ``__post_init__``, ``__setattr__`` or
``__delattr__`` of its own, an ordering method with ``order=True``. Not done: a default that
is a descriptor is kept as it is (dataclasses would call its ``__get__``), and no ``__doc__``
is made from the signature.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, get_origin, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # typing has it from 3.11 only; it does nothing at run time

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda function: function


__all__ = ["FrozenInstanceError", "record", "replace"]

T = TypeVar("T")
_FIELDS = "__record_fields__"
_MUTABLE = (list, dict, set)
_SPECIAL = ("ClassVar", "InitVar", "typing.ClassVar", "dataclasses.InitVar")
_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")
_OWN_REFUSED = ("__init__", "__post_init__", "__setattr__", "__delattr__")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, /, *, order: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """``@record`` or ``@record(order=True)`` on a class: make it a frozen record."""

    def build(cls: type[T]) -> type[T]:
        return _build(cls, order)

    return build if cls is None else build(cls)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record ``obj`` with the named fields changed."""
    names: tuple[str, ...] | None = getattr(type(obj), _FIELDS, None)
    if names is None:
        raise TypeError(f"replace() should be called on a record, not on {type(obj).__name__}")
    values = {name: getattr(obj, name) for name in names}
    values.update(changes)
    return type(obj)(**values)


def _build(cls: type[T], order: bool) -> type[T]:
    own = cls.__dict__
    where = cls.__name__
    if cls.__bases__ != (object,):
        raise TypeError(f"{where}: a record has no base class")
    if any(name in own for name in _OWN_REFUSED):
        raise TypeError(f"{where}: a record defines no {', '.join(_OWN_REFUSED)} of its own")
    if order and any(name in own for name in _ORDER):
        raise TypeError(f"{where}: a record with order=True defines no ordering method of its own")
    annotations = _annotations(cls)
    names = tuple(annotations)
    defaults: dict[str, object] = {}
    for name, annotation in annotations.items():
        if _special(annotation):
            raise TypeError(f"{where}.{name}: a record has no ClassVar or InitVar fields")
        if name in own:
            default = own[name]
            if isinstance(default, dataclasses.Field):
                raise TypeError(f"{where}.{name}: a record's default is a plain value, not field()")
            if isinstance(default, _MUTABLE):
                raise ValueError(f"{where}.{name}: mutable default {type(default).__name__} is not allowed")
            defaults[name] = default
        elif defaults:
            raise TypeError(f"{where}.{name}: a field without a default follows one with a default")
        if name in ("self", "_fields") or name.startswith("_default_"):
            raise TypeError(f"{where}.{name}: the name is the generated __init__'s own")

    made: Any = cls  # the class gains its methods here, which its type does not say
    made.__init__ = _init(cls, annotations, defaults)
    key = _key(names)
    # A class that defines __eq__ alone has __hash__ = None put in its namespace by Python;
    # that is not a hash of its own, so it gets the record's (as dataclasses do).
    implicit_hash = own.get("__hash__", None) is None and "__eq__" in own
    for method_name, method in _methods(cls, names, key, order).items():
        if method_name not in own or (method_name == "__hash__" and implicit_hash):
            setattr(made, method_name, method)
    setattr(made, _FIELDS, names)
    made.__dataclass_fields__ = _DataclassFields(annotations, defaults)
    return cls


def _annotations(cls: type) -> dict[str, Any]:
    """The class's own annotations, in order (strings under ``from __future__ import annotations``)."""
    # Not inspect.get_annotations: importing inspect costs what this module saves.
    found: dict[str, Any] | None = cls.__dict__.get("__annotations__")  # noqa: RUF063
    if found is not None:
        return found
    if sys.version_info >= (3, 14):  # computed on demand (PEP 649): ask for them unevaluated
        import annotationlib  # type: ignore[import-not-found,unused-ignore]

        return dict(annotationlib.get_annotations(cls, format=annotationlib.Format.FORWARDREF))
    return {}


def _special(annotation: Any) -> bool:
    """ClassVar or InitVar, written as a string or as the object itself."""
    if isinstance(annotation, str):
        return annotation.startswith(_SPECIAL)
    return (
        annotation is ClassVar
        or get_origin(annotation) is ClassVar
        or isinstance(annotation, dataclasses.InitVar)
    )


def _init(cls: type, annotations: dict[str, Any], defaults: dict[str, object]) -> Callable[..., None]:
    """An ``__init__`` with the fields as its parameters, compiled once for the class."""
    names = tuple(annotations)
    params = ", ".join(f"{name}=_default_{name}" if name in defaults else name for name in names)
    body = "".join(f"\n    _fields[{name!r}] = {name}" for name in names) or "\n    pass"
    source = f"def __init__(self, {params}):\n    _fields = self.__dict__{body}\n"
    namespace: dict[str, Any] = {f"_default_{name}": value for name, value in defaults.items()}
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**annotations, "return": None}
    return init


def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The record's fields as a tuple, as equality, hashing and ordering compare them."""
    if len(names) > 1:
        return attrgetter(*names)
    getters = [attrgetter(name) for name in names]
    return lambda obj: tuple(get(obj) for get in getters)


def _methods(
    cls: type, names: tuple[str, ...], key: Callable[[Any], tuple[Any, ...]], order: bool
) -> dict[str, Any]:
    fields = frozenset(names)

    def __eq__(self: object, other: object) -> Any:
        return key(self) == key(other) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self: object) -> int:
        return hash(key(self))

    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    # As a frozen dataclass's: a plain subclass may set attributes of its own, not fields.
    # (A record has no base class, so what comes after it is object.)
    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def __replace__(self: T, /, **changes: Any) -> T:
        return replace(self, **changes)

    methods: dict[str, Any] = {
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__repr__": __repr__,
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
        "__replace__": __replace__,
        "__match_args__": names,
    }
    if order:

        def __lt__(self: object, other: object) -> Any:
            return key(self) < key(other) if other.__class__ is self.__class__ else NotImplemented

        def __le__(self: object, other: object) -> Any:
            return key(self) <= key(other) if other.__class__ is self.__class__ else NotImplemented

        def __gt__(self: object, other: object) -> Any:
            return key(self) > key(other) if other.__class__ is self.__class__ else NotImplemented

        def __ge__(self: object, other: object) -> Any:
            return key(self) >= key(other) if other.__class__ is self.__class__ else NotImplemented

        methods.update(__lt__=__lt__, __le__=__le__, __gt__=__gt__, __ge__=__ge__)
    return methods


class _DataclassFields:
    """A record's ``__dataclass_fields__``, made on first use and then kept on the class.

    They are ``dataclasses.Field`` objects as ``@dataclass`` makes them, which takes setting
    the private ``_field_type`` that dataclasses reads (the same in every Python since 3.7;
    tests/test_record.py would say if that changed)."""

    def __init__(self, annotations: dict[str, Any], defaults: dict[str, object]) -> None:
        self.annotations = annotations
        self.defaults = defaults

    def __get__(self, obj: object, owner: type) -> dict[str, dataclasses.Field[Any]]:
        fields: dict[str, dataclasses.Field[Any]] = {}
        for name, annotation in self.annotations.items():
            default: Any = self.defaults.get(name, dataclasses.MISSING)
            made: dataclasses.Field[Any] = dataclasses.field(default=default)
            made.name, made.type = name, annotation
            made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            fields[name] = made
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields
