// DOM, SVG and API helpers. Every piece of data reaches the page as a text node or an attribute value,
// never as markup, so an article or actor name can never inject HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "text") el.textContent = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h("td", {class: "x"}, "text", otherNode). */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element, same calling convention as h(). */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

/** An API error as the server reports it ({error: {status, code, message}}). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const cache = new Map();

/** GET a JSON document; a non-2xx answer becomes an ApiError carrying the server's own message. */
export async function getJSON(url) {
  if (cache.has(url)) return cache.get(url); // only static files are cached: the store may change
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (exc) {
    throw new ApiError(0, "network", `the worldwire server did not answer (${exc.message})`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || `HTTP ${response.status}`, error.message || response.statusText);
  }
  if (url.endsWith(".geojson")) cache.set(url, body);
  return body;
}

/** An API path with its query string; empty parameters are left out. */
export function apiUrl(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return `api/${path}${text ? `?${text}` : ""}`;
}

/** A card: titled panel with a link to its JSON twin and a body the caller fills. */
export function card(title, jsonHref, { testid, wide = false, subtitle = null } = {}) {
  const body = h("div", { class: "card-body" });
  const el = h(
    "section",
    { class: `card${wide ? " wide" : ""}`, "data-testid": testid, "aria-label": title },
    h(
      "header",
      { class: "card-head" },
      h("h2", {}, title, subtitle ? h("span", { class: "subtitle" }, subtitle) : null),
      jsonHref ? jsonLink(jsonHref) : null,
    ),
    body,
  );
  return { el, body };
}

export function jsonLink(href) {
  return h(
    "a",
    {
      class: "json-link",
      href,
      target: "_blank",
      title: "This view as JSON (its API twin)",
      "data-testid": "json-link",
    },
    "JSON",
  );
}

export function errorBox(exc) {
  const code = exc instanceof ApiError ? exc.code : "error";
  const message = exc.message.replace(`[${code}] `, ""); // the API's messages start with their code
  return h("div", { class: "error", role: "alert", "data-testid": "error" }, h("strong", {}, code), " ", message);
}

export const empty = (text) => h("p", { class: "empty", "data-testid": "empty" }, text);

export const loading = () => h("p", { class: "loading" }, "Loading…");

/** Fill `body` with what `render` builds from the JSON at `url`, or with the error the API gave. */
export async function fill(body, url, render) {
  body.replaceChildren(loading());
  try {
    const data = await getJSON(url);
    body.replaceChildren(...[await render(data)].flat().filter(Boolean));
  } catch (exc) {
    body.replaceChildren(errorBox(exc));
    if (!(exc instanceof ApiError)) console.warn(exc); // a bug of ours, not an API answer: keep the trace
  }
}

// One tooltip for the whole page: any element with data-tip shows its text near the pointer.
export function installTooltip(tip) {
  const show = (event) => {
    const target = event.target.closest && event.target.closest("[data-tip]");
    if (!target) {
      tip.hidden = true;
      return;
    }
    tip.textContent = target.getAttribute("data-tip");
    tip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = `${x}px`;
    tip.style.top = `${event.clientY + 14}px`;
  };
  document.addEventListener("mousemove", show);
  document.addEventListener("mouseleave", () => (tip.hidden = true));
}

/** A holder that (re)draws `draw(width)` at its own pixel width, so text in charts keeps its size. */
export function responsive(draw) {
  const holder = h("div", { class: "responsive" });
  let width = 0,
    seen = false;
  const observer = new ResizeObserver(() => {
    if (!holder.isConnected) return seen && observer.disconnect();
    seen = true;
    const w = Math.round(holder.clientWidth);
    if (w > 0 && Math.abs(w - width) >= 8) holder.replaceChildren(draw((width = w)));
  });
  observer.observe(holder);
  return holder;
}

export const fmt = {
  date: (value) => (value ? String(value).slice(0, 10) : "—"),
  num: (value, digits = 0) =>
    value === null || value === undefined
      ? "—"
      : Number(value).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  signed: (value) =>
    value === null || value === undefined ? "—" : `${value > 0 ? "+" : ""}${Number(value).toFixed(1)}`,
};

export const QUADS = [
  { key: "verbal_coop", label: "Verbal cooperation", cls: "q1" },
  { key: "material_coop", label: "Material cooperation", cls: "q2" },
  { key: "verbal_conflict", label: "Verbal conflict", cls: "q3" },
  { key: "material_conflict", label: "Material conflict", cls: "q4" },
];

/** Goldstein score (-10 … +10) as a colour: red for conflict, grey at 0, green for cooperation. */
export function goldsteinColour(score) {
  const t = Math.max(-1, Math.min(1, (Number(score) || 0) / 10));
  const grey = [148, 156, 168];
  const end = t >= 0 ? [26, 135, 84] : [200, 55, 45];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t) ** 0.7));
  return `rgb(${mix.join(",")})`;
}
