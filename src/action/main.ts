// The GitHub Action's entry: read inputs, call the same runGates as the CLI (through
// runAction), and hand the outcome to the runner. Everything else is testable without it.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { UsageError, errorMessage } from '../core/errors.js';
import { redactMessages } from '../core/redact-message.js';
import { compileRegexesOnce } from '../core/regex-tier.js';
import { octokitCommentsApi } from './comment.js';
import { parseInputs } from './inputs.js';
import { runAction } from './run-action.js';

compileRegexesOnce();
try {
  const inputs = parseInputs((name) => core.getInput(name));
  if (inputs.token) core.setSecret(inputs.token);
  await runAction(
    inputs,
    {
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      eventPath: process.env.GITHUB_EVENT_PATH,
      eventName: process.env.GITHUB_EVENT_NAME,
      repository: process.env.GITHUB_REPOSITORY,
      tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
    },
    {
      setOutput: (name, value) => core.setOutput(name, value),
      annotate: ({ kind, message, ...properties }) => (kind === 'error' ? core.error(message, properties) : core.warning(message, properties)),
      notice: (message) => core.notice(message),
      warning: (message) => core.warning(message),
      info: (message) => core.info(message),
      writeSummary: async (markdown) => {
        await core.summary.addRaw(markdown, true).write();
      },
      setFailed: (message) => core.setFailed(message),
    },
    () => octokitCommentsApi(inputs.token),
  );
} catch (error) {
  const details = error instanceof UsageError ? error.details : [];
  const [message, ...shown] = await redactMessages([errorMessage(error), ...details]);
  core.setFailed([`wfo-gate: ${message}`, ...shown].join('\n'));
}
