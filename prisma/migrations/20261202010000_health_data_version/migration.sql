-- The territory health figures (lib/health/queries.ts) and the regional dashboard
-- (lib/regions/queries.ts) are cached under the data version too (ADR 0023): the
-- tables they read beyond those of migration 20261201214227_data_version bump it.
-- Plan workflow: statement triggers, as for the other tables.
CREATE TRIGGER "ActionPlan_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionPlan" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "PlanVersion_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlanVersion" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- A territory's last update is also its last audit entry: only entries that name a
-- territory bump the version (sign-ins, user and token changes do not). A row trigger
-- (statement triggers cannot see the row); it must return NEW or the insert is skipped.
CREATE FUNCTION bump_data_version_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1
  WHERE "id" = 1 AND "xmin" <> pg_current_xact_id()::xid;
  RETURN NEW;
END
$$;

CREATE TRIGGER "AuditLog_data_version" BEFORE INSERT ON "AuditLog" FOR EACH ROW
  WHEN (NEW."territoryId" IS NOT NULL) EXECUTE FUNCTION bump_data_version_row();
