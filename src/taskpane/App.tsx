import { FluentProvider, Tab, TabList, Text, type Theme, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { StringsContext } from "./context";
import type { Strings } from "./i18n";
import { CheckPane } from "./panes/CheckPane";
import { CreatePane } from "./panes/CreatePane";
import { DeadlinesPane } from "./panes/DeadlinesPane";
import { ReportPane } from "./panes/ReportPane";
import { SyncPane } from "./panes/SyncPane";
import { TotalsPane } from "./panes/TotalsPane";

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: "8px", display: "flex", flexDirection: "column", gap: "8px", backgroundColor: tokens.colorNeutralBackground1 },
});

const PANES = { create: CreatePane, check: CheckPane, totals: TotalsPane, deadlines: DeadlinesPane, report: ReportPane, sync: SyncPane };
type PaneKey = keyof typeof PANES;

export function App({ strings, theme }: { strings: Strings; theme: Theme }) {
  const styles = useStyles();
  const [pane, setPane] = useState<PaneKey>("check");
  const Pane = PANES[pane];
  return (
    <FluentProvider theme={theme}>
      <StringsContext.Provider value={strings}>
        <main className={styles.root}>
          <Text as="h1" size={400} weight="semibold">
            {strings.appTitle}
          </Text>
          <TabList selectedValue={pane} onTabSelect={(_, d) => setPane(d.value as PaneKey)} size="small">
            {(Object.keys(PANES) as PaneKey[]).map((key) => (
              <Tab key={key} value={key}>
                {strings.tabs[key]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" aria-label={strings.tabs[pane]}>
            <Pane />
          </div>
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
