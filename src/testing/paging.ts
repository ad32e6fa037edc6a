/**
 * Dixa-like paging: `pageLimit` items per page, the next page named by `meta.next`, a relative
 * URL carrying an opaque `pageKey`. The sandbox's page keys are base64 of
 * `pageLimit=<n>&offset=<n>` (Dixa's are base64 of its own paging parameters); clients must not
 * build or read them, and a key the sandbox did not hand out is answered with a 400.
 */
export interface PageAnswer {
  status: number;
  body: unknown;
}

const invalidKey = { message: "Invalid value for: query parameter pageKey" };
const invalidLimit = { message: "Invalid value for: query parameter pageLimit" };

export function encodePageKey(limit: number, offset: number): string {
  return btoa(`pageLimit=${limit}&offset=${offset}`);
}

function decodePageKey(key: string): { limit: number; offset: number } | undefined {
  let text: string;
  try {
    text = atob(key);
  } catch {
    return undefined;
  }
  const match = /^pageLimit=(\d+)&offset=(\d+)$/.exec(text);
  if (match === null) return undefined;
  const limit = Number(match[1]);
  const offset = Number(match[2]);
  return limit >= 1 ? { limit, offset } : undefined;
}

/**
 * One page of `items` for the request URL. `envelope` is the rest of the operation's example
 * body (kept as it is), `data` and `meta` are the sandbox's.
 */
export function pageOf(
  items: readonly unknown[],
  url: URL,
  defaultPageLimit: number,
  envelope: Record<string, unknown>,
): PageAnswer {
  const query = url.searchParams;
  const keyText = query.get("pageKey");
  const key = keyText === null ? undefined : decodePageKey(keyText);
  if (keyText !== null && key === undefined) return { status: 400, body: invalidKey };
  const limitText = query.get("pageLimit");
  const limit = limitText === null ? (key?.limit ?? defaultPageLimit) : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) return { status: 400, body: invalidLimit };
  const offset = key?.offset ?? 0;

  const link = (at: number) => {
    const params = new URLSearchParams(query);
    params.delete("pageKey");
    params.delete("pageLimit");
    params.set("pageKey", encodePageKey(limit, at));
    return `${url.pathname}?${params.toString()}`;
  };
  const meta: { previous?: string; next?: string } = {};
  if (offset > 0) meta.previous = link(Math.max(0, offset - limit));
  if (offset + limit < items.length) meta.next = link(offset + limit);
  const { data: _data, meta: _meta, ...rest } = envelope;
  return {
    status: 200,
    body: {
      ...rest,
      data: items.slice(offset, offset + limit),
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
    },
  };
}
