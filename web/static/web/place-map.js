// The small map on a site, pilot or opportunity page: the row's own geometry
// on a plain background (or the configured basemap). MapLibre GL JS is served
// by the app; nothing comes from elsewhere.

const config = JSON.parse(document.getElementById("place-map-config").textContent);
const maplibregl = await import(config.maplibre);
const COLOR = "#1f5fa8";

const style = {
  version: 8,
  sources: { place: { type: "geojson", data: config.features } },
  layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ea" } }],
};
if (config.basemap.tiles) {
  style.sources.basemap = {
    type: "raster", tiles: [config.basemap.tiles], tileSize: 256,
    attribution: config.basemap.attribution,
  };
  style.layers.push({ id: "basemap", type: "raster", source: "basemap" });
}
const polygon = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];
const point = ["in", ["geometry-type"], ["literal", ["Point", "MultiPoint"]]];
style.layers.push(
  { id: "place-area", type: "fill", source: "place", filter: polygon,
    paint: { "fill-color": COLOR, "fill-opacity": 0.2 } },
  { id: "place-outline", type: "line", source: "place", filter: polygon,
    paint: { "line-color": COLOR, "line-width": 2 } },
  { id: "place-point", type: "circle", source: "place", filter: point,
    paint: { "circle-color": COLOR, "circle-radius": 8,
             "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
);

const [west, south, east, north] = config.bounds;
const single = west === east && south === north;
const map = new maplibregl.Map({
  container: "place-map",
  style,
  center: [(west + east) / 2, (south + north) / 2],
  zoom: config.point_zoom,
  attributionControl: { compact: true },
  cooperativeGestures: true,
});
if (!single) {
  map.fitBounds([[west, south], [east, north]],
    { padding: 40, maxZoom: config.point_zoom, animate: false });
}
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
window.placeMap = map; // for the browser test
map.once("idle", () => { document.documentElement.dataset.mapReady = "true"; });
