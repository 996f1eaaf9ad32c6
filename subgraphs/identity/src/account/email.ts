/** How emails are stored and looked up: trimmed and lowercased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
