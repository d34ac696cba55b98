#!/usr/bin/env node
// The server runs its TypeScript through tsx: no build step between a clone and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
