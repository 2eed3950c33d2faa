package dev.tessera.cli;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Sets log4j up (Xtext logs through it) as the {@code log4j.properties} Xtext ships would, without log4j reading
 * it: its default set-up parses the file and sets every appender's and layout's properties through java.beans
 * introspection, ~25 ms of a cold start on the language's set-up thread, against ~5 ms for the same calls made
 * here. Log4jDefaultsTest holds the two set-ups equal. A set-up chosen on the command line
 * ({@code -Dlog4j.configuration}, {@code -Dlog4j.defaultInitOverride}) is left to log4j.
 */
final class Log4jDefaults {
	/** The layout of Xtext's log4j.properties. */
	static final String PATTERN = "%-4r [%t] %-5p %35.35c %x - %m%n";

	private Log4jDefaults() {
	}

	/** Before anything else touches log4j: afterwards its own set-up has run, and this does nothing. */
	static void configure() {
		if (System.getProperty("log4j.configuration") != null || System.getProperty("log4j.defaultInitOverride") != null) return;
		System.setProperty("log4j.defaultInitOverride", "true");
		try {
			LogManager.getLoggerRepository(); // log4j starts, and skips reading its configuration file
		} finally {
			System.clearProperty("log4j.defaultInitOverride");
		}
		apply();
	}

	/**
	 * What Xtext's log4j.properties says: the root at INFO, writing to a console appender named "default" with
	 * {@link #PATTERN}; org.eclipse.xtext and org.eclipse.xtext.parsetree.reconstr at INFO.
	 */
	static void apply() {
		ConsoleAppender console = new ConsoleAppender(new PatternLayout(PATTERN));
		console.setName("default");
		Logger root = Logger.getRootLogger();
		root.setLevel(Level.INFO);
		root.removeAllAppenders();
		root.addAppender(console);
		Logger.getLogger("org.eclipse.xtext").setLevel(Level.INFO);
		Logger.getLogger("org.eclipse.xtext.parsetree.reconstr").setLevel(Level.INFO);
	}
}
