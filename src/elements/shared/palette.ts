/**
 * The fixed palette avatars and labels take their colour from, by a hash of
 * a person's id or a label's name: stable across reloads, devices and
 * agents. Each hue holds white text at 4.5:1 or more (palette.test.ts), and
 * works on light and dark surfaces alike.
 */
export const PALETTE = [
  '#0969da', // blue
  '#6639ba', // violet
  '#8250df', // purple
  '#bf3989', // pink
  '#cf222e', // red
  '#bc4c00', // orange
  '#7d4e00', // amber
  '#1a7f37', // green
  '#0e7a8a', // teal
  '#57606a', // slate
] as const;

/** FNV-1a over the string's UTF-16 units: a stable, well spread index into the palette. */
export function paletteIndex(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PALETTE.length;
}

export const paletteColor = (key: string): string => PALETTE[paletteIndex(key)]!;
