/// The table of the keys that sign audit checkpoints, shared by every node (migration 14).
///
/// - `audit_checkpoint_key`: one row per key, numbered by `generation` from 1; the key of the
///   highest generation signs new checkpoints, every key verifies. `kid` is the JWK thumbprint
///   of `public_key` (the uncompressed P-256 point, 65 bytes), `private_key_pem` the PKCS #8
///   private key. The first node that needs a key inserts generation 1; nodes racing to do so
///   meet at the primary key, and all read back the same row.
///
/// Keys are never changed or removed: triggers refuse UPDATE, DELETE and TRUNCATE for every
/// role, as for the log itself (``AuditTables``). Replacing a key is a new row of the next
/// generation; the old one stays, for the checkpoints it signed.
enum AuditKeyTables {
    /// The statements of the migration that makes it.
    static let schema: [String] = [
        """
        CREATE TABLE audit_checkpoint_key (
            generation integer PRIMARY KEY CHECK (generation >= 1),
            kid text NOT NULL UNIQUE,
            public_key bytea NOT NULL CHECK (octet_length(public_key) = 65),
            private_key_pem text NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
        "CREATE TRIGGER audit_checkpoint_key_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint_key FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
        "CREATE TRIGGER audit_checkpoint_key_no_truncate BEFORE TRUNCATE ON audit_checkpoint_key FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
    ]
}
