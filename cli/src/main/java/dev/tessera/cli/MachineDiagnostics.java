package dev.tessera.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tessera.core.diag.Diagnostic;
import dev.tessera.core.diag.RuleInfo;
import dev.tessera.core.rules.RuleCatalogue;

/**
 * Diagnostics for machines: a JSON array of {file, line, column, severity, rule, message}, or a SARIF 2.1.0 log (OASIS
 * SARIF v2.1.0, the format code-scanning services and editors read) with the rules that fired and their rationale.
 */
final class MachineDiagnostics {
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private MachineDiagnostics() {
	}

	static String json(List<Diagnostic> diagnostics) {
		ArrayNode a = JSON.createArrayNode();
		for (Diagnostic d : diagnostics) {
			ObjectNode o = a.addObject();
			o.put("file", d.file());
			o.put("line", d.line());
			o.put("column", d.column());
			o.put("severity", d.severity().label());
			o.put("rule", d.ruleId());
			o.put("message", d.message());
		}
		return write(a);
	}

	static String sarif(List<Diagnostic> diagnostics) {
		ObjectNode log = JSON.createObjectNode();
		log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
		log.put("version", "2.1.0");
		ObjectNode run = log.putArray("runs").addObject();
		ObjectNode driver = run.putObject("tool").putObject("driver");
		driver.put("name", "tessera");
		driver.put("version", dev.tessera.core.TesseraVersion.get());
		driver.put("informationUri", "https://tessera.dev/docs/rules.md");
		ArrayNode rules = driver.putArray("rules");
		Map<String, Integer> index = new LinkedHashMap<>();
		Map<String, RuleInfo> known = new LinkedHashMap<>();
		for (RuleInfo r : RuleCatalogue.all()) known.put(r.id(), r);
		for (Diagnostic d : diagnostics) {
			if (index.containsKey(d.ruleId())) continue;
			index.put(d.ruleId(), index.size());
			ObjectNode r = rules.addObject();
			r.put("id", d.ruleId());
			RuleInfo info = known.get(d.ruleId());
			if (info != null) {
				r.putObject("shortDescription").put("text", info.title());
				r.putObject("fullDescription").put("text", info.rationale());
				r.putObject("defaultConfiguration").put("level", info.severity().label());
				r.put("helpUri", "https://tessera.dev/docs/rules.md#" + d.ruleId().replace(".", ""));
			}
		}
		ArrayNode results = run.putArray("results");
		for (Diagnostic d : diagnostics) {
			ObjectNode r = results.addObject();
			r.put("ruleId", d.ruleId());
			r.put("ruleIndex", index.get(d.ruleId()));
			r.put("level", d.severity().label());
			r.putObject("message").put("text", d.message());
			ObjectNode where = r.putArray("locations").addObject().putObject("physicalLocation");
			where.putObject("artifactLocation").put("uri", Path.of(d.file()).toAbsolutePath().normalize().toUri().toString());
			ObjectNode region = where.putObject("region");
			region.put("startLine", Math.max(1, d.line()));
			region.put("startColumn", Math.max(1, d.column()));
		}
		run.put("columnKind", "unicodeCodePoints");
		return write(log);
	}

	private static String write(Object node) {
		try {
			return JSON.writeValueAsString(node) + "\n";
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
