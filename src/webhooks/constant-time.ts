/**
 * Byte comparison whose running time does not depend on where the inputs differ, so an attacker
 * timing our answers cannot learn the expected signature byte by byte. (Node's timingSafeEqual
 * does the same, but this entry imports nothing from Node.)
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Lengths are not secret: every HMAC-SHA256 is 32 bytes.
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
