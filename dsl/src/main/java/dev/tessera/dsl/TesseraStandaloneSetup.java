package dev.tessera.dsl;

import org.eclipse.emf.ecore.EPackage;

import com.google.inject.Injector;

import dev.tessera.model.TesseraPackage;

/** Sets the language up outside an IDE: registers the metamodel, then Xtext's parts. */
public class TesseraStandaloneSetup extends TesseraStandaloneSetupGenerated {

	public static Injector doSetup() {
		return new TesseraStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	@Override
	public Injector createInjectorAndDoEMFRegistration() {
		// The metamodel is hand-written, not inferred from the grammar: register it before Xtext needs it.
		EPackage.Registry.INSTANCE.putIfAbsent(TesseraPackage.eNS_URI, TesseraPackage.eINSTANCE);
		return super.createInjectorAndDoEMFRegistration();
	}
}
