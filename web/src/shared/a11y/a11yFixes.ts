import { getLang, translate } from '../i18n';

/**
 * Accessibility gaps of antd's own markup, closed in one place for every page instead of on each use:
 *
 * - a table that scrolls sideways (`scroll={{ x }}`) renders a scrolling `div` a keyboard user cannot reach:
 *   it becomes a focusable, named region, so the arrow keys scroll it (axe: scrollable-region-focusable);
 * - the hidden measuring row of such a table repeats the column titles, with a row-selection table's
 *   "select all" checkbox inside `aria-hidden`: made inert (axe: aria-hidden-focus);
 * - a form control without a name gets the caption a sighted user reads for it: a Select's placeholder (the
 *   filter bars), the column header of the table it is edited in (Form.List rows), or its form label when that
 *   label is visually hidden (axe: label).
 *
 * The pages still name what only they know (icon-only buttons, switches, progress bars).
 * A MutationObserver applies the fixes whenever antd draws, so lazily loaded pages are covered too.
 */
export function installA11yFixes(root: HTMLElement = document.body): () => void {
  let queued = false;
  const run = () => {
    queued = false;
    fixScrollRegions(root);
    fixMeasureRows(root);
    fixUnnamedControls(root);
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(run);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', schedule);
  };
}

const MARK = 'data-jx-a11y';

function scrolls(el: HTMLElement): boolean {
  const s = getComputedStyle(el);
  const x = /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth;
  const y = /auto|scroll/.test(s.overflowY) && el.scrollHeight > el.clientHeight;
  return x || y;
}

/** Scrolling table bodies take focus (tabindex 0) and have a name; they lose both when they stop scrolling. */
export function fixScrollRegions(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
    const ours = el.getAttribute(MARK) === 'scroll';
    if (!ours && el.hasAttribute('tabindex')) continue;
    const needed = scrolls(el);
    if (needed && !ours) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', translate(getLang(), 'a11y.scrollTable'));
      el.setAttribute(MARK, 'scroll');
    } else if (!needed && ours) {
      for (const a of ['tabindex', 'role', 'aria-label', MARK]) el.removeAttribute(a);
    }
  }
}

/** The measuring row is aria-hidden: nothing in it may take focus. */
export function fixMeasureRows(root: ParentNode) {
  for (const row of root.querySelectorAll<HTMLElement>('.ant-table-measure-row:not([inert])')) {
    row.setAttribute('inert', '');
    for (const f of row.querySelectorAll<HTMLElement>('input, button, a[href], [tabindex]'))
      f.setAttribute('tabindex', '-1');
  }
}

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelFor(el: HTMLElement): HTMLLabelElement | null {
  return el.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(el.id)}"]`) : null;
}

/** Whether axe would find a name: aria-label(ledby), a shown label with text, a title or a placeholder. */
function named(el: HTMLElement): boolean {
  if (el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby')) return true;
  if (el.getAttribute('title')?.trim()) return true;
  if (el.getAttribute('role') !== 'combobox' && el.getAttribute('placeholder')?.trim()) return true;
  const label = labelFor(el);
  if (label && label.getClientRects().length > 0 && textOf(label)) return true;
  const wrapping = el.closest('label');
  return !!wrapping && textOf(wrapping) !== '';
}

/** The header text of the table column a control sits in (a Form.List edited as a table). */
function columnHeader(el: HTMLElement): string {
  const cell = el.closest('td');
  const table = cell?.closest('.ant-table');
  if (!cell || !table) return '';
  const heads = table.querySelectorAll('thead tr:last-child > th');
  return textOf(heads[cell.cellIndex]);
}

/** The caption a sighted user reads for the control: a Select's placeholder, its column header, a hidden label. */
function nameFor(el: HTMLElement): string {
  const select = el.closest('.ant-select, .ant-tree-select, .ant-cascader');
  return (
    textOf(select?.querySelector('.ant-select-placeholder, .ant-select-selection-placeholder')) ||
    columnHeader(el) ||
    textOf(labelFor(el))
  );
}

/**
 * Form controls without a name (a Select captioned only by its placeholder, an input in a table row under its
 * column header) get that caption as aria-label; it is kept once a value replaces the placeholder.
 */
export function fixUnnamedControls(root: ParentNode) {
  const controls = root.querySelectorAll<HTMLElement>(
    `input:not([type="hidden"]):not([${MARK}]), textarea:not([${MARK}]), select:not([${MARK}])`,
  );
  for (const el of controls) {
    if (named(el)) continue;
    const name = nameFor(el);
    if (!name) continue;
    el.setAttribute('aria-label', name);
    el.setAttribute(MARK, 'name');
  }
}
