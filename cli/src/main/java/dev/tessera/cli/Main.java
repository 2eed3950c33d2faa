package dev.tessera.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tessera}: check and generate Xen-on-ARM systems described in .tess files. */
@Command(name = "tessera", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
		description = "Turns a declared multi-OS ARM system into everything its Xen image needs.%n"
				+ "Exit status: 0 success, 1 the model has errors (or a tool refused the output), 2 wrong usage or a missing tool, "
				+ "3 an internal error (a bug in Tessera).")
public final class Main implements Runnable {
	public static final int OK = 0;
	public static final int MODEL_ERRORS = 1;
	public static final int USAGE = 2;
	/** A bug in Tessera, not in the model: a build tells it apart from a model error. */
	public static final int INTERNAL = 3;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		dev.tessera.core.time.Phases.begin();
		// the language's set-up is most of a cold check or generate: start it before reading the options
		String command = commandOf(args);
		if (command.equals("generate") || command.equals("check")) {
			Log4jDefaults.configure(); // before the set-up thread's Xtext classes start log4j
			dev.tessera.dsl.load.ModelLoader.prepareInBackground();
		}
		System.exit(run(args));
	}

	/** Runs the CLI and returns its exit status instead of exiting (for tests and the benchmarks). */
	public static int run(String... args) {
		java.util.concurrent.Callable<Integer> fast;
		CommandLine cli;
		try (var t = dev.tessera.core.time.Phases.start("cli")) {
			// a plain check or generate is read without building picocli's command line; anything else by picocli
			fast = FastPath.parse(args);
			cli = fast == null ? commandLine(args) : null;
		}
		if (fast != null) return FastPath.execute(fast);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println(internalError(ex));
			return INTERNAL;
		});
		int status = cli.execute(args);
		// picocli's writers buffer: flush before the JVM exits, or a long listing is cut short
		cli.getOut().flush();
		cli.getErr().flush();
		return status;
	}

	/** A bug in Tessera: said in one line, never with a stack trace. */
	static String internalError(Exception ex) {
		return "tessera: internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "")
				+ " (please report this)";
	}

	/** The commands, in the order help lists them (a class of their own: the fast path needs none of them). */
	private static final class Commands {
		static final java.util.Map<String, java.util.function.Supplier<Object>> ALL = new java.util.LinkedHashMap<>();
		static {
			ALL.put("generate", GenerateCommand::new);
			ALL.put("check", CheckCommand::new);
			ALL.put("rules", RulesCommand::new);
			ALL.put("boot", BootCommand::new);
			ALL.put("board", BoardCommand::new);
			ALL.put("lsp", LspCommand::new);
		}
	}

	/**
	 * The command line for these arguments: with only the command they name, when they name one (picocli reads
	 * every option of every command it is given, a fifth of a cold check), else with all of them (help, a typo).
	 */
	static CommandLine commandLine(String... args) {
		CommandLine cli = new CommandLine(new Main());
		String named = commandOf(args);
		Commands.ALL.forEach((name, command) -> {
			if (!Commands.ALL.containsKey(named) || name.equals(named)) cli.addSubcommand(name, command.get());
		});
		return cli;
	}

	/** The command the arguments name: their first word that is no option ("" for none). */
	private static String commandOf(String[] args) {
		for (String a : args)
			if (!a.startsWith("-")) return a;
		return "";
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate, check or rules");
	}

	static final class Version implements CommandLine.IVersionProvider {
		public String[] getVersion() {
			return new String[] { "tessera " + dev.tessera.core.TesseraVersion.get() };
		}
	}
}
