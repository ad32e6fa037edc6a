const decoder = new TextDecoder();

/**
 * A response whose body the transport has already read in full (so timeouts and dropped
 * connections are settled inside the retry loop). Reading it again costs no copy: `text()` and
 * `json()` decode the kept bytes directly instead of streaming them through a new body.
 */
export class BufferedResponse extends Response {
  readonly #bytes: ArrayBuffer;
  /** The concrete path requested, e.g. `/beta/agents/6b0e…`. */
  readonly requestPath: string;
  /** How many times the request was sent. */
  readonly attempts: number;

  constructor(
    bytes: ArrayBuffer,
    from: { status: number; statusText: string; headers: Headers },
    exchange: { requestPath: string; attempts: number },
  ) {
    super(null, { status: from.status, statusText: from.statusText, headers: from.headers });
    this.#bytes = bytes;
    this.requestPath = exchange.requestPath;
    this.attempts = exchange.attempts;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes.byteLength === 0 ? null : new Blob([this.#bytes]).stream();
  }

  override async text(): Promise<string> {
    return decoder.decode(this.#bytes);
  }

  override async json(): Promise<any> {
    return JSON.parse(decoder.decode(this.#bytes));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice(0);
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#bytes], { type: this.headers.get("content-type") ?? "" });
  }
}
