import { useEffect } from 'react';

export const APP_TITLE = '商家后台';

/** "员工管理 - 商家后台" in the browser tab; the bare app title when there is no page. */
export function useDocumentTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} - ${APP_TITLE}` : APP_TITLE;
  }, [page]);
}
