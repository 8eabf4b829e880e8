/**
 * A reference model of one reporting season: the requests staff send (save, submit, return,
 * approve, move an agency, change its scope), what each should answer, and the world it leaves
 * (README: "Workflow", "Storage", the save and review routes). Two requests sent together must
 * end as the one order or the other would; `predictRace` gives both.
 */

import type { ReportDocument } from "../../worker/report/document";
import { subtree, type RefReport, type Scope, type World } from "./aggregates";

export type Request =
  | {
      kind: "save";
      agencyId: number;
      baseRevision: number;
      doc: ReportDocument;
      note: string | null;
    }
  | { kind: "submit" | "approve" | "return"; agencyId: number; revision: number }
  | { kind: "move"; agencyId: number; parentId: number }
  | { kind: "rescope"; agencyId: number; scope: Scope };

export function cloneWorld(world: World): World {
  return {
    year: world.year,
    agencies: new Map([...world.agencies].map(([id, a]) => [id, { ...a }])),
    reports: new Map([...world.reports].map(([id, r]) => [id, { ...r }])),
  };
}

/** The answer's status the request should get, applying it to `world` when it lands. */
export function apply(world: World, request: Request): number {
  const report = world.reports.get(request.agencyId);
  switch (request.kind) {
    case "save": {
      const current = report?.revision ?? 0;
      if (request.baseRevision !== current) return 409;
      if (report?.status === "submitted") return 409;
      if (report?.publishedRevision != null && !request.note?.trim()) return 400;
      if (report && sameDocument(report.current, request.doc)) return 200;
      if (!report) {
        world.reports.set(request.agencyId, {
          status: "draft",
          revision: 1,
          current: request.doc,
          publishedRevision: null,
          published: null,
        });
        return 201;
      }
      world.reports.set(request.agencyId, {
        ...report,
        revision: report.revision + 1,
        current: request.doc,
        // Saving over a published report starts a correction, reviewed again.
        status: report.status === "approved" ? "draft" : report.status,
      });
      return 200;
    }
    case "submit":
    case "return":
    case "approve": {
      if (!report) return 404;
      if (report.revision !== request.revision) return 409;
      const from: Record<typeof request.kind, RefReport["status"][]> = {
        submit: ["draft", "returned"],
        return: ["submitted"],
        approve: ["submitted"],
      };
      if (!from[request.kind].includes(report.status)) return 409;
      const next: RefReport =
        request.kind === "approve"
          ? {
              ...report,
              status: "approved",
              publishedRevision: report.revision,
              published: report.current,
            }
          : { ...report, status: request.kind === "submit" ? "submitted" : "returned" };
      world.reports.set(request.agencyId, next);
      return 200;
    }
    case "move": {
      if (subtree(world, request.agencyId).includes(request.parentId)) return 400;
      world.agencies.get(request.agencyId)!.parentId = request.parentId;
      return 200;
    }
    case "rescope": {
      world.agencies.get(request.agencyId)!.scope = request.scope;
      return 200;
    }
  }
}

export interface RaceOutcome {
  order: "first, then second" | "second, then first";
  statuses: [number, number];
  world: World;
}

/** What two requests sent together may end as: the one order or the other. */
export function predictRace(world: World, first: Request, second: Request): RaceOutcome[] {
  const ab = cloneWorld(world);
  const a1 = apply(ab, first);
  const a2 = apply(ab, second);
  const ba = cloneWorld(world);
  const b2 = apply(ba, second);
  const b1 = apply(ba, first);
  return [
    { order: "first, then second", statuses: [a1, a2], world: ab },
    { order: "second, then first", statuses: [b1, b2], world: ba },
  ];
}

/** Documents as values: the same figures, text and template whatever the key order. */
function sameDocument(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
