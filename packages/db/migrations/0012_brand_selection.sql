CREATE TABLE "brand_selection_nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"nominated_by" uuid,
	"nominated_by_name" text NOT NULL,
	"nominated_at" timestamp with time zone NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"honor_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brand_selection_reviewers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brand_selection_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"quota" integer NOT NULL,
	"deadline" date NOT NULL,
	"criteria" text,
	"status" text DEFAULT 'collecting' NOT NULL,
	"weights" jsonb NOT NULL,
	"honor_name" text NOT NULL,
	"honor_level" text NOT NULL,
	"honor_issuer" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brand_selection_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"theme" integer NOT NULL,
	"substance" integer NOT NULL,
	"distinctiveness" integer NOT NULL,
	"integration" integer NOT NULL,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_round_id_brand_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."brand_selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_nominations" ADD CONSTRAINT "brand_selection_nominations_honor_id_honors_id_fk" FOREIGN KEY ("honor_id") REFERENCES "public"."honors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_reviewers" ADD CONSTRAINT "brand_selection_reviewers_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_reviewers" ADD CONSTRAINT "brand_selection_reviewers_round_id_brand_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."brand_selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_reviewers" ADD CONSTRAINT "brand_selection_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_rounds" ADD CONSTRAINT "brand_selection_rounds_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_rounds" ADD CONSTRAINT "brand_selection_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_rounds" ADD CONSTRAINT "brand_selection_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_scores" ADD CONSTRAINT "brand_selection_scores_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_scores" ADD CONSTRAINT "brand_selection_scores_nomination_id_brand_selection_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."brand_selection_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_selection_scores" ADD CONSTRAINT "brand_selection_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brand_selection_nominations_uq" ON "brand_selection_nominations" USING btree ("round_id","brand_id");--> statement-breakpoint
CREATE INDEX "brand_selection_nominations_brand_idx" ON "brand_selection_nominations" USING btree ("brand_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brand_selection_reviewers_uq" ON "brand_selection_reviewers" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "brand_selection_rounds_court_idx" ON "brand_selection_rounds" USING btree ("court_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "brand_selection_rounds_name_uq" ON "brand_selection_rounds" USING btree ("court_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "brand_selection_scores_uq" ON "brand_selection_scores" USING btree ("nomination_id","reviewer_id");