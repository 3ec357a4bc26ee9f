import type { SecretRule } from '../../rule.js';
import { assignedRule } from './builders.js';

// Keys of data and lookup APIs (IP reputation, weather, geodata, jobs, calendars, market and
// blockchain data). None has a prefix of its own: each is a fixed-length value recognised only
// when bound to a name mentioning the provider (grammar.ts). Lengths and charsets follow the
// providers' key formats as peer scanners describe them (trufflehog's detector definitions);
// none has been checked against a live key, so every rule says `formatSource: 'described'`.

/** Every rule here: a key format as described, never checked against a live key. */
const described = { family: 'data-api', formatSource: 'described' } as const;

/** Data and lookup API keys, each bound to a name mentioning its provider. */
export const rules: SecretRule[] = [
  assignedRule({
    ...described,
    id: 'abuseipdb-api-key',
    title: 'AbuseIPDB API key',
    severity: 'medium',
    provider: 'AbuseIPDB',
    rotateUrl: 'https://www.abuseipdb.com/account/api',
    names: ['abuseipdb'],
    value: String.raw`[a-z0-9]{80}`,
    entropy: 3,
    match: [
      { text: 'export ABUSEIPDB_KEY="5vzrl903r9qc67qmx9rofyugq6y6c5ne343wmmrqfmk45p3gizkzb4aawyegbbz0v42uk8n43c5kbnq0"', secret: '5vzrl903r9qc67qmx9rofyugq6y6c5ne343wmmrqfmk45p3gizkzb4aawyegbbz0v42uk8n43c5kbnq0' },
      { text: 'abuseipdb_key: "yhg68h0lvpikx8wgglbff980i21fqi6fjmg2mxj5nsp5ltyuubw67z6f9sv0lh98ucq631yx96z57v63"', secret: 'yhg68h0lvpikx8wgglbff980i21fqi6fjmg2mxj5nsp5ltyuubw67z6f9sv0lh98ucq631yx96z57v63' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'adzuna-app-key',
    title: 'Adzuna API application key',
    severity: 'medium',
    provider: 'Adzuna',
    names: ['adzuna'],
    value: String.raw`[a-z0-9]{32}`,
    entropy: 3,
    match: [
      { text: '<add key="adzunaKey" value="xa4qcvm9nmxjay4tbs7ycpgwnqv6dk74" />', secret: 'xa4qcvm9nmxjay4tbs7ycpgwnqv6dk74' },
      { text: '  "adzunaKey": "j2b6uujk3cyadrv6jtg4pq2awo6m7ptg",', secret: 'j2b6uujk3cyadrv6jtg4pq2awo6m7ptg' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'airvisual-api-key',
    title: 'IQAir AirVisual API key',
    severity: 'medium',
    provider: 'IQAir AirVisual',
    names: ['airvisual'],
    value: String.raw`[a-z0-9-]{36}`,
    entropy: 3,
    match: [
      { text: 'airvisual_key: "8wzhp240-6zn8-p69c-6cxo-bgb0tng16slz"', secret: '8wzhp240-6zn8-p69c-6cxo-bgb0tng16slz' },
      { text: '<add key="airvisualKey" value="tnwkm7ak-o7ku-0gyb-n5s0-of90pw3dmrkk" />', secret: 'tnwkm7ak-o7ku-0gyb-n5s0-of90pw3dmrkk' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'ambee-api-key',
    title: 'Ambee API key',
    severity: 'medium',
    provider: 'Ambee',
    names: ['ambee'],
    value: String.raw`[0-9a-f]{64}`,
    entropy: 3,
    match: [
      { text: 'AMBEE_KEY=8aa54ab42c429157adfd4fe8d1da6bbc90d263d370f4bde58a8b7ce357867acd', secret: '8aa54ab42c429157adfd4fe8d1da6bbc90d263d370f4bde58a8b7ce357867acd' },
      { text: 'ambee_key: "d718427fa447039d8979880c273a1068d78cc7a19e502da396994d1ccf350b8a"', secret: 'd718427fa447039d8979880c273a1068d78cc7a19e502da396994d1ccf350b8a' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'apilayer-api-key',
    title: 'APILayer API key',
    severity: 'medium',
    provider: 'APILayer',
    names: ['apilayer'],
    value: String.raw`[a-zA-Z0-9]{32}`,
    entropy: 3.5,
    match: [
      { text: 'APILAYER_KEY=CegkOm3rLKH3aM86nXKlPupJ7lDBZhS9', secret: 'CegkOm3rLKH3aM86nXKlPupJ7lDBZhS9' },
      { text: 'export APILAYER_KEY="mFHY8ynHTlH9TQAdavkjPNGPS9rXznTz"', secret: 'mFHY8ynHTlH9TQAdavkjPNGPS9rXznTz' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'aviationstack-access-key',
    title: 'aviationstack access key',
    severity: 'medium',
    provider: 'aviationstack',
    names: ['aviationstack'],
    value: String.raw`[a-z0-9]{32}`,
    entropy: 3,
    match: [
      { text: '<add key="aviationstackKey" value="uny96sfgule438taklbtcina9l7bkiub" />', secret: 'uny96sfgule438taklbtcina9l7bkiub' },
      { text: 'export AVIATIONSTACK_KEY="v5ayqju620wl2ti1ygr6f1mh75ludvwa"', secret: 'v5ayqju620wl2ti1ygr6f1mh75ludvwa' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'bitcoinaverage-api-key',
    title: 'BitcoinAverage API key',
    severity: 'medium',
    provider: 'BitcoinAverage',
    names: ['bitcoinaverage'],
    value: String.raw`[a-zA-Z0-9]{43}`,
    entropy: 3.5,
    match: [
      { text: 'bitcoinaverage_key: "cCk5l6cmLpDRbq55SaJEGlhHT9tVUJC1cB5Aj2CdXfC"', secret: 'cCk5l6cmLpDRbq55SaJEGlhHT9tVUJC1cB5Aj2CdXfC' },
      { text: '  "bitcoinaverageKey": "pnd3AcxTLGwSe0TuA0J3AZ9Th3jJCeyu8y5KZ29yLVB",', secret: 'pnd3AcxTLGwSe0TuA0J3AZ9Th3jJCeyu8y5KZ29yLVB' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'bscscan-api-key',
    title: 'BscScan API key',
    severity: 'medium',
    provider: 'BscScan',
    names: ['bscscan'],
    value: String.raw`[0-9A-Z]{34}`,
    entropy: 3,
    match: [
      { text: 'const bscscanKey = \'P2TB2CDI8O5N8Y3LHF6XTO4MZF70Q986AC\';', secret: 'P2TB2CDI8O5N8Y3LHF6XTO4MZF70Q986AC' },
      { text: '<add key="bscscanKey" value="1SWQ50RB2V41IOMH2704A7RZ24OC378DIJ" />', secret: '1SWQ50RB2V41IOMH2704A7RZ24OC378DIJ' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'etherscan-api-key',
    title: 'Etherscan API key',
    severity: 'medium',
    provider: 'Etherscan',
    names: ['etherscan'],
    value: String.raw`[0-9A-Z]{34}`,
    entropy: 3,
    match: [
      { text: '  "etherscanKey": "DFOIW83EXSRIULIRRM73PFY48CZ68302HU",', secret: 'DFOIW83EXSRIULIRRM73PFY48CZ68302HU' },
      { text: 'etherscan_key: "GMEPB629T4A3YGD7X82LKIM6NNMUHQPK1L"', secret: 'GMEPB629T4A3YGD7X82LKIM6NNMUHQPK1L' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'calendarific-api-key',
    title: 'Calendarific API key',
    severity: 'medium',
    provider: 'Calendarific',
    names: ['calendarific'],
    value: String.raw`[a-z0-9]{40}`,
    entropy: 3,
    match: [
      { text: 'calendarific_key: "80qzk7s11zc4us4ozdd5z31jmq5v4ztc675il7eq"', secret: '80qzk7s11zc4us4ozdd5z31jmq5v4ztc675il7eq' },
      { text: 'export CALENDARIFIC_KEY="6lc7cxzrgbgkgot0j1cgkxiqko4pjph7qcr60ygd"', secret: '6lc7cxzrgbgkgot0j1cgkxiqko4pjph7qcr60ygd' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'alienvault-otx-api-key',
    title: 'AlienVault OTX API key',
    severity: 'medium',
    provider: 'AlienVault OTX',
    names: ['alienvault'],
    value: String.raw`[a-z0-9]{64}`,
    entropy: 3,
    match: [
      { text: 'export ALIENVAULT_KEY="yoo96qhlfa94oa0c8oxinj1rn9cmu9dg5puv6l8nuuxt0goshxsbojvqypwximv1"', secret: 'yoo96qhlfa94oa0c8oxinj1rn9cmu9dg5puv6l8nuuxt0goshxsbojvqypwximv1' },
      { text: 'alienvault_key = "lf49sjmmy025b5tqnm23934lm62byf7tip8gn5femxby1xy4gcm650iavytt6kzk"', secret: 'lf49sjmmy025b5tqnm23934lm62byf7tip8gn5femxby1xy4gcm650iavytt6kzk' },
    ],
  }),
  assignedRule({
    ...described,
    id: 'alchemy-api-key',
    title: 'Alchemy API key',
    severity: 'high',
    provider: 'Alchemy',
    names: ['alchemy'],
    value: String.raw`[0-9a-zA-Z]{23}_[0-9a-zA-Z]{8}`,
    entropy: 3.5,
    match: [
      { text: '<add key="alchemyKey" value="MxbFiq8zGJxwB1W7ibqbJj9_TiZ6dtZs" />', secret: 'MxbFiq8zGJxwB1W7ibqbJj9_TiZ6dtZs' },
      { text: 'alchemy_key = "qTLPcjygLnTaln0ciLsm5Zh_llbjKWAa"', secret: 'qTLPcjygLnTaln0ciLsm5Zh_llbjKWAa' },
    ],
  }),
];
