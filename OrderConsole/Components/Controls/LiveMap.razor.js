// The LiveMap component's side in the browser: one Leaflet map per component, its markers kept by id so that an
// update moves a marker rather than replacing it. Each marker's element carries its id, kind and position as data
// attributes (data-marker-id, data-kind, data-lat, data-lng), which is also how the browser tests read the map.
import '/lib/leaflet/leaflet.js';

const L = window.L;

// Markers are drawn as coloured shapes by CSS (LiveMap.razor.css), one class per kind.
function iconOf(kind) {
  return L.divIcon({ className: `live-map-marker live-map-${kind}`, iconSize: [18, 18], html: '' });
}

function stamp(marker, data) {
  const element = marker.getElement();
  if (!element) {
    return;
  }
  element.dataset.markerId = data.id;
  element.dataset.kind = data.kind;
  element.dataset.lat = String(data.lat);
  element.dataset.lng = String(data.lng);
  element.title = data.label;
}

export function create(element, options) {
  const map = L.map(element, { worldCopyJump: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: escapeText(options.attribution), maxZoom: 19 }).addTo(map);
  }
  map.setView([20, 0], 2);
  return { map, markers: new Map(), fitted: false };
}

export function update(state, markers) {
  let added = false;
  const seen = new Set();
  for (const data of markers) {
    seen.add(data.id);
    const known = state.markers.get(data.id);
    if (!known) {
      const marker = L.marker([data.lat, data.lng], { icon: iconOf(data.kind), keyboard: false, title: data.label })
        .bindTooltip(escapeText(data.label))
        .addTo(state.map);
      state.markers.set(data.id, { marker, kind: data.kind, label: data.label });
      stamp(marker, data);
      added = true;
      continue;
    }
    known.marker.setLatLng([data.lat, data.lng]);
    if (known.kind !== data.kind) {
      known.marker.setIcon(iconOf(data.kind));
      known.kind = data.kind;
    }
    if (known.label !== data.label) {
      known.marker.setTooltipContent(escapeText(data.label));
      known.label = data.label;
    }
    stamp(known.marker, data);
  }
  for (const [id, known] of state.markers) {
    if (!seen.has(id)) {
      known.marker.remove();
      state.markers.delete(id);
    }
  }
  // Frame the markers when they first appear and when new ones join; a move alone never moves the view.
  if (added || (!state.fitted && state.markers.size > 0)) {
    fit(state);
  }
}

function fit(state) {
  const points = [...state.markers.values()].map(known => known.marker.getLatLng());
  if (points.length === 1) {
    state.map.setView(points[0], 15);
  } else if (points.length > 1) {
    state.map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
  }
  state.fitted = points.length > 0;
}

export function dispose(state) {
  state.map.remove();
  state.markers.clear();
}

// Tooltips and the attribution are set as HTML by Leaflet; names and settings are text.
function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = text || '';
  return span.innerHTML;
}
