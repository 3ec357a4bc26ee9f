import type { SecretRule } from '../../rule.js';
import { rules as ai } from './ai.js';
import { rules as atlassian } from './atlassian.js';
import { rules as aws } from './aws.js';
import { rules as azure } from './azure.js';
import { rules as businessApps } from './business-apps.js';
import { rules as chat } from './chat.js';
import { rules as ciCd } from './ci-cd.js';
import { rules as cloud } from './cloud.js';
import { rules as database } from './database.js';
import { rules as dataApis } from './data-apis.js';
import { rules as devPlatforms } from './dev-platforms.js';
import { rules as devops } from './devops.js';
import { rules as email } from './email.js';
import { rules as github } from './github.js';
import { rules as gitlab } from './gitlab.js';
import { rules as google } from './google.js';
import { rules as notionLinear } from './notion-linear.js';
import { rules as observability } from './observability.js';
import { rules as onepassword } from './onepassword.js';
import { rules as openai } from './openai.js';
import { rules as packageRegistries } from './package-registries.js';
import { rules as payments } from './payments.js';
import { rules as saas } from './saas.js';
import { rules as sendgrid } from './sendgrid.js';
import { rules as shopify } from './shopify.js';
import { rules as slack } from './slack.js';
import { rules as social } from './social.js';
import { rules as stripe } from './stripe.js';
import { rules as tailscale } from './tailscale.js';
import { rules as twilio } from './twilio.js';
import { rules as vercel } from './vercel.js';

/** Every provider rule: one file per provider or provider family, in file-name order. */
export const rules: SecretRule[] = [
  ...ai,
  ...atlassian,
  ...aws,
  ...azure,
  ...businessApps,
  ...chat,
  ...ciCd,
  ...cloud,
  ...database,
  ...dataApis,
  ...devPlatforms,
  ...devops,
  ...email,
  ...github,
  ...gitlab,
  ...google,
  ...notionLinear,
  ...observability,
  ...onepassword,
  ...openai,
  ...packageRegistries,
  ...payments,
  ...saas,
  ...sendgrid,
  ...shopify,
  ...slack,
  ...social,
  ...stripe,
  ...tailscale,
  ...twilio,
  ...vercel,
];
