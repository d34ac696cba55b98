import fastifyMultipart from '@fastify/multipart';
import { addressEndpoints as addr, identityEndpoints as ep, type AuthResult } from '@minimall/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Infra } from '../../infra/index.ts';
import { customerId, route } from '../../http/route.ts';
import { requestCtx } from '../../shared/context.ts';
import { DomainError } from '../../shared/errors.ts';
import { enforceLimits } from '../../shared/rate-limit.ts';
import * as addresses from './addresses.service.ts';
import { AVATAR_MAX_BYTES, setAvatar } from './avatar.service.ts';
import { alipayFor, wechatFor } from './clients.ts';
import { IdentityError } from './identity.errors.ts';
import * as identity from './identity.service.ts';
import { regionTree } from './regions/regions.ts';
import { endSession, rotateSession } from './sessions.service.ts';

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

function authResult(result: identity.LoginResult): AuthResult {
  return {
    accessToken: result.tokens.accessToken,
    accessTokenExpiresAt: result.tokens.accessTokenExpiresAt.toISOString(),
    refreshToken: result.tokens.refreshToken,
    refreshTokenExpiresAt: result.tokens.refreshTokenExpiresAt.toISOString(),
    customer: result.customer,
    isNewCustomer: result.isNewCustomer,
  };
}

export async function identityRoutes(app: FastifyInstance, { infra }: { infra: Infra }): Promise<void> {
  const { config } = infra;
  const ctx = (req: FastifyRequest) => requestCtx(infra, req, req.actor);
  const loginLimits = (req: FastifyRequest, method: string) =>
    enforceLimits(infra.cache, [{ key: `login:${method}:ip:${req.ip}`, max: 30, windowMs: 60_000 }]);

  route(app, ep.loginMethods, async () => ({
    wechat: Boolean(config.wechat),
    alipay: Boolean(config.alipay),
    sms: infra.sms.kind !== 'none',
    demo: Boolean(config.DEMO_LOGIN) && config.NODE_ENV !== 'production',
  }));

  route(app, ep.demoLogin, async ({ body, req }) => authResult(await identity.demoLogin(ctx(req), body.deviceId, meta(req))));

  route(app, ep.wechatLogin, async ({ body, req }) => {
    await loginLimits(req, 'wechat');
    const who = await wechatFor(infra).code2Session(body.code);
    return authResult(await identity.loginWithWechatIdentity(ctx(req), { openid: who.openid, unionid: who.unionid }, meta(req)));
  });

  route(app, ep.alipayLogin, async ({ body, req }) => {
    await loginLimits(req, 'alipay');
    const who = await alipayFor(infra).exchangeAuthCode(body.authCode);
    const alipayId = who.userId ?? who.openId;
    if (!alipayId) throw IdentityError.loginMethodDisabled('alipay');
    return authResult(await identity.loginWithAlipayIdentity(ctx(req), alipayId, meta(req)));
  });

  route(app, ep.sendSmsCode, async ({ body, req }) => identity.sendSmsCode(ctx(req), body.phone, meta(req)));

  route(app, ep.smsLogin, async ({ body, req }) => {
    await loginLimits(req, 'sms');
    return authResult(await identity.smsLogin(ctx(req), body.phone, body.code, meta(req)));
  });

  route(app, ep.refresh, async ({ body, req }) => {
    const c = ctx(req);
    const { tokens, subject } = await rotateSession(c, body.refreshToken, meta(req));
    if (subject.kind !== 'customer') throw IdentityError.refreshInvalid();
    return authResult({ tokens, customer: await identity.getProfile(c, subject.id), isNewCustomer: false });
  });

  route(app, ep.logout, async ({ body, req }) => {
    await endSession(ctx(req), body.refreshToken);
    return { ok: true as const };
  });

  route(app, ep.me, async ({ actor, req }) => identity.getProfile(ctx(req), customerId(actor)));

  route(app, ep.updateMe, async ({ actor, body, req }) => identity.updateProfile(ctx(req), customerId(actor), body));

  await app.register(fastifyMultipart, { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
  route(app, ep.uploadAvatar, async ({ actor, req }) => {
    const id = customerId(actor);
    if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传图片', 415);
    const file = await req.file();
    if (!file) throw new DomainError('IMAGE_INVALID', '请选择要上传的图片', 400);
    const buffer = await file.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('PAYLOAD_TOO_LARGE', '图片不能超过 5 MB', 413);
      throw err;
    });
    return setAvatar(ctx(req), id, buffer);
  });

  route(app, ep.bindWechatPhone, async ({ actor, body, req }) => {
    const phone = await wechatFor(infra).getPhoneNumber(body.code);
    return identity.bindPhone(ctx(req), customerId(actor), phone.purePhoneNumber);
  });

  // the tree changes only with a release: serve one prebuilt body with a long cache lifetime
  const regions = { provinces: regionTree().map((p) => [p.code, p.name, p.children.map((c) => [c.code, c.name, c.children.map((d) => [d.code, d.name])])]) } as {
    provinces: [string, string, [string, string, [string, string][]][]][];
  };
  route(app, addr.regions, async ({ reply }) => {
    void reply.header('cache-control', 'public, max-age=86400');
    return regions;
  });
  route(app, addr.list, async ({ actor, req }) => addresses.listAddresses(ctx(req), customerId(actor)));
  route(app, addr.create, async ({ actor, body, req }) => addresses.createAddress(ctx(req), customerId(actor), body));
  route(app, addr.update, async ({ actor, params, body, req }) => addresses.updateAddress(ctx(req), customerId(actor), params.id, body));
  route(app, addr.setDefault, async ({ actor, params, req }) => addresses.setDefaultAddress(ctx(req), customerId(actor), params.id));
  route(app, addr.remove, async ({ actor, params, req }) => {
    await addresses.deleteAddress(ctx(req), customerId(actor), params.id);
    return { ok: true as const };
  });
}
