// The registry's map page: zones, sites coloured by kind and pilot projects
// from the registry's own vector tiles (TileJSON at /tiles/<layer>.json).
// MapLibre GL JS is served by the app; nothing is loaded from elsewhere unless
// a basemap URL is configured (MAP_BASEMAP_TILES_URL).

const config = JSON.parse(document.getElementById("map-config").textContent);
const maplibregl = await import(config.maplibre);

const KIND_COLORS = { test_arena: "#d95f02", shared_lab: "#1b9e77" };
const PILOT_COLOR = "#7b3294";
const ZONE_COLOR = "#4257b2";
const CLICKABLE = ["sites", "pilots-point", "pilots-area", "zones-fill"];
const sectorNames = Object.fromEntries(config.sectors.map((s) => [s.slug, s.name]));
const form = document.getElementById("filters");

function tilejsonUrl(layer, params) {
  const query = new URLSearchParams(params).toString();
  return query ? `${config.tilejson[layer]}?${query}` : config.tilejson[layer];
}

// The filters as query parameters: the tiles apply the list endpoints' filters.
function chosen() {
  const kinds = [...form.querySelectorAll('input[name="kind"]:checked')].map((i) => i.value);
  const layers = [...form.querySelectorAll('input[name="layer"]:checked')].map((i) => i.value);
  const sector = form.elements.sector.value;
  const shared = sector ? { sector } : {};
  const siteParams = { ...shared };
  if (kinds.length && kinds.length < config.kinds.length) siteParams.kind = kinds.join(",");
  return {
    sites: { visible: kinds.length > 0, params: siteParams },
    pilots: { visible: layers.includes("pilots"), params: shared },
    zones: { visible: layers.includes("zones"), params: {} },
  };
}

function baseStyle() {
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
  const state = chosen();
  for (const layer of ["zones", "pilots", "sites"]) {
    style.sources[layer] = { type: "vector", url: tilejsonUrl(layer, state[layer].params) };
  }
  const polygon = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];
  const point = ["in", ["geometry-type"], ["literal", ["Point", "MultiPoint"]]];
  style.layers.push(
    { id: "zones-fill", type: "fill", source: "zones", "source-layer": "zones",
      paint: { "fill-color": ZONE_COLOR, "fill-opacity": 0.08 } },
    { id: "zones-line", type: "line", source: "zones", "source-layer": "zones",
      paint: { "line-color": ZONE_COLOR, "line-width": 1.5, "line-dasharray": [3, 2] } },
    { id: "pilots-area", type: "fill", source: "pilots", "source-layer": "pilots",
      filter: polygon, paint: { "fill-color": PILOT_COLOR, "fill-opacity": 0.2 } },
    { id: "pilots-area-line", type: "line", source: "pilots", "source-layer": "pilots",
      filter: polygon, paint: { "line-color": PILOT_COLOR, "line-width": 1.5 } },
    { id: "pilots-point", type: "circle", source: "pilots", "source-layer": "pilots",
      filter: point,
      paint: { "circle-color": PILOT_COLOR, "circle-radius": 6,
               "circle-stroke-color": "#ffffff", "circle-stroke-width": 1.5 } },
    { id: "sites", type: "circle", source: "sites", "source-layer": "sites",
      paint: {
        "circle-color": ["match", ["get", "kind"],
          "test_arena", KIND_COLORS.test_arena,
          "shared_lab", KIND_COLORS.shared_lab,
          "#666666"],
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 10, 5, 16, 9],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      } },
  );
  return style;
}

const map = new maplibregl.Map({
  container: "map",
  style: baseStyle(),
  center: config.center,
  zoom: config.zoom,
  attributionControl: { compact: false },
});
map.addControl(new maplibregl.NavigationControl(), "bottom-right");
map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
window.registryMap = map; // for the browser test and the curious

const LAYERS_OF = {
  sites: ["sites"],
  pilots: ["pilots-area", "pilots-area-line", "pilots-point"],
  zones: ["zones-fill", "zones-line"],
};

function applyFilters() {
  const state = chosen();
  for (const [source, { visible, params }] of Object.entries(state)) {
    map.getSource(source).setUrl(tilejsonUrl(source, params));
    for (const id of LAYERS_OF[source]) {
      map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
    }
  }
}
form.addEventListener("change", applyFilters);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// Built with textContent: names come from the registry's users.
function popupContent(feature) {
  const p = feature.properties;
  const box = element("div", undefined, "feature-popup");
  box.append(element("h2", p.name));
  const kind = p.kind === "pilot" ? "Pilot project"
    : (config.kinds.find((k) => k.slug === p.kind) || {}).name || "Zone";
  box.append(element("p", p.status ? `${kind} · ${p.status.replaceAll("_", " ")}` : kind, "kind"));
  if (p.host) box.append(element("p", `${p.kind === "pilot" ? "Lead" : "Host"}: ${p.host}`, "host"));
  if (p.sectors) {
    const names = p.sectors.split(",").map((slug) => sectorNames[slug] || slug);
    box.append(element("p", `Sectors: ${names.join(", ")}`, "sectors"));
  }
  // Sites and pilots have a public page (web/); zones only their API resource.
  const pageOf = p.kind === "pilot" ? "pilots"
    : config.kinds.some((k) => k.slug === p.kind) ? "sites" : null;
  if (pageOf) {
    const page = element("a", "Open the page", "page");
    page.href = config.pages[pageOf].replace("__slug__", encodeURIComponent(p.slug));
    box.append(page, document.createTextNode(" · "));
  }
  const link = element("a", "Details in the API", "detail");
  link.href = p.detail_url;
  box.append(link);
  return box;
}

const popup = new maplibregl.Popup({ closeButton: true, maxWidth: "320px" });
map.on("click", (event) => {
  const layers = CLICKABLE.filter((id) => map.getLayoutProperty(id, "visibility") !== "none");
  const [feature] = map.queryRenderedFeatures(event.point, { layers });
  if (!feature) return;
  popup.setLngLat(event.lngLat).setDOMContent(popupContent(feature)).addTo(map);
});
map.on("mousemove", (event) => {
  const hit = map.queryRenderedFeatures(event.point, { layers: CLICKABLE.slice(0, 3) });
  map.getCanvas().style.cursor = hit.length ? "pointer" : "";
});
map.once("idle", () => { document.documentElement.dataset.mapReady = "true"; });
