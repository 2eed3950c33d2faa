package dev.tessera.core.diag;

/**
 * What a rule is, independent of any model it runs on: a stable id (never reused, never renamed), the section of
 * the rule catalogue that explains it, its severity, a one-line title and why it exists. The rule catalogue in
 * docs/ is generated from these.
 */
public record RuleInfo(String id, Section section, Severity severity, String title, String rationale) {
}
