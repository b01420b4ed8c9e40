using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingHub.Competencies.Exchange;

/// <summary>
/// Texts in both languages inside one field, the way Moodle's multilang filter reads them:
/// <c>&lt;span lang="uk" class="multilang"&gt;…&lt;/span&gt;&lt;span lang="en" class="multilang"&gt;…&lt;/span&gt;</c>.
/// Plain text without such spans is Ukrainian only. Also turns Moodle's HTML descriptions into plain text and back.
/// </summary>
internal static partial class BilingualText
{
    public static (string Uk, string En) Split(string value)
    {
        var spans = MultilangSpan().Matches(value);
        if (spans.Count == 0)
        {
            return (value, "");
        }
        string? uk = null, en = null;
        foreach (Match span in spans)
        {
            var language = span.Groups["lang"].Value.ToLowerInvariant().Split('-', '_')[0];
            if (language == "uk")
            {
                uk ??= span.Groups["text"].Value;
            }
            else if (language == "en")
            {
                en ??= span.Groups["text"].Value;
            }
        }
        // A framework in other languages only still needs a name: its first language stands in for Ukrainian.
        return (uk ?? (en is null ? spans[0].Groups["text"].Value : ""), en ?? "");
    }

    /// <summary>Both texts as multilang spans; only the Ukrainian one, plain, when there is no English text.</summary>
    public static string Join(string uk, string en) =>
        en.Length == 0 ? uk : $"<span lang=\"uk\" class=\"multilang\">{uk}</span><span lang=\"en\" class=\"multilang\">{en}</span>";

    /// <summary>
    /// Line breaks trimmed and at most one empty line in a row: the form every text takes once read, so that a text
    /// written and read again is the same text.
    /// </summary>
    public static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim());
        return ExtraBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    public static string HtmlToText(string html)
    {
        var text = HtmlWhitespace().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n\n");
        text = ListItem().Replace(text, "\n- ");
        text = Tag().Replace(text, "");
        return Normalise(WebUtility.HtmlDecode(text));
    }

    /// <summary>Plain text as HTML with one &lt;br&gt; per line break; only the characters HTML needs are escaped.</summary>
    public static string TextToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\n' => "<br>",
                _ => c.ToString(),
            });
        }
        return html.ToString();
    }

    [GeneratedRegex("""<(?:span|lang)\b(?=[^>]*\blang\s*=\s*"(?<lang>[A-Za-z0-9_-]+)")(?:(?=[^>]*\bclass\s*=\s*"multilang")|(?<=<lang\b))[^>]*>(?<text>.*?)</(?:span|lang)>""",
        RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MultilangSpan();

    [GeneratedRegex("[ \t\r\n]+")]
    private static partial Regex HtmlWhitespace();

    [GeneratedRegex(@"\s*<br\s*/?>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(?:p|div|h[1-6]|ul|ol|table|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
