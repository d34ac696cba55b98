import type { CustomerProfile } from '@minimall/contracts';
import sharp from 'sharp';
import { newId } from '../../infra/ids.ts';
import type { Ctx } from '../../shared/context.ts';
import { DomainError } from '../../shared/errors.ts';
import { findCustomerById, updateCustomer } from './customers.repo.ts';
import { toProfile } from './identity.service.ts';

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const AVATAR_SIZE = 256;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * Decodes whatever was uploaded (never trusting its name or declared type), squares it to 256×256,
 * and stores a WebP under a fresh immutable key; the previous avatar of ours is removed.
 */
export async function setAvatar(ctx: Ctx, customerId: string, upload: Buffer): Promise<CustomerProfile> {
  let webp: Buffer;
  try {
    const image = sharp(upload, { limitInputPixels: 40_000_000, animated: false });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) throw new Error(`unsupported format ${meta.format}`);
    webp = await image.rotate().resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer();
  } catch {
    throw new DomainError('IMAGE_INVALID', '请上传 JPG、PNG、WebP 或 GIF 图片', 400);
  }
  const { storage } = ctx.infra;
  const key = `avatars/${customerId}/${newId()}.webp`;
  await storage.put(key, webp, { contentType: 'image/webp', cacheControl: 'public, max-age=31536000, immutable' });
  const previous = (await findCustomerById(ctx.db, customerId))?.avatarUrl;
  const row = await updateCustomer(ctx.db, customerId, { avatarUrl: storage.publicUrl(key), updatedAt: ctx.now });
  // the old file is ours to remove only if it is one of this shopper's uploads (not a WeChat avatar URL)
  const base = storage.publicUrl('x').slice(0, -1);
  const previousKey = previous?.startsWith(`${base}avatars/${customerId}/`) ? previous.slice(base.length) : undefined;
  if (previousKey) await storage.delete(previousKey).catch((err: unknown) => ctx.log.warn({ err, key: previousKey }, 'old avatar not removed'));
  return toProfile(ctx, row);
}
