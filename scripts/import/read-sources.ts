import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";

/** What an archive of published reports holds: text, saved pages, Word and PDF files. */
const READABLE = new Set([
  ".txt",
  ".text",
  ".pdf",
  ".html",
  ".htm",
  ".shtml",
  ".xhtml",
  ".mhtml",
  ".mht",
  ".docx",
  ".doc",
  ".wps",
]);

/**
 * The report files named on the command line, folders walked recursively in a stable order.
 * A file named on the command line is always read; in folders, other files (images, styles) and
 * hidden files are passed over.
 */
export function listSources(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string, named: boolean) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith(".")) walk(join(path, entry), false);
      }
    } else if (named || READABLE.has(extname(path).toLowerCase())) {
      found.push(path);
    }
  };
  for (const path of paths) walk(path, true);
  return found;
}

export const readBytes = (path: string) => new Uint8Array(readFileSync(path));

export const fileName = (path: string) => basename(path);
