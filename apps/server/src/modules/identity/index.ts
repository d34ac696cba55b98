// The identity domain's public surface: other domains and the HTTP layer import only from here.
export { authenticate, revokeFamily, startSession } from './sessions.service.ts';
export { getProfile, maskPhone } from './identity.service.ts';
export { identityRoutes } from './identity.routes.ts';
