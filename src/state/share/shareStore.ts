// The Share menu's state: what was wrong with the link the app opened, the saved scenarios as last read,
// and one line about the last share action. Plain data; intents live in shareActions.ts.
import { create } from 'zustand';
import { emptyList, type SavedList } from './savedScenarios';

export interface ShareState {
  /** One line per refused field of the opening link (each names the field, value and what is accepted). */
  linkProblems: string[];
  saved: SavedList;
  /** The last share action's result: ok (saved, copied, imported) or a refusal. */
  message: { tone: 'ok' | 'error'; text: string } | null;
}

export const useShare = create<ShareState>()(() => ({ linkProblems: [], saved: emptyList(), message: null }));
