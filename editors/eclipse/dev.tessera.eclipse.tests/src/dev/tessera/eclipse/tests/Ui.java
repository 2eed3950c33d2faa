package dev.tessera.eclipse.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

import dev.tessera.eclipse.TesseraPlugin;

/** Helpers of the UI tests: wait while the UI runs, the markers of a file, the repository's files, a screenshot. */
final class Ui {
	private Ui() {
	}

	/** The repository's root (the build passes it; the tests read the shipped examples from it). */
	static Path repo() {
		return Path.of(System.getProperty("tessera.root", "../../..")).toAbsolutePath().normalize();
	}

	/** Runs the UI's event loop until the condition holds; fails after the timeout with what was awaited. */
	static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
			pump(display, 25);
		}
	}

	static <T> T waitFor(String what, Duration timeout, Supplier<T> value) {
		Object[] box = new Object[1];
		waitUntil(what, timeout, () -> (box[0] = value.get()) != null);
		@SuppressWarnings("unchecked")
		T t = (T) box[0];
		return t;
	}

	/** Dispatches pending UI events, then sleeps a little. */
	static void pump(Display display, long sleepMs) {
		if (display != null) while (display.readAndDispatch()) {
			// dispatch
		}
		try {
			TimeUnit.MILLISECONDS.sleep(sleepMs);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static void pumpFor(Duration d) {
		long end = System.nanoTime() + d.toNanos();
		while (System.nanoTime() < end) pump(Display.getCurrent(), 25);
	}

	static IProject project(String name) throws CoreException {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!p.exists()) p.create(null);
		p.open(null);
		return p;
	}

	static IFile file(IProject project, String name, String text) throws CoreException {
		IFile f = project.getFile(name);
		var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (f.exists()) f.setContents(in, true, false, null);
		else f.create(in, true, null);
		return f;
	}

	static List<IMarker> markers(IFile file) {
		try {
			return List.of(file.findMarkers(TesseraPlugin.MARKER, false, IResource.DEPTH_ZERO));
		} catch (CoreException e) {
			return List.of();
		}
	}

	static List<IMarker> markers(IFile file, String rule) {
		List<IMarker> out = new ArrayList<>();
		for (IMarker m : markers(file)) if (rule.equals(m.getAttribute(TesseraPlugin.RULE_ID, null))) out.add(m);
		return out;
	}

	static List<IMarker> errors(IFile file) {
		List<IMarker> out = new ArrayList<>();
		for (IMarker m : markers(file)) if (m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) out.add(m);
		return out;
	}

	static String describe(List<IMarker> markers) {
		StringBuilder sb = new StringBuilder();
		for (IMarker m : markers)
			sb.append("\n  line ").append(m.getAttribute(IMarker.LINE_NUMBER, -1)).append(" [").append(m.getAttribute(TesseraPlugin.RULE_ID, ""))
					.append("] ").append(m.getAttribute(IMarker.MESSAGE, ""));
		return sb.toString();
	}

	/** 1-based line of the n-th (from 0) occurrence of a text. */
	static int lineOf(String text, String needle, int n) {
		int at = -1;
		for (int k = 0; k <= n; k++) {
			at = text.indexOf(needle, at + 1);
			if (at < 0) throw new AssertionError("'" + needle + "' occurs fewer than " + (n + 1) + " times");
		}
		return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
	}

	/** The commands a key sequence is bound to in the default scheme, in one context, on this platform. */
	static List<String> commandsBoundTo(String keys, String context) throws Exception {
		var service = org.eclipse.ui.PlatformUI.getWorkbench().getService(org.eclipse.ui.keys.IBindingService.class);
		var sequence = org.eclipse.jface.bindings.keys.KeySequence.getInstance(keys);
		var contexts = List.of(context);
		List<String> out = new ArrayList<>();
		for (var b : service.getBindings())
			if (b.getTriggerSequence().equals(sequence) && b.getParameterizedCommand() != null && contexts.contains(b.getContextId())
					&& "org.eclipse.ui.defaultAcceleratorConfiguration".equals(b.getSchemeId()) && b.getType() == org.eclipse.jface.bindings.Binding.SYSTEM
					&& (b.getPlatform() == null || "gtk".equals(b.getPlatform())))
				out.add(b.getParameterizedCommand().getId());
		return out;
	}

	/**
	 * Answers the next dialog titled {@code title} as a user would, while a command that opens it runs: waits until it
	 * shows, records what it shows (the texts of its labels and editable fields, in order), types {@code value} into its
	 * editable text field when there is one and presses OK. The returned list fills in once the dialog was answered.
	 */
	static List<String> answerDialog(String title, String value) {
		Display display = Display.getCurrent();
		List<String> shown = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (org.eclipse.swt.widgets.Shell shell : display.getShells()) {
				if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
					List<org.eclipse.swt.widgets.Control> controls = new ArrayList<>();
					collect(shell, controls);
					for (var c : controls) {
						if (c instanceof org.eclipse.swt.widgets.Label l && !l.getText().isEmpty()) shown.add(l.getText());
						if (c instanceof org.eclipse.swt.widgets.Text t && (t.getStyle() & SWT.READ_ONLY) == 0) {
							shown.add(t.getText());
							if (value != null) t.setText(value);
						}
					}
					for (var c : controls)
						if (c instanceof org.eclipse.swt.widgets.Button b && b.getText().replace("&", "").equals("OK")) {
							b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
							return;
						}
				}
			}
			if (System.nanoTime() < end) display.timerExec(50, poll[0]);
		};
		display.timerExec(50, poll[0]);
		return shown;
	}

	private static void collect(org.eclipse.swt.widgets.Control c, List<org.eclipse.swt.widgets.Control> out) {
		out.add(c);
		if (c instanceof org.eclipse.swt.widgets.Composite comp) for (var child : comp.getChildren()) collect(child, out);
	}

	/** The table of an open content assist popup that lists a proposal starting with the text, or null. */
	static org.eclipse.swt.widgets.Table proposalTable(String text) {
		for (org.eclipse.swt.widgets.Shell shell : Display.getCurrent().getShells()) {
			org.eclipse.swt.widgets.Table t = findTable(shell, text);
			if (t != null) return t;
		}
		return null;
	}

	private static org.eclipse.swt.widgets.Table findTable(org.eclipse.swt.widgets.Control c, String text) {
		if (c instanceof org.eclipse.swt.widgets.Shell s && s != c.getDisplay().getActiveShell() && !s.isVisible()) return null;
		if (c instanceof org.eclipse.swt.widgets.Table t)
			for (org.eclipse.swt.widgets.TableItem item : t.getItems()) if (item.getText().startsWith(text)) return t;
		if (c instanceof org.eclipse.swt.widgets.Shell s) for (var child : s.getShells()) {
			var found = findTable(child, text);
			if (found != null) return found;
		}
		if (c instanceof org.eclipse.swt.widgets.Composite comp) for (var child : comp.getChildren()) {
			var found = findTable(child, text);
			if (found != null) return found;
		}
		return null;
	}

	/** Opens the groups of the Problems view (Errors, Warnings), so that its entries show. */
	static void expandProblems() throws Exception {
		var page = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.showView(org.eclipse.ui.IPageLayout.ID_PROBLEM_VIEW, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
		pumpFor(Duration.ofSeconds(2));
		for (org.eclipse.swt.widgets.Shell shell : Display.getCurrent().getShells()) expandGroups(shell);
	}

	private static void expandGroups(org.eclipse.swt.widgets.Control c) {
		if (c instanceof org.eclipse.swt.widgets.Tree tree) {
			for (org.eclipse.swt.widgets.TreeItem item : tree.getItems()) {
				if (!item.getText().matches("(Errors|Warnings|Infos) \\(.*")) continue;
				org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
				e.item = item;
				tree.notifyListeners(SWT.Expand, e); // the viewer creates the children
				item.setExpanded(true);
				// the description (with the rule id at its end) in full
				if (tree.getColumnCount() > 1) tree.getColumn(0).setWidth(Math.max(tree.getColumn(0).getWidth(), tree.getClientArea().width * 3 / 4));
			}
		}
		if (c instanceof org.eclipse.swt.widgets.Composite comp) for (var child : comp.getChildren()) expandGroups(child);
	}

	/** A PNG of the whole screen, once the UI has settled (SWT's capture of the display). */
	static Path screenshot(Path out) {
		pumpFor(Duration.ofMillis(800));
		captureNow(out);
		return out;
	}

	/** SWT's own capture of the display, without running the event loop first. */
	static void captureNow(Path out) {
		try {
			Files.createDirectories(out.getParent());
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		Display display = Display.getCurrent();
		Rectangle b = display.getBounds();
		Image image = new Image(display, b.width, b.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, 0, 0);
		} finally {
			gc.dispose();
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { image.getImageData() };
		loader.save(out.toString(), SWT.IMAGE_PNG);
		image.dispose();
	}
}
