// Small DOM helpers. Log text is untrusted: it only ever goes in as text
// (textContent, attributes); the one HTML inserted is the API's snippet,
// which the server escapes and marks up with <mark> only.

// el('a', {href: '/x', class: 'y'}, 'text', child, ...): an element with
// attributes (set with setAttribute; `dataset`-style keys as data-*) and
// children (strings become text nodes; null and false are skipped).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// The API's snippet: escaped log text with <mark> around matched words.
export function snippetNode(html) {
  const node = el('p', {class: 'snippet'});
  node.innerHTML = html;
  return node;
}

const numberFormat = new Intl.NumberFormat('en-US');
export const formatCount = (n) => numberFormat.format(n);

// "2020-05-14 15:07:53 UTC" in a <time>, the reader's local time on hover.
export function timeNode(iso, {seconds = true} = {}) {
  const text = iso.replace('T', ' ').replace('Z', '').slice(0, seconds ? 19 : 16) + ' UTC';
  return el('time', {datetime: iso, title: `${new Date(iso).toLocaleString()} (your time)`}, text);
}

// The stem of a record id ("meetings/tc/2020/tc.2020-05-14-15.00#42" ->
// "meetings/tc/2020/tc.2020-05-14-15.00"); channel stems have '#' too.
export const logOf = (id) => id.slice(0, id.lastIndexOf('#'));

export function plural(n, word) {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

// Previous/next links to the same URL with another page, "Page N of M";
// past the last page (a URL typed or kept), a link to the last one instead.
export function pagesNode(page, pages, labels = ['← Previous', 'Next →']) {
  const href = (p) => {
    const params = new URLSearchParams(location.search);
    params.set('page', p);
    return `/?${params}`;
  };
  if (pages > 0 && page > pages) {
    return el('p', {id: 'past-end', class: 'notice'},
              `Page ${formatCount(page)} is past the last page (${formatCount(pages)}): `,
              el('a', {href: href(pages)}, `go to page ${formatCount(pages)}`), '.');
  }
  return el('nav', {id: 'pages', 'aria-label': 'Pages'},
            page > 1 ? el('a', {rel: 'prev', href: href(page - 1)}, labels[0]) : null,
            pages > 1 ? el('span', {}, `Page ${formatCount(page)} of ${formatCount(pages)}`) : null,
            page < pages ? el('a', {rel: 'next', href: href(page + 1)}, labels[1]) : null);
}

// A view's heading, where the focus lands when the view is drawn (app.js).
export const headingNode = (text) => el('h2', {tabindex: '-1', 'data-landing': true}, text);
