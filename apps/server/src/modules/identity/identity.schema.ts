import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Shoppers. Phone is stored encrypted (phone_enc) with an HMAC blind index (phone_bidx) for lookups. */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    nickname: text('nickname').notNull(),
    avatarUrl: text('avatar_url'),
    gender: text('gender', { enum: ['unknown', 'male', 'female'] }).notNull().default('unknown'),
    birthday: date('birthday', { mode: 'string' }),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    wechatOpenid: text('wechat_openid'),
    wechatUnionid: text('wechat_unionid'),
    alipayUserId: text('alipay_user_id'),
    demoDeviceId: text('demo_device_id'),
    status: text('status', { enum: ['active', 'frozen'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('customers_wechat_openid_uq').on(t.wechatOpenid),
    uniqueIndex('customers_wechat_unionid_uq').on(t.wechatUnionid),
    uniqueIndex('customers_alipay_user_id_uq').on(t.alipayUserId),
    uniqueIndex('customers_phone_bidx_uq').on(t.phoneBidx),
    uniqueIndex('customers_demo_device_id_uq').on(t.demoDeviceId),
  ],
);

/**
 * One row per refresh token. Tokens of one login form a family; rotation marks the old row rotated,
 * and presenting a rotated token again (theft or replay) revokes the whole family.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey(),
    familyId: uuid('family_id').notNull(),
    subjectKind: text('subject_kind', { enum: ['customer', 'staff'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_hash_uq').on(t.tokenHash),
    index('auth_sessions_family_idx').on(t.familyId),
    index('auth_sessions_subject_idx').on(t.subjectKind, t.subjectId),
  ],
);

/** SMS login codes, hashed; single use, short-lived, with a per-code attempt counter. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey(),
    phoneBidx: text('phone_bidx').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('sms_codes_phone_idx').on(t.phoneBidx, t.createdAt)],
);

/** A shopper's address book. Recipient, phone and street are encrypted; region codes stay queryable. */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    recipientEnc: text('recipient_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    districtCode: text('district_code').notNull(),
    detailEnc: text('detail_enc').notNull(),
    tag: text('tag'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId, t.createdAt),
    // at most one default address per shopper, enforced by the database
    uniqueIndex('customer_addresses_one_default_uq').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);

/** Merchant staff. Passwords are argon2id hashes; repeated failures lock the account for a while. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    storeIds: jsonb('store_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_username_uq').on(t.username)],
);

export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    permissions: jsonb('permissions').$type<string[]>().notNull(),
    isSystem: boolean('is_system').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('roles_code_uq').on(t.code)],
);

export const staffRoles = pgTable(
  'staff_roles',
  {
    staffId: uuid('staff_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.roleId] }), index('staff_roles_role_idx').on(t.roleId)],
);

/** Who did what to what, with the state before and after: price changes, refunds, role changes, exports. */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_logs_at_idx').on(t.at), index('audit_logs_action_idx').on(t.action, t.at), index('audit_logs_actor_idx').on(t.actorId, t.at)],
);
