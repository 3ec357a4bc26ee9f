// The assignment grammar's own table: one line per language or format where secrets are
// written, each with the file it is scanned as and the exact secret the catalogue must report
// (test/secrets/grammar.test.ts). Every value is a made-up random string. `provider` lines
// bind a made-up provider's 32-character key (`acme`) the way provider rules read keyword
// context; the rest are found by the generic rules.

export interface GrammarExample {
  /** Language or format, and the shape: what a failure names. */
  shape: string;
  path: string;
  text: string;
  secret: string;
}

export const GRAMMAR_EXAMPLES: GrammarExample[] = [
  // Code
  { shape: 'JavaScript const', path: 'src/client.js', text: 'const apiToken = "hjRzfFQUdXcky34xCOeEGSm4";', secret: 'hjRzfFQUdXcky34xCOeEGSm4' },
  { shape: 'TypeScript typed field', path: 'src/client.ts', text: "private readonly clientSecret: string = 'RZRwESuLpuJsNV0dJEpU3KaG';", secret: 'RZRwESuLpuJsNV0dJEpU3KaG' },
  { shape: 'JavaScript object key', path: 'src/config.mjs', text: "export default { auth: { apiKey: 'lzgIzPJezqs1UkRwYZEAb7zB' } };", secret: 'lzgIzPJezqs1UkRwYZEAb7zB' },
  { shape: 'JS headers.set', path: 'src/fetch.ts', text: 'headers.set("X-Api-Key", "lyubcS1ZIlqbWQkEvjizvZnZ");', secret: 'lyubcS1ZIlqbWQkEvjizvZnZ' },
  { shape: 'Python annotated', path: 'app/settings.py', text: 'API_KEY: str = "49ZExZRdenHO7HaNY3bIxF22"', secret: '49ZExZRdenHO7HaNY3bIxF22' },
  { shape: 'Python os.environ item', path: 'app/boot.py', text: 'os.environ["SERVICE_TOKEN"] = "J2KcCZCwmIwW4DFpqV67IqWI"', secret: 'J2KcCZCwmIwW4DFpqV67IqWI' },
  { shape: 'Python keyword argument', path: 'app/client.py', text: 'client = Client(api_key="zvEOuSGn4cnRxKXNxffYGcEzK", timeout=3)', secret: 'zvEOuSGn4cnRxKXNxffYGcEzK' },
  { shape: 'Python bytes literal', path: 'app/sign.py', text: "SIGNING_KEY = b'zz3TrbXt3zPRSx3iXvJUwO0H'", secret: 'zz3TrbXt3zPRSx3iXvJUwO0H' },
  { shape: 'Go var with type', path: 'cmd/main.go', text: 'var serviceToken string = "KQHZbY6L8uWO71dtd0FiuZPM"', secret: 'KQHZbY6L8uWO71dtd0FiuZPM' },
  { shape: 'Go short declaration', path: 'cmd/main.go', text: 'authToken := "vSeqfIz3hHypcSd3ujoNDmxH"', secret: 'vSeqfIz3hHypcSd3ujoNDmxH' },
  { shape: 'Go raw string', path: 'cmd/main.go', text: 'const webhookSecret = `WNFWlj04pwyNn4V1eqDQlZOG`', secret: 'WNFWlj04pwyNn4V1eqDQlZOG' },
  { shape: 'Java System.setProperty', path: 'src/Main.java', text: 'System.setProperty("PAYMENTS_TOKEN", "OjjfEOaDi43XKAHW2Rby2Qaq");', secret: 'OjjfEOaDi43XKAHW2Rby2Qaq' },
  { shape: 'Java map put', path: 'src/Config.java', text: 'props.put("apiKey", "Ndro78hAvWG3Qe9vdk70zzjG");', secret: 'Ndro78hAvWG3Qe9vdk70zzjG' },
  { shape: 'Java builder withToken', path: 'src/Client.java', text: 'Client c = Client.builder().withToken("kLLQFrdKa7Vk6Czz6ZcDVaPU").build();', secret: 'kLLQFrdKa7Vk6Czz6ZcDVaPU' },
  { shape: 'Kotlin val', path: 'src/Main.kt', text: 'val deployToken = "B6Yf1LDizxPQWF4iL4oQjXrm"', secret: 'B6Yf1LDizxPQWF4iL4oQjXrm' },
  { shape: 'Kotlin typed var', path: 'src/Main.kt', text: 'var accessKey: String = "tb1tBpkoaPkgjA7Kdts1V0JA"', secret: 'tb1tBpkoaPkgjA7Kdts1V0JA' },
  { shape: 'C# const', path: 'src/Program.cs', text: 'private const string ApiSecret = "BxUCd0FTsOHCMl2phMBVwTCw";', secret: 'BxUCd0FTsOHCMl2phMBVwTCw' },
  { shape: 'PHP variable', path: 'public/index.php', text: "$sonarToken = 'FN7E87wWq4X9hCFWSQRBOZ2H';", secret: 'FN7E87wWq4X9hCFWSQRBOZ2H' },
  { shape: 'PHP .= concatenation', path: 'public/index.php', text: '$config["api_key"] .= "HrxtqGfO3JZ58F2gd6R2HlBz";', secret: 'HrxtqGfO3JZ58F2gd6R2HlBz' },
  { shape: 'PHP define', path: 'config.php', text: "define('API_SECRET', 'a3iNxZk4NJ8oeFT7uuy8OUbt');", secret: 'a3iNxZk4NJ8oeFT7uuy8OUbt' },
  { shape: 'Ruby hash rocket', path: 'config/app.rb', text: 'client = Api.new(:auth_token => "t9kH8E4AEr7zKB1DZlA1eecC")', secret: 't9kH8E4AEr7zKB1DZlA1eecC' },
  { shape: 'Ruby attribute', path: 'config/app.rb', text: "config.api_key = '9EdCS9JI2PYXlKLjPdkcsRj5'", secret: '9EdCS9JI2PYXlKLjPdkcsRj5' },
  { shape: 'Rust let with type', path: 'src/main.rs', text: 'let api_token: &str = "ZPPTHG0vUb3fHu0Ip3feElJD";', secret: 'ZPPTHG0vUb3fHu0Ip3feElJD' },
  { shape: 'shell export', path: 'deploy.sh', text: 'export SERVICE_TOKEN="To2LMcKZruahTBw54bP5a4Lk"', secret: 'To2LMcKZruahTBw54bP5a4Lk' },
  { shape: 'JavaScript const wrapped onto the next line', path: 'src/scrape.js', text: 'const crawlerApiKey =\n  "Gx7Lq2Wz9Rk4Vn8Tb3Hs6Pd1Mc5Jf0Ya";', secret: 'Gx7Lq2Wz9Rk4Vn8Tb3Hs6Pd1Mc5Jf0Ya' },
  // A value past the 1,024 characters read: reported by its start, not let through.
  { shape: 'a 1,400-character quoted token', path: 'notes/creds.txt', text: "oauth_token = 'kQX0O4Ml2-8DWrbnJDYxA7FkfF35QPyAD8VqqtT_pcIur8IWEiO6lialUhGTkVsxSdXmSp3-Ul7x-_rX1hR5nW1LDVQsdtaPygKEDdXpLZHZDTPq730l73d3CFxs6Gg2nMqC5hFtim5j8kgNWbC3W9d3JpwSpvRzYnmODKSJ0XNy0WyTv0y0-STF8o5pX3YrEgjqwOivw3f9mAlC51IgdjGFN90w5vdezLx4akFqocMreqP0v6OxsZWpoMuoQkFFwAHLMplMQcsVlHMG5CE-nTKMmAlnD5wRdc6iwkk8MvJqoWovFtgzteRTAhnjZH1N--xEl0Fk8itSmTI12AmtMIN64QC-BPYWwF-020Xfimuj1622Fp3W3UOSiAfXOAwPwZxiZVr0nPjrnAbZus0EzZk7gvSyvaIlVl-C_tUjfzFtooY2tpWEwmBuTwyw5Zk0VOX4tNtYnmeVE1thh8n8dclQdVyTlKn7TUmkQ0sDcnLYCFc2jz2N-5g4c934fa-SXKEb2c7mX6UZJxq1yCU2VvpnvatjyxnrbCq2yPE1Mv0zT6F9olnG-q95ojPqTjwY_w-phRflksi99-PS-VcObricY-GM03I-O9qDAx6-PtU2aMJV0ZL4yrZRM4jF25-95k2PXhuoPDt-tg7JnKqdVLI5K0GOwLn5UFv6-auA1p6ip_NWjZdhc6Vz13m291EGImSSyMwEYA74ybViudPcX4zwj9SveZgulihCaQs_Piun6V6QZ5RrkEqiefLNdARHqUlEjp-FpcX78BoQ4MPzRJBsBiyDPA_E-WHV0p5Z3wj_OEwzZ42wXFLKEKa0kIiVSd6PYoSLq1LD77Ws-3PraAqxSyBlxPrYtAZg2pIaiCUHAUZW56hRCCZ2I1utkamV38yyv9TLq1cV58Lxsh-qxdqsz9ZT8anmKreHfqSkhgJpluvQKlN9oI3ytLAbBpH6xRUBCBZkd6woOn_sEodw1tIEqwLjCO4f3zI4shLJRsC0MG7cUvc0kuKw2C3l4ESVzYRXqfVAuNIrYtwtrp7DxbphfK71fXq0i9XFVtSRz6Lay3G-h_yCBvc1E2ganXJgpl4sSb69t5mguXq9elKdsu8aGwZwaw4zw4GD13rWOre_tvK48t_YZOmlIZiVOd3UBB1cYoYqa1TGw1AmO38XsE2FUQ8EpaMKTlBcnW_d9kQ1C60fxakbEQ33AZ-Zxvc05CNiuHvhoCCN9PAp6Ic6J3td4ROwv99-afc7-uTbxHROu9TYGWA7mLuJjc4oyAw-OGIWVxQyULAoqvncAL_y4juw80TBPQ-2v_c4e-Vtfv-rh0cnFkPli7EG9SpoyyynC9lLPyCbo6rcF1lSEcgrF6E5VxO-N9F-2iHXVUUlOaBkxTVXTHatH_m0'", secret: 'kQX0O4Ml2-8DWrbnJDYxA7FkfF35QPyAD8VqqtT_pcIur8IWEiO6lialUhGTkVsxSdXmSp3-Ul7x-_rX1hR5nW1LDVQsdtaPygKEDdXpLZHZDTPq730l73d3CFxs6Gg2nMqC5hFtim5j8kgNWbC3W9d3JpwSpvRzYnmODKSJ0XNy0WyTv0y0-STF8o5pX3YrEgjqwOivw3f9mAlC51IgdjGFN90w5vdezLx4akFqocMreqP0v6OxsZWpoMuoQkFFwAHLMplMQcsVlHMG5CE-nTKMmAlnD5wRdc6iwkk8MvJqoWovFtgzteRTAhnjZH1N--xEl0Fk8itSmTI12AmtMIN64QC-BPYWwF-020Xfimuj1622Fp3W3UOSiAfXOAwPwZxiZVr0nPjrnAbZus0EzZk7gvSyvaIlVl-C_tUjfzFtooY2tpWEwmBuTwyw5Zk0VOX4tNtYnmeVE1thh8n8dclQdVyTlKn7TUmkQ0sDcnLYCFc2jz2N-5g4c934fa-SXKEb2c7mX6UZJxq1yCU2VvpnvatjyxnrbCq2yPE1Mv0zT6F9olnG-q95ojPqTjwY_w-phRflksi99-PS-VcObricY-GM03I-O9qDAx6-PtU2aMJV0ZL4yrZRM4jF25-95k2PXhuoPDt-tg7JnKqdVLI5K0GOwLn5UFv6-auA1p6ip_NWjZdhc6Vz13m291EGImSSyMwEYA74ybViudPcX4zwj9SveZgulihCaQs_Piun6V6QZ5RrkEqiefLNdARHqUlEjp-FpcX78BoQ4MPzRJBsBiyDPA_E-WHV0p5Z3wj_OEwzZ42wXFLKEKa0kIiVSd6PYoSLq1LD77Ws-3PraAqxSyBlxPrYtAZg2pIaiCUHAUZW56hRCCZ2I1utkamV38yyv9TLq1cV58Lxsh-qxdqsz9ZT8anmKreHfqSkhgJpluvQKlN9oI3ytLAbBpH6xRUBCBZkd6woOn_sEodw1tIEqwLjCO4f3zI4shLJRsC0MG7cUvc0kuKw2C3l4ESV' },
  // Config
  { shape: '.env', path: '.env', text: 'SERVICE_API_KEY=dnqnIWkW1VR2rEelwloqxKLV', secret: 'dnqnIWkW1VR2rEelwloqxKLV' },
  { shape: 'YAML', path: 'config/app.yml', text: 'auth:\n  client_secret: 4bLYouq0dwCMfMFHQsVAyxQH', secret: '4bLYouq0dwCMfMFHQsVAyxQH' },
  { shape: 'JSON', path: 'config.json', text: '{ "apiToken": "1OlvoxAqh4TyLBZbuTKHaZ8e" }', secret: '1OlvoxAqh4TyLBZbuTKHaZ8e' },
  { shape: 'JSON string holding a .env', path: 'bundle.json', text: '{"files": {"app.env": "DEBUG=0\\nAPP_SECRET=pMk1b0gwGE8KzN4b2wSrLLIY\\nPORT=80"}}', secret: 'pMk1b0gwGE8KzN4b2wSrLLIY' },
  { shape: 'JSON written in a string', path: 'src/fixture.js', text: 'const body = "{\\"user\\":\\"ci\\",\\"authToken\\":\\"Vq3Lm8Xk2Tz7Rb4Wn9Hc6Pd1\\"}";', secret: 'Vq3Lm8Xk2Tz7Rb4Wn9Hc6Pd1' },
  { shape: 'JSON in a string inside a TOML string', path: 'config.toml', text: 'environment = ["APP_CONFIG={\\\\\\"client_secret\\\\\\":\\\\\\"Jk4Wq9Lz2Xv7Mb3Rt8Nc5Hp1\\\\\\"}"]', secret: 'Jk4Wq9Lz2Xv7Mb3Rt8Nc5Hp1' },
  { shape: 'Kubernetes env name/value pair', path: 'k8s/deployment.yaml', text: 'env:\n  - name: BILLING_API_TOKEN\n    value: "Mz4Kq8Wv2Lx7Rn3Tb9Hd5Pc"', secret: 'Mz4Kq8Wv2Lx7Rn3Tb9Hd5Pc' },
  { shape: 'ECS task definition name/value pair', path: 'task-definition.json', text: '{"environment": [{"name": "WEBHOOK_SECRET", "value": "Xr6Tn2Kw9Lq4Vm8Bz3Hc7Pd"}]}', secret: 'Xr6Tn2Kw9Lq4Vm8Bz3Hc7Pd' },
  { shape: 'Terraform variable default', path: 'variables.tf', text: 'variable "service_token" {\n  type      = string\n  sensitive = true\n  default   = "Lw5Rk9Tz3Qm7Xv2Nb8Hc4Pd"\n}', secret: 'Lw5Rk9Tz3Qm7Xv2Nb8Hc4Pd' },
  { shape: 'TOML', path: 'config.toml', text: '[service]\nauth_token = "1k3kTNxgisNkeKLoefH883gJ"', secret: '1k3kTNxgisNkeKLoefH883gJ' },
  { shape: 'INI', path: 'settings.ini', text: '[api]\nsecret_key=dWrgjCZCx6Zb73PIRAXj1Fop', secret: 'dWrgjCZCx6Zb73PIRAXj1Fop' },
  { shape: '.properties', path: 'application.properties', text: 'app.auth.token=mSxjLGkppdJsfEIIXrr9dy7M', secret: 'mSxjLGkppdJsfEIIXrr9dy7M' },
  { shape: 'HCL / Terraform', path: 'main.tf', text: 'provider "svc" {\n  api_token = "rC8qFBAV334oe3QwuzjVqrNk"\n}', secret: 'rC8qFBAV334oe3QwuzjVqrNk' },
  { shape: 'XML element', path: 'config.xml', text: '<settings><apiToken>yNN7bByDzOypYgJ0fL209FB1</apiToken></settings>', secret: 'yNN7bByDzOypYgJ0fL209FB1' },
  { shape: 'XML element on its own lines', path: 'config.xml', text: '<authToken>\n    6UTp0hT5etOAHBNfOPSunoU3\n</authToken>', secret: '6UTp0hT5etOAHBNfOPSunoU3' },
  { shape: 'XML attribute', path: 'web.config', text: '<service name="billing" secret="4Q6eVHz4LEnm1kj9aXMuj7yu" />', secret: '4Q6eVHz4LEnm1kj9aXMuj7yu' },
  { shape: 'XML key/value element', path: 'app.config', text: '<add key="PaymentApiKey" value="kkhcqqDtg8GRf0NSjhLpk1bv" />', secret: 'kkhcqqDtg8GRf0NSjhLpk1bv' },
  { shape: 'Dockerfile ENV', path: 'Dockerfile', text: 'FROM node:20\nENV SERVICE_TOKEN=Win0SCzN25MvAViNNqkXtQHy', secret: 'Win0SCzN25MvAViNNqkXtQHy' },
  { shape: 'Dockerfile ARG', path: 'Dockerfile', text: 'ARG NPM_TOKEN=3dZBT0WM4HgyO7NXXHcIUgAd', secret: '3dZBT0WM4HgyO7NXXHcIUgAd' },
  { shape: 'Makefile :=', path: 'Makefile', text: 'API_TOKEN := M2eTmr3zYaigDewsxWmMSLfj', secret: 'M2eTmr3zYaigDewsxWmMSLfj' },
  { shape: 'Makefile ::=', path: 'Makefile', text: 'DEPLOY_TOKEN ::= TidcCy211sfiIyye77FdnSws', secret: 'TidcCy211sfiIyye77FdnSws' },
  { shape: 'Makefile :::=', path: 'Makefile', text: 'bintray_TOKEN :::= "Rk4q8ZxWm2Lp7Vn3Tb9Hs6Dc"', secret: 'Rk4q8ZxWm2Lp7Vn3Tb9Hs6Dc' },
  { shape: 'Makefile ?=', path: 'Makefile', text: 'PUBLISH_SECRET ?= Jw5Xn8Qz2Kt7Lm4Rv9Bp3Hy6', secret: 'Jw5Xn8Qz2Kt7Lm4Rv9Bp3Hy6' },
  { shape: 'Makefile +=', path: 'build.mk', text: 'CURL_AUTH_TOKEN += Gd3Vk9Pm6Zs2Wq8Nx4Lt7Rc5', secret: 'Gd3Vk9Pm6Zs2Wq8Nx4Lt7Rc5' },
  { shape: 'logstash =>', path: 'pipeline/logstash.conf', text: 'output { http { "apiToken" => "Qh7Lz3Xv9Mb2Kp6Wn4Rt8Jd5" } }', secret: 'Qh7Lz3Xv9Mb2Kp6Wn4Rt8Jd5' },
  { shape: 'log line', path: 'logs/app.log', text: '[DEBUG] sending request with API_KEY=Zx4Cv8Bn2Mq6Wl9Ke3Rt7Yu5', secret: 'Zx4Cv8Bn2Mq6Wl9Ke3Rt7Yu5' },
  // Command lines
  { shape: 'curl -u', path: 'scripts/release.sh', text: 'curl -fsS -u deploy:Wm7Qx3Kz9Lp2Vn6R https://ci.corp.internal/api', secret: 'Wm7Qx3Kz9Lp2Vn6R' },
  { shape: 'curl -H Authorization', path: 'README.txt', text: 'curl -H "Authorization: Bearer Hy8Tq2Lm6Xz4Kw9Pv3Nb7Rc" https://api.corp.internal', secret: 'Hy8Tq2Lm6Xz4Kw9Pv3Nb7Rc' },
  { shape: '--password=', path: 'scripts/backup.sh', text: 'mysqldump --user=backup --password=Vb6Nm2Qx8Lk4Zt9W shop > shop.sql', secret: 'Vb6Nm2Qx8Lk4Zt9W' },
  { shape: '--token value', path: 'ci/publish.yml', text: '  run: vsce publish --token Lq9Xw3Mz7Kp2Vn6Rb4Ht8Jc', secret: 'Lq9Xw3Mz7Kp2Vn6Rb4Ht8Jc' },
];

/** The provider rules' keyword-context shapes: a made-up provider `acme` and a 32-character key. */
export const PROVIDER_GRAMMAR_EXAMPLES: GrammarExample[] = [
  { shape: '.env', path: '.env', text: 'ACME_KEY=q8w3e7r2t6y1u5i9o4p0a8s3d7f2g6h1', secret: 'q8w3e7r2t6y1u5i9o4p0a8s3d7f2g6h1' },
  { shape: 'Go var with type', path: 'main.go', text: 'var acmeToken string = "z9x4c8v3b7n2m6q1w5e0r4t9y3u8i2o7"', secret: 'z9x4c8v3b7n2m6q1w5e0r4t9y3u8i2o7' },
  { shape: 'a quoted value padded with spaces', path: 'notes.txt', text: "acme secret = ' t4r9e3w8q2a7s1d6f0g5h9j4k8l3z7x2 '", secret: 't4r9e3w8q2a7s1d6f0g5h9j4k8l3z7x2' },
  { shape: 'Go getter returning a literal', path: 'main.go', text: 'func getAcmeToken() string{ return "p3o8i2u7y1t6r0e5w9q4a8s2d7f1g6h0" }', secret: 'p3o8i2u7y1t6r0e5w9q4a8s2d7f1g6h0' },
  { shape: 'Java getter returning a literal', path: 'src/Acme.java', text: 'public String getAcmeApiKey() { return "m5n0b4v9c3x8z2l7k1j6h0g5f9d4s8a3"; }', secret: 'm5n0b4v9c3x8z2l7k1j6h0g5f9d4s8a3' },
  { shape: 'Python getter, return on the next line', path: 'acme/creds.py', text: 'def acme_token() -> str:\n    return "w2e7r1t6y0u5i9o4p8a3s7d2f6g1h5j0"', secret: 'w2e7r1t6y0u5i9o4p8a3s7d2f6g1h5j0' },
  { shape: 'Kotlin getter with an expression body', path: 'src/Acme.kt', text: 'fun acmeKey(): String = "c6v1b5n0m4q9w3e8r2t7y1u6i0o5p9a4"', secret: 'c6v1b5n0m4q9w3e8r2t7y1u6i0o5p9a4' },
  { shape: 'Makefile :::=', path: 'Makefile', text: 'acme_TOKEN :::= "k2j7h1g6f0d5s9a4p8o3i7u2y6t1r5e0"', secret: 'k2j7h1g6f0d5s9a4p8o3i7u2y6t1r5e0' },
  { shape: 'PHP .=', path: 'index.php', text: '$acmeToken .= "m3n8b2v7c1x6z0l5k9j4h8g3f7d2s6a1"', secret: 'm3n8b2v7c1x6z0l5k9j4h8g3f7d2s6a1' },
  { shape: 'XML element on its own lines', path: 'config.xml', text: '<acmeToken>\n    p4o9i3u8y2t7r1e6w0q5a9s4d8f3g7h2\n</acmeToken>', secret: 'p4o9i3u8y2t7r1e6w0q5a9s4d8f3g7h2' },
  { shape: 'Java System.setProperty', path: 'Main.java', text: 'System.setProperty("ACME_TOKEN", "l6k1j5h0g4f9d3s8a2p7o1i6u0y5t9r4");', secret: 'l6k1j5h0g4f9d3s8a2p7o1i6u0y5t9r4' },
  { shape: 'JSON string holding a .env', path: 'config.json', text: '{"app.env": "ACME_KEY=c5v0b4n9m3q8w2e7r1t6y0u5i9o4p8a3\\nDEBUG=0"}', secret: 'c5v0b4n9m3q8w2e7r1t6y0u5i9o4p8a3' },
  { shape: 'log line', path: 'app.log', text: '[DEBUG] Using acme KEY=f1g6h0j5k9l4z8x3c7v2b6n1m5q0w4e9', secret: 'f1g6h0j5k9l4z8x3c7v2b6n1m5q0w4e9' },
  { shape: 'Dockerfile ENV by space', path: 'Dockerfile', text: 'ENV ACME_KEY r7t2y6u1i5o0p4a9s3d8f2g7h1j6k0l5', secret: 'r7t2y6u1i5o0p4a9s3d8f2g7h1j6k0l5' },
  { shape: 'constructor call', path: 'app.js', text: "const acme = new acme.Client('e3r8t2y7u1i6o0p5a9s4d8f3g7h2j6k1');", secret: 'e3r8t2y7u1i6o0p5a9s4d8f3g7h2j6k1' },
  { shape: 'provider, then a word that says secret', path: 'notes.txt', text: "acme api token = 'w2e7r1t6y0u5i9o4p8a3s7d2f6g1h5j0'", secret: 'w2e7r1t6y0u5i9o4p8a3s7d2f6g1h5j0' },
  { shape: 'provider, then a word that says secret, a dash before the quoted value (notes)', path: 'notes.txt', text: "acme staging token - 'k3l8z2x7c1v6b0n5m9q4w8e3r7t2y6u1'", secret: 'k3l8z2x7c1v6b0n5m9q4w8e3r7t2y6u1' },
  { shape: 'provider on the line above a generic key', path: 'app.log', text: '[INFO] calling the acme API\n[DEBUG] Using Key=n4m9q3w8e2r7t1y6u0i5o9p4a8s2d7f1', secret: 'n4m9q3w8e2r7t1y6u0i5o9p4a8s2d7f1' },
  { shape: 'provider at a camel hump', path: 'src/Client.java', text: 'String myAcmeToken = "b8n3m7q2w6e1r5t0y4u9i3o8p2a7s1d6";', secret: 'b8n3m7q2w6e1r5t0y4u9i3o8p2a7s1d6' },
  { shape: 'provider in a function name, key in a comment', path: 'client.go', text: 'func connectToAcme() {\n\t// API KEY = h6j1k5l0z4x9c3v8b2n7m1q6w0e5r9t4', secret: 'h6j1k5l0z4x9c3v8b2n7m1q6w0e5r9t4' },
];

/** Lines the grammar must not read as a secret bound to a name. */
export const GRAMMAR_NON_EXAMPLES: GrammarExample[] = [
  { shape: 'comparison, not assignment', path: 'src/auth.ts', text: 'if (token === "Wq8zR2mLk4Tz7nQ2vXpB") return;', secret: '' },
  { shape: 'unquoted value in code is a variable', path: 'src/auth.go', text: 'apiToken := cfg.ServiceAccountTokenValue', secret: '' },
  { shape: 'environment reference', path: '.env', text: 'SERVICE_TOKEN=${SERVICE_TOKEN}', secret: '' },
  { shape: 'prose', path: 'README.md', text: 'Set the token in your shell before running the deploy script.', secret: '' },
  { shape: 'a call compared with a literal', path: 'src/auth.ts', text: 'if (getToken() === "Wq8zR2mLk4Tz7nQ2vXpB") return;', secret: '' },
  { shape: 'a generic getter returning a literal (provider rules only)', path: 'src/auth.go', text: 'func getAuthToken() string { return "Hq5Wz8Nt3Kv7Lm2Xb9Rp4Jd" }', secret: '' },
  { shape: 'an empty value, then the next line', path: '.env', text: 'SERVICE_TOKEN=\nSERVICE_URL=https://svc.corp.internal/v2', secret: '' },
  { shape: 'an assignment wrapped onto a call', path: 'src/auth.js', text: 'const authToken =\n  fetchToken("Rk4Wn8Qz2Lm6Xv9Tb3Pd");', secret: '' },
  { shape: 'a C member access is no XML element', path: 'notes.txt', text: 'ok = authToken->next_hop7==0', secret: '' },
  { shape: 'a Kubernetes env value taken from a secret', path: 'k8s/deployment.yaml', text: 'env:\n  - name: BILLING_API_TOKEN\n    valueFrom:\n      secretKeyRef: { name: billing, key: token }', secret: '' },
  { shape: "a pair's value two entries below the secret's name", path: 'k8s/deployment.yaml', text: 'env:\n  - name: BILLING_API_TOKEN\n    valueFrom: { secretKeyRef: { name: billing, key: token } }\n  - name: BILLING_REGION\n    value: "Mz4Kq8Wv2Lx7Rn3Tb9Hd5Pc"', secret: '' },
];

/** Lines a provider rule must not read: the provider named too far from the value, or a value bound to no word that says secret. */
export const PROVIDER_GRAMMAR_NON_EXAMPLES: GrammarExample[] = [
  { shape: 'a getter returning a variable', path: 'main.go', text: 'func getAcmeToken() string { return cachedAcmeTokenValue }', secret: '' },
  { shape: 'a getter called and compared', path: 'main.ts', text: 'if (getAcmeToken() === "q8w3e7r2t6y1u5i9o4p0a8s3d7f2g6h1") return;', secret: '' },
  { shape: 'provider named two lines above', path: 'app.log', text: '[INFO] calling the acme API\n[INFO] retrying\n[DEBUG] Using Key=n4m9q3w8e2r7t1y6u0i5o9p4a8s2d7f1', secret: '' },
  { shape: 'provider nearby, a dash before an unquoted word', path: 'notes.txt', text: 'acme token - n4m9q3w8e2r7t1y6u0i5o9p4a8s2d7f1', secret: '' },
  { shape: 'provider nearby, value bound to an id', path: 'app.log', text: '[INFO] calling the acme API as request_id=n4m9q3w8e2r7t1y6u0i5o9p4a8s2d7f1', secret: '' },
  { shape: 'provider name inside a lower-case run of another word', path: 'Podfile.lock', text: 'SPEC CHECKSUMS:\n  ReactNativeCamacmeKit: u6y1t5r0e4w9q3a8s2d7f1g6h0j5k9l4', secret: '' },
];
