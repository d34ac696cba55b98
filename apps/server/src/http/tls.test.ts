import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.ts';

describe('serving HTTPS directly', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-tls-'));

  beforeAll(async () => {
    // a throwaway self-signed certificate for 127.0.0.1
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    t = await testApp({ env: { TLS_CERT_FILE: path.join(dir, 'cert.pem'), TLS_KEY_FILE: path.join(dir, 'key.pem') } });
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers over TLS with HSTS', async () => {
    expect(url).toMatch(/^https:\/\//);
    const res = await new Promise<{ status: number; hsts: string | undefined; body: string }>((resolve, reject) => {
      https
        .get(`${url}/healthz`, { ca: fs.readFileSync(path.join(dir, 'cert.pem')) }, (r) => {
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, hsts: r.headers['strict-transport-security'] as string | undefined, body }));
        })
        .on('error', reject);
    });
    expect(res).toEqual({ status: 200, hsts: 'max-age=31536000; includeSubDomains', body: '{"status":"ok"}' });
  });
});
