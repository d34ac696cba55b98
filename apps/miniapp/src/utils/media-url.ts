/**
 * Server-relative media paths (`/uploads/avatars/…`) resolve against the page in H5, where the
 * API is same-origin; mini-programs have no origin of their own, so the API base goes in front.
 */
export function mediaUrl(url: string, baseUrl: string = process.env.TARO_APP_API_BASE): string {
  return baseUrl && url.startsWith('/') && !url.startsWith('//') ? baseUrl + url : url;
}
