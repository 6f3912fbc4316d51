-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, and the triggers that bump it (docs/decisions/0010-page-weight-and-aggregates.md).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- BEFORE STATEMENT: the version row is locked before the statement locks any data row,
-- and only the first write of a transaction bumps it (later ones find the row already
-- theirs). The new version becomes visible exactly when the transaction commits.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1
  WHERE "id" = 1 AND "xmin" <> pg_current_xact_id()::xid;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Territory_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Territory" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Action_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Action" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Milestone_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Milestone" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "FinancingLine_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FinancingLine" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Indicator_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Indicator" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "ActionOperator_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionOperator" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Operator_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Operator" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Region_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Departement_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Departement" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
