/** What the importer noticed while reading a text: warnings and where each figure came from. */

export interface ImportWarning {
  code: string;
  message: string;
  message_en: string;
  /** A figure key (`section3.granted.total`), a section (`section4`) or `year` / `agency`. */
  path?: string;
  /** 1-based line of the input. */
  line?: number;
}

export interface Provenance {
  line: number;
  text: string;
}

/** Collects warnings and provenance while the section readers run. */
export class ImportLog {
  readonly warnings: ImportWarning[] = [];
  readonly provenance: Record<string, Provenance> = {};

  warn(
    code: string,
    message: string,
    messageEn: string,
    where: { path?: string; line?: number } = {},
  ): void {
    const warning: ImportWarning = { code, message, message_en: messageEn };
    if (where.path !== undefined) warning.path = where.path;
    if (where.line !== undefined) warning.line = where.line;
    this.warnings.push(warning);
  }

  /** Records where a figure was read; the first reading of a key wins. */
  source(key: string, at: Provenance | undefined): void {
    if (at && this.provenance[key] === undefined) this.provenance[key] = at;
  }
}
