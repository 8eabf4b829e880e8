import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api";
import { Field } from "../components/field";
import { useI18n } from "../i18n";
import { errorText } from "../lib/errors";
import { formatWait } from "../lib/format";
import { navigate, safeNext } from "../lib/router";
import { useSession } from "../lib/session";

const ERROR_ID = "login-error";

export function LoginPage() {
  const { t, locale } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await login(email.trim(), password);
      navigate(safeNext(new URLSearchParams(window.location.search).get("next")), {
        replace: true,
      });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const wait =
    failure instanceof ApiRequestError && failure.retryAfterSeconds !== null
      ? failure.retryAfterSeconds
      : null;
  const credentialsWrong = failure instanceof ApiRequestError && failure.status === 401;

  return (
    <main className="page narrow">
      <h2>{t("signIn")}</h2>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <Field
          label={t("email")}
          describedBy={failure ? ERROR_ID : undefined}
          invalid={credentialsWrong}
        >
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t("password")}
          describedBy={failure ? ERROR_ID : undefined}
          invalid={credentialsWrong}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {failure !== null && (
          <p role="alert" id={ERROR_ID} className="notice notice-error">
            {errorText(failure, locale)}
            {wait !== null && <> {t("retryAfter", { wait: formatWait(wait, locale) })}</>}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("signingIn") : t("signIn")}
          </button>
        </div>
      </form>
    </main>
  );
}
