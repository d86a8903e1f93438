// The public tracking page's only script: follows the order's live stream (Server-Sent Events) and updates the
// server-rendered page in place, and shows times in the reader's own time zone. The page is complete without it.
// Wording lives in the page's markup and the rules (steps, progress) in the server's view; this only fills them in.
(() => {
  'use strict';

  const root = document.querySelector('[data-tracking]');
  if (!root) {
    return;
  }

  const stateText = { done: 'done', current: 'current step', upcoming: 'to come', stopped: 'stopped here' };
  const field = name => root.querySelector(`[data-field="${name}"]`);
  const show = (name, visible) => { root.querySelector(`[data-show="${name}"]`).hidden = !visible; };

  const localTime = iso => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

  function setTime(element, iso) {
    element.dateTime = iso || '';
    element.textContent = iso ? localTime(iso) : '';
  }

  function timeElement(iso) {
    const time = document.createElement('time');
    time.setAttribute('data-local', '');
    setTime(time, iso);
    return time;
  }

  // Mirrors the page's "in 12 min" wording.
  function arrivesIn(iso) {
    if (!iso) {
      return '';
    }
    const minutes = Math.ceil((new Date(iso) - Date.now()) / 60000);
    return minutes >= 1 ? `in ${minutes} min` : 'any minute now';
  }

  function renderSteps(steps) {
    const items = steps.map(step => {
      const item = document.createElement('li');
      item.className = `track-step ${step.state}`;
      if (step.state === 'current' || step.state === 'stopped') {
        item.setAttribute('aria-current', 'step');
      }
      const marker = document.createElement('span');
      marker.className = 'track-step-marker';
      marker.setAttribute('aria-hidden', 'true');
      const label = document.createElement('span');
      label.className = 'track-step-label';
      label.textContent = step.label;
      const state = document.createElement('span');
      state.className = 'visually-hidden';
      state.textContent = `(${stateText[step.state] || step.state})`;
      item.append(marker, label, state);
      if (step.at) {
        item.append(timeElement(step.at));
      }
      return item;
    });
    field('steps').replaceChildren(...items);
  }

  function renderTimeline(timeline) {
    const items = timeline.map(entry => {
      const item = document.createElement('li');
      const description = document.createElement('span');
      description.textContent = entry.description;
      item.append(timeElement(entry.at), ' ', description);
      return item;
    });
    field('timeline').replaceChildren(...items);
  }

  function render(view) {
    root.dataset.status = view.status;
    root.dataset.final = String(view.final);
    field('status-text').textContent = view.status_text;
    show('signed-by', Boolean(view.signed_by));
    field('signed-by').textContent = view.signed_by || '';
    document.title = document.title.replace(/^[^·]*·/, `${view.status_text} ·`);

    renderSteps(view.steps);
    field('progress').setAttribute('aria-valuenow', String(view.progress_percentage));
    field('progress').firstElementChild.style.width = `${view.progress_percentage}%`;
    field('progress-value').textContent = `${view.progress_percentage} %`;

    // The same choice as the page's Arrival property.
    const arrival = view.status === 'delivered' ? 'delivered' : view.final ? 'stopped' : view.estimated_arrival ? 'eta' : 'no-eta';
    for (const name of ['eta', 'delivered', 'stopped', 'no-eta']) {
      show(name, name === arrival);
    }
    setTime(field('eta'), view.estimated_arrival);
    field('eta-in').textContent = arrivesIn(view.estimated_arrival);
    setTime(field('delivered-at'), view.stage_times.delivered_at);

    show('driver', Boolean(view.driver_first_name));
    show('no-driver', !view.driver_first_name);
    field('driver-name').textContent = view.driver_first_name || '';
    const position = view.driver_position;
    show('position', Boolean(position));
    field('position').textContent = position ? `${position.latitude.toFixed(5)}, ${position.longitude.toFixed(5)}` : '';
    show('position-at', Boolean(position && position.updated_at));
    setTime(field('position-at'), position && position.updated_at);

    // Delivered while the page is open: ask for feedback (the form is in the page, hidden until now).
    const feedback = root.querySelector('[data-show="feedback"]');
    if (feedback) {
      feedback.hidden = !(view.feedback_welcome && feedback.querySelector('form'));
    }

    renderTimeline(view.timeline);

    // Other parts of the page (the map) follow the same views.
    root.dispatchEvent(new CustomEvent('tracking-view', { detail: view }));
  }

  function say(text) {
    field('live').textContent = text;
  }

  function follow() {
    const source = new EventSource(`${location.pathname.replace(/\/$/, '')}/events`);
    source.addEventListener('open', () => say('Live: this page updates by itself.'));
    source.addEventListener('order', message => {
      const view = JSON.parse(message.data);
      render(view);
      if (view.final) {
        // The server ends the stream after the final state; closing first keeps the browser from reconnecting.
        source.close();
        say('This order is complete; the page no longer changes.');
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (e.g. too many requests): the browser gives up, so try again a little later.
        say('Live updates paused; trying again shortly.');
        setTimeout(follow, 30000);
      } else {
        say('Reconnecting…');
      }
    });
  }

  for (const time of root.querySelectorAll('time[data-local]')) {
    if (time.dateTime) {
      time.textContent = localTime(time.dateTime);
    }
  }
  setInterval(() => {
    field('eta-in').textContent = arrivesIn(field('eta').dateTime);
  }, 15000);
  if (root.dataset.final !== 'true') {
    follow();
  }
})();
