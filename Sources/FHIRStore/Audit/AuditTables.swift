/// The audit log's tables: records kept as the exact bytes that were hashed, each linked to the
/// one before by a SHA-256 chain, and the signed checkpoints over them.
///
/// - `audit_record`: one row per record, `seq` from 1 with no gaps, `id` the AuditEvent's id (also
///   inside the record). `canonical` is the record as
///   hashed and as served; `chain_hash` is SHA-256(previous chain hash ‖ seq as 8 bytes big-endian
///   ‖ SHA-256(canonical)), the previous of record 1 being the genesis value, SHA-256 of the
///   UTF-8 text `kiln-audit-chain-v1`. The other columns are what searches filter on; they are
///   taken from the record when it is written and prove nothing.
/// - `audit_chain_head`: the one row holding the last `seq` and its chain hash. Appends lock it,
///   so every node appends in one order and the chain cannot fork.
/// - `audit_checkpoint`: the signed tree heads (see FHIRAudit's `AuditCheckpoint`), as the
///   exact JSON that was signed.
///
/// Rows of `audit_record` and `audit_checkpoint` can only be inserted: triggers refuse UPDATE,
/// DELETE and TRUNCATE for every role (removing old records is a separate command that says so).
enum AuditTables {
    /// The statements of the migration that makes them.
    static let schema: [String] = [
        """
        CREATE TABLE audit_record (
            seq bigint PRIMARY KEY CHECK (seq >= 1),
            id text NOT NULL UNIQUE,
            recorded timestamptz NOT NULL,
            canonical bytea NOT NULL,
            chain_hash bytea NOT NULL CHECK (octet_length(chain_hash) = 32),
            type_code text NOT NULL,
            subtypes text[] NOT NULL DEFAULT '{}',
            action text,
            outcome text NOT NULL,
            patients text[] NOT NULL DEFAULT '{}',
            agents text[] NOT NULL DEFAULT '{}',
            purposes text[] NOT NULL DEFAULT '{}',
            entities text[] NOT NULL DEFAULT '{}'
        )
        """,
        "CREATE INDEX audit_record_recorded ON audit_record (recorded)",
        "CREATE INDEX audit_record_patients ON audit_record USING gin (patients)",
        "CREATE INDEX audit_record_agents ON audit_record USING gin (agents)",
        "CREATE INDEX audit_record_entities ON audit_record USING gin (entities)",
        """
        CREATE TABLE audit_chain_head (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            seq bigint NOT NULL,
            chain_hash bytea NOT NULL
        )
        """,
        "INSERT INTO audit_chain_head (seq, chain_hash) VALUES (0, sha256(convert_to('kiln-audit-chain-v1', 'UTF8')))",
        """
        CREATE TABLE audit_checkpoint (
            tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
            made_at timestamptz NOT NULL,
            body bytea NOT NULL
        )
        """,
        """
        CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        "CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
        "CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
        "CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
        "CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
        // Appends records in the caller's transaction: locks the head, chains each record to the
        // one before, inserts them all and moves the head. Returns the first new seq.
        """
        CREATE FUNCTION audit_append(
            p_id text[], p_recorded timestamptz[], p_canonical bytea[], p_type_code text[], p_subtypes text[], p_action text[],
            p_outcome text[], p_patients text[], p_agents text[], p_purposes text[], p_entities text[]
        ) RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE
            v_seq bigint;
            v_hash bytea;
            v_first bigint;
            i integer;
        BEGIN
            SELECT seq, chain_hash INTO v_seq, v_hash FROM audit_chain_head WHERE only_row FOR UPDATE;
            v_first := v_seq + 1;
            FOR i IN 1 .. coalesce(array_length(p_canonical, 1), 0) LOOP
                v_seq := v_seq + 1;
                v_hash := sha256(v_hash || int8send(v_seq) || sha256(p_canonical[i]));
                INSERT INTO audit_record (seq, id, recorded, canonical, chain_hash, type_code, subtypes, action, outcome,
                                          patients, agents, purposes, entities)
                VALUES (v_seq, p_id[i], p_recorded[i], p_canonical[i], v_hash, p_type_code[i],
                        string_to_array(p_subtypes[i], E'\\x1f'), p_action[i], p_outcome[i],
                        string_to_array(p_patients[i], E'\\x1f'), string_to_array(p_agents[i], E'\\x1f'),
                        string_to_array(p_purposes[i], E'\\x1f'), string_to_array(p_entities[i], E'\\x1f'));
            END LOOP;
            UPDATE audit_chain_head SET seq = v_seq, chain_hash = v_hash WHERE only_row;
            RETURN v_first;
        END
        $$
        """,
    ]
}
