/** Every word the offline pieces show, in one place (merge into ../strings.ts if preferred). */
const kb = new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const mb = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "850 bytes", "12 kB", "1.4 MB" (decimal units, as the browser's storage figures are). */
export function humanSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return kb.format(Math.round(bytes / 1000));
  return mb.format(bytes / 1_000_000);
}

export const offlineStrings = {
  resumeGroup: 'Continue listening',
  lastListened: (at: number) => `You were last listening on ${dateTime.format(at)}.`,
  startOver: 'Start over',
  saveForOffline: 'Save for offline',
  savedNote: 'Saved: this article plays without a connection.',
  saveFailed: "This article couldn't be saved for offline listening in this browser window.",
  savedListEmpty: 'No articles are saved for offline listening.',
  savedListLabel: 'Articles saved for offline listening',
  savedOn: (at: number) => `saved ${date.format(at)}`,
  remove: 'Remove',
  removed: (title: string) => `Removed ${title} from offline articles.`,
  dismiss: 'Dismiss',
};
