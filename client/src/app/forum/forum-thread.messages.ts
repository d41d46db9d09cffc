// UI text of the forum's thread (see forum.routes.ts), spread into the app's dictionaries.

export const forumThreadZhCN = {
} as const satisfies Record<string, string>;

export const forumThreadEn: Readonly<Record<keyof typeof forumThreadZhCN, string>> = {
};
