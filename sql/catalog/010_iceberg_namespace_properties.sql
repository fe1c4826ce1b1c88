-- Table iceberg_catalog.iceberg_namespace_properties: Iceberg's JDBC catalog, one row per namespace property.
-- The layout of Iceberg's JdbcUtil (CREATE_NAMESPACE_PROPERTIES_TABLE), created here because Trino 476
-- does not create the catalog's tables (without them every statement fails with "Cannot check and
-- eventually update SQL schema"). catalog_name is Trino's iceberg.jdbc-catalog.catalog-name; a schema
-- Trino creates (lakehouse.gold) is the namespace `gold` with property `exists` = true.
CREATE TABLE IF NOT EXISTS iceberg_catalog.iceberg_namespace_properties (
  catalog_name   VARCHAR(255)  NOT NULL,
  namespace      VARCHAR(255)  NOT NULL,
  property_key   VARCHAR(255),
  property_value VARCHAR(1000),
  PRIMARY KEY (catalog_name, namespace, property_key)
)
