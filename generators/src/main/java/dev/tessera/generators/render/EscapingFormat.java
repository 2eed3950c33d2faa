package dev.tessera.generators.render;

import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * A FreeMarker output format that escapes every interpolation for one target syntax. Templates declare theirs
 * ({@code <#ftl output_format="DTS">}), so no value reaches a device tree, a U-Boot script or an xl config
 * unescaped, whoever writes the template.
 */
public final class EscapingFormat extends CommonMarkupOutputFormat<EscapingFormat.Text> {
	/** Inside a device-tree source string: dtc reads C-like escapes. */
	public static final EscapingFormat DTS = new EscapingFormat("DTS", s -> s.replace("\\", "\\\\").replace("\"", "\\\""));
	/** Inside a double-quoted U-Boot (hush) word: no variable expansion, no quote ends the word early. */
	public static final EscapingFormat UBOOT = new EscapingFormat("UBoot",
			s -> s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"));
	/** Inside a double-quoted POSIX shell word: no expansion, no command substitution. */
	public static final EscapingFormat SH = new EscapingFormat("Sh",
			s -> s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`"));
	/** SVG text and attributes. */
	public static final EscapingFormat SVG = new EscapingFormat("Svg",
			s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));
	/** Inside a double-quoted xl.cfg string: libxlu reads C-like escapes. */
	public static final EscapingFormat XL = new EscapingFormat("XL", s -> s.replace("\\", "\\\\").replace("\"", "\\\""));
	/**
	 * xen.cfg values run to the end of the line and have no quoting at all: validation (rule text.unsafe) keeps
	 * line breaks and non-ASCII out, so what remains is written as it is.
	 */
	public static final EscapingFormat XEN_CFG = new EscapingFormat("XenCfg", s -> s);

	private final String name;
	private final UnaryOperator<String> escaper;

	private EscapingFormat(String name, UnaryOperator<String> escaper) {
		this.name = name;
		this.escaper = escaper;
	}

	@Override
	public void output(String textToEsc, Writer out) throws IOException {
		out.write(escapePlainText(textToEsc));
	}

	@Override
	public String escapePlainText(String plainTextContent) {
		return escaper.apply(plainTextContent);
	}

	@Override
	public boolean isLegacyBuiltInBypassed(String builtInName) {
		return false;
	}

	@Override
	protected Text newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
		return new Text(plainTextContent, markupContent, this);
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public String getMimeType() {
		return "text/plain";
	}

	/** Text already escaped for one format. */
	public static final class Text extends CommonTemplateMarkupOutputModel<Text> {
		private final EscapingFormat format;

		Text(String plainTextContent, String markupContent, EscapingFormat format) {
			super(plainTextContent, markupContent);
			this.format = format;
		}

		@Override
		public EscapingFormat getOutputFormat() {
			return format;
		}
	}
}
