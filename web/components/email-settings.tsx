import { useState, type FormEvent } from "react";
import type { InferResponseType } from "hono/client";
import { api, unwrap } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { errorText } from "../lib/errors";
import { useApi } from "../lib/session";
import { useRequest } from "../lib/use-request";
import { RequestView } from "./request-view";

type Settings = InferResponseType<(typeof api.notifications)["email-settings"]["$get"], 200>;

/** Which kinds of notification also come by e-mail; the in-app copy always comes. */
export function EmailSettings() {
  const { t } = useI18n();
  const settings = useRequest(() => api.notifications["email-settings"].$get().then(unwrap), []);
  return (
    <section className="panel" aria-labelledby="email-settings">
      <h3 id="email-settings">{t("notifEmailTitle")}</h3>
      <RequestView state={settings.state} retry={settings.retry}>
        {(data) => <EmailSettingsForm saved={data} />}
      </RequestView>
    </section>
  );
}

function EmailSettingsForm({ saved }: { saved: Settings }) {
  const { t, locale } = useI18n();
  const session = useApi();
  const [choice, setChoice] = useState(() =>
    Object.fromEntries(saved.kinds.map((k) => [k.kind, k.email])),
  );
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; error: unknown }
  >({ kind: "idle" });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: "saving" });
    try {
      const answer = await session.notifications["email-settings"]
        .$put({ json: { kinds: choice } })
        .then(unwrap);
      setChoice(Object.fromEntries(answer.kinds.map((k) => [k.kind, k.email])));
      setState({ kind: "saved" });
    } catch (error) {
      setState({ kind: "failed", error });
    }
  };

  if (saved.kinds.length === 0) return <p className="muted">{t("notifEmailNoKinds")}</p>;
  return (
    <form onSubmit={(event) => void save(event)}>
      <p className="muted">{t("notifEmailHint", { email: saved.email })}</p>
      <fieldset className="checkbox-list">
        <legend>{t("notifEmailLegend")}</legend>
        {saved.kinds.map(({ kind }) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={choice[kind] ?? true}
              onChange={(e) => {
                setChoice((was) => ({ ...was, [kind]: e.target.checked }));
                setState({ kind: "idle" });
              }}
            />
            {t(`notifKind_${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <p className="form-actions">
        <button type="submit" className="primary" disabled={state.kind === "saving"}>
          {t("save")}
        </button>
        <span role="status" className="notice-ok">
          {state.kind === "saved" ? t("notifEmailSaved") : ""}
        </span>
      </p>
      {state.kind === "failed" && (
        <p role="alert" className="notice notice-error">
          {errorText(state.error, locale)}
        </p>
      )}
    </form>
  );
}
