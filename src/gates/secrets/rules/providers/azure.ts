import type { MatchExample, NoMatchExample, SecretRule } from '../../rule.js';
import { anyCase, anyCaseOf, assignedToName, PLACEHOLDERS, standalone } from './patterns.js';

const azure = { provider: 'Microsoft Azure', family: 'cloud', rotateUrl: 'https://portal.azure.com/' } as const;
const B64 = '[A-Za-z0-9+/]';
const B64_EDGE = String.raw`\w+/=`;

/**
 * Azure's identifiable keys carry a fixed service signature at a fixed offset (`+ASt` for
 * storage, `ACDb` for Cosmos DB …), so they are recognisable without any surrounding name.
 * The near misses are derived from the first example: the signature's case flipped, and the
 * key cut short by two characters. `nearMissFiredBy`: the rules that rightly still report both
 * (a random base64 value bound to a `…_KEY` name is a secret, signature or not); `cutFiredBy`
 * those of the cut-short one when they differ.
 */
function identifiableKey(
  id: string,
  service: string,
  signature: string,
  body: string,
  match: [MatchExample, MatchExample],
  edge = B64_EDGE,
  nearMissFiredBy: string[] = ['generic-secret-config'],
  cutFiredBy: string[] = nearMissFiredBy,
): SecretRule {
  const { text: first, secret } = match[0];
  const regex = standalone(body, edge);
  const flipped = signature.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  const token = Array.isArray(secret) ? secret[0] : secret;
  const flippedText = first.replace(token, token.replace(signature, flipped));
  const nearMiss = (text: string, firedBy: string[]): string | NoMatchExample => (firedBy.length > 0 ? { text, firedBy } : text);
  return {
    ...azure,
    id,
    formatSource: 'described',
    title: `Azure ${service} key`,
    severity: 'critical',
    regex,
    keywords: [signature.toLowerCase()],
    entropy: 4,
    examples: {
      match,
      noMatch: [nearMiss(flippedText, nearMissFiredBy), nearMiss(first.replace(token, token.slice(2)), cutFiredBy)],
    },
  };
}

/** Microsoft Azure: Entra ID app secrets, identifiable service keys, connection strings, SAS, DevOps. */
export const rules: SecretRule[] = [
  {
    ...azure,
    id: 'azure-ad-client-secret',
    formatSource: 'described',
    title: 'Microsoft Entra ID (Azure AD) application client secret',
    severity: 'critical',
    rotateUrl: 'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    regex: standalone(String.raw`[\w~.-]{3}\dQ~[\w~.-]{31,34}`, String.raw`\w~.-`),
    keywords: ['q~'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'AZURE_CLIENT_SECRET=ZUj8Q~FtWeb1M2TDe3Kz99wRbf0Yn0D-Fks3X1g5', secret: 'ZUj8Q~FtWeb1M2TDe3Kz99wRbf0Yn0D-Fks3X1g5' },
        { text: '"clientSecret": "PR77Q~VJVR_Fr5nVXiFMzr5TCfovkaDmVyZ0C"', secret: 'PR77Q~VJVR_Fr5nVXiFMzr5TCfovkaDmVyZ0C' },
      ],
      noMatch: [
        'AZURE_CLIENT_SECRET=ZUj8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '.ui.visible.right.sidebar~.ui.visible.left.sidebar~.pusher{transform:none}',
        { text: 'AZURE_CLIENT_SECRET=ZUj8Q~FtWeb1M2TDe3Kz99wRbf0Yn0D', firedBy: ['generic-secret-config'] },
      ],
    },
  },
  identifiableKey('azure-storage-account-key', 'Storage account access', '+ASt', `${B64}{76}\\+ASt${B64}{5}[AQgw]==`, [
    { text: 'AZURE_STORAGE_KEY=k6aXJsAIWnGAuTPwCKqsicq1yNhV1QY0E9Y3RKLX8XS0Aw3LMA7In8fyjLdR0HRwOOFyHVeDj47e+ASt2IV5SA==', secret: 'k6aXJsAIWnGAuTPwCKqsicq1yNhV1QY0E9Y3RKLX8XS0Aw3LMA7In8fyjLdR0HRwOOFyHVeDj47e+ASt2IV5SA==' },
    { text: '"storageKey": "o/KSv6XNKtfeUVmkLbOUh9OjyDDJziVxnFq4WMNvgv2sfF7IL0voDQ8vMthHoheGRcFQz65DqPJh+AStNH05yg=="', secret: 'o/KSv6XNKtfeUVmkLbOUh9OjyDDJziVxnFq4WMNvgv2sfF7IL0voDQ8vMthHoheGRcFQz65DqPJh+AStNH05yg==' },
  ], B64_EDGE, ['azure-storage-connection-string-key'], ['generic-secret-config']),
  identifiableKey('azure-cosmosdb-key', 'Cosmos DB account', 'ACDb', `${B64}{76}ACDb${B64}{5}[AQgw]==`, [
    { text: 'COSMOS_KEY=uSikXqBfxaZ0N3LB1YUh6IJ8snR9eswMkhK0eCPS9OXqIlhNccbK0DwHAMV49+jSZIC/srburR1EACDbG/JyoQ==', secret: 'uSikXqBfxaZ0N3LB1YUh6IJ8snR9eswMkhK0eCPS9OXqIlhNccbK0DwHAMV49+jSZIC/srburR1EACDbG/JyoQ==' },
    { text: 'cosmos: { key: "udwOC2bB9SbZiHpMqvwq/we8JehildXvYDtiMnVq0BS3QMjSX0okCQ2O42xB664rgkBDPcHv2+afACDbCquHyw==" }', secret: 'udwOC2bB9SbZiHpMqvwq/we8JehildXvYDtiMnVq0BS3QMjSX0okCQ2O42xB664rgkBDPcHv2+afACDbCquHyw==' },
  ]),
  identifiableKey('azure-batch-key', 'Batch account', '+ABa', `${B64}{76}\\+ABa${B64}{5}[AQgw]==`, [
    { text: 'AZURE_BATCH_KEY=szEeGLBbm9YF/eMjfa12LjtXPmQZ7P/7ECtUbnVQMovqTUkLTyQzsDHJNyWg9Ms+gyg9v8BGXRLZ+ABa4AhhsA==', secret: 'szEeGLBbm9YF/eMjfa12LjtXPmQZ7P/7ECtUbnVQMovqTUkLTyQzsDHJNyWg9Ms+gyg9v8BGXRLZ+ABa4AhhsA==' },
    { text: 'batch_account_key: "07l3g2youQbKDneA4yQ2ToZTlFE20Fki9ArUmg/XeOIMNnAjqSbfr1oKoq4lQ5hv9a2leULYpFnJ+ABay4/lgg=="', secret: '07l3g2youQbKDneA4yQ2ToZTlFE20Fki9ArUmg/XeOIMNnAjqSbfr1oKoq4lQ5hv9a2leULYpFnJ+ABay4/lgg==' },
  ]),
  identifiableKey('azure-apim-key', 'API Management (subscription, gateway or management)', 'APIM', `${B64}{76}APIM${B64}{5}[AQgw]==`, [
    { text: 'APIM_KEY=mWmKHEsNweQwTwUoFC2ZS+oGZ7OHAnWaubv32LGAKe3gfAUZYchzeY4LxdKM6NlM8py4ZbPc90FNAPIM8sfLJQ==', secret: 'mWmKHEsNweQwTwUoFC2ZS+oGZ7OHAnWaubv32LGAKe3gfAUZYchzeY4LxdKM6NlM8py4ZbPc90FNAPIM8sfLJQ==' },
    { text: '"gatewayKey": "qSm4rNJo/JjBtbh9aZP/uKuzAU58yOnD3fqFQs6YbIBzGznsOD6vr/3GH0KK/rbL/mKnCe+1mf24APIM2L/39w=="', secret: 'qSm4rNJo/JjBtbh9aZP/uKuzAU58yOnD3fqFQs6YbIBzGznsOD6vr/3GH0KK/rbL/mKnCe+1mf24APIM2L/39w==' },
  ]),
  identifiableKey('azure-ml-classic-web-service-key', 'Machine Learning classic web service', '/AM7', `${B64}{76}/AM7${B64}{5}[AQgw]==`, [
    { text: 'ML_SERVICE_KEY=lS3jzky13A5V98R88Q8M5TEo4gvePXJM/Xxm5D8/uyLg9WmQmaDmLrhzc6A65JGZ3F6LzF54aaay/AM7s7SCfA==', secret: 'lS3jzky13A5V98R88Q8M5TEo4gvePXJM/Xxm5D8/uyLg9WmQmaDmLrhzc6A65JGZ3F6LzF54aaay/AM7s7SCfA==' },
    { text: 'api_key = "WP2sclqF8127XYZ1uDJj8y+IrPcr0v6i1A0HiGcyyOS12Dqu2xbWrKQOPHjhE9hSE8j50qEQ3WoS/AM7C6Hffw=="', secret: 'WP2sclqF8127XYZ1uDJj8y+IrPcr0v6i1A0HiGcyyOS12Dqu2xbWrKQOPHjhE9hSE8j50qEQ3WoS/AM7C6Hffw==' },
  ]),
  identifiableKey(
    'azure-function-key',
    'Functions host or function',
    'AzFu',
    String.raw`[\w-]{44}AzFu[\w-]{5}[AQgw]==`,
    [
      { text: 'x-functions-key: wtB8INs90oYhG-Xz32fFS3SoP3xFKIDGKsUoZ-WUPGGyAzFuswMBEA==', secret: 'wtB8INs90oYhG-Xz32fFS3SoP3xFKIDGKsUoZ-WUPGGyAzFuswMBEA==' },
      { text: 'https://app.azurewebsites.net/api/run?code=PiuFlfPLIUSNZHzeBjmQxNq9GegV1cnrLClNvltfoJMnAzFum8Tlbg==', secret: 'PiuFlfPLIUSNZHzeBjmQxNq9GegV1cnrLClNvltfoJMnAzFum8Tlbg==' },
    ],
    String.raw`\w=-`,
  ),
  identifiableKey('azure-search-key', 'AI Search admin or query', 'AzSe', `${B64}{42}AzSe[A-D]${B64}{5}`, [
    { text: 'primaryKey: TfZ7M2pBLcU5LCe2K+HEkpchlv6FfJEpgzbgD3JXiVAzSeBhx2ef', secret: 'TfZ7M2pBLcU5LCe2K+HEkpchlv6FfJEpgzbgD3JXiVAzSeBhx2ef' },
    { text: '"api-key": "0IWGBYQX/60zsOvPPo8Iq7tdQqyVr+ArQ7OmFehEWbAzSeDLnm8s"', secret: '0IWGBYQX/60zsOvPPo8Iq7tdQqyVr+ArQ7OmFehEWbAzSeDLnm8s' },
  ], B64_EDGE, []),
  identifiableKey('azure-service-bus-key', 'Service Bus shared access', '+ASb', `${B64}{33}\\+ASb[A-P]${B64}{5}=`, [
    { text: 'SERVICEBUS_KEY=RDN2uCktEzFDocElj7Az6YdOwMTviei0Y+ASbCNHlY5=', secret: 'RDN2uCktEzFDocElj7Az6YdOwMTviei0Y+ASbCNHlY5=' },
    { text: 'key: "DuLbsDVUOPV3/x3SYQYBLY9QLUOajuH69+ASbKu5ZBC="', secret: 'DuLbsDVUOPV3/x3SYQYBLY9QLUOajuH69+ASbKu5ZBC=' },
  ]),
  identifiableKey('azure-event-hubs-key', 'Event Hubs shared access', '+AEh', `${B64}{33}\\+AEh[A-P]${B64}{5}=`, [
    { text: 'EVENTHUB_KEY=tbAfMZh/7C+qbJTi34EnZ+0okzwwLLsGd+AEhFJyooA=', secret: 'tbAfMZh/7C+qbJTi34EnZ+0okzwwLLsGd+AEhFJyooA=' },
    { text: '"primaryKey": "TsXKc19R9w4tM3hQ02zK/3jkv7yJh044I+AEhMzI9vg="', secret: 'TsXKc19R9w4tM3hQ02zK/3jkv7yJh044I+AEhMzI9vg=' },
  ]),
  identifiableKey('azure-relay-key', 'Relay shared access', '+ARm', `${B64}{33}\\+ARm[A-P]${B64}{5}=`, [
    { text: 'RELAY_KEY=k2bY6v31pQYH0a16C3+dnIQnmiMth8vdK+ARmBFQDOJ=', secret: 'k2bY6v31pQYH0a16C3+dnIQnmiMth8vdK+ARmBFQDOJ=' },
    { text: 'relayKey: "Pu/rJGEHe81SnJ8AVEZT1flxnzKTH9BFN+ARmOCsVbA="', secret: 'Pu/rJGEHe81SnJ8AVEZT1flxnzKTH9BFN+ARmOCsVbA=' },
  ]),
  identifiableKey('azure-iot-key', 'IoT Hub, device or provisioning', 'AIoT', `${B64}{33}AIoT[A-P]${B64}{5}=`, [
    { text: 'IOTHUB_DEVICE_KEY=Jrd39737BKSgyD51GXNV5kezZugrzls96AIoTDNG9wE=', secret: 'Jrd39737BKSgyD51GXNV5kezZugrzls96AIoTDNG9wE=' },
    { text: '"symmetricKey": "JW0SkWvDfnCgmhQIGnUy51DzkMcWRDsouAIoTPr6/4J="', secret: 'JW0SkWvDfnCgmhQIGnUy51DzkMcWRDsouAIoTPr6/4J=' },
  ]),
  identifiableKey('azure-cache-for-redis-key', 'Cache for Redis access', 'AzCa', `${B64}{33}AzCa[A-P]${B64}{5}=`, [
    { text: 'REDIS_KEY=z8kHeelYrNYM+xGNW6Ip+AAcrmLVMCPRQAzCaEz4Ess=', secret: 'z8kHeelYrNYM+xGNW6Ip+AAcrmLVMCPRQAzCaEz4Ess=' },
    { text: 'redis.password: "AEdhGI7MjqlIlBhnw89FF0MUmRrxVI9/XAzCaJzctDG="', secret: 'AEdhGI7MjqlIlBhnw89FF0MUmRrxVI9/XAzCaJzctDG=' },
  ]),
  identifiableKey('azure-container-registry-key', 'Container Registry access', '+ACR', `${B64}{42}\\+ACR[A-D]${B64}{5}`, [
    { text: 'docker login myreg.azurecr.io -u myreg -p p0mEcwEpdfYJTDswNwyjWZrOHVKRWy0Sb7UUTzqaIw+ACRCG182A', secret: 'p0mEcwEpdfYJTDswNwyjWZrOHVKRWy0Sb7UUTzqaIw+ACRCG182A' },
    { text: 'ACR_PASSWORD=Rrk1tG4UhKELiJyABs589MpTU7O3QYccGpvHydlXQ2+ACRAbxPzl', secret: 'Rrk1tG4UhKELiJyABs589MpTU7O3QYccGpvHydlXQ2+ACRAbxPzl' },
  ], B64_EDGE, []),
  {
    ...azure,
    id: 'azure-annotated-security-key',
    formatSource: 'described',
    title: 'Azure common annotated security key (AI services, DevOps PAT and other newer keys)',
    severity: 'critical',
    regex: standalone('[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?', B64_EDGE),
    keywords: ['jqqj9'],
    entropy: 4,
    examples: {
      match: [
        { text: 'AZURE_OPENAI_API_KEY=YcfLLstAg9gqfDgL3HZ1iIXBpl22trECaBQw2RGCnzQvvqJSFE8BJQQJ99zCLBXGL0WIhA8gXEpJkyfwzcSR', secret: 'YcfLLstAg9gqfDgL3HZ1iIXBpl22trECaBQw2RGCnzQvvqJSFE8BJQQJ99zCLBXGL0WIhA8gXEpJkyfwzcSR' },
        { text: 'pat: "OBqtK1fQVKlWUi8QHfWepHOco67spCOGHZmP3xCpmIBHkM5UbpIDJQQJ9DxAhBoLeavG9CoeZMusZyrtcwlllT=="', secret: 'OBqtK1fQVKlWUi8QHfWepHOco67spCOGHZmP3xCpmIBHkM5UbpIDJQQJ9DxAhBoLeavG9CoeZMusZyrtcwlllT==' },
      ],
      noMatch: [
        { text: 'AZURE_OPENAI_API_KEY=YcfLLstAg9gqfDgL3HZ1iIXBpl22trECaBQw2RGCnzQvvqJSFE8BJQQJ99zCLBXGL0WIhA8gXEpJkyfwzc', firedBy: ['generic-secret-config'] },
        'key=YcfLLstAg9gqfDgL3HZ1iIXBpl22trECaBQw2RGCnzQvvqJSFE8BJQQJ88zCLBXGL0WIhA8gXEpJkyfwzcSR',
      ],
    },
  },
  {
    ...azure,
    id: 'azure-storage-connection-string-key',
    formatSource: 'described',
    title: 'Azure Storage or Cosmos DB account key in a connection string',
    severity: 'critical',
    regex: assignedToName(
      anyCaseOf('accountkey', 'account_key', 'storagekey', 'storage_key', 'storage-key', 'storage_account_key'),
      `${B64}{86}==`,
      B64_EDGE,
    ),
    keywords: ['accountkey', 'account_key', 'storagekey', 'storage_key', 'storage-key'],
    entropy: 4.5,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Wfk7BR6s+RBZl3BXIahsSYS4bDObCAID3lMq0MTTrqHEkJ2+LvlFtCsHm3turPYn9t+ddy1QjFgUljbllCdBbT==;EndpointSuffix=core.windows.net', secret: 'Wfk7BR6s+RBZl3BXIahsSYS4bDObCAID3lMq0MTTrqHEkJ2+LvlFtCsHm3turPYn9t+ddy1QjFgUljbllCdBbT==' },
        { text: 'AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=Uh7kQidCsc1VI6Ctq4PEy5R44R5cKRXIIZEMfCuIYBJLZIzIRDVlJzBpCFCtNBnKoqxvinh3ESMqjh8IERu7Rh==;', secret: 'Uh7kQidCsc1VI6Ctq4PEy5R44R5cKRXIIZEMfCuIYBJLZIzIRDVlJzBpCFCtNBnKoqxvinh3ESMqjh8IERu7Rh==' },
        { text: 'azure_storage_key: "Wfk7BR6s+RBZl3BXIahsSYS4bDObCAID3lMq0MTTrqHEkJ2+LvlFtCsHm3turPYn9t+ddy1QjFgUljbllCdBbT=="', secret: 'Wfk7BR6s+RBZl3BXIahsSYS4bDObCAID3lMq0MTTrqHEkJ2+LvlFtCsHm3turPYn9t+ddy1QjFgUljbllCdBbT==' },
      ],
      noMatch: [
        'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>',
        // Too short for a storage key; still a random value bound to a `<word>Key` name.
        { text: 'AccountKey=Wfk7BR6s+RBZl3BXIahsSYS4bDObCAID3lMq0MTTrqHEkJ2==', firedBy: ['generic-camel-key-config'] },
        'AccountKey=${STORAGE_KEY}',
      ],
    },
  },
  {
    ...azure,
    id: 'azure-shared-access-key',
    formatSource: 'described',
    title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key in a connection string',
    severity: 'critical',
    regex: `${anyCase('SharedAccessKey')}[ \\t]{0,2}=[ \\t]{0,2}(?<secret>${B64}{43}=)(?![\\w+/=])`,
    keywords: ['sharedaccesskey'],
    entropy: 4,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=I2fDVdj3UfkBLQq8GQ2ynCpQnB133SNuj4VookMgNVi=', secret: 'I2fDVdj3UfkBLQq8GQ2ynCpQnB133SNuj4VookMgNVi=' },
        { text: 'HostName=acme.azure-devices.net;DeviceId=dev1;SharedAccessKey=PLzTo8jt0Xn7oLuQVw27pXzPOzOJ3qowNgD0PFi7+zK=', secret: 'PLzTo8jt0Xn7oLuQVw27pXzPOzOJ3qowNgD0PFi7+zK=' },
      ],
      noMatch: [
        'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
        { text: 'SharedAccessKey=I2fDVdj3UfkBLQq8GQ2ynCpQnB13=', firedBy: ['generic-secret-config'] },
      ],
    },
  },
  {
    ...azure,
    id: 'azure-sas-token',
    formatSource: 'described',
    title: 'Azure shared access signature (SAS) token',
    severity: 'high',
    regex: String.raw`\bsv=\d{4}-\d{2}-\d{2}(?:&[a-z]{1,6}=[^&\s"'<>]{0,120}){0,12}&sig=(?<secret>[A-Za-z0-9%+/]{40,100}(?:%3[dD]|=)?)(?![A-Za-z0-9%+/=])`,
    keywords: ['sig='],
    entropy: 4,
    examples: {
      match: [
        { text: 'https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=lCyyTwXRbhhNKtmxqiPd8xRctKfIPGbt3dXaEL46cbx%3D', secret: 'lCyyTwXRbhhNKtmxqiPd8xRctKfIPGbt3dXaEL46cbx%3D' },
        { text: 'SAS_TOKEN="sv=2021-06-08&sr=c&sp=racwdl&se=2031-05-01&sig=BdtBFJ7jPFvVbPtJabeUuly83yK1OOs3JIR1s+fH/5t="', secret: 'BdtBFJ7jPFvVbPtJabeUuly83yK1OOs3JIR1s+fH/5t=' },
      ],
      noMatch: ['?sv=2022-11-02&ss=b&sp=r&sig=<signature>', 'https://x.blob.core.windows.net/c?sv=2022-11-02&sig=${SAS_SIG}'],
    },
  },
  {
    ...azure,
    id: 'azure-app-configuration-connection-string',
    formatSource: 'described',
    title: 'Azure App Configuration connection string secret',
    severity: 'high',
    regex: String.raw`\.azconfig\.io;Id=[^;\s"']{1,80};Secret=(?<secret>[A-Za-z0-9+/]{43}=)(?![\w+/=])`,
    keywords: ['azconfig.io'],
    entropy: 4,
    examples: {
      match: [
        { text: 'APP_CONFIG=Endpoint=https://acme.azconfig.io;Id=Ab12-l9-s0:Xy/z;Secret=nw68iGxDfgxqFBOvmcpiyztpXNyrJ6TBpPZsf4VDJ10=', secret: 'nw68iGxDfgxqFBOvmcpiyztpXNyrJ6TBpPZsf4VDJ10=' },
        { text: '"AppConfig": "Endpoint=https://cfg.azconfig.io;Id=1a2b-c3-s0:QwErTy;Secret=z/ozENjyMGgKl9nDrqL5UoM/V4Ng+lswcPjoPM/AFwk="', secret: 'z/ozENjyMGgKl9nDrqL5UoM/V4Ng+lswcPjoPM/AFwk=' },
      ],
      noMatch: ['Endpoint=https://acme.azconfig.io;Id=xxx;Secret=<secret>', 'Endpoint=https://acme.azconfig.io'],
    },
  },
  {
    ...azure,
    id: 'azure-signalr-connection-string',
    formatSource: 'described',
    title: 'Azure SignalR connection string access key',
    severity: 'high',
    regex: String.raw`\.service\.signalr\.net;AccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![\w+/=])`,
    keywords: ['signalr.net'],
    entropy: 4,
    examples: {
      match: [
        { text: 'Azure__SignalR__ConnectionString=Endpoint=https://acme.service.signalr.net;AccessKey=I2fDVdj3UfkBLQq8GQ2ynCpQnB133SNuj4VookMgNVi=;Version=1.0;', secret: 'I2fDVdj3UfkBLQq8GQ2ynCpQnB133SNuj4VookMgNVi=' },
        { text: '"Endpoint=https://chat.service.signalr.net;AccessKey=PLzTo8jt0Xn7oLuQVw27pXzPOzOJ3qowNgD0PFi7+zK=;Version=1.0;"', secret: 'PLzTo8jt0Xn7oLuQVw27pXzPOzOJ3qowNgD0PFi7+zK=' },
      ],
      noMatch: ['Endpoint=https://acme.service.signalr.net;AccessKey=<key>;Version=1.0;', 'Endpoint=https://acme.service.signalr.net;AuthType=azure.msi'],
    },
  },
  {
    ...azure,
    id: 'azure-devops-pat',
    formatSource: 'described',
    title: 'Azure DevOps personal access token (52-character format)',
    severity: 'critical',
    rotateUrl: 'https://dev.azure.com/',
    regex: assignedToName(anyCaseOf('azure_devops', 'azuredevops', 'azure-devops', 'ado_pat', 'ado_token', 'azdo', 'vsts'), '[a-z2-7]{52}'),
    keywords: ['azure_devops', 'azuredevops', 'azure-devops', 'ado_pat', 'ado_token', 'azdo', 'vsts'],
    entropy: 3.8,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'AZURE_DEVOPS_PAT=qzbxcojqgi52uzkfhng2qdsz5wugrfkqtgmuq5iua3jrlpx4s3ps', secret: 'qzbxcojqgi52uzkfhng2qdsz5wugrfkqtgmuq5iua3jrlpx4s3ps' },
        { text: 'vsts_token: "yjbvq6m6o7jws7yco5zn44xollbfmxb7mdzvxlwv7i6z4enixvzk"', secret: 'yjbvq6m6o7jws7yco5zn44xollbfmxb7mdzvxlwv7i6z4enixvzk' },
      ],
      noMatch: ['AZURE_DEVOPS_PAT=$(System.AccessToken)', 'AZURE_DEVOPS_PAT=qzbxcojqgi52uzkfhng2qdsz5wugrfkqtgmuq5iua3jrlpx4s3psab'],
    },
  },
  {
    ...azure,
    id: 'azure-openai-api-key',
    formatSource: 'described',
    title: 'Azure OpenAI / AI services API key (32-character format)',
    severity: 'high',
    family: 'ai',
    regex: assignedToName(anyCaseOf('azure_openai', 'azureopenai', 'azure-openai', 'aoai', 'cognitive_services', 'cognitiveservices'), '[a-f0-9]{32}'),
    keywords: ['azure_openai', 'azureopenai', 'azure-openai', 'aoai', 'cognitive_services', 'cognitiveservices'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: 'AZURE_OPENAI_API_KEY=220505acf717ad8cc2316340ee1b73be', secret: '220505acf717ad8cc2316340ee1b73be' },
        { text: '"azureOpenAiKey": "cac7bea7fc819bc0a830d67d5005f562"', secret: 'cac7bea7fc819bc0a830d67d5005f562' },
      ],
      noMatch: ['AZURE_OPENAI_API_KEY=00000000000000000000000000000000', 'AZURE_OPENAI_ENDPOINT=https://acme.openai.azure.com/'],
    },
  },
  {
    ...azure,
    id: 'azure-apim-subscription-key-header',
    formatSource: 'described',
    title: 'Azure API Management subscription key sent as a header',
    severity: 'high',
    regex: assignedToName(anyCase('Ocp-Apim-Subscription-Key'), '[a-f0-9]{32}'),
    keywords: ['ocp-apim-subscription-key'],
    entropy: 3,
    allow: PLACEHOLDERS,
    examples: {
      match: [
        { text: "headers: { 'Ocp-Apim-Subscription-Key': '69d4fa34ecb4bf00aa3dc7084872e23f' }", secret: '69d4fa34ecb4bf00aa3dc7084872e23f' },
        { text: 'curl -H "Ocp-Apim-Subscription-Key: a48f21f42888ec0c7718efdcea862796" https://api.example.net', secret: 'a48f21f42888ec0c7718efdcea862796' },
      ],
      noMatch: ["headers: { 'Ocp-Apim-Subscription-Key': process.env.APIM_KEY }", 'Ocp-Apim-Subscription-Key: {subscription key}'],
    },
  },
  {
    ...azure,
    id: 'azure-data-factory-shir-key',
    formatSource: 'described',
    title: 'Azure Data Factory self-hosted integration runtime key',
    severity: 'high',
    regex: standalone(String.raw`IR@[0-9a-zA-Z-]{36}@[\w.-]{1,100}@[\w-]{1,40}@[A-Za-z0-9+/]{43}=`, B64_EDGE),
    keywords: ['ir@'],
    examples: {
      match: [
        { text: 'AUTH_KEY=IR@4f1a9c27-90de-4b3a-8e55-0c7d2b1f6a93@adf-acme-001@we@nw68iGxDfgxqFBOvmcpiyztpXNyrJ6TBpPZsf4VDJ10=', secret: 'IR@4f1a9c27-90de-4b3a-8e55-0c7d2b1f6a93@adf-acme-001@we@nw68iGxDfgxqFBOvmcpiyztpXNyrJ6TBpPZsf4VDJ10=' },
        { text: 'dmgcmd -Key "IR@0b9e3f7a-21c4-4d58-a6e9-f0c1b2d3e4f5@adf-etl@eu@z/ozENjyMGgKl9nDrqL5UoM/V4Ng+lswcPjoPM/AFwk="', secret: 'IR@0b9e3f7a-21c4-4d58-a6e9-f0c1b2d3e4f5@adf-etl@eu@z/ozENjyMGgKl9nDrqL5UoM/V4Ng+lswcPjoPM/AFwk=' },
      ],
      noMatch: ['Key: IR@<guid>@<factory>@<region>@<key>', 'IR@4f1a9c27-90de-4b3a-8e55-0c7d2b1f6a93@adf-acme-001'],
    },
  },
  {
    ...azure,
    id: 'azure-apim-git-credential',
    formatSource: 'described',
    title: 'Azure API Management git repository password',
    severity: 'high',
    // The password the portal and `listTenantAccessGitSecrets` hand out for the configuration
    // repository: `git&<expiry yyyyMMddHHmm>&<base64 HMAC-SHA512>`.
    regex: String.raw`(?<![\w&])git&\d{12}&(?<secret>${B64}{86}==)(?![${B64_EDGE}])`,
    keywords: ['git&'],
    entropy: 4,
    examples: {
      match: [
        { text: 'APIM_GIT_PASSWORD=git&202611301800&c92P2+zHd3OC2pYwL82DeaGdyy8Yck0kF4nP47GiCpj7ZfZzp72dpiifA9SHEA8JMOE9mQfHdlNwl9cyhDujSw==', secret: 'c92P2+zHd3OC2pYwL82DeaGdyy8Yck0kF4nP47GiCpj7ZfZzp72dpiifA9SHEA8JMOE9mQfHdlNwl9cyhDujSw==' },
        { text: 'git clone "https://apim:git&202701151230&fwGpFXWnR2j/jf7u1xW1QVDCOoNJBxGQxBtmG9hKYhH1BNivADY17ekNeGD6tWVrEpChMsesRVYWT1UD9mjC7A==@contoso.scm.azure-api.net/"', secret: 'fwGpFXWnR2j/jf7u1xW1QVDCOoNJBxGQxBtmG9hKYhH1BNivADY17ekNeGD6tWVrEpChMsesRVYWT1UD9mjC7A==' },
      ],
      noMatch: ['password: git&<expiry>&<signature>', 'git&202611301800&c92P2+zHd3OC2pYwL82DeaGdyy8Yck0kF4nP47'],
    },
  },
];
