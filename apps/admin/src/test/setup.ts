import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { FakeResizeObserver } from './fake-resize-observer.ts';

// Vitest runs without globals, so testing-library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // The staff session lives in localStorage; each test starts signed out unless it says otherwise.
  window.localStorage.clear();
});

// antd's Grid and Layout.Sider breakpoints read media queries, which jsdom does not implement.
if (!window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
}

window.ResizeObserver = FakeResizeObserver;
globalThis.ResizeObserver = FakeResizeObserver;

// jsdom throws "Not implemented" for pseudo-element styles, which antd asks for (scrollbar sizing).
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);
