import zhCN from 'antd/locale/zh_CN';

/**
 * antd's zh_CN leaves weekday and month names to dayjs's own locale, which the console does not load
 * (dayjs is antd's dependency, not ours); without these the date pickers would say "Su Mo" and "Nov".
 */
export const consoleLocale: typeof zhCN = {
  ...zhCN,
  DatePicker: zhCN.DatePicker && {
    ...zhCN.DatePicker,
    lang: {
      ...zhCN.DatePicker.lang,
      shortWeekDays: ['日', '一', '二', '三', '四', '五', '六'],
      shortMonths: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    },
  },
};
