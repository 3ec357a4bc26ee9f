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
];
