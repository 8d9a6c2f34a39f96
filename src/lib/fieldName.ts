// A field's name as an error message shows it: plain names as they are, anything else (empty, spaces, '=')
// quoted and escaped, so "KEY=VALUE: accepted ..." stays readable and parseable whatever the key was.
export function fieldName(k: string): string {
  if (/^[\w.$-]+$/.test(k)) return k;
  return `[${JSON.stringify(k).replace(/[\s=]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}]`;
}
