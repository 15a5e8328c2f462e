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

// East Asian wide and full-width blocks, and the emoji block: two columns.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

function charWidth(code: number): number {
  if (code < 0x300) return 1;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) {
    return 0;
  }
  return WIDE.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
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
