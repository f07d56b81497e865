import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { type Strings, stringsFor } from "./i18n";
import { type Identity, forgetIdentity, loadIdentity } from "./syncSession";

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

/**
 * The device's enrolment, shared by the panes: Đồng bộ enrols it, Báo cáo shows "Gửi báo cáo lên" to a
 * commune's device only. `notice` says when a damaged saved identity was set aside; `revoked`, that the server
 * refused the device's token and the pane forgot it.
 */
export interface DeviceState {
  identity: Identity | null;
  notice: string | null;
  revoked: boolean;
  setIdentity: (identity: Identity | null) => void;
  forget: () => Promise<void>;
}

export const DeviceContext = createContext<DeviceState>({
  identity: null,
  notice: null,
  revoked: false,
  setIdentity: () => undefined,
  forget: async () => undefined,
});

export function useDevice(): DeviceState {
  return useContext(DeviceContext);
}

/** The saved identity, read once when the pane opens. */
export function useSavedDevice(): DeviceState {
  const [identity, setSaved] = useState<Identity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  useEffect(() => {
    void loadIdentity().then(
      (saved) => {
        setSaved(saved.identity);
        setNotice(saved.notice);
      },
      (e) => console.error("DanVan:", e)
    );
  }, []);
  return useMemo(
    () => ({
      identity,
      notice,
      revoked,
      setIdentity: (id: Identity | null) => {
        setRevoked(false);
        setSaved(id);
      },
      forget: async () => {
        await forgetIdentity();
        setRevoked(true);
        setSaved(null);
      },
    }),
    [identity, notice, revoked]
  );
}
