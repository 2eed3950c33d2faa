package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.log4j.Appender;
import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Logger;
import org.apache.log4j.LogManager;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.PropertyConfigurator;
import org.junit.jupiter.api.Test;

/** The CLI's log4j set-up is the one log4j makes from the log4j.properties on the class path (Xtext's). */
class Log4jDefaultsTest {

	@Test
	void setsLog4jUpAsItsPropertiesFileDoes() throws Exception {
		URL file = Log4jDefaultsTest.class.getClassLoader().getResource("log4j.properties");
		assertNotNull(file, "log4j.properties on the class path");
		try {
			LogManager.resetConfiguration();
			PropertyConfigurator.configure(file);
			Map<String, String> fromFile = state();
			LogManager.resetConfiguration();
			Log4jDefaults.apply();
			assertEquals(fromFile, state());
			assertEquals(10, fromFile.size(), fromFile.toString()); // what is compared: not an empty configuration
		} finally {
			LogManager.resetConfiguration();
			PropertyConfigurator.configure(file);
		}
	}

	/** Every logger's level and additivity, the repository's threshold, every appender with its layout and target. */
	private static Map<String, String> state() {
		Map<String, String> s = new TreeMap<>();
		s.put("threshold", String.valueOf(LogManager.getLoggerRepository().getThreshold()));
		List<Logger> loggers = new ArrayList<>();
		loggers.add(Logger.getRootLogger());
		loggers.addAll(Collections.list(LogManager.getCurrentLoggers()).stream().map(Logger.class::cast).toList());
		for (Logger l : loggers) {
			if (l.getLevel() == null && !l.getAllAppenders().hasMoreElements()) continue;
			s.put(l.getName() + " level", String.valueOf(l.getLevel()));
			s.put(l.getName() + " additivity", String.valueOf(l.getAdditivity()));
			List<String> appenders = new ArrayList<>();
			for (Object o : Collections.list(l.getAllAppenders())) {
				Appender a = (Appender) o;
				String d = a.getClass().getName() + " name=" + a.getName() + " layout=" + a.getLayout().getClass().getName();
				if (a.getLayout() instanceof PatternLayout p) d += " pattern=" + p.getConversionPattern();
				if (a instanceof ConsoleAppender c)
					d += " target=" + c.getTarget() + " follow=" + c.getFollow() + " threshold=" + c.getThreshold() + " immediateFlush=" + c.getImmediateFlush()
							+ " encoding=" + c.getEncoding() + " filter=" + c.getFilter() + " errorHandler=" + c.getErrorHandler().getClass().getName();
				appenders.add(d);
			}
			s.put(l.getName() + " appenders", appenders.toString());
		}
		return s;
	}
}
