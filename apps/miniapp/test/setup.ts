import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { session } from '../src/session/session';
import { resetTaroMock } from './taro-mock';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  session.signOut();
  resetTaroMock();
  vi.unstubAllEnvs();
});
