-- Sign-in, roles, sharing and the audit trail (issue 11).
CREATE TABLE "auth_users" (
  "id" text PRIMARY KEY NOT NULL,
  "name" text NOT NULL,
  "email" text NOT NULL UNIQUE,
  "email_verified" boolean DEFAULT false NOT NULL,
  "image" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
  "id" text PRIMARY KEY NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  "token" text NOT NULL UNIQUE,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "ip_address" text,
  "user_agent" text,
  "user_id" text NOT NULL REFERENCES "auth_users"("id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions" ("user_id");
--> statement-breakpoint
CREATE TABLE "auth_accounts" (
  "id" text PRIMARY KEY NOT NULL,
  "account_id" text NOT NULL,
  "provider_id" text NOT NULL,
  "user_id" text NOT NULL REFERENCES "auth_users"("id") ON DELETE cascade,
  "access_token" text,
  "refresh_token" text,
  "id_token" text,
  "access_token_expires_at" timestamp with time zone,
  "refresh_token_expires_at" timestamp with time zone,
  "scope" text,
  "password" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_accounts_user_id_idx" ON "auth_accounts" ("user_id");
--> statement-breakpoint
CREATE TABLE "auth_verifications" (
  "id" text PRIMARY KEY NOT NULL,
  "identifier" text NOT NULL,
  "value" text NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_verifications_identifier_idx" ON "auth_verifications" ("identifier");
--> statement-breakpoint
CREATE TABLE "auth_rate_limits" (
  "id" text PRIMARY KEY NOT NULL,
  "key" text NOT NULL UNIQUE,
  "count" integer NOT NULL,
  "last_request" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
  "user_id" text NOT NULL REFERENCES "auth_users"("id") ON DELETE cascade,
  "org_id" text DEFAULT '*' NOT NULL,
  "role" text NOT NULL CHECK ("role" IN ('admin', 'hr', 'editor', 'viewer')),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("user_id", "org_id"),
  CHECK ("role" <> 'admin' OR "org_id" = '*')
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
  "id" text PRIMARY KEY NOT NULL,
  "user_id" text NOT NULL REFERENCES "auth_users"("id") ON DELETE cascade,
  "name" text NOT NULL,
  "token_hash" text NOT NULL UNIQUE,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "last_used_at" timestamp with time zone,
  "revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id");
--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "visibility" text DEFAULT 'org' NOT NULL CHECK ("visibility" IN ('private', 'org'));
--> statement-breakpoint
ALTER TABLE "scenarios" ALTER COLUMN "visibility" SET DEFAULT 'private';
--> statement-breakpoint
CREATE TABLE "scenario_shares" (
  "scenario_id" text NOT NULL REFERENCES "scenarios"("id"),
  "with" text NOT NULL,
  "access" text NOT NULL CHECK ("access" IN ('view', 'comment', 'edit')),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY ("scenario_id", "with")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor" text NOT NULL,
  "action" text NOT NULL,
  "org_id" text,
  "subject" text,
  "ip" text,
  "detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" ("at");
--> statement-breakpoint
CREATE FUNCTION "reorg_refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reorg: % of audit_events is refused: the audit trail is append-only', TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "reorg_refuse_audit_change"();
--> statement-breakpoint
CREATE TABLE "settings" (
  "key" text PRIMARY KEY NOT NULL,
  "value" text NOT NULL
);
