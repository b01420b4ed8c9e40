using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace TrainingHub.Learning.Content;

/// <summary>
/// Turns a lesson's Markdown into HTML that is safe to put into a page: Markdig renders it (raw HTML included, so
/// authors may use &lt;details&gt; or &lt;kbd&gt;), then an allow-list sanitiser keeps only harmless tags and attributes.
/// No script, event handler, style, frame or form survives, links keep to http(s) and mail, and images come only
/// over https or from the module's own attachment endpoint.
/// </summary>
internal static class LessonMarkdown
{
    /// <summary>Where lesson attachments are served; images there may be shown in a lesson.</summary>
    public const string AttachmentPath = "api/v1/learning/attachments/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseListExtras()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseDefinitionLists()
        .UseFootnotes()
        .UseFigures()
        .UseAbbreviations()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The Markdown that shows an attachment: an image in place, or a link to download any other file.</summary>
    public static string Reference(Guid attachmentId, string fileName, bool isImage)
    {
        var label = fileName.Replace("[", "(").Replace("]", ")");
        return isImage ? $"![{label}]({AttachmentPath}{attachmentId})" : $"[{label}]({AttachmentPath}{attachmentId})";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in new[]
                 {
                     "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub",
                     "sup", "small", "code", "pre", "kbd", "samp", "var", "q", "cite", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a",
                     "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption", "abbr", "div", "span",
                     "details", "summary", "section", "input",
                 })
        {
            options.AllowedTags.Add(tag);
        }
        foreach (var attribute in new[]
                 {
                     "href", "src", "alt", "title", "id", "colspan", "rowspan", "start", "reversed", "open", "lang", "dir",
                     // Task lists render as disabled checkboxes; nothing else is allowed to be an input.
                     "type", "checked", "disabled",
                 })
        {
            options.AllowedAttributes.Add(attribute);
        }
        options.UriAttributes.Add("href");
        options.UriAttributes.Add("src");
        options.AllowedSchemes.Add("http");
        options.AllowedSchemes.Add("https");
        options.AllowedSchemes.Add("mailto");
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName == "IMG" && !IsAllowedImage(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }
            switch (element.NodeName)
            {
                case "INPUT" when element.GetAttribute("type") != "checkbox":
                    element.Remove();
                    break;
                case "INPUT":
                    element.SetAttribute("disabled", "disabled");
                    break;
                case "A" when element.GetAttribute("href") is { } href && Uri.IsWellFormedUriString(href, UriKind.Absolute):
                    // Links out of TrainingHub open apart and learn nothing about the page they came from.
                    element.SetAttribute("target", "_blank");
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                    break;
                case "IMG":
                    element.SetAttribute("loading", "lazy");
                    break;
            }
        };
        return sanitizer;
    }

    private static bool IsAllowedImage(string url)
    {
        var trimmed = url.Trim();
        return trimmed.StartsWith(AttachmentPath, StringComparison.Ordinal)
            || trimmed.StartsWith("/" + AttachmentPath, StringComparison.Ordinal)
            || (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
    }
}
