-- Attach check: whether the attached Trino has the catalog :catalog, as the connecting user sees it.
--   n = rows of system.metadata.catalogs named :catalog (0 or 1). Trino's access control hides a
--   catalog the user may not use, so 0 means "absent, or not this user's".
SELECT count(*) AS n
FROM system.metadata.catalogs
WHERE catalog_name = :catalog
