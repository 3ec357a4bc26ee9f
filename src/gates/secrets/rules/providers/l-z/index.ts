import type { SecretRule } from '../../../rule.js';
import { rules as ai } from './ai.js';
import { rules as chat } from './chat.js';
import { rules as ciCd } from './ci-cd.js';
import { rules as cloud } from './cloud.js';
import { rules as database } from './database.js';
import { rules as email } from './email.js';
import { rules as observability } from './observability.js';
import { rules as onepassword } from './onepassword.js';
import { rules as notionLinear } from './notion-linear.js';
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

/** Provider rules for services whose names start with L-Z (digits included). */
export const rules: SecretRule[] = [
  ...ai,
  ...chat,
  ...ciCd,
  ...cloud,
  ...database,
  ...email,
  ...observability,
  ...onepassword,
  ...notionLinear,
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
