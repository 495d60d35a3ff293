// Who said what: a person's activity over the years, meetings, topics,
// action items and latest lines (/api/v1/people/{person}).
import {getJson, segment} from './api.js';
import {el, headingNode, formatCount, plural, timeNode} from './dom.js';
import {badge, lineNode, logHref} from './hit_view.js';
import {term} from './query_edit.js';

function activityNode(perYear) {
  const years = perYear.map((v) => Number(v.value)).sort((a, b) => a - b);
  const counts = new Map(perYear.map((v) => [Number(v.value), v.count]));
  const top = Math.max(1, ...perYear.map((v) => v.count));
  const bars = el('div', {class: 'bars'});
  for (let y = years[0]; years.length && y <= years[years.length - 1]; ++y) {
    const n = counts.get(y) || 0;
    bars.append(el('div', {class: 'bar', title: `${y}: ${formatCount(n)} lines`, 'aria-label': `${y}: ${formatCount(n)} lines`},
                   el('span', {class: 'fill', style: `height:${Math.round((100 * n) / top)}%`}),
                   el('span', {class: 'label'}, String(y).slice(2))));
  }
  return el('figure', {id: 'person-activity'}, bars, el('figcaption', {}, 'Lines per year'));
}

export async function renderPerson(view, state, {isCurrent}) {
  const person = (state.person || '').trim();
  view.replaceChildren(el('p', {role: 'status'}, 'Loading…'));
  const p = await getJson(`/api/v1/people/${segment(person)}`);
  if (!isCurrent()) return;
  // A search of their lines: the person (and a meeting) as filters, a topic as words.
  const search = ({q = '', filters = []} = {}) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const f of [term('from', p.person), ...filters]) params.append('filter', f);
    return `/?${params}`;
  };
  const about = p.lines.exact ? '' : 'about ';
  view.replaceChildren(el('section', {id: 'person-view'},
    headingNode(p.person),
    el('p', {}, `${about}${plural(p.lines.value, 'line')}, `, plural(p.action_items_total, 'action item'), ' · ',
       el('a', {href: search()}, 'search their lines')),
    activityNode(p.per_year),
    el('div', {class: 'person-columns'},
      el('section', {id: 'person-meetings'}, el('h3', {}, 'Meetings'),
         el('ul', {}, p.per_meeting.map((m) => el('li', {},
           el('a', {href: search({filters: [term('meeting', m.value)]})}, m.value), ` (${formatCount(m.count)})`)))),
      el('section', {id: 'person-topics'}, el('h3', {}, 'Topics'),
         el('ul', {}, p.topics.values.map((t) => el('li', {},
           el('a', {href: search({q: term('topic', t.topic)})}, t.topic),
           t.meeting ? el('span', {class: 'muted'}, ` — ${t.meeting}`) : null, ` (${formatCount(t.count)})`))),
         p.topics.exact ? null : el('p', {class: 'note'}, `From their latest ${formatCount(p.topics.lines_counted)} lines.`))),
    el('section', {}, el('h3', {}, 'Action items'),
       el('ol', {id: 'person-actions'}, p.action_items.map((a) => el('li', {'data-status': a.status || ''},
         badge(a), ' ', el('a', {href: logHref(a.id)}, a.text), ' ', el('span', {class: 'muted'}, a.meeting || ''), ' ',
         timeNode(a.time, {seconds: false}))))),
    el('section', {}, el('h3', {}, 'Latest lines'),
       el('ol', {id: 'person-recent', class: 'lines'}, p.recent.map((r) => lineNode(r, 'line'))))));
}
