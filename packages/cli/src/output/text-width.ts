/**
 * Display width of text in a terminal: East Asian wide and full-width characters (Chinese,
 * Japanese, Korean, full-width punctuation) take two columns, combining marks none, the rest
 * one. Tables align with this, not with `length`.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0)!);
  return width;
}

function charWidth(code: number): number {
  if (code < 0x300) return 1;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) {
    return 0;
  }
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Pads text with spaces to `width` display columns, on the left when `right` (numbers). */
export function padDisplay(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** The longest start of `text` that fits in `width` display columns (at least one character). */
export function sliceDisplay(text: string, width: number): string {
  let used = 0;
  let out = '';
  for (const char of text) {
    const next = charWidth(char.codePointAt(0)!);
    if (used + next > width && out !== '') break;
    out += char;
    used += next;
  }
  return out;
}
