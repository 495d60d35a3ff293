// The search page: the whole state is the URL's query string (q, filter,
// sort, page, group, include, view, id, person, meeting), so every view is shareable and
// back/forward work. `filter` (repeated) holds the clicked facets, sent to
// the API apart from q. Views render from the JSON API; API errors are shown, not swallowed.
// What the URL does not hold (scroll, open contexts, focus) is in page_memory.js.
import {attachCompletion} from './completion.js';
import {renderDecisions} from './decisions_view.js';
import {renderHelp} from './help_view.js';
import {attachHints} from './hints.js';
import {attachKeys} from './keys.js';
import {renderLog} from './log_view.js';
import * as memory from './page_memory.js';
import {renderPerson} from './person_view.js';
import {renderSearch} from './search_view.js';
import {renderSeries} from './series_view.js';

const kStateKeys = ['view', 'q', 'sort', 'page', 'group', 'include', 'id', 'person', 'meeting'];
const kViews = {search: renderSearch, decisions: renderDecisions, log: renderLog, person: renderPerson,
                series: renderSeries, help: renderHelp};

const form = document.getElementById('search');
const input = document.getElementById('q');
const errorBox = document.getElementById('error');
const view = document.getElementById('view');

function readState(search = location.search) {
  const params = new URLSearchParams(search);
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

// A link's URL with the query of the page kept: reading a log, a person or
// the help leaves the query in the box, and the Search link
// (data-keep-query) goes back to its results. A link to other results
// (a facet's, a suggestion's) says its own query.
function keepingQuery(link) {
  const href = link.getAttribute('href');
  const q = readState().q;
  const target = new URL(href, location.origin);
  if (!q || target.searchParams.has('q')) return href;
  if (readState(target.search).view === 'search' && !link.hasAttribute('data-keep-query')) return href;
  target.searchParams.set('q', q);
  return urlOf(readState(target.search));
}

// Where the focus goes when a view is drawn after an action: the view's
// landing (data-landing: the results' status line, the log's line, a
// heading), else the error, else the search box.
function land() {
  const landing = !errorBox.hidden ? errorBox : view.querySelector('[data-landing]') || input;
  landing.focus({preventScroll: true});
}

// Moves to the state with `changes` applied (a new history entry).
function navigate(changes) {
  go(urlOf({...readState(), ...changes}));
}

function go(url) {
  memory.remember(view);
  history.pushState(null, '', url);
  render('push');
}

let generation = 0;
// Draws the view of the URL. `how`: 'push' after an action on the page,
// 'pop' on Back or Forward, 'load' when the page opens.
async function render(how) {
  const state = readState();
  const mine = ++generation;
  const remembered = memory.recall();
  memory.pause();
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
  if (mine !== generation) return;
  if (how !== 'push' && remembered) {
    await memory.restore(view, remembered);
    if (mine !== generation) return;
  } else if (how === 'push') {
    if (state.view !== 'log') window.scrollTo(0, 0);  // the log view scrolls to its line
    if (!form.contains(document.activeElement)) land();  // a search typed keeps the focus in the box
  } else if (state.view === 'log' || (state.view === 'search' && !state.q && !state.filter.length)) {
    land();
  }
  memory.resume();
  memory.remember(view);
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

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 ||
      event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // A jump within the view ("Minutes ↓", the skip link): scroll there and
  // move the focus there, the URL left alone.
  const jump = event.target.closest('a[href^="#"]');
  if (jump) {
    const target = document.getElementById(jump.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({block: 'start'});
    target.focus({preventScroll: true});
    return;
  }
  // Links within the page change the state without a reload.
  const link = event.target.closest('a[href^="/"]:not([data-native])');
  if (!link) return;
  event.preventDefault();
  go(keepingQuery(link));
});

window.addEventListener('popstate', () => render('pop'));

attachCompletion(input, document.getElementById('completions'));
attachHints(document.getElementById('hints'), input);
attachKeys({input, view, dialog: document.getElementById('shortcuts')});
memory.watch(view);
render('load');
