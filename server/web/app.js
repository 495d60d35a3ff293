// The search page: the whole state is the URL's query string (q, filter,
// sort, page, group, include, view, id, person, meeting), so every view is shareable and
// back/forward work. `filter` (repeated) holds the clicked facets, sent to
// the API apart from q. Views render from the JSON API; API errors are shown, not swallowed.
import {attachCompletion} from './completion.js';
import {renderDecisions} from './decisions_view.js';
import {renderLog} from './log_view.js';
import {renderPerson} from './person_view.js';
import {renderSearch} from './search_view.js';
import {renderSeries} from './series_view.js';

const kStateKeys = ['view', 'q', 'sort', 'page', 'group', 'include', 'id', 'person', 'meeting'];
const kViews = {search: renderSearch, decisions: renderDecisions, log: renderLog, person: renderPerson,
                series: renderSeries};

const form = document.getElementById('search');
const input = document.getElementById('q');
const errorBox = document.getElementById('error');
const view = document.getElementById('view');

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of kStateKeys) state[key] = params.get(key) || '';
  state.filter = params.getAll('filter').filter(Boolean);
  if (!kViews[state.view]) state.view = 'search';
  return state;
}

function urlOf(state) {
  const params = new URLSearchParams();
  for (const key of kStateKeys) {
    const value = state[key];
    if (!value || (key === 'view' && value === 'search') || (key === 'page' && Number(value) === 1)) continue;
    params.set(key, value);
  }
  for (const f of state.filter || []) params.append('filter', f);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

// Moves to the state with `changes` applied (a new history entry).
function navigate(changes) {
  const state = {...readState(), ...changes};
  history.pushState(null, '', urlOf(state));
  render();
}

let generation = 0;
async function render() {
  const state = readState();
  const mine = ++generation;
  input.value = state.q;
  errorBox.hidden = true;
  errorBox.textContent = '';
  document.querySelectorAll('[data-nav-view]').forEach((a) => {
    a.toggleAttribute('aria-current', a.dataset.navView === state.view);
  });
  document.title = state.q ? `${state.q} — eavesearch` : 'eavesearch: OpenStack IRC meetings';
  try {
    await kViews[state.view](view, state, {navigate, isCurrent: () => mine === generation});
  } catch (error) {
    if (mine !== generation) return;
    view.replaceChildren();
    errorBox.textContent = error.message;
    errorBox.hidden = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const state = readState();
  const q = input.value.trim();
  // A search from the log or person view goes to the results; the
  // decisions view keeps filtering decisions. The facets clicked stay.
  navigate({q, page: '', view: state.view === 'decisions' ? 'decisions' : 'search', id: '', person: '',
            meeting: ''});
});

// Links within the page change the state without a reload.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href^="/"]:not([data-native])');
  if (!link || event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  render().then(() => {
    if (readState().view !== 'log') window.scrollTo(0, 0);
  });
});

window.addEventListener('popstate', render);

document.addEventListener('keydown', (event) => {
  const typing = event.target.closest('input, textarea, select, [contenteditable]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

attachCompletion(input, document.getElementById('completions'));
render().then(() => {
  if (readState().view === 'search' && !readState().q) input.focus();
});
