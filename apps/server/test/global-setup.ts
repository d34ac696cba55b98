import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/infra/db/db.ts';
import { createLogger } from '../src/infra/logger.ts';

/** Builds the migrated PGlite template once per test run (see pgliteTemplate in harness.ts). */
export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  const file = path.join(os.tmpdir(), `minimall-pglite-template-${process.pid}.tar`);
  const database = await openDatabase({ kind: 'pglite', log: createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }) });
  await database.migrate();
  fs.writeFileSync(file, Buffer.from(await (await database.dump!()).arrayBuffer()));
  await database.close();
  process.env.MINIMALL_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(file, { force: true });
}
