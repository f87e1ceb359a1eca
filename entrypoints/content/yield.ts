declare global {
  // `scheduler.yield` is in Chromium and recent Firefox; typed here until lib.dom has it.
  var scheduler: { yield?: () => Promise<void> } | undefined;
}

/** Gives the page's own work a turn: `scheduler.yield` keeps our place in line, a macrotask otherwise. */
export function yieldToPage(): Promise<void> {
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
