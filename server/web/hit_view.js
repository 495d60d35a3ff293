// One search hit, and the lines around it on demand (/api/v1/records/{id}).
import {getJson, segment} from './api.js';
import {el, logOf, snippetNode, timeNode} from './dom.js';

export const kDecisionItems = ['agreed', 'accepted', 'rejected', 'action', 'vote'];

// "agreed", "action → gmann, efried", as a badge; null for plain lines.
export function badge(record) {
  if (!record.item) return null;
  const decision = kDecisionItems.includes(record.item);
  let text = record.item;
  if (record.item === 'action' && record.owners.length) text += ` → ${record.owners.join(', ')}`;
  const item = el('span', {class: `badge ${record.item}${decision ? ' decision' : ''}`}, text);
  if (!record.status) return item;
  // The action ledger's status: its evidence is the line it links to.
  const status = el('span', {class: `badge status ${record.status}`,
    title: record.evidence.length ? `evidence: ${record.evidence.join(', ')}` : 'nothing said in the next three meetings'},
    record.status);
  return el('span', {}, item, ' ', record.evidence.length ? el('a', {href: logHref(record.evidence[0])}, status) : status);
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

async function toggleContext(item, hit, button) {
  const open = button.getAttribute('aria-expanded') === 'true';
  const existing = item.querySelector('.context');
  if (open) {
    existing?.remove();
    button.setAttribute('aria-expanded', 'false');
    button.textContent = 'Show context';
    return;
  }
  button.disabled = true;
  try {
    const record = await getJson(`/api/v1/records/${segment(hit.id)}`, {context: 5});
    const list = el('ol', {class: 'context', 'aria-label': 'Lines around this one'},
                    record.context.before.map((r) => lineNode(r, 'context-line')),
                    lineNode(record, 'context-line current'),
                    record.context.after.map((r) => lineNode(r, 'context-line')));
    item.querySelector('.snippet').after(list);
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'Hide context';
  } catch (error) {
    item.querySelector('.snippet').after(el('p', {class: 'context error', role: 'alert'}, error.message));
  } finally {
    button.disabled = false;
  }
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
  const item = el('li', {class: 'hit', 'data-id': hit.id}, meta, snippetNode(hit.snippet),
                  vote ? el('p', {class: 'vote'}, vote) : null, actions);
  expand.addEventListener('click', () => toggleContext(item, hit, expand));
  actions.querySelector('.more')?.addEventListener('click', () => onMore(hit));
  return item;
}
