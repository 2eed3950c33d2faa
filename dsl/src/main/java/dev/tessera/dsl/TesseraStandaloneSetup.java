package dev.tessera.dsl;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.resource.IResourceServiceProvider;

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

	/**
	 * Registers {@code .tess} in EMF's and Xtext's global registries, unless the language is registered already. In
	 * the language server the IDE setup (TesseraIdeSetup) registers it first, with the services only the IDE module
	 * binds; the pipeline (the server's Generate command) sets the language up again through this class, and
	 * replacing that registration took those services from every later request that looks them up in the global
	 * registry: Xtext's rename asks it for the rename strategy, got null and failed with "Internal error.".
	 */
	@Override
	public void register(Injector injector) {
		if (!replacesRegistration() && IResourceServiceProvider.Registry.INSTANCE.getExtensionToFactoryMap().containsKey("tess")) return;
		super.register(injector);
	}

	/** Whether this setup's registration wins over one already there (the IDE's does: it binds more). */
	protected boolean replacesRegistration() {
		return false;
	}
}
