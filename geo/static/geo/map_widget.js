// The admin's geometry widget: a MapLibre map beside a GeoJSON textarea
// (geo/widgets.py). The textarea is what the form posts; the map shows it and,
// for a point, moves it (drag the marker or click the map). The base layer is
// the map page's offline style: a plain background and the district's zones
// from the registry's own vector tiles.

const SHAPE_COLOR = "#7b3294";
const ZONE_COLOR = "#4257b2";
const DECIMALS = 7; // about 1 cm

function round(value) {
  return Number(value.toFixed(DECIMALS));
}

function parse(text, geomType) {
  if (!text.trim()) return null;
  const geometry = JSON.parse(text);
  const wanted = geomType === "Geometry" ? geometry.type : geomType;
  if (!geometry || geometry.type !== wanted || !Array.isArray(geometry.coordinates)) {
    throw new Error("unexpected geometry");
  }
  return geometry;
}

function positions(geometry) {
  const out = [];
  const walk = (item) => {
    if (typeof item[0] === "number") out.push(item);
    else item.forEach(walk);
  };
  if (geometry) walk(geometry.coordinates);
  return out;
}

function baseStyle(zonesUrl) {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f1ea" } }],
  };
  if (zonesUrl) {
    style.sources.zones = { type: "vector", url: zonesUrl };
    style.layers.push(
      { id: "zones-fill", type: "fill", source: "zones", "source-layer": "zones",
        paint: { "fill-color": ZONE_COLOR, "fill-opacity": 0.08 } },
      { id: "zones-line", type: "line", source: "zones", "source-layer": "zones",
        paint: { "line-color": ZONE_COLOR, "line-width": 1.5, "line-dasharray": [3, 2] } },
    );
  }
  style.sources.shape = { type: "geojson", data: { type: "FeatureCollection", features: [] } };
  style.layers.push(
    { id: "shape-fill", type: "fill", source: "shape",
      filter: ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]],
      paint: { "fill-color": SHAPE_COLOR, "fill-opacity": 0.25 } },
    { id: "shape-line", type: "line", source: "shape",
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": SHAPE_COLOR, "line-width": 2 } },
  );
  return style;
}

function start(maplibregl, container) {
  const input = document.getElementById(container.dataset.input);
  const error = container.querySelector(".geo-map-widget-error");
  const geomType = container.dataset.geomType;
  const isPoint = geomType === "Point";
  const editable = container.dataset.disabled !== "true";
  const map = new maplibregl.Map({
    container: container.querySelector(".geo-map-widget-map"),
    style: baseStyle(container.dataset.zones),
    center: container.dataset.center.split(",").map(Number),
    zoom: Number(container.dataset.zoom),
    attributionControl: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
  container.registryMap = map; // for the browser test and the curious
  let marker = null;

  function writePoint(lngLat) {
    input.value = JSON.stringify({
      type: "Point",
      coordinates: [round(lngLat.lng), round(lngLat.lat)],
    });
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function placeMarker(lngLat) {
    if (marker) {
      marker.setLngLat(lngLat);
      return;
    }
    marker = new maplibregl.Marker({ color: SHAPE_COLOR, draggable: editable });
    marker.setLngLat(lngLat).addTo(map);
    marker.on("dragend", () => writePoint(marker.getLngLat()));
  }

  // Draw what the textarea holds; keep the last valid shape when it is not.
  function show(fit) {
    let geometry;
    try {
      geometry = parse(input.value, geomType);
    } catch {
      error.textContent = container.dataset.invalid;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    if (isPoint) {
      if (geometry) placeMarker(geometry.coordinates);
      else if (marker) { marker.remove(); marker = null; }
    } else {
      map.getSource("shape").setData({
        type: "FeatureCollection",
        features: geometry ? [{ type: "Feature", geometry, properties: {} }] : [],
      });
    }
    const points = positions(geometry);
    if (fit && points.length === 1) map.jumpTo({ center: points[0], zoom: Math.max(map.getZoom(), 15) });
    else if (fit && points.length > 1) {
      const bounds = points.reduce(
        (box, point) => box.extend(point), new maplibregl.LngLatBounds(points[0], points[0]));
      map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 17 });
    }
  }

  if (isPoint && editable) {
    map.on("click", (event) => {
      placeMarker(event.lngLat);
      writePoint(event.lngLat);
    });
  }
  input.addEventListener("input", () => show(false));
  map.on("load", () => {
    show(true);
    container.dataset.mapReady = "true";
  });
}

const widgets = document.querySelectorAll(".geo-map-widget");
if (widgets.length) {
  const maplibregl = await import(widgets[0].dataset.maplibre);
  widgets.forEach((container) => start(maplibregl, container));
}
