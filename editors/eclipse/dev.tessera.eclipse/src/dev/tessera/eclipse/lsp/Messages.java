package dev.tessera.eclipse.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.notifications.NotificationPopup;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

import dev.tessera.eclipse.TesseraPlugin;

/** window/showMessage: a notification that fades by itself (never a modal dialog), and an entry in the Error Log. */
public final class Messages {
	/** The messages shown so far, newest last (for a look back, and for the tests). */
	public static final List<String> shown = Collections.synchronizedList(new ArrayList<>());

	private Messages() {
	}

	static void show(MessageParams message) {
		show(message.getType(), message.getMessage());
	}

	public static void show(MessageType type, String text) {
		shown.add(text);
		int severity = type == MessageType.Error ? IStatus.ERROR : type == MessageType.Warning ? IStatus.WARNING : IStatus.INFO;
		TesseraPlugin.log(new Status(severity, TesseraPlugin.ID, text));
		if (!PlatformUI.isWorkbenchRunning()) return;
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			if (display.isDisposed()) return;
			NotificationPopup.forDisplay(display).title(type == MessageType.Error ? "Tessera: error" : "Tessera", true).text(text)
					.delay(type == MessageType.Error ? 15_000 : 6_000).open();
		});
	}
}
