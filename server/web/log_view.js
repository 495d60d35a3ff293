// A whole log, scrolled to and highlighting the line a hit linked to: a
// meeting's log with its minutes beside it, or a day of a channel log.
import {getJson, segment} from './api.js';
import {el, headingNode, logOf, plural, timeNode} from './dom.js';
import {badge, lineNode, logHref, personHref, voteNode} from './hit_view.js';
import {seriesHref} from './series_view.js';

const kChannelPages = 50;  // at most 5,000 lines of a channel's day
const kMeetingPages = 20;  // at most 20,000 lines of a meeting

// A minutes item; an action item with its status in the ledger and the
// evidence its line's record (in `lines`) gives.
function itemNode(meeting, item, lines) {
  const evidence = (lines.get(item.line) || {}).evidence || [];
  const record = {item: item.type.toLowerCase(), owners: item.owners, vote: item.vote, status: item.status, evidence};
  return el('li', {class: `item ${record.item}`, 'data-line': item.line},
    badge(record), ' ', el('a', {href: logHref(`${meeting.id}#${item.line}`)}, voteNode(record) || item.text),
    el('span', {class: 'by'}, ` (${item.nick}, ${item.time.slice(11, 19)})`));
}

// What the room agreed to without an #agreed (records of item consensus),
// apart from MeetBot's items: its proposal, supporters and topic.
function consensusNode(meeting, lines) {
  const found = [...lines.values()].filter((l) => l.item === 'consensus');
  if (!found.length) return null;
  return [el('h3', {}, 'Agreed in the conversation (not in the minutes)'),
    el('ul', {class: 'consensus-items'}, found.map((l) => el('li', {class: 'item consensus', 'data-line': l.line},
      badge(l), ' ', el('a', {href: logHref(l.id)}, l.text),
      el('span', {class: 'by'}, ` (${l.speaker || 'speaker unknown'}, ${l.time.slice(11, 19)}${l.topic ? `; ${l.topic}` : ''})`))))];
}

// The minutes as MeetBot writes them: each topic with the items under it
// (items before the first topic first), then the action items, the action
// items by person (UNASSIGNED last) and the people present; then what the
// room agreed to that the minutes lack.
function minutesNode(meeting, lines) {
  const topics = [];
  let current = {topic: null, items: []};
  for (const item of meeting.items) {
    if (item.type === 'TOPIC') {
      if (current.topic || current.items.length) topics.push(current);
      current = {topic: item, items: []};
    } else {
      current.items.push(item);
    }
  }
  if (current.topic || current.items.length) topics.push(current);
  const summary = el('ol', {class: 'minutes-topics'}, topics.map((t) => el('li', {class: 'minutes-topic'},
    t.topic ? el('a', {class: 'topic-title', href: logHref(`${meeting.id}#${t.topic.line}`)}, t.topic.text) : null,
    t.topic ? el('span', {class: 'by'}, ` (${t.topic.nick}, ${t.topic.time.slice(11, 19)})`) : null,
    t.items.length ? el('ol', {class: 'items'}, t.items.map((i) => itemNode(meeting, i, lines))) : null)));
  const actions = meeting.items.filter((i) => i.type === 'ACTION');
  const owners = [...new Set(actions.flatMap((a) => a.owners))]
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const byPerson = owners.map((nick) => ({nick, actions: actions.filter((a) => a.owners.includes(nick))}));
  const unassigned = actions.filter((a) => !a.owners.length);
  if (unassigned.length) byPerson.push({nick: 'UNASSIGNED', actions: unassigned});
  const people = el('ul', {class: 'people'}, meeting.people.map((p) =>
    el('li', {}, el('a', {href: personHref(p.nick.toLowerCase())}, p.nick), ` (${p.lines})`)));
  return el('aside', {id: 'minutes', 'aria-label': 'Minutes', tabindex: '-1'},
            el('h3', {}, 'Meeting summary'),
            meeting.chairs.length ? el('p', {}, `Chairs: ${meeting.chairs.join(', ')}`) : null,
            topics.length ? summary : el('p', {}, 'No minutes items.'),
            el('h3', {}, 'Action items'),
            actions.length ? el('ul', {class: 'action-items'}, actions.map((a) => itemNode(meeting, a, lines))) :
              el('p', {}, '(none)'),
            el('h3', {}, 'Action items, by person'),
            byPerson.length ? el('ul', {class: 'actions-by-person'}, byPerson.map((p) =>
              el('li', {'data-nick': p.nick}, p.nick,
                 el('ul', {}, p.actions.map((a) => el('li', {}, a.text)))))) : el('p', {}, '(none)'),
            el('h3', {}, 'People present (lines said)'), people,
            consensusNode(meeting, lines));
}

async function channelDay(stem) {
  // irclogs/#chan/#chan.YYYY-MM-DD
  const file = stem.split('/').pop();
  const date = file.slice(-10);
  const channel = file.slice(0, -11);
  const lines = [];
  for (let page = 1; page <= kChannelPages; ++page) {
    const day = await getJson(`/api/v1/channels/${segment(channel)}/${date}`, {page, per_page: 100});
    lines.push(...day.lines);
    if (day.lines.length < 100 || lines.length >= day.total.value) break;
  }
  return {title: `${channel} on ${date}`, lines, meeting: null};
}

// A meeting of `series` by its log's stem, wherever its log lies.
async function meetingLog(series, stem) {
  const path = `/api/v1/meetings/${segment(series)}/${segment(stem)}`;
  const meeting = await getJson(path);
  const lines = [...meeting.records];
  for (let page = 2; page <= kMeetingPages && lines.length < meeting.total.value; ++page) {
    const more = await getJson(path, {page});
    if (!more.records.length) break;
    lines.push(...more.records);
  }
  const title = meeting.title && meeting.title !== meeting.name ? `${meeting.name}: ${meeting.title}` : meeting.name;
  return {title, lines, meeting};
}

const kMeetingStem = /\.\d{4}-\d{2}-\d{2}-\d{2}\.\d{2}$/;  // <name>.<YYYY-MM-DD>-<HH>.<MM>

// Another log (a flattened or pasted one): a meeting's when its line is of
// one, else the lines around the line.
async function otherLog(id, stem) {
  const record = await getJson(`/api/v1/records/${segment(id.includes('#') ? id : `${id}#1`)}`, {context: 10});
  const file = stem.split('/').pop();
  if (record.meeting && kMeetingStem.test(file)) return meetingLog(record.meeting, file);
  return {title: stem, lines: [...record.context.before, record, ...record.context.after], meeting: null};
}

// The meeting's place in its series: previous, all, next.
function seriesNode(meeting) {
  const link = (other, rel, label) => other
    ? el('a', {href: logHref(other.id), rel, title: other.start.slice(0, 10)}, label)
    : el('span', {class: 'end'}, label);
  return el('nav', {id: 'series-nav', 'aria-label': 'Series'},
            link(meeting.previous, 'prev', '← Previous meeting'), ' · ',
            el('a', {href: seriesHref(meeting.name)}, `All meetings of ${meeting.name}`), ' · ',
            link(meeting.next, 'next', 'Next meeting →'));
}

export async function renderLog(view, state, {isCurrent}) {
  const id = state.id || '';
  const stem = id.includes('#') ? logOf(id) : id;
  view.replaceChildren(el('p', {role: 'status'}, 'Loading the log…'));
  let log;
  const parts = stem.split('/');  // meetings/<series>/<year>/<stem>
  if (/^meetings\/[^/]+\/\d{4}\/[^/]+$/.test(stem)) log = await meetingLog(parts[1], parts[3]);
  else if (/^irclogs\/[^/]+\/[^/]+\.\d{4}-\d{2}-\d{2}$/.test(stem)) log = await channelDay(stem);
  else log = await otherLog(id, stem);
  if (!isCurrent()) return;
  const list = el('ol', {id: 'log-lines'}, log.lines.map((r) => lineNode(r, r.id === id ? 'target' : '')));
  const first = log.lines[0];
  const byLine = new Map(log.lines.map((l) => [l.line, l]));
  const original = first && first.url ? first.url.replace(/#.*$/, '') : null;
  const heading = headingNode(log.title);
  // On a phone the minutes come after the lines: a link at the top jumps there.
  view.replaceChildren(el('section', {id: 'log-view'},
    heading,
    el('p', {class: 'meta'}, first ? timeNode(first.time) : null, ' · ', plural(log.lines.length, 'line'),
       log.meeting && log.meeting.channel ? ` · ${log.meeting.channel}` : '',
       original ? [' · ', el('a', {href: original, rel: 'noopener', class: 'permalink'}, 'Original log ↗')] : null,
       log.meeting ? [' ', el('a', {href: '#minutes', id: 'to-minutes'}, 'Minutes ↓')] : null),
    log.meeting ? seriesNode(log.meeting) : null,
    el('div', {class: 'log-layout'}, list, log.meeting ? minutesNode(log.meeting, byLine) : null)));
  // The line linked to, in view; the focus lands on it (app.js).
  const target = list.querySelector('.target');
  if (target) {
    heading.removeAttribute('data-landing');
    target.setAttribute('tabindex', '-1');
    target.setAttribute('data-landing', '');
    target.scrollIntoView({block: 'center'});
  }
}
