import { useI18n } from "./i18n";
import { AgenciesPage } from "./pages/agencies-page";

export function App() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          {t("appTitle")} <small>{t("appSubtitle")}</small>
        </h1>
        <button type="button" onClick={() => setLocale(locale === "zh" ? "en" : "zh")}>
          {t("language")}
        </button>
      </header>
      <AgenciesPage />
    </div>
  );
}
