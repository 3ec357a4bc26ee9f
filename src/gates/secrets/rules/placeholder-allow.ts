/**
 * The stopword filter of the generic assignment rules (case-insensitive regexes on the value).
 * A generic rule has only a variable name to go on, so anything that reads as a reference,
 * a word, a path or a stand-in is not reported.
 */
export const GENERIC_ALLOW: string[] = [
  // References to the environment, config or other variables instead of a value.
  '^(?:process\\.env|import\\.meta\\.env|os\\.environ|os\\.getenv|getenv|env\\.|env\\[|system\\.getenv|settings\\.|config\\.|self\\.|this\\.|props\\.|args\\.|params\\.|secrets\\.|vars\\.)',
  // $VAR ${VAR} $(cmd), %VAR%, YAML anchors/aliases/tags, @annotations, CSS colours and ids, ?sentinels.
  '^\\$[({A-Za-z_]|^%[A-Za-z_]\\w*%|^[&*][A-Za-z_][\\w-]*$|^![A-Za-z]|^@[A-Za-z_]|^#(?:[0-9a-f]{3,8}|[a-z][\\w-]*)$|^\\?[A-Z]',
  // A member path (`config.auth.token`): identifiers people name, each well under 40 characters.
  // A dot-separated value with a 40+ character random segment is a token (Mapbox's `pk.<…>.<…>`).
  '^[A-Za-z_$][\\w$]{0,39}(?:\\.[A-Za-z_$][\\w$]{0,39})+$',
  // A JWT is the jwt rule's to judge (its header and claims decode; jwt.io's sample is none).
  '^eyJ[A-Za-z0-9_-]{0,4096}\\.eyJ[A-Za-z0-9_-]{0,8192}\\.[A-Za-z0-9_-]{0,4096}$',
  // Base64 of JSON (`eyJ…`, a JWT or an encoded config) holds only base64 and base64url characters
  // and `.`: a `^`, `$`, `&` or `#` in it was typed in, an edited copy.
  '^eyJ[A-Za-z0-9_=.+/-]{0,4096}[^A-Za-z0-9_=.+/-]',
  // Literals that are no credential.
  '^(?:null|nil|none|undefined|true|false|yes|no|on|off|empty|required|optional|hidden|str|string|bool|int|number|object|any|unknown|bytes|secretstr)$',
  '^(?:\\d+|v?\\d+(?:\\.\\d+){1,3}(?:-[\\w.]+)?|\\d{4}-\\d{2}-\\d{2}[\\w:.+-]*)$',
  // Test doubles and stand-ins, anywhere in the value.
  'test|fake|mock|dummy|sample|stub|fixture|token|personal|0{6,}|lorem|ipsum|foobar|^(?:foo|bar|baz|qux|abc|asdf|qwerty|hunter2|admin|root|letmein)|pass(?:word|wd)|^(?:my|super|top|very)[_-]?secret|^secret[_-]?(?:key|token|value|here|\\d{1,6})?$|not[_-]?(?:a[_-]?)?(?:real|secret|valid)|invalid|^0+$|^(?:1234567?8?9?0?|abcdef)',
  // Counting runs, the filler of documentation samples (random tokens do not hold ten in a row).
  '0123456789|abcdefghij',
  // Paths, file names and URLs without credentials.
  '^(?:\\.{0,2}/|~/|[a-z]:\\\\)',
  // Each segment a name: a 100-character run after `v2/` is a token's body (an OAuth token's version prefix), no file.
  '^(?:[a-z0-9_.-]{1,64}/)+[a-z0-9_.-]{0,64}$',
  '\\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|js|ts|py|rb|go|sh|html?)$',
  '^[a-z][a-z0-9+.-]*://[^@]*$',
  // A named argument's or map's next key (`credentialsId:`), not a value.
  '^[A-Za-z_][\\w-]*:$',
  // A package or artifact coordinate, words ending in a version (`jjwt-jackson-0.11.2`, `lodash@4.17.21`):
  // generated tokens do not end in a dotted version number.
  '^[a-z][a-z0-9]*(?:[._:-][a-z][a-z0-9]*)*[-_@:]v?\\d+(?:\\.\\d+){1,3}$',
  // Format strings and masks.
  '%[sdvq](?![a-z0-9])|\\{\\d*\\}|^[#*•x.-]+$',
];

/**
 * Word shapes, matched case-sensitively (under the `allow` lists' caseless matching they would
 * take every all-letter token, `qWfrTbNzKeLmPoXa` too): labels, type names, i18n
 * strings, CONSTANT_NAMES, and a bare prefix with a trailing separator (`django-insecure-`).
 */
export const GENERIC_ALLOW_CASED: string[] = [
  '^[a-z]+(?:[_.:-][a-z]+)*[_.:-]?$',
  '^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*[0-9]{0,2}$',
  '^[A-Z]+(?:[_.:-][A-Z]+)*$',
  // CONSTANT_NAMES with a number in a word or as a word (`EC2_INSTANCE_ARN`, `RSA_OAEP_SHA_256`): enum values.
  '^[A-Z]+[0-9]*(?:_(?:[A-Z]+[0-9]*|[0-9]+))+$',
  '^[A-Z][a-z]+(?:[_.:-][A-Z]?[a-z]+)*$',
  // PascalCase with acronyms and single digits: DBEngineVersions, Ipv6Pools, S3StagingLocation.
  // A random token has lone lower-case letters between capitals (qWfrTbNz), so it is no such word.
  // Each lower-case run is maximal ((?![a-z])), so a string splits into words one way only:
  // no backtracking blow-up on a long run that fails at its end. Without a capital the value
  // holds at most two digits (`ipv6pools`, `ec2instance`): a random lower-case base36 token
  // (`k4wq9zt2mx`) splits into letter runs at its digits too, one 16-character token in seven.
  '^(?=.{0,1024}[A-Z]|\\D*(?:\\d\\D*){0,2}$)[A-Z]{0,6}[0-9]?(?:[A-Z]{0,6}[a-z]{2,}(?![a-z])[0-9]?)+[A-Z]{0,6}$',
];
