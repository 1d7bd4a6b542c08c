import { describe, expect, it } from 'vitest';
import { escapeHtml, fillPage } from './escape.js';

describe('escaping what goes into the page', () => {
  it('escapes the characters that could open a tag or leave an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;',
    );
  });

  it('fills every slot, escaped, and refuses to leave one empty', () => {
    expect(fillPage('<title>{{t}}</title><p data-x="{{x}}">', { t: 'a<b', x: '"q"' })).toBe(
      '<title>a&lt;b</title><p data-x="&quot;q&quot;">',
    );
    expect(() => fillPage('{{missing}}', {})).toThrow(/missing/);
  });
});
