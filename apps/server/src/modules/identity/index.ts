// The identity domain's public surface: other domains and the HTTP layer import only from here.
export { authenticate, revokeFamily, startSession } from './sessions.service.ts';
export { getProfile, maskPhone } from './identity.service.ts';
export { identityRoutes } from './identity.routes.ts';
export { bootstrapStaff, staffActor } from './staff.service.ts';
export { recordAudit, type AuditEntry } from './audit.service.ts';
export { staffRoutes } from './staff.routes.ts';
