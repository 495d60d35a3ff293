// Completion of from:, meeting: and channel: values in the search box, from
// /api/v1/suggest: a listbox under the input (ARIA combobox pattern).
import {getJson} from './api.js';
import {el, formatCount} from './dom.js';
import {fieldAtCaret} from './query_edit.js';

export function attachCompletion(input, list) {
  let options = [];
  let active = -1;
  let pending = 0;

  const close = () => {
    options = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const highlight = (k) => {
    active = k;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === k)));
    if (k >= 0) input.setAttribute('aria-activedescendant', list.children[k].id);
  };

  const choose = (k) => {
    const {field, value} = options[k];
    const q = input.value;
    const after = q.slice(field.end);
    const value_ = /^[^\s"]+$/.test(value) ? value : `"${value}"`;
    input.value = `${q.slice(0, field.start)}${field.name}:${value_}${after.startsWith(' ') ? '' : ' '}${after.trimStart()}`;
    const caret = field.start + field.name.length + 1 + value_.length + 1;
    input.setSelectionRange(caret, caret);
    close();
  };

  const suggest = async () => {
    const field = fieldAtCaret(input.value, input.selectionStart ?? input.value.length);
    if (!field) return close();
    const ticket = ++pending;
    let body;
    try {
      body = await getJson('/api/v1/suggest', {field: field.field, prefix: field.prefix});
    } catch {
      return close();  // completion is a convenience: the search itself reports errors
    }
    if (ticket !== pending) return;
    // A list that arrives after the user moved in the last one keeps their choice.
    const chosen = active >= 0 ? options[active]?.value : undefined;
    options = body.values.map((v) => ({field, value: v.value, count: v.count}));
    if (!options.length) return close();
    list.replaceChildren(...options.map((o, k) => {
      const li = el('li', {role: 'option', id: `completion-${k}`, 'aria-selected': 'false'},
                    `${field.name}:${o.value}`, el('span', {class: 'count'}, formatCount(o.count)));
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();  // keep the focus in the input
        choose(k);
      });
      return li;
    }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    const again = options.findIndex((o) => o.value === chosen);
    if (again >= 0) highlight(again);
  };

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 80);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden || !options.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  close();
}
