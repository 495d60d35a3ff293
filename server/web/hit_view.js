// One search hit, and the lines around it on demand (/api/v1/records/{id}).
import {getJson, segment} from './api.js';
import {el, logOf, snippetNode, timeNode} from './dom.js';

export const kDecisionItems = ['agreed', 'accepted', 'rejected', 'action', 'vote', 'consensus'];

// "agreed", "action → gmann, efried", as a badge; null for plain lines.
export function badge(record) {
  if (!record.item) return null;
  const decision = kDecisionItems.includes(record.item);
  let text = record.item;
  if (record.item === 'action' && record.owners.length) text += ` → ${record.owners.join(', ')}`;
  const item = el('span', {class: `badge ${record.item}${decision ? ' decision' : ''}`}, text);
  if (record.item === 'consensus') return consensusBadge(item, record);
  if (!record.status) return item;
  // The action ledger's status: its evidence is the line it links to.
  const status = el('span', {class: `badge status ${record.status}`,
    title: record.evidence.length ? `evidence: ${record.evidence.join(', ')}` : 'nothing said in the next three meetings'},
    record.status);
  return el('span', {}, item, ' ', record.evidence.length ? el('a', {href: logHref(record.evidence[0])}, status) : status);
}

// A consensus: found in the conversation, not recorded by the chair; its
// supporters (or how many lines agreed, speakers unknown) link to the first.
function consensusBadge(item, record) {
  item.title = 'found in the conversation: nobody recorded it with #agreed';
  const who = record.supporters.length ? `+1 ${record.supporters.join(', ')}` :
    `${record.evidence.length} agreeing lines`;
  const support = el('a', {class: 'supporters', href: logHref(record.evidence[0] || record.id),
    title: `evidence: ${record.evidence.join(', ')}`}, who);
  return el('span', {}, item, ' ', support);
}

// A vote's question and result ("Ship it? Yes 5 · No 1"), as the minutes
// state them; null for another record or minutes item.
export function voteNode(record) {
  const vote = record.vote;
  if (!vote) return null;
  const results = vote.results.length ?
    vote.results.map((r) => `${r.option} ${r.votes}`).join(' · ') : 'no votes';
  return el('span', {class: 'vote-result', title: `Options: ${vote.options.join(', ')}`},
            el('q', {class: 'question'}, vote.question), ' ',
            el('span', {class: 'results'}, results));
}

export const personHref = (person) => `/?view=person&person=${encodeURIComponent(person)}`;
export const logHref = (id) => `/?view=log&id=${encodeURIComponent(id)}`;

export function speakerNode(record) {
  if (!record.speaker) return el('span', {class: 'speaker unknown'}, '(speaker unknown)');
  return el('a', {class: 'speaker', 'data-person': record.person, href: personHref(record.person)},
            `<${record.speaker}>`);
}

// A line of a log as text: time, speaker, the line (never HTML).
export function lineNode(record, className) {
  return el('li', {class: className, 'data-id': record.id},
            timeNode(record.time), ' ', speakerNode(record), ' ',
            el('span', {class: 'text'}, record.text),
            record.vote ? [' ', voteNode(record)] : null);
}

// Shows the lines around the hit `item` (an li.hit) under its snippet;
// resolves when they are shown (or the error saying why not). With `focus`,
// the focus goes to them, where the eye goes.
export async function showContext(item, {focus = false} = {}) {
  const button = item.querySelector('button.expand');
  if (button.getAttribute('aria-expanded') === 'true' || item.getAttribute('aria-busy') === 'true') return;
  // Not button.disabled: a disabled button loses the focus to <body>.
  item.setAttribute('aria-busy', 'true');
  item.querySelector('.context')?.remove();
  let shown;
  try {
    const record = await getJson(`/api/v1/records/${segment(item.dataset.id)}`, {context: 5});
    shown = el('ol', {class: 'context', 'aria-label': 'Lines around this one', tabindex: '-1'},
               record.context.before.map((r) => lineNode(r, 'context-line')),
               lineNode(record, 'context-line current'),
               record.context.after.map((r) => lineNode(r, 'context-line')));
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'Hide context';
  } catch (error) {
    shown = el('p', {class: 'context error', role: 'alert', tabindex: '-1'}, error.message);
  } finally {
    item.removeAttribute('aria-busy');
  }
  item.querySelector('.snippet').after(shown);
  if (focus) shown.focus();
  item.dispatchEvent(new Event('context-toggle', {bubbles: true}));
}

function hideContext(item) {
  const button = item.querySelector('button.expand');
  item.querySelector('.context')?.remove();
  button.setAttribute('aria-expanded', 'false');
  button.textContent = 'Show context';
  item.dispatchEvent(new Event('context-toggle', {bubbles: true}));
}

export function hitNode(hit, {onMore}) {
  const where = hit.meeting || hit.channel || logOf(hit.id).split('/').pop();
  const meta = el('div', {class: 'meta'},
                  el('span', {class: 'meeting'}, where),
                  hit.meeting && hit.channel ? el('span', {class: 'channel'}, hit.channel) : null,
                  timeNode(hit.time), speakerNode(hit), badge(hit),
                  hit.topic ? el('span', {class: 'topic'}, `# ${hit.topic}`) : null);
  const expand = el('button', {type: 'button', class: 'expand', 'aria-expanded': 'false'}, 'Show context');
  const actions = el('div', {class: 'actions'}, expand,
                     el('a', {class: 'open-log', href: logHref(hit.id)}, 'Open the log here'),
                     hit.url ? el('a', {class: 'permalink', href: hit.url, rel: 'noopener'}, 'Original log ↗') : null,
                     hit.collapsed > 0 ?
                       el('button', {type: 'button', class: 'more'}, `${hit.collapsed} more from this log`) : null);
  const vote = voteNode(hit);
  // tabindex: j and k move the focus from hit to hit (keys.js).
  const item = el('li', {class: 'hit', 'data-id': hit.id, tabindex: '-1'}, meta, snippetNode(hit.snippet),
                  vote ? el('p', {class: 'vote'}, vote) : null, actions);
  expand.addEventListener('click', () => {
    if (expand.getAttribute('aria-expanded') === 'true') hideContext(item);
    else showContext(item, {focus: true});
  });
  actions.querySelector('.more')?.addEventListener('click', () => onMore(hit));
  return item;
}
