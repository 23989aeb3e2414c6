-- PostgreSQL twin of prisma/migrations/20261203021000_data_version_shards/migration.sql (same name, same effect).

-- The data version no longer lives in one hot row (docs/decisions/015-sharded-data-version.md):
-- 16 rows (shards), cached views compare their SUM. A change raises the shard of its connection,
-- pg_backend_pid() % 16 + 1, so one transaction always raises the same row and two connections
-- rarely meet on one (and never deadlock over two). SQLite's form picks a shard at random.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
INSERT INTO "DataVersion" ("id", "version") VALUES
  (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0),
  (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0)
ON CONFLICT ("id") DO NOTHING;

-- The one function every table's trigger calls.
CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (pg_backend_pid() % 16 + 1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  RETURN NULL;
END;
$$;

-- Once per statement rather than per row: a statement that writes many rows raises the version
-- once (a statement that writes none raises it too, which only makes a cached view recompute).
DROP TRIGGER "Attendance_data_version" ON "Attendance";
CREATE TRIGGER "Attendance_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Concern_data_version" ON "Concern";
CREATE TRIGGER "Concern_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Concern"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Consent_data_version" ON "Consent";
CREATE TRIGGER "Consent_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Consent"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Enrolment_data_version" ON "Enrolment";
CREATE TRIGGER "Enrolment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "FitCheck_data_version" ON "FitCheck";
CREATE TRIGGER "FitCheck_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FitCheck"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "HalfYearTarget_data_version" ON "HalfYearTarget";
CREATE TRIGGER "HalfYearTarget_data_version" AFTER INSERT OR UPDATE OR DELETE ON "HalfYearTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Meeting_data_version" ON "Meeting";
CREATE TRIGGER "Meeting_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "MeetingLog_data_version" ON "MeetingLog";
CREATE TRIGGER "MeetingLog_data_version" AFTER INSERT OR UPDATE OR DELETE ON "MeetingLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Pair_data_version" ON "Pair";
CREATE TRIGGER "Pair_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Pair"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Participant_data_version" ON "Participant";
CREATE TRIGGER "Participant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Participant"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ParticipantAnswer_data_version" ON "ParticipantAnswer";
CREATE TRIGGER "ParticipantAnswer_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantAnswer"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ParticipantLink_data_version" ON "ParticipantLink";
CREATE TRIGGER "ParticipantLink_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ParticipantStatusChange_data_version" ON "ParticipantStatusChange";
CREATE TRIGGER "ParticipantStatusChange_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Plan_data_version" ON "Plan";
CREATE TRIGGER "Plan_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "PlanArea_data_version" ON "PlanArea";
CREATE TRIGGER "PlanArea_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanArea"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "PlanReview_data_version" ON "PlanReview";
CREATE TRIGGER "PlanReview_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanReview"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "PlanReviewItem_data_version" ON "PlanReviewItem";
CREATE TRIGGER "PlanReviewItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanReviewItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "PlanVersion_data_version" ON "PlanVersion";
CREATE TRIGGER "PlanVersion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "PoliceCertificate_data_version" ON "PoliceCertificate";
CREATE TRIGGER "PoliceCertificate_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PoliceCertificate"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ProgrammeParticipation_data_version" ON "ProgrammeParticipation";
CREATE TRIGGER "ProgrammeParticipation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ProgrammeParticipation"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Referral_data_version" ON "Referral";
CREATE TRIGGER "Referral_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Referral"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ReleaseChecklistItem_data_version" ON "ReleaseChecklistItem";
CREATE TRIGGER "ReleaseChecklistItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseChecklistItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "ScreeningInterview_data_version" ON "ScreeningInterview";
CREATE TRIGGER "ScreeningInterview_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ScreeningInterview"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "Setting_data_version" ON "Setting";
CREATE TRIGGER "Setting_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "SupportContact_data_version" ON "SupportContact";
CREATE TRIGGER "SupportContact_data_version" AFTER INSERT OR UPDATE OR DELETE ON "SupportContact"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "TrainingCourse_data_version" ON "TrainingCourse";
CREATE TRIGGER "TrainingCourse_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingCourse"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "TrainingSession_data_version" ON "TrainingSession";
CREATE TRIGGER "TrainingSession_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingSession"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "VolunteerProfile_data_version" ON "VolunteerProfile";
CREATE TRIGGER "VolunteerProfile_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
DROP TRIGGER "VolunteerReference_data_version" ON "VolunteerReference";
CREATE TRIGGER "VolunteerReference_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerReference"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
