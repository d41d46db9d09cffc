// UI text of forum events on the desk timeline and the admin's forum boards page, spread into the app's dictionaries.

export const forumDeskZhCN = {
} as const satisfies Record<string, string>;

export const forumDeskEn: Readonly<Record<keyof typeof forumDeskZhCN, string>> = {
};
