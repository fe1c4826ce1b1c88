/** Saved views: a named link to a page of the dashboard and its URL state (listed on /views). */
export interface SavedView {
  readonly id: number;
  readonly name: string;
  /** Relative: the page's path and query string, e.g. "/?range=custom&from=…&to=…&pinned=1". */
  readonly url: string;
  /** Its range was frozen into absolute times when it was saved. */
  readonly pinned: boolean;
  readonly author: string;
  readonly createdAt: number;
}

export const MAX_SAVED_VIEWS = 500;

/** The pages a view may point at: the dashboard's own, nothing else (no open redirect through a saved link). */
export const VIEW_PATH = /^\/(?:|daily|alerts|annotations|videos\/[A-Za-z0-9_-]{1,64})(?:\?[^#\s]*)?$/;
