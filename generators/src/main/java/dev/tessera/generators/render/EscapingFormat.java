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
	/** Inside a device-tree source string: dtc reads C-like escapes (dtc's util.c get_escape_char). */
	public static final EscapingFormat DTS = new EscapingFormat("DTS", s -> backslashed(s, "\\\""));
	/**
	 * Inside a double-quoted word of a U-Boot script line that hush reads once (no {@code ${...}} on the line). U-Boot's
	 * hush (common/cli_hush.c) keeps a backslash inside double quotes ({@code "\""} reaches the command as {@code \"})
	 * and starts a single-quoted run at a {@code '} even there; outside quotes a backslash escapes any character. So
	 * each {@code "}, {@code \}, {@code $} and {@code '} closes the quotes, is written backslashed, and the quotes
	 * open again: {@code a"b} becomes {@code a"\""b} inside the template's quotes. POSIX shells and U-Boot's newer
	 * hush read it the same way.
	 */
	public static final EscapingFormat UBOOT = new EscapingFormat("UBoot", EscapingFormat::ubootWord);
	/**
	 * Inside a double-quoted word of a U-Boot script line that also expands a variable: the old hush runs such a line
	 * twice, the second time with each quoted word of the first pass in single quotes, where it drops one more level
	 * of backslashes. Backslashes inside the double quotes survive both passes (and mean the same to the newer hush);
	 * a {@code '} cannot, and rule text.uboot keeps it out of what goes there (file names with dynamic addressing).
	 */
	public static final EscapingFormat UBOOT_EXPANDED = new EscapingFormat("UBootExpanded", s -> {
		if (s.indexOf('\'') >= 0) throw new UnrepresentableText("a ' cannot be written on a U-Boot line that expands a variable: " + s);
		return backslashed(s, "\\\"$");
	});
	/** Inside a double-quoted POSIX shell word: no expansion, no command substitution. */
	public static final EscapingFormat SH = new EscapingFormat("Sh", s -> backslashed(s, "\\\"$`"));
	/** SVG text and attributes. */
	public static final EscapingFormat SVG = new EscapingFormat("Svg",
			s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));
	/** Inside a double-quoted xl.cfg string: libxlu's lexer (libxlu_cfg_l.l) and xlu__cfgl_dequote read \\ and \". */
	public static final EscapingFormat XL = new EscapingFormat("XL", s -> backslashed(s, "\\\""));
	/**
	 * Text in a CommonMark/GitHub table cell or paragraph: each ASCII punctuation character that can start Markdown
	 * syntax inside a line (emphasis, code, links, HTML, strikethrough) is backslash-escaped (CommonMark 0.30,
	 * "Backslash escapes": any ASCII punctuation may be), {@code #} too, and {@code |} so that a cell is not cut (the
	 * GFM table extension). Proven by commonmark-java reading the escaped text back (IsolationReportTest).
	 */
	public static final EscapingFormat MARKDOWN = new EscapingFormat("Markdown", s -> backslashed(s, "\\`*_[]<>#|~"));
	/**
	 * xen.cfg values run to the end of the line and have no quoting at all (xen/common/efi/boot.c): validation keeps
	 * line breaks, control characters and non-ASCII (rule text.unsafe) and '#' (rule text.xen-cfg) out, so what remains
	 * is written as it is.
	 */
	public static final EscapingFormat XEN_CFG = new EscapingFormat("XenCfg", s -> {
		if (s.indexOf('#') >= 0) throw new UnrepresentableText("xen.cfg cannot carry a '#': " + s);
		return s;
	});

	/** Text a format cannot carry: validation should have refused it, so this is a Tessera bug, never silent output. */
	public static final class UnrepresentableText extends IllegalStateException {
		private static final long serialVersionUID = 1L;

		UnrepresentableText(String message) {
			super(message);
		}
	}

	/** Every character of {@code special} backslashed; control characters refused. */
	static String backslashed(String s, String special) {
		StringBuilder b = new StringBuilder(s.length() + 8);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			refuseControl(s, c);
			if (special.indexOf(c) >= 0) b.append('\\');
			b.append(c);
		}
		return b.toString();
	}

	static String ubootWord(String s) {
		StringBuilder b = new StringBuilder(s.length() + 8);
		boolean quoted = true;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			refuseControl(s, c);
			if (c == '"' || c == '\\' || c == '$' || c == '\'') {
				if (quoted) b.append('"');
				quoted = false;
				b.append('\\').append(c);
			} else {
				if (!quoted) b.append('"');
				quoted = true;
				b.append(c);
			}
		}
		if (!quoted) b.append('"');
		return b.toString();
	}

	private static void refuseControl(String s, char c) {
		if (c < 0x20 || c == 0x7f) throw new UnrepresentableText(String.format("control character U+%04X in %s", (int) c, s));
	}

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
