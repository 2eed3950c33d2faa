package dev.tessera.eclipse;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import dev.tessera.eclipse.lsp.TesseraServer;

/** The plugin: owns the one language server of the workspace ({@link TesseraServer}), started on first use. */
public class TesseraPlugin extends AbstractUIPlugin {
	public static final String ID = "dev.tessera.eclipse";
	/** Problem markers of .tess files (a problemmarker and textmarker); attribute {@link #RULE_ID}. */
	public static final String MARKER = ID + ".problem";
	/** Marker attribute: the id of the rule the problem breaks (memory.static-aligned, syntax, link ...). */
	public static final String RULE_ID = "ruleId";
	/** Marker attribute: the server's diagnostic as JSON, sent back when asking for its quick fixes. */
	public static final String DIAGNOSTIC = "diagnostic";
	public static final String CONTENT_TYPE = ID + ".tess";

	/** Preference keys. */
	public static final String PREF_JAVA = "server.java", PREF_JAR = "server.jar", PREF_OUTPUT = "outputFolder";

	private static TesseraPlugin plugin;
	private TesseraServer server;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		plugin = this;
		getPreferenceStore().addPropertyChangeListener(e -> {
			if (PREF_JAVA.equals(e.getProperty()) || PREF_JAR.equals(e.getProperty())) restartServer();
		});
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		TesseraServer s;
		synchronized (this) {
			s = server;
			server = null;
		}
		if (s != null) s.shutdown();
		plugin = null;
		super.stop(context);
	}

	public static TesseraPlugin getDefault() {
		return plugin;
	}

	/** The language server of this workspace, started (asynchronously) if it is not running. */
	public synchronized TesseraServer server() {
		if (server == null || server.isDead()) {
			if (server != null) server.shutdown();
			server = new TesseraServer();
			server.start();
		}
		return server;
	}

	/** The running server, or null: never starts one. */
	public synchronized TesseraServer runningServer() {
		return server;
	}

	/** Stops the server; the next use starts a new one (with the current preferences) and reopens the documents. */
	public void restartServer() {
		TesseraServer old;
		synchronized (this) {
			old = server;
			server = null;
		}
		if (old != null) {
			old.shutdown();
			// the new server opens the documents that are open in editors once it runs
			if (!dev.tessera.eclipse.lsp.Documents.all().isEmpty()) server();
		}
	}

	public static void log(IStatus status) {
		ILog.of(TesseraPlugin.class).log(status);
	}

	public static void log(String message, Throwable t) {
		log(new Status(IStatus.ERROR, ID, message, t));
	}

	public static void info(String message) {
		log(new Status(IStatus.INFO, ID, message));
	}
}
