// Polls this node's actuator endpoint and event feed once a second and renders them.
const text = (value) => document.createTextNode(value == null ? '' : String(value));

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.appendChild(content); else td.appendChild(text(content));
  row.appendChild(td);
}

function renderMembers(view) {
  document.getElementById('self').textContent = view.local.name;
  const c = view.counts;
  document.getElementById('summary').textContent =
    `${c.alive} alive, ${c.suspect} suspect, ${c.dead} dead, ${c.left} left — health score ${view.healthScore}`;
  const body = document.getElementById('members');
  body.replaceChildren();
  for (const m of view.members) {
    const row = document.createElement('tr');
    cell(row, m.name);
    cell(row, `${m.address}:${m.port}`);
    const state = document.createElement('span');
    state.className = `state ${m.state}`;
    state.textContent = m.state;
    cell(row, state);
    cell(row, m.incarnation);
    cell(row, m.lastRttMillis == null ? '' : `${m.lastRttMillis} ms`);
    cell(row, m.meta && !m.meta.base64 ? Object.entries(m.meta).map(([k, v]) => `${k}=${v}`).join(' ') : '');
    if (m.meta && m.meta.http && m.state === 'ALIVE') {
      const link = document.createElement('a');
      link.href = `http://${location.hostname}:${m.meta.http}/`;
      link.textContent = 'open';
      cell(row, link);
    } else {
      cell(row, '');
    }
    body.appendChild(row);
  }
}

function renderEvents(entries) {
  const list = document.getElementById('events');
  list.replaceChildren();
  for (const e of entries) {
    const item = document.createElement('li');
    item.className = `kind-${e.kind}`;
    const time = document.createElement('time');
    time.textContent = new Date(e.at).toLocaleTimeString();
    item.append(time, text(e.text));
    list.appendChild(item);
  }
}

async function refresh() {
  try {
    const [members, events] = await Promise.all([
      fetch('actuator/memberlist').then((r) => r.json()),
      fetch('api/events').then((r) => r.json()),
    ]);
    renderMembers(members);
    renderEvents(events);
  } catch (e) {
    document.getElementById('summary').textContent = 'this node is not answering (stopped?)';
  }
}

document.getElementById('chat').addEventListener('submit', async (event) => {
  event.preventDefault();
  const line = document.getElementById('line');
  await fetch('api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: line.value }) });
  line.value = '';
});

document.getElementById('leave').addEventListener('click', () =>
  fetch('actuator/memberlistops/leave', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));

refresh();
setInterval(refresh, 1000);
