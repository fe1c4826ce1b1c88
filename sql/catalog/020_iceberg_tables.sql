-- Table iceberg_catalog.iceberg_tables: Iceberg's JDBC catalog, one row per table or view.
-- The V1 layout of Iceberg's JdbcUtil (CREATE_CATALOG_TABLE plus iceberg_type), created here because
-- Trino 476 does not create it. metadata_location is the table's current metadata file (a commit is a
-- compare-and-set UPDATE of this column); iceberg_type is 'TABLE' or 'VIEW'.
CREATE TABLE IF NOT EXISTS iceberg_catalog.iceberg_tables (
  catalog_name               VARCHAR(255)  NOT NULL,
  table_namespace            VARCHAR(255)  NOT NULL,
  table_name                 VARCHAR(255)  NOT NULL,
  metadata_location          VARCHAR(1000),
  previous_metadata_location VARCHAR(1000),
  iceberg_type               VARCHAR(5),
  PRIMARY KEY (catalog_name, table_namespace, table_name)
)
