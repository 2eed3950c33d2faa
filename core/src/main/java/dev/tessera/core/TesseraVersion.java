package dev.tessera.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tessera's version, as the build filled it in (version.properties): printed by --version, written into manifest.yaml. */
public final class TesseraVersion {
	private static final String VERSION = read();

	private TesseraVersion() {
	}

	public static String get() {
		return VERSION;
	}

	private static String read() {
		try (InputStream in = TesseraVersion.class.getResourceAsStream("version.properties")) {
			Properties p = new Properties();
			if (in != null) p.load(in);
			String v = p.getProperty("version", "");
			return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
		} catch (IOException e) {
			return "unknown";
		}
	}
}
