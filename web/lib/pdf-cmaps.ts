/**
 * pdf.js's predefined CMaps, bundled as assets of the app: a PDF whose Chinese font is not embedded
 * (UniGB-UCS2-H, Adobe-GB1…) cannot be read without them. Only the URLs are in this module; a file
 * is fetched, from this origin, when a PDF needs it.
 */

const CMAP_URLS: ReadonlyMap<string, string> = new Map(
  Object.entries(
    import.meta.glob<string>("/node_modules/pdfjs-dist/cmaps/*.bcmap", {
      query: "?url&no-inline",
      import: "default",
      eager: true,
    }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf("/") + 1), url]),
);

/**
 * pdf.js's `BinaryDataFactory` (used with `useWorkerFetch: false`): the worker asks the main
 * thread for a CMap by file name, answered from the bundle. Standard fonts and wasm decoders are
 * not bundled; text extraction does without them (pdf.js falls back and warns).
 */
export class BundledBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === "cMapUrl" ? CMAP_URLS.get(filename) : undefined;
    if (!url) throw new Error(`${kind} ${filename} is not bundled`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
