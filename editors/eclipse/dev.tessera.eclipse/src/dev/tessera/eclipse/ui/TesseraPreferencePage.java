package dev.tessera.eclipse.ui;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import dev.tessera.eclipse.TesseraPlugin;

/** Window > Preferences > Tessera: which Java and which server jar run the language server; where Generate writes. */
public class TesseraPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
	public TesseraPreferencePage() {
		super(GRID);
		setPreferenceStore(TesseraPlugin.getDefault().getPreferenceStore());
		setDescription("Tessera's language server (java -jar tessera.jar lsp) checks .tess files as you type, completes, "
				+ "explains and fixes them. A change here restarts it.");
	}

	@Override
	protected void createFieldEditors() {
		FileFieldEditor java = new FileFieldEditor(TesseraPlugin.PREF_JAVA, "&Java (17+) for the server:", true, getFieldEditorParent());
		java.setEmptyStringAllowed(true);
		addField(java);
		FileFieldEditor jar = new FileFieldEditor(TesseraPlugin.PREF_JAR, "Server &jar:", true, getFieldEditorParent());
		jar.setFileExtensions(new String[] { "*.jar" });
		jar.setEmptyStringAllowed(true);
		addField(jar);
		addField(new StringFieldEditor(TesseraPlugin.PREF_OUTPUT, "&Output folder of Generate:", getFieldEditorParent()));
	}

	@Override
	public void init(IWorkbench workbench) {
	}
}
