/**
 * Text from files (names, messages, previews) as inert markdown/HTML: no table break, no link,
 * no emphasis, no tag. Every character that means something in GitHub-flavoured markdown or
 * HTML becomes an entity; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[&<>"'|`*_[\]\\#!~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
