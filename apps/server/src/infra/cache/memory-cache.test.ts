import { ManualClock } from '../clock.ts';
import { cacheContract } from './cache.contract.ts';
import { createMemoryCache } from './memory-cache.ts';

cacheContract('in-process LRU', async () => {
  const clock = new ManualClock();
  return {
    cache: createMemoryCache({ clock }),
    elapse: async (ms) => {
      clock.advance(ms);
    },
    cleanup: async () => {},
  };
});
