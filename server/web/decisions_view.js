// Decisions (agreed, accepted, rejected, action, vote) grouped by meeting,
// newest first: /api/v1/decisions with the same query.
import {getJson} from './api.js';
import {el, formatCount, pagesNode, timeNode} from './dom.js';
import {subscribeNode} from './feed_link.js';
import {badge, logHref, speakerNode} from './hit_view.js';
import {seriesHref} from './series_view.js';

const kPerPage = 50;
const kMaxWindow = 10000;  // page * per_page the API allows

export async function renderDecisions(view, state, {isCurrent}) {
  view.replaceChildren(el('p', {role: 'status'}, 'Loading decisions…'));
  const body = await getJson('/api/v1/decisions',
    {q: state.q.trim(), filter: state.filter, page: state.page, per_page: kPerPage});
  if (!isCurrent()) return;
  const sections = body.meetings.map((m) => el('section', {class: 'decision-meeting'},
    el('h3', {}, el('a', {href: logHref(m.log)}, m.meeting || m.log), ' ',
       m.meeting ? el('a', {href: seriesHref(m.meeting), class: 'series-link'}, 'series') : null, ' ',
       m.channel ? el('span', {class: 'channel'}, m.channel) : null, ' ',
       m.decisions.length ? timeNode(m.decisions[0].time, {seconds: false}) : null),
    el('ul', {}, m.decisions.map((d) => el('li', {class: 'decision'},
      badge(d), ' ', el('a', {href: logHref(d.id)}, d.text), ' ', speakerNode(d),
      d.topic ? el('span', {class: 'topic'}, ` # ${d.topic}`) : null)))));
  const about = body.total.exact ? '' : 'about ';
  view.replaceChildren(el('section', {id: 'decisions-view'},
    el('h2', {}, state.q.trim() ? `Decisions matching “${state.q.trim()}”` : 'Latest decisions'),
    el('p', {role: 'status'}, `${about}${formatCount(body.total.value)} decisions · `,
       subscribeNode('decisions', state)),
    sections.length ? sections : el('p', {}, 'No decisions match.'),
    pagesNode(Number(state.page) || 1, Math.ceil(Math.min(body.total.value, kMaxWindow) / kPerPage),
              ['← Newer', 'Older →'])));
}
