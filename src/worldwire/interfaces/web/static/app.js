// The dashboard: routing by URL hash, the controls, the overview and dyad views, the article pane.
// Routes (linkable; Back works):  #/  ·  #/dyad/CHN-KAZ?since=&until=&by=month&page=1
//                                 #/article/<article_id>?event=<event_id>&dyad=CHN-KAZ&…
// Each card links to the API call that produced it ("JSON"): the view's twin.

import { countryColour, networkGraph, timelineChart, worldMap } from "./charts.js";
import {
  QUADS,
  apiUrl,
  card,
  empty,
  errorBox,
  fill,
  fmt,
  getJSON,
  h,
  installTooltip,
  jsonLink,
  loading,
} from "./dom.js";

const $ = (id) => document.getElementById(id);
const PERIODS = ["day", "week", "month", "quarter", "year"];
const PAGE_SIZES = [25, 50, 100, 200];
const QUAD_LABEL = Object.fromEntries(QUADS.map((q, i) => [i + 1, q]));
const CONFIDENCES = ["0.5", "0.6", "0.7", "0.8", "0.9"];
const DEFAULTS = { since: "", until: "", conf: "", q: "", root: "", country: "", by: "month", page: 1, size: 50 };
// The filters every view shares (the API's names for them), kept in the URL so a view can be linked.
const FILTER_KEYS = ["since", "until", "conf", "q", "root", "country"];
let shownKey = null;
let optionsKey = null;
let world = null;

// ---- routes ----------------------------------------------------------------------------------------

function parseRoute() {
  const [path, query = ""] = (location.hash.replace(/^#/, "") || "/").split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const by = params.get("by");
  const route = {
    dyad: null,
    article: null,
    alerts: parts[0] === "alerts",
    event: params.get("event") || null,
    since: params.get("since") || "",
    until: params.get("until") || "",
    conf: CONFIDENCES.includes(params.get("conf")) ? params.get("conf") : "",
    q: (params.get("q") || "").slice(0, 200),
    root: /^(0[1-9]|1[0-9]|20)$/.test(params.get("root") || "") ? params.get("root") : "",
    country: (params.get("country") || "").slice(0, 60),
    by: PERIODS.includes(by) ? by : "month",
    page: Math.max(1, Number(params.get("page")) || 1),
    size: PAGE_SIZES.includes(Number(params.get("size"))) ? Number(params.get("size")) : 50,
  };
  if (parts[0] === "dyad" && parts[1]) route.dyad = parts[1].toUpperCase();
  if (parts[0] === "article" && parts[1]) {
    route.article = parts[1];
    route.dyad = (params.get("dyad") || "").toUpperCase() || null;
  }
  return route;
}

function href(route) {
  const params = new URLSearchParams();
  if (route.article && route.event) params.set("event", route.event);
  if (route.article && route.dyad) params.set("dyad", route.dyad);
  for (const key of [...FILTER_KEYS, "by", "page", "size"]) {
    if (route[key] && route[key] !== DEFAULTS[key]) params.set(key, route[key]);
  }
  const query = params.toString() ? `?${params}` : "";
  if (route.article) return `#/article/${encodeURIComponent(route.article)}${query}`;
  if (route.alerts) return `#/alerts${query}`;
  return route.dyad ? `#/dyad/${encodeURIComponent(route.dyad)}${query}` : `#/${query}`;
}

const go = (changes) =>
  (location.hash = href({ ...parseRoute(), alerts: false, ...changes }));
const pair = (dyad) => (dyad ? dyad.split("-").filter(Boolean) : []);
// Every view is filtered alike: the dyad, the dates and the lowest coder confidence shown.
const filters = (route) => ({
  dyad: route.dyad,
  since: route.since,
  until: route.until,
  min_confidence: route.conf,
  q: route.q,
  root: route.root,
  country: route.country,
});
const spanKey = (route) => FILTER_KEYS.map((key) => route[key]).join("|");
const countryName = (code) => world?.features.find((f) => f.properties.iso_a3 === code)?.properties.name || code;

// ---- controls ---------------------------------------------------------------------------------------

/** The picker's pairs: the busiest dyads within the chosen dates (reloaded when the dates change). */
async function loadDyadOptions(route) {
  const select = $("dyad-select");
  optionsKey = spanKey(route);
  try {
    const data = await getJSON(apiUrl("dyads", { ...filters(route), dyad: null, top: 50 }));
    const options = data.items.map((d) => {
      const value = `${d.country1}-${d.country2}`;
      return h("option", { value }, `${d.country1} – ${d.country2}  ·  ${fmt.num(d.events)} events`);
    });
    select.replaceChildren(
      h("option", { value: "" }, data.items.length ? "Choose a dyad…" : "No dyads in the store"),
      ...options,
    );
  } catch (exc) {
    select.replaceChildren(h("option", { value: "" }, "Dyads unavailable"));
    $("controls-error").replaceChildren(errorBox(exc));
  }
  syncControls(parseRoute());
}

function syncControls(route) {
  const select = $("dyad-select");
  if (route.dyad && ![...select.options].some((o) => o.value === route.dyad)) {
    select.append(h("option", { value: route.dyad }, route.dyad.replace("-", " – ")));
  }
  select.value = route.dyad || "";
  const [a, b] = pair(route.dyad);
  $("code-a").value = a || "";
  $("code-b").value = b || "";
  $("since").value = route.since;
  $("until").value = route.until;
  $("min-confidence").value = route.conf;
  $("search").value = route.q;
  $("country").value = route.country;
  if ([...$("event-type").options].some((o) => o.value === route.root)) $("event-type").value = route.root;
  $("period").value = route.by;
}

function installControls() {
  $("period").replaceChildren(...PERIODS.map((p) => h("option", { value: p }, p)));
  $("min-confidence").replaceChildren(
    h("option", { value: "" }, "any"),
    ...CONFIDENCES.map((c) => h("option", { value: c }, `≥ ${c}`)),
  );
  $("dyad-select").addEventListener("change", (e) =>
    go({ dyad: e.target.value || null, article: null, event: null, page: 1 }),
  );
  $("free-dyad").addEventListener("submit", async (e) => {
    e.preventDefault();
    const a = $("code-a").value.trim(),
      b = $("code-b").value.trim();
    if (!a || !b) {
      $("controls-error").replaceChildren(
        errorBox(new Error("Type two countries, as names or ISO codes: China and Kazakhstan, CHN and KAZ.")),
      );
      return;
    }
    // The server resolves names and codes (the same rules as the CLI) and answers with the dyad's codes;
    // an unknown name comes back as an error that lists the closest countries.
    try {
      const data = await getJSON(apiUrl("timeline", { dyad: `${a}-${b}`, by: "year" }));
      $("controls-error").replaceChildren();
      go({ dyad: data.dyad, article: null, event: null, page: 1 });
    } catch (exc) {
      $("controls-error").replaceChildren(errorBox(exc));
    }
  });
  const apply = () =>
    go({
      since: $("since").value,
      until: $("until").value,
      conf: $("min-confidence").value,
      q: $("search").value.trim(),
      root: $("event-type").value,
      country: $("country").value.trim(),
      by: $("period").value,
      page: 1,
    });
  for (const id of ["since", "until", "period", "min-confidence", "event-type", "search", "country"]) {
    $(id).addEventListener("change", apply);
  }
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  loadEventTypes();
}

/** The event-type picker: the CAMEO roots with their codebook names, from the API. */
async function loadEventTypes() {
  try {
    const data = await getJSON(apiUrl("event-types"));
    $("event-type").replaceChildren(
      h("option", { value: "" }, "any"),
      ...data.cameo_roots.map((r) => h("option", { value: r.code }, `${r.code} ${r.name}`)),
    );
    $("event-type").value = parseRoute().root;
  } catch (exc) {
    $("controls-error").replaceChildren(errorBox(exc));
  }
}

/** The last day of the timeline period that starts on `start` (YYYY-MM-DD), as YYYY-MM-DD. */
function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (by === "quarter") d.setUTCMonth(d.getUTCMonth() + 3, 0);
  else if (by === "year") d.setUTCMonth(12, 0);
  return d.toISOString().slice(0, 10);
}

/** The current page of events as CSV (the table's rows, every column the API gives), for download. */
function eventsCsv(items) {
  const columns = items.length ? Object.keys(items[0]) : [];
  const cell = (v) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(","), ...items.map((item) => columns.map((c) => cell(item[c])).join(","))].join("\n") + "\n";
}

/** The alerts badge in the top bar: how many alerts the watch's rules raised; it opens their list. */
async function loadAlertsBadge() {
  try {
    const data = await getJSON(apiUrl("alerts", { page_size: 1 }));
    const badge = $("alerts-badge");
    badge.textContent = `${fmt.num(data.total)} ${data.total === 1 ? "alert" : "alerts"}`;
    badge.classList.toggle("none", !data.total);
    return data.total;
  } catch {
    return null;
  }
}

async function loadStats() {
  const url = apiUrl("stats");
  try {
    const s = await getJSON(url);
    const parts = [
      [s.articles, "articles"],
      [s.events, "events"],
      [s.undated_events, "undated events"],
      [s.mentions, "mentions"],
      [s.failed, "failed inputs"],
    ];
    $("stats").replaceChildren(
      ...parts.map(([n, what]) => h("span", { class: "stat" }, h("b", {}, fmt.num(n)), ` ${what}`)),
      jsonLink(url),
    );
  } catch (exc) {
    $("stats").replaceChildren(errorBox(exc));
  }
}

// ---- views -------------------------------------------------------------------------------------------

function eventsTable(data, route) {
  if (!data.items.length)
    return empty(
      route.dyad
        ? `No events for ${route.dyad.replace("-", "–")} with these filters.`
        : "No events with these filters.",
    );
  const open = (ev) => {
    if (!ev.first_article_id) return;
    go({ article: ev.first_article_id, event: ev.event_id });
  };
  const actor = (code, name, country) =>
    h(
      "td",
      { class: "actor", "data-tip": `${name || "?"} (${country || "no country"})` },
      h("b", {}, code || "—"),
      h("small", {}, name || ""),
    );
  const rows = data.items.map((ev) => {
    const quad = QUAD_LABEL[ev.quad_class];
    return h(
      "tr",
      {
        tabindex: 0,
        "data-testid": "event-row",
        "data-event-id": ev.event_id,
        "data-cameo": ev.cameo,
        class: ev.event_id === route.event ? "selected" : null,
        "aria-label": `${fmt.date(ev.date)} ${ev.actor1_code} to ${ev.actor2_code || "no target"}, CAMEO ${ev.cameo}: open the article`,
        onclick: () => open(ev),
        onkeydown: (e) => {
          if (e.key === "Enter") open(ev);
        },
      },
      h("td", { class: "nowrap" }, fmt.date(ev.date)),
      actor(ev.actor1_code, ev.actor1_name, ev.actor1_country),
      actor(ev.actor2_code, ev.actor2_name, ev.actor2_country),
      h(
        "td",
        {
          class: "nowrap",
          "data-tip": `${ev.cameo_name || "CAMEO " + ev.cameo}: ${quad ? quad.label : "QuadClass ?"}, Goldstein ${fmt.signed(ev.goldstein)}`,
        },
        h("span", { class: `chip ${quad ? quad.cls : ""}` }),
        h("code", {}, ev.cameo),
        ev.cameo_name ? h("small", {}, ev.cameo_name) : null,
      ),
      h("td", {}, ev.plover || "—", ev.plover_mode ? h("small", {}, ev.plover_mode) : null),
      h("td", {}, h("span", { class: `modality ${ev.modality}` }, ev.modality)),
      h("td", { class: "num", "data-tip": "the coder's confidence, 0 to 1" }, fmt.num(ev.confidence, 2)),
      h("td", {}, ev.geo_name || "—"),
      h("td", { "data-tip": ev.evidence || "" }, h("div", { class: "evidence" }, ev.evidence || "—")),
      h(
        "td",
        {
          class: "num",
          "data-tip": `${ev.num_mentions} mentions in ${ev.num_articles} articles from ${ev.num_sources} sources`,
        },
        fmt.num(ev.num_mentions),
      ),
    );
  });
  const pages = Math.max(1, Math.ceil(data.total / data.page_size));
  const first = (data.page - 1) * data.page_size + 1;
  return [
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "events", "data-testid": "events-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Date", "Source", "Target", "CAMEO", "PLOVER", "Modality", "Conf.", "Place", "Evidence", "Reports"].map((t) =>
              h("th", { scope: "col" }, t),
            ),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
    h(
      "nav",
      { class: "pager", "aria-label": "Event pages" },
      h(
        "span",
        { "data-testid": "page-info" },
        `${fmt.num(first)}–${fmt.num(first + data.items.length - 1)} of ${fmt.num(data.total)}`,
      ),
      h(
        "button",
        { type: "button", disabled: data.page <= 1, onclick: () => go({ page: data.page - 1 }) },
        "‹ Previous",
      ),
      h("span", {}, `page ${data.page} / ${pages}`),
      h(
        "button",
        { type: "button", disabled: data.page >= pages, onclick: () => go({ page: data.page + 1 }) },
        "Next ›",
      ),
      h(
        "label",
        {},
        "rows ",
        h(
          "select",
          { onchange: (e) => go({ size: Number(e.target.value), page: 1 }) },
          PAGE_SIZES.map((n) => h("option", { value: n, selected: n === route.size }, n)),
        ),
      ),
      h(
        "a",
        {
          class: "button",
          "data-testid": "csv-download",
          download: "worldwire-events.csv",
          href: URL.createObjectURL(new Blob([eventsCsv(data.items)], { type: "text/csv" })),
          title: "These rows as CSV (the API and `worldwire export` give every event)",
        },
        "Download CSV",
      ),
    ),
  ];
}

function eventsCard(route) {
  const url = apiUrl("events", { ...filters(route), page: route.page, page_size: route.size });
  const { el, body } = card("Events", url, {
    testid: "events",
    wide: true,
    subtitle: "newest first · Enter or click opens the article",
  });
  fill(body, url, (data) => eventsTable(data, route));
  return el;
}

function networkCard(route) {
  const url = apiUrl("network", { ...filters(route), top: 40 });
  const { el, body } = card("Actor network", url, { testid: "network" });
  fill(body, url, (data) =>
    data.edges.length ? networkGraph(data, pair(route.dyad)) : empty("No actor pairs to draw."),
  );
  return el;
}

function mapCard(route) {
  const url = apiUrl("places", { ...filters(route), top: 500 });
  const { el, body } = card("Event places", url, { testid: "places" });
  fill(body, url, async (data) => {
    world = world || (await getJSON("world.geojson"));
    const pick = (iso3) => go({ country: iso3, page: 1 }); // clicking a country filters on it
    const drawing = worldMap(world, data.items, pair(route.dyad), pick);
    return data.items.length ? drawing : [...drawing, empty("No event has a place yet.")];
  });
  return el;
}

function timelineCard(route) {
  const url = apiUrl("timeline", { ...filters(route), by: route.by });
  const { el, body } = card("Timeline", url, {
    testid: "timeline",
    wide: true,
    subtitle: `events per ${route.by} by QuadClass, mean Goldstein`,
  });
  fill(body, url, (data) => {
    // Undated events are in the table and the exports but on no timeline: say so instead of a silent gap.
    const undated = data.undated
      ? h(
          "p",
          { class: "undated", "data-testid": "undated" },
          `${fmt.num(data.undated)} ${data.undated === 1 ? "event has" : "events have"} no date and ` +
            `${data.undated === 1 ? "is" : "are"} not on this timeline (see the event table).`,
        )
      : null;
    if (!data.items.length)
      return [
        empty(
          route.dyad
            ? `No dated events for ${route.dyad.replace("-", "–")} in this period.`
            : "No dated events in this period.",
        ),
        undated,
      ];
    const total = (key) => data.items.reduce((sum, d) => sum + (d[key] || 0), 0);
    const events = total("events");
    const mean = data.items.reduce((sum, d) => sum + (d.mean_goldstein || 0) * d.events, 0) / (events || 1);
    const kpis = h(
      "div",
      { class: "kpis", "data-testid": "kpis" },
      [
        [fmt.num(events), "events"],
        [fmt.num(total("mentions")), "mentions"],
        [fmt.signed(mean), "mean Goldstein"],
        [fmt.num(total("verbal_coop") + total("material_coop")), "cooperation"],
        [fmt.num(total("verbal_conflict") + total("material_conflict")), "conflict"],
      ].map(([n, what]) => h("div", { class: "kpi" }, h("b", {}, n), h("span", {}, what))),
    );
    // Clicking a period's bar narrows every view to that period.
    const pick = (period) => go({ since: period, until: periodEnd(period, route.by), page: 1 });
    return [kpis, ...timelineChart(data.items, route.by, pick), undated];
  });
  return el;
}

function dyadsCard(route) {
  const url = apiUrl("dyads", { ...filters(route), dyad: null, top: 20 });
  const { el, body } = card("Busiest dyads", url, { testid: "dyads", subtitle: "choose one to see its timeline" });
  fill(body, url, (data) => {
    if (!data.items.length) return empty("The store holds no events yet: ingest articles with worldwire ingest.");
    const max = Math.max(...data.items.map((d) => d.events));
    return h(
      "table",
      { class: "dyads" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Dyad", "Events", "", "Mean Goldstein", "Coop.", "Conflict"].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      h(
        "tbody",
        {},
        data.items.map((d) => {
          const dyad = `${d.country1}-${d.country2}`;
          const open = () => go({ dyad, article: null, event: null, page: 1 });
          return h(
            "tr",
            { tabindex: 0, "data-testid": "dyad-row", onclick: open, onkeydown: (e) => e.key === "Enter" && open() },
            h("td", {}, h("b", {}, `${d.country1} – ${d.country2}`)),
            h("td", { class: "num" }, fmt.num(d.events)),
            h("td", { class: "bar-cell" }, h("span", { class: "hbar", style: `width:${(100 * d.events) / max}%` })),
            h("td", { class: "num" }, fmt.signed(d.mean_goldstein)),
            h("td", { class: "num" }, fmt.num(d.cooperation)),
            h("td", { class: "num" }, fmt.num(d.conflict)),
          );
        }),
      ),
    );
  });
  return el;
}

function storeCard() {
  const url = apiUrl("stats");
  const { el, body } = card("The store", url, {
    testid: "store",
    subtitle: "what was ingested and how every input ended",
  });
  fill(body, url, (s) => {
    const rows = [
      ["Articles", s.articles],
      ["Story clusters", s.clusters],
      ["Events", s.events],
      ["Undated events (on no timeline)", s.undated_events],
      ["Negated events (kept apart)", s.negated_events],
      ["Mentions", s.mentions],
      ["Quotes", s.quotes],
      ["Facts", s.facts],
      ["Places", s.locations],
      [
        "Inputs",
        `${fmt.num(s.inputs)} (${fmt.num(s.done)} done, ${fmt.num(s.duplicate)} duplicate, ${fmt.num(s.failed)} failed)`,
      ],
      ...Object.entries(s.failures || {}).map(([code, n]) => [`Failed with ${code}`, n]),
      ["Ingest runs", s.runs],
      ["Schema version", s.schema_version],
    ];
    return h(
      "table",
      { class: "facts" },
      h(
        "tbody",
        {},
        rows.map(([k, v]) =>
          h("tr", {}, h("th", { scope: "row" }, k), h("td", { class: "num" }, typeof v === "number" ? fmt.num(v) : v)),
        ),
      ),
    );
  });
  return el;
}

function alertsCard() {
  const url = apiUrl("alerts", { page_size: 50 });
  const { el, body } = card("Alerts", url, {
    testid: "alerts",
    wide: true,
    subtitle: "raised by the watch's rules after each cycle, newest first · click an event to read it",
  });
  fill(body, url, (data) => {
    if (!data.items.length)
      return empty("No alerts yet: run worldwire watch (or serve --watch) with --alerts rules.toml.");
    return h(
      "ol",
      { class: "alert-list" },
      data.items.map((a) =>
        h(
          "li",
          { class: "alert-item", "data-testid": "alert-item", "data-rule": a.rule, "data-dyad": a.dyad || "" },
          h("h3", {}, a.message),
          h(
            "p",
            { class: "meta" },
            `${a.kind} · ${fmt.date(a.window_start)} – ${fmt.date(a.window_end)} · fired ${a.fired_at.slice(0, 16).replace("T", " ")} UTC · `,
            a.dyad ? h("a", { href: href({ ...DEFAULTS, dyad: a.dyad }) }, `${a.dyad} timeline`) : null,
            a.delivery_error ? ` · webhook: ${a.delivery_error}` : a.delivered_at ? " · sent to the webhook" : null,
          ),
          h(
            "table",
            {},
            h(
              "tbody",
              {},
              a.events.map((ev) =>
                h(
                  "tr",
                  {
                    tabindex: 0,
                    "data-testid": "alert-event",
                    onclick: () => go({ article: ev.first_article_id, event: ev.event_id, dyad: a.dyad }),
                    onkeydown: (e) =>
                      e.key === "Enter" && go({ article: ev.first_article_id, event: ev.event_id, dyad: a.dyad }),
                  },
                  h("td", { class: "nowrap" }, fmt.date(ev.date)),
                  h("td", { class: "nowrap" }, `${ev.actor1_code || "?"} → ${ev.actor2_code || "—"}`),
                  h("td", {}, h("code", {}, ev.cameo)),
                  h("td", {}, h("div", { class: "evidence" }, ev.evidence || "—")),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  });
  return el;
}

async function renderMain(route) {
  const view = $("view");
  if (route.alerts) {
    document.title = "Alerts · worldwire";
    view.replaceChildren(
      h(
        "div",
        { class: "view-head" },
        h("h1", { "data-testid": "view-title" }, "Alerts"),
        h("a", { class: "back", href: "#/" }, "← all dyads"),
      ),
      h("div", { class: "grid" }, alertsCard()),
    );
    return;
  }
  if (!world) {
    try {
      world = await getJSON("world.geojson");
    } catch {
      world = null; // the map card reports it; names fall back to codes
    }
  }
  if (route.dyad) {
    const [a = "?", b = "?"] = pair(route.dyad);
    document.title = `${a}–${b} · worldwire`;
    view.replaceChildren(
      h(
        "div",
        { class: "view-head" },
        h(
          "h1",
          { "data-testid": "view-title" },
          h("span", { class: "flag", style: `background:${countryColour(a, [a, b])}` }),
          countryName(a),
          " – ",
          h("span", { class: "flag", style: `background:${countryColour(b, [a, b])}` }),
          countryName(b),
        ),
        h("span", { class: "codes" }, `${a}–${b}`),
        h("a", { class: "back", href: "#/" }, "← all dyads"),
      ),
      h("div", { class: "grid" }, timelineCard(route), networkCard(route), mapCard(route), eventsCard(route)),
    );
  } else {
    document.title = "worldwire dashboard";
    view.replaceChildren(
      h(
        "div",
        { class: "view-head" },
        h("h1", { "data-testid": "view-title" }, "All events"),
        h("span", { class: "codes" }, "pick a dyad above or below"),
      ),
      h(
        "div",
        { class: "grid" },
        timelineCard(route),
        dyadsCard(route),
        mapCard(route),
        networkCard(route),
        storeCard(),
        eventsCard(route),
      ),
    );
  }
}

// ---- article pane ------------------------------------------------------------------------------------

/** Text between `from` and `to`, with other events' evidence lightly marked (clicking one selects it). */
function withOthers(text, from, to, others) {
  const cuts = new Set([from, to]);
  for (const e of others) for (const x of [e.start, e.end]) if (x > from && x < to) cuts.add(x);
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = others.filter((e) => e.start <= a && e.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) out.push(piece);
    else
      out.push(
        h(
          "span",
          {
            class: "other-evidence",
            "data-tip": covering
              .map((e) => `${e.cameo} ${e.plover || ""} ${e.actor1_code} → ${e.actor2_code || "?"} (“${e.trigger}”)`)
              .join("\n"),
            onclick: () => go({ event: covering[0].event_id }),
          },
          piece,
        ),
      );
  }
  return out;
}

function articleBody(article, selected) {
  const text = article.text || "";
  const valid = article.events.filter(
    (e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start < e.end && e.end <= text.length,
  );
  const mine = valid.filter((e) => e.event_id === selected).sort((x, y) => x.start - y.start);
  const others = valid.filter((e) => e.event_id !== selected);
  const spans = [];
  for (const e of mine) {
    const last = spans[spans.length - 1];
    if (last && e.start < last.end) last.end = Math.max(last.end, e.end);
    else spans.push({ start: e.start, end: e.end });
  }
  const out = [];
  let at = 0;
  spans.forEach((s, i) => {
    out.push(...withOthers(text, at, s.start, others));
    out.push(
      h(
        "mark",
        { class: "evidence", "data-testid": i === 0 ? "evidence" : "evidence-more" },
        withOthers(text, s.start, s.end, others),
      ),
    );
    at = s.end;
  });
  out.push(...withOthers(text, at, text.length, others));
  return h("div", { class: "article-text", "data-testid": "article-text" }, out);
}

function eventSummary(ev) {
  const quad = QUAD_LABEL[ev.quad_class];
  return h(
    "dl",
    { class: "event-facts", "data-testid": "selected-event" },
    [
      [
        "CAMEO",
        h(
          "span",
          {},
          h("span", { class: `chip ${quad ? quad.cls : ""}` }),
          h("code", {}, ev.cameo),
          quad ? ` ${quad.label}` : "",
        ),
      ],
      ["PLOVER", ev.plover || "—"],
      ["Goldstein", fmt.signed(ev.goldstein)],
      ["Modality", ev.modality],
      ["Source → target", `${ev.actor1_code || "?"} → ${ev.actor2_code || "—"}`],
      ["Trigger", ev.trigger ? `“${ev.trigger}”` : "—"],
    ].map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
  );
}

async function renderArticle(route) {
  const pane = $("article");
  const url = apiUrl(`articles/${encodeURIComponent(route.article)}`);
  $("layout").classList.add("with-article");
  pane.hidden = false;
  const close = h(
    "button",
    {
      type: "button",
      class: "close",
      "aria-label": "Close the article",
      onclick: () => go({ article: null, event: null }),
    },
    "×",
  );
  const body = h("div", { class: "pane-body" }, loading());
  pane.replaceChildren(h("header", { class: "card-head" }, h("h2", {}, "Article"), jsonLink(url), close), body);
  let article;
  try {
    article = await getJSON(url);
  } catch (exc) {
    body.replaceChildren(errorBox(exc));
    return;
  }
  const chosen = article.events.find((e) => e.event_id === route.event);
  const safeUrl = /^https?:\/\//i.test(article.url || "") ? article.url : null;
  const list = h(
    "ol",
    { class: "article-events" },
    [...new Map(article.events.map((e) => [e.event_id, e])).values()].map((e) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            "aria-current": e.event_id === route.event ? "true" : null,
            onclick: () => go({ event: e.event_id }),
          },
          h("span", { class: `chip ${QUAD_LABEL[e.quad_class]?.cls || ""}` }),
          h("code", {}, e.cameo),
          ` ${e.plover || ""} `,
          h("b", {}, `${e.actor1_code || "?"} → ${e.actor2_code || "—"}`),
          ` “${e.trigger || ""}” · ${e.modality}`,
        ),
      ),
    ),
  );
  const text = articleBody(article, route.event);
  body.replaceChildren(
    h(
      "div",
      { class: "pane-top" },
      h("h3", { class: "article-title", "data-testid": "article-title" }, article.title || "(untitled)"),
      h(
        "p",
        { class: "meta" },
        fmt.date(article.date),
        " · ",
        article.source || "no source",
        safeUrl
          ? [" · ", h("a", { href: safeUrl, rel: "noopener noreferrer nofollow", target: "_blank" }, safeUrl)]
          : null,
      ),
      chosen
        ? [
            eventSummary(chosen),
            h(
              "p",
              { class: "event-json" },
              jsonLink(apiUrl(`events/${encodeURIComponent(chosen.event_id)}`)),
              " this event with all its reports",
            ),
          ]
        : route.event
          ? errorBox(new Error(`event ${route.event} is not reported in this article`))
          : null,
    ),
    text,
    h(
      "div",
      { class: "pane-bottom" },
      h("h4", {}, `Events in this article (${fmt.num(list.children.length)})`),
      list.children.length ? list : empty("No events were coded in this article."),
    ),
  );
  const mark = text.querySelector("mark.evidence");
  if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
  const current = list.querySelector("[aria-current=true]");
  if (current) list.scrollTop = Math.max(0, current.offsetTop - 60);
  for (const row of document.querySelectorAll("[data-testid=event-row]"))
    row.classList.toggle("selected", row.dataset.eventId === route.event);
}

function closeArticle() {
  $("layout").classList.remove("with-article");
  $("article").hidden = true;
  $("article").replaceChildren();
  for (const row of document.querySelectorAll("tr.selected")) row.classList.remove("selected");
}

// ---- start ---------------------------------------------------------------------------------------------

function render() {
  const route = parseRoute();
  syncControls(route);
  if (spanKey(route) !== optionsKey) loadDyadOptions(route);
  const key = JSON.stringify([route.alerts, route.dyad, spanKey(route), route.by, route.page, route.size]);
  if (key !== shownKey) {
    shownKey = key;
    renderMain(route);
  }
  if (route.article) renderArticle(route);
  else closeArticle();
}

// ---- live: a store kept current by `worldwire serve --watch` -----------------------------------------------

// Every REFRESH seconds (?refresh=N in the address, 1 to 3600; 30 by default) the page asks what the store
// holds; when a watch cycle has added articles or alerts, every view is drawn again from the API.
const REFRESH = Math.min(3600, Math.max(1, Number(new URLSearchParams(location.search).get("refresh")) || 30));
let seen = null;

async function poll() {
  try {
    const [s, alerts] = await Promise.all([getJSON(apiUrl("stats")), getJSON(apiUrl("alerts", { page_size: 1 }))]);
    const now = [s.inputs, s.articles, s.events, alerts.total].join("|");
    if (seen !== null && now !== seen) {
      loadStats();
      loadAlertsBadge();
      optionsKey = null;
      shownKey = null;
      render();
    }
    seen = now;
  } catch {
    // the server may be restarting: ask again next time
  }
}

installTooltip($("tooltip"));
installControls();
loadStats();
loadAlertsBadge();
window.addEventListener("hashchange", render);
render();
poll();
setInterval(poll, REFRESH * 1000);
