package dev.tessera.editors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;

import dev.tessera.core.rules.RuleCatalogue;
import dev.tessera.core.rules.RuleExamples;

/**
 * {@code tessera check} and the language server report the same diagnostics (rule id, line, column, severity and
 * message) for the same files: every example, every shipped board, the bad example of every rule of the catalogue,
 * and files that break many rules at once, have a syntax error or name what does not exist.
 */
class CliAndServerAgreeTest {
	/** file:line:col: severity: message [rule], gcc's layout (a message may itself hold brackets: the rule is the last). */
	static final Pattern CLI_LINE = Pattern.compile("^(.*):(\\d+):(\\d+): (error|warning): (.*) \\[([^\\]]+)\\]$");

	@Test
	void cliCheckAndTheServerReportTheSame() throws Exception {
		Path repo = ServerProcess.repo();
		Path ws = Files.createTempDirectory("tessera-agree");
		Map<String, Path> files = new LinkedHashMap<>();
		for (String dir : List.of("examples", "boards"))
			try (Stream<Path> s = Files.walk(repo.resolve(dir))) {
				for (Path p : s.filter(p -> p.toString().endsWith(".tess")).sorted().toList()) {
					Path copy = ws.resolve(repo.relativize(p));
					Files.createDirectories(copy.getParent());
					Files.copy(p, copy);
					files.put(repo.relativize(p).toString(), copy);
				}
			}
		int examples = 0;
		Files.createDirectories(ws.resolve("rules"));
		for (var rule : RuleCatalogue.all()) {
			var example = RuleExamples.of(rule.id());
			if (example.isEmpty()) continue;
			Path p = ws.resolve("rules").resolve(rule.id() + ".tess");
			Files.writeString(p, example.get().badSource());
			files.put("rules/" + rule.id() + ".tess", p);
			examples++;
		}
		assertTrue(examples >= 40, "bad examples of " + examples + " rules");
		for (String name : List.of("broken", "many-rules", "syntax-error", "link-error", "unformatted", "local-board", "on-local")) {
			Path p = ws.resolve(name + ".tess");
			try (var in = getClass().getClassLoader().getResourceAsStream("files/" + name + ".tess")) {
				Files.write(p, in.readAllBytes());
			}
			files.put(name + ".tess", p);
		}

		// the CLI of the same jar, as a user runs it, one file at a time
		Map<String, List<String>> cli = new LinkedHashMap<>();
		try (URLClassLoader jar = new URLClassLoader(new URL[] { ServerProcess.jar().toUri().toURL() }, ClassLoader.getPlatformClassLoader())) {
			Method run = jar.loadClass("dev.tessera.cli.Main").getMethod("run", String[].class);
			for (var e : files.entrySet()) cli.put(e.getKey(), check(run, jar, e.getValue()));
		}

		// the server, every file opened in one workspace
		Map<String, List<String>> server = new LinkedHashMap<>();
		try (ServerProcess ls = ServerProcess.start()) {
			ls.initialize(ws);
			for (var e : files.entrySet()) {
				String uri = e.getValue().toUri().toString();
				int seen = ls.client.count(uri);
				ls.open(uri, Files.readString(e.getValue()), 1);
				List<Diagnostic> ds = ls.client.await(uri, seen, Duration.ofSeconds(60)).getDiagnostics();
				server.put(e.getKey(), ds.stream().map(CliAndServerAgreeTest::format).sorted().distinct().toList());
			}
			assertEquals(0, ls.shutdown());
		}

		List<String> differences = new ArrayList<>();
		int total = 0;
		TreeSet<String> rules = new TreeSet<>();
		for (String f : files.keySet()) {
			if (!cli.get(f).equals(server.get(f))) differences.add(f + "\n  cli:    " + cli.get(f) + "\n  server: " + server.get(f));
			total += cli.get(f).size();
			cli.get(f).forEach(d -> rules.add(d.substring(d.indexOf('[') + 1, d.indexOf(']'))));
		}
		assertEquals(List.of(), differences);
		// the comparison is about something: many diagnostics of many rules, syntax and linking included
		assertTrue(total >= 60, total + " diagnostics");
		assertTrue(rules.size() >= 40 && rules.contains("syntax") && rules.contains("link"), rules.toString());
		assertTrue(cli.get("many-rules.tess").size() >= 30, cli.get("many-rules.tess").toString());
	}

	/** line:column severity [rule] message, as both sides agree to print it. */
	static String format(Diagnostic d) {
		String severity = d.getSeverity() == DiagnosticSeverity.Warning ? "warning" : "error";
		return (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1) + " " + severity + " ["
				+ d.getCode().getLeft() + "] " + d.getMessage();
	}

	/**
	 * Runs {@code tessera check FILE} of the server's jar (loaded on its own, so that both sides run the very same
	 * build) in this JVM, and reads what it prints on stderr.
	 */
	static List<String> check(Method run, ClassLoader jar, Path file) throws Exception {
		PrintStream err = System.err;
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		ClassLoader context = Thread.currentThread().getContextClassLoader();
		try {
			System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
			Thread.currentThread().setContextClassLoader(jar);
			run.invoke(null, (Object) new String[] { "check", file.toString() });
		} finally {
			System.setErr(err);
			Thread.currentThread().setContextClassLoader(context);
		}
		List<String> out = new ArrayList<>();
		for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
			Matcher m = CLI_LINE.matcher(line);
			if (m.matches()) out.add(m.group(2) + ":" + m.group(3) + " " + m.group(4) + " [" + m.group(6) + "] " + m.group(5));
		}
		return out.stream().sorted().distinct().toList();
	}
}
