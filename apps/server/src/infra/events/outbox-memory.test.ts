import { silentLog } from '../../../test/harness.ts';
import { createMemoryQueue } from '../queue/memory-queue.ts';
import { outboxContract } from './outbox.contract.ts';

outboxContract('the in-process queue', {
  async make() {
    const queue = createMemoryQueue({ deadLetters: async () => {}, log: silentLog });
    return { queue, cleanup: () => queue.close() };
  },
});
