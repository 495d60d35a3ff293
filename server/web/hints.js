// The syntax hints under the search box: a click adds the hint's syntax to
// the box at the caret (data-insert; a "|" in it marks where the caret
// goes, else after it) and leaves the focus there to go on typing. A field
// hint ("from:") opens the completion of its values.
import {makeToolbar} from './toolbar.js';

export function insertAtCaret(input, template, {glue = false} = {}) {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  let before = input.value.slice(0, start);
  if (!glue && before && !/\s$/.test(before)) before += ' ';
  const [head, tail = ''] = template.split('|');
  input.value = before + head + tail + input.value.slice(end);
  input.focus();
  const caret = before.length + head.length;
  input.setSelectionRange(caret, caret);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}

export function attachHints(bar, input) {
  makeToolbar(bar);
  // A click leaves the focus in the box (as a completion's does): its blur
  // would close the completion a field's hint opens.
  bar.addEventListener('mousedown', (event) => {
    if (event.target.closest('button[data-insert]') && document.activeElement === input) event.preventDefault();
  });
  bar.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-insert]');
    if (button) insertAtCaret(input, button.dataset.insert, {glue: button.hasAttribute('data-glue')});
  });
}
