// The page's keys (the shortcuts dialog of index.html lists them): / the
// search box, j and k the next and the previous hit, o (or Enter on a hit)
// the log at the hit, ? the list of them; Esc closes it (the dialog's own).
// None fires while typing in a field, or with Ctrl, Alt or Meta held.

function moveHit(view, from, step) {
  const hits = [...view.querySelectorAll('#hits > li.hit')];
  if (!hits.length) return;
  const k = hits.indexOf(from);
  const next = k < 0 ? 0 : Math.min(Math.max(k + step, 0), hits.length - 1);
  hits[next].focus();
}

const openLog = (hit) => hit.querySelector('a.open-log')?.click();

export function attachKeys({input, view, dialog}) {
  document.getElementById('shortcuts-close').addEventListener('click', () => dialog.close());
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || dialog.open) return;
    const at = event.target instanceof Element ? event.target : document.body;
    if (at.closest('input, textarea, select, [contenteditable]')) return;
    const hit = at.closest('#hits > li.hit');
    if (event.key === '/') {
      input.focus();
      input.select();
    } else if (event.key === '?') {
      dialog.showModal();
    } else if (event.key === 'j' || event.key === 'k') {
      moveHit(view, hit, event.key === 'j' ? 1 : -1);
    } else if (hit && (event.key === 'o' || (event.key === 'Enter' && at === hit))) {
      openLog(hit);
    } else {
      return;
    }
    event.preventDefault();
  });
}
