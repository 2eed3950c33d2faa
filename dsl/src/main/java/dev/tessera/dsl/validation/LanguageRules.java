package dev.tessera.dsl.validation;

import java.util.List;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Severity;

/** Findings of the language itself, before any model rule can run. */
public final class LanguageRules {
	public static final RuleInfo SYNTAX = new RuleInfo("syntax", Severity.ERROR, "The file follows the grammar",
			"A file Tessera cannot parse describes nothing it could check or generate.");
	public static final RuleInfo LINK = new RuleInfo("link", Severity.ERROR, "Every name refers to something declared",
			"A board, device or cpupool that does not exist cannot be booted, passed through or pinned to.");
	public static final RuleInfo IMPORT = new RuleInfo("import.missing", Severity.ERROR, "Every import can be found",
			"An import that names no file or shipped board brings nothing in, and every name from it fails.");
	public static final RuleInfo EMPTY = new RuleInfo("file.empty", Severity.ERROR, "A file declares something",
			"An empty file is usually a wrong path or a file cut short.");
	public static final List<RuleInfo> ALL = List.of(SYNTAX, LINK, IMPORT, EMPTY);

	private LanguageRules() {
	}
}
