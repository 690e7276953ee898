// The volunteering service's settings besides the shared ones (libs/subgraph's
// `subgraphSettings`).
import { readSettings, secret, text, wholeNumber } from '@jiceng/config';
import { orgProjectionGroupSetting } from '@jiceng/org-projection';

export const SERVICE_NAME = 'volunteering';

export const VOLUNTEERING_SETTINGS = {
  orgProjectionGroup: orgProjectionGroupSetting(SERVICE_NAME),
  qrSecret: secret(
    'QR_SECRET',
    'jiceng-dev-qr-secret-change-me',
    'HMAC key of the rotating check-in QR tokens',
  ),
  qrTokenTtlSeconds: wholeNumber(
    'QR_TOKEN_TTL_SECONDS',
    120,
    { min: 10, max: 3600 },
    'how long an issued check-in QR token stays valid',
  ),
  memberProjectionGroup: text(
    'MEMBER_PROJECTION_GROUP',
    'jiceng-volunteering-member-projection',
    'consumer group of the member projection; a test run uses one of its own',
  ),
  whistleWorkingDays: wholeNumber(
    'WHISTLE_WORKING_DAYS',
    5,
    { min: 1, max: 30 },
    'working days a whistled department has to answer (吹哨报到) when the township sets none',
  ),
  whistleTallyGroup: text(
    'WHISTLE_TALLY_GROUP',
    'jiceng-volunteering-whistle-tallies',
    'consumer group of the 吹哨报到 statistics (whistle tallies); a test run uses one of its own',
  ),
  householdProblemGroup: text(
    'HOUSEHOLD_PROBLEM_GROUP',
    'jiceng-volunteering-household-problems',
    "consumer group that opens service requests from members' household visits (党员联系户); a test run uses one of its own",
  ),
};

export type VolunteeringEnv = ReturnType<typeof volunteeringEnv>;

export const volunteeringEnv = (env: NodeJS.ProcessEnv = process.env) =>
  readSettings(VOLUNTEERING_SETTINGS, env);
