#!/usr/bin/env python3
"""Draws ThreadCard's toolbar icons (a card with two text lines and a speech-bubble tail) as PNGs.

Run from the repository root: python3 tools/icons.py. Standard library only; the PNGs are committed.
"""
import struct
import zlib

BG = (59, 111, 216, 255)      # card blue
FG = (255, 255, 255, 255)     # text lines
CLEAR = (0, 0, 0, 0)


def pixel(x, y, n):
    """Colour of pixel (x, y) in an n×n icon, drawn in unit coordinates."""
    u, v = (x + 0.5) / n, (y + 0.5) / n
    r = 0.16  # corner radius
    inside = 0.06 <= u <= 0.94 and 0.08 <= v <= 0.78
    if inside:
        cx = min(max(u, 0.06 + r), 0.94 - r)
        cy = min(max(v, 0.08 + r), 0.78 - r)
        inside = (u - cx) ** 2 + (v - cy) ** 2 <= r * r
    tail = 0.22 <= u <= 0.42 and 0.76 <= v <= 0.94 and (u - 0.22) <= (0.94 - v) * 1.1
    if not (inside or tail):
        return CLEAR
    for top, right in ((0.24, 0.80), (0.40, 0.80), (0.56, 0.60)):
        if top <= v <= top + 0.09 and 0.20 <= u <= right:
            return FG
    return BG


def png(n):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


for size in (16, 32, 48, 96, 128):
    with open(f"extension/icons/icon-{size}.png", "wb") as f:
        f.write(png(size))
