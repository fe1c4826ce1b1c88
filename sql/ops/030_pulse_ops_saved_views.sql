-- Table pulse_ops.saved_views: named links to a view of the dashboard (a page and its URL state),
-- listed on /views. url = the page's path and query string as the browser had it, relative
-- ("/?range=1h&compare=week"); pinned = its relative range was frozen into absolute times when saved
-- (a "pinned" link shows the same minutes forever; a live one keeps counting back from now).
CREATE TABLE IF NOT EXISTS pulse_ops.saved_views (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  url        text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000 AND url LIKE '/%'),
  pinned     boolean     NOT NULL DEFAULT false,
  author     text        NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
)
