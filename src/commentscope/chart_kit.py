"""The house style the charts share: figure size, font, and drawing helpers.

Every helper works on a figure it is given or makes (no pyplot state), so `charts` stays a list of
editor questions, each answered by one function.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

WIDTH_INCHES = 8.0
HEIGHT_INCHES = 4.5
DPI = 100

BAR_COLOUR = "#4c72b0"
_FONT = "DejaVu Sans"
_STYLE: dict[Any, Any] = {  # matplotlib rcParams (its stubs type keys as literals)
    "font.family": "sans-serif", "font.sans-serif": [_FONT], "font.size": 10,
    "axes.titlesize": 11, "axes.labelsize": 10, "xtick.labelsize": 9, "ytick.labelsize": 9,
    "legend.fontsize": 9, "figure.titlesize": 13, "axes.spines.top": False,
    "axes.spines.right": False, "axes.grid": True, "axes.grid.axis": "x", "grid.alpha": 0.3,
    "axes.axisbelow": True, "text.usetex": False,
}


@contextmanager
def house_style() -> Iterator[None]:
    """The house style, independent of the caller's rcParams (tick labels read it at draw time)."""
    with matplotlib.rc_context(_STYLE):
        yield


@cache
def _glyphs() -> frozenset[int]:
    font = font_manager.FontProperties(family=_FONT)
    path = font_manager.findfont(font, fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())


def display_label(text: object, width: int = 34, lines: int = 2) -> str:
    """Reader text made safe to draw: no glyph the font lacks, no mathtext, wrapped and cut."""
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return ""
    glyphs = _glyphs()
    kept = (ch if ord(ch) <= 0xFFFF and ord(ch) in glyphs else " " for ch in str(text))
    drawable = " ".join("".join(kept).split())
    wrapped = textwrap.wrap(drawable, width)
    if len(wrapped) > lines:
        wrapped = textwrap.wrap(drawable, width, max_lines=lines, placeholder=" …")
    return "\n".join(wrapped).replace("$", r"\$")


def new_figure(title: str, rows: int = 0, widths: tuple[float, ...] = (1.0,),
            ) -> tuple[Figure, list[Axes]]:
    """A figure of the house size (taller for many bars): a title over axes side by side."""
    height = max(HEIGHT_INCHES, 1.6 + 0.34 * rows)
    fig = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(title, fontweight="bold")
    axes = fig.subplots(1, len(widths), sharey=True, squeeze=False,
                        width_ratios=list(widths))[0]
    return fig, list(axes)


def empty_figure(title: str, message: str) -> Figure:
    """A figure that says there is nothing to draw, instead of an empty frame or a crash."""
    with house_style():
        fig, (ax,) = new_figure(title)
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555",
                transform=ax.transAxes)
    return fig



def stacked_barh(ax: Axes, table: pd.DataFrame, colours: dict[str, str],
                  names: dict[str, str] | None = None) -> None:
    """Rows of `table` as horizontal bars (first on top), one stacked segment per column."""
    positions = np.arange(len(table))
    left = np.zeros(len(table))
    for column in table.columns:
        values = table[column].to_numpy(dtype=float)
        label = (names or {}).get(str(column), str(column))
        ax.barh(positions, values, left=left, label=label, color=colours.get(str(column)),
                height=0.7, edgecolor="white", linewidth=0.5)
        left = left + values
    ax.set_yticks(positions, labels=[display_label(name, 28, 1) for name in table.index])
    ax.set_ylim(len(table) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(left.max(initial=0))) * 1.05)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def count_bars(ax: Axes, labels: Iterable[str], values: Iterable[float], xlabel: str) -> None:
    """Plain horizontal bars, first on top, each with its value written at its end."""
    numbers = np.asarray(list(values), dtype=float)
    bars = ax.barh(np.arange(len(numbers)), numbers, color=BAR_COLOUR, height=0.7)
    ax.bar_label(bars, fmt="%d", padding=2, fontsize=9)
    ax.set_yticks(np.arange(len(numbers)), labels=list(labels))
    ax.set_ylim(len(numbers) - 0.5, -0.5)
    ax.set_xlim(0, max(1.0, float(numbers.max(initial=0))) * 1.15)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))

