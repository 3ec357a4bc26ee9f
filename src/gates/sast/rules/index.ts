import type { SastRule } from '../rule.js';
import { authSessionRules } from './auth-session.js';
import { codeInjectionRules } from './code-injection.js';
import { commandInjectionRules } from './command-injection.js';
import { corsRules } from './cors.js';
import { cryptoApiRules } from './crypto-apis.js';
import { debugModeRules } from './debug-mode.js';
import { deserializationRules } from './deserialization.js';
import { flowClassRules } from './flow-classes.js';
import { frameworkApiRules } from './framework-apis.js';
import { hardcodedSecretRules } from './hardcoded-secret.js';
import { injectionApiRules } from './injection-apis.js';
import { insecureTransportRules } from './insecure-transport.js';
import { jwtRules } from './jwt.js';
import { moreApiRules } from './more-apis.js';
import { nodeApiRules } from './node-apis.js';
import { openRedirectRules } from './open-redirect.js';
import { pathTraversalRules } from './path-traversal.js';
import { prototypePollutionRules } from './prototype-pollution.js';
import { pythonApiRules } from './python-apis.js';
import { pythonWebRules } from './python-web.js';
import { redosRules } from './redos.js';
import { sqlInjectionRules } from './sql-injection.js';
import { ssrfRules } from './ssrf.js';
import { tlsRules } from './tls.js';
import { webSinkRules } from './web-sinks.js';
import { weakCryptoRules } from './weak-crypto.js';
import { xssRules } from './xss.js';
import { xxeRules } from './xxe.js';

/** The built-in catalogue, in a stable order: grouped by class. */
export const ALL_RULES: readonly SastRule[] = [
  ...commandInjectionRules,
  ...codeInjectionRules,
  ...sqlInjectionRules,
  ...xssRules,
  ...pathTraversalRules,
  ...ssrfRules,
  ...openRedirectRules,
  ...deserializationRules,
  ...weakCryptoRules,
  ...tlsRules,
  ...jwtRules,
  ...redosRules,
  ...prototypePollutionRules,
  ...corsRules,
  ...debugModeRules,
  ...xxeRules,
  ...hardcodedSecretRules,
  ...insecureTransportRules,
  ...cryptoApiRules,
  ...injectionApiRules,
  ...authSessionRules,
  ...webSinkRules,
  ...pythonWebRules,
  ...nodeApiRules,
  ...pythonApiRules,
  ...frameworkApiRules,
  ...moreApiRules,
  ...flowClassRules,
];
