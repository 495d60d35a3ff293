// A toolbar (WAI-ARIA's pattern): its buttons are one Tab stop, the arrow
// keys, Home and End move among them, so that a row of many buttons (the
// syntax hints, the histogram's bars) does not stand between the keyboard
// and what follows it.

const kMoves = {ArrowRight: 1, ArrowLeft: -1};

export function makeToolbar(bar) {
  const buttons = () => [...bar.querySelectorAll('button:not(:disabled)')];
  const makeCurrent = (button) => {
    for (const b of buttons()) b.tabIndex = b === button ? 0 : -1;
  };
  makeCurrent(buttons()[0]);
  bar.addEventListener('focusin', (event) => {
    if (buttons().includes(event.target)) makeCurrent(event.target);
  });
  bar.addEventListener('keydown', (event) => {
    const list = buttons();
    const k = list.indexOf(event.target);
    if (k < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    let next;
    if (event.key in kMoves) next = (k + kMoves[event.key] + list.length) % list.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else return;
    event.preventDefault();
    makeCurrent(list[next]);
    list[next].focus();
  });
  return bar;
}
