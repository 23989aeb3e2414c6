-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ViewSnapshot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "dataVersion" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- Every change to the programme's data raises the data version, so cached views (ViewSnapshot)
-- know when they are stale. Sign-ins, sessions, invitations, audit, outbox and job rows do not count.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Participant_insert_data_version" AFTER INSERT ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Participant_update_data_version" AFTER UPDATE ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Participant_delete_data_version" AFTER DELETE ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Referral_insert_data_version" AFTER INSERT ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Referral_update_data_version" AFTER UPDATE ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Referral_delete_data_version" AFTER DELETE ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantStatusChange_insert_data_version" AFTER INSERT ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantStatusChange_update_data_version" AFTER UPDATE ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ParticipantStatusChange_delete_data_version" AFTER DELETE ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Consent_insert_data_version" AFTER INSERT ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Consent_update_data_version" AFTER UPDATE ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Consent_delete_data_version" AFTER DELETE ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ProgrammeParticipation_insert_data_version" AFTER INSERT ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ProgrammeParticipation_update_data_version" AFTER UPDATE ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ProgrammeParticipation_delete_data_version" AFTER DELETE ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ReleaseChecklistItem_insert_data_version" AFTER INSERT ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ReleaseChecklistItem_update_data_version" AFTER UPDATE ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ReleaseChecklistItem_delete_data_version" AFTER DELETE ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerProfile_insert_data_version" AFTER INSERT ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerProfile_update_data_version" AFTER UPDATE ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerProfile_delete_data_version" AFTER DELETE ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ScreeningInterview_insert_data_version" AFTER INSERT ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ScreeningInterview_update_data_version" AFTER UPDATE ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "ScreeningInterview_delete_data_version" AFTER DELETE ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerReference_insert_data_version" AFTER INSERT ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerReference_update_data_version" AFTER UPDATE ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "VolunteerReference_delete_data_version" AFTER DELETE ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PoliceCertificate_insert_data_version" AFTER INSERT ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PoliceCertificate_update_data_version" AFTER UPDATE ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PoliceCertificate_delete_data_version" AFTER DELETE ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingCourse_insert_data_version" AFTER INSERT ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingCourse_update_data_version" AFTER UPDATE ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingCourse_delete_data_version" AFTER DELETE ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingSession_insert_data_version" AFTER INSERT ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingSession_update_data_version" AFTER UPDATE ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "TrainingSession_delete_data_version" AFTER DELETE ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Enrolment_insert_data_version" AFTER INSERT ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Enrolment_update_data_version" AFTER UPDATE ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Enrolment_delete_data_version" AFTER DELETE ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Attendance_insert_data_version" AFTER INSERT ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Attendance_update_data_version" AFTER UPDATE ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Attendance_delete_data_version" AFTER DELETE ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Pair_insert_data_version" AFTER INSERT ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Pair_update_data_version" AFTER UPDATE ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Pair_delete_data_version" AFTER DELETE ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Meeting_insert_data_version" AFTER INSERT ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Meeting_update_data_version" AFTER UPDATE ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Meeting_delete_data_version" AFTER DELETE ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "MeetingLog_insert_data_version" AFTER INSERT ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "MeetingLog_update_data_version" AFTER UPDATE ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "MeetingLog_delete_data_version" AFTER DELETE ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Concern_insert_data_version" AFTER INSERT ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Concern_update_data_version" AFTER UPDATE ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Concern_delete_data_version" AFTER DELETE ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "SupportContact_insert_data_version" AFTER INSERT ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "SupportContact_update_data_version" AFTER UPDATE ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "SupportContact_delete_data_version" AFTER DELETE ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "FitCheck_insert_data_version" AFTER INSERT ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "FitCheck_update_data_version" AFTER UPDATE ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "FitCheck_delete_data_version" AFTER DELETE ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Plan_insert_data_version" AFTER INSERT ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Plan_update_data_version" AFTER UPDATE ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Plan_delete_data_version" AFTER DELETE ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanVersion_insert_data_version" AFTER INSERT ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanVersion_update_data_version" AFTER UPDATE ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanVersion_delete_data_version" AFTER DELETE ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanArea_insert_data_version" AFTER INSERT ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanArea_update_data_version" AFTER UPDATE ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanArea_delete_data_version" AFTER DELETE ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReview_insert_data_version" AFTER INSERT ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReview_update_data_version" AFTER UPDATE ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReview_delete_data_version" AFTER DELETE ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReviewItem_insert_data_version" AFTER INSERT ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReviewItem_update_data_version" AFTER UPDATE ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "PlanReviewItem_delete_data_version" AFTER DELETE ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "HalfYearTarget_insert_data_version" AFTER INSERT ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "HalfYearTarget_update_data_version" AFTER UPDATE ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "HalfYearTarget_delete_data_version" AFTER DELETE ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Setting_insert_data_version" AFTER INSERT ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Setting_update_data_version" AFTER UPDATE ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
CREATE TRIGGER "Setting_delete_data_version" AFTER DELETE ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
