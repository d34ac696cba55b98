import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { generateKey } from './crypto.ts';

export interface Secrets {
  dataKeys: string;
  dataKeyId: string;
  blindIndexKey: string;
  authTokenSecret: string;
}

/**
 * Production reads keys from the environment (config refuses to start without them). Embedded mode
 * generates them once into DATA_DIR/secrets.json (0600) so `npm start` needs no setup and data stays
 * decryptable across restarts.
 */
export function resolveSecrets(config: Config): Secrets {
  if (config.DATA_KEYS && config.DATA_KEY_ID && config.BLIND_INDEX_KEY && config.AUTH_TOKEN_SECRET) {
    return { dataKeys: config.DATA_KEYS, dataKeyId: config.DATA_KEY_ID, blindIndexKey: config.BLIND_INDEX_KEY, authTokenSecret: config.AUTH_TOKEN_SECRET };
  }
  const file = path.join(config.DATA_DIR, 'secrets.json');
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
    // a file from an older version lacks newer secrets: add them once, keep the rest
    if (!saved.authTokenSecret) {
      saved.authTokenSecret = generateKey();
      fs.writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
    }
    return {
      dataKeys: config.DATA_KEYS ?? saved.dataKeys!,
      dataKeyId: config.DATA_KEY_ID ?? saved.dataKeyId!,
      blindIndexKey: config.BLIND_INDEX_KEY ?? saved.blindIndexKey!,
      authTokenSecret: config.AUTH_TOKEN_SECRET ?? saved.authTokenSecret,
    };
  }
  const created: Secrets = { dataKeys: `k1:${generateKey()}`, dataKeyId: 'k1', blindIndexKey: generateKey(), authTokenSecret: generateKey() };
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600, flag: 'wx' });
  return created;
}
