import type { FastifyPluginAsync } from 'fastify';
import type { Infra } from '../infra/index.ts';
import { bootstrapStaff, identityRoutes, staffRoutes } from './identity/index.ts';
import { systemRoutes } from './system/system.routes.ts';

export interface ModuleDefinition {
  name: string;
  routes: FastifyPluginAsync<{ infra: Infra }>;
  /** Registers job handlers and event subscribers; runs in every process that runs jobs. */
  jobs?: (infra: Infra) => void;
  /** Idempotent first-start setup after migrations (default roles, the owner account …). */
  bootstrap?: (infra: Infra) => Promise<void>;
}

/** Every domain, in dependency order. A new domain adds one line here. */
export const modules: ModuleDefinition[] = [
  { name: 'system', routes: systemRoutes },
  { name: 'identity', routes: identityRoutes },
  { name: 'staff', routes: staffRoutes, bootstrap: bootstrapStaff },
];
