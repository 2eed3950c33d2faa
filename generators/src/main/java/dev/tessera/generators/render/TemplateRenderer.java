package dev.tessera.generators.render;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/** Renders the templates under dev/tessera/generators/templates/ with a plan. Templates only render. */
public final class TemplateRenderer {
	private static final Configuration CONFIG = configure();

	private static Configuration configure() {
		Configuration c = new Configuration(Configuration.VERSION_2_3_33);
		c.setClassForTemplateLoading(TemplateRenderer.class, "/dev/tessera/generators/templates");
		c.setDefaultEncoding("UTF-8");
		c.setRegisteredCustomOutputFormats(
				List.of(EscapingFormat.DTS, EscapingFormat.UBOOT, EscapingFormat.UBOOT_EXPANDED, EscapingFormat.XL, EscapingFormat.XEN_CFG, EscapingFormat.SH,
						EscapingFormat.SVG, EscapingFormat.MARKDOWN));
		c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		c.setLogTemplateExceptions(false);
		c.setWrapUncheckedExceptions(true);
		c.setFallbackOnNullLoopVariable(false);
		c.setNumberFormat("c");
		c.setBooleanFormat("c");
		c.setLocale(java.util.Locale.ROOT);
		c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
		DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33);
		wrapper.setExposeFields(true); // plain drawing data (LayoutDrawing) is read field by field
		c.setObjectWrapper(wrapper.build());
		return c;
	}

	private static final freemarker.template.TemplateModel FILES = files();

	private static freemarker.template.TemplateModel files() {
		try {
			return ((freemarker.ext.beans.BeansWrapper) CONFIG.getObjectWrapper()).getStaticModels()
					.get(dev.tessera.core.plan.OutputFiles.class.getName());
		} catch (freemarker.template.TemplateModelException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Reads and parses every template now (FreeMarker caches them): a cold run does it while the language is set up. */
	public static void preload() {
		try {
			for (String t : List.of("header.ftl", "partial.dts.ftl", "host.dts.ftl", "chosen.dts.ftl", "chosen.fdt.ftl", "boot.cmd.ftl", "xen.cfg.ftl",
					"xl.cfg.ftl", "xl-devices.ftl", "start-domains.sh.ftl", "layout.svg.ftl", "isolation.md.ftl", "isolation.svg.ftl"))
				CONFIG.getTemplate(t);
		} catch (IOException e) {
			// render reports it with the template's name
		}
	}

	public String render(String template, Map<String, Object> model) {
		try {
			Template t = CONFIG.getTemplate(template);
			StringWriter out = new StringWriter();
			java.util.HashMap<String, Object> data = new java.util.HashMap<>(model);
			data.put("fmt", new Fmt());
			// every output file's name, spelled once (OutputFiles)
			data.put("files", FILES);
			t.process(data, out);
			return out.toString();
		} catch (IOException | TemplateException e) {
			throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
		}
	}
}
