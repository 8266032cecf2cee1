"""Build the compact gazetteer shipped in monitor/data from the GeoNames and OSM source files.

Run once by a maintainer (`python -m solidarity.monitor.pipeline.gazetteer_build SRC_DIR`); the
product reads only the result. Provinces are assigned by point-in-polygon against the shipped
OSM boundaries (GeoNames admin1 codes are the fallback), so a place always agrees with the map.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from solidarity.core.text import fold_for_search

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

Ring = list[tuple[float, float]]


def _is_persian_script(name: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in name)


def _is_plain_latin(name: str) -> bool:
    folded = fold_for_search(name)
    return bool(folded) and all(char.isascii() for char in folded) and any(char.isalpha() for char in folded)


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        coordinates = [coordinates]
    return [[[(float(x), float(y)) for x, y in ring] for ring in polygon] for polygon in coordinates]


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def province_of(lon: float, lat: float, shapes: dict[str, list[list[Ring]]]) -> str | None:
    """Return the ISO 3166-2 code of the province polygon holding a point, or None."""
    for iso, polygons in shapes.items():
        for polygon in polygons:
            if _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, hole) for hole in polygon[1:]):
                return iso
    return None


def build(source: Path) -> dict[str, Any]:
    """Return the compact gazetteer built from the files in `source`."""
    geojson = json.loads((source / "iran_provinces_osm_simplified.geojson").read_text(encoding="utf-8"))
    shapes = {f["properties"]["iso_3166_2"]: _polygons(f["geometry"]) for f in geojson["features"]}
    provinces = []
    admin1_to_iso: dict[str, str] = {}
    with (source / "iran_admin1_crosswalk.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            admin1_to_iso[row["geonames_admin1"]] = row["iso_3166_2"]
            names = {row["name_en_osm"], row["name_geonames"], row["name_iso"]}
            names |= {name for name in row["osm_alt_names"].split("|") if name}
            provinces.append(
                {
                    "iso": row["iso_3166_2"],
                    "name_en": row["name_en_osm"],
                    "name_fa": row["name_fa_osm"],
                    "names": sorted(
                        {
                            n.replace(" Province", "").replace(" province", "")
                            for n in names
                            if not _is_persian_script(n)
                        }
                    ),
                }
            )
    places_raw = json.loads((source / "geonames_iran_places_pop500.json").read_text(encoding="utf-8"))
    places: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for raw in places_raw:
        lat, lon = round(float(raw["latitude"]), 4), round(float(raw["longitude"]), 4)
        iso = province_of(lon, lat, shapes) or admin1_to_iso.get(raw["admin1code"])
        if iso is None:
            continue
        key = (fold_for_search(raw["name"]), int(raw["population"]))
        if key in seen:  # GeoNames repeats a few towns under two admin codes; keep the first.
            continue
        seen.add(key)
        alternates = [str(name) for name in raw["alternatenames"]]
        latin = sorted({raw["name"], *[n for n in alternates if _is_plain_latin(n) and len(n) > 2]})
        persian = sorted({n for n in alternates if _is_persian_script(n)})
        places.append(
            {
                "id": int(raw["geonameid"]),
                "name": raw["name"],
                "lat": lat,
                "lon": lon,
                "pop": int(raw["population"]),
                "iso": iso,
                "latin": latin,
                "persian": persian,
            }
        )
    return {"provinces": provinces, "places": places}


def main(argv: list[str]) -> int:
    """Write gazetteer.json and the simplified boundaries into monitor/data."""
    source = Path(argv[0]) if argv else Path("../shared/data/monitor")
    gazetteer = build(source)
    (DATA_DIR / "gazetteer.json").write_text(
        json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    boundaries = (source / "iran_provinces_osm_simplified.geojson").read_text(encoding="utf-8")
    (DATA_DIR / "iran_provinces.geojson").write_text(boundaries, encoding="utf-8")
    print(f"{len(gazetteer['places'])} places, {len(gazetteer['provinces'])} provinces")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
