// The help (/?view=help): the query language as README.md's table states
// it (tests/browser/help.test.mjs holds the two to the same fields and
// operators), each row with examples that run their query, and the keys.
import {el, headingNode} from './dom.js';

// [what one types, what it means, examples to run].
const kSyntax = [
  [['privsep rootwrap'], 'lines with both words (English stemming: migrations finds migration)', ['privsep rootwrap']],
  [['"ubuntu 20.04"'], 'the phrase', ['"ubuntu 20.04"']],
  [['a OR b', 'a AND b', '-a', 'NOT a', '( ... )'], 'booleans; words next to each other must all match',
   ['release OR upgrade', 'privsep -nova']],
  [['priv*'], 'words starting with priv (as typed or stemmed)', ['priv*']],
  [['from:mnaser', 'speaker:'], 'said by this person, any nick of theirs', ['from:gmann']],
  [['owner:gmann'], 'action items assigned to this person', ['owner:gmann']],
  [['meeting:tc'], 'the MeetBot meeting name', ['meeting:tc privsep']],
  [['channel:#openstack-tc', 'in:'], 'the channel', ['channel:#openstack-tc']],
  [['topic:privsep'], 'words of the #topic in force', ['topic:privsep']],
  [['is:agreed', 'is:action', 'is:decision'],
   'the minutes item (decision = agreed, accepted, rejected, action, vote, consensus)', ['is:agreed privsep']],
  [['is:consensus'], 'a decision the room agreed to that nobody recorded with #agreed', ['is:consensus privsep']],
  [['is:open', 'is:carried', 'is:done'], 'an action item\'s status in the action ledger', ['is:open owner:gmann']],
  [['kind:me', 'kind:bot', 'kind:topic'], 'what the line is', ['kind:topic upgrade']],
  [['date:2020', 'date:2020-05..2020-06', 'date:2020-05-14..', 'date:2w..'],
   'UTC days, both ends included, open ends; relative days (3d, 2w, 6m, 1y, today, yesterday)',
   ['privsep date:2020-05..2020-06']],
  [['on:2020-05-14', 'after:2020-05-01', 'before:2020-06-01'], 'that day; strictly after or before it',
   ['upgrade after:2020-05-01 before:2020-06-01']],
];

const exampleNode = (q) => el('a', {class: 'example', href: `/?q=${encodeURIComponent(q)}`}, el('code', {}, q));

function syntaxTable() {
  return el('table', {class: 'syntax'},
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Type'), el('th', {scope: 'col'}, 'to find'),
                                el('th', {scope: 'col'}, 'Try'))),
    el('tbody', {}, kSyntax.map(([forms, meaning, examples]) => el('tr', {},
      el('td', {}, forms.flatMap((f, k) => [k ? ' ' : '', el('code', {}, f)])),
      el('td', {}, meaning),
      el('td', {}, examples.flatMap((q, k) => [k ? ' ' : '', exampleNode(q)]))))));
}

function keysButton() {
  const button = el('button', {type: 'button', id: 'show-shortcuts'}, 'Keyboard shortcuts');
  button.addEventListener('click', () => document.getElementById('shortcuts').showModal());
  return button;
}

export async function renderHelp(view) {
  view.replaceChildren(el('section', {id: 'help-view'},
    headingNode('How to search'),
    el('p', {}, 'Words find the lines that have them all. Add any of these:'),
    syntaxTable(),
    el('h3', {}, 'How the parts combine'),
    el('ul', {},
      el('li', {}, 'A field restricts the whole query wherever it stands: ', exampleNode('release OR upgrade meeting:nova'),
         ' is (release OR upgrade) within nova.'),
      el('li', {}, 'The same field twice is either value: ', exampleNode('meeting:nova meeting:tc'),
         '; after - or NOT it leaves out: ', exampleNode('upgrade -meeting:nova'), '.'),
      el('li', {}, 'Field values are case-insensitive. A name: that is no field is read as plain words, and ',
         'a field with a bad value (date:2020-13, from:) is left out; the page says which.'),
      el('li', {}, 'Results come best match first (ties: newest first); a query of fields only, newest first. ',
         'A query that cannot be read as written (an open quote or parenthesis) is read again more simply, ',
         'and the page says how.')),
    el('h3', {}, 'Keys'),
    el('p', {}, el('kbd', {}, '/'), ' the search box, ', el('kbd', {}, 'j'), ' ', el('kbd', {}, 'k'),
       ' the next and previous hit, ', el('kbd', {}, 'o'), ' its log, ', el('kbd', {}, '?'), ' all of them: ',
       keysButton())));
}
