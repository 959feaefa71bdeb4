// The registry's map page: zones, sites coloured by kind, pilot projects and
// opportunities from the registry's own vector tiles (TileJSON at
// /tiles/<layer>.json), over a deployment's basemap style when MAP_STYLE_URL is
// set, else over an offline style. MapLibre GL JS is served by the app.
// Every string shown comes translated from the page's JSON config block.

const config = JSON.parse(document.getElementById("map-config").textContent);
const maplibregl = await import(config.maplibre);
const t = config.strings;

const KIND_COLORS = { test_arena: "#d95f02", shared_lab: "#1b9e77" };
const PILOT_COLOR = "#7b3294";
const OPPORTUNITY_COLOR = "#c99a00";
const ZONE_COLOR = "#4257b2";
const SOURCES = ["zones", "opportunities", "sites", "pilots"];
// Clicks pick the first tier with a hit: points, then areas, then zones.
const POINT_LAYERS = ["pilots-point", "sites", "opportunities-point"];
const AREA_LAYERS = ["pilots-area", "opportunities-area"];
const ZONE_LAYERS = ["zones-fill"];
const LAYERS_OF = {
  zones: ["zones-fill", "zones-line"],
  opportunities: ["opportunities-area", "opportunities-area-line", "opportunities-point"],
  sites: ["sites"],
  pilots: ["pilots-area", "pilots-area-line", "pilots-point"],
};
const FILTERS = ["q", "sector", "sdg", "trl", "zone"];
const sectorNames = Object.fromEntries(config.sectors.map((s) => [s.slug, s.name]));
const kindNames = Object.fromEntries(config.kinds.map((k) => [k.slug, k.name]));
const form = document.getElementById("filters");

// ---- the view and the filters in the URL hash ------------------------------

function readHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const [zoom, lat, lon] = (params.get("map") || "").split("/").map(Number);
  const view = [zoom, lat, lon].every(Number.isFinite) ? { zoom, center: [lon, lat] } : null;
  return { params, view };
}

function restoreForm(params) {
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = params.get(name) || "";
    const allowed = field.tagName !== "SELECT" || [...field.options].some((o) => o.value === value);
    field.value = allowed ? value : "";
  }
  const off = (params.get("off") || "").split(",");
  for (const box of form.querySelectorAll('input[type="checkbox"]')) {
    box.checked = !off.includes(box.value);
  }
}

function writeHash() {
  const center = map.getCenter();
  const view = `${map.getZoom().toFixed(2)}/${center.lat.toFixed(5)}/${center.lng.toFixed(5)}`;
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  const off = [...form.querySelectorAll('input[type="checkbox"]:not(:checked)')].map((b) => b.value);
  if (off.length) params.set("off", off.join(","));
  const query = params.toString();
  const hash = `#map=${view}${query ? `&${query}` : ""}`;
  if (hash !== window.location.hash) window.history.replaceState(null, "", hash);
  for (const link of document.querySelectorAll(".languages a")) {
    link.href = `?lang=${link.hreflang}${hash}`;
  }
}

// ---- what the filters ask of the tiles and the layers -------------------------

function tilejsonUrl(layer, params) {
  const query = new URLSearchParams(params).toString();
  return query ? `${config.tilejson[layer]}?${query}` : config.tilejson[layer];
}

function chosen() {
  const checked = (name) =>
    [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  const kinds = checked("kind");
  const layers = checked("layer");
  const shared = {};
  for (const name of ["sector", "sdg", "trl", "zone"]) {
    if (form.elements[name].value) shared[name] = form.elements[name].value;
  }
  const siteParams = { ...shared };
  if (kinds.length && kinds.length < config.kinds.length) siteParams.kind = kinds.join(",");
  return {
    zones: { visible: layers.includes("zones"), params: {} },
    opportunities: { visible: layers.includes("opportunities"), params: shared },
    sites: { visible: kinds.length > 0, params: siteParams },
    pilots: { visible: layers.includes("pilots"), params: shared },
  };
}

// The search box matches names and organisations (host, lead, publisher).
function searchFilter() {
  const text = form.elements.q.value.trim().toLowerCase();
  if (!text) return null;
  const has = (key) => ["in", text, ["downcase", ["to-string", ["get", key]]]];
  return ["any", has("name"), has("host")];
}

const POLYGON = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];
const POINT = ["in", ["geometry-type"], ["literal", ["Point", "MultiPoint"]]];
const GEOMETRY_FILTER = {
  "opportunities-area": POLYGON,
  "opportunities-area-line": POLYGON,
  "opportunities-point": POINT,
  "pilots-area": POLYGON,
  "pilots-area-line": POLYGON,
  "pilots-point": POINT,
};

function layerFilter(id, source) {
  const parts = [];
  if (GEOMETRY_FILTER[id]) parts.push(GEOMETRY_FILTER[id]);
  const zone = form.elements.zone.value;
  if (source === "zones" && zone) parts.push(["==", ["get", "slug"], zone]);
  const search = source === "zones" ? null : searchFilter();
  if (search) parts.push(search);
  return parts.length ? ["all", ...parts] : null;
}

// ---- the style: a basemap (configured or offline) with the registry on top ----

function offlineStyle() {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ea" } }],
  };
  if (config.basemap.tiles) {
    style.sources.basemap = {
      type: "raster",
      tiles: [config.basemap.tiles],
      tileSize: 256,
      attribution: config.basemap.attribution,
    };
    style.layers.push({ id: "basemap", type: "raster", source: "basemap" });
  }
  return style;
}

function overlayLayers() {
  const vector = (id, type, source, paint) => ({
    id, type, source, "source-layer": source, paint,
  });
  return [
    vector("zones-fill", "fill", "zones", { "fill-color": ZONE_COLOR, "fill-opacity": 0.08 }),
    vector("zones-line", "line", "zones",
      { "line-color": ZONE_COLOR, "line-width": 1.5, "line-dasharray": [3, 2] }),
    vector("opportunities-area", "fill", "opportunities",
      { "fill-color": OPPORTUNITY_COLOR, "fill-opacity": 0.12 }),
    vector("opportunities-area-line", "line", "opportunities",
      { "line-color": OPPORTUNITY_COLOR, "line-width": 1.5, "line-dasharray": [1, 1] }),
    // A ring around the site an opportunity offers, under the site's dot.
    vector("opportunities-point", "circle", "opportunities", {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 9, 16, 14],
      "circle-opacity": 0,
      "circle-stroke-color": OPPORTUNITY_COLOR,
      "circle-stroke-width": 3,
    }),
    vector("sites", "circle", "sites", {
      "circle-color": ["match", ["get", "kind"],
        "test_arena", KIND_COLORS.test_arena,
        "shared_lab", KIND_COLORS.shared_lab,
        "#666666"],
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 6, 16, 10],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    }),
    // Pilots above sites: a pilot often sits exactly on its site.
    vector("pilots-area", "fill", "pilots", { "fill-color": PILOT_COLOR, "fill-opacity": 0.2 }),
    vector("pilots-area-line", "line", "pilots", { "line-color": PILOT_COLOR, "line-width": 1.5 }),
    vector("pilots-point", "circle", "pilots", {
      "circle-color": PILOT_COLOR,
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 4, 16, 6],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    }),
  ];
}

const sourceUrls = {};

function addOverlay() {
  const state = chosen();
  for (const source of SOURCES) {
    sourceUrls[source] = tilejsonUrl(source, state[source].params);
    if (!map.getSource(source)) {
      map.addSource(source, { type: "vector", url: sourceUrls[source] });
    }
  }
  for (const layer of overlayLayers()) {
    if (map.getLayer(layer.id)) continue;
    const filter = layerFilter(layer.id, layer.source);
    map.addLayer(filter ? { ...layer, filter } : layer);
  }
  applyFilters();
}

function applyFilters() {
  const state = chosen();
  for (const source of SOURCES) {
    const { visible, params } = state[source];
    const url = tilejsonUrl(source, params);
    if (url !== sourceUrls[source]) {
      sourceUrls[source] = url;
      map.getSource(source).setUrl(url);
    }
    for (const id of LAYERS_OF[source]) {
      map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
      map.setFilter(id, layerFilter(id, source));
    }
  }
  showZoneLabels(state.zones.visible);
}

// ---- zone names: HTML labels (the offline style has no glyphs for text) -------

const zoneLabels = config.zones.map((zone) => {
  const label = document.createElement("span");
  label.className = "zone-label";
  label.textContent = zone.name;
  label.dataset.zone = zone.slug;
  return new maplibregl.Marker({ element: label }).setLngLat(zone.label);
});

function showZoneLabels(visible) {
  const zone = form.elements.zone.value;
  for (const marker of zoneLabels) {
    const shown = visible && (!zone || marker.getElement().dataset.zone === zone);
    if (shown) marker.addTo(map);
    else marker.remove();
  }
}

// ---- the map ----------------------------------------------------------------

const initial = readHash();
restoreForm(initial.params);
const map = new maplibregl.Map({
  container: "map",
  style: config.style_url || offlineStyle(),
  center: initial.view ? initial.view.center : config.center,
  zoom: initial.view ? initial.view.zoom : config.zoom,
  attributionControl: { compact: false },
});
map.addControl(new maplibregl.NavigationControl(), "bottom-right");
map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
window.registryMap = map; // for the browser test and the curious

let styleLoaded = false;
map.on("style.load", () => {
  styleLoaded = true;
  addOverlay();
});
// A configured style that cannot be loaded: the offline style instead.
map.on("error", (event) => {
  if (styleLoaded || !config.style_url) return;
  styleLoaded = true;
  console.warn(t.map_unavailable, event.error);
  map.setStyle(offlineStyle());
});

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("input", () => {
  if (map.getSource("sites")) applyFilters();
  writeHash();
});
map.on("moveend", writeHash);
window.addEventListener("hashchange", () => {
  const { params, view } = readHash();
  restoreForm(params);
  if (view) map.jumpTo(view);
  if (map.getSource("sites")) applyFilters();
});

// ---- popups -------------------------------------------------------------------

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function kindLabel(feature) {
  const p = feature.properties;
  if (feature.source === "pilots") return t.pilot;
  if (feature.source === "zones") return t.zone;
  if (feature.source === "opportunities") {
    return `${t.opportunity}: ${config.call_types[p.kind] || p.kind}`;
  }
  return kindNames[p.kind] || p.kind;
}

// Built with textContent: names come from the registry's users.
function featureSection(feature) {
  const p = feature.properties;
  const box = element("section", undefined, `feature feature-${feature.source}`);
  box.append(element("h2", p.name));
  const status = p.status ? config.statuses[p.status] || p.status : "";
  box.append(element("p", status ? `${kindLabel(feature)} · ${status}` : kindLabel(feature), "kind"));
  const hostLabel = { pilots: t.lead, opportunities: t.publisher }[feature.source] || t.host;
  if (p.host) box.append(element("p", `${hostLabel}: ${p.host}`, "host"));
  if (p.sectors) {
    const names = p.sectors.split(",").map((slug) => sectorNames[slug] || slug);
    box.append(element("p", `${t.sectors}: ${names.join(", ")}`, "sectors"));
  }
  const links = element("p", undefined, "links");
  if (config.pages[feature.source]) {
    const page = element("a", t.open_page, "page");
    page.href = config.pages[feature.source].replace("__slug__", encodeURIComponent(p.slug));
    links.append(page, document.createTextNode(" · "));
  }
  const detail = element("a", t.api_detail, "detail");
  detail.href = p.detail_url;
  links.append(detail);
  box.append(links);
  return box;
}

function distinct(features) {
  const seen = new Set();
  return features.filter((f) => {
    const key = `${f.source}:${f.id ?? f.properties.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function visibleLayers(ids) {
  return ids.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, "visibility") !== "none");
}

function featuresAt(point) {
  for (const tier of [POINT_LAYERS, AREA_LAYERS, ZONE_LAYERS]) {
    const hits = map.queryRenderedFeatures(point, { layers: visibleLayers(tier) });
    if (hits.length) return distinct(hits);
  }
  return [];
}

// closeOnClick is off: MapLibre's own close-on-click would also close the
// popup a click on the next feature opens.
const popup = new maplibregl.Popup({ closeOnClick: false, maxWidth: "320px" });

function openPopup(features, lngLat) {
  const content = element("div", undefined, "feature-popup");
  content.append(...features.slice(0, 6).map(featureSection));
  popup.setLngLat(lngLat).setDOMContent(content).addTo(map);
}

map.on("click", (event) => {
  const features = featuresAt(event.point);
  if (features.length) openPopup(features, event.lngLat);
  else popup.remove();
});
map.on("mousemove", (event) => {
  const hit = map.queryRenderedFeatures(event.point, {
    layers: visibleLayers([...POINT_LAYERS, ...AREA_LAYERS]),
  });
  map.getCanvas().style.cursor = hit.length ? "pointer" : "";
});

// ---- the list of what is in view ------------------------------------------------

const list = document.getElementById("in-view");
const count = document.getElementById("in-view-count");
let listed = "";

function anchorOf(geometry) {
  const first = (coords) => (typeof coords[0] === "number" ? coords : first(coords[0]));
  if (geometry.type === "Point") return geometry.coordinates;
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0]
    : geometry.type === "MultiPolygon" ? geometry.coordinates[0][0] : null;
  if (!ring) return first(geometry.coordinates);
  const sum = ring.reduce(([x, y], [lon, lat]) => [x + lon, y + lat], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}

function updateList() {
  const features = distinct(map.queryRenderedFeatures({
    layers: visibleLayers([...POINT_LAYERS, ...AREA_LAYERS]),
  })).sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name)));
  const key = features.map((f) => `${f.source}:${f.properties.id}`).join("|");
  if (key === listed) return;
  listed = key;
  count.textContent = `(${features.length})`;
  list.replaceChildren(...features.map((feature) => {
    const item = element("li", undefined, `in-view-${feature.source}`);
    const button = element("button", feature.properties.name);
    button.type = "button";
    button.addEventListener("click", () => {
      openPopup([feature], anchorOf(feature.geometry));
      popup.getElement().querySelector("a")?.focus();
    });
    item.append(button, element("span", ` ${kindLabel(feature)}`, "kind"));
    return item;
  }));
  if (!features.length) list.append(element("li", t.nothing_in_view, "empty"));
}

map.on("idle", updateList);
map.once("idle", () => {
  writeHash();
  document.documentElement.dataset.mapReady = "true";
});
