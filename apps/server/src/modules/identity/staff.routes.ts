import { permissionCatalog, staffEndpoints as ep } from '@minimall/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Infra } from '../../infra/index.ts';
import { route } from '../../http/route.ts';
import { requestCtx, type Actor } from '../../shared/context.ts';
import { listAuditLogs } from './audit.service.ts';
import { IdentityError } from './identity.errors.ts';
import { endSession, rotateSession } from './sessions.service.ts';
import * as staff from './staff.service.ts';

const staffId = (actor: Actor) => {
  if (actor.kind !== 'staff') throw IdentityError.unauthenticated();
  return actor.staffId;
};

export async function staffRoutes(app: FastifyInstance, { infra }: { infra: Infra }): Promise<void> {
  const ctx = (req: FastifyRequest) => requestCtx(infra, req, req.actor);
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

  route(app, ep.login, async ({ body, req }) => staff.staffLogin(ctx(req), body.username, body.password, meta(req)));
  route(app, ep.refresh, async ({ body, req }) => {
    const c = ctx(req);
    const { tokens, subject } = await rotateSession(c, body.refreshToken, meta(req));
    if (subject.kind !== 'staff') throw IdentityError.refreshInvalid();
    return staff.staffSessionFor(c, subject.id, tokens);
  });
  route(app, ep.logout, async ({ body, req }) => {
    await endSession(ctx(req), body.refreshToken);
    return { ok: true as const };
  });
  route(app, ep.me, async ({ actor, req }) => staff.staffMe(ctx(req), staffId(actor)));
  route(app, ep.changePassword, async ({ actor, body, req }) => {
    await staff.changePassword(ctx(req), staffId(actor), body.currentPassword, body.newPassword);
    return { ok: true as const };
  });
  route(app, ep.permissions, async () => permissionCatalog.map((p) => ({ ...p })));
  route(app, ep.listStaff, async ({ query, req }) => staff.listStaff(ctx(req), query));
  route(app, ep.createStaff, async ({ body, req }) => staff.createStaff(ctx(req), body));
  route(app, ep.updateStaff, async ({ params, body, req }) => staff.updateStaff(ctx(req), params.id, body));
  route(app, ep.resetPassword, async ({ params, req }) => ({ temporaryPassword: await staff.resetStaffPassword(ctx(req), params.id) }));
  route(app, ep.listRoles, async ({ req }) => staff.listRoles(ctx(req)));
  route(app, ep.createRole, async ({ body, req }) => staff.createRole(ctx(req), body));
  route(app, ep.updateRole, async ({ params, body, req }) => staff.updateRole(ctx(req), params.id, body));
  route(app, ep.deleteRole, async ({ params, req }) => {
    await staff.deleteRole(ctx(req), params.id);
    return { ok: true as const };
  });
  route(app, ep.auditLogs, async ({ query, req }) => listAuditLogs(ctx(req), query));
}
