package dev.tessera.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

import dev.tessera.dsl.conversion.TesseraValueConverters;
import dev.tessera.dsl.scoping.LibraryGlobalScopeProvider;
import dev.tessera.dsl.scoping.LibraryImportUriResolver;
import dev.tessera.dsl.validation.TesseraLinkingMessages;

/** Binds Tessera's own parts into Xtext. */
public class TesseraRuntimeModule extends AbstractTesseraRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return TesseraValueConverters.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return LibraryGlobalScopeProvider.class;
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return LibraryImportUriResolver.class;
	}

	@Override
	public Class<? extends org.eclipse.xtext.resource.XtextResource> bindXtextResource() {
		return dev.tessera.dsl.load.TesseraResource.class;
	}

	public Class<? extends org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return TesseraLinkingMessages.class;
	}

	public Class<? extends org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return dev.tessera.dsl.validation.TesseraSyntaxErrors.class;
	}
}
