package dev.tessera.core.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a build makes of the catalogue's warnings: a rule turned off or made an error ({@code -W rule=off|warning|error},
 * the project file's {@code rules:}), every warning an error ({@code --werror}). An error stays an error: its output
 * would be broken, so no setting lowers it.
 */
public record SeverityPolicy(Map<String, Level> rules, boolean werror) {
	public static final SeverityPolicy DEFAULT = new SeverityPolicy(Map.of(), false);

	public enum Level {
		OFF, WARNING, ERROR;

		/** "off", "warning" or "error"; null for anything else. */
		public static Level parse(String s) {
			for (Level l : values())
				if (l.name().toLowerCase(Locale.ROOT).equals(s)) return l;
			return null;
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public SeverityPolicy {
		rules = Map.copyOf(rules);
	}

	/** This policy with {@code over}'s settings on top (the command line over the project file). */
	public SeverityPolicy with(SeverityPolicy over) {
		Map<String, Level> merged = new LinkedHashMap<>(rules);
		merged.putAll(over.rules);
		return new SeverityPolicy(merged, werror || over.werror);
	}

	/** What a warning of this rule becomes: its own setting, else an error under --werror, else a warning. */
	public Level levelOfWarning(String ruleId) {
		return rules.getOrDefault(ruleId, werror ? Level.ERROR : Level.WARNING);
	}

	/** Whether the policy changes anything at all. */
	public boolean isDefault() {
		return rules.isEmpty() && !werror;
	}

	/** The diagnostics as the build sees them: dropped, kept or made errors. */
	public List<Diagnostic> apply(List<Diagnostic> diagnostics) {
		if (isDefault()) return diagnostics;
		List<Diagnostic> out = new ArrayList<>();
		for (Diagnostic d : diagnostics) {
			if (d.severity() == Severity.ERROR) {
				out.add(d);
				continue;
			}
			Level l = levelOfWarning(d.ruleId());
			if (l == Level.OFF) continue;
			out.add(l == Level.ERROR ? new Diagnostic(d.file(), d.line(), d.column(), Severity.ERROR, d.ruleId(), d.message()) : d);
		}
		return out;
	}

	/**
	 * What is wrong with the settings against the catalogue: a rule that does not exist, or an error asked to be less.
	 *
	 * @param known the catalogue's rules by id
	 */
	public List<String> problems(Map<String, RuleInfo> known, java.util.function.Function<String, String> suggestion) {
		List<String> out = new ArrayList<>();
		rules.forEach((id, level) -> {
			RuleInfo r = known.get(id);
			if (r == null) out.add("no rule '" + id + "'" + suggestion.apply(id));
			else if (r.severity() == Severity.ERROR && level != Level.ERROR)
				out.add("rule '" + id + "' is an error and stays one: what it finds would break the output, so it cannot be made '"
						+ level.label() + "'");
		});
		return out;
	}
}
