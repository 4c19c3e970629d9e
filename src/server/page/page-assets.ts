// The pages' style sheet and script, served as files (`/assets/catalog.css`, `/assets/catalog.js`):
// the pages' policy allows no inline code.

/**
 * The style sheet: logical properties (right-to-left pages lay out mirrored), light and dark
 * colours by `prefers-color-scheme`, and below 40rem tables whose rows become blocks (a code,
 * its name, class and text, one under the other), long names wrapping: no page scrolls
 * sideways at 390 px.
 */
export const catalogCss = `:root { color-scheme: light dark; --text: #1a1a1a; --muted: #4a4a4a; --page: #fff; --line: #d0d0d0; --link: #0645ad; --mark: #fff3b0; --field: #fff;
  color: var(--text); background: var(--page); font-family: system-ui, sans-serif; line-height: 1.45; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --muted: #b8b8b8; --page: #15171a; --line: #3a3f45; --link: #8ab4f8; --mark: #4a3f00; --field: #202327; }
}
body { margin: 0 auto; max-width: 72rem; padding: 1rem; overflow-wrap: break-word; }
a { color: var(--link); }
a[aria-current="page"] { font-weight: bold; color: var(--text); }
.skip { position: absolute; top: -4rem; inset-inline-start: 0.5rem; padding: 0.4rem 0.6rem; background: var(--page); border: 2px solid var(--link); }
.skip:focus { top: 0.5rem; }
main:focus { outline: none; }
nav ul, ul.links, ul.related { display: flex; flex-wrap: wrap; gap: 0.4rem 0.9rem; list-style: none; padding: 0; }
input, textarea, button { font: inherit; color: inherit; background: var(--field); border: 1px solid var(--muted); border-radius: 0.25rem; padding: 0.3rem 0.5rem; max-width: 100%; box-sizing: border-box; }
button { cursor: pointer; }
.ask form, form.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.ask label { flex-basis: 100%; }
.ask textarea { flex: 1 1 100%; min-height: 5rem; font-family: ui-monospace, monospace; }
#answer:focus { outline: 2px solid var(--link); outline-offset: 2px; }
#answer article { border-inline-start: 3px solid var(--line); padding-inline-start: 0.8rem; margin-block: 1rem; }
#answer h4 { margin-block: 0.2rem; }
dl div { margin-block-end: 0.4rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.problem { font-weight: bold; }
.fallback { font-size: 0.85em; opacity: 0.8; }
#count { flex-basis: 100%; margin: 0; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin-block-end: 2rem; }
th, td { text-align: start; vertical-align: top; padding-block: 0.3rem; padding-inline: 0.5rem; border-block-end: 1px solid var(--line); }
tbody th { font-weight: normal; white-space: nowrap; }
tr:target { background: var(--mark); }
[hidden] { display: none !important; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; }
  code, .name { overflow-wrap: anywhere; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border-block-end: 1px solid var(--line); padding-block: 0.4rem; }
  th, td { border: 0; padding: 0.1rem 0; }
}
`;

/**
 * The script: filters the rows as you type (as the server does for `?q=`), says the count in the
 * page's words and plural rules, keeps the filter in the language links, and sends the paste box
 * with `fetch`, putting the answer's `#answer` in place without a reload (one question at a
 * time; when the service gives no page back, the box's `answer-failed` words).
 */
export const catalogScript = `'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const input = document.getElementById('q');
  const count = document.getElementById('count');
  if (input && count) {
    const lang = count.closest('[lang]').lang;
    const forms = JSON.parse(count.dataset.forms);
    const rules = new Intl.PluralRules(lang);
    const numbers = new Intl.NumberFormat(lang);
    // What a row answers to: its text, and an enhanced code's reply forms (X.1.1: 4.1.1 5.1.1), as the server matches.
    // Lower case, a hyphen between letters a space (searchForm in catalog-page.ts).
    const searchForm = (text) => text.toLowerCase().replace(/(\\p{L})-(?=\\p{L})/gu, '$1 ');
    const rows = Array.from(document.querySelectorAll('tbody tr'), (row) => ({
      row,
      search: searchForm(row.textContent + (row.id.startsWith('X.') ? ' 4' + row.id.slice(1) + ' 5' + row.id.slice(1) : '')),
    }));
    const links = Array.from(document.querySelectorAll('nav a[hreflang]'));
    const say = (values) => {
      const form = forms[rules.select(values.shown)] || forms.other;
      count.replaceChildren(...form.split(/(\\{[a-z-]+\\})/u).filter(Boolean).map((piece) => {
        const name = /^\\{([a-z-]+)\\}$/u.exec(piece);
        if (!name) return piece;
        const value = document.createElement('bdi');
        value.textContent = numbers.format(values[name[1]]);
        return value;
      }));
    };
    input.addEventListener('input', () => {
      const query = searchForm(input.value.trim());
      let shown = 0;
      for (const { row, search } of rows) {
        row.hidden = !search.includes(query);
        if (!row.hidden) shown++;
      }
      say({ shown, total: rows.length });
      for (const link of links) {
        const url = new URL(link.href);
        if (query === '') url.searchParams.delete('q');
        else url.searchParams.set('q', input.value);
        link.href = url.pathname + url.search;
      }
    });
  }
  const ask = document.getElementById('ask');
  const current = document.getElementById('answer');
  const failed = document.getElementById('answer-failed');
  if (ask && current) {
    const button = ask.querySelector('button');
    ask.addEventListener('submit', async (event) => {
      event.preventDefault();
      // One question at a time: the button rests until the answer is in place.
      if (button && button.disabled) return;
      if (button) button.disabled = true;
      current.setAttribute('aria-busy', 'true');
      let answer = null;
      try {
        const response = await fetch(ask.action, { method: 'POST', body: new URLSearchParams(new FormData(ask)) });
        // Every answer of the box is a page (one saying why, when the text cannot be read); anything else is no answer.
        if ((response.headers.get('content-type') || '').startsWith('text/html')) {
          answer = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('answer');
        }
      } catch {
        answer = null;
      }
      if (button) button.disabled = false;
      current.removeAttribute('aria-busy');
      const nodes = answer ? answer.childNodes : failed ? failed.content.childNodes : [];
      current.replaceChildren(...Array.from(nodes, (node) => document.importNode(node, true)));
      current.focus();
    });
    // Another language, once the box has answered: the same text asked again in that language
    // (the form posted as it is, to the answer page), not the empty page of that language.
    const box = document.getElementById('input');
    for (const link of document.querySelectorAll('nav a[hreflang]')) {
      link.addEventListener('click', (event) => {
        if (!box || box.value.trim() === '' || current.childElementCount === 0) return;
        event.preventDefault();
        ask.action = '/explain?lang=' + encodeURIComponent(link.hreflang);
        HTMLFormElement.prototype.submit.call(ask);
      });
    }
  }
});
`;
