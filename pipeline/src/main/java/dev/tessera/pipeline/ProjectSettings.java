package dev.tessera.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.diag.SeverityPolicy;
import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.core.text.Suggestions;

/**
 * A project's settings, in {@value #FILE} in the folder of a .tess file or any folder above it (the nearest wins), so
 * that the CLI, a build and the editor judge the files alike:
 *
 * <pre>
 * rules:
 *   device.page-shared: off        # off, warning or error
 *   board.loader-memory: error
 * werror: true                     # every warning is an error
 * </pre>
 */
public record ProjectSettings(Path file, SeverityPolicy policy, List<String> problems) {
	public static final String FILE = ".tessera.yaml";
	public static final ProjectSettings NONE = new ProjectSettings(null, SeverityPolicy.DEFAULT, List.of());

	/** The settings that apply to a .tess file: the nearest project file above it, or none. */
	public static ProjectSettings forFile(Path tessFile) {
		for (Path dir = tessFile.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
			Path f = dir.resolve(FILE);
			if (Files.isRegularFile(f)) return read(f);
		}
		return NONE;
	}

	static ProjectSettings read(Path f) {
		List<String> problems = new ArrayList<>();
		Map<String, SeverityPolicy.Level> rules = new LinkedHashMap<>();
		boolean werror = false;
		try {
			JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
			if (root != null && !root.isMissingNode() && !root.isNull()) {
				if (!root.isObject()) problems.add("expected 'rules:' and 'werror:' at the top");
				else root.fieldNames().forEachRemaining(k -> {
					if (!k.equals("rules") && !k.equals("werror"))
						problems.add("unknown setting '" + k + "'" + suggestion(k, List.of("rules", "werror")));
				});
				JsonNode r = root.path("rules");
				if (!r.isMissingNode() && !r.isObject()) problems.add("'rules' is a map of rule id to off, warning or error");
				r.fields().forEachRemaining(e -> {
					// YAML 1.1 (SnakeYAML, under Jackson) reads a bare off as false
					SeverityPolicy.Level l = e.getValue().isBoolean() && !e.getValue().asBoolean() ? SeverityPolicy.Level.OFF
							: SeverityPolicy.Level.parse(e.getValue().asText());
					if (l == null) problems.add("rule '" + e.getKey() + "': '" + e.getValue().asText() + "' is none of off, warning, error");
					else rules.put(e.getKey(), l);
				});
				JsonNode w = root.path("werror");
				if (!w.isMissingNode() && !w.isBoolean()) problems.add("'werror' is true or false");
				werror = w.asBoolean(false);
			}
		} catch (IOException e) {
			problems.add("cannot read it: " + e.getMessage().lines().findFirst().orElse(""));
		}
		SeverityPolicy policy = new SeverityPolicy(rules, werror);
		problems.addAll(check(policy));
		return new ProjectSettings(f, policy, problems.stream().map(p -> f + ": " + p).toList());
	}

	/**
	 * The policy for a file: the nearest project file's, with a build's own settings on top (rule id to "off", "warning"
	 * or "error"; every warning an error). What is wrong with either goes into {@code problems}, each prefixed by
	 * {@code where} for the build's own.
	 */
	public static SeverityPolicy policyFor(Path file, Map<String, String> levels, boolean werror, String where, List<String> problems) {
		ProjectSettings project = forFile(file);
		problems.addAll(project.problems());
		Map<String, SeverityPolicy.Level> parsed = new LinkedHashMap<>();
		levels.forEach((id, level) -> {
			SeverityPolicy.Level l = SeverityPolicy.Level.parse(level);
			if (l == null) problems.add(where + id + "=" + level + ": write off, warning or error");
			else parsed.put(id, l);
		});
		SeverityPolicy own = new SeverityPolicy(parsed, werror);
		problems.addAll(check(own).stream().map(p -> where + p).toList());
		return project.policy().with(own);
	}

	/** What is wrong with a policy against the catalogue, each problem with a did-you-mean where one is close. */
	public static List<String> check(SeverityPolicy policy) {
		Map<String, RuleInfo> known = new LinkedHashMap<>();
		for (RuleInfo r : RuleCatalogue.all()) known.put(r.id(), r);
		return policy.problems(known, id -> suggestion(id, known.keySet()));
	}

	static String suggestion(String name, java.util.Collection<String> candidates) {
		List<String> close = Suggestions.closest(name, candidates);
		return close.isEmpty() ? "" : ": did you mean " + Suggestions.quotedOr(close) + "?";
	}
}
