// The minimal search page: reads ?q=, asks /api/v1/search, shows the hits.
// Log text is inserted as text; only the API's snippet (escaped, with <mark>)
// is inserted as HTML.
const form = document.getElementById('search');
const input = document.getElementById('q');
const statusLine = document.getElementById('status');
const hitsList = document.getElementById('hits');

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderHit(hit) {
  const item = element('li', 'hit');
  const meta = element('div', 'meta');
  meta.append(element('span', 'meeting', hit.meeting || hit.channel || ''));
  const time = element('time', 'time', hit.time.replace('T', ' ').replace('Z', ' UTC'));
  time.dateTime = hit.time;
  time.title = new Date(hit.time).toString();
  meta.append(time);
  meta.append(element('span', 'speaker', hit.speaker ? `<${hit.speaker}>` : '(speaker unknown)'));
  if (hit.item) meta.append(element('span', `badge ${hit.item}`, hit.item));
  if (hit.topic) meta.append(element('span', 'topic', hit.topic));
  item.append(meta);
  const text = element('p', 'snippet');
  text.innerHTML = hit.snippet;  // escaped by the API; only <mark> is markup
  item.append(text);
  if (hit.url) {
    const link = element('a', 'permalink', 'original log');
    link.href = hit.url;
    link.rel = 'noopener';
    item.append(link);
  }
  return item;
}

async function search(q) {
  hitsList.replaceChildren();
  if (!q) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  try {
    const response = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}&per_page=50`);
    const body = await response.json();
    if (!response.ok) {
      statusLine.textContent = `Error: ${body.error ? body.error.message : response.statusText}`;
      return;
    }
    const about = body.total.exact ? '' : 'about ';
    let line = `${about}${body.total.value.toLocaleString()} hits (${Math.round(body.took_ms)} ms)`;
    if (body.query.lenient) line += ` — the query was read as plain words: ${body.query.problem}`;
    statusLine.textContent = body.total.value === 0 ? 'No results.' : line;
    if (body.did_you_mean) {
      const suggestion = element('a', 'did-you-mean', body.did_you_mean);
      suggestion.href = `/?q=${encodeURIComponent(body.did_you_mean)}`;
      statusLine.append(' Did you mean ', suggestion, '?');
    }
    hitsList.replaceChildren(...body.hits.map(renderHit));
  } catch (error) {
    statusLine.textContent = `Error: ${error.message}`;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = input.value.trim();
  history.pushState({q}, '', q ? `/?q=${encodeURIComponent(q)}` : '/');
  search(q);
});

window.addEventListener('popstate', () => {
  const q = new URLSearchParams(location.search).get('q') || '';
  input.value = q;
  search(q);
});

document.addEventListener('keydown', (event) => {
  if (event.key === '/' && document.activeElement !== input) {
    event.preventDefault();
    input.focus();
  }
});

const initial = new URLSearchParams(location.search).get('q') || '';
input.value = initial;
search(initial);
