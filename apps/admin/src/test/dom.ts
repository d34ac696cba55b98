import { screen } from '@testing-library/react';

/**
 * Role queries walk the accessibility tree of the whole page, which on a page with an antd table takes
 * longer than findBy's polling budget in jsdom; these look elements up by their text instead.
 */
export async function findDialog(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title' }, { timeout: 5_000 });
  const dialog = heading.closest<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error(`${title} is not inside a dialog`);
  return dialog;
}

export function findHeading(name: string): Promise<HTMLElement> {
  return screen.findByText(name, { selector: 'h1, h2, h3, h4, h5' }, { timeout: 10_000 });
}

/** The table row that holds `text`. */
export function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest<HTMLElement>('tr');
  if (!row) throw new Error(`no table row holds ${text}`);
  return row;
}

/** The button whose label is `text` (antd spaces out a bordered button's two-character label: pass "重 置"), or null. */
export function buttonByText(text: string, container: HTMLElement = document.body): HTMLButtonElement | null {
  const label = [...container.querySelectorAll('button span')].find((span) => span.textContent === text);
  return label?.closest('button') ?? null;
}
