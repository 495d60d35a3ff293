// Decisions (agreed, accepted, rejected, action, vote, and consensus found in the
// conversation) of a subject as a timeline: /api/v1/decisions with a query of its own, whole
// meetings under year headings, each with its link, chairs and items in line order (a vote
// with its question and result).
import {getJson} from './api.js';
import {el, formatCount, headingNode, pagesNode, timeNode} from './dom.js';
import {subscribeNode} from './feed_link.js';
import {badge, logHref, speakerNode, voteNode} from './hit_view.js';
import {seriesHref} from './series_view.js';

const kPerPage = 50;
const kMaxWindow = 10000;  // page * per_page the API allows

const sortOf = (state) => (state.sort === 'oldest' ? 'oldest' : 'newest');

function queryForm(state, navigate) {
  const input = el('input', {id: 'decisions-q', name: 'q', type: 'search', autocomplete: 'off',
                             spellcheck: 'false', placeholder: 'privsep meeting:tc', value: state.q});
  const sort = el('select', {id: 'decisions-sort', name: 'sort'},
    el('option', {value: 'newest', selected: sortOf(state) === 'newest'}, 'Newest first'),
    el('option', {value: 'oldest', selected: sortOf(state) === 'oldest'}, 'Oldest first'));
  const form = el('form', {id: 'decisions-search', role: 'search'},
    el('label', {for: 'decisions-q'}, 'Decisions about'), input,
    el('label', {for: 'decisions-sort', class: 'visually-hidden'}, 'Order'), sort,
    el('button', {type: 'submit'}, 'Show decisions'));
  const go = () => navigate({view: 'decisions', q: input.value.trim(), sort: sort.value, page: ''});
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go();
  });
  sort.addEventListener('change', go);
  return form;
}

function decisionNode(d) {
  const vote = voteNode(d);
  return el('li', {class: 'decision', 'data-id': d.id},
    badge(d), ' ', el('a', {href: logHref(d.id)}, vote ? vote : d.text), ' ', speakerNode(d),
    d.topic ? el('span', {class: 'topic'}, ` # ${d.topic}`) : null);
}

function meetingNode(m) {
  return el('article', {class: 'decision-meeting', 'data-log': m.log},
    el('h4', {},
       el('a', {href: logHref(m.log)}, m.meeting || m.log, ' ', timeNode(m.start, {seconds: false})),
       m.meeting ? el('a', {href: seriesHref(m.meeting), class: 'series-link'}, 'series') : null,
       m.channel ? el('span', {class: 'channel'}, m.channel) : null,
       m.chairs.length ? el('span', {class: 'chairs'}, `${m.chairs.length > 1 ? 'chairs' : 'chair'}: ${m.chairs.join(', ')}`) : null),
    el('ul', {}, m.decisions.map(decisionNode)));
}

// Meetings under a heading per year, in the order given.
function timelineNode(meetings) {
  const years = [];
  for (const m of meetings) {
    const year = m.start.slice(0, 4);
    if (!years.length || years[years.length - 1].year !== year) years.push({year, meetings: []});
    years[years.length - 1].meetings.push(m);
  }
  return el('ol', {class: 'timeline'}, years.map((y) => el('li', {class: 'timeline-year', 'data-year': y.year},
    el('h3', {}, y.year), y.meetings.map(meetingNode))));
}

export async function renderDecisions(view, state, {isCurrent, navigate}) {
  view.replaceChildren(el('p', {role: 'status'}, 'Loading decisions…'));
  const body = await getJson('/api/v1/decisions',
    {q: state.q.trim(), filter: state.filter, page: state.page, per_page: kPerPage, sort: sortOf(state)});
  if (!isCurrent()) return;
  const about = body.total.exact ? '' : 'about ';
  const labels = sortOf(state) === 'oldest' ? ['← Older', 'Newer →'] : ['← Newer', 'Older →'];
  view.replaceChildren(el('section', {id: 'decisions-view'},
    headingNode(state.q.trim() ? `Decisions about “${state.q.trim()}”` : 'Latest decisions'),
    queryForm(state, navigate),
    el('p', {role: 'status'}, `${about}${formatCount(body.total.value)} decisions · `,
       subscribeNode('decisions', state)),
    body.meetings.length ? timelineNode(body.meetings) : null,
    body.total.value ? null : el('p', {}, 'No decisions match.'),
    pagesNode(Number(state.page) || 1, Math.ceil(Math.min(body.total.value, kMaxWindow) / kPerPage), labels)));
}
