/**
 * UTF-8 text from bytes and bytes from text, through one decoder and one encoder for the whole
 * client, each made on first use: the first TextDecoder of a process costs 0.1 ms, too much for
 * import time, and one per call is waste.
 */
let decoder: TextDecoder | undefined;
let encoder: TextEncoder | undefined;

export function utf8Text(bytes: Uint8Array): string {
  return (decoder ??= new TextDecoder()).decode(bytes);
}

export function utf8Bytes(text: string): Uint8Array {
  return (encoder ??= new TextEncoder()).encode(text);
}
