/**
 * Playlists: a named list of dashboard views a wall screen cycles through in kiosk mode, each shown
 * for its dwell time. Stored in the operational database (pulse_ops.playlists, playlist_items);
 * played at /playlists/<id>, the playlist's shareable URL.
 */

/** An item as written: a saved view (by id) or a plain dashboard URL, and how long it stays on screen. */
export type PlaylistItemInput = { readonly viewId: number; readonly dwellSeconds: number } | { readonly url: string; readonly dwellSeconds: number };

/** An item as a screen plays it: resolved to the URL it opens (a saved view's as the view is now). */
export interface PlaylistItem {
  readonly position: number;
  /** Set when the item is a saved view. */
  readonly viewId: number | null;
  /** The saved view's name, or null for a plain URL. */
  readonly viewName: string | null;
  /** Relative: a page of the dashboard with its query string. */
  readonly url: string;
  readonly dwellSeconds: number;
}

export interface PlaylistSummary {
  readonly id: number;
  readonly name: string;
  readonly author: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly items: number;
  /** One full cycle: the sum of the dwell times. */
  readonly cycleSeconds: number;
}

export interface Playlist {
  readonly id: number;
  readonly name: string;
  readonly author: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly items: readonly PlaylistItem[];
}

export const MAX_PLAYLISTS = 200;
export const MAX_PLAYLIST_ITEMS = 50;
/** Below 5 s a view has no time to be read; over an hour it is not a playlist any more. */
export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3600;
export const DEFAULT_DWELL_SECONDS = 30;

/** The playlist's shareable URL: opening it plays it full-screen. */
export const playlistPlayHref = (id: number) => `/playlists/${id}`;
