/** A <meta> carrying JSON for the first-paint scripts (no inline script: the Content Security Policy allows none). */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const jsonMeta = (name: string, value: unknown): string => `<meta name="${attr(name)}" content="${attr(JSON.stringify(value))}" />`;
