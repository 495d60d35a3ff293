// "Subscribe": the Atom feed of the query shown (/feeds/search.atom, or
// /feeds/decisions.atom in the Decisions view), with the same q, filters and
// include= as the view, as a visible link and as the page's feed
// (<link rel="alternate">) for readers that discover feeds.
import {el} from './dom.js';

export function feedHref(kind, state) {
  const params = new URLSearchParams();
  if (state.q && state.q.trim()) params.set('q', state.q.trim());
  for (const f of state.filter || []) params.append('filter', f);
  if (state.include) params.set('include', state.include);
  const query = params.toString();
  return `/feeds/${kind}.atom${query ? `?${query}` : ''}`;
}

// The link, followed by the browser itself (data-native: not a view of the page).
export function subscribeNode(kind, state) {
  const href = feedHref(kind, state);
  const what = kind === 'decisions' ? 'these decisions' : 'this search';
  let discovered = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!discovered) {
    discovered = el('link', {rel: 'alternate', type: 'application/atom+xml'});
    document.head.append(discovered);
  }
  discovered.setAttribute('href', href);
  discovered.setAttribute('title', `eavesearch: ${what}`);
  return el('a', {href, id: 'subscribe', class: 'subscribe', type: 'application/atom+xml',
                  'data-native': true, title: `An Atom feed of ${what}: its 50 newest lines`},
            'Subscribe (Atom)');
}
