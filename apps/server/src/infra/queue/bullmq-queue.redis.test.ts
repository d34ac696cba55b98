import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { silentLog } from '../../../test/harness.ts';
import { createBullmqQueue } from './bullmq-queue.ts';
import { queueContract } from './queue.contract.ts';
import type { DeadLetter } from './queue.ts';

queueContract('BullMQ on Redis', async () => {
  const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const deadLetters: DeadLetter[] = [];
  const queue = createBullmqQueue({ connection, prefix, deadLetters: async (d) => void deadLetters.push(d), log: silentLog });
  return {
    queue,
    deadLetters,
    cleanup: async () => {
      await queue.close();
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length) await connection.del(...keys);
      await connection.quit();
    },
  };
});
