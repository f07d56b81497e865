import { createContext, useContext } from "react";
import { type Strings, stringsFor } from "./i18n";

export const StringsContext = createContext<Strings>(stringsFor("vi-VN"));

export function useStrings(): Strings {
  return useContext(StringsContext);
}
