// Facets to click and the histogram of hits over time. A click adds a filter
// to the page's state (query_edit.js), sent to the API apart from q.
import {el, formatCount} from './dom.js';
import {withDateFilter, withFilter, yearOf} from './query_edit.js';
import {makeToolbar} from './toolbar.js';

const kFacetLabels = {person: 'People', meeting: 'Meetings', channel: 'Channels', year: 'Years', kind: 'Kinds'};
const kFacetFields = {person: 'from', meeting: 'meeting', channel: 'channel', year: 'date', kind: 'kind'};
const kShown = 8;

export function facetsNode(response, filters, navigate) {
  // Beside the hits on a wide screen; on a phone a closed summary above
  // them, so the hits come first.
  const wide = window.matchMedia('(min-width: 48rem)').matches;
  const box = wide ? el('section', {id: 'facets', 'aria-labelledby': 'facets-title'},
                        el('h2', {id: 'facets-title', class: 'facets-title'}, 'Narrow the results'))
                   : el('details', {id: 'facets'}, el('summary', {}, 'Narrow the results'));
  if (!response.facets_exact) {
    box.append(el('p', {class: 'note'}, 'Counts are estimates (too many matches to count them all).'));
  }
  for (const field of Object.keys(kFacetLabels)) {
    const values = response.facets[field] || [];
    if (!values.length) continue;
    const list = el('ul');
    values.slice(0, kShown).forEach(({value, count}) => {
      const button = el('button', {type: 'button', class: 'facet-value', 'data-value': value},
                        el('span', {class: 'value'}, value), el('span', {class: 'count'}, formatCount(count)));
      button.addEventListener('click',
        () => navigate({filter: withFilter(filters, kFacetFields[field], value), page: 1}));
      list.append(el('li', {}, button));
    });
    box.append(el('section', {class: 'facet', 'data-field': field},
                  el('h3', {}, kFacetLabels[field]), list));
  }
  return box;
}

// Bars by year over the whole span, or by month within a year when the
// query is limited to one year or all hits are in one.
function histogramBars(response, q, filters) {
  const years = (response.facets.year || []).map((v) => v.value).sort();
  const year = yearOf(q, filters) || (years.length === 1 ? years[0] : null);
  const bars = [];
  if (year) {
    const counts = new Map((response.facets.month || []).map((v) => [v.value, v.count]));
    for (let m = 1; m <= 12; ++m) {
      const key = `${year}-${String(m).padStart(2, '0')}`;  // the month facet's values
      bars.push({range: key, label: key.slice(5), count: counts.get(key) || 0});
    }
    return bars;
  }
  if (!years.length) return bars;
  const counts = new Map(response.facets.year.map((v) => [v.value, v.count]));
  for (let y = Number(years[0]); y <= Number(years[years.length - 1]); ++y) {
    bars.push({range: String(y), label: String(y).slice(2), count: counts.get(String(y)) || 0});
  }
  return bars;
}

export function histogramNode(response, q, filters, navigate) {
  const bars = histogramBars(response, q, filters);
  const box = el('figure', {id: 'histogram'});
  if (!bars.length) return box;
  const top = Math.max(...bars.map((b) => b.count), 1);
  const caption = bars[0].range.length === 4 ? 'Hits per year — click a year to see it'
                                             : 'Hits per month — click a month to see it';
  const row = el('div', {class: 'bars', role: 'toolbar', 'aria-label': caption});
  for (const bar of bars) {
    const button = el('button', {type: 'button', class: 'bar', 'data-range': bar.range,
                                 'aria-label': `${bar.range}: ${formatCount(bar.count)} hits`,
                                 title: `${bar.range}: ${formatCount(bar.count)} hits`},
                      el('span', {class: 'fill', style: `height:${Math.round((100 * bar.count) / top)}%`}),
                      el('span', {class: 'label'}, bar.label));
    button.disabled = bar.count === 0;
    button.addEventListener('click',
      () => navigate({filter: withDateFilter(filters, bar.range), page: 1}));
    row.append(button);
  }
  box.append(makeToolbar(row), el('figcaption', {}, caption));
  return box;
}
