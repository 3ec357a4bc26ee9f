import type { SecretRule } from '../rule.js';

// Characters of a URL's user and password parts: an unencoded `@`, `/`, `:` or quote ends them.
const USER = `[^\\s:@/?#'"\`<>]{0,128}`;
const PASSWORD = `[^\\s:@/?#'"\`<>]{3,256}`;

/** Passwords that are stand-ins or well-known local defaults, not secrets. */
const STAND_INS = [
  '^(?:pass(?:word|wd)?|pwd|secret|root|admin|guest|user|username|test|anonymous|postgres|mysql|redis|rabbitmq|mongo|sa|dbpass|dbpassword|pw)$',
  '^[$%{&]',
  'pass(?:word|wd)',
  // Counting runs, the filler of documentation samples.
  '0123456789|abcdefghij',
];

const DATABASE_SCHEMES = [
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver',
  'clickhouse', 'cockroachdb', 'neo4j', 'bolt', 'couchbase', 'cassandra', 'oracle', 'nats', 'memcached', 'db2',
];

export const rules: SecretRule[] = [
  {
    id: 'database-connection-string',
    shape: 'password',
    formatSource: 'specified',
    confidence: 'medium',
    title: 'Database or message-broker connection string with a password',
    severity: 'critical',
    family: 'connection-string',
    regex: `(?<![\\w+.-])(?:jdbc:)?(?:${DATABASE_SCHEMES.join('|')}|mongodb\\+srv|neo4j\\+s)(?:\\+[a-z0-9]{1,20})?://${USER}:(?<secret>${PASSWORD})@[\\w.\\[\\]-]{1,253}`,
    flags: 'i',
    keywords: DATABASE_SCHEMES,
    allow: STAND_INS,
    examples: {
      match: [
        { text: 'DATABASE_URL=postgres://app:Vq8r2LmZ4tW9@db.internal:5432/app', secret: 'Vq8r2LmZ4tW9' },
        { text: 'const uri = "mongodb+srv://svc-reporting:tQ7pX2vL9kN4mR8s@cluster0.ab1cd.mongodb.net/prod";', secret: 'tQ7pX2vL9kN4mR8s' },
        { text: 'redis_url: rediss://:h7Gm2KqP9xWz@cache.prod.internal:6380/0', secret: 'h7Gm2KqP9xWz' },
        { text: 'engine = create_engine("postgresql+psycopg2://etl:Zr4!kP9qW2@warehouse:5432/dw")', secret: 'Zr4!kP9qW2' },
        { text: 'AMQP_URL=amqp://orders:Lw3Nb8Qy5Tz1@rabbit.svc:5672/%2f', secret: 'Lw3Nb8Qy5Tz1' },
        { text: 'jdbc:mysql://reporter:Gk5Hq2Wn8Mz3@10.0.4.12:3306/sales', secret: 'Gk5Hq2Wn8Mz3' },
      ],
      noMatch: [
        'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
        'url: mysql://user:password@localhost/db',
        'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379',
        'mongodb://db.internal:27017/app',
        'amqp://guest:guest@localhost:5672/',
      ],
    },
  },
  {
    id: 'url-credentials',
    shape: 'password',
    formatSource: 'specified',
    confidence: 'medium',
    title: 'Credentials in a URL (scheme://user:password@host)',
    severity: 'high',
    family: 'connection-string',
    // Anchored on the literal `://`, not on the scheme, so the regex engine skips to it.
    // Hosts reserved for documentation (example.com, .invalid, .test) hold no real account.
    regex: `://(?<user>[^\\s:@/?#'"\`<>$%{]{1,128}):(?<secret>${PASSWORD})@(?!(?:[a-z0-9-]{1,63}\\.){0,10}(?:example\\.(?:com|org|net)|[a-z0-9-]{1,63}\\.(?:invalid|test|example))(?![a-z0-9.-]))(?:[a-z0-9-]{1,63}\\.){0,10}[a-z0-9-]{1,63}(?=[:/?#'"\`\\s]|$)`,
    flags: 'i',
    keywords: ['://'],
    entropy: 2.0,
    // Also escape sequences (`pa\\uD7FFss`): a test of a URL parser, not an account.
    allow: [...STAND_INS, '^(?:x-oauth-basic|x-access-token|oauth2|token|\\d{1,5})$', '\\\\(?:u[0-9a-f]{4}|x[0-9a-f]{2})'],
    examples: {
      match: [
        { text: 'git clone https://deploy:Xk29vLq8Rt3Wz@git.corp.internal/platform/api.git', secret: 'Xk29vLq8Rt3Wz' },
        { text: 'proxy = "http://svc_proxy:N4bq7Tr2Mk9@proxy.corp.lan:3128"', secret: 'N4bq7Tr2Mk9' },
        { text: 'ftp://backup:Pq9Wm3Zk7Ly2@files.internal/nightly', secret: 'Pq9Wm3Zk7Ly2' },
      ],
      noMatch: [
        "t.equal(serialize(c), 'uri://us\\xA0er:pa\\uD7FFss@parser.internal:123/one')",
        'ftp://backup:Pq9Wm3Zk7Ly2@files.example.com/nightly',
        'https://user:password@host.invalid/path',
        'git clone https://github.com/org/repo.git',
        'http://localhost:8080/api',
        'https://${USER}:${TOKEN}@registry.internal/',
      ],
    },
  },
];
