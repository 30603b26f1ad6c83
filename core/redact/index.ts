/**
 * Redaction of recordings before they leave the browser (PRODUCT.md: export is redacted by
 * default). `Redactor` does the work for one file; the HAR exporter drives it.
 */
export { Redactor } from './redactor';
export { describeRemoval, redactionRuleProblem } from './describe';
export type {
  RedactionManifest,
  RedactionOptions,
  SuspectPlace,
  SuspectReview,
  UserRedactionRule,
} from './manifest';
export { isSecretHeader, isSecretJsonKey, isSecretParam } from './rules';
