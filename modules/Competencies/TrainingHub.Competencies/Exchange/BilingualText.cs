using System.Buffers;
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
        var spans = MultilangSpans(value);
        if (spans.Count == 0)
        {
            return (value, "");
        }
        string? uk = null, en = null;
        foreach (var (lang, text) in spans)
        {
            var language = lang.ToLowerInvariant().Split('-', '_')[0];
            if (language == "uk")
            {
                uk ??= text;
            }
            else if (language == "en")
            {
                en ??= text;
            }
        }
        // A framework in other languages only still needs a name: its first language stands in for Ukrainian.
        return (uk ?? (en is null ? spans[0].Text : ""), en ?? "");
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

    /// <summary>
    /// The language and text of each <c>&lt;span lang="…" class="multilang"&gt;</c> (or <c>&lt;lang lang="…"&gt;</c>)
    /// up to the next closing span or lang tag. A scanner rather than a pattern, and each character is looked at a
    /// fixed number of times: cells of unclosed tags must not cost time that grows with the square of their length.
    /// </summary>
    private static List<(string Lang, string Text)> MultilangSpans(string value)
    {
        var spans = new List<(string, string)>();
        var position = 0;
        while (value.IndexOf('<', position) is var start and >= 0)
        {
            var name = value.AsSpan(start + 1);
            var isLangTag = name.StartsWith("lang", StringComparison.OrdinalIgnoreCase);
            if (!isLangTag && !name.StartsWith("span", StringComparison.OrdinalIgnoreCase) || name.Length > 4 && IsWordCharacter(name[4]))
            {
                position = start + 1;
                continue;
            }
            var tagEnd = value.IndexOf('>', start);
            if (tagEnd < 0)
            {
                break;
            }
            var (lang, multilang) = Attributes(value.AsSpan(start + 5, tagEnd - start - 5));
            if (lang is null || !multilang && !isLangTag)
            {
                // A later tag before the same '>' has only some of these attributes: it cannot qualify either.
                position = tagEnd + 1;
                continue;
            }
            if (ClosingTag(value, tagEnd + 1) is not { } close)
            {
                break;
            }
            spans.Add((lang, value[(tagEnd + 1)..close]));
            position = close + "</span>".Length;
        }
        return spans;
    }

    /// <summary>The lang attribute (letters, digits, '-' and '_') and whether class is "multilang", in one pass over the tag.</summary>
    private static (string? Lang, bool Multilang) Attributes(ReadOnlySpan<char> tag)
    {
        string? lang = null;
        var multilang = false;
        var i = 0;
        while (i < tag.Length)
        {
            if (!IsNameCharacter(tag[i]))
            {
                i++;
                continue;
            }
            var nameStart = i;
            while (i < tag.Length && IsNameCharacter(tag[i]))
            {
                i++;
            }
            var name = tag[nameStart..i];
            while (i < tag.Length && char.IsWhiteSpace(tag[i]))
            {
                i++;
            }
            if (i == tag.Length || tag[i] != '=')
            {
                continue;
            }
            i++;
            while (i < tag.Length && char.IsWhiteSpace(tag[i]))
            {
                i++;
            }
            if (i == tag.Length || tag[i] != '"')
            {
                continue;
            }
            var valueEnd = tag[(i + 1)..].IndexOf('"');
            if (valueEnd < 0)
            {
                break;
            }
            var attribute = tag.Slice(i + 1, valueEnd);
            i += valueEnd + 2;
            if (name.Equals("lang", StringComparison.OrdinalIgnoreCase) && lang is null && attribute.Length > 0
                && !attribute.ContainsAnyExcept(LanguageCharacters))
            {
                lang = attribute.ToString();
            }
            else if (name.Equals("class", StringComparison.OrdinalIgnoreCase) && attribute.Equals("multilang", StringComparison.OrdinalIgnoreCase))
            {
                multilang = true;
            }
        }
        return (lang, multilang);
    }

    /// <summary>Where the next &lt;/span&gt; or &lt;/lang&gt; from <paramref name="from"/> starts.</summary>
    private static int? ClosingTag(string value, int from)
    {
        while (value.IndexOf("</", from, StringComparison.Ordinal) is var close and >= 0)
        {
            var name = value.AsSpan(close + 2);
            if (name.StartsWith("span>", StringComparison.OrdinalIgnoreCase) || name.StartsWith("lang>", StringComparison.OrdinalIgnoreCase))
            {
                return close;
            }
            from = close + 2;
        }
        return null;
    }

    private static readonly SearchValues<char> LanguageCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsNameCharacter(char c) => IsWordCharacter(c) || c is '-' or ':';

    [GeneratedRegex("[ \t\r\n]+", RegexOptions.NonBacktracking)]
    private static partial Regex HtmlWhitespace();

    [GeneratedRegex(@"\s*<br\s*/?>\s*", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(?:p|div|h[1-6]|ul|ol|table|blockquote)\s*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.NonBacktracking)]
    private static partial Regex ExtraBlankLines();
}
