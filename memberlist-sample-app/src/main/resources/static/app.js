// The cluster page: renders what this node pushes over server-sent events (api/stream).
'use strict';

const KEPT_SAMPLES = 300;
const KEPT_EVENTS = 100;
const page = { view: null, history: [], feed: [] };

const byId = (id) => document.getElementById(id);
const text = (value) => document.createTextNode(value == null ? '' : String(value));

function cell(row, content, cls) {
  const td = document.createElement('td');
  if (cls) td.className = cls;
  if (content instanceof Node) td.appendChild(content); else td.appendChild(text(content));
  row.appendChild(td);
  return td;
}

function ago(millis) {
  const s = Math.max(0, Math.round((Date.now() - millis) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

function rate(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(value < 10 ? 1 : 0);
}

function openLink(member) {
  const port = member.meta && member.meta['http-port'];
  if (!port || member.state !== 'ALIVE' || member.name === page.view.self) return '';
  const link = document.createElement('a');
  link.href = `${location.protocol}//${member.address}:${port}/`;
  link.textContent = 'open';
  return link;
}

function renderMembers() {
  const view = page.view;
  byId('self').textContent = `· ${view.self}`;
  for (const state of ['alive', 'suspect', 'dead', 'left']) byId(`count-${state}`).textContent = view.counts[state];
  const body = byId('members');
  body.replaceChildren();
  for (const m of view.members) {
    const row = document.createElement('tr');
    row.dataset.member = m.name;
    const name = document.createElement('span');
    name.textContent = m.name;
    if (m.name === view.self) {
      const self = document.createElement('small');
      self.textContent = ' this node';
      name.appendChild(self);
    }
    cell(row, name, 'name');
    const state = document.createElement('span');
    state.className = `state ${m.state}`;
    state.textContent = m.state;
    cell(row, state, 'state-cell');
    cell(row, ago(m.sinceMillis), 'since');
    cell(row, `${m.address}:${m.port}`);
    cell(row, m.incarnation);
    const rtts = page.history.map((s) => (s.rttMillis[m.name] == null ? null : s.rttMillis[m.name]));
    const trip = document.createElement('span');
    trip.className = 'rtt';
    if (rtts.some((v) => v != null)) trip.appendChild(lineChart([{ values: rtts, cls: 'rtt-line' }], 120, 22, { slots: KEPT_SAMPLES }));
    trip.appendChild(text(m.rttMillis == null ? '' : ` ${m.rttMillis.toFixed(2)} ms`));
    cell(row, trip);
    const meta = document.createElement('span');
    for (const [key, value] of Object.entries(m.meta || {})) {
      const pair = document.createElement('span');
      pair.className = 'pair';
      pair.textContent = `${key}=${value}`;
      meta.appendChild(pair);
    }
    cell(row, meta, 'meta');
    cell(row, openLink(m));
    body.appendChild(row);
  }
}

function renderCharts() {
  const h = page.history;
  const draw = (id, series, options) => byId(id).replaceChildren(lineChart(series, 360, 70, options));
  draw('chart-health', [{ values: h.map((s) => s.healthScore), cls: 'health-line' }],
    { minTop: 1, slots: KEPT_SAMPLES, label: (top) => `max ${top}` });
  draw('chart-messages', [
    { values: h.map((s) => s.messagesInPerSecond), cls: 'in-line' },
    { values: h.map((s) => s.messagesOutPerSecond), cls: 'out-line' },
  ], { minTop: 1, slots: KEPT_SAMPLES, label: (top) => `max ${rate(top)}/s` });
  draw('chart-bytes', [
    { values: h.map((s) => s.bytesInPerSecond), cls: 'in-line' },
    { values: h.map((s) => s.bytesOutPerSecond), cls: 'out-line' },
  ], { minTop: 1, slots: KEPT_SAMPLES, label: (top) => `max ${rate(top)}B/s` });
}

function renderEvents() {
  const list = byId('events');
  list.replaceChildren();
  for (const e of page.feed) {
    const item = document.createElement('li');
    item.className = `kind-${e.kind}`;
    const time = document.createElement('time');
    time.textContent = new Date(e.at).toLocaleTimeString();
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = e.kind;
    item.append(time, kind, text(e.text));
    list.appendChild(item);
  }
}

function render() {
  if (!page.view) return;
  renderMembers();
  renderCharts();
  renderEvents();
}

function connect() {
  const source = new EventSource('api/stream');
  const status = byId('connection');
  source.addEventListener('snapshot', (message) => {
    const snapshot = JSON.parse(message.data);
    page.view = snapshot.view;
    page.history = snapshot.history;
    page.feed = snapshot.feed;
    status.textContent = 'live';
    status.className = 'connection live';
    render();
  });
  source.addEventListener('tick', (message) => {
    const tick = JSON.parse(message.data);
    page.view = tick.view;
    page.history.push(tick.sample);
    if (page.history.length > KEPT_SAMPLES) page.history.shift();
    renderMembers();
    renderCharts();
  });
  source.addEventListener('event', (message) => {
    page.feed.unshift(JSON.parse(message.data));
    if (page.feed.length > KEPT_EVENTS) page.feed.pop();
    renderEvents();
  });
  source.onerror = () => {
    status.textContent = 'this node is not answering (stopped?); retrying…';
    status.className = 'connection down';
  };
}

byId('chat').addEventListener('submit', async (event) => {
  event.preventDefault();
  const line = byId('line');
  if (!line.value.trim()) return;
  await fetch('api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: line.value }) });
  line.value = '';
});

byId('leave').addEventListener('click', () => fetch('api/leave', { method: 'POST' }));

connect();
