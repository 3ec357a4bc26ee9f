/**
 * Values no rule should report, whatever its format: vendors' documented example keys and
 * template placeholders. Applied to every rule's captured secret, built-in or custom, before
 * the rule's own `allow` list. Kept deliberately narrow (random tokens must never hit it);
 * the broad stopword filter for generic assignments lives in rules/placeholder-allow.ts.
 */
export const GLOBAL_ALLOW: readonly RegExp[] = [
  // AWS's documented keys (AKIAIOSFODNN7EXAMPLE …) and every vendor that copies the habit.
  /example/i,
  // Template and interpolation syntax: ${VAR}, {{ var }}, %(name)s, <your-key>, [YOUR_TOKEN].
  /\$\{|\{\{|%\(|<[\w .-]{1,40}>|\[[A-Z_ -]{3,40}\]/,
  // Masked or elided values.
  /x{5,}|X{5,}|\*{3,}|\.{3}|…|•{3,}/,
  /placeholder|changeme|change[_-]me|replace[_-]?me|redacted|your[_-]?(?:api|access|secret|auth|app|client|own|real)?[_-]?(?:key|token|secret|password|pass)/i,
  // A single character repeated throughout.
  /^(.)\1*$/s,
  // Values published as examples in vendors' API descriptions (GitHub's REST API description,
  // vendored by every project that installs @octokit/openapi): tokens, secrets, a PEM body and
  // an OIDC token that look real and grant nothing.
  /16c7e42f292c6912e7710c838347ae178b4a|1726be1638095a19edd134c77bde3aa2ece1e5d8|e340154128314309424b7c8e90325147d99fdafa|25f94a2a5c7fbaf499c665bc73d67c1c87e496da8985131633ee0a95819db2e8|3JGZDX3P5PMEXLND6TS6FCWO6|ABTLWHOULUVAXGTRYU7OC2876QJ2O|MIIEowIBAAKCAQEAuEPzOUE\+kiEH1WLiMeBytTEF856j0hOVcSUSUkZxKvqczkWM|VP8WictbQECKozE2SgvKb2FqJ9hisWsoMkYRTqfBrQfZTCXi5IcFEdgDMB2/i,
];
