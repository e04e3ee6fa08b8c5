"""Small pieces of SVG markup that the figure and its legend share."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from generator.render.overview.sizes import WHISKER


def num(value: float) -> str:
    """A coordinate as text: one decimal at most, no '-0'."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def esc(text: str) -> str:
    """Text for an SVG attribute or element; Markup (already safe) passes through unchanged."""
    return str(escape(text))


def linear_gradient(
    gradient_id: str, stop_class: str, stops: list[tuple[float, bool]]
) -> Iterator[str]:
    """A left-to-right gradient whose colour comes from CSS; each stop is opaque or clear."""
    yield f'<linearGradient id="{esc(gradient_id)}">'
    for offset, opaque in stops:
        yield (
            f'<stop class="{stop_class}" offset="{min(max(offset, 0.0), 1.0):.3f}"'
            f' stop-opacity="{1 if opaque else 0}"/>'
        )
    yield "</linearGradient>"


def whisker(x: float, way: int, y: float) -> str:
    """An error-bar whisker from x outwards (way -1 left, 1 right), with a cap."""
    tip = x + way * WHISKER
    return (
        f'<path class="overview-whisker" d="M{num(x)} {num(y)}H{num(tip)}'
        f'M{num(tip)} {num(y - 4)}V{num(y + 4)}"/>'
    )
