// The three drawings: timeline (stacked QuadClass bars + mean Goldstein line), actor network (a small
// force-directed layout), and the map (equirectangular projection of the bundled countries). Plain SVG.

import { QUADS, fmt, goldsteinColour, h, responsive, svg } from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function periodLabel(value, by) {
  const day = fmt.date(value);
  const [year, month] = day.split("-").map(Number);
  if (by === "year") return String(year);
  if (by === "quarter") return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
  if (by === "month") return `${MONTHS[month - 1]} ${year}`;
  if (by === "week") return `wk ${day}`;
  return day;
}

/** Round numbers for an axis from 0 to at least `max`: about four steps of 1, 2 or 5 × 10^k. */
function ticks(max) {
  const raw = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** The periods from the first to the last, each once: a period without events is a zero, not a gap. */
function fillPeriods(items, by) {
  if (items.length < 2) return items;
  const step = { day: [0, 1], week: [0, 7], month: [1, 0], quarter: [3, 0], year: [12, 0] }[by];
  const known = new Map(items.map((d) => [fmt.date(d.period), d]));
  const out = [];
  const at = new Date(`${fmt.date(items[0].period)}T00:00:00Z`),
    last = fmt.date(items[items.length - 1].period);
  while (out.length <= 5000) {
    const key = at.toISOString().slice(0, 10);
    out.push(known.get(key) || { period: key, events: 0, mentions: 0, mean_goldstein: null });
    if (key >= last) return out;
    at.setUTCMonth(at.getUTCMonth() + step[0], at.getUTCDate() + step[1]);
  }
  return items; // too many empty periods to draw: show the busy ones only
}

export function timelineChart(rows, by, onPick = null) {
  const items = fillPeriods(rows, by);
  return [
    responsive((width) => timelineSvg(items, by, width, onPick)),
    legend([...QUADS.map((q) => [q.cls, q.label]), ["gold-key", "Mean Goldstein (right axis, −10 … +10)"]]),
  ];
}

function timelineSvg(items, by, width, onPick) {
  const W = Math.max(width, 360),
    H = 250,
    m = { top: 14, right: 46, bottom: 30, left: 44 };
  const iw = W - m.left - m.right,
    ih = H - m.top - m.bottom;
  const counts = ticks(Math.max(...items.map((d) => d.events)));
  const top = counts[counts.length - 1];
  const y = (n) => m.top + ih - (n / top) * ih;
  const g = (score) => m.top + ih / 2 - (score / 10) * (ih / 2);
  const band = iw / items.length;
  const barW = Math.min(band * 0.7, 56);
  const cx = (i) => m.left + band * i + band / 2;
  const grid = counts.map((n) =>
    svg(
      "g",
      {},
      svg("line", { class: "grid", x1: m.left, x2: W - m.right, y1: y(n), y2: y(n) }),
      svg("text", { class: "axis", x: m.left - 6, y: y(n) + 4, "text-anchor": "end" }, fmt.num(n)),
    ),
  );
  const right = [-10, -5, 0, 5, 10].map((s) =>
    svg("text", { class: "axis gold", x: W - m.right + 6, y: g(s) + 4 }, fmt.signed(s).replace(".0", "")),
  );
  const labelPx = periodLabel(items[0].period, by).length * 6.5 + 18;
  const every = Math.max(1, Math.ceil(items.length / Math.max(1, Math.floor(iw / labelPx))));
  const bars = items.map((d, i) => {
    let base = 0;
    const label = periodLabel(d.period, by);
    const tip =
      `${label}: ${d.events} events, ${d.mentions ?? 0} mentions, mean Goldstein ${fmt.signed(d.mean_goldstein)}\n` +
      QUADS.map((q) => `${q.label}: ${d[q.key] ?? 0}`).join("\n");
    const segments = QUADS.filter((q) => d[q.key] > 0).map((q) => {
      const rect = svg("rect", {
        class: `bar ${q.cls}`,
        x: cx(i) - barW / 2,
        y: y(base + d[q.key]),
        width: barW,
        height: y(base) - y(base + d[q.key]),
        "data-testid": "timeline-bar",
        "data-quad": q.key,
      });
      base += d[q.key];
      return rect;
    });
    const pick = onPick && d.events ? () => onPick(d.period) : null;
    return svg(
      "g",
      {
        class: `period${pick ? " pickable" : ""}`,
        "data-tip": pick ? `${tip}\n(click: only this ${by})` : tip,
        tabindex: 0,
        "aria-label": tip,
        "data-period": d.period,
        onclick: pick,
        onkeydown: pick ? (e) => e.key === "Enter" && pick() : null,
      },
      segments,
      i % every === 0
        ? svg("text", { class: "axis", x: cx(i), y: H - m.bottom + 16, "text-anchor": "middle" }, label)
        : null,
    );
  });
  const points = items
    .map((d, i) => [d, i])
    .filter(([d]) => d.mean_goldstein !== null && d.mean_goldstein !== undefined);
  // The line breaks where a period has no events: no score is drawn across a silence.
  const line = points
    .map(
      ([d, i], k) =>
        `${k && points[k - 1][1] === i - 1 ? "L" : "M"}${cx(i).toFixed(1)},${g(d.mean_goldstein).toFixed(1)}`,
    )
    .join("");
  const dot = Math.max(1.5, Math.min(4, band / 4));
  return svg(
    "svg",
    {
      class: "chart timeline",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": "Events per period by QuadClass, with the mean Goldstein score",
      "data-testid": "timeline-chart",
    },
    grid,
    svg("line", { class: "zero", x1: m.left, x2: W - m.right, y1: g(0), y2: g(0) }),
    right,
    svg(
      "text",
      { class: "axis-title", transform: `translate(12 ${m.top + ih / 2}) rotate(-90)`, "text-anchor": "middle" },
      "events",
    ),
    svg(
      "text",
      {
        class: "axis-title gold",
        transform: `translate(${W - 8} ${m.top + ih / 2}) rotate(90)`,
        "text-anchor": "middle",
      },
      "mean Goldstein",
    ),
    bars,
    svg("path", { class: "gold-line", d: line }),
    points.map(([d, i]) =>
      svg("circle", {
        class: "gold-dot",
        cx: cx(i),
        cy: g(d.mean_goldstein),
        r: dot,
        "data-tip": `${periodLabel(d.period, by)}: mean Goldstein ${fmt.signed(d.mean_goldstein)}`,
      }),
    ),
  );
}

export function legend(entries) {
  return h(
    "ul",
    { class: "legend" },
    entries.map(([cls, label]) => h("li", {}, h("span", { class: `swatch ${cls}` }), label)),
  );
}

// ---- actor network -------------------------------------------------------------------------------

/** Positions for the nodes: start on a circle (deterministic), then a few hundred force steps. */
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.6;
  const pos = nodes.map((_, i) => ({
    x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n),
    y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n),
  }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined);
  for (let step = 0, heat = W / 8; step < 300; step += 1, heat *= 0.985) {
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i].x - pos[j].x || 0.01,
          dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy,
          f = (k * k) / d2;
        move[i].x += dx * f;
        move[i].y += dy * f;
        move[j].x -= dx * f;
        move[j].y -= dy * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x,
        dy = pos[a].y - pos[b].y,
        d = Math.hypot(dx, dy) || 0.01,
        f = d / k;
      move[a].x -= dx * f;
      move[a].y -= dy * f;
      move[b].x += dx * f;
      move[b].y += dy * f;
    }
    pos.forEach((p, i) => {
      move[i].x += (W / 2 - p.x) * 1.0;
      move[i].y += (H / 2 - p.y) * 1.0; // gravity: keeps loners in view
      const len = Math.hypot(move[i].x, move[i].y) || 1,
        d = Math.min(len, heat);
      p.x += (move[i].x / len) * d;
      p.y += (move[i].y / len) * d;
    });
  }
  // Fit the drawing into the box, leaving room for labels.
  const pad = 46,
    xs = pos.map((p) => p.x),
    ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (W - 2 * pad) / (x1 - x0 || 1),
    sy = (H - 2 * pad) / (y1 - y0 || 1);
  return pos.map((p) => ({ x: x1 > x0 ? pad + (p.x - x0) * sx : W / 2, y: y1 > y0 ? pad + (p.y - y0) * sy : H / 2 }));
}

const PALETTE = ["#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f", "#edc948", "#ff9da7", "#4e79a7", "#f28e2b"];

/** The dyad's two countries in blue and amber (as on the map); the others from a palette by rank. */
export function countryColour(country, highlight, ranked = []) {
  const i = highlight.indexOf(country);
  if (i >= 0) return ["#2563eb", "#d97706"][i];
  const rank = ranked.filter((c) => !highlight.includes(c)).indexOf(country);
  return rank >= 0 && rank < PALETTE.length ? PALETTE[rank] : "#a3acb9";
}

/** Countries by their actors' events, busiest first. */
function rankCountries(nodes) {
  const total = new Map();
  for (const d of nodes) if (d.country) total.set(d.country, (total.get(d.country) || 0) + d.events);
  return [...total.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}

export function networkGraph(data, highlight) {
  const ranked = rankCountries(data.nodes);
  const shown = ranked.filter((c) => highlight.includes(c) || countryColour(c, highlight, ranked) !== "#a3acb9");
  return [
    responsive((width) => networkSvg(data, highlight, ranked, width)),
    h(
      "ul",
      { class: "legend" },
      shown.map((c) =>
        h("li", {}, h("span", { class: "swatch dot", style: `background:${countryColour(c, highlight, ranked)}` }), c),
      ),
      shown.length < ranked.length
        ? h("li", {}, h("span", { class: "swatch dot", style: "background:#a3acb9" }), "other")
        : null,
      h("li", {}, h("span", { class: "swatch ramp" }), "edge colour: mean Goldstein −10 … +10"),
    ),
  ];
}

function networkSvg(data, highlight, ranked, width) {
  const W = Math.max(width, 300),
    H = 330;
  const nodes = data.nodes,
    pos = layout(nodes, data.edges, W, H);
  const at = new Map(nodes.map((node, i) => [node.id, { ...pos[i], node }]));
  const maxNode = Math.max(...nodes.map((d) => d.events), 1),
    maxEdge = Math.max(...data.edges.map((e) => e.events), 1);
  const radius = (d) => 7 + 11 * Math.sqrt(d.events / maxNode);
  const pairs = new Set(data.edges.map((e) => `${e.source}\u0000${e.target}`));
  const edges = data.edges
    .filter((e) => at.has(e.source) && at.has(e.target))
    .map((e) => {
      const a = at.get(e.source),
        b = at.get(e.target);
      const dx = b.x - a.x,
        dy = b.y - a.y,
        len = Math.hypot(dx, dy) || 1;
      const bend = pairs.has(`${e.target}\u0000${e.source}`) ? 0.18 : 0.06; // two directions: two arcs
      const c = { x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend };
      const tx = b.x - c.x,
        ty = b.y - c.y,
        tl = Math.hypot(tx, ty) || 1,
        r = radius(b.node) + 2;
      const tip = { x: b.x - (tx / tl) * r, y: b.y - (ty / tl) * r };
      const ux = tx / tl,
        uy = ty / tl,
        size = 7;
      const arrow = `${tip.x},${tip.y} ${tip.x - ux * size - uy * size * 0.55},${tip.y - uy * size + ux * size * 0.55} ${tip.x - ux * size + uy * size * 0.55},${tip.y - uy * size - ux * size * 0.55}`;
      const colour = goldsteinColour(e.mean_goldstein);
      const text = `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${fmt.signed(e.mean_goldstein)} (${e.cooperation} cooperation, ${e.conflict} conflict)`;
      return svg(
        "g",
        { class: "edge", "data-tip": text, "data-testid": "network-edge" },
        svg("path", {
          d: `M${a.x},${a.y} Q${c.x},${c.y} ${tip.x},${tip.y}`,
          stroke: colour,
          "stroke-width": 1.2 + 4.5 * Math.sqrt(e.events / maxEdge),
          fill: "none",
        }),
        svg("polygon", { points: arrow, fill: colour }),
      );
    });
  const circles = nodes.map((d) => {
    const p = at.get(d.id),
      r = radius(d);
    return svg(
      "g",
      {
        class: "node",
        "data-tip": `${d.id} — ${d.name || "?"} (${d.country || "no country"}): ${d.events} events`,
        "data-testid": "network-node",
      },
      svg("circle", { cx: p.x, cy: p.y, r, fill: countryColour(d.country, highlight, ranked) }),
      svg("text", { x: p.x, y: p.y + r + 13, "text-anchor": "middle" }, d.id),
    );
  });
  return svg(
    "svg",
    {
      class: "chart network",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": "Actor network: arrows from source to target, width by events, colour by mean Goldstein",
      "data-testid": "network-graph",
    },
    edges,
    circles,
  );
}

// ---- map -----------------------------------------------------------------------------------------

const WORLD = { x0: -180, x1: 180, y0: -84, y1: 60 }; // Antarctica cropped: y is -latitude

function ringPath(ring) {
  return `M${ring.map(([lon, lat]) => `${lon},${-lat}`).join("L")}Z`;
}

/** The box around a country's largest polygon: overseas territories should not zoom the map out. */
function mainBox(feature) {
  let best = null,
    bestSize = -1;
  for (const polygon of feature.geometry.coordinates) {
    const xs = polygon[0].map((p) => p[0]),
      ys = polygon[0].map((p) => -p[1]);
    const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    const size = (box.x1 - box.x0) * (box.y1 - box.y0);
    if (size > bestSize) [best, bestSize] = [box, size];
  }
  return best;
}

function viewBox(boxes, aspect, minWidth) {
  if (!boxes.length) return WORLD;
  let x0 = Math.min(...boxes.map((b) => b.x0)),
    x1 = Math.max(...boxes.map((b) => b.x1));
  let y0 = Math.min(...boxes.map((b) => b.y0)),
    y1 = Math.max(...boxes.map((b) => b.y1));
  let w = Math.max((x1 - x0) * 1.35, minWidth),
    hgt = Math.max((y1 - y0) * 1.35, minWidth / aspect / 2);
  if (w / hgt > aspect) hgt = w / aspect;
  else w = hgt * aspect;
  w = Math.min(w, WORLD.x1 - WORLD.x0);
  hgt = Math.min(hgt, WORLD.y1 - WORLD.y0);
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  x0 = Math.max(WORLD.x0, Math.min(cx - w / 2, WORLD.x1 - w));
  y0 = Math.max(WORLD.y0, Math.min(cy - hgt / 2, WORLD.y1 - hgt));
  return { x0, x1: x0 + w, y0, y1: y0 + hgt };
}

export function worldMap(world, places, highlight, onPick = null) {
  const W = 520,
    H = 300;
  const located = places.filter((p) => p.lat !== null && p.lon !== null && p.lat !== undefined);
  const chosen = world.features.filter((f) => highlight.includes(f.properties.iso_a3));
  const boxes = [...chosen.map(mainBox), ...located.map((p) => ({ x0: p.lon, x1: p.lon, y0: -p.lat, y1: -p.lat }))];
  const box = viewBox(boxes, W / H, chosen.length ? 40 : 110);
  const maxEvents = Math.max(...located.map((p) => p.events), 1);
  const graticule = [];
  for (let lon = -150; lon < 180; lon += 30) graticule.push(`M${lon},-90L${lon},90`);
  for (let lat = -60; lat <= 60; lat += 30) graticule.push(`M-180,${-lat}L180,${-lat}`);
  const ordered = [...world.features].sort(
    (a, b) => highlight.includes(a.properties.iso_a3) - highlight.includes(b.properties.iso_a3),
  );
  const countries = ordered.map((f) => {
    const i = highlight.indexOf(f.properties.iso_a3);
    return svg("path", {
      class: `country${i >= 0 ? ` hl hl-${i}` : ""}`,
      d: f.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join(""),
      "data-tip": `${f.properties.name} (${f.properties.iso_a3})${onPick ? "\nclick: only its events" : ""}`,
      "data-iso": f.properties.iso_a3,
      onclick: onPick ? () => onPick(f.properties.iso_a3) : null,
      "data-testid": i >= 0 ? "map-highlight" : null,
    });
  });
  const sorted = [...located].sort((a, b) => b.events - a.events);
  // Sizes are in screen pixels (data-px); rescale() turns them into map units once the drawing's width is known.
  const dots = sorted.map((p) => {
    const what = p.feature && p.feature !== "city" ? `, ${p.feature}` : "";
    return svg("circle", {
      class: "place",
      cx: p.lon,
      cy: -p.lat,
      "data-px": 4 + 9 * Math.sqrt(p.events / maxEvents),
      "data-testid": "map-place",
      onclick: onPick && p.country ? () => onPick(p.country) : null, // a place: its country's events
      "data-tip": `${p.name} (${p.country || "?"}${what}): ${p.events} event${p.events === 1 ? "" : "s"}`,
    });
  });
  const labels = sorted
    .slice(0, 6)
    .map((p) => svg("text", { class: "place-label", "data-lon": p.lon, "data-lat": p.lat, "data-px": 11 }, p.name));
  const drawing = svg(
    "svg",
    {
      class: "chart map",
      viewBox: `${box.x0} ${box.y0} ${box.x1 - box.x0} ${box.y1 - box.y0}`,
      role: "img",
      "aria-label": "Map of event places",
      "data-testid": "map",
    },
    svg("rect", { class: "ocean", x: -180, y: -90, width: 360, height: 180 }),
    svg("path", { class: "graticule", d: graticule.join("") }),
    countries,
    dots,
    labels,
  );
  const rescale = () => {
    const unit = (box.x1 - box.x0) / (drawing.clientWidth || W); // map units per screen pixel
    for (const dot of dots) dot.setAttribute("r", dot.dataset.px * unit);
    const placed = []; // label boxes in map units: a label that would overlap one already drawn is hidden
    for (const label of labels) {
      const x = Number(label.dataset.lon) + 10 * unit,
        y = -Number(label.dataset.lat) + 4 * unit;
      const box = { x0: x, x1: x + label.textContent.length * 7 * unit, y0: y - 11 * unit, y1: y + 3 * unit };
      const hidden = placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1);
      if (!hidden) placed.push(box);
      label.setAttribute("visibility", hidden ? "hidden" : "visible");
      label.setAttribute("x", x);
      label.setAttribute("y", y);
      label.style.fontSize = `${label.dataset.px * unit}px`;
      label.style.strokeWidth = `${3 * unit}px`;
    }
  };
  rescale();
  const observer = new ResizeObserver(() => (drawing.isConnected ? rescale() : observer.disconnect()));
  observer.observe(drawing);
  return [
    drawing,
    h(
      "ul",
      { class: "legend" },
      highlight.map((c, i) => h("li", {}, h("span", { class: `swatch hl-${i}` }), c)),
      h("li", {}, h("span", { class: "swatch dot place-key" }), "event place, sized by events:"),
      sizeKey(maxEvents),
    ),
  ];
}

/** The dot sizes of the map's legend: a dot for one event, and for the most any place has. */
function sizeKey(maxEvents) {
  const counts = [...new Set([1, Math.round(maxEvents / 4), maxEvents])].filter((n) => n >= 1 && n <= maxEvents);
  return counts.map((n) => {
    const r = 4 + 9 * Math.sqrt(n / maxEvents);
    return h(
      "li",
      { "data-testid": "size-key" },
      svg("svg", { width: 2 * r + 2, height: 2 * r + 2, "aria-hidden": "true" }, svg("circle", { class: "place", cx: r + 1, cy: r + 1, r })),
      `${n} event${n === 1 ? "" : "s"}`,
    );
  });
}
