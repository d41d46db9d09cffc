// UI text of the pieces in shared/ that several features show (names, event excerpts), spread into
// the app's dictionaries.

export const sharedZhCN = {
  'shared.names.separator': '、',
  'shared.excerpt.place': '{place}：{text}',
  'shared.excerpt.thread': '「{thread}」{text}',
} as const satisfies Record<string, string>;

export const sharedEn: Readonly<Record<keyof typeof sharedZhCN, string>> = {
  'shared.names.separator': ', ',
  'shared.excerpt.place': '{place}: {text}',
  'shared.excerpt.thread': '“{thread}” {text}',
};
