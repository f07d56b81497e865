/** Raw HTTP against the test server, as any client (or attacker) would send it. */
import { PROTOCOL_VERSION } from "../../src/sync/protocol";

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export function http(url: string) {
  async function send(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {}
  ): Promise<Answer> {
    const response = await fetch(`${url}${path}`, {
      method,
      body: init.body,
      headers: init.headers,
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, text };
  }
  const post = (path: string, body: unknown, token?: string) =>
    send("POST", path, {
      body: JSON.stringify(body),
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  return {
    send,
    post,
    push: (who: { clientID: string; token: string }, mutations: { id: number; args: unknown }[]) =>
      post(
        "/push",
        {
          protocolVersion: PROTOCOL_VERSION,
          clientID: who.clientID,
          mutations: mutations.map((m) => ({ ...m, name: "putRow" })),
        },
        who.token
      ),
    pull: (who: { clientID: string; token: string }, cookie: unknown = null) =>
      post(
        "/pull",
        { protocolVersion: PROTOCOL_VERSION, clientID: who.clientID, cookie },
        who.token
      ),
  };
}

/** A row of the test plan's campaign (10–14/03/2025) as a device sends it. */
export function rowArgs(hamlet: string, date: string, phat_quang_m = 100, baseVersion = 0) {
  return {
    hamlet,
    date,
    baseVersion,
    values: { quan_doi: 3, nhan_dan: 1, phat_quang_m },
    note: "",
    reporter: "A",
    sentAt: `${date}T14:05`,
  };
}
