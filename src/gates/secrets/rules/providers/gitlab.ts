import type { MatchExample, SecretRule } from '../../rule.js';
import type { Severity } from '../../../../core/types.js';
import { PLACEHOLDERS, standalone } from './patterns.js';

const URL_SAFE_EDGE = String.raw`\w-`;

/**
 * GitLab prefixes every token type (docs: security/tokens, "Token prefixes"). Near misses are
 * derived from the first example: the body replaced by `x`, and the token cut short.
 */
function gitlabToken(id: string, title: string, severity: Severity, prefix: string, body: string, match: [MatchExample, MatchExample]): SecretRule {
  const regex = standalone(prefix.replace(/[.]/g, '\\.') + body, URL_SAFE_EDGE);
  const { text, secret } = match[0];
  const token = Array.isArray(secret) ? secret[0] : secret;
  return {
    id,
    formatSource: 'described',
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
        text.replace(token, prefix + 'x'.repeat(token.length - prefix.length)),
        token.slice(0, -3),
      ],
    },
  };
}

/** GitLab: personal, deploy, runner, CI job, trigger, agent, SCIM, feed, mail and OAuth app tokens. */
export const rules: SecretRule[] = [
  gitlabToken('gitlab-pat', 'GitLab personal, project or group access token', 'critical', 'glpat-', String.raw`[\w-]{20}`, [
    { text: 'GITLAB_TOKEN=glpat-MRwq65fT8n3q2Ab_nQC1', secret: 'glpat-MRwq65fT8n3q2Ab_nQC1' },
    { text: 'git remote add origin https://oauth2:glpat-EIK7Pjegf0TsLxmmfkDe@gitlab.com/acme/app.git', secret: 'glpat-EIK7Pjegf0TsLxmmfkDe' },
  ]),
  gitlabToken('gitlab-pat-routable', 'GitLab personal access token (routable format)', 'critical', 'glpat-', String.raw`[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`, [
    { text: 'GITLAB_TOKEN=glpat-1TzTMc3TsGiTLVZUuNr1PYY0GY0.01duungv0', secret: 'glpat-1TzTMc3TsGiTLVZUuNr1PYY0GY0.01duungv0' },
    { text: 'private_token: "glpat-zMBxgAKldaNwtxB-F4yOSU7R9QnFOYKSZdUv.0w3fm9mg0"', secret: 'glpat-zMBxgAKldaNwtxB-F4yOSU7R9QnFOYKSZdUv.0w3fm9mg0' },
  ]),
  gitlabToken('gitlab-deploy-token', 'GitLab deploy token', 'high', 'gldt-', String.raw`[\w-]{20}`, [
    { text: 'CI_DEPLOY_PASSWORD=gldt-iJzBU-iocZPK4k6q853-', secret: 'gldt-iJzBU-iocZPK4k6q853-' },
    { text: 'docker login -u gitlab+deploy-token-1 -p gldt--JLNcAChisXUqOFmgJlP registry.gitlab.com', secret: 'gldt--JLNcAChisXUqOFmgJlP' },
  ]),
  gitlabToken('gitlab-feed-token', 'GitLab feed token', 'medium', 'glft-', String.raw`[\w-]{20}`, [
    { text: 'https://gitlab.com/dashboard/issues.atom?feed_token=glft-vA05fWzdttK1glawgnod', secret: 'glft-vA05fWzdttK1glawgnod' },
    { text: 'FEED_TOKEN=glft-CzG9jJKhJUNmrQ28w7P8', secret: 'glft-CzG9jJKhJUNmrQ28w7P8' },
  ]),
  gitlabToken('gitlab-incoming-mail-token', 'GitLab incoming email token', 'medium', 'glimt-', String.raw`[\w-]{25}`, [
    { text: 'INCOMING_EMAIL_TOKEN=glimt-T7P8VKCG4dtvsI_Rwf0e5ZKJn', secret: 'glimt-T7P8VKCG4dtvsI_Rwf0e5ZKJn' },
    { text: 'mail_token: glimt-sOOzs1b7SMmXr7AtiXBSAGe-N', secret: 'glimt-sOOzs1b7SMmXr7AtiXBSAGe-N' },
  ]),
  gitlabToken('gitlab-kubernetes-agent-token', 'GitLab agent for Kubernetes token', 'high', 'glagent-', String.raw`[\w-]{50}`, [
    { text: 'helm install gitlab-agent gitlab/gitlab-agent --set config.token=glagent-GmFaQi8kKBy40Mb40TRE8UQlJw4oBgvcRsxnrlo7kFjdm-GEZB', secret: 'glagent-GmFaQi8kKBy40Mb40TRE8UQlJw4oBgvcRsxnrlo7kFjdm-GEZB' },
    { text: 'token: "glagent-Se8_a9f9hxZiNZW1xYfgYFEXN5C4TOhEgqYXyQj2R8mgBfN5Rn"', secret: 'glagent-Se8_a9f9hxZiNZW1xYfgYFEXN5C4TOhEgqYXyQj2R8mgBfN5Rn' },
  ]),
  gitlabToken('gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'high', 'gloas-', String.raw`[\w-]{64}`, [
    { text: 'GITLAB_APP_SECRET=gloas-JliK8IMcopTTcZDi_EgAyF8HeI98ldu8Y1DwvXG5L4Dj2G-p7DTOqrCgqZMpF1CG', secret: 'gloas-JliK8IMcopTTcZDi_EgAyF8HeI98ldu8Y1DwvXG5L4Dj2G-p7DTOqrCgqZMpF1CG' },
    { text: '"client_secret": "gloas-l09V1ANgXfAWwBd-l_-nimqkaBVlZp-su4kbX1FQaBDdGX2KXl1dMIDKNxIHf4uz"', secret: 'gloas-l09V1ANgXfAWwBd-l_-nimqkaBVlZp-su4kbX1FQaBDdGX2KXl1dMIDKNxIHf4uz' },
  ]),
  gitlabToken('gitlab-pipeline-trigger-token', 'GitLab pipeline trigger token', 'high', 'glptt-', '[0-9a-f]{40}', [
    { text: 'curl -X POST -F token=glptt-64cbc68923413950eb76a9cbfe7df6984faf66fd -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline', secret: 'glptt-64cbc68923413950eb76a9cbfe7df6984faf66fd' },
    { text: 'TRIGGER_TOKEN: "glptt-0a23545d346d5a28af1fd48c71966d2c4f1d8a98"', secret: 'glptt-0a23545d346d5a28af1fd48c71966d2c4f1d8a98' },
  ]),
  gitlabToken('gitlab-runner-registration-token', 'GitLab runner registration token (legacy)', 'high', 'GR1348941', String.raw`[\w-]{20}`, [
    { text: 'gitlab-runner register --registration-token GR1348941VE1iuxO_c8da9lOEGR1G', secret: 'GR1348941VE1iuxO_c8da9lOEGR1G' },
    { text: 'REGISTRATION_TOKEN=GR1348941DOfJWx-tzH55dyu7Xh1p', secret: 'GR1348941DOfJWx-tzH55dyu7Xh1p' },
  ]),
  gitlabToken('gitlab-runner-authentication-token', 'GitLab runner authentication token', 'high', 'glrt-', String.raw`[\w-]{20}`, [
    { text: 'gitlab-runner register --token glrt-kt7OcHp_VKBMqdgtzBrG', secret: 'glrt-kt7OcHp_VKBMqdgtzBrG' },
    { text: 'token = "glrt-gVn_WfBjLHRYHN9BrGy3"', secret: 'glrt-gVn_WfBjLHRYHN9BrGy3' },
  ]),
  gitlabToken(
    'gitlab-runner-authentication-token-routable',
    'GitLab runner authentication token (routable format)',
    'high',
    'glrt-',
    String.raw`t\d_[\w-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`,
    [
      { text: 'RUNNER_TOKEN=glrt-t3_Qe10CwAbXkq1B9zSD1RgLW2r8GazX.0x2nkvllf', secret: 'glrt-t3_Qe10CwAbXkq1B9zSD1RgLW2r8GazX.0x2nkvllf' },
      { text: 'token = "glrt-t1_yUFpkCrOafH285bf7kFQ5Fd5cVa.01hvfzlfr"', secret: 'glrt-t1_yUFpkCrOafH285bf7kFQ5Fd5cVa.01hvfzlfr' },
    ],
  ),
  gitlabToken('gitlab-scim-token', 'GitLab SCIM OAuth token', 'high', 'glsoat-', String.raw`[\w-]{20}`, [
    { text: 'SCIM_TOKEN=glsoat-X16076f8zE5SG5rOqY-u', secret: 'glsoat-X16076f8zE5SG5rOqY-u' },
    { text: 'Authorization: Bearer glsoat-RkX7siWR8bqf2PC-GVr_', secret: 'glsoat-RkX7siWR8bqf2PC-GVr_' },
  ]),
  {
    id: 'gitlab-session-cookie',
    formatSource: 'described',
    title: 'GitLab session cookie',
    severity: 'high',
    family: 'source-hosting',
    provider: 'GitLab',
    rotateUrl: 'https://gitlab.com/-/user_settings/active_sessions',
    // The cookie's name anchors the rule; the secret is its value alone.
    regex: String.raw`(?<![\w-])_gitlab_session=(?<secret>[0-9a-z]{32})(?![\w-])`,
    keywords: ['_gitlab_session='],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'Cookie: _gitlab_session=gftrbcgtv9nhy07skfs0xv33rku8f20w', secret: 'gftrbcgtv9nhy07skfs0xv33rku8f20w' },
        { text: "curl -b '_gitlab_session=hsbmrz2y6xo8invbw034gzsct79cyp65' https://gitlab.example.org/api/v4/user", secret: 'hsbmrz2y6xo8invbw034gzsct79cyp65' },
      ],
      noMatch: ['Cookie: _gitlab_session=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'Cookie: _gitlab_session=gftrbcgtv9nhy07skfs0xv33rku8f'],
    },
  },
  gitlabToken('gitlab-ci-job-token', 'GitLab CI/CD job token', 'medium', 'glcbt-', String.raw`[0-9a-zA-Z]{1,5}_[\w-]{20}`, [
    { text: 'CI_JOB_TOKEN=glcbt-PoA7a_LJTNf2ftFE9NTrCudsPt', secret: 'glcbt-PoA7a_LJTNf2ftFE9NTrCudsPt' },
    { text: 'JOB-TOKEN: glcbt-j8_pU4_foBNyP_dOg7qmnAV', secret: 'glcbt-j8_pU4_foBNyP_dOg7qmnAV' },
  ]),
  gitlabToken('gitlab-feature-flag-client-token', 'GitLab feature flags client token', 'medium', 'glffct-', String.raw`[\w-]{20}`, [
    { text: 'UNLEASH_INSTANCE_ID=glffct-S_FdBSv7YD9TuaRQVqsi', secret: 'glffct-S_FdBSv7YD9TuaRQVqsi' },
    { text: 'instanceId: "glffct-GaV0z4eVlj7JKhrTvFP4"', secret: 'glffct-GaV0z4eVlj7JKhrTvFP4' },
  ]),
];
