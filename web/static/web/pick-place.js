// The map of the pilot form: a click places the pilot's point and fills the
// longitude and latitude fields; typing in them moves the point. Zones and
// sites are drawn to find one's way. MapLibre GL JS is served by the app.

const config = JSON.parse(document.getElementById("pick-map-config").textContent);
const maplibregl = await import(config.maplibre);
const COLOR = "#1f5fa8";
const lon = document.getElementById("id_longitude");
const lat = document.getElementById("id_latitude");

function chosen() {
  const x = parseFloat(lon.value), y = parseFloat(lat.value);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

function pointData() {
  const at = chosen();
  const features = at
    ? [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: at } }]
    : [];
  return { type: "FeatureCollection", features };
}

const style = {
  version: 8,
  sources: {
    zones: { type: "geojson", data: config.zones },
    sites: { type: "geojson", data: config.sites },
    pilot: { type: "geojson", data: pointData() },
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
style.layers.push(
  { id: "zones", type: "fill", source: "zones",
    paint: { "fill-color": "#8a8f98", "fill-opacity": 0.12 } },
  { id: "zone-lines", type: "line", source: "zones",
    paint: { "line-color": "#8a8f98", "line-width": 1 } },
  { id: "sites", type: "circle", source: "sites",
    paint: { "circle-color": "#57606a", "circle-radius": 4 } },
  { id: "pilot-point", type: "circle", source: "pilot",
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
  if (source) source.setData(pointData());
}

map.on("click", (event) => {
  lon.value = event.lngLat.lng.toFixed(6);
  lat.value = event.lngLat.lat.toFixed(6);
  redraw();
});
lon.addEventListener("input", redraw);
lat.addEventListener("input", redraw);
window.pickMap = map; // for the browser test
map.once("idle", () => { document.documentElement.dataset.mapReady = "true"; });
