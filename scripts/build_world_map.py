"""Build the dashboard's offline world map (`interfaces/web/static/world.geojson`) from world-atlas.

The dashboard draws countries itself and may not fetch tiles or anything else from the network, so it
ships one small GeoJSON file: Natural Earth's 1:110m admin-0 countries (public domain), as redistributed
in TopoJSON by the npm package world-atlas 2.0.2 (ISC). TopoJSON keys countries by ISO 3166 numeric
code; the dashboard and the store speak alpha-3, so each feature gets an `iso_a3` property (pycountry,
a dev dependency). Coordinates are rounded to 2 decimals (about 1 km, far below what 1:110m resolves).

Regenerate (from the repository root; needs npm and the dev dependencies):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package/countries-110m.json

The output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
from itertools import accumulate
from pathlib import Path
from typing import Any

import pycountry

STATIC = Path(__file__).resolve().parent.parent / "src" / "worldwire" / "interfaces" / "web" / "static"
# Natural Earth units world-atlas leaves without a numeric code, coded as worldwire's country table codes
# them (data/countries/v1.toml: Kosovo is XKX; Somaliland and Northern Cyprus count as SOM and CYP).
UNCODED = {"Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}
Ring = list[list[float]]


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat points of every arc: TopoJSON stores quantized deltas from the previous point."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        xs = accumulate(point[0] for point in arc)
        ys = accumulate(point[1] for point in arc)
        arcs.append([[x * kx + dx, y * ky + dy] for x, y in zip(xs, ys, strict=True)])
    return arcs


def ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs (`~i` is arc i reversed), dropping each arc's first point: it ends the last."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return [[round(x, 2), round(y, 2)] for x, y in points]


def _clean(points: Ring) -> Ring:
    """Drop consecutive points that rounding made equal (they only cost bytes)."""
    kept = [point for i, point in enumerate(points) if i == 0 or point != points[i - 1]]
    return kept if len(kept) >= 4 else points


def unwrap(points: Ring) -> Ring:
    """The ring without jumps across the antimeridian (Fiji, Chukotka): longitudes may pass ±180."""
    out = [points[0]]
    for x, y in points[1:]:
        out.append([round(x + 360 * round((out[-1][0] - x) / 360), 2), y])
    return out


def polygons(rings: list[Ring]) -> list[list[Ring]]:
    """A polygon, plus a copy 360° over when it crosses the antimeridian: a flat map then draws both
    halves in place instead of a stripe across the world. A ring around a pole (Antarctica) stays as is."""
    unwrapped = [unwrap(r) for r in rings]
    if any(abs(r[-1][0] - r[0][0]) > 1 for r in unwrapped):
        return [rings]
    xs = [x for x, _ in unwrapped[0]]
    if min(xs) >= -180 and max(xs) <= 180:
        return [rings]
    shift = 360 if min(xs) < -180 else -360
    return [unwrapped, [[[round(x + shift, 2), y] for x, y in r] for r in unwrapped]]


def alpha3(geometry: dict[str, Any]) -> str:
    name = geometry["properties"]["name"]
    if "id" not in geometry:
        return UNCODED[name]
    country = pycountry.countries.get(numeric=geometry["id"])
    if country is None:
        raise SystemExit(f"no ISO 3166 country has the numeric code {geometry['id']} ({name})")
    return str(country.alpha_3)


def features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        coordinates = [
            part for polygon in parts for part in polygons([_clean(ring(r, arcs)) for r in polygon])
        ]
        out.append(
            {
                "type": "Feature",
                "properties": {"iso_a3": alpha3(geometry), "name": geometry["properties"]["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return sorted(out, key=lambda f: (f["properties"]["iso_a3"], f["properties"]["name"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out", type=Path, default=STATIC / "world.geojson")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries v4.1.0 (public domain) via world-atlas 2.0.2 (ISC)",
        "features": features(topology),
    }
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
