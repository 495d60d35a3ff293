// A series' meetings (/api/v1/meetings/{name}) by year, newest first: per
// meeting its date and title (to its log), chairs, decisions, action items
// and how many of those are still open (the action ledger), the open ones
// linked to the search for them.
import {getJson, segment} from './api.js';
import {el, headingNode, formatCount, plural, timeNode} from './dom.js';
import {logHref} from './hit_view.js';

export const seriesHref = (name) => `/?view=series&meeting=${encodeURIComponent(name)}`;

const kPerPage = 1000;  // the API's most; a series past it is read in pages
const kMaxPages = 20;

function meetingNode(m) {
  return el('li', {class: 'series-meeting', 'data-id': m.id},
    el('a', {href: logHref(m.id)}, timeNode(m.start, {seconds: false})),
    m.title && m.title.toLowerCase() !== m.name.toLowerCase() ? ` ${m.title}` : '',
    m.chairs.length ? el('span', {class: 'by'}, ` (chair: ${m.chairs.join(', ')})`) : null, ' ',
    el('span', {class: 'counts'},
       el('span', {class: 'decisions'}, plural(m.decisions, 'decision')), ' · ',
       el('span', {class: 'actions'}, plural(m.action_items, 'action item')),
       m.open_actions ? openActionsNode(m) : null));
}

// "(2 open)", to the search for them: that meeting's day of its series.
function openActionsNode(m) {
  const q = `is:open meeting:${m.name} date:${m.start.slice(0, 10)}`;
  return el('span', {class: 'open-actions'}, ' (',
    el('a', {href: `/?q=${encodeURIComponent(q)}`}, `${formatCount(m.open_actions)} open`), ')');
}

export async function renderSeries(view, state, {isCurrent}) {
  const name = state.meeting || '';
  view.replaceChildren(el('p', {role: 'status'}, 'Loading the series…'));
  const path = `/api/v1/meetings/${segment(name)}`;
  const first = await getJson(path, {per_page: kPerPage});
  const meetings = [...first.meetings];
  for (let page = 2; page <= kMaxPages && meetings.length < first.count; ++page) {
    const more = await getJson(path, {page, per_page: kPerPage});
    if (!more.meetings.length) break;
    meetings.push(...more.meetings);
  }
  if (!isCurrent()) return;
  const years = new Map();
  for (const m of meetings) {
    const year = m.start.slice(0, 4);
    if (!years.has(year)) years.set(year, []);
    years.get(year).push(m);
  }
  const latest = meetings[0];
  view.replaceChildren(el('section', {id: 'series-view'},
    headingNode(`Meetings of ${first.meeting}`),
    el('p', {role: 'status'}, plural(first.count, 'meeting'),
       latest ? [' · ', el('a', {href: logHref(latest.id), id: 'series-latest'}, 'the latest')] : null,
       ' · ', el('a', {href: `/?view=decisions&q=${encodeURIComponent(`meeting:${first.meeting}`)}`},
                 'its decisions')),
    el('p', {class: 'notice', id: 'series-note'},
       'Action items are counted whatever their status: whether each is still open, carried ',
       'or done comes with the action ledger.'),
    [...years].map(([year, list]) => el('section', {class: 'series-year'},
      el('h3', {}, year, el('span', {class: 'by'}, ` (${formatCount(list.length)})`)),
      el('ol', {class: 'series-meetings'}, list.map(meetingNode))))));
}
