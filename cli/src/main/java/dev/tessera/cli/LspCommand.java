package dev.tessera.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import dev.tessera.dsl.ide.server.ServerMain;
import picocli.CommandLine.Command;

@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Run the language server for .tess files on stdin/stdout (LSP over JSON-RPC), for VS Code, Eclipse "
				+ "(LSP4E) or any other LSP client. Logs go to stderr. See docs/editors.md.")
final class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() throws Exception {
		InputStream in = System.in;
		PrintStream out = System.out;
		// stdout carries JSON-RPC only: Xtext's log4j console appender and any stray print go to stderr
		System.setOut(System.err);
		System.setIn(InputStream.nullInputStream());
		try {
			ServerMain.run(in, out).get();
		} finally {
			System.setOut(out);
		}
		return Main.OK;
	}
}
