import { z } from 'zod';
import { defineEndpoint } from './endpoint.ts';

/** Mainland mobile number as shoppers type it; the server normalises "+86 138-0013-8000" too. */
export const cnPhoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '请输入正确的手机号'));

export const genderSchema = z.enum(['unknown', 'male', 'female']);

export const profileSchema = z
  .object({
    id: z.string(),
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    gender: genderSchema,
    birthday: z.iso.date().nullable(),
    /** 138****8000: the full number never leaves the server after binding. */
    phoneMasked: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CustomerProfile' });
export type CustomerProfile = z.infer<typeof profileSchema>;

export const authResultSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.iso.datetime({ offset: true }),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.iso.datetime({ offset: true }),
    customer: profileSchema,
    isNewCustomer: z.boolean(),
  })
  .meta({ id: 'AuthResult' });
export type AuthResult = z.infer<typeof authResultSchema>;

export const loginMethodsSchema = z
  .object({
    wechat: z.boolean(),
    alipay: z.boolean(),
    sms: z.boolean(),
    /** Embedded/demo installs only; never true in production. */
    demo: z.boolean(),
  })
  .meta({ id: 'LoginMethods' });

const ok = z.object({ ok: z.literal(true) });

export const identityEndpoints = {
  loginMethods: defineEndpoint({
    method: 'GET',
    path: '/api/shop/auth/methods',
    auth: 'public',
    summary: 'Which login methods this shop offers',
    tags: ['identity'],
    response: loginMethodsSchema,
  }),
  demoLogin: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/demo-login',
    auth: 'public',
    summary: 'Demo login (embedded/demo installs only): a fresh or remembered demo shopper',
    tags: ['identity'],
    body: z.object({ deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
    response: authResultSchema,
  }),
  wechatLogin: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/wechat-login',
    auth: 'public',
    summary: 'WeChat mini-program one-tap login with the wx.login code',
    tags: ['identity'],
    body: z.object({ code: z.string().min(1).max(128) }),
    response: authResultSchema,
  }),
  alipayLogin: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/alipay-login',
    auth: 'public',
    summary: 'Alipay mini-program login with the my.getAuthCode code',
    tags: ['identity'],
    body: z.object({ authCode: z.string().min(1).max(128) }),
    response: authResultSchema,
  }),
  sendSmsCode: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/sms-code',
    auth: 'public',
    summary: 'Send a 6-digit login code by SMS (rate-limited per phone and per IP)',
    tags: ['identity'],
    body: z.object({ phone: cnPhoneSchema }),
    response: z.object({ expiresInSec: z.number().int(), resendAfterSec: z.number().int() }),
  }),
  smsLogin: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/sms-login',
    auth: 'public',
    summary: 'H5 login with phone + SMS code',
    tags: ['identity'],
    body: z.object({ phone: cnPhoneSchema, code: z.string().regex(/^\d{6}$/, '请输入 6 位验证码') }),
    response: authResultSchema,
  }),
  refresh: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/refresh',
    auth: 'public',
    summary: 'Exchange a refresh token for new tokens (rotation; reuse revokes the session)',
    tags: ['identity'],
    body: z.object({ refreshToken: z.string().min(20).max(200) }),
    response: authResultSchema,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/shop/auth/logout',
    auth: 'public',
    summary: 'Revoke the session of a refresh token',
    tags: ['identity'],
    body: z.object({ refreshToken: z.string().min(20).max(200) }),
    response: ok,
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/api/shop/me',
    auth: 'customer',
    summary: 'The signed-in shopper’s profile',
    tags: ['identity'],
    response: profileSchema,
  }),
  updateMe: defineEndpoint({
    method: 'PATCH',
    path: '/api/shop/me',
    auth: 'customer',
    summary: 'Change nickname, gender, birthday or avatar',
    tags: ['identity'],
    body: z
      .object({
        nickname: z.string().trim().min(1, '昵称不能为空').max(20, '昵称最多 20 个字'),
        gender: genderSchema,
        birthday: z.iso.date().nullable(),
        avatarUrl: z.string().max(512).nullable(),
      })
      .partial()
      .strict(),
    response: profileSchema,
  }),
  /** multipart/form-data with one image part named `file` (Taro.uploadFile); JPEG, PNG, WebP or GIF up to 5 MB. */
  uploadAvatar: defineEndpoint({
    method: 'POST',
    path: '/api/shop/me/avatar',
    auth: 'customer',
    summary: 'Upload a new avatar (multipart field "file"); stored as a 256×256 WebP',
    tags: ['identity'],
    response: profileSchema,
  }),
  bindWechatPhone: defineEndpoint({
    method: 'POST',
    path: '/api/shop/me/phone/wechat',
    auth: 'customer',
    summary: 'Bind the phone number from WeChat getPhoneNumber',
    tags: ['identity'],
    body: z.object({ code: z.string().min(1).max(128) }),
    response: profileSchema,
  }),
};

export const addressInputSchema = z
  .object({
    recipient: z.string().trim().min(1, '请填写收货人').max(25, '收货人最多 25 个字'),
    phone: cnPhoneSchema,
    /** The district's national code (GB/T 2260); province and city follow from it. */
    districtCode: z.string().regex(/^\d{6,9}$/, '请选择所在地区'),
    detail: z.string().trim().min(2, '请填写详细地址').max(120, '详细地址最多 120 个字'),
    tag: z.string().trim().max(6).nullable().optional(),
    isDefault: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'AddressForm' });
export type AddressInput = z.input<typeof addressInputSchema>;

export const addressSchema = z
  .object({
    id: z.string(),
    recipient: z.string(),
    phone: z.string(),
    provinceCode: z.string(),
    cityCode: z.string(),
    districtCode: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    detail: z.string(),
    tag: z.string().nullable(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

const regionLeaf = z.tuple([z.string(), z.string()]);
export const regionTreeSchema = z
  .object({
    /** [code, name, cities[[code, name, districts[[code, name]]]]] — compact for the picker. */
    provinces: z.array(z.tuple([z.string(), z.string(), z.array(z.tuple([z.string(), z.string(), z.array(regionLeaf)]))])),
  })
  .meta({ id: 'RegionTree' });

const addressId = z.object({ id: z.uuid() });

export const addressEndpoints = {
  regions: defineEndpoint({
    method: 'GET',
    path: '/api/shop/regions',
    auth: 'public',
    summary: 'China province / city / district tree for the address picker (long-cached)',
    tags: ['identity'],
    response: regionTreeSchema,
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/api/shop/me/addresses',
    auth: 'customer',
    summary: 'The shopper’s addresses, default first',
    tags: ['identity'],
    response: z.array(addressSchema),
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/shop/me/addresses',
    auth: 'customer',
    summary: 'Add an address (the first one becomes the default)',
    tags: ['identity'],
    body: addressInputSchema,
    response: addressSchema,
    status: 201,
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/shop/me/addresses/:id',
    auth: 'customer',
    summary: 'Replace an address',
    tags: ['identity'],
    params: addressId,
    body: addressInputSchema,
    response: addressSchema,
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/shop/me/addresses/:id',
    auth: 'customer',
    summary: 'Delete an address (another becomes default if it was the default)',
    tags: ['identity'],
    params: addressId,
    response: ok,
  }),
  setDefault: defineEndpoint({
    method: 'POST',
    path: '/api/shop/me/addresses/:id/default',
    auth: 'customer',
    summary: 'Make an address the default',
    tags: ['identity'],
    params: addressId,
    response: addressSchema,
  }),
};
