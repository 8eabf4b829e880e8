import { useEffect, useState } from "react";
import { api, unwrap } from "../api";
import type { AgencyChoice } from "../components/agency-picker";

/** The agency behind an id kept in the URL, named for a picker; null while unknown. */
export function useAgencyChoice(id: number | null): AgencyChoice | null {
  const [choice, setChoice] = useState<AgencyChoice | null>(null);
  useEffect(() => {
    // No id: the answer below is null whatever `choice` holds.
    if (id === null) return;
    let live = true;
    api.agencies[":id"]
      .$get({ param: { id: String(id) } })
      .then(unwrap)
      .then(
        (agency) => live && setChoice({ id: agency.id, name: agency.name }),
        () => live && setChoice({ id, name: `#${id}` }),
      );
    return () => {
      live = false;
    };
  }, [id]);
  return choice?.id === id ? choice : null;
}
