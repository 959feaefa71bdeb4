// The map of the pilot form: a click places the pilot's point and fills the
// longitude and latitude fields (typing in them moves the point); "Draw an
// area" turns clicks into the corners of a polygon kept in the hidden `area`
// field as GeoJSON. Zones and sites are drawn to find one's way. MapLibre GL
// JS is served by the app.

const config = JSON.parse(document.getElementById("pick-map-config").textContent);
const maplibregl = await import(config.maplibre);
const COLOR = "#1f5fa8";
const lon = document.getElementById("id_longitude");
const lat = document.getElementById("id_latitude");
const areaField = document.getElementById("id_area");
const drawButton = document.getElementById("draw-area");
const finishButton = document.getElementById("finish-area");
const clearButton = document.getElementById("clear-area");
const drawHelp = document.getElementById("draw-help");
const messages = document.getElementById("draw-messages").content;

let drawing = false;
let corners = [];

function chosen() {
  const x = parseFloat(lon.value), y = parseFloat(lat.value);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

function savedArea() {
  try {
    return areaField.value ? JSON.parse(areaField.value) : null;
  } catch {
    return null;
  }
}

function features() {
  const list = [];
  const at = chosen();
  if (at) list.push({ type: "Feature", properties: { kind: "point" },
                      geometry: { type: "Point", coordinates: at } });
  if (drawing) {
    for (const corner of corners) {
      list.push({ type: "Feature", properties: { kind: "corner" },
                  geometry: { type: "Point", coordinates: corner } });
    }
    if (corners.length >= 2) {
      list.push({ type: "Feature", properties: { kind: "edge" },
                  geometry: { type: "LineString", coordinates: corners } });
    }
  } else {
    const area = savedArea();
    if (area) list.push({ type: "Feature", properties: { kind: "area" }, geometry: area });
  }
  return { type: "FeatureCollection", features: list };
}

const style = {
  version: 8,
  sources: {
    zones: { type: "geojson", data: config.zones },
    sites: { type: "geojson", data: config.sites },
    pilot: { type: "geojson", data: features() },
  },
  layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ea" } }],
};
if (config.basemap.tiles) {
  style.sources.basemap = {
    type: "raster", tiles: [config.basemap.tiles], tileSize: 256,
    attribution: config.basemap.attribution,
  };
  style.layers.push({ id: "basemap", type: "raster", source: "basemap" });
}
const kind = (name) => ["==", ["get", "kind"], name];
style.layers.push(
  { id: "zones", type: "fill", source: "zones",
    paint: { "fill-color": "#8a8f98", "fill-opacity": 0.12 } },
  { id: "zone-lines", type: "line", source: "zones",
    paint: { "line-color": "#8a8f98", "line-width": 1 } },
  { id: "sites", type: "circle", source: "sites",
    paint: { "circle-color": "#57606a", "circle-radius": 4 } },
  { id: "pilot-area", type: "fill", source: "pilot", filter: kind("area"),
    paint: { "fill-color": COLOR, "fill-opacity": 0.25 } },
  { id: "pilot-edges", type: "line", source: "pilot",
    filter: ["any", kind("area"), kind("edge")],
    paint: { "line-color": COLOR, "line-width": 2 } },
  { id: "pilot-corners", type: "circle", source: "pilot", filter: kind("corner"),
    paint: { "circle-color": "#ffffff", "circle-radius": 5,
             "circle-stroke-color": COLOR, "circle-stroke-width": 2 } },
  { id: "pilot-point", type: "circle", source: "pilot", filter: kind("point"),
    paint: { "circle-color": COLOR, "circle-radius": 9,
             "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
);

const start = chosen();
const map = new maplibregl.Map({
  container: "pick-map",
  style,
  center: start || config.center,
  zoom: start ? config.point_zoom : config.zoom,
  attributionControl: { compact: true },
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");

function redraw() {
  const source = map.getSource("pilot");
  if (source) source.setData(features());
  finishButton.hidden = !drawing;
  finishButton.disabled = corners.length < 3;
  drawButton.hidden = drawing;
  clearButton.hidden = drawing || !areaField.value;
  const message = drawing ? "[data-drawing]" : areaField.value ? "[data-drawn]" : null;
  drawHelp.textContent = message ? messages.querySelector(message).textContent : "";
}

map.on("click", (event) => {
  const at = [+event.lngLat.lng.toFixed(6), +event.lngLat.lat.toFixed(6)];
  if (drawing) {
    corners.push(at);
  } else {
    lon.value = at[0].toFixed(6);
    lat.value = at[1].toFixed(6);
  }
  redraw();
});
drawButton.addEventListener("click", () => { drawing = true; corners = []; redraw(); });
finishButton.addEventListener("click", () => {
  if (corners.length < 3) return;
  areaField.value = JSON.stringify(
    { type: "Polygon", coordinates: [[...corners, corners[0]]] });
  drawing = false;
  corners = [];
  redraw();
});
clearButton.addEventListener("click", () => { areaField.value = ""; redraw(); });
lon.addEventListener("input", redraw);
lat.addEventListener("input", redraw);
document.getElementById("draw-tools").hidden = false;
redraw();
window.pickMap = map; // for the browser test
map.once("idle", () => { document.documentElement.dataset.mapReady = "true"; });
