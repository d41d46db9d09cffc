// UI text of cases and gestures (desk and store customer page), spread into the app's dictionaries.

export const casesZhCN = {
} as const satisfies Record<string, string>;

export const casesEn: Readonly<Record<keyof typeof casesZhCN, string>> = {
};
