// What the results say of the query itself: that it was read leniently, a
// `name:` that is no field, a word perhaps misspelt, and, when nothing was
// found, the nearest queries that find something (the API's suggestions,
// each with what it changed) and the way to the help.
import {el, plural} from './dom.js';

const queryHref = (q) => `/?q=${encodeURIComponent(q)}`;
const kHelpHref = '/?view=help';

function lenientNode(query) {
  if (!query.lenient) return null;
  return el('p', {id: 'lenient', class: 'notice'},
    `The query could not be read as written (${query.problem || 'syntax'}); it was read as: `,
    el('code', {}, query.parsed));
}

// The words a `name:value` of the query became: "foo bar" for foo:bar.
function wordsOf(q, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const uses = [...q.matchAll(new RegExp(`(?:^|[\\s(])-?(${escaped}):("[^"]*"?|[^\\s)]*)`, 'giu'))];
  return uses.length ? uses.map((m) => `${m[1]} ${m[2].replaceAll('"', '')}`.trim()) : [name];
}

// "foo: is not a field — searched for the words foo bar. The fields".
function unknownFieldsNode(query, q) {
  const names = query.unknown_fields || [];
  if (!names.length) return null;
  const words = names.flatMap((name) => wordsOf(q, name));
  return el('p', {id: 'unknown-fields', class: 'notice'},
    `${names.map((n) => `${n}:`).join(', ')} ${names.length === 1 ? 'is not a field' : 'are not fields'}`,
    ` — searched for the words ${words.join(', ')}. `,
    el('a', {href: kHelpHref}, 'The fields there are'), '.');
}

function didYouMeanNode(response) {
  if (!response.did_you_mean) return null;
  return el('p', {id: 'did-you-mean'}, 'Did you mean ',
            el('a', {href: queryHref(response.did_you_mean)}, response.did_you_mean), '?');
}

function suggestionsNode(response) {
  if (response.total.value > 0) return null;
  const suggestions = response.suggestions || [];
  const help = el('p', {id: 'zero-help'}, 'How to ask: ', el('a', {href: kHelpHref}, 'the query language'), '.');
  if (!suggestions.length) return help;
  return el('section', {id: 'suggestions', 'aria-labelledby': 'suggestions-title'},
    el('h2', {id: 'suggestions-title'}, 'Nearest queries that find something'),
    el('ul', {}, suggestions.map((s) => el('li', {},
      el('a', {href: queryHref(s.q)}, s.q), ' ',
      el('span', {class: 'count'}, `${s.total.exact ? '' : 'about '}${plural(s.total.value, 'hit')}`),
      el('span', {class: 'why'}, ` — ${s.why}`)))),
    help);
}

export function noticesNode(response, q) {
  return [lenientNode(response.query), unknownFieldsNode(response.query, q), didYouMeanNode(response),
          suggestionsNode(response)].filter(Boolean);
}

