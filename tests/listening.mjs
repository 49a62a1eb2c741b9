// Waits until something listens on a port of this machine: a server or a driver a test has just
// started takes longer to get there on a busy machine (CI has two cores) than any fixed pause.
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** Resolves once `port` on 127.0.0.1 accepts a connection; fails after `timeout` ms. */
export async function listening(port, timeout = 20_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`nothing listens on port ${port} after ${timeout} ms`);
}
