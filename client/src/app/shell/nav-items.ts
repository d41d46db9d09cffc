import type { MaterialSymbol } from 'material-symbols';
import type { MessageKey } from '../core/i18n';
import { ROLES, Role } from '../core/staff';

export interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly icon: MaterialSymbol;
  readonly roles: readonly Role[];
  /** A small dot on the item when there is something new for me there. */
  readonly dot?: 'thanks';
}

/** The frame's navigation; the same roles guard each route in `app.routes.ts`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/desk', label: 'nav.desk', icon: 'support_agent', roles: ['agent', 'manager', 'admin'] },
  { path: '/store', label: 'nav.store', icon: 'storefront', roles: ['store', 'admin'] },
  { path: '/forum', label: 'nav.forum', icon: 'forum', roles: ROLES },
  { path: '/stories', label: 'nav.stories', icon: 'auto_stories', roles: ROLES, dot: 'thanks' },
  { path: '/admin', label: 'nav.admin', icon: 'admin_panel_settings', roles: ['admin'] },
];

export function navItemsFor(role: Role): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function navRoles(path: string): Role[] {
  return [...(NAV_ITEMS.find((item) => item.path === path)?.roles ?? [])];
}
