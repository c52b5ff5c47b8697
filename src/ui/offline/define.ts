/** Registers the offline pieces, each behind a guard so a second copy of the script is harmless. */
import { AloudResumePrompt } from './resume-prompt.ts';
import { AloudSaveToggle } from './save-toggle.ts';
import { AloudSavedList } from './saved-list.ts';
import { AloudStorageNotice } from './storage-notice.ts';

const tags: Array<[string, CustomElementConstructor]> = [
  ['aloud-resume-prompt', AloudResumePrompt],
  ['aloud-save-toggle', AloudSaveToggle],
  ['aloud-saved-list', AloudSavedList],
  ['aloud-storage-notice', AloudStorageNotice],
];
for (const [name, ctor] of tags) if (!customElements.get(name)) customElements.define(name, ctor);

declare global {
  interface HTMLElementTagNameMap {
    'aloud-resume-prompt': AloudResumePrompt;
    'aloud-save-toggle': AloudSaveToggle;
    'aloud-saved-list': AloudSavedList;
    'aloud-storage-notice': AloudStorageNotice;
  }
}
export { AloudResumePrompt, AloudSaveToggle, AloudSavedList, AloudStorageNotice };
