import type { SecretRule } from '../../../rule.js';
import { rules as ai } from './ai.js';
import { rules as atlassian } from './atlassian.js';
import { rules as aws } from './aws.js';
import { rules as azure } from './azure.js';
import { rules as cloudPlatforms } from './cloud-platforms.js';
import { rules as devops } from './devops.js';
import { rules as github } from './github.js';
import { rules as gitlab } from './gitlab.js';
import { rules as google } from './google.js';
import { rules as observability } from './observability.js';
import { rules as payments } from './payments.js';
import { rules as saas } from './saas.js';

/** Provider rules for services whose names start with A-K. */
export const rules: SecretRule[] = [...ai, ...atlassian, ...aws, ...azure, ...cloudPlatforms, ...devops, ...github, ...gitlab, ...google, ...observability, ...payments, ...saas];
