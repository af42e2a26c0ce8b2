/**
 * A response body in tests: parsed JSON, typed loosely so assertions can reach into it.
 */
// biome-ignore lint/suspicious/noExplicitAny: test assertions reach into arbitrary JSON.
export type Json = any;

/** Parses a response body as JSON. */
export async function readJson(res: Response): Promise<Json> {
  return res.json();
}
