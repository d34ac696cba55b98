/** Shops run on China time whatever the browser's zone; a shop setting can replace this later. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';
/** China keeps no daylight saving time, so shop dates map to instants with one fixed offset. */
const SHOP_UTC_OFFSET = '+08:00';

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** ISO instant → "2025/01/31 08:05:09" in shop time. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const shortDateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHOP_TIME_ZONE,
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO instant → "01/31 08:05" in shop time, for tags and other tight spots. */
export function formatShortDateTime(iso: string): string {
  return shortDateTimeFormat.format(new Date(iso));
}

/** Shop calendar days "2025-03-01" … "2025-03-07" → the instants from the first day's start to the last day's end. */
export function shopDayRange(firstDay: string, lastDay: string): { from: string; to: string } {
  return { from: `${firstDay}T00:00:00.000${SHOP_UTC_OFFSET}`, to: `${lastDay}T23:59:59.999${SHOP_UTC_OFFSET}` };
}
