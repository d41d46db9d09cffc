// UI text of the forum's pages (see forum.routes.ts), spread into the app's dictionaries.

export const forumPagesZhCN = {
  'forum.badge.fan': '资深粉丝',
  'forum.badge.fanHint': '热心帮助大家的老朋友',
  'forum.badge.staff': '官方',
  'forum.badge.staffHint': 'Hearth 服务团队成员',
} as const satisfies Record<string, string>;

export const forumPagesEn: Readonly<Record<keyof typeof forumPagesZhCN, string>> = {
  'forum.badge.fan': 'Senior fan',
  'forum.badge.fanHint': 'A long-time member who helps others',
  'forum.badge.staff': 'Staff',
  'forum.badge.staffHint': 'A member of the Hearth service team',
};
