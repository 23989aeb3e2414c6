-- PostgreSQL twin of prisma/migrations/20261122160000_view_snapshots/migration.sql (same name, same effect).

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ViewSnapshot" (
    "key" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ViewSnapshot_pkey" PRIMARY KEY ("key")
);

-- Every change to the programme's data raises the data version, so cached views (ViewSnapshot)
-- know when they are stale. Sign-ins, sessions, invitations, audit, outbox and job rows do not count.
-- SQLite's form is one trigger per table and operation; PostgreSQL's is one function, and one
-- row trigger per table for all three operations.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Participant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Participant"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Referral_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Referral"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ParticipantStatusChange_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ParticipantStatusChange"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Consent_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Consent"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ProgrammeParticipation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ProgrammeParticipation"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ReleaseChecklistItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ReleaseChecklistItem"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "VolunteerProfile_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerProfile"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "ScreeningInterview_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ScreeningInterview"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "VolunteerReference_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VolunteerReference"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PoliceCertificate_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PoliceCertificate"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "TrainingCourse_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingCourse"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "TrainingSession_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingSession"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Enrolment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Attendance_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Pair_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Pair"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Meeting_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "MeetingLog_data_version" AFTER INSERT OR UPDATE OR DELETE ON "MeetingLog"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Concern_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Concern"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "SupportContact_data_version" AFTER INSERT OR UPDATE OR DELETE ON "SupportContact"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "FitCheck_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FitCheck"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Plan_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PlanVersion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanVersion"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PlanArea_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanArea"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PlanReview_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanReview"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PlanReviewItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlanReviewItem"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "HalfYearTarget_data_version" AFTER INSERT OR UPDATE OR DELETE ON "HalfYearTarget"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Setting_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Setting"
  FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
