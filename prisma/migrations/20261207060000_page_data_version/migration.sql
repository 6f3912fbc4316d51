-- A territory's page and its plan overview are cached under the data version too
-- (ADR 0026): besides the tables of the earlier data-version migrations, they read the
-- territory's composition (TerritoryEpci, Epci) and its people (Membership, and the
-- users' name, e-mail and active flag). Statement triggers, as for the other tables.
CREATE TRIGGER "TerritoryEpci_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TerritoryEpci" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Epci_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Epci" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER "Membership_data_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Membership" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
-- Only the columns a page shows: a sign-in (last sign-in, failed attempts, lock) or a
-- password change does not bump the version.
CREATE TRIGGER "User_data_version" BEFORE UPDATE OF "name", "email", "active" OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
