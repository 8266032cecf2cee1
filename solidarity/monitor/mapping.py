"""Draw Iran's provinces as SVG paths from the shipped GeoJSON: no tiles, no outside asset."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "iran_provinces.geojson"
WIDTH = 600.0
WEST, EAST, SOUTH, NORTH = 44.0, 63.4, 25.0, 39.8
_SCALE_X = math.cos(math.radians((SOUTH + NORTH) / 2))
HEIGHT = round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * _SCALE_X), 1)


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Return SVG coordinates of a point (equirectangular, scaled at Iran's middle latitude)."""
    x = (longitude - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@dataclass(frozen=True)
class ProvinceShape:
    """A province's SVG path and its names."""

    iso: str
    name_en: str
    name_fa: str
    path: str


@lru_cache(maxsize=1)
def province_shapes() -> tuple[ProvinceShape, ...]:
    """Return the 31 provinces as SVG path data (computed once)."""
    features = json.loads(DATA.read_text(encoding="utf-8"))["features"]
    shapes = []
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = [project(lat, lon) for lon, lat in ring]
                parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
        props = feature["properties"]
        shapes.append(ProvinceShape(props["iso_3166_2"], props["name_en"], props["name_fa"], "".join(parts)))
    return tuple(sorted(shapes, key=lambda shape: shape.iso))


def shade(count: int, maximum: int) -> int:
    """Return the choropleth class (0 = none, 1..5) of a count."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(5, 1 + int(4 * math.log1p(count) / math.log1p(maximum)))


def city_radius(count: int) -> float:
    """Return the radius of a city's dot, growing with the square root of its count."""
    return round(2 + 1.5 * math.sqrt(count), 1)


# One shape per sub-event type (ACLED's order: peaceful, intervention, excessive force, violent), so
# the point map reads without colour too; each type's symbol sits a little off the place's point in
# its own direction, so four types at one town do not hide one another.
SYMBOLS = ("circle", "square", "triangle", "diamond")
_OFFSETS = ((-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0))


def symbol(type_index: int, x: float, y: float, radius: float) -> str:
    """Return the SVG path of a type's symbol of about `radius`, centred near (x, y)."""
    dx, dy = _OFFSETS[type_index % 4]
    cx, cy, r = round(x + dx * 3.5, 1), round(y + dy * 3.5, 1), radius
    shape = SYMBOLS[type_index % 4]
    if shape == "circle":
        return f"M{cx - r:.1f},{cy:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0Z"
    if shape == "square":
        side = r * 1.7
        return f"M{cx - side / 2:.1f},{cy - side / 2:.1f}h{side:.1f}v{side:.1f}h{-side:.1f}Z"
    if shape == "triangle":
        h = r * 1.9
        top, bottom, half = cy - h * 0.6, cy + h * 0.4, h * 0.58
        return f"M{cx:.1f},{top:.1f}L{cx + half:.1f},{bottom:.1f}L{cx - half:.1f},{bottom:.1f}Z"
    d = r * 1.3
    return f"M{cx:.1f},{cy - d:.1f}L{cx + d:.1f},{cy:.1f}L{cx:.1f},{cy + d:.1f}L{cx - d:.1f},{cy:.1f}Z"


def point_radius(count: int) -> float:
    """Return the size of a point map symbol, growing with the square root of its count."""
    return round(3.5 + 1.4 * math.sqrt(count), 1)
