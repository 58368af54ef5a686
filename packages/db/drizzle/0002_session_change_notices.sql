-- API processes cache who a session is; any change to sessions, users or organizations, by any
-- process or by hand, tells them to forget it (apps/server/src/api/auth/session-cache.ts).
CREATE FUNCTION "crmflow_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crmflow_auth_changed', '');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "sessions_auth_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "crmflow_auth_changed"();--> statement-breakpoint
CREATE TRIGGER "users_auth_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "crmflow_auth_changed"();--> statement-breakpoint
CREATE TRIGGER "organizations_auth_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "crmflow_auth_changed"();
