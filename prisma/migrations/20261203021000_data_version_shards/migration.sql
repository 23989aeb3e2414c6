-- The data version no longer lives in one hot row (docs/decisions/015-sharded-data-version.md).
-- Every change to the programme's data raised "DataVersion" row 1, so on PostgreSQL every write
-- transaction of every instance queued behind that row's lock until commit. Now there are 16
-- rows (shards); a change raises one of them and cached views compare the SUM, which only grows.
-- SQLite has one writer anyway and picks a shard at random; the PostgreSQL twin picks
-- pg_backend_pid() % 16 + 1, so one connection's transaction always raises the same shard and
-- two connections rarely meet on one row (and never deadlock over two).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;
INSERT INTO "DataVersion" ("id", "version") VALUES
  (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0),
  (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0), (16, 0)
ON CONFLICT ("id") DO NOTHING;

DROP TRIGGER "Attendance_delete_data_version";
CREATE TRIGGER "Attendance_delete_data_version" AFTER DELETE ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Attendance_insert_data_version";
CREATE TRIGGER "Attendance_insert_data_version" AFTER INSERT ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Attendance_update_data_version";
CREATE TRIGGER "Attendance_update_data_version" AFTER UPDATE ON "Attendance" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Concern_delete_data_version";
CREATE TRIGGER "Concern_delete_data_version" AFTER DELETE ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Concern_insert_data_version";
CREATE TRIGGER "Concern_insert_data_version" AFTER INSERT ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Concern_update_data_version";
CREATE TRIGGER "Concern_update_data_version" AFTER UPDATE ON "Concern" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Consent_delete_data_version";
CREATE TRIGGER "Consent_delete_data_version" AFTER DELETE ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Consent_insert_data_version";
CREATE TRIGGER "Consent_insert_data_version" AFTER INSERT ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Consent_update_data_version";
CREATE TRIGGER "Consent_update_data_version" AFTER UPDATE ON "Consent" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Enrolment_delete_data_version";
CREATE TRIGGER "Enrolment_delete_data_version" AFTER DELETE ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Enrolment_insert_data_version";
CREATE TRIGGER "Enrolment_insert_data_version" AFTER INSERT ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Enrolment_update_data_version";
CREATE TRIGGER "Enrolment_update_data_version" AFTER UPDATE ON "Enrolment" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "FitCheck_delete_data_version";
CREATE TRIGGER "FitCheck_delete_data_version" AFTER DELETE ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "FitCheck_insert_data_version";
CREATE TRIGGER "FitCheck_insert_data_version" AFTER INSERT ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "FitCheck_update_data_version";
CREATE TRIGGER "FitCheck_update_data_version" AFTER UPDATE ON "FitCheck" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "HalfYearTarget_delete_data_version";
CREATE TRIGGER "HalfYearTarget_delete_data_version" AFTER DELETE ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "HalfYearTarget_insert_data_version";
CREATE TRIGGER "HalfYearTarget_insert_data_version" AFTER INSERT ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "HalfYearTarget_update_data_version";
CREATE TRIGGER "HalfYearTarget_update_data_version" AFTER UPDATE ON "HalfYearTarget" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Meeting_delete_data_version";
CREATE TRIGGER "Meeting_delete_data_version" AFTER DELETE ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Meeting_insert_data_version";
CREATE TRIGGER "Meeting_insert_data_version" AFTER INSERT ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Meeting_update_data_version";
CREATE TRIGGER "Meeting_update_data_version" AFTER UPDATE ON "Meeting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "MeetingLog_delete_data_version";
CREATE TRIGGER "MeetingLog_delete_data_version" AFTER DELETE ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "MeetingLog_insert_data_version";
CREATE TRIGGER "MeetingLog_insert_data_version" AFTER INSERT ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "MeetingLog_update_data_version";
CREATE TRIGGER "MeetingLog_update_data_version" AFTER UPDATE ON "MeetingLog" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Pair_delete_data_version";
CREATE TRIGGER "Pair_delete_data_version" AFTER DELETE ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Pair_insert_data_version";
CREATE TRIGGER "Pair_insert_data_version" AFTER INSERT ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Pair_update_data_version";
CREATE TRIGGER "Pair_update_data_version" AFTER UPDATE ON "Pair" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Participant_delete_data_version";
CREATE TRIGGER "Participant_delete_data_version" AFTER DELETE ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Participant_insert_data_version";
CREATE TRIGGER "Participant_insert_data_version" AFTER INSERT ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Participant_update_data_version";
CREATE TRIGGER "Participant_update_data_version" AFTER UPDATE ON "Participant" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantAnswer_delete_data_version";
CREATE TRIGGER "ParticipantAnswer_delete_data_version" AFTER DELETE ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantAnswer_insert_data_version";
CREATE TRIGGER "ParticipantAnswer_insert_data_version" AFTER INSERT ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantAnswer_update_data_version";
CREATE TRIGGER "ParticipantAnswer_update_data_version" AFTER UPDATE ON "ParticipantAnswer" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantLink_delete_data_version";
CREATE TRIGGER "ParticipantLink_delete_data_version" AFTER DELETE ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantLink_insert_data_version";
CREATE TRIGGER "ParticipantLink_insert_data_version" AFTER INSERT ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantLink_update_data_version";
CREATE TRIGGER "ParticipantLink_update_data_version" AFTER UPDATE ON "ParticipantLink" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantStatusChange_delete_data_version";
CREATE TRIGGER "ParticipantStatusChange_delete_data_version" AFTER DELETE ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantStatusChange_insert_data_version";
CREATE TRIGGER "ParticipantStatusChange_insert_data_version" AFTER INSERT ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ParticipantStatusChange_update_data_version";
CREATE TRIGGER "ParticipantStatusChange_update_data_version" AFTER UPDATE ON "ParticipantStatusChange" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Plan_delete_data_version";
CREATE TRIGGER "Plan_delete_data_version" AFTER DELETE ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Plan_insert_data_version";
CREATE TRIGGER "Plan_insert_data_version" AFTER INSERT ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Plan_update_data_version";
CREATE TRIGGER "Plan_update_data_version" AFTER UPDATE ON "Plan" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanArea_delete_data_version";
CREATE TRIGGER "PlanArea_delete_data_version" AFTER DELETE ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanArea_insert_data_version";
CREATE TRIGGER "PlanArea_insert_data_version" AFTER INSERT ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanArea_update_data_version";
CREATE TRIGGER "PlanArea_update_data_version" AFTER UPDATE ON "PlanArea" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReview_delete_data_version";
CREATE TRIGGER "PlanReview_delete_data_version" AFTER DELETE ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReview_insert_data_version";
CREATE TRIGGER "PlanReview_insert_data_version" AFTER INSERT ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReview_update_data_version";
CREATE TRIGGER "PlanReview_update_data_version" AFTER UPDATE ON "PlanReview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReviewItem_delete_data_version";
CREATE TRIGGER "PlanReviewItem_delete_data_version" AFTER DELETE ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReviewItem_insert_data_version";
CREATE TRIGGER "PlanReviewItem_insert_data_version" AFTER INSERT ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanReviewItem_update_data_version";
CREATE TRIGGER "PlanReviewItem_update_data_version" AFTER UPDATE ON "PlanReviewItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanVersion_delete_data_version";
CREATE TRIGGER "PlanVersion_delete_data_version" AFTER DELETE ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanVersion_insert_data_version";
CREATE TRIGGER "PlanVersion_insert_data_version" AFTER INSERT ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PlanVersion_update_data_version";
CREATE TRIGGER "PlanVersion_update_data_version" AFTER UPDATE ON "PlanVersion" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PoliceCertificate_delete_data_version";
CREATE TRIGGER "PoliceCertificate_delete_data_version" AFTER DELETE ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PoliceCertificate_insert_data_version";
CREATE TRIGGER "PoliceCertificate_insert_data_version" AFTER INSERT ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "PoliceCertificate_update_data_version";
CREATE TRIGGER "PoliceCertificate_update_data_version" AFTER UPDATE ON "PoliceCertificate" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ProgrammeParticipation_delete_data_version";
CREATE TRIGGER "ProgrammeParticipation_delete_data_version" AFTER DELETE ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ProgrammeParticipation_insert_data_version";
CREATE TRIGGER "ProgrammeParticipation_insert_data_version" AFTER INSERT ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ProgrammeParticipation_update_data_version";
CREATE TRIGGER "ProgrammeParticipation_update_data_version" AFTER UPDATE ON "ProgrammeParticipation" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Referral_delete_data_version";
CREATE TRIGGER "Referral_delete_data_version" AFTER DELETE ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Referral_insert_data_version";
CREATE TRIGGER "Referral_insert_data_version" AFTER INSERT ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Referral_update_data_version";
CREATE TRIGGER "Referral_update_data_version" AFTER UPDATE ON "Referral" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ReleaseChecklistItem_delete_data_version";
CREATE TRIGGER "ReleaseChecklistItem_delete_data_version" AFTER DELETE ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ReleaseChecklistItem_insert_data_version";
CREATE TRIGGER "ReleaseChecklistItem_insert_data_version" AFTER INSERT ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ReleaseChecklistItem_update_data_version";
CREATE TRIGGER "ReleaseChecklistItem_update_data_version" AFTER UPDATE ON "ReleaseChecklistItem" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ScreeningInterview_delete_data_version";
CREATE TRIGGER "ScreeningInterview_delete_data_version" AFTER DELETE ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ScreeningInterview_insert_data_version";
CREATE TRIGGER "ScreeningInterview_insert_data_version" AFTER INSERT ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "ScreeningInterview_update_data_version";
CREATE TRIGGER "ScreeningInterview_update_data_version" AFTER UPDATE ON "ScreeningInterview" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Setting_delete_data_version";
CREATE TRIGGER "Setting_delete_data_version" AFTER DELETE ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Setting_insert_data_version";
CREATE TRIGGER "Setting_insert_data_version" AFTER INSERT ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "Setting_update_data_version";
CREATE TRIGGER "Setting_update_data_version" AFTER UPDATE ON "Setting" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "SupportContact_delete_data_version";
CREATE TRIGGER "SupportContact_delete_data_version" AFTER DELETE ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "SupportContact_insert_data_version";
CREATE TRIGGER "SupportContact_insert_data_version" AFTER INSERT ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "SupportContact_update_data_version";
CREATE TRIGGER "SupportContact_update_data_version" AFTER UPDATE ON "SupportContact" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingCourse_delete_data_version";
CREATE TRIGGER "TrainingCourse_delete_data_version" AFTER DELETE ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingCourse_insert_data_version";
CREATE TRIGGER "TrainingCourse_insert_data_version" AFTER INSERT ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingCourse_update_data_version";
CREATE TRIGGER "TrainingCourse_update_data_version" AFTER UPDATE ON "TrainingCourse" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingSession_delete_data_version";
CREATE TRIGGER "TrainingSession_delete_data_version" AFTER DELETE ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingSession_insert_data_version";
CREATE TRIGGER "TrainingSession_insert_data_version" AFTER INSERT ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "TrainingSession_update_data_version";
CREATE TRIGGER "TrainingSession_update_data_version" AFTER UPDATE ON "TrainingSession" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerProfile_delete_data_version";
CREATE TRIGGER "VolunteerProfile_delete_data_version" AFTER DELETE ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerProfile_insert_data_version";
CREATE TRIGGER "VolunteerProfile_insert_data_version" AFTER INSERT ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerProfile_update_data_version";
CREATE TRIGGER "VolunteerProfile_update_data_version" AFTER UPDATE ON "VolunteerProfile" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerReference_delete_data_version";
CREATE TRIGGER "VolunteerReference_delete_data_version" AFTER DELETE ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerReference_insert_data_version";
CREATE TRIGGER "VolunteerReference_insert_data_version" AFTER INSERT ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
DROP TRIGGER "VolunteerReference_update_data_version";
CREATE TRIGGER "VolunteerReference_update_data_version" AFTER UPDATE ON "VolunteerReference" BEGIN
  INSERT INTO "DataVersion" ("id", "version") VALUES (abs(random()) % 16 + 1, 1) ON CONFLICT ("id") DO UPDATE SET "version" = "DataVersion"."version" + 1;
END;
