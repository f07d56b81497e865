import {
  Button,
  FluentProvider,
  Tab,
  TabList,
  Text,
  type Theme,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LocalLanguageRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useState } from "react";
import { DeviceContext, PaneContext, StringsContext, useSavedDevice } from "./context";
import { useWorkbookChanges } from "./freshness";
import { type Language, saveLanguage, stringsFor } from "./i18n";
import { CheckPane } from "./panes/CheckPane";
import { CreatePane } from "./panes/CreatePane";
import { DeadlinesPane } from "./panes/DeadlinesPane";
import { ReportPane } from "./panes/ReportPane";
import { SyncPane } from "./panes/SyncPane";
import { TotalsPane } from "./panes/TotalsPane";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: "8px 10px 16px",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "4px",
  },
  // Six tabs in as many columns as fit (three at 300 px, six from 540 px): every tab is always in sight.
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(86px, 1fr))",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { justifyContent: "center" },
});

const PANES = {
  create: CreatePane,
  check: CheckPane,
  totals: TotalsPane,
  deadlines: DeadlinesPane,
  report: ReportPane,
  sync: SyncPane,
};
type PaneKey = keyof typeof PANES;
const KEYS = Object.keys(PANES) as PaneKey[];

export function App({ theme, language: initial }: { theme: Theme; language: Language }) {
  const styles = useStyles();
  const [language, setLanguage] = useState(initial);
  const [pane, setPane] = useState<PaneKey>("check");
  const changes = useWorkbookChanges();
  const device = useSavedDevice();
  const strings = stringsFor(language);
  const states = useMemo(
    () => Object.fromEntries(KEYS.map((k) => [k, { active: k === pane, changes }])),
    [pane, changes]
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const switchLanguage = () => {
    const next = language === "vi" ? "en" : "vi";
    saveLanguage(next);
    setLanguage(next);
  };

  return (
    <FluentProvider theme={theme}>
      <StringsContext.Provider value={strings}>
        <DeviceContext.Provider value={device}>
          <main className={styles.root}>
            <header className={styles.header}>
              <Text as="h1" size={400} weight="semibold">
                {strings.appTitle}
              </Text>
              <Button
                appearance="subtle"
                size="small"
                icon={<LocalLanguageRegular />}
                title={strings.language.label}
                lang={language === "vi" ? "en" : "vi"}
                onClick={switchLanguage}
              >
                {strings.language.switchTo}
              </Button>
            </header>
            <TabList
              className={styles.tabs}
              selectedValue={pane}
              onTabSelect={(_, d) => setPane(d.value as PaneKey)}
              aria-label={strings.tabsLabel}
            >
              {KEYS.map((key) => (
                <Tab
                  key={key}
                  value={key}
                  id={`tab-${key}`}
                  aria-controls={`panel-${key}`}
                  className={styles.tab}
                >
                  {strings.tabs[key]}
                </Tab>
              ))}
            </TabList>
            {/* Every pane stays mounted, so its last result is still there when its tab is shown again. */}
            {KEYS.map((key) => {
              const Pane = PANES[key];
              return (
                <div
                  key={key}
                  role="tabpanel"
                  id={`panel-${key}`}
                  aria-labelledby={`tab-${key}`}
                  hidden={key !== pane}
                >
                  <PaneContext.Provider value={states[key]}>
                    <Pane />
                  </PaneContext.Provider>
                </div>
              );
            })}
          </main>
        </DeviceContext.Provider>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
