import type { FastifyPluginAsync } from 'fastify';
import type { Infra } from '../infra/index.ts';
import type { EncryptedColumn } from '../infra/key-rotation.ts';
import { bootstrapStaff, identityRoutes, staffRoutes } from './identity/index.ts';
import { systemRoutes } from './system/system.routes.ts';

export interface ModuleDefinition {
  name: string;
  routes: FastifyPluginAsync<{ infra: Infra }>;
  /** Registers job handlers and event subscribers; runs in every process that runs jobs. */
  jobs?: (infra: Infra) => void;
  /** Idempotent first-start setup after migrations (default roles, the owner account …). */
  bootstrap?: (infra: Infra) => Promise<void>;
  /** Columns this domain encrypts with FieldCipher, for `minimall rotate-keys`. */
  encryptedColumns?: EncryptedColumn[];
}

/** Every domain, in dependency order. A new domain adds one line here. */
export const modules: ModuleDefinition[] = [
  { name: 'system', routes: systemRoutes },
  {
    name: 'identity',
    routes: identityRoutes,
    encryptedColumns: [
      { table: 'customers', column: 'phone_enc', context: 'customers.phone' },
      { table: 'customer_addresses', column: 'recipient_enc', context: 'customer_addresses.recipient' },
      { table: 'customer_addresses', column: 'phone_enc', context: 'customer_addresses.phone' },
      { table: 'customer_addresses', column: 'detail_enc', context: 'customer_addresses.detail' },
    ],
  },
  { name: 'staff', routes: staffRoutes, bootstrap: bootstrapStaff },
];

export const encryptedColumns: EncryptedColumn[] = modules.flatMap((m) => m.encryptedColumns ?? []);
