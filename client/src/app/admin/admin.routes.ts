import { Routes } from '@angular/router';
import { AdminPage } from './admin-page';
import { AuditLogPage } from './audit-log-page';
import { ForumBoardsAdminPage } from './forum-boards-admin-page';
import { StaffAdminPage } from './staff-admin-page';
import { StoresAdminPage } from './stores-admin-page';
import { WeChatAdminPage } from './wechat-admin-page';

/** The admin area, lazy-loaded as one chunk: staff accounts at /admin, stores at /admin/stores, WeChat accounts at /admin/wechat, forum boards at /admin/forum, the audit log at /admin/audit. */
export const adminRoutes: Routes = [
  {
    path: '',
    component: AdminPage,
    children: [
      { path: '', component: StaffAdminPage },
      { path: 'stores', component: StoresAdminPage },
      { path: 'wechat', component: WeChatAdminPage },
      { path: 'forum', component: ForumBoardsAdminPage },
      { path: 'audit', component: AuditLogPage },
    ],
  },
];
