// The public tracking page's map (Components/Tracking/TrackingMap.razor): the driver's marker while the order is
// in transit, moved in place by each view track.js receives from the live stream (its "tracking-view" event).
// Positions are rounded to five decimals, the precision the page itself shows.
(() => {
  'use strict';

  const root = document.querySelector('[data-tracking]');
  const section = document.querySelector('[data-map-section]');
  const canvas = document.querySelector('[data-track-map]');
  if (!root || !section || !canvas || !window.L) {
    return;
  }

  const L = window.L;
  const icon = L.divIcon({ className: 'track-map-marker', iconSize: [18, 18], html: '' });
  let map = null;
  let marker = null;

  const rounded = degrees => Number(Number(degrees).toFixed(5));

  function escapeText(text) {
    const span = document.createElement('span');
    span.textContent = text || '';
    return span.innerHTML;
  }

  function draw() {
    map = L.map(canvas, { worldCopyJump: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (canvas.dataset.tileUrl) {
      L.tileLayer(canvas.dataset.tileUrl, { attribution: escapeText(canvas.dataset.attribution), maxZoom: 19 }).addTo(map);
    }
  }

  function place(latitude, longitude, driver) {
    if (latitude === null || longitude === null) {
      section.hidden = true;
      if (marker) {
        marker.remove();
        marker = null;
      }
      return;
    }
    const at = [rounded(latitude), rounded(longitude)];
    const label = driver ? `${driver}, your driver` : 'Your driver';
    section.hidden = false;
    if (!map) {
      draw();
    }
    if (!marker) {
      marker = L.marker(at, { icon, keyboard: false, title: label }).bindTooltip(escapeText(label)).addTo(map);
      map.setView(at, 15);
    } else {
      marker.setLatLng(at);
      // Keep the driver in sight as they move.
      if (!map.getBounds().contains(at)) {
        map.panTo(at);
      }
    }
    const element = marker.getElement();
    element.dataset.markerId = 'driver';
    element.dataset.kind = 'driver';
    element.dataset.lat = String(at[0]);
    element.dataset.lng = String(at[1]);
  }

  const initial = canvas.dataset;
  place(initial.lat ? initial.lat : null, initial.lng ? initial.lng : null, initial.driver);

  root.addEventListener('tracking-view', event => {
    const view = event.detail;
    const position = view.driver_position;
    place(position ? position.latitude : null, position ? position.longitude : null, view.driver_first_name);
  });
})();
