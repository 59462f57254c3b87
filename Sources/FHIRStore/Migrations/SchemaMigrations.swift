/// Kiln's schema, as the list of migrations that builds it.
///
/// Every version of every resource is a row of `resource_version` (JSONB content plus the exact
/// serialized text that reads return); `resource` points at the current version of each resource
/// and is the row that concurrent writers lock. Index tables hold the search values of current
/// versions only.
public enum SchemaMigrations {
    /// All migrations, in order.
    public static let all: [Migration] = [
        Migration(version: 1, name: "resources and versions", statements: [
            """
            CREATE TABLE resource_version (
                seq bigserial NOT NULL,
                resource_type text NOT NULL,
                id text NOT NULL,
                version_id bigint NOT NULL,
                last_updated timestamptz NOT NULL,
                is_deleted boolean NOT NULL,
                method text NOT NULL,
                content jsonb,
                raw text,
                PRIMARY KEY (resource_type, id, version_id)
            )
            """,
            "CREATE INDEX resource_version_type_seq ON resource_version (resource_type, seq)",
            "CREATE INDEX resource_version_seq ON resource_version (seq)",
            """
            CREATE TABLE resource (
                resource_type text NOT NULL,
                id text NOT NULL,
                version_id bigint NOT NULL,
                last_updated timestamptz NOT NULL,
                is_deleted boolean NOT NULL,
                PRIMARY KEY (resource_type, id)
            )
            """,
        ]),
        Migration(version: 2, name: "token index", statements: [
            """
            CREATE TABLE token_index (
                resource_type text NOT NULL,
                id text NOT NULL,
                param text NOT NULL,
                system text NOT NULL,
                code text NOT NULL
            )
            """,
            "CREATE INDEX token_index_lookup ON token_index (resource_type, param, code, system)",
            "CREATE INDEX token_index_resource ON token_index (resource_type, id)",
        ]),
    ]
}
