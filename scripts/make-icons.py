#!/usr/bin/env python3
"""Draws the app icons (the violet "M" of icons/icon.svg) as PNGs with the standard library only.
Run once when the logo changes: python3 scripts/make-icons.py"""
import struct, zlib, pathlib

VIOLET, WHITE = (0x6d, 0x4a, 0xff), (0xff, 0xff, 0xff)
# The M of icon.svg on its 64-unit grid.
M = [(16, 46), (16, 18), (22, 18), (32, 32), (42, 18), (48, 18), (48, 46), (41, 46), (41, 30), (32, 42), (23, 30), (23, 46)]

def inside(poly, x, y):
    hit, j = False, len(poly) - 1
    for i, (xi, yi) in enumerate(poly):
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit

def draw(size, maskable):
    # Maskable icons keep the logo inside the central 80% safe zone on a full-bleed background.
    scale, pad = (size * 0.8 / 64, size * 0.1) if maskable else (size / 64, 0)
    radius = 0 if maskable else 14 * scale
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            cx, cy = px + 0.5, py + 0.5
            dx = max(radius - cx, cx - (size - radius), 0)
            dy = max(radius - cy, cy - (size - radius), 0)
            if radius and dx * dx + dy * dy > radius * radius:
                row += bytes((0, 0, 0, 0))
                continue
            colour = WHITE if inside(M, (cx - pad) / scale, (cy - pad) / scale) else VIOLET
            row += bytes(colour) + b"\xff"
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"
for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
    (out / name).write_bytes(draw(size, maskable))
    print("wrote", out / name)
