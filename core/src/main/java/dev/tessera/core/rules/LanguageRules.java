package dev.tessera.core.rules;

import java.util.List;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.Section;
import dev.tessera.core.diag.Severity;

/** Findings of the language itself, before any model rule can run: the dsl's parser, linker and validator report them. */
public final class LanguageRules {
	public static final RuleInfo SYNTAX = new RuleInfo("syntax", Section.LANGUAGE, Severity.ERROR, "The file follows the grammar",
			"A file Tessera cannot parse describes nothing it could check or generate.");
	public static final RuleInfo LINK = new RuleInfo("link", Section.LANGUAGE, Severity.ERROR, "Every name refers to something declared",
			"A board, device, cpupool, domain or display connector that does not exist cannot be booted on, passed through, "
					+ "pooled in, served or shown on: the message names what is missing and, when one is close, suggests it.");
	public static final RuleInfo IMPORT = new RuleInfo("import.missing", Section.LANGUAGE, Severity.ERROR, "Every import names a Tessera file that can be found",
			"An import that names nothing, a missing file, a folder or a file that is not a .tess file brings nothing in, "
					+ "and every name from it fails.");
	public static final RuleInfo EMPTY = new RuleInfo("file.empty", Section.LANGUAGE, Severity.ERROR, "A file declares something",
			"An empty file is usually a wrong path or a file cut short.");
	public static final List<RuleInfo> ALL = List.of(SYNTAX, LINK, IMPORT, EMPTY);

	private LanguageRules() {
	}
}
