"""The member app's screen on the phone in `kiosk.scan.photographed`'s photos.

Kept apart from the photographs because it is about the app, not the optics: everything here is
drawn in sRGB, in the app's points, at the phone's own resolution, before any light is modelled;
`kiosk.scan.photographed` takes the result as the light the screen emits and places it in a scene.

`phone_showing` draws the member app with PIL: a status bar with a clock, the insurer's blue
header, the card title, the code on a tile leaving a 2-4 module margin, text below, rounded screen
corners and a black bezel, in the light or the dark theme, on a screen of 270 to 440 pixels per
inch.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from kiosk.scan.photo_camera import srgb_to_linear

_PHONES = ((720, 1600, 0.0945), (828, 1792, 0.0784), (1080, 2400, 0.0635), (1170, 2532, 0.0578))
"""Screens as (width, height in pixels, pixel pitch in mm): 270 to 440 pixels per inch."""

_LINEAR_CODES = [round(255 * float(v)) for v in srgb_to_linear(np.arange(256))]
"""sRGB code to linear light in 8 bits: the app's colours as the screen emits them."""

_Colour = tuple[int, int, int]


@dataclass(frozen=True)
class _Theme:
    """The member app's colours (sRGB), light or dark."""

    background: _Colour
    header: _Colour
    on_header: _Colour
    text: _Colour
    card: _Colour
    on_card: _Colour
    tile: _Colour  # the code's margin and its unset modules
    modules: _Colour  # the code's set modules: dark in the light theme, light in the dark one
    lines: _Colour  # text placeholders


_LIGHT = _Theme(
    background=(242, 243, 247),
    header=(22, 84, 170),
    on_header=(255, 255, 255),
    text=(28, 28, 30),
    card=(36, 104, 196),
    on_card=(255, 255, 255),
    tile=(255, 255, 255),
    modules=(0, 0, 0),
    lines=(205, 207, 212),
)
_DARK = _Theme(
    background=(0, 0, 0),
    header=(16, 38, 76),
    on_header=(235, 235, 240),
    text=(235, 235, 240),
    card=(26, 40, 66),
    on_card=(225, 228, 235),
    tile=(24, 24, 26),
    modules=(232, 232, 232),
    lines=(58, 58, 62),
)
_INSURERS = ("Pacific Health", "Evergreen Care", "Huaxia Life Plus")


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """PIL's own font: no font file to find on the machine."""
    return ImageFont.load_default(size=size)


def _tinted(colour: _Colour, tint: np.ndarray) -> _Colour:
    r, g, b = (int(np.clip(c * t, 0, 255)) for c, t in zip(colour, tint, strict=True))
    return (r, g, b)


@dataclass(frozen=True)
class Phone:
    """The phone's front, drawn at its screen's resolution, and where the code is on it."""

    image: Image.Image  # the phone's front: emitted light in linear 8 bits, black off the screen
    pitch: float  # mm per screen pixel
    corner: float  # radius of the body's rounded corners, screen pixels
    code: tuple[float, float, float]  # left, top and side of the code (no margin) on `image`
    module: int  # screen pixels per module

    def code_centre(self) -> np.ndarray:
        left, top, side = self.code
        return np.array([left + side / 2, top + side / 2])


def phone_showing(modules: np.ndarray, dark: bool, rng: np.random.Generator) -> Phone:
    """The member app showing the code, drawn at the screen's resolution, in its black bezel."""
    width, height, pitch = _PHONES[int(rng.integers(len(_PHONES)))]
    theme = _DARK if dark else _LIGHT
    tint = rng.uniform(0.85, 1.1, 3)
    header, card = _tinted(theme.header, tint), _tinted(theme.card, tint)
    pt = width / 390  # the app lays out in points

    def p(points: float) -> int:
        return round(points * pt)

    screen = Image.new("RGB", (width, height), theme.background)
    draw = ImageDraw.Draw(screen)
    draw.rectangle((0, 0, width, p(103)), fill=header)
    clock = f"{int(rng.integers(8, 19))}:{int(rng.integers(0, 60)):02d}"
    draw.text((p(28), p(13)), clock, fill=theme.on_header, font=_font(p(17)))
    for bar in range(4):
        left = width - p(100) + p(6 * bar)
        draw.rectangle((left, p(27 - 3 * bar), left + p(4), p(31)), fill=theme.on_header)
    draw.rounded_rectangle(
        (width - p(54), p(18), width - p(26), p(31)),
        radius=p(3),
        outline=theme.on_header,
        width=max(1, p(1)),
    )
    charge = float(rng.uniform(3, 24))
    draw.rectangle((width - p(52), p(20), width - p(52 - charge), p(29)), fill=theme.on_header)
    insurer = _INSURERS[int(rng.integers(len(_INSURERS)))]
    draw.text((p(20), p(64)), insurer, fill=theme.on_header, font=_font(p(20)))
    draw.text((p(20), p(118)), "Electronic insurance card", fill=theme.text, font=_font(p(19)))

    n = modules.shape[0]
    module = max(1, int(rng.uniform(235, 265) * pt / n))
    quiet = int(rng.integers(2, 5))
    side = n * module
    tile = side + 2 * quiet * module
    card_top = p(152)
    tile_left, tile_top = (width - tile) // 2, card_top + p(56)
    card_bottom = tile_top + tile + p(58)
    draw.rounded_rectangle((p(16), card_top, width - p(16), card_bottom), radius=p(14), fill=card)
    member = "Member CN" + "".join(str(d) for d in rng.integers(0, 10, 10))
    draw.text((p(32), card_top + p(16)), member, fill=theme.on_card, font=_font(p(17)))
    draw.rounded_rectangle(
        (tile_left, tile_top, tile_left + tile - 1, tile_top + tile - 1),
        radius=module,
        fill=theme.tile,
    )
    dots = np.kron(modules, np.ones((module, module), bool))[:, :, None]
    code = np.where(dots, np.array(theme.modules, np.uint8), np.array(theme.tile, np.uint8))
    code_left, code_top = tile_left + quiet * module, tile_top + quiet * module
    screen.paste(Image.fromarray(code.astype(np.uint8)), (code_left, code_top))
    validity = "Valid 90 s, renews itself"
    draw.text((p(32), tile_top + tile + p(18)), validity, fill=theme.on_card, font=_font(p(14)))
    y = card_bottom + p(24)
    for _ in range(int(rng.integers(3, 6))):
        length = p(float(rng.uniform(140, 340)))
        draw.rounded_rectangle((p(20), y, p(20) + length, y + p(10)), radius=p(5), fill=theme.lines)
        y += p(24)
    draw.rounded_rectangle((p(20), y + p(12), width - p(20), y + p(60)), radius=p(24), fill=header)
    draw.text((width // 2 - p(34), y + p(25)), "Refresh", fill=theme.on_header, font=_font(p(17)))
    draw.rounded_rectangle(
        (width // 2 - p(67), height - p(13), width // 2 + p(67), height - p(8)),
        radius=p(3),
        fill=theme.text,
    )

    bezel = round(float(rng.uniform(2.0, 4.0)) / pitch)
    body = Image.new("RGB", (width + 2 * bezel, height + 2 * bezel))
    corners = Image.new("L", (width, height), 0)
    ImageDraw.Draw(corners).rounded_rectangle((0, 0, width - 1, height - 1), radius=p(44), fill=255)
    body.paste(screen, (bezel, bezel), corners)
    return Phone(
        image=body.point(_LINEAR_CODES * 3),
        pitch=pitch,
        corner=p(44) + bezel,
        code=(bezel + code_left, bezel + code_top, side),
        module=module,
    )
