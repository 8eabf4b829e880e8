import { useEffect, useState } from "react";
import type { InferResponseType } from "hono/client";
import { api, unwrap, type Api } from "../api";
import { useSession } from "./session";

export type Season = InferResponseType<Api["season"]["$get"], 200>;

let asked: { user: number | null; answer: Promise<Season | null> } | null = null;

/**
 * Where the season stands (`GET /api/season`): the open year, the years with published reports
 * and where this user's dashboards open. Asked once per signed-in user; `undefined` while it
 * loads, `null` if it could not be read (the pages then fall back to last year).
 */
export function useSeason(): Season | null | undefined {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const [season, setSeason] = useState<Season | null | undefined>(undefined);
  useEffect(() => {
    if (asked?.user !== userId)
      asked = {
        user: userId,
        answer: api.season
          .$get()
          .then(unwrap)
          .catch(() => {
            asked = null; // the next page asks again
            return null;
          }),
      };
    let live = true;
    void asked.answer.then((answer) => live && setSeason(answer));
    return () => {
      live = false;
    };
  }, [userId]);
  return season;
}

/** After the deadlines change: the next page asks anew. */
export function forgetSeason() {
  asked = null;
}

/** The years a year list offers: those with published reports and the open one. */
export function seasonYears(season: Season, shown: number): number[] {
  const years = new Set([shown, ...season.years.map((y) => y.year)]);
  if (season.open_year !== null) years.add(season.open_year);
  return [...years].sort((a, b) => b - a);
}
