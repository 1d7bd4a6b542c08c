const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML[ch] ?? ch);
}

/**
 * Fills the page's `{{name}}` slots, each value escaped. A slot without a value is an error: the
 * page would show its name.
 */
export function fillPage(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`page slot {{${name}}} has no value`);
    return escapeHtml(value);
  });
}
