// "Download": every hit of the search shown (its q, filters, order, the
// lines it shows) as JSON Lines or CSV (export_format.js), up to
// kDownloadMax, read from /api/v1/search 100 at a time (the API's most a
// page) and handed to the browser as a file made in the page (a Blob).
import {getJson} from './api.js';
import {el, formatCount} from './dom.js';
import {csvOf, jsonLinesOf} from './export_format.js';

export const kDownloadMax = 10000;  // the API's window: page * per_page <= 10,000
const kPerPage = 100;

const kFormats = {
  jsonl: {label: 'JSON Lines', type: 'application/x-ndjson', write: jsonLinesOf},
  csv: {label: 'CSV', type: 'text/csv', write: csvOf},
};

// "eavesearch-privsep-from-gmann": a file name from the query.
function fileStem(words) {
  const slug = words.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `eavesearch-${slug || 'search'}`;
}

// Reads pages until one is short: a total that is an estimate ("about")
// is not trusted to say when to stop.
async function allHits(params, total, report) {
  const hits = [];
  for (let page = 1; page <= kDownloadMax / kPerPage; ++page) {
    report(`Reading ${formatCount(hits.length)} of ${total.exact ? '' : 'about '}` +
           `${formatCount(Math.min(total.value, kDownloadMax))} hits…`);
    const body = await getJson('/api/v1/search', {...params, page, per_page: kPerPage});
    hits.push(...body.hits);
    if (body.hits.length < kPerPage) break;
  }
  return hits;
}

function save(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], {type: `${type};charset=utf-8`}));
  const link = el('a', {href: url, download: name, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// `params`: the search's API parameters (q, filter, sort, collapse,
// include); `total` its hits as the API counts them ({value, exact});
// `words` what names the file.
export function downloadNode(params, total, words) {
  const status = el('p', {id: 'download-status', role: 'status'});
  let busy = false;
  const start = async (format) => {
    if (busy) return;
    busy = true;
    try {
      const hits = await allHits(params, total, (text) => { status.textContent = text; });
      save(kFormats[format].write(hits), kFormats[format].type, `${fileStem(words)}.${format}`);
      status.textContent = `${formatCount(hits.length)} hits saved as ${kFormats[format].label}.`;
    } catch (error) {
      status.textContent = `The download failed: ${error.message}`;
    } finally {
      busy = false;
    }
  };
  const buttons = Object.entries(kFormats).map(([format, {label}]) => {
    const button = el('button', {type: 'button', 'data-format': format}, label);
    button.addEventListener('click', () => start(format));
    return button;
  });
  const what = total.value > kDownloadMax ? `The first ${formatCount(kDownloadMax)} hits` :
    `All ${total.exact ? '' : 'about '}${formatCount(total.value)} hits`;
  return el('details', {id: 'download'}, el('summary', {}, 'Download'),
            el('p', {}, `${what} as `, buttons[0], ' or ', buttons[1]), status);
}
