// UI text of the stories pages (/stories, a story, themes, my thanks), spread into the app's dictionaries.

export const storiesZhCN = {
} as const satisfies Record<string, string>;

export const storiesEn: Readonly<Record<keyof typeof storiesZhCN, string>> = {
};
