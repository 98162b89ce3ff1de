/**
 * Text files (a case file, a rule-set) are UTF-8 or refused, never repaired: a decoder that
 * replaces a bad byte with U+FFFD would store a name nobody wrote. A byte-order mark is dropped.
 */
const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}
