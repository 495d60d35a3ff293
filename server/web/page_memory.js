// What the URL does not hold about a view: how far it was scrolled, which
// hits' lines around them ("Show context") were open and which hit had the
// focus. It is kept in the history entry's own state (history.state),
// written as it changes, so that Back, Forward and a reload find the view
// as it was left. The URL stays the whole state of what is shown.
import {showContext} from './hit_view.js';

let paused = true;  // while a view is drawn and restored, what it passes through is not kept
let timer = 0;

const hitWithId = (view, id) =>
  [...view.querySelectorAll('#hits > li.hit')].find((item) => item.dataset.id === id) || null;

// Writes the view's memory into the current history entry, now.
export function remember(view) {
  clearTimeout(timer);
  if (paused) return;
  const contexts = [...view.querySelectorAll('#hits > li.hit')]
    .filter((item) => item.querySelector('button.expand[aria-expanded="true"]'))
    .map((item) => item.dataset.id);
  const focus = document.activeElement?.closest('#hits > li.hit')?.dataset.id || null;
  history.replaceState({scrollY: Math.round(window.scrollY), contexts, focus}, '');
}

// The memory of the current entry (null when it has none): read it before
// drawing the view, which changes the scroll position.
export const recall = () => (history.state && typeof history.state === 'object' ? history.state : null);

export function pause() {
  paused = true;
  clearTimeout(timer);
}
export function resume() {
  paused = false;
}

// Opens the contexts the view had open, scrolls where it was and gives the
// focus back to its hit.
export async function restore(view, memory) {
  await Promise.all((memory.contexts || []).map((id) => {
    const item = hitWithId(view, id);
    return item ? showContext(item) : null;
  }));
  window.scrollTo(0, memory.scrollY || 0);
  if (memory.focus) hitWithId(view, memory.focus)?.focus({preventScroll: true});
}

// Keeps the memory as the reader scrolls, moves the focus and opens or
// closes contexts (hit_view.js signals 'context-toggle').
export function watch(view) {
  history.scrollRestoration = 'manual';
  const soon = () => {
    clearTimeout(timer);
    if (!paused) timer = setTimeout(() => remember(view), 150);
  };
  window.addEventListener('scroll', soon, {passive: true});
  document.addEventListener('focusin', soon);  // j held down moves it many times a second
  view.addEventListener('context-toggle', () => remember(view));
  window.addEventListener('pagehide', () => remember(view));
}
