import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/errors";

/** A report document with its three narrative texts stays well under this. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * After an answer, at most this much of a body nobody read is read and thrown away; past it the
 * rest is cancelled. It covers any body a client may send (anything larger is refused by its
 * Content-Length) and a chunked body of a few times the limit.
 */
const DRAIN_BYTES = 8 * MAX_BODY_BYTES;

export const payloadTooLarge = () =>
  new ApiError(
    413,
    "payload_too_large",
    `请求体超过 ${MAX_BODY_BYTES / 1024} KB 上限`,
    `The request body exceeds the ${MAX_BODY_BYTES / 1024} KB limit`,
  );

/**
 * The first middleware of every route: refuses a declared body over the limit before anything
 * else runs, and, once the answer is ready, reads to its end whatever part of the request body
 * the route left unread (a write refused by authentication or CSRF, an unknown route, a body
 * over the limit).
 *
 * WARNING: under `wrangler dev` the body is piped through a proxy (wrangler's ProxyWorker) into
 * the Worker. An answer given while part of the body is still unread leaves that pipe stuck:
 * the client's next request on the same connection waited until the client gave up (20–90 s),
 * and some refusals answered 503 "Your worker restarted mid-request" or a reset instead of 413.
 * Cancelling the body is not enough there; reading it to the end is. On Cloudflare it only
 * costs reading bytes the client has already sent.
 * https://github.com/cloudflare/workers-sdk/blob/main/packages/wrangler/templates/startDevWorker/ProxyWorker.ts
 */
export const requestBody = createMiddleware<AppEnv>(async (c, next) => {
  const request = c.req.raw;
  if (!request.body) return next();
  const source = reader(request.body as ReadableStream<Uint8Array>);
  // The route reads the body through this stream; the reader above stays ours, so whatever
  // the route left (refused early, stopped at a limit, cancelled) can still be read after it.
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await source.read();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
    },
    // Nothing is read ahead of the route.
    { highWaterMark: 0 },
  );
  // `duplex` is required by Node (the bench runs the app there) and ignored by workerd.
  c.req.raw = new Request(request, { body, duplex: "half" } as RequestInit);
  try {
    const declared = Number(request.headers.get("content-length"));
    if (declared > MAX_BODY_BYTES) throw payloadTooLarge();
    await next();
  } finally {
    await source.drain(DRAIN_BYTES);
  }
});

/**
 * A reader of `stream` whose reads wait for each other (workerd allows one pending read), that
 * remembers whether the end was reached, and that can read what is left and throw it away.
 */
function reader(stream: ReadableStream<Uint8Array>) {
  const source = stream.getReader();
  let finished = false;
  let last: Promise<unknown> = Promise.resolve();
  const read = () => {
    const next = last.then(() => source.read());
    last = next.then(
      (chunk) => (finished ||= chunk.done),
      () => (finished = true),
    );
    return next;
  };
  const drain = async (limit: number) => {
    let bytes = 0;
    try {
      await last;
      while (!finished) {
        if (bytes > limit) return await source.cancel();
        const chunk = await read();
        bytes += chunk.value?.byteLength ?? 0;
      }
    } catch {
      // The client went away: nothing is left to read.
    }
  };
  return { read, drain };
}
