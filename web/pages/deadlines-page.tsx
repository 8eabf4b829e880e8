import { useState, type FormEvent } from "react";
import { unwrap, type ApiRequestError } from "../api";
import { Field } from "../components/field";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n } from "../i18n";
import { useApi } from "../lib/session";
import { forgetSeason } from "../lib/use-season";
import { useRequest } from "../lib/use-request";

/** `/admin/deadlines`: when each year's reports are due (Art. 49; editable by administrators). */
export function DeadlinesPage() {
  return (
    <RequireRole roles={["admin"]}>
      <Deadlines />
    </RequireRole>
  );
}

function Deadlines() {
  const { t, locale } = useI18n();
  const api = useApi();
  const list = useRequest(() => api.deadlines.$get().then(unwrap), []);
  const nextYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState(String(nextYear));
  const [department, setDepartment] = useState(`${nextYear + 1}-01-31`);
  const [government, setGovernment] = useState(`${nextYear + 1}-03-31`);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api.deadlines[":year"]
        .$put({
          param: { year },
          json: { department_deadline: department, government_deadline: government },
        })
        .then(unwrap);
      setError(null);
      setSaved(true);
      forgetSeason();
      list.refresh();
    } catch (failure) {
      const apiError = failure as ApiRequestError;
      setSaved(false);
      setError(locale === "zh" ? apiError.message : apiError.messageEn);
    }
  }

  return (
    <main className="page">
      <h2>{t("navDeadlines")}</h2>
      <p className="muted">{t("deadlinesHelp")}</p>
      <RequestView state={list.state} retry={list.retry}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t("deadlinesDefault")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("reportYear")}</th>
                  <th scope="col">{t("departmentDeadline")}</th>
                  <th scope="col">{t("governmentDeadline")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.year}>
                    <td>{d.year}</td>
                    <td>{d.department_deadline}</td>
                    <td>{d.government_deadline}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </RequestView>
      <form className="form form-grid" onSubmit={(event) => void save(event)}>
        <Field label={t("reportYear")}>
          {(c) => (
            <input
              {...c}
              type="number"
              min={1990}
              max={2100}
              required
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("departmentDeadline")}>
          {(c) => (
            <input
              {...c}
              type="date"
              required
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("governmentDeadline")}>
          {(c) => (
            <input
              {...c}
              type="date"
              required
              value={government}
              onChange={(e) => setGovernment(e.target.value)}
            />
          )}
        </Field>
        {error && (
          <p role="alert" className="notice notice-error">
            {error}
          </p>
        )}
        <p role="status" className="notice-ok">
          {saved && t("saved")}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t("save")}
          </button>
        </div>
      </form>
    </main>
  );
}
