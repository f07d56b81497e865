import { createContext, useContext } from "react";
import { type Strings, stringsFor } from "./i18n";

export const StringsContext = createContext<Strings>(stringsFor("vi"));

export function useStrings(): Strings {
  return useContext(StringsContext);
}

/** Whether a pane is the one shown, and how many times Excel has reported a change to the workbook. */
export interface PaneState {
  active: boolean;
  changes: number;
}

export const PaneContext = createContext<PaneState>({ active: true, changes: 0 });

export function usePaneState(): PaneState {
  return useContext(PaneContext);
}
