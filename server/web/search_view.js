// The search results: status, controls, histogram, facets, hits, pages.
import {getJson} from './api.js';
import {el, formatCount, pagesNode} from './dom.js';
import {downloadNode} from './download.js';
import {facetsNode, histogramNode} from './facets_view.js';
import {subscribeNode} from './feed_link.js';
import {hitNode} from './hit_view.js';
import {withDateFilter, withFilter, withoutFilter} from './query_edit.js';
import {noticesNode} from './search_notices.js';

const kPerPage = 20;
const kMaxWindow = 10000;  // page * per_page the API allows
const kFacets = 'person,meeting,channel,year,month,kind';

// "logs up to 2 Dec 2026 23:59 UTC": how fresh the index is.
function freshnessNode(response) {
  if (!response.logs_until) return null;
  const when = new Date(response.logs_until).toLocaleString('en-GB', {
    timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'});
  return el('span', {class: 'freshness'}, ' · logs up to ', el('time', {datetime: response.logs_until}, `${when} UTC`));
}

// The results' status line, where the focus lands after an action (app.js).
function statusNode(response, q) {
  const total = response.total.value;
  const attrs = {id: 'status', role: 'status', tabindex: '-1', 'data-landing': true};
  if (total === 0) return el('p', attrs, `No results for “${q}”.`, freshnessNode(response));
  const about = response.total.exact ? '' : 'about ';
  return el('p', attrs,
            `${about}${formatCount(total)} hit${total === 1 ? '' : 's'} (${Math.round(response.took_ms)} ms)`,
            freshnessNode(response));
}

// What the search left out (bots' lines, channel events) and a button
// that shows it; or, when shown, one that hides it again.
function hiddenNode(response, state, navigate) {
  const shown = state.include === 'bots,events';
  const n = response.hidden ? response.hidden.value : 0;
  if (!shown && !n) return null;
  const about = response.hidden && !response.hidden.exact ? 'about ' : '';
  const button = el('button', {type: 'button', id: 'toggle-hidden', 'aria-pressed': String(shown)},
                    shown ? 'Hide bots and channel events' : 'Show them');
  button.addEventListener('click', () => navigate({include: shown ? '' : 'bots,events', page: 1}));
  return el('p', {id: 'hidden-lines'},
            shown ? 'Bots\' lines and channel events (joins, quits…) are shown. '
                  : `${about}${formatCount(n)} line${n === 1 ? '' : 's'} of bots and channel events hidden. `,
            button);
}

function controlsNode(state, navigate, download) {
  const sort = el('fieldset', {class: 'sort'}, el('legend', {}, 'Order'));
  for (const [value, label] of [['relevance', 'Best match'], ['newest', 'Newest'], ['oldest', 'Oldest']]) {
    const input = el('input', {type: 'radio', name: 'sort', value, id: `sort-${value}`,
                               checked: (state.sort || 'relevance') === value});
    input.addEventListener('change', () => navigate({sort: value === 'relevance' ? '' : value, page: 1}));
    sort.append(el('label', {for: `sort-${value}`}, input, label));
  }
  const group = el('input', {type: 'checkbox', id: 'group', checked: state.group === 'meeting'});
  group.addEventListener('change', () => navigate({group: group.checked ? 'meeting' : '', page: 1}));
  return el('div', {class: 'controls'}, sort,
            el('label', {for: 'group', class: 'group'}, group, 'One hit per meeting'), download);
}

// The filters in force (clicked facets), each a button that removes it.
function filtersNode(filters, navigate) {
  if (!filters.length) return null;
  return el('ul', {id: 'active-filters', 'aria-label': 'Filters in force'},
    filters.map((f) => {
      const button = el('button', {type: 'button', class: 'filter', 'data-filter': f,
                                   'aria-label': `Remove the filter ${f}`}, f, el('span', {'aria-hidden': 'true'}, ' ✕'));
      button.addEventListener('click', () => navigate({filter: withoutFilter(filters, f), page: 1}));
      return el('li', {}, button);
    }));
}

export async function renderSearch(view, state, {navigate, isCurrent}) {
  const q = state.q.trim();
  const filters = state.filter || [];
  if (!q && !filters.length) {
    view.replaceChildren(el('section', {class: 'intro'},
      el('p', {}, 'Search fifteen years of OpenStack IRC meetings and the channel logs beside them.'),
      el('p', {}, 'Try ', el('a', {href: '/?q=is:agreed+privsep'}, 'is:agreed privsep'), ', ',
         el('a', {href: '/?q=%22ubuntu+20.04%22+date:2020'}, '"ubuntu 20.04" date:2020'), ' or ',
         el('a', {href: '/?view=decisions'}, 'the latest decisions'), '.'),
      el('p', {}, 'How to ask: ', el('a', {href: '/?view=help'}, 'the query language'), '.')));
    return;
  }
  view.replaceChildren(el('p', {id: 'status', role: 'status'}, 'Searching…'));
  const params = {q, filter: filters, sort: state.sort, collapse: state.group === 'meeting' ? 'meeting' : '',
                  include: state.include};
  const response = await getJson('/api/v1/search', {...params, page: state.page, per_page: kPerPage, facets: kFacets});
  if (!isCurrent()) return;
  const total = response.total.value;
  const status = statusNode(response, q || filters.join(' '));
  status.append(' · ', subscribeNode('search', state));
  const hidden = hiddenNode(response, state, navigate);
  const parts = [status, ...noticesNode(response, q), total ? null : hidden, filtersNode(filters, navigate)];
  if (total > 0) {
    const onMore = (hit) => {
      const narrowed = hit.meeting ? withFilter(filters, 'meeting', hit.meeting)
                                   : withFilter(filters, 'channel', hit.channel || '');
      navigate({filter: withDateFilter(narrowed, hit.time.slice(0, 10)), group: '', page: 1});
    };
    const page = Number(state.page) || 1;
    const pages = Math.max(1, Math.ceil(Math.min(total, kMaxWindow) / kPerPage));
    const download = downloadNode(params, response.total, q || filters.join(' '));
    // The facets first: a few Tabs from the box, left of the hits on a wide screen.
    parts.push(el('div', {class: 'results'},
      facetsNode(response, filters, navigate),
      el('div', {class: 'main-column'},
         controlsNode(state, navigate, download), histogramNode(response, q, filters, navigate), hidden,
         page > pages ? null : el('ol', {id: 'hits'}, response.hits.map((h) => hitNode(h, {onMore}))),
         pagesNode(page, pages))));
  }
  view.replaceChildren(...parts.filter(Boolean));
}
