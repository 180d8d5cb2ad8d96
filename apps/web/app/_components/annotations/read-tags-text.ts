/**
 * The tags typed in a form's one text field, separated by commas: each trimmed,
 * empty ones dropped, so `"a, b,"` is `["a", "b"]` and `""` is none. The API
 * checks the rest (length, count, characters) and names what it refuses.
 */
export function readTagsText(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
