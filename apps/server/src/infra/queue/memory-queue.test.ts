import { silentLog } from '../../../test/harness.ts';
import { createMemoryQueue } from './memory-queue.ts';
import { queueContract } from './queue.contract.ts';
import type { DeadLetter } from './queue.ts';

queueContract('in-process', async () => {
  const deadLetters: DeadLetter[] = [];
  const queue = createMemoryQueue({ deadLetters: async (d) => void deadLetters.push(d), log: silentLog });
  return { queue, deadLetters, cleanup: () => queue.close() };
});
