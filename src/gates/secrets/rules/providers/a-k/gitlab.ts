import type { SecretRule } from '../../../rule.js';
import type { Severity } from '../../../../../core/types.js';
import { PLACEHOLDERS, standalone } from './pattern.js';

const URL_SAFE_EDGE = String.raw`\w-`;

/**
 * GitLab prefixes every token type (docs: security/tokens, "Token prefixes"). Near misses are
 * derived from the first example: the body replaced by `x`, and the token cut short.
 */
function gitlabToken(id: string, title: string, severity: Severity, prefix: string, body: string, match: [string, string]): SecretRule {
  const regex = standalone(prefix.replace(/[.]/g, '\\.') + body, URL_SAFE_EDGE);
  const token = new RegExp(regex).exec(match[0])?.groups?.['secret'] ?? match[0];
  return {
    id,
    title,
    severity,
    family: 'source-hosting',
    provider: 'GitLab',
    rotateUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
    regex,
    keywords: [prefix.toLowerCase()],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match,
      noMatch: [
        match[0].replace(token, prefix + 'x'.repeat(token.length - prefix.length)),
        match[0].replace(token, token.slice(0, -3)),
      ],
    },
  };
}

/** GitLab: personal, deploy, runner, CI job, trigger, agent, SCIM, feed, mail and OAuth app tokens. */
export const rules: SecretRule[] = [
  gitlabToken('gitlab-pat', 'GitLab personal, project or group access token', 'critical', 'glpat-', String.raw`[\w-]{20}`, [
    'GITLAB_TOKEN=glpat-MRwq65fT8n3q2Ab_nQC1',
    'git remote add origin https://oauth2:glpat-EIK7Pjegf0TsLxmmfkDe@gitlab.com/acme/app.git',
  ]),
  gitlabToken('gitlab-pat-routable', 'GitLab personal access token (routable format)', 'critical', 'glpat-', String.raw`[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, [
    'GITLAB_TOKEN=glpat-1TzTMc3TsGiTLVZUuNr1PYY0GY0.01duungv0',
    'private_token: "glpat-zMBxgAKldaNwtxB-F4yOSU7R9QnFOYKSZdUv.0w3fm9mg0"',
  ]),
  gitlabToken('gitlab-deploy-token', 'GitLab deploy token', 'high', 'gldt-', String.raw`[\w-]{20}`, [
    'CI_DEPLOY_PASSWORD=gldt-iJzBU-iocZPK4k6q853-',
    'docker login -u gitlab+deploy-token-1 -p gldt--JLNcAChisXUqOFmgJlP registry.gitlab.com',
  ]),
  gitlabToken('gitlab-feed-token', 'GitLab feed token', 'medium', 'glft-', String.raw`[\w-]{20}`, [
    'https://gitlab.com/dashboard/issues.atom?feed_token=glft-vA05fWzdttK1glawgnod',
    'FEED_TOKEN=glft-CzG9jJKhJUNmrQ28w7P8',
  ]),
  gitlabToken('gitlab-incoming-mail-token', 'GitLab incoming email token', 'medium', 'glimt-', String.raw`[\w-]{25}`, [
    'INCOMING_EMAIL_TOKEN=glimt-T7P8VKCG4dtvsI_Rwf0e5ZKJn',
    'mail_token: glimt-sOOzs1b7SMmXr7AtiXBSAGe-N',
  ]),
  gitlabToken('gitlab-kubernetes-agent-token', 'GitLab agent for Kubernetes token', 'high', 'glagent-', String.raw`[\w-]{50}`, [
    'helm install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-GmFaQi8kKBy40Mb40TRE8UQlJw4oBgvcRsxnrlo7kFjdm-GEZB',
    'token: "glagent-Se8_a9f9hxZiNZW1xYfgYFEXN5C4TOhEgqYXyQj2R8mgBfN5Rn"',
  ]),
  gitlabToken('gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'high', 'gloas-', String.raw`[\w-]{64}`, [
    'GITLAB_APP_SECRET=gloas-JliK8IMcopTTcZDi_EgAyF8HeI98ldu8Y1DwvXG5L4Dj2G-p7DTOqrCgqZMpF1CG',
    '"client_secret": "gloas-l09V1ANgXfAWwBd-l_-nimqkaBVlZp-su4kbX1FQaBDdGX2KXl1dMIDKNxIHf4uz"',
  ]),
  gitlabToken('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'high', 'glptt-', '[0-9a-f]{40}', [
    'curl -X POST -F token=glptt-64cbc68923413950eb76a9cbfe7df6984faf66fd -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline',
    'TRIGGER_TOKEN: "glptt-0a23545d346d5a28af1fd48c71966d2c4f1d8a98"',
  ]),
  gitlabToken('gitlab-runner-registration-token', 'GitLab runner registration token (legacy)', 'high', 'GR1348941', String.raw`[\w-]{20}`, [
    'gitlab-runner register --registration-token GR1348941VE1iuxO_c8da9lOEGR1G',
    'REGISTRATION_TOKEN=GR1348941DOfJWx-tzH55dyu7Xh1p',
  ]),
  gitlabToken('gitlab-runner-authentication-token', 'GitLab runner authentication token', 'high', 'glrt-', String.raw`[\w-]{20}`, [
    'token = "glrt-gVn_WfBjLHRYHN9BrGy3"',
    'gitlab-runner register --token glrt-kt7OcHp_VKBMqdgtzBrG',
  ]),
  gitlabToken(
    'gitlab-runner-authentication-token-routable',
    'GitLab runner authentication token (routable format)',
    'high',
    'glrt-',
    String.raw`t\d_[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`,
    ['token = "glrt-t1_yUFpkCrOafH285bf7kFQ5Fd5cVa.01hvfzlfr"', 'RUNNER_TOKEN=glrt-t3_Qe10CwAbXkq1B9zSD1RgLW2r8GazX.0x2nkvllf'],
  ),
  gitlabToken('gitlab-scim-token', 'GitLab SCIM OAuth token', 'high', 'glsoat-', String.raw`[\w-]{20}`, [
    'SCIM_TOKEN=glsoat-X16076f8zE5SG5rOqY-u',
    'Authorization: Bearer glsoat-RkX7siWR8bqf2PC-GVr_',
  ]),
  gitlabToken('gitlab-session-cookie', 'GitLab session cookie', 'high', '_gitlab_session=', '[0-9a-z]{32}', [
    'Cookie: _gitlab_session=gftrbcgtv9nhy07skfs0xv33rku8f20w',
    "curl -b '_gitlab_session=hsbmrz2y6xo8invbw034gzsct79cyp65' https://gitlab.example.org/api/v4/user",
  ]),
  gitlabToken('gitlab-ci-job-token', 'GitLab CI/CD job token', 'medium', 'glcbt-', String.raw`[0-9a-zA-Z]{1,5}_[\w-]{20}`, [
    'CI_JOB_TOKEN=glcbt-PoA7a_LJTNf2ftFE9NTrCudsPt',
    'JOB-TOKEN: glcbt-j8_pU4_foBNyP_dOg7qmnAV',
  ]),
  gitlabToken('gitlab-feature-flag-client-token', 'GitLab feature flags client token', 'medium', 'glffct-', String.raw`[\w-]{20}`, [
    'UNLEASH_INSTANCE_ID=glffct-S_FdBSv7YD9TuaRQVqsi',
    'instanceId: "glffct-GaV0z4eVlj7JKhrTvFP4"',
  ]),
];
