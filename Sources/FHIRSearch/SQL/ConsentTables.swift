/// The tables that hold each enforceable Consent compiled into rows, and the SQL functions that
/// decide from them, inside any statement, whether a patient consents to a request seeing one
/// resource. They are written with the Consent in its transaction (see `FHIRStore`), keyed by
/// the Consent's row number, so there is no cache: the next statement sees a change.
///
/// The decision follows the rules of `FHIRConsent.ConsentEvaluator`, which explains it:
/// - candidates are the patient's enforced Consents whose root period contains now, whose scope
///   suits the purpose (`purposes_for`) and whose root purpose, actor and action criteria (each
///   empty for any) match, and, when the root states resource criteria (`root_scoped`, kept as
///   provision position 0), whose root criteria match the resource;
/// - the most recent `recorded` wins (no date is older than any date); a tie denies;
/// - the winner's nested provisions (positions 1…) that match (every stated criterion, any-of
///   within one) decide: one denying → deny, else permit; none matching → the root's
///   `base_permit`;
/// - no candidate: the request's default.
public enum ConsentTables {
    /// One row per enforced Consent: `consent_rid`, `patient_id`, `recorded`,
    /// `period_low`/`period_high`, `purposes_for`, `base_permit`, `root_purposes`,
    /// `root_actors`, `root_actions`, `root_scoped`.
    public static let policy = "consent_policy"
    /// One row per provision with criteria: position 0 the root's resource criteria (when
    /// `root_scoped`), 1… the nested provisions. Columns: `permit`, `purposes`, `actors`,
    /// `actions`, `period_low`/`period_high`, `labels` (`system|code`), `classes` (types or
    /// profile URLs), `codes` (`system|code`), `data_period` with `data_low`/`data_high` (null:
    /// open), `data_instance`, `data_related`, `data_dependents`, `data_authoredby` (`Type/id`).
    public static let provision = "consent_provision"
    /// `kiln_consent_permits(patient_id, rid, resource_type, id, purpose, actors, actions,
    /// default)`: whether the patient consents to the request seeing the resource.
    public static let permitsFunction = "kiln_consent_permits"
    /// `kiln_consent_resource_matches(provision, rid, resource_type, id)`: whether a
    /// provision's resource criteria match the resource.
    public static let resourceMatchesFunction = "kiln_consent_resource_matches"

    /// The search parameters whose references name a resource's authors (data meaning
    /// `authoredby`).
    public static let authorParameters = ["agent", "asserter", "author", "consentor", "performer", "recorder", "results-interpreter"]

    /// The statements that create the tables and the functions.
    public static var schema: [String] { tables + functions }

    /// The statements that create the tables.
    public static let tables: [String] = [
        """
        CREATE TABLE \(policy) (
            consent_rid bigint PRIMARY KEY,
            patient_id text NOT NULL,
            recorded timestamptz,
            period_low timestamptz NOT NULL,
            period_high timestamptz NOT NULL,
            purposes_for text[] NOT NULL,
            base_permit boolean NOT NULL,
            root_purposes text[] NOT NULL,
            root_actors text[] NOT NULL,
            root_actions text[] NOT NULL,
            root_scoped boolean NOT NULL
        )
        """,
        "CREATE INDEX \(policy)_patient ON \(policy) (patient_id)",
        """
        CREATE TABLE \(provision) (
            consent_rid bigint NOT NULL,
            position integer NOT NULL,
            permit boolean NOT NULL,
            purposes text[] NOT NULL,
            actors text[] NOT NULL,
            actions text[] NOT NULL,
            period_low timestamptz NOT NULL,
            period_high timestamptz NOT NULL,
            labels text[] NOT NULL,
            classes text[] NOT NULL,
            codes text[] NOT NULL,
            data_period boolean NOT NULL,
            data_low timestamptz,
            data_high timestamptz,
            data_instance text[] NOT NULL,
            data_related text[] NOT NULL,
            data_dependents text[] NOT NULL,
            data_authoredby text[] NOT NULL,
            PRIMARY KEY (consent_rid, position)
        )
        """,
    ]

    /// The statements that create or replace the functions. Both are PL/pgSQL, written as steps
    /// that each run a small query (planned once per connection and kept), so a patient whose
    /// Consents state no resource criteria costs two index probes and a resource criterion one
    /// more; the permits function's declared cost makes the planner test every cheaper
    /// condition, such as whether the patient holds a Consent at all, before calling it.
    public static let functions: [String] = [
        """
        CREATE OR REPLACE FUNCTION \(resourceMatchesFunction)(x \(provision), p_rid bigint, p_type text, p_id text)
        RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
        BEGIN
            IF cardinality(x.labels) > 0 AND NOT EXISTS (
                SELECT 1 FROM \(SearchTables.token) t WHERE t.rid = p_rid AND t.param = '_security'
                  AND t.system || '|' || t.code = ANY(x.labels)) THEN
                RETURN false;
            END IF;
            IF cardinality(x.classes) > 0 AND NOT p_type = ANY(x.classes) AND NOT EXISTS (
                SELECT 1 FROM \(SearchTables.uri) u WHERE u.rid = p_rid AND u.param = '_profile' AND u.uri = ANY(x.classes)) THEN
                RETURN false;
            END IF;
            IF cardinality(x.codes) > 0 AND NOT EXISTS (
                SELECT 1 FROM \(SearchTables.token) t WHERE t.rid = p_rid AND t.param = 'code'
                  AND t.system || '|' || t.code = ANY(x.codes)) THEN
                RETURN false;
            END IF;
            IF x.data_period AND NOT EXISTS (
                SELECT 1 FROM \(SearchTables.date) d WHERE d.rid = p_rid AND d.param = 'date'
                  AND (x.data_high IS NULL OR d.low < x.data_high) AND (x.data_low IS NULL OR d.high > x.data_low)) THEN
                RETURN false;
            END IF;
            IF cardinality(x.data_instance) + cardinality(x.data_related) + cardinality(x.data_dependents) + cardinality(x.data_authoredby) = 0 THEN
                RETURN true;
            END IF;
            RETURN p_type || '/' || p_id = ANY(x.data_instance || x.data_related || x.data_dependents)
                OR (cardinality(x.data_dependents) > 0 AND EXISTS (
                    SELECT 1 FROM \(SearchTables.reference) f WHERE f.rid = p_rid
                      AND f.target_type || '/' || f.target_id = ANY(x.data_dependents)))
                OR (cardinality(x.data_authoredby) > 0 AND EXISTS (
                    SELECT 1 FROM \(SearchTables.reference) f WHERE f.rid = p_rid
                      AND f.param = ANY('{\(authorParameters.joined(separator: ","))}'::text[])
                      AND f.target_type || '/' || f.target_id = ANY(x.data_authoredby)))
                OR (cardinality(x.data_related) > 0 AND EXISTS (
                    SELECT 1 FROM resource rr JOIN \(SearchTables.reference) f ON f.rid = rr.rid
                    WHERE (rr.resource_type, rr.id) IN (SELECT split_part(v, '/', 1), split_part(v, '/', 2) FROM unnest(x.data_related) v)
                      AND f.target_type = p_type AND f.target_id = p_id));
        END
        $$
        """,
        """
        CREATE OR REPLACE FUNCTION \(permitsFunction)(
            p_patient text, p_rid bigint, p_type text, p_id text,
            p_purpose text, p_actors text[], p_actions text[], p_default boolean
        ) RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000 AS $$
        DECLARE
            c record;
            x \(provision);
            winner bigint;
            winner_recorded timestamptz;
            winner_permits boolean;
            matched boolean := false;
        BEGIN
            -- The candidates, most recent first: the first whose root matches the resource
            -- wins; a second one as recent ties, which denies.
            FOR c IN SELECT p.consent_rid, p.recorded, p.base_permit, p.root_scoped FROM \(policy) p
                WHERE p.patient_id = p_patient
                  AND p_purpose = ANY(p.purposes_for)
                  AND now() >= p.period_low AND now() < p.period_high
                  AND (cardinality(p.root_purposes) = 0 OR p_purpose = ANY(p.root_purposes))
                  AND (cardinality(p.root_actors) = 0 OR p.root_actors && p_actors)
                  AND (cardinality(p.root_actions) = 0 OR p.root_actions && p_actions)
                ORDER BY p.recorded DESC NULLS LAST
            LOOP
                IF c.root_scoped THEN
                    SELECT * INTO x FROM \(provision) r WHERE r.consent_rid = c.consent_rid AND r.position = 0;
                    IF NOT \(resourceMatchesFunction)(x, p_rid, p_type, p_id) THEN CONTINUE; END IF;
                END IF;
                IF winner IS NOT NULL THEN
                    IF c.recorded IS NOT DISTINCT FROM winner_recorded THEN RETURN false; END IF;
                    EXIT;
                END IF;
                winner := c.consent_rid;
                winner_recorded := c.recorded;
                winner_permits := c.base_permit;
            END LOOP;
            IF winner IS NULL THEN RETURN p_default; END IF;
            -- The winner's nested provisions that apply to the request, denials first: one
            -- matching the resource and denying denies; else one matching permits; else the base.
            FOR x IN SELECT * FROM \(provision) n
                WHERE n.consent_rid = winner AND n.position > 0
                  AND (cardinality(n.purposes) = 0 OR p_purpose = ANY(n.purposes))
                  AND (cardinality(n.actors) = 0 OR n.actors && p_actors)
                  AND (cardinality(n.actions) = 0 OR n.actions && p_actions)
                  AND now() >= n.period_low AND now() < n.period_high
                ORDER BY n.permit
            LOOP
                IF \(resourceMatchesFunction)(x, p_rid, p_type, p_id) THEN
                    IF NOT x.permit THEN RETURN false; END IF;
                    matched := true;
                END IF;
            END LOOP;
            RETURN matched OR winner_permits;
        END
        $$
        """,
    ]
}
