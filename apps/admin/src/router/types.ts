import type { ReactNode } from 'react';
import type { Permission } from '../access.ts';

/** One entry of the routes table: a menu group (children) or a page (element). */
export interface AppRoute {
  /** Path inside the /admin basename; groups use it only as a menu key. */
  path: string;
  title: string;
  icon?: ReactNode;
  /** Permission the page needs; none or `self` means any signed-in staff member. */
  access?: Permission;
  element?: ReactNode;
  hideInMenu?: boolean;
  children?: AppRoute[];
}

/** A full-screen page outside the console layout. */
export interface StandaloneRoute {
  path: string;
  title: string;
  element: ReactNode;
  /** Open to visitors who are not signed in (the login page); otherwise it needs a session. */
  public?: boolean;
}
