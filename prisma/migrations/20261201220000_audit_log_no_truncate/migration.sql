-- The audit log also refuses TRUNCATE (a statement-level trigger: row triggers do
-- not fire on TRUNCATE), including a TRUNCATE that cascades to it from "User".
-- Deliberate maintenance by the owner (seed --reset) disables it explicitly.
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
