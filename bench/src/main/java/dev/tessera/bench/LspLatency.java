package dev.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Responsiveness of the language server on a large system: the time from a keystroke ({@code didChange} of one
 * character) to the {@code publishDiagnostics} that answers it, measured over stdio against the real server jar
 * ({@code java -jar cli/target/tessera.jar lsp}), as an editor sees it. Not a JMH benchmark: one server process,
 * keystrokes one after the other, each waiting for its diagnostics.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.tessera.bench.LspLatency [--jar cli/target/tessera.jar]
 *      [--domains 200] [--devices 3000] [--warmup 20] [--keystrokes 50] [--edits 1000]
 *      [--server-jvm -XX:StartFlightRecording=filename=/tmp/lsp.jfr,settings=profile]...
 * </pre>
 *
 * It writes into a temporary folder a board with {@code --devices} device nodes (each with its device-tree path,
 * compatible, registers, most with an interrupt) and a system of {@code --domains} domains on it (dom0 plus
 * at-boot Linux domains, each given a device of its own), checks that the system is valid, then types: each
 * domain in turn gets three keystrokes on its vcpus, 1 to 2 (valid), 2 to 0 (an error the server must report)
 * and 0 to 1 (valid again); every answer is checked against the text. Two last series type into the board file: a
 * device's note (nothing a system reads: the server need not validate the system again, and where it does not the
 * series says so and checks that the system's last diagnostics still hold) and a passed-through device's interrupt
 * (one down makes it that of another domain's device, the error device.irq-shared in the system; one up again), whose
 * system's diagnostics must come and are checked.
 * With {@code --edits N} it then types N more keystrokes into the system, each answered, and prints the server's
 * resident memory (VmRSS of /proc) and its heap in use after a full collection (the JDK's jcmd: GC.run, then
 * GC.heap_info) every quarter of them: a server that keeps something per edit grows in the second figure; the
 * first also grows while the JVM sizes its heap and never shrinks. Each {@code --server-jvm} option goes to the
 * server's JVM only (a profiler, a heap size), not to this client's.
 */
public final class LspLatency {
	public static void main(String[] args) throws Exception {
		Path jar = Path.of("cli/target/tessera.jar");
		int domains = 200, devices = 3000, warmup = 20, keystrokes = 50, edits = 0;
		List<String> serverOptions = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
			case "--jar" -> jar = Path.of(args[++i]);
			case "--domains" -> domains = Integer.parseInt(args[++i]);
			case "--devices" -> devices = Integer.parseInt(args[++i]);
			case "--warmup" -> warmup = Integer.parseInt(args[++i]);
			case "--keystrokes" -> keystrokes = Integer.parseInt(args[++i]);
			case "--edits" -> edits = Integer.parseInt(args[++i]);
			case "--server-jvm" -> serverOptions.add(args[++i]);
			default -> {
				System.err.println("usage: LspLatency [--jar JAR] [--domains N] [--devices N] [--warmup N] [--keystrokes N] [--edits N] [--server-jvm OPTION]...");
				System.exit(2);
			}
			}
		}
		if (!Files.isRegularFile(jar)) {
			System.err.println("LspLatency: " + jar + " is missing: build it with mvn -q -B install -DskipTests -pl cli -am");
			System.exit(2);
		}
		Path dir = Files.createTempDirectory("tessera-lsp-bench");
		String board = board(devices);
		String system = system(domains);
		Files.writeString(dir.resolve("big-board.tess"), board);
		Files.writeString(dir.resolve("big-system.tess"), system);
		System.out.printf(Locale.ROOT, "board: %d device nodes, %d lines, %d KiB; system: %d domains, %d lines, %d KiB (%s)%n", devices,
				board.lines().count(), board.length() / 1024, domains, system.lines().count(), system.length() / 1024, dir);

		Client client = new Client();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(serverOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "lsp"));
		Process p = new ProcessBuilder(command).redirectError(dir.resolve("server.log").toFile()).start();
		var launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
		launcher.startListening();
		LanguageServer server = launcher.getRemoteProxy();
		try {
			long t0 = System.nanoTime();
			InitializeParams init = new InitializeParams();
			init.setRootUri(dir.toUri().toString());
			init.setCapabilities(new ClientCapabilities());
			server.initialize(init).get(5, TimeUnit.MINUTES);
			server.initialized(new InitializedParams());
			String systemUri = dir.resolve("big-system.tess").toUri().toString();
			String boardUri = dir.resolve("big-board.tess").toUri().toString();
			int seen = client.count(systemUri);
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(systemUri, "tessera", 1, system)));
			PublishDiagnosticsParams first = client.await(systemUri, seen);
			System.out.printf(Locale.ROOT, "start-up: initialize + open + first diagnostics of the system in %.0f ms%n", ms(System.nanoTime() - t0));
			if (!first.getDiagnostics().isEmpty())
				throw new IllegalStateException("the generated system is not valid: " + first.getDiagnostics().subList(0, Math.min(5, first.getDiagnostics().size())));

			// keystrokes in the system: "vcpus 1" of domain k becomes 2, 0 (an error) or 1 again
			List<Integer> vcpuOffsets = new ArrayList<>();
			for (int at = system.indexOf("vcpus 1"); at >= 0; at = system.indexOf("vcpus 1", at + 1)) vcpuOffsets.add(at + 6);
			Typist typist = new Typist(server, client, systemUri, system, vcpuOffsets);
			List<Double> valid = new ArrayList<>(), invalid = new ArrayList<>();
			long cpuBefore = 0;
			for (int i = 0; i < warmup + keystrokes; i++) {
				if (i == warmup) cpuBefore = cpuMillis(p.pid());
				long start = System.nanoTime();
				PublishDiagnosticsParams d = typist.keystroke(i);
				double took = ms(System.nanoTime() - start);
				boolean error = typist.last == '0';
				if (error != d.getDiagnostics().stream().anyMatch(x -> "domain.vcpus".equals(x.getCode().getLeft())))
					throw new IllegalStateException("keystroke " + i + ": diagnostics do not match the text: " + d.getDiagnostics());
				if (i >= warmup) (error ? invalid : valid).add(took);
			}
			long systemCpu = cpuMillis(p.pid()) - cpuBefore;
			// the last domain typed into gets the rest of its three keystrokes: the system is valid again (not measured)
			for (int i = warmup + keystrokes; i % 3 != 0; i++) typist.keystroke(i);
			report("keystroke in the system, still valid", valid);
			report("keystroke in the system, makes an error", invalid);
			List<Double> all = new ArrayList<>(valid);
			all.addAll(invalid);
			report("keystroke in the system, all", all);
			cpu("keystroke in the system", systemCpu, keystrokes);

			// keystrokes in the board, two series: a note (no fact a system reads: the system need not be validated again)
			// and an interrupt (a fact: two domains' devices then share one, the error device.irq-shared, and back)
			seen = client.count(boardUri);
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(boardUri, "tessera", 1, board)));
			client.await(boardUri, seen);
			BoardTypist boardTypist = new BoardTypist(server, client, boardUri, systemUri, board, p.pid());
			int noteAt = board.indexOf("note \"x\"") + 6;
			List<Integer> irqDigits = irqDigits(board, domains);
			String[] series = { "a note (inert)", "an interrupt (a fact)" };
			for (int kind = 0; kind < 2; kind++) {
				List<Double> boardTimes = new ArrayList<>(), systemTimes = new ArrayList<>();
				int notRepublished = 0;
				for (int i = 0; i < warmup / 2 + keystrokes / 2; i++) {
					if (i == warmup / 2) {
						cpuBefore = cpuMillis(p.pid());
						boardTypist.waitCpu = 0;
					}
					BoardTypist.Answer a;
					if (kind == 0) a = boardTypist.note(noteAt);
					else a = boardTypist.interrupt(irqDigits.get((i / 2) % irqDigits.size()));
					if (i < warmup / 2) continue;
					boardTimes.add(a.board());
					if (a.system() < 0) notRepublished++;
					else systemTimes.add(a.system());
				}
				// without the requests that waited for the server to finish an inert keystroke (the hover, below)
				long boardCpu = cpuMillis(p.pid()) - cpuBefore - boardTypist.waitCpu;
				report("keystroke in the board, " + series[kind] + ", board's diagnostics", boardTimes);
				report("keystroke in the board, " + series[kind] + ", system's diagnostics", systemTimes);
				if (notRepublished > 0)
					System.out.printf(Locale.ROOT, "keystroke in the board, %s: the system's diagnostics not re-published after %d of %d (the last ones still hold)%n",
							series[kind], notRepublished, keystrokes / 2);
				cpu("keystroke in the board, " + series[kind], boardCpu, keystrokes / 2);
			}

			// memory over many edits: the same keystrokes into the system, each answered, resident memory every quarter
			if (edits > 0) {
				System.out.printf(Locale.ROOT, "server memory after the series above: VmRSS %d MiB, heap in use after a full GC %s%n", rssMib(p.pid()),
						heapAfterGc(p.pid()));
				for (int i = 0; i < edits; i++) {
					typist.keystroke(i);
					if ((i + 1) % Math.max(1, edits / 4) == 0)
						System.out.printf(Locale.ROOT, "server memory after %4d more edits: VmRSS %d MiB, heap in use after a full GC %s%n", i + 1,
								rssMib(p.pid()), heapAfterGc(p.pid()));
				}
			}

			server.shutdown().get(30, TimeUnit.SECONDS);
			server.exit();
			p.waitFor(30, TimeUnit.SECONDS);
		} finally {
			if (p.isAlive()) p.destroyForcibly();
		}
	}

	/**
	 * The CPU time a process has used (user and system, all its threads, from /proc/PID/stat), in ms; -1 where there
	 * is no /proc. Per keystroke it is what the server did, whatever else the machine was running meanwhile.
	 */
	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of stat (utime, stime), counted from the state, field 3
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100;
		} catch (java.io.IOException | RuntimeException e) {
			return -1;
		}
	}

	static void cpu(String what, long millis, int keystrokes) {
		if (millis >= 0 && keystrokes > 0)
			System.out.printf(Locale.ROOT, "%-62s server CPU %.1f ms per keystroke (all its threads: JIT and GC included)%n", what, (double) millis / keystrokes);
	}

	/** A process's resident memory (VmRSS in /proc/PID/status), in MiB; -1 where there is no /proc. */
	static long rssMib(long pid) {
		try {
			for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
				if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
		} catch (java.io.IOException | NumberFormatException e) {
			// not Linux: no figure
		}
		return -1;
	}

	/** The heap a process uses after a full collection, from the JDK's jcmd ("used 123456K"), or "?" without it. */
	static String heapAfterGc(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
			Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
			String out = new String(info.getInputStream().readAllBytes());
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
			return m.find() ? Long.parseLong(m.group(1)) / 1024 + " MiB" : "?";
		} catch (java.io.IOException | InterruptedException e) {
			return "?";
		}
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static void report(String what, List<Double> times) {
		if (times.isEmpty()) return;
		List<Double> s = new ArrayList<>(times);
		s.sort(null);
		System.out.printf(Locale.ROOT, "%-62s n=%3d  min %6.1f  median %6.1f  p90 %6.1f  p95 %6.1f  max %6.1f ms%n", what, s.size(), s.get(0),
				s.get(s.size() / 2), percentile(s, 0.90), percentile(s, 0.95), s.get(s.size() - 1));
	}

	/** The nearest-rank percentile of sorted values. */
	static double percentile(List<Double> sorted, double p) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * p) - 1)));
	}

	static Position position(String text, int offset) {
		int line = 0, lineStart = 0;
		for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') { line++; lineStart = i + 1; }
		return new Position(line, offset - lineStart);
	}

	/** A board of {@code devices} device-tree nodes on 8 CPUs and 16 GiB; the first 900 have an interrupt each. */
	static String board(int devices) {
		StringBuilder sb = new StringBuilder("// generated by LspLatency: a board with many device-tree nodes\n");
		sb.append("board big {\n\tarch aarch64\n\tdescription \"synthetic: ").append(devices).append(" devices\"\n");
		sb.append("\tcluster c0 cortex-a72 {\n");
		for (int c = 0; c < 8; c++) sb.append("\t\tcpu cpu").append(c).append(" mpidr 0x").append(Integer.toHexString(c)).append(" path \"/cpus/cpu@").append(c).append("\"\n");
		sb.append("\t}\n\tram bank0 0x40000000 size 16G path \"/memory@40000000\"\n");
		// where the boot loader sits (rule board.loader-memory)
		sb.append("\treserved uboot 0x3fc000000 size 64M loader\n");
		sb.append("\tgic v3 {\n\t\tpath \"/interrupt-controller@8000000\"\n\t\treg 0x8000000 size 0x10000, 0x80a0000 size 0xf60000\n\t}\n");
		sb.append("\tdevice uart0 uart { path \"/soc/serial@9000000\" compatible \"arm,pl011\" reg 0x9000000 size 4K irq spi 1 level-high note \"x\" }\n");
		for (int i = 0; i < devices; i++) {
			long base = 0x10000000L + i * 0x1000L;
			sb.append("\tdevice dev").append(i).append(" { path \"/soc/bus@10000000/dev@").append(Long.toHexString(base))
					.append("\" compatible \"vendor,block-").append(i % 17).append("\", \"vendor,block\" reg 0x").append(Long.toHexString(base))
					.append(" size 4K");
			if (i < 900) sb.append(" irq spi ").append(40 + i).append(" level-high");
			// says it does no DMA: the system passes each through without an IOMMU (rule device.dma-unknown)
			sb.append(" no-dma }\n");
		}
		return sb.append("}\n").toString();
	}

	/** dom0 and domains−1 at-boot Linux domains of 32 MiB, each with a device of its own. */
	static String system(int domains) {
		StringBuilder sb = new StringBuilder("// generated by LspLatency: a system of many domains\nimport \"big-board.tess\"\n\n");
		sb.append("system big on big {\n\txen 4.19 {\n\t\tconsole uart0\n\t\timage \"xen\" max 4M\n\t}\n\n");
		sb.append("\tdomain dom0 control {\n\t\tos linux\n\t\tmemory 1G\n\t\tvcpus 1\n\t\tkernel \"Image\" max 40M\n\t\tramdisk \"initrd\" max 8M\n\t}\n");
		for (int d = 1; d < domains; d++)
			sb.append("\n\tdomain guest").append(d).append(" at-boot {\n\t\tos linux\n\t\tmemory 32M\n\t\tvcpus 1\n\t\tkernel \"Image\" max 40M\n\t\tcmdline \"console=ttyAMA0 id=")
					.append(d).append("\"\n\t\tpassthrough dev").append(d).append("\n\t}\n");
		return sb.append("}\n").toString();
	}

	/**
	 * Where a keystroke makes a passed-through device's interrupt that of the device before it: the offsets of the last
	 * digit of "irq spi N" of devices 2 .. min(domains, 900) − 1 whose N does not end in 0 (N − 1 then differs in that
	 * digit only), spread over the board.
	 */
	static List<Integer> irqDigits(String board, int domains) {
		List<Integer> out = new ArrayList<>();
		for (int d = 2; d < Math.min(domains, 900); d++) {
			int n = 40 + d;
			if (n % 10 == 0) continue;
			String needle = "device dev" + d + " { ";
			int at = board.indexOf(needle);
			int irq = board.indexOf("irq spi " + n + " ", at);
			out.add(irq + ("irq spi " + n).length() - 1);
		}
		java.util.Collections.shuffle(out, new java.util.Random(42));
		return out;
	}

	/**
	 * Types into the board and waits for what must answer: the board's diagnostics, then either the system's (a fact
	 * changed) or, where they are correctly not sent again, until the server has finished the keystroke (a request
	 * queued after it has been answered), after which the system's last diagnostics must still be those of the text.
	 */
	static final class BoardTypist {
		record Answer(double board, double system) {
		}

		private final LanguageServer server;
		private final Client client;
		private final String boardUri, systemUri;
		private final long pid;
		/** the server's CPU time spent answering the requests that waited for it (ms), to be left out of its keystrokes' */
		long waitCpu;
		private String text;
		private int version = 1;
		/** whether the system has an error now (a shared interrupt) */
		private boolean broken;

		BoardTypist(LanguageServer server, Client client, String boardUri, String systemUri, String text, long pid) {
			this.pid = pid;
			this.server = server;
			this.client = client;
			this.boardUri = boardUri;
			this.systemUri = systemUri;
			this.text = text;
		}

		/** A note's letter: x to y or back. Nothing a system reads. */
		Answer note(int at) throws Exception {
			return type(at, text.charAt(at) == 'x' ? 'y' : 'x', false);
		}

		/** An interrupt's last digit one down (shared with the device before: an error) or up again (valid). */
		Answer interrupt(int at) throws Exception {
			char now = text.charAt(at);
			return broken ? type(at, (char) (now + 1), true) : type(at, (char) (now - 1), true);
		}

		private Answer type(int at, char next, boolean fact) throws Exception {
			Position pos = position(text, at);
			text = text.substring(0, at) + next + text.substring(at + 1);
			if (fact) broken = !broken;
			int seenBoard = client.count(boardUri), seenSystem = client.count(systemUri);
			long start = System.nanoTime();
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(boardUri, ++version),
					List.of(new TextDocumentContentChangeEvent(new Range(pos, new Position(pos.getLine(), pos.getCharacter() + 1)), String.valueOf(next)))));
			client.await(boardUri, seenBoard);
			double board = ms(client.lastArrival(boardUri) - start);
			PublishDiagnosticsParams system;
			double systemMs = -1;
			if (fact) {
				system = client.await(systemUri, seenSystem);
				systemMs = ms(client.lastArrival(systemUri) - start);
			} else {
				// a read request runs after every earlier build, and its answer comes after what that build published
				long cpu = cpuMillis(pid);
				server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(new org.eclipse.lsp4j.TextDocumentIdentifier(systemUri),
						new Position(0, 0))).get(2, TimeUnit.MINUTES);
				waitCpu += cpuMillis(pid) - cpu;
				if (client.count(systemUri) > seenSystem) systemMs = ms(client.lastArrival(systemUri) - start); // re-published (the jar before)
				system = client.await(systemUri, client.count(systemUri) - 1);
			}
			boolean shared = system.getDiagnostics().stream().anyMatch(x -> "device.irq-shared".equals(x.getCode().getLeft()));
			if (shared != broken || (!broken && !system.getDiagnostics().isEmpty()))
				throw new IllegalStateException("the system's diagnostics do not match the board's text after a keystroke in the board: " + system.getDiagnostics());
			return new Answer(board, systemMs);
		}
	}

	/**
	 * Types into the system: keystroke i goes to the vcpus of domain (i / 3) * 37 mod n, so each domain in turn gets three,
	 * 1 -> 2 (valid), 2 -> 0 (the error domain.vcpus) and 0 -> 1 (valid again); each waits for the server's answer.
	 */
	static final class Typist {
		private final LanguageServer server;
		private final Client client;
		private final String uri;
		private final List<Integer> offsets;
		private String text;
		private int version = 1;
		/** the character the last keystroke typed */
		char last;

		Typist(LanguageServer server, Client client, String uri, String text, List<Integer> offsets) {
			this.server = server;
			this.client = client;
			this.uri = uri;
			this.text = text;
			this.offsets = offsets;
		}

		PublishDiagnosticsParams keystroke(int i) throws Exception {
			int at = offsets.get(((i / 3) * 37) % offsets.size());
			char now = text.charAt(at);
			last = now == '1' ? '2' : now == '2' ? '0' : '1';
			Position pos = position(text, at);
			text = text.substring(0, at) + last + text.substring(at + 1);
			int seen = client.count(uri);
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
					List.of(new TextDocumentContentChangeEvent(new Range(pos, new Position(pos.getLine(), pos.getCharacter() + 1)), String.valueOf(last)))));
			return client.await(uri, seen);
		}
	}

	/** Records diagnostics per document; answers nothing else. */
	static final class Client implements LanguageClient {
		private final java.util.Map<String, List<PublishDiagnosticsParams>> received = new java.util.HashMap<>();
		private final java.util.Map<String, Long> arrived = new java.util.HashMap<>();

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
			received.computeIfAbsent(params.getUri(), k -> new ArrayList<>()).add(params);
			arrived.put(params.getUri(), System.nanoTime());
			notifyAll();
		}

		/** When the last diagnostics of a document arrived (System.nanoTime). */
		synchronized long lastArrival(String uri) {
			return arrived.get(uri);
		}

		synchronized int count(String uri) {
			return received.getOrDefault(uri, List.of()).size();
		}

		synchronized PublishDiagnosticsParams await(String uri, int seen) throws InterruptedException {
			long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (count(uri) <= seen) {
				long left = end - System.nanoTime();
				if (left <= 0) throw new IllegalStateException("no diagnostics for " + uri);
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			List<PublishDiagnosticsParams> all = received.get(uri);
			return all.get(all.size() - 1);
		}

		public void telemetryEvent(Object object) {
		}

		public void showMessage(MessageParams params) {
		}

		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		public void logMessage(MessageParams message) {
		}
	}

	private LspLatency() {
	}

}
