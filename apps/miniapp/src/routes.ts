/** Paths of the pages outside the tab bar, in one place. */
export const routes = {
  profile: '/packages/account/pages/profile/index',
  addresses: '/packages/account/pages/addresses/index',
  addressEdit: (id?: string) => `/packages/account/pages/address-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
};
