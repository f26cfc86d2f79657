"""Asking glibc's malloc to map large blocks on their own (`engine.malloc`)."""

from __future__ import annotations

import ctypes
import platform

import pytest

from commentscope.engine import malloc


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt's M_MMAP_THRESHOLD is glibc's")
def test_glibc_takes_the_threshold() -> None:
    assert malloc.map_large_blocks() is True
    assert malloc.map_large_blocks(4 << 20) is True


def test_without_mallopt_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoMallopt:  # a C library without mallopt (macOS, Windows)
        def __init__(self, name: object) -> None:
            pass

    monkeypatch.setattr(ctypes, "CDLL", NoMallopt)
    assert malloc.map_large_blocks() is False


def test_a_refusal_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        def __init__(self, name: object) -> None:
            self.mallopt = Mallopt()

    class Mallopt:
        argtypes: object = None
        restype: object = None

        def __call__(self, option: int, value: int) -> int:
            assert option == malloc.M_MMAP_THRESHOLD
            return 0

    monkeypatch.setattr(ctypes, "CDLL", Refusing)
    assert malloc.map_large_blocks() is False
