import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { silentLog } from '../../../test/harness.ts';
import { createBullmqQueue } from '../queue/bullmq-queue.ts';
import { outboxContract } from './outbox.contract.ts';

outboxContract('BullMQ', {
  async make() {
    const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const queue = createBullmqQueue({ connection, prefix, deadLetters: async () => {}, log: silentLog });
    return {
      queue,
      async cleanup() {
        await queue.close();
        const keys = await connection.keys(`${prefix}:*`);
        if (keys.length) await connection.del(...keys);
        await connection.quit();
      },
    };
  },
});
