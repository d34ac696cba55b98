import type { ReactNode } from 'react';
import type { Permission } from '../access.ts';

/** One entry of the routes table: a menu group (children) or a page (element). */
export interface AppRoute {
  /** Path inside the /admin basename; groups use it only as a menu key. */
  path: string;
  title: string;
  icon?: ReactNode;
  access?: Permission;
  element?: ReactNode;
  hideInMenu?: boolean;
  children?: AppRoute[];
}
